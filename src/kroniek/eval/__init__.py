"""Scorers for the gold sets in ../shared/data; `kroniek eval ...` prints their figures."""
