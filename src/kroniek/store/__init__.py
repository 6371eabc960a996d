"""The embedded store: one SQLite file, one writer, named migrations, full-text search."""

from .db import SaveStatus, Store, default_db_path

__all__ = ["SaveStatus", "Store", "default_db_path"]
