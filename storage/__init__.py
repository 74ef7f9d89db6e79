"""Storage: SQLAlchemy 2.0 tables, repositories and the unit of work; knows no chat platform."""
