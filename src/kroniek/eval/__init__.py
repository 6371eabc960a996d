"""Scorers that compare kroniek's output with the gold sets in ../shared/data."""
