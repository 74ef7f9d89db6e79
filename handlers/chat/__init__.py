"""The local chat: Coffee Room in a terminal, a sample practice and no workspace needed."""
