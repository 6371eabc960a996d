import pytest

from kroniek.cameo import cameo_for
from kroniek.model import EVENT_TYPES


@pytest.mark.parametrize("typ, mode, code", [
    ("CONSULT", "visit", "042"),
    ("CONSULT", "phone", "041"),
    ("CONSULT", "meet", "040"),      # kroniek's own mode, no CAMEO of its own: the type's root
    ("CONSULT", None, "040"),
    ("ACCUSE", None, "110"),
    ("ASSAULT", "abduct", "181"),
    ("AID", "humanitarian", "073"),
    ("COERCE", "arrest", "173"),
])
def test_codes(typ, mode, code):
    assert cameo_for(typ, mode).code == code


def test_every_plover_type_has_a_code():
    for typ in EVENT_TYPES:
        assert cameo_for(typ) is not None, typ
    assert cameo_for("MEET") is None
