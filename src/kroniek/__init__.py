"""kroniek: the chronicle inside dated news articles."""

__version__ = "0.1.0"
