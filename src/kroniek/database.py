"""``kroniek.open(path)``: a kroniek database from Python, named as the CLI names things.

:class:`Database` answers what ``kroniek timeline``, ``dyad``, ``events``, ``actors``,
``search``, ``show``, ``chronicle`` and ``rejects`` answer (those commands call it),
and ingests articles as ``kroniek ingest`` does. Query results are the records of
:mod:`kroniek.query`; the event lists among them have ``to_pandas()``.

It holds no connection between calls: each question opens the SQLite file read-only
and closes it again (cheap, and a notebook left open never holds a lock), and
``ingest`` takes the one writer's lock only while it runs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .annotator import Annotator, RecordLike, as_config, read_records

if TYPE_CHECKING:  # pragma: no cover
    from .config import Config
    from .model import Document
    from .jobs import IngestReport, Progress
    from .query import Dyad, EventPage, Timeline
    from .store import Store
    from .corpus.query import MergedPage, StoryDetail
    from .frames import ActorCounts, ArticleHits, StoryRecords


class Database:
    """The database at ``path`` (None: ``$KRONIEK_DB`` or kroniek's default file)."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *,
                 config: Config | str | os.PathLike[str] | None = None) -> None:
        if path is None:
            from .store import default_db_path

            path = default_db_path()
        self.path = Path(path)
        self.config = as_config(config)

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """The store, read-only, for one question (StoreError E_STORE_OPEN when there is none)."""
        from .store import Store

        with Store.open_reader(self.path) as store:
            yield store

    # -- writing --------------------------------------------------------------------

    def ingest(self, records: RecordLike | Iterable[RecordLike], *, annotator: Annotator | None = None,
               workers: int | None = None, progress: Progress | None = None, **read_options: Any) -> IngestReport:
        """Annotate and store ``records`` (paths, dicts or Articles; see
        :meth:`Annotator.annotate_many`). Articles stored already with the same content
        and annotator are skipped; rejects are stored with their reasons.

        Give an ``annotator`` to reuse its running parsers; otherwise one is made for
        this call (``workers`` processes) and stopped at its end.
        """
        from .store import Store

        own = annotator is None
        nlp = annotator if annotator is not None else Annotator(self.config, workers=workers)
        try:
            items = read_records(records, nlp.read_options(**read_options))
            pipeline = nlp.pipeline  # a broken KB file stops here, before the database is touched
            with Store.open_writer(self.path, batch_size=self.config.store.batch_size,
                                   commit_seconds=self.config.store.commit_seconds) as store:
                from .jobs import ingest_items

                return ingest_items(items, store, nlp.pool, pipeline, progress)
        finally:
            if own:
                nlp.close()

    # -- documents ------------------------------------------------------------------

    def ids(self) -> list[str]:
        with self.reader() as store:
            return store.ids()

    def get(self, doc_id: str) -> Document:
        """One stored document (StoreError E_STORE_NOT_FOUND when it is not there)."""
        with self.reader() as store:
            return store.get(doc_id)

    __getitem__ = get

    def documents(self, limit: int | None = None) -> list[Document]:
        """Stored documents, in id order (at most ``limit``)."""
        with self.reader() as store:
            ids = store.ids()
            return [store.get(i) for i in (ids[:limit] if limit else ids)]

    def rejects(self, code: str | None = None) -> list[dict[str, Any]]:
        with self.reader() as store:
            return store.rejects(code)

    def __len__(self) -> int:
        with self.reader() as store:
            return store.count("documents")

    # -- questions (docs/QUERY.md) --------------------------------------------------

    def timeline(self, actor: str, start: str | None = None, end: str | None = None, *,
                 types: Iterable[str] | None = None, modalities: Iterable[str] | None = None,
                 limit: int = 1000) -> Timeline:
        """``actor``'s events in date order (``kroniek timeline ACTOR --from START --to END``)."""
        from . import query as Q

        with self.reader() as store:
            return Q.timeline(store, actor, Q.Period.parse(start, end), types, modalities, limit)

    def dyad(self, a: str, b: str, start: str | None = None, end: str | None = None, *,
             types: Iterable[str] | None = None, modalities: Iterable[str] | None = None,
             limit: int = 1000) -> Dyad:
        """Events between ``a`` and ``b``, both directions (``kroniek dyad A B``)."""
        from . import query as Q

        with self.reader() as store:
            return Q.dyad(store, a, b, Q.Period.parse(start, end), types, modalities, limit)

    def events(self, start: str | None = None, end: str | None = None, *, types: Iterable[str] | None = None,
               modalities: Iterable[str] | None = None, place: str | None = None, medium: str | None = None,
               limit: int = 100, offset: int = 0) -> EventPage:
        """Events by period, type, modality, place and medium (``kroniek events``)."""
        from . import query as Q

        with self.reader() as store:
            return Q.search_events(store, types, modalities, Q.Period.parse(start, end), place, medium,
                                   limit, offset)

    def actors(self, query: str = "", limit: int = 20) -> ActorCounts:
        """Actors whose name, KB id or country code starts with ``query``, most events
        first (``kroniek actors``); without ``query``, the busiest actors."""
        from . import query as Q
        from .frames import ActorCounts

        with self.reader() as store:
            return ActorCounts(Q.actors(store, query, limit))

    def search(self, q: str, start: str | None = None, end: str | None = None, *, limit: int = 20) -> ArticleHits:
        """Articles matching the words of ``q``, best first (``kroniek search``)."""
        from . import query as Q
        from .frames import ArticleHits

        with self.reader() as store:
            return ArticleHits(Q.search_articles(store, q, Q.Period.parse(start, end), limit))

    # -- across articles (docs/CHRONICLE.md) -----------------------------------------

    def merged_events(self, actor: str | None = None, start: str | None = None, end: str | None = None, *,
                      types: Iterable[str] | None = None, modalities: Iterable[str] | None = None,
                      story: str | None = None, limit: int = 1000, offset: int = 0) -> MergedPage:
        """Each real-world event once, with its reports and status arc, in date order:
        ``kroniek timeline ACTOR`` (without ``actor``: ``kroniek chronicle``)."""
        from .corpus import query as CQ
        from .query import Period

        with self.reader() as store:
            return CQ.merged_events(store, actor, Period.parse(start, end), types, modalities, story,
                                    limit, offset)

    def stories(self, actor: str | None = None, start: str | None = None, end: str | None = None, *,
                limit: int = 50) -> StoryRecords:
        """Story threads, most reported first (``kroniek stories``)."""
        from .corpus import query as CQ
        from .frames import StoryRecords
        from .query import Period

        with self.reader() as store:
            return StoryRecords(CQ.stories(store, actor, Period.parse(start, end), limit))

    def story(self, story_id: str) -> StoryDetail:
        """One story with its merged events and every report (``kroniek stories ID``)."""
        from .corpus import query as CQ

        with self.reader() as store:
            return CQ.story(store, story_id)

    def pending(self) -> int:
        """Stored articles not merged yet (``kroniek merge`` brings them in)."""
        from .corpus.sync import pending

        with self.reader() as store:
            return pending(store)

    def __repr__(self) -> str:
        return f"<kroniek.Database {str(self.path)!r}>"

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        pass  # nothing is held between calls


def open(path: str | os.PathLike[str] | None = None, *,  # noqa: A001  (kroniek.open, like sqlite3.connect)
         config: Config | str | os.PathLike[str] | None = None) -> Database:
    """The kroniek database at ``path``; nothing is opened or created until it is asked
    something (queries need an existing database; ``ingest`` creates one)."""
    return Database(path, config=config)
