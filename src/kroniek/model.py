"""The data kroniek passes between its stages, as frozen dataclasses.

``Document`` and everything inside it is the contract of docs/SCHEMA.md (JSON
Schema in :mod:`kroniek.schema`). ``Article`` is what readers produce, ``Reject`` what
they produce instead when a record is bad, and ``ParsedDoc`` what a parser returns.

All records are immutable; stages build new ones instead of mutating. Sequences are
tuples. ``to_dict`` gives plain JSON-ready dicts; ``from_dict`` rebuilds the record and
rejects unknown keys, so a typo in a hand-written fixture fails loudly.
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from dataclasses import dataclass
from typing import Any, TypeVar

R = TypeVar("R", bound="Record")

ENTITY_TYPES = ("PER", "ORG", "LOC", "GPE", "EVENT", "MISC")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "planned", "hypothetical", "negated")
QUOTE_KINDS = ("direct", "indirect")


class Record:
    """Mixin for frozen dataclasses: dict round trip with type-directed rebuilding."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            out[f.name] = _dump(getattr(self, f.name))
        return out

    @classmethod
    def from_dict(cls: type[R], data: dict[str, Any]) -> R:
        if not isinstance(data, dict):
            raise TypeError(f"{cls.__name__}.from_dict needs a dict, got {type(data).__name__}")
        hints = typing.get_type_hints(cls)
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        unknown = set(data) - names
        if unknown:
            raise ValueError(f"{cls.__name__}: unknown field(s) {sorted(unknown)}")
        kwargs = {k: _load(hints[k], v) for k, v in data.items()}
        return cls(**kwargs)


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (tuple, list)):
        return [_dump(v) for v in value]
    return value


def _load(hint: Any, value: Any) -> Any:
    """Rebuild ``value`` according to the type hint ``hint``."""
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            if arg is type(None):
                continue
            return _load(arg, value)
    if origin is tuple:
        (item,) = typing.get_args(hint)[:1]
        return tuple(_load(item, v) for v in value)
    if isinstance(hint, type) and issubclass(hint, Record):
        return hint.from_dict(value)
    return value


# --------------------------------------------------------------------------- input


