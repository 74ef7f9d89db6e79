"""Protected time: recurring slots the bot makes happen (protected time, shared space)."""
