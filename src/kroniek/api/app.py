"""The FastAPI application: JSON endpoints over kroniek.query, and the web UI's files.

Every request opens the store read-only (cheap with SQLite) and closes it, so the
server never holds a writer's lock and sees what an ingest commits meanwhile. kroniek's
errors become JSON with their stable code: a bad parameter is a 400 (or FastAPI's 422
for a value of the wrong type), an unknown actor or document a 404, a missing database a
503; no bad input gives a 500.
"""

# No `from __future__ import annotations` here: FastAPI reads these annotations at run time.
import os
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from .. import query as Q
from ..errors import KroniekError
from ..model import Document
from ..store import Store

STATIC = Path(str(resources.files("kroniek") / "api" / "static"))

# What the UI's page may load: only its own files; no inline script, no frames, no
# other hosts. A script tag in an article could not run even if it reached the page.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

_STATUS = {"E_QUERY_PARAM": 400, "E_STORE_QUERY": 400, "E_QUERY_NO_ACTOR": 404,
           "E_STORE_NOT_FOUND": 404, "E_STORE_OPEN": 503, "E_STORE_MIGRATION": 503}

From = Annotated[str | None, Query(alias="from", max_length=32, description="Period start: YYYY, YYYY-MM or YYYY-MM-DD")]
To = Annotated[str | None, Query(alias="to", max_length=32, description="Period end: YYYY, YYYY-MM or YYYY-MM-DD")]
Types = Annotated[list[str] | None, Query(alias="type", description="PLOVER event types (repeat or comma-separate)")]
Modalities = Annotated[list[str] | None, Query(alias="modality", description="asserted, planned, hypothetical, negated")]
ActorParam = Annotated[str, Query(min_length=1, max_length=200,
                                  description="Name, KB id (kb:ID) or country code (country:RUS)")]


def _store(request: Request) -> Iterator[Store]:
    """A read-only store for one request."""
    s = Store.open_reader(request.app.state.db_path)
    try:
        yield s
    finally:
        s.close()


Db = Annotated[Store, Depends(_store)]


def _error(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}, **extra}, status_code=status)


# Host names every server answers to; `kroniek serve --host/--allow-host` add more.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
_HTTP_CODES = {404: "E_HTTP_NOT_FOUND", 405: "E_HTTP_METHOD"}


