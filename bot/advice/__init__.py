"""Run it past someone: questions and answers between colleagues (professional advice)."""
