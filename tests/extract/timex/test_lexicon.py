"""The time word lists load, agree with each other, and a malformed line is refused."""

from pathlib import Path

import pytest

from kroniek.errors import ConfigError
from kroniek.extract.timex import lexicon as lexicon_module
import kroniek.lexicons as lexicons_package
from kroniek.extract.timex.lexicon import load_lexicon, read_table

LEXICONS = Path(lexicon_module.__file__).resolve().parents[2] / "lexicons" / "nl"


def test_every_time_list_loads_and_is_plain_data():
    lex = load_lexicon()
    assert lex.months["oktober"] == 10 and lex.month_abbreviations["okt"] == 10
    assert lex.weekdays["donderdag"] == 4 and len(lex.weekdays) == 7
    assert lex.units["jaren"] == "year" and "jaren" in lex.plural_units and "jaar" not in lex.plural_units
    assert lex.vague_references["tot nu toe"] == "PRESENT_REF"
    assert lex.events["tweede wereldoorlog"].last == 1945 and lex.events["oorlog"].first is None
    assert lex.anchor_prepositions["na"] == ("last", "AFTER")
    assert "gesloten" in lex.stative_participles
    files = sorted(p.name for p in LEXICONS.glob("time_*.txt"))
    assert len(files) >= 15
    for name in files:  # one entry a line, tab-separated, no stray spaces used as separators
        for line in (LEXICONS / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                assert "  " not in line, (name, line)


def test_number_and_ordinal_words_cover_the_tens():
    lex = load_lexicon()
    for word, value in (("twintig", 20), ("negentig", 90), ("anderhalf", 1.5), ("honderd", 100)):
        assert lex.numbers[word] == value
    assert lex.ordinals["negentiende"] == 19


def test_a_malformed_line_names_file_and_line(tmp_path, monkeypatch):
    folder = tmp_path / "lexicons" / "nl"
    folder.mkdir(parents=True)
    (folder / "time_broken.txt").write_text("# comment\nmaandag\t1\ndinsdag 2\n", encoding="utf-8")
    # The lexicon files are found through kroniek.lexicons: point it at the temporary folder.
    monkeypatch.setattr(lexicons_package.resources, "files", lambda package: tmp_path)
    with pytest.raises(ConfigError, match=r"time_broken.txt line 3"):
        read_table("time_broken.txt", 2)