def content_hash(date: str, lang: str, title: str | None, text: str) -> str:
    """Identity of an article's content: same date, language, title and text, same hash."""
    h = hashlib.sha256()
    for part in (date, lang, title or "", text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


@dataclass(frozen=True)
class Article(Record):
    """One dated article as a reader produced it; ``text`` is the body offsets refer to."""

    id: str
    text: str
    date: str
    lang: str = "nl"
    title: str | None = None
    source: str | None = None
    url: str | None = None
    # Where the record came from ("path" or "path:line"), for messages; not in documents.
    origin: str | None = None

    @property
    def content_hash(self) -> str:
        return content_hash(self.date, self.lang, self.title, self.text)

    def __repr__(self) -> str:
        from .display import short

        return f"<Article {self.id!r} {self.date} {self.lang}: {len(self.text)} chars; {short(self.title or self.text, 50)!r}>"


def has_surrogates(value: str) -> bool:
    """Whether ``value`` holds lone surrogates: JSON escapes ("\\ud800") or bytes decoded
    with surrogateescape, which SQLite, Parquet and stdout all refuse to encode."""
    return any(0xD800 <= ord(c) <= 0xDFFF for c in value)


@dataclass(frozen=True)
class Reject(Record):
    """A record that could not be processed, with a stable code and a reason."""

    id: str | None
    code: str
    message: str
    origin: str | None = None

    def __post_init__(self) -> None:
        # A reject must always be storable and printable, even when the bad record's id,
        # file name or quoted content holds lone surrogates (undecodable bytes).
        for name in ("id", "message", "origin"):
            value = getattr(self, name)
            if isinstance(value, str) and has_surrogates(value):
                object.__setattr__(self, name, value.encode("utf-8", "backslashreplace").decode("utf-8"))

    def to_error_line(self) -> dict[str, Any]:
        """The JSON-lines form that takes a document's place (SCHEMA.md)."""
        return {"id": self.id, "error": {"code": self.code, "message": self.message},
                "origin": self.origin}


# --------------------------------------------------------------------------- parse


@dataclass(frozen=True)
class Token(Record):
    """One token of a parse; ``text`` is always ``doc.text[start:end]``.

    ``form`` is what the parser saw (it may differ: normalized quotes, joined units).
    ``head`` is the document-level index of the head token, None for a root.
    """

    i: int
    start: int
    end: int
    text: str
    form: str
    lemma: str
    pos: str        # coarse tag: N, WW, ADJ, SPEC, LET, VZ, ...
    tag: str        # full tag, e.g. "WW(pv,tgw,met-t)"
    ner: str        # BIO tag, e.g. "B-PER", or "O"
    head: int | None
    deprel: str
    sent: int       # index of the sentence this token belongs to
    chunk: str = "O"


@dataclass(frozen=True)
class Sentence(Record):
    start: int
    end: int
    first_token: int
    last_token: int  # exclusive


@dataclass(frozen=True)
class ParsedDoc(Record):
    """A parser's analysis of one text: sentences and tokens with character offsets."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    parser: str = "unknown"
    # Tokens whose form could not be found in the text and got a best-effort span.
    unaligned: int = 0

    def sentence_tokens(self, s: int) -> tuple[Token, ...]:
        sent = self.sentences[s]
        return self.tokens[sent.first_token:sent.last_token]


# --------------------------------------------------------------------------- document


@dataclass(frozen=True)
class Span(Record):
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SentenceRef(Record):
    start: int
    end: int


@dataclass(frozen=True)
class Actor(Record):
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    kb_id: str | None = None


@dataclass(frozen=True)
class Entity(Record):
    id: str
    name: str
    type: str
    actor: Actor | None
    mentions: tuple[Span, ...]


@dataclass(frozen=True)
class Time(Record):
    id: str
    start: int
    end: int
    text: str
    type: str
    value: str | None
    weekday: int | None = None
    mod: str | None = None


@dataclass(frozen=True)
class Event(Record):
    id: str
    type: str
    mode: str | None
    source: str | None
    target: str | None
    location: str | None
    time: str | None
    date: str | None
    modality: str
    reported_by: str | None
    trigger: Span
    sentence: SentenceRef
    confidence: float


@dataclass(frozen=True)
class Quote(Record):
    id: str
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None


@dataclass(frozen=True)
class Document(Record):
    """The output contract (docs/SCHEMA.md)."""

    id: str
    date: str
    lang: str
    title: str | None
    source: str | None
    url: str | None
    text: str
    entities: tuple[Entity, ...] = ()
    times: tuple[Time, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()

    @property
    def content_hash(self) -> str:
        return content_hash(self.date, self.lang, self.title, self.text)

    @classmethod
    def from_article(cls, article: Article, **annotations: Any) -> Document:
        return cls(id=article.id, date=article.date, lang=article.lang, title=article.title,
                   source=article.source, url=article.url, text=article.text, **annotations)

    def spans(self) -> typing.Iterator[tuple[str, int, int, str]]:
        """Every span in the document as (where, start, end, text), for offset checks."""
        for e in self.entities:
            for m in e.mentions:
                yield f"entity {e.id}", m.start, m.end, m.text
        for t in self.times:
            yield f"time {t.id}", t.start, t.end, t.text
        for v in self.events:
            yield f"event {v.id} trigger", v.trigger.start, v.trigger.end, v.trigger.text
        for q in self.quotes:
            yield f"quote {q.id}", q.start, q.end, q.text

    def __repr__(self) -> str:
        # The generated repr would print the whole text and every span: unreadable.
        from .display import short

        return (f"<Document {self.id!r} {self.date}: {len(self.entities)} entities, {len(self.times)} times, "
                f"{len(self.events)} events, {len(self.quotes)} quotes; {short(self.title or self.text, 50)!r}>")

    def _repr_html_(self) -> str:
        """Jupyter's view: the text with events, quotes and entities marked (escaped)."""
        from .display import document_html

        return document_html(self)

    def events_frame(self) -> typing.Any:
        """The events as a pandas DataFrame, one a row, actors by name (``kroniek[pandas]``)."""
        from .frames import document_events_frame

        return document_events_frame(self)

    def bad_spans(self) -> list[str]:
        """Spans whose offsets do not give their text; empty for a sound document."""
        bad = []
        for where, start, end, text in self.spans():
            if not (0 <= start <= end <= len(self.text)) or self.text[start:end] != text:
                bad.append(f"{where}: text[{start}:{end}]={self.text[start:end]!r} != {text!r}")
        for v in self.events:
            if not 0 <= v.sentence.start <= v.sentence.end <= len(self.text):
                bad.append(f"event {v.id} sentence [{v.sentence.start}:{v.sentence.end}] out of range")
        return bad


Item = typing.Union[Document, Reject]

__all__ = [
    "Actor", "Article", "Document", "Entity", "Event", "Item", "ParsedDoc", "Quote",
    "Record", "Reject", "Sentence", "SentenceRef", "Span", "Time", "Token", "has_surrogates",
    "ENTITY_TYPES", "EVENT_TYPES", "MODALITIES", "QUOTE_KINDS", "TIME_TYPES",
]
