"""Mentoring: profiles, matches across seniority (never a line manager), a slot blocked off."""
