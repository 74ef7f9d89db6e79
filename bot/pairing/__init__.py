"""Coffee pairing: opt-in pairs (a three when the number is odd), mixing roles, avoiding repeats."""
