"""The case list and what opens from it."""
