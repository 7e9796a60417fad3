"""Use cases. Each public method is one transaction, takes the acting user, and returns records."""
