"""docs/SCHEMA.md, the contract written for users, agrees with `kroniek schema`."""

from __future__ import annotations

import json
import re

from kroniek.model import Document
from kroniek.schema import document_schema, validator

from .conftest import REPO

DOC = (REPO / "docs" / "SCHEMA.md").read_text(encoding="utf-8")


def documented_fields() -> dict[str, set[str]]:
    """Field names of each '### `object`' table in docs/SCHEMA.md."""
    tables: dict[str, set[str]] = {}
    current = None
    for line in DOC.splitlines():
        heading = re.match(r"^### `([^`]+)`", line)
        if heading:
            current = heading.group(1)
            tables[current] = set()
        elif current and line.startswith("| `"):
            first_cell = line.split("|")[1]
            tables[current] |= set(re.findall(r"`([a-z_]+)`", first_cell))
    return tables


def schema_fields() -> dict[str, set[str]]:
    schema = document_schema()
    defs = schema["$defs"]
    entity = defs["entity"]["properties"]
    event = defs["event"]["properties"]
    reject = defs["reject_line"]["properties"]
    return {
        "document": set(schema["properties"]),
        "entity": set(entity),
        "actor": set(entity["actor"]["properties"]),
        "mention": set(entity["mentions"]["items"]["properties"]),
        "time": set(defs["time"]["properties"]),
        "event": set(event),
        "sentence": set(event["sentence"]["properties"]),
        "quote": set(defs["quote"]["properties"]),
        "reject line": set(reject),
        "error": set(reject["error"]["properties"]),
    }


def test_every_object_of_the_schema_has_a_table_with_exactly_its_fields():
    documented, actual = documented_fields(), schema_fields()
    assert set(documented) == set(actual)
    for name, fields in actual.items():
        assert documented[name] == fields, name
    # The trigger has the shape of a mention, as the page says.
    assert set(document_schema()["$defs"]["event"]["properties"]["trigger"]["properties"]) == actual["mention"]


def test_every_allowed_value_is_documented():
    defs = document_schema()["$defs"]
    enums = [defs["entity"]["properties"]["type"], defs["time"]["properties"]["type"],
             defs["event"]["properties"]["type"], defs["event"]["properties"]["modality"],
             defs["quote"]["properties"]["kind"]]
    for enum in enums:
        for value in enum["enum"]:
            assert re.search(rf"\b{value}\b", DOC), value


def test_the_example_is_a_valid_document_with_exact_offsets():
    example = json.loads(re.search(r"```json\n(.*?)```", DOC, re.S).group(1))
    validator().validate(example)
    assert Document.from_dict(example).bad_spans() == []
