"""Choosing the parser: --parser / parser.backend, "auto", and caches that never mix."""

from __future__ import annotations

import dataclasses

import pytest

from kroniek.config import Config, FrogConfig, ParserConfig
from kroniek.errors import ConfigError, ParserUnavailable
from kroniek.model import ParsedDoc
from kroniek.nlp.backends import make_parser, resolve_backend
from kroniek.nlp.cache import CachingParser
from kroniek.nlp.fast import FastParser
from kroniek.nlp.frog import FrogParser

NO_FROG = FrogConfig(binary="/nonexistent/frog")


def config(backend: str = "auto", frog: FrogConfig = NO_FROG) -> Config:
    return Config(parser=ParserConfig(backend=backend), frog=frog)


def test_auto_is_the_fast_parser_without_frog():
    assert resolve_backend(config("auto")) == "fast"
    assert isinstance(make_parser(config("auto")), FastParser)


def test_an_explicit_choice_wins_over_the_configuration():
    assert resolve_backend(config("frog")) == "frog"  # chosen: no fallback, even without Frog
    assert resolve_backend(config("frog"), "fast") == "fast"
    assert resolve_backend(config("fast"), "frog") == "frog"
    with pytest.raises(ConfigError):
        resolve_backend(config(), "spacy")


def test_choosing_frog_without_frog_fails_with_the_install_hint():
    parser = make_parser(config("frog"))
    assert isinstance(parser, FrogParser)
    with pytest.raises(ParserUnavailable) as err:
        parser.start()
    assert err.value.code == "E_PARSER_MISSING"


def test_the_parse_cache_keys_on_the_parser(tmp_path):
    fast = make_parser(config("fast"), cache_dir=tmp_path)
    frog = make_parser(config("frog"), cache_dir=tmp_path)
    assert isinstance(fast, CachingParser) and isinstance(frog, CachingParser)
    assert fast.identity != frog.identity and "fast-nl" in fast.identity
    text = "De minister reist naar Parijs."
    parsed = fast.parse(text)
    assert fast.misses == 1 and fast.cached(text) and not frog.cached(text)
    again = make_parser(config("fast"), cache_dir=tmp_path)
    assert again.parse(text) == parsed and again.hits == 1
    assert parsed.parser.startswith("fast-nl-")


def test_a_model_of_ones_own_is_used(tmp_path):
    from kroniek.nlp.fast import DEFAULT_MODEL
    import shutil

    mine = tmp_path / "mine"
    shutil.copytree(DEFAULT_MODEL, mine)
    meta = (mine / "meta.json").read_text(encoding="utf-8").replace('"version"', '"version": "9.9", "old_version"', 1)
    (mine / "meta.json").write_text(meta, encoding="utf-8")
    parser = make_parser(dataclasses.replace(config("fast"), parser=ParserConfig("fast", str(mine))))
    assert isinstance(parser, FastParser) and parser.version == "9.9"
    doc: ParsedDoc = parser.parse("Het regent.")
    assert doc.parser == "fast-nl-9.9"