def host_name(header: str) -> str:
    """The name in a Host header, without port or IPv6 brackets, in lower case."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def create_app(db_path: str | os.PathLike[str] | None = None,
               allowed_hosts: tuple[str, ...] = ()) -> FastAPI:
    """The API and UI over the database at ``db_path`` (default: kroniek's default store).

    Requests must name this server in their Host header (loopback names and
    ``allowed_hosts``): a web page on another site that rebinds its own DNS name to
    127.0.0.1 sends its own name, and is refused (no DNS rebinding).
    """
    app = FastAPI(title="kroniek", version=__version__,
                  description="Timelines, dyads, actor networks and the evidence behind every event.",
                  # The interactive docs pages load scripts from a CDN: kroniek serves only
                  # the OpenAPI document itself.
                  docs_url=None, redoc_url=None)
    app.state.db_path = Path(db_path) if db_path else None
    hosts = frozenset(host_name(h) for h in (*LOCAL_HOSTS, *allowed_hosts))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # Unknown paths (also ../ tricks), wrong methods: kroniek's error form, not FastAPI's.
        code = _HTTP_CODES.get(exc.status_code, "E_HTTP")
        message = {404: f"no such page or endpoint: {request.url.path}",
                   405: f"{request.method} is not allowed on {request.url.path}"}.get(exc.status_code, str(exc.detail))
        return _error(exc.status_code, code, message)

    @app.exception_handler(KroniekError)
    async def kroniek_error(request: Request, exc: KroniekError) -> JSONResponse:
        return _error(_STATUS.get(exc.code, 400), exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = jsonable_encoder(exc.errors(), custom_encoder={Exception: str})
        where = "; ".join(f"{'.'.join(str(p) for p in d.get('loc', ()))}: {d.get('msg')}" for d in details)
        return _error(422, "E_QUERY_PARAM", f"bad parameter: {where}", detail=details)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        if host_name(request.headers.get("host", "")) not in hosts:
            response = _error(400, "E_HTTP_HOST", "this server does not answer to the host name "
                              f"{request.headers.get('host', '')!r} (kroniek serve --allow-host adds one)")
        else:
            response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    # -- API -------------------------------------------------------------------------

    @app.get("/api/summary", response_model=Q.StoreSummary, tags=["overview"])
    def get_summary(db: Db):
        """How much the database holds: documents, events, date range, media."""
        return Q.summary(db)

    @app.get("/api/actors", response_model=list[Q.ActorCount], tags=["actors"])
    def get_actors(db: Db, q: Annotated[str, Query(max_length=200)] = "",
                   limit: Annotated[int, Query(ge=1, le=100)] = 20):
        """Actors whose name (a word of it), KB id or country code starts with ``q``, with counts."""
        return Q.actors(db, q, limit)

    @app.get("/api/actor", response_model=Q.ActorMatch, tags=["actors"])
    def get_actor(db: Db, actor: ActorParam):
        """How an actor query is understood (KB id, country or name) and what it covers."""
        return Q.resolve_actor(db, actor)

    @app.get("/api/names", response_model=dict[str, str], tags=["actors"])
    def get_names():
        """Dutch names of KB entries by KB id ("NLD": "Nederland"), for showing names in Dutch."""
        from ..kb.display import display_names

        return dict(display_names().dutch)

    @app.get("/api/timeline", response_model=Q.Timeline, tags=["events"])
    def get_timeline(db: Db, actor: ActorParam, start: From = None, end: To = None,
                     types: Types = None, modalities: Modalities = None,
                     limit: Annotated[int, Query(ge=1, le=Q.MAX_LIMIT)] = Q.DEFAULT_LIMIT):
        """Events whose source or target is the actor, in date order."""
        return Q.timeline(db, actor, Q.Period.parse(start, end), types, modalities, limit)

    @app.get("/api/dyad", response_model=Q.Dyad, tags=["events"])
    def get_dyad(db: Db, a: ActorParam, b: ActorParam, start: From = None, end: To = None,
                 types: Types = None, modalities: Modalities = None,
                 limit: Annotated[int, Query(ge=1, le=Q.MAX_LIMIT)] = Q.DEFAULT_LIMIT):
        """Events between two actors or countries, both directions (``role``: a->b or b->a)."""
        return Q.dyad(db, a, b, Q.Period.parse(start, end), types, modalities, limit)

    @app.get("/api/events", response_model=Q.EventPage, tags=["events"])
    def get_events(db: Db, start: From = None, end: To = None, types: Types = None,
                   modalities: Modalities = None,
                   place: Annotated[str | None, Query(max_length=200)] = None,
                   medium: Annotated[str | None, Query(max_length=200)] = None,
                   limit: Annotated[int, Query(ge=1, le=Q.MAX_LIMIT)] = 100,
                   offset: Annotated[int, Query(ge=0, le=Q.MAX_OFFSET)] = 0):
        """Events by type, modality, period, place and source medium."""
        return Q.search_events(db, types, modalities, Q.Period.parse(start, end), place, medium,
                               limit, offset)

    @app.get("/api/search", response_model=list[Q.ArticleHit], tags=["articles"])
    def get_search(db: Db, q: Annotated[str, Query(min_length=1, max_length=500)],
                   start: From = None, end: To = None,
                   limit: Annotated[int, Query(ge=1, le=200)] = 20):
        """Full-text search over article titles and texts; snippets mark the hits."""
        return Q.search_articles(db, q, Q.Period.parse(start, end), limit)

    @app.get("/api/network", response_model=Q.Network, tags=["network"])
    def get_network(db: Db, start: From = None, end: To = None,
                    actor: Annotated[str | None, Query(max_length=200)] = None,
                    types: Types = None, modalities: Modalities = None,
                    limit: Annotated[int, Query(ge=1, le=2000)] = 150):
        """Actors as nodes and their events as weighted directed edges, for a period."""
        return Q.network(db, Q.Period.parse(start, end), actor or None, types, modalities, limit)

    @app.get("/api/places", response_model=list[Q.Place], tags=["network"])
    def get_places(db: Db, start: From = None, end: To = None,
                   actor: Annotated[str | None, Query(max_length=200)] = None,
                   limit: Annotated[int, Query(ge=1, le=1000)] = 200):
        """Places named in the period's articles and the events located there; coordinates when known."""
        return Q.places(db, Q.Period.parse(start, end), actor or None, limit=limit)

    @app.get("/api/documents/{doc_id}", response_model=Document, tags=["articles"])
    def get_document(db: Db, doc_id: Annotated[str, PathParam(min_length=1, max_length=500)]):
        """One article with its entities, times, events and quotes (the document contract)."""
        return db.get(doc_id)

    # Merged events and stories (kroniek.corpus) live in a router of their own.
    from .corpus_routes import router as corpus_router
    app.include_router(corpus_router)

    # -- UI --------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
