"""Article → Document: parse once, then run the extraction steps in order.

Each step declares what it ``requires`` and ``provides`` (annotation names such as
"parse", "entities", "times"); :class:`Pipeline` checks the order when it is built, so
a misconfigured pipeline fails at once, not on the millionth article. Steps compute
and return their annotations; the pipeline sets them. No I/O happens here: readers
feed it, the store or a writer takes what it yields.
"""

from __future__ import annotations

import collections
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from . import __version__
from .config import Config
from .errors import KroniekError, ParserError, PipelineError
from .model import Article, Document, ParsedDoc, Reject
from .nlp import Parser
from .nlp.pool import ParserPool

ANNOTATIONS = ("entities", "times", "events", "quotes")

# What decides a document's annotations: the code and data of these parts of the
# package. Their fingerprint is stored with every document, so that an upgraded
# kroniek (or an edited lexicon) annotates stored articles again instead of keeping
# what an older version made of them.
_ANNOTATING_PARTS = ("extract", "kb", "lexicons", "models", "nlp", "pipeline.py", "model.py", "dates.py")


@lru_cache(maxsize=1)
def _package_fingerprint() -> str:
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for part in _ANNOTATING_PARTS:
        path = root / part
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for f in files:
            if f.suffix in (".pyc", ".pyo") or "__pycache__" in f.parts:
                continue
            h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:12]


def annotator_id(user_files: Sequence[str | Path] = (), step_names: Sequence[str] = (),
                 parser: str | None = None) -> str:
    """``kroniek VERSION+FINGERPRINT`` and, when known, ``parser NAME``: changes whenever
    the annotations could change (kroniek's code or data, the user's knowledge-base
    files, the list of steps, the parser: Frog or the fast parser's model)."""
    h = hashlib.sha256(_package_fingerprint().encode())
    for name in step_names:
        h.update(b"step\0" + name.encode())
    for f in user_files:
        h.update(b"kb\0" + str(f).encode())
        try:
            h.update(Path(f).read_bytes())
        except OSError:
            pass  # the knowledge-base loader reports a missing file itself
    return f"kroniek {__version__}+{h.hexdigest()[:12]}" + (f" parser {parser}" if parser else "")


@dataclass
class Work:
    """What the steps of one document read: the article, its parse, earlier annotations."""

    article: Article
    parsed: ParsedDoc
    annotations: dict[str, Any] = field(default_factory=dict)


class Step(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, work: Work) -> dict[str, Any]: ...


def default_steps(config: Config | None = None) -> list[Step]:
    """The standard Dutch pipeline, in order (``config`` names the user's KB files)."""
    from .extract.actors import ActorStep
    from .extract.context_country import ContextCountryStep
    from .extract.coref import CorefStep
    from .extract.entities import EntityStep
    from .extract.event_model import EventModel
    from .extract.events import EventStep
    from .extract.nominal_speakers import NominalSpeakerStep
    from .extract.quotes import QuoteStep
    from .extract.times import TimeStep

    user_files = config.kb.user_files if config is not None else ()
    events = config.events if config is not None else None
    model = EventModel.load(events.model) if events is not None and events.model else None
    return [
        EntityStep(user_files=user_files),
        ActorStep(user_files=user_files),
        CorefStep(),
        NominalSpeakerStep(user_files=user_files),
        ContextCountryStep(),
        TimeStep(),
        QuoteStep(),
        EventStep(learned=events.learned if events is not None else True, model=model,
                  political_only=events.actors == "political" if events is not None else True,
                  learned_sides=events.learned_sides if events is not None else "both"),
    ]


