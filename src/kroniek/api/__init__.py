"""The HTTP API over query.py (OpenAPI at /openapi.json) and the web UI it serves.

``create_app(db_path)`` builds the application; ``kroniek serve`` runs it with uvicorn
on 127.0.0.1. The UI is plain HTML, CSS and JavaScript in ``static/``: it fetches JSON
from the API and inserts every text from articles as text, never as HTML.
"""

from .app import create_app

__all__ = ["create_app"]
