"""What every capability shares: values, ports, errors, the outbox, calendar, clock, sealing."""
