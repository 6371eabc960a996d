"""The gazetteer: coordinates of place names, from lexicons/nl/places.tsv."""

from __future__ import annotations

import re

import pytest

from kroniek.errors import ConfigError
from kroniek.gazetteer import Gazetteer


def test_packaged_places_load_and_are_sound():
    g = Gazetteer.default()
    assert len(g) > 150
    moskou = g.lookup("MOSKOU")
    assert moskou and moskou.country == "RUS" and 55 < moskou.lat < 56.5 and 37 < moskou.lon < 38.5
    # southern and western places have negative coordinates
    assert g.lookup("Buenos Aires").lat < 0 and g.lookup("Buenos Aires").lon < 0
    assert g.lookup("Atlantis") is None


def test_every_line_of_the_file_is_well_formed():
    from importlib import resources

    text = (resources.files("kroniek") / "lexicons" / "nl" / "places.tsv").read_text(encoding="utf-8")
    names = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, lat, lon, country = line.split("\t")
        assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180, line
        assert re.fullmatch(r"[A-Z]{3}", country), line
        names.append(name.lower())
    assert len(names) == len(set(names)), "a place is listed twice"


@pytest.mark.parametrize("line", ["Ergens\t91\t0\tXXX", "Ergens\tnoord\t0", "Ergens 1 2"])
def test_bad_lines_are_refused_with_their_line_number(line):
    with pytest.raises(ConfigError, match=":2:"):
        Gazetteer.from_lines(["# kop", line])
