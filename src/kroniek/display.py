"""How kroniek's records show in a notebook: short reprs and escaped HTML.

``document_html`` draws the article's text with its event triggers, quotes and entity
mentions marked (each mark's title says what it is), then a table of the events.
Every piece of article text goes through :func:`html.escape`: a text holding
``<script>`` shows as text, it never runs.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .model import Document
    from .query import EventRecord

_STYLE = ("<style>.kroniek-doc mark{padding:0 1px}.kroniek-doc .k-event{background:#ffd27a;font-weight:bold}"
          ".kroniek-doc .k-quote{background:#cfe8ff}.kroniek-doc .k-entity{border-bottom:2px solid #7a9}"
          ".kroniek-doc table{border-collapse:collapse;font-size:90%}"
          ".kroniek-doc td,.kroniek-doc th{border:1px solid #ccc;padding:2px 6px;text-align:left}</style>")

# When marks overlap (a trigger inside a quote), the innermost kind wins the colour.
_PRIORITY = {"k-event": 3, "k-entity": 2, "k-quote": 1}


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _marks(doc: Document) -> list[tuple[int, int, str, str]]:
    names = {e.id: e.name for e in doc.entities}
    marks: list[tuple[int, int, str, str]] = []
    for e in doc.entities:
        for m in e.mentions:
            marks.append((m.start, m.end, "k-entity", f"{e.type} {e.name}"))
    for q in doc.quotes:
        marks.append((q.start, q.end, "k-quote",
                      f"{q.kind} quote {q.id}, speaker: {names.get(q.speaker or '', q.speaker) or '?'}"))
    for v in doc.events:
        who = f"{names.get(v.source or '', v.source) or '?'} → {names.get(v.target or '', v.target) or '?'}"
        marks.append((v.trigger.start, v.trigger.end, "k-event",
                      f"{v.type} {v.id}: {who}, {v.modality}, {v.date or 'undated'}"))
    return [m for m in marks if 0 <= m[0] < m[1] <= len(doc.text)]


def marked_text(doc: Document) -> str:
    """The text cut at every mark boundary; each piece is wrapped in the marks covering it."""
    marks = _marks(doc)
    cuts = sorted({0, len(doc.text)} | {m[0] for m in marks} | {m[1] for m in marks})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = _e(doc.text[a:b])
        covering = [m for m in marks if m[0] <= a and b <= m[1]]
        if covering:
            covering.sort(key=lambda m: _PRIORITY[m[2]])
            classes = " ".join(sorted({m[2] for m in covering}, key=_PRIORITY.get))
            title = " | ".join(m[3] for m in covering)
            piece = f'<mark class="{classes}" title="{_e(title)}">{piece}</mark>'
        out.append(piece)
    return "".join(out).replace("\n", "<br>")


def _table(head: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    cells = "".join(f"<th>{_e(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"


def document_html(doc: Document) -> str:
    names = {e.id: e.name for e in doc.entities}
    title = doc.title or short(doc.text)
    head = (f"<p><b>{_e(doc.id)}</b> · {_e(doc.date)} · {_e(title)}"
            f"{' · ' + _e(doc.source) if doc.source else ''}<br><small>{len(doc.entities)} entities, "
            f"{len(doc.times)} times, {len(doc.events)} events, {len(doc.quotes)} quotes. "
            f"Marked: <mark class=\"k-event\">event trigger</mark> <mark class=\"k-quote\">quote</mark> "
            f"<mark class=\"k-entity\">entity</mark></small></p>")
    events = _table(("event", "type", "source", "target", "modality", "date", "trigger"),
                    ((v.id, v.type, names.get(v.source or "", v.source), names.get(v.target or "", v.target),
                      v.modality, v.date, v.trigger.text) for v in doc.events)) if doc.events else ""
    return (f'<div class="kroniek-doc">{_STYLE}{head}<p>{marked_text(doc)}</p>{events}</div>')


def events_html(events: Sequence[EventRecord], caption: str, truncated: bool) -> str:
    rows = ((e.event.date if e.dated_by == "event" else f"~{e.doc_date}", e.event.type,
             e.source.name if e.source else None, e.target.name if e.target else None,
             e.event.modality, f"{e.doc_id}#{e.event.id}", short(e.sentence, 120)) for e in events)
    more = " (more left out by the limit)" if truncated else ""
    return (f'<div class="kroniek-doc">{_STYLE}<p><b>{_e(caption)}</b>: {len(events)} events{more}</p>'
            + _table(("date", "type", "source", "target", "modality", "event", "sentence"), rows) + "</div>")
