"""Scorers for gold data: each reads a gold format and compares kroniek's output with it."""
