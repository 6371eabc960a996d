import pytest

from kroniek.config import Config, config_from_dict, load_config
from kroniek.errors import ConfigError


def test_defaults():
    c = load_config(None)
    assert c == Config() and c.frog.binary == "frog" and c.ingest.max_chars == 500_000


def test_toml_file(tmp_path):
    p = tmp_path / "k.toml"
    p.write_text('workers = 2\n[frog]\ndoc_timeout = 30\n[ingest]\nmax_chars = 1000\n')
    c = load_config(p)
    assert c.workers == 2 and c.frog.doc_timeout == 30.0 and c.ingest.max_chars == 1000


@pytest.mark.parametrize("data, fragment", [
    ({"frog": {"timout": 3}}, "frog.timout"),
    ({"wrokers": 2}, "wrokers"),
    ({"frog": {"doc_timeout": "soon"}}, "frog.doc_timeout"),
    ({"workers": 0}, "workers"),
    ({"ingest": {"max_chars": -5}}, "max_chars"),
    ({"frog": {"skip": "xyz"}}, "frog.skip"),
    ({"parser": {"backend": "spacy"}}, "parser.backend"),
    ({"parser": {"bakend": "fast"}}, "parser.bakend"),
    ({"parser": {"model": 3}}, "parser.model"),
    ({"frog": 3}, "frog"),
    ({"workers": True}, "workers"),
])
def test_bad_configuration_is_refused_with_the_key(data, fragment):
    with pytest.raises(ConfigError) as info:
        config_from_dict(data)
    assert fragment in str(info.value) and info.value.code == "E_CONFIG"


def test_parser_section(tmp_path):
    p = tmp_path / "k.toml"
    p.write_text('[parser]\nbackend = "fast"\nmodel = "/models/mine"\n')
    c = load_config(p)
    assert c.parser.backend == "fast" and c.parser.model == "/models/mine"
    assert Config().parser.backend == "auto" and Config().parser.model is None


def test_broken_toml(tmp_path):
    p = tmp_path / "k.toml"
    p.write_text("workers = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(p)


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")
