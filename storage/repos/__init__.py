"""One repository module per capability, implementing bot's ports over SQLAlchemy."""
