import json

import jsonschema
import pytest

from kroniek.model import Reject
from kroniek.schema import document_schema, reject_line_validator, validator

from .test_model import sample_document


def test_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(document_schema())


def test_sample_document_validates():
    validator().validate(sample_document().to_dict())


@pytest.mark.parametrize("path, value", [
    (("entities", 0, "type"), "PERSON"),
    (("events", 0, "modality"), "maybe"),
    (("events", 0, "type"), "MEET"),
    (("times", 0, "weekday"), 8),
    (("date",), "May 2018"),
    (("quotes", 0, "kind"), "reported"),
])
def test_schema_rejects_bad_values(path, value):
    data = json.loads(json.dumps(sample_document().to_dict()))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert list(validator().iter_errors(data))


def test_schema_rejects_unknown_nested_keys():
    data = sample_document().to_dict()
    data["entities"][0]["salience"] = 1
    assert list(validator().iter_errors(data))


def test_reject_line_validates():
    reject_line_validator().validate(Reject("x", "E_INPUT_JSON", "bad", None).to_error_line())


def test_schema_names_every_contract_field():
    props = document_schema()["properties"]
    for key in ("id", "date", "lang", "title", "source", "url", "text", "entities", "times",
                "events", "quotes"):
        assert key in props
    ev = document_schema()["$defs"]["event"]["properties"]
    for key in ("type", "mode", "source", "target", "location", "time", "date", "modality",
                "reported_by", "trigger", "sentence", "confidence"):
        assert key in ev
