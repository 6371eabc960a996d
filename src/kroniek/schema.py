"""JSON Schema (draft 2020-12) of the document contract in docs/SCHEMA.md.

`kroniek schema` prints it; tests validate every document kroniek writes against it.
Offsets cannot be expressed in JSON Schema (``text[start:end] == span text``);
:meth:`kroniek.model.Document.bad_spans` checks those.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .model import ENTITY_TYPES, EVENT_TYPES, MODALITIES, QUOTE_KINDS, TIME_TYPES

_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$"
_ID = {"type": "string", "minLength": 1}
_OFFSET = {"type": "integer", "minimum": 0}
_NULLABLE_STR = {"type": ["string", "null"]}
_NULLABLE_REF = {"type": ["string", "null"], "minLength": 1}


def _object(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": required if required is not None else list(properties),
        "additionalProperties": False,
    }


def _span_props() -> dict[str, Any]:
    return {"start": _OFFSET, "end": _OFFSET, "text": {"type": "string"}}


@lru_cache(maxsize=1)
def document_schema() -> dict[str, Any]:
    span = _object(_span_props())
    actor = {
        "type": ["object", "null"],
        "properties": {
            "code": _NULLABLE_STR,
            "country": {"type": ["string", "null"], "pattern": "^[A-Z]{3}$"},
            "sector": _NULLABLE_STR,
            "role": _NULLABLE_STR,
            "kb_id": _NULLABLE_STR,
        },
        "required": ["code", "country", "sector", "role", "kb_id"],
        "additionalProperties": False,
    }
    entity = _object({
        "id": _ID,
        "name": {"type": "string", "minLength": 1},
        "type": {"enum": list(ENTITY_TYPES)},
        "actor": actor,
        "mentions": {"type": "array", "items": span, "minItems": 1},
    })
    time = _object({
        "id": _ID,
        **_span_props(),
        "type": {"enum": list(TIME_TYPES)},
        "value": _NULLABLE_STR,
        "weekday": {"type": ["integer", "null"], "minimum": 1, "maximum": 7},
        "mod": _NULLABLE_STR,
    })
    event = _object({
        "id": _ID,
        "type": {"enum": list(EVENT_TYPES)},
        "mode": _NULLABLE_STR,
        "source": _NULLABLE_REF,
        "target": _NULLABLE_REF,
        "location": _NULLABLE_REF,
        "time": _NULLABLE_REF,
        "date": _NULLABLE_STR,
        "modality": {"enum": list(MODALITIES)},
        "reported_by": _NULLABLE_REF,
        "trigger": span,
        "sentence": _object({"start": _OFFSET, "end": _OFFSET}),
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
    })
    quote = _object({
        "id": _ID,
        **_span_props(),
        "kind": {"enum": list(QUOTE_KINDS)},
        "speaker": _NULLABLE_REF,
    })
    document = _object({
        "id": _ID,
        "date": {"type": "string", "pattern": _DATE_PATTERN},
        "lang": {"type": "string", "minLength": 2},
        "title": _NULLABLE_STR,
        "source": _NULLABLE_STR,
        "url": _NULLABLE_STR,
        "text": {"type": "string", "minLength": 1},
        "entities": {"type": "array", "items": {"$ref": "#/$defs/entity"}},
        "times": {"type": "array", "items": {"$ref": "#/$defs/time"}},
        "events": {"type": "array", "items": {"$ref": "#/$defs/event"}},
        "quotes": {"type": "array", "items": {"$ref": "#/$defs/quote"}},
    })
    reject_line = _object({
        "id": {"type": ["string", "null"]},
        "error": _object({"code": {"type": "string", "pattern": "^E_[A-Z_]+$"},
                          "message": {"type": "string"}}),
        "origin": _NULLABLE_STR,
    }, required=["id", "error"])
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://kroniek.invalid/schema/document.json",
        "title": "kroniek document",
        "description": "One annotated article (docs/SCHEMA.md). A record that could "
                       "not be processed is written as a reject line instead (see $defs/reject_line).",
        **document,
        "$defs": {"entity": entity, "time": time, "event": event, "quote": quote,
                  "reject_line": reject_line},
    }


def validator():
    """A jsonschema validator for documents (imported lazily: only tests and `validate` need it)."""
    import jsonschema

    return jsonschema.Draft202012Validator(document_schema())


def reject_line_validator():
    import jsonschema

    schema = dict(document_schema())
    return jsonschema.Draft202012Validator({**schema["$defs"]["reject_line"], "$defs": schema["$defs"]})
