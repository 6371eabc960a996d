"""A readable chronicle of documents: what happened, who was involved, who said what.

Returns lines of text; the CLI prints them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .model import Document, Entity


def _name(doc: Document, entity_id: str | None) -> str:
    if entity_id is None:
        return "?"
    for e in doc.entities:
        if e.id == entity_id:
            return _label(e)
    return entity_id


def _label(e: Entity) -> str:
    if e.actor and e.actor.code:
        return f"{e.name} ({e.actor.code})"
    return e.name


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def chronicle_lines(docs: Iterable[Document], width: int = 100) -> Iterator[str]:
    """Per document: its events in order, its quotes, and the entities it names."""
    for doc in sorted(docs, key=lambda d: (d.date, d.id)):
        title = doc.title or _short(doc.text, 60)
        yield f"{doc.date}  {doc.id}  {title}"
        for v in sorted(doc.events, key=lambda v: (v.date or "~", v.trigger.start)):
            flags = "" if v.modality == "asserted" else f" [{v.modality}]"
            by = f" (reported by {_name(doc, v.reported_by)})" if v.reported_by else ""
            yield (f"    {v.date or '(undated)':<12} {v.type:<10} {_name(doc, v.source)} → "
                   f"{_name(doc, v.target)}{flags}{by}")
            yield f"        “{_short(doc.text[v.sentence.start:v.sentence.end], width - 10)}”"
        for q in doc.quotes:
            yield f"    {_name(doc, q.speaker)} said: “{_short(q.text, width - 20)}”"
        if doc.times:
            times = ", ".join(f"{t.text} = {t.value}" for t in doc.times)
            yield f"    times: {_short(times, width - 11)}"
        if doc.entities:
            by_type: dict[str, list[str]] = {}
            for e in doc.entities:
                by_type.setdefault(e.type, []).append(_label(e))
            for typ in sorted(by_type):
                yield f"    {typ:<6} {_short(', '.join(by_type[typ]), width - 11)}"
        yield ""
