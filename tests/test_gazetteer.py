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
    assert g.lookup("Nergenshuizen aan de Droogte") is None  # (Atlantis is a South African town)


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


def test_places_are_found_by_kb_id_and_by_every_name_the_kb_knows():
    g = Gazetteer.default()
    usa = g.lookup("Verenigde Staten")
    assert usa == g.lookup("United States") == g.lookup("VS") == g.by_id("USA")
    assert 35 < usa.lat < 45 and -110 < usa.lon < -85 and usa.country == "USA"  # the lower 48
    assert g.lookup("Brussel") == g.lookup("Brussels") == g.by_id("BRUSSELS_BEL")
    assert g.lookup("whatever the article says", kb_id="HANOI_VNM").country == "VNM"
    russia = g.by_id("RUS")  # across the antimeridian: still in Siberia, not in the Pacific
    assert 55 < russia.lat < 70 and 80 < russia.lon < 110
    # a KB place without its own point stands at its country's, and says so
    approx = g.by_id("BEVEREN_BEL")
    assert approx.precision == "country" and (approx.lat, approx.lon) == (g.by_id("BEL").lat, g.by_id("BEL").lon)


def test_every_country_and_every_capital_of_the_kb_is_placed():
    from kroniek.kb.loader import default_kb

    kb = default_kb()
    g = Gazetteer.default()
    missing = [c for c in kb.countries if g.by_id(c) is None]
    assert missing == []
    capitals = [e.id for e in kb.entries.values() if e.seat_of]
    assert [c for c in capitals if g.by_id(c) is None or g.by_id(c).precision != "place"] == []


def test_geonames_towns_place_dutch_and_belgian_villages_after_the_kb_and_the_name_list():
    g = Gazetteer.default()
    # villages neither the KB nor lexicons/nl/places.tsv holds, from the GeoNames table
    for name, lat, lon in [("Mijdrecht", 52.2, 4.86), ("Baarn", 52.21, 5.29), ("Bennekom", 52.0, 5.68)]:
        p = g.lookup(name)
        assert p and p.country == "NLD" and abs(p.lat - lat) < 0.05 and abs(p.lon - lon) < 0.05, name
    # a Belgian town by its Dutch and its French name
    assert g.lookup("Bergen").country == "BEL" and g.lookup("Mons").country == "BEL"
    assert g.lookup("Anvers").country == "BEL"
    # the name list wins over GeoNames (its point, not GeoNames' four decimals)
    assert g.lookup("Haarlem").lat == 52.38
    # rivers come from the name list
    assert g.lookup("Amstel").country == "NLD"
    # a word that is no place stays unplaced: codes and lower-case transcriptions were left out
    assert g.lookup("AMS") is None and g.lookup("amstrdam") is None


def test_the_geonames_table_is_well_formed_and_attributed():
    from importlib import resources

    text = (resources.files("kroniek") / "kb" / "data" / "geonames_places.tsv").read_text(encoding="utf-8")
    assert "GeoNames" in text and "CC BY 4.0" in text
    seen = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, lat, lon, country = line.split("\t")
        assert re.fullmatch(r"[A-Z]{3}", country), line
        assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180, line
        assert name.lower() not in seen, name
        seen.add(name.lower())
    assert len(seen) > 10_000


def test_a_kb_place_without_its_own_point_takes_the_name_tables_before_its_country():
    g = Gazetteer.default()
    assert g.by_id("ISTANBUL_TUR").precision == "country"  # the KB has no point for it
    istanbul = g.lookup("Istanbul", "ISTANBUL_TUR")
    assert istanbul.precision == "place" and abs(istanbul.lon - 29.0) < 0.2 and istanbul.country == "TUR"


def test_every_kb_place_has_a_point():
    from kroniek.kb.loader import default_kb

    g = Gazetteer.default()
    places = [e for e in default_kb().entries.values() if e.type in ("GPE", "LOC")]
    assert [e.id for e in places if g.by_id(e.id) is None] == []
    assert g.lookup("Jordan River", "JORDAN_RIVER").lon == 35.55
