"""Article → Document: parse once, then run the extraction steps in order.

Each step declares what it ``requires`` and ``provides`` (annotation names such as
"parse", "entities", "times"); :class:`Pipeline` checks the order when it is built, so
a misconfigured pipeline fails at once, not on the millionth article. Steps compute
and return their annotations; the pipeline sets them. No I/O happens here: readers
feed it, the store or a writer takes what it yields.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol

from .config import Config
from .errors import KroniekError, ParserError, PipelineError
from .model import Article, Document, ParsedDoc, Reject
from .nlp import Parser
from .nlp.pool import ParserPool

ANNOTATIONS = ("entities", "times", "events", "quotes")


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
    from .extract.entities import EntityStep
    from .extract.events import EventStep
    from .extract.quotes import QuoteStep
    from .extract.times import TimeStep

    user_files = config.kb.user_files if config is not None else ()
    return [
        EntityStep(user_files=user_files),
        ActorStep(user_files=user_files),
        TimeStep(),
        QuoteStep(),
        EventStep(),
    ]


class Pipeline:
    """An ordered, checked list of steps over a parse."""

    def __init__(self, steps: Sequence[Step] | None = None, config: Config | None = None) -> None:
        self.steps = list(default_steps(config) if steps is None else steps)
        available = {"parse"}
        for step in self.steps:
            missing = [r for r in step.requires if r not in available]
            if missing:
                raise PipelineError(f"step {step.name!r} requires {', '.join(missing)}, which no "
                                    f"earlier step provides (available: {', '.join(sorted(available))})")
            available.update(step.provides)
        self.provides = frozenset(available)

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
