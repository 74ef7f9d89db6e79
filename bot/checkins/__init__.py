"""Check-ins: an opt-in, private weekly burnout check (emotional support, self-perception)."""
