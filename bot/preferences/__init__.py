"""Each GP's own settings: working week, leave, pauses, nudges, check-ins and role."""
