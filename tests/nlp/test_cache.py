from kroniek.nlp.cache import CachingParser

from ..helpers import ToyParser


def test_second_parse_comes_from_the_cache(tmp_path):
    inner = ToyParser(ner={"Lavrov": "PER"})
    parser = CachingParser(inner, tmp_path)
    first = parser.parse("Lavrov reist af.")
    again = CachingParser(ToyParser(), tmp_path)  # a fresh process: the cache is on disk
    second = again.parse("Lavrov reist af.")
    assert first == second and again.hits == 1 and again.misses == 0
    assert not again.inner.started  # nothing to parse: the inner parser never started
    assert inner.calls == 1


def test_other_text_or_identity_is_a_miss(tmp_path):
    parser = CachingParser(ToyParser(), tmp_path)
    parser.parse("Een.")
    parser.parse("Twee.")
    other = CachingParser(ToyParser(), tmp_path, identity="toy/other-version")
    other.parse("Een.")
    assert parser.misses == 2 and other.misses == 1


def test_corrupt_entry_is_parsed_again(tmp_path):
    parser = CachingParser(ToyParser(), tmp_path)
    parser.parse("Een zin.")
    for f in tmp_path.rglob("*.json"):
        f.write_text("{broken")
    again = CachingParser(ToyParser(), tmp_path)
    assert [t.text for t in again.parse("Een zin.").tokens] == ["Een", "zin", "."]
    assert again.misses == 1


def test_frog_configuration_is_part_of_the_identity(tmp_path):
    from kroniek.config import FrogConfig
    from kroniek.nlp.frog import FrogParser

    full = CachingParser(FrogParser(FrogConfig()), tmp_path)  # nothing starts until a miss
    skipping = CachingParser(FrogParser(FrogConfig(skip="p")), tmp_path)
    assert full.identity != skipping.identity
    assert full._path("Een zin.") != skipping._path("Een zin.")


def test_an_unwritable_cache_costs_time_not_the_document(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    parser = CachingParser(ToyParser(), blocked)
    assert [t.text for t in parser.parse("Een zin.").tokens] == ["Een", "zin", "."]
    assert parser.misses == 1 and blocked.is_file()
