"""Safety on every path: the patient-data guard and crisis signposting."""
