"""Rant: five minutes of letting off steam (emotional support)."""
