"""JSON endpoints for the chronicle across articles: merged events and story threads.

A router of its own, included by :func:`kroniek.api.app.create_app`, so that the web UI's
story view (and anyone else) can build on it without touching the app's other routes.
"""

# No `from __future__ import annotations` here: FastAPI reads these annotations at run time.
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi import Path as PathParam

from .. import query as Q
from ..corpus import query as CQ
from .app import Db, From, Modalities, To, Types

router = APIRouter(prefix="/api", tags=["chronicle"])

OptionalActor = Annotated[str | None, Query(max_length=200,
                                            description="Name, KB id (kb:ID) or country code (country:RUS)")]
Id = Annotated[str, PathParam(min_length=1, max_length=200)]


@router.get("/merged", response_model=CQ.MergedPage)
def get_merged(db: Db, actor: OptionalActor = None, start: From = None, end: To = None,
               types: Types = None, modalities: Modalities = None,
               story: Annotated[str | None, Query(max_length=200)] = None,
               limit: Annotated[int, Query(ge=1, le=Q.MAX_LIMIT)] = 100,
               offset: Annotated[int, Query(ge=0, le=Q.MAX_OFFSET)] = 0):
    """Merged events (one real-world event, however many articles report it) in date order,
    each with its dates, status arc, outlets and every report with its sentence."""
    return CQ.merged_events(db, actor or None, Q.Period.parse(start, end), types, modalities,
                            story or None, limit, offset)


@router.get("/merged/{merged_id}", response_model=CQ.MergedRecord)
def get_merged_event(db: Db, merged_id: Id):
    """One merged event with every report."""
    return CQ.merged_event(db, merged_id)


@router.get("/stories", response_model=list[CQ.StoryRecord])
def get_stories(db: Db, actor: OptionalActor = None, start: From = None, end: To = None,
                limit: Annotated[int, Query(ge=1, le=1000)] = 50):
    """Story threads, most reported first."""
    return list(CQ.stories(db, actor or None, Q.Period.parse(start, end), limit))


@router.get("/stories/{story_id}", response_model=CQ.StoryDetail)
def get_story(db: Db, story_id: Id):
    """One story: its merged events in date order, each with its arc and every report's sentence."""
    return CQ.story(db, story_id)


@router.get("/duplicates/{doc_id}", response_model=list[str])
def get_duplicates(db: Db, doc_id: Annotated[str, PathParam(min_length=1, max_length=500)]):
    """The stored near duplicates of an article (syndicated copies, other versions)."""
    return list(CQ.duplicates(db, doc_id))
