"""Practices: roster, leads, the shared spaces and each person's home."""
