"""Scorers for kroniek's output against gold annotations (the figures of docs/EVALUATION.md)."""
