"""Retention: forget what is no longer needed, on time."""