class Pipeline:
    """An ordered, checked list of steps over a parse."""

    def __init__(self, steps: Sequence[Step] | None = None, config: Config | None = None) -> None:
        self.steps = list(default_steps(config) if steps is None else steps)
        # files of the user's that decide annotations: KB tables, an event model of their own
        self._user_files = (config.kb.user_files + ((config.events.model,) if config.events.model else ())
                            if config is not None else ())
        self._annotator: str | None = None
        self._config = config
        available = {"parse"}
        for step in self.steps:
            missing = [r for r in step.requires if r not in available]
            if missing:
                raise PipelineError(f"step {step.name!r} requires {', '.join(missing)}, which no "
                                    f"earlier step provides (available: {', '.join(sorted(available))})")
            available.update(step.provides)
        self.provides = frozenset(available)

    @property
    def annotator(self) -> str:
        """Who made this pipeline's annotations (stored with each document)."""
        if self._annotator is None:
            parser = None
            if self._config is not None:
                # Frog or the fast parser: a store re-annotates an article parsed by the other.
                from .nlp.backends import parser_label

                parser = parser_label(self._config)
            self._annotator = annotator_id(self._user_files, [step.name for step in self.steps], parser)
        return self._annotator

    def annotate_parsed(self, article: Article, parsed: ParsedDoc) -> Document:
        work = Work(article, parsed)
        for step in self.steps:
            try:
                produced = step(work)
            except KroniekError:
                raise
            except Exception as exc:  # a bug in a step must not sink the batch
                raise KroniekError(f"step {step.name!r} failed: {type(exc).__name__}: {exc}",
                                   code="E_EXTRACT") from exc
            unexpected = set(produced) - set(step.provides)
            if unexpected:
                raise PipelineError(f"step {step.name!r} produced {sorted(unexpected)} "
                                    f"but declares only {list(step.provides)}")
            work.annotations.update(produced)
        doc = Document.from_article(
            article, **{k: tuple(v) for k, v in work.annotations.items() if k in ANNOTATIONS})
        # Offsets are the contract: a document whose spans do not give their text is
        # a bug in some step, and is rejected rather than stored.
        bad = doc.bad_spans()
        if bad:
            raise KroniekError(f"{len(bad)} span(s) do not match the text, e.g. {bad[0]}", code="E_EXTRACT")
        return doc

    def annotate(self, article: Article, parser: Parser) -> Document:
        return self.annotate_parsed(article, parser.parse(article.text))

    def annotate_item(self, article: Article, parsed: ParsedDoc | ParserError) -> Document | Reject:
        """A Document, or a Reject carrying the parser's or a step's error."""
        if isinstance(parsed, ParserError):
            return Reject(id=article.id, code=parsed.code, message=parsed.message, origin=article.origin)
        try:
            return self.annotate_parsed(article, parsed)
        except KroniekError as exc:
            return Reject(id=article.id, code=exc.code, message=exc.message, origin=article.origin)


def _parse_with(pool: ParserPool, article: Article) -> ParsedDoc | ParserError:
    with pool.lease() as parser:
        try:
            return parser.parse(article.text)
        except ParserError as exc:
            if exc.code in ("E_PARSER_MISSING", "E_PARSER_START"):
                raise  # not this article's fault: stop the batch
            return exc


def annotate_stream(items: Iterable[Article | Reject], pool: ParserPool,
                    pipeline: Pipeline | None = None) -> Iterator[Document | Reject]:
    """Documents (or Rejects) for ``items``, in input order.

    Parsing runs on one thread per parser in ``pool`` (each parser owns its own
    process, so the parses really run in parallel); the steps run on the calling thread
    meanwhile. Rejects in the input pass through in their place.
    """
    pipeline = pipeline or Pipeline()
    # Parses in flight: enough that one long article does not leave the other parsers
    # idle while its result holds up the in-order output.
    window = 8 * pool.size
    pending: collections.deque[tuple[Article | Reject, Future[Any] | None]] = collections.deque()
    with ThreadPoolExecutor(max_workers=pool.size, thread_name_prefix="parse") as executor:
        it = iter(items)
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                try:
                    item = next(it)
                except StopIteration:
                    exhausted = True
                    break
                future = executor.submit(_parse_with, pool, item) if isinstance(item, Article) else None
                pending.append((item, future))
            if not pending:
                return
            item, future = pending.popleft()
            if future is None:
                yield item  # a reader's Reject
                continue
            try:
                parsed = future.result()
            except BaseException:
                for _, f in pending:
                    if f is not None:
                        f.cancel()
                raise
            assert isinstance(item, Article)
            yield pipeline.annotate_item(item, parsed)
