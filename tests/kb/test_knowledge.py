import pytest

from kroniek.kb import date_range, default_kb, load_kb


@pytest.fixture(scope="module")
def kb():
    return default_kb()


def best(kb, name, date=None):
    return kb.lookup(name, date)[0]


def test_dutch_and_english_spellings_reach_the_same_person(kb):
    for name in ("Poetin", "Vladimir Poetin", "Vladimir Putin", "Poetins"):
        assert best(kb, name).entry.id == "VLADIMIR_PUTIN", name
    assert best(kb, "Zelenski").entry.name == "Volodymyr Zelensky"
    assert best(kb, "Chroesjtsjov").entry.id == best(kb, "Nikita Khrushchev").entry.id


def test_countries_adjectives_demonyms(kb):
    m = best(kb, "Noord-Koreaanse")
    assert (m.entry.id, m.ref.form) == ("PRK", "adjective")
    assert best(kb, "Amerikaans").entry.id == "USA"
    m = best(kb, "Russen")
    assert (m.entry.id, m.ref.form) == ("RUS", "demonym")
    assert best(kb, "Sovjet-Unie").entry.country == "SUN"
    assert best(kb, "DDR").entry.country == "DDR"
    assert {"SUN", "YUG", "CSK", "DDR", "NLD", "PRK"} <= kb.countries


def test_capitals_and_seats_stand_for_their_country(kb):
    assert best(kb, "Moskou").entry.seat_of == "RUS"
    assert best(kb, "Pyongyang").entry.seat_of == "PRK"
    assert best(kb, "Den Haag").entry.seat_of == "NLD"
    kremlin = best(kb, "Kremlin").entry.actor()
    assert (kremlin.code, kremlin.country, kremlin.sector) == ("RUSGOV", "RUS", "GOV")
    assert best(kb, "Witte Huis").entry.actor().code == "USAGOV"


def test_organisations_with_dutch_names(kb):
    for name, code in [("NAVO", "IGOWSTNAT"), ("VN", "IGOUNO"), ("Verenigde Naties", "IGOUNO"),
                       ("EU", "IGOEUREEC"), ("IAEA", "IGOUNOIAE"), ("Opec", "IGOBUSOPC")]:
        actor = best(kb, name).entry.actor()
        assert actor.code == code and actor.sector == "IGO", name


def test_parties_unions_armed_groups_and_regions_in_the_news(kb):
    for name, code in [("Fidesz", "HUN"), ("PiS", "POL"), ("FNV", "NLDLAB"), ("ABVV", "BELLAB"),
                       ("TPLF", "ETHREB"), ("RSF", "SDNMIL"), ("Tigray", "ETH"), ("KwaZoeloe-Natal", "ZAF")]:
        assert best(kb, name).entry.actor().code == code, name


def test_a_person_is_the_actor_they_were_on_the_date(kb):
    putin = best(kb, "Poetin").entry
    assert putin.actor(*date_range("2018-05")).role == "President of Russia"
    assert putin.actor(*date_range("2010-06")).role == "Prime Minister of Russia"
    lavrov = best(kb, "Lavrov").entry.actor(*date_range("2018-05"))
    assert (lavrov.code, lavrov.role) == ("RUSGOV", "Minister of Foreign Affairs")


def test_an_international_office_acts_for_no_state(kb):
    # GUIDELINES: an international organisation has no country, whatever its officials'
    # nationality; before and after the office the person is their state's again.
    michel = best(kb, "Charles Michel").entry
    assert michel.actor(*date_range("2021-03")).country is None
    assert michel.actor(*date_range("2021-03")).code == "IGOEUREEC"
    assert michel.actor(*date_range("2016-05")).country == "BEL"
    stoltenberg = best(kb, "Stoltenberg", "2020").entry.actor(*date_range("2020"))
    assert (stoltenberg.country, stoltenberg.sector) == (None, "IGO")
    assert best(kb, "Ursula von der Leyen").entry.actor(*date_range("2022-04")).country is None
    assert best(kb, "Ursula von der Leyen").entry.actor(*date_range("2008-04")).country == "DEU"


def test_a_user_igo_tenure_inherits_no_country(tmp_path):
    p = tmp_path / "mine.tsv"
    p.write_text("id\tname\ttype\tcountry\tsector\tcode\trole\toffice\taliases\tstart\tend\n"
                 "JAN_PLOMP\tJan Plomp\tPER\tNLD\tGOV\t\tMinister\t\t\t2001-01-01\t2009-12-31\n"
                 "JAN_PLOMP\tJan Plomp\tPER\t\tIGO\tIGOUNO\tEnvoy\t\t\t2010-01-01\t\n", encoding="utf-8")
    jan = load_kb([p]).lookup("Jan Plomp", "2012")[0].entry
    assert jan.actor(*date_range("2012")).country is None
    assert jan.actor(*date_range("2005")).country == "NLD"


def test_recent_leaders_are_known_by_surname_on_their_dates(kb):
    assert best(kb, "Duterte", "2018").entry.actor(*date_range("2018")).code == "PHLGOV"
    assert best(kb, "Abiy", "2020-11").entry.actor(*date_range("2020-11")).code == "ETHGOV"
    assert kb.holder("NER", "HEAD_OF_STATE", "2022-05")[0].name == "Mohamed Bazoum"
    assert kb.holder("NER", "HEAD_OF_STATE", "2024-05")[0].name == "Abdourahamane Tiani"


def test_the_same_office_has_different_holders_on_different_dates(kb):
    assert kb.holder("USA", "HEAD_OF_STATE", "2018-05")[0].name == "Donald Trump"
    assert kb.holder("USA", "HEAD_OF_STATE", "2022-03-24")[0].name == "Joe Biden"
    assert kb.holder("USA", "FOREIGN_MINISTER", "2018-05")[0].name == "Mike Pompeo"
    assert kb.holder("USA", "FOREIGN_MINISTER", "2016")[0].name == "John Kerry"
    assert kb.holder("IGOUNO", "SECRETARY_GENERAL", "2005")[0].name == "Kofi Annan"
    assert kb.holder("USA", "HEAD_OF_STATE", None) is None


def test_fuzzy_and_spacing_variants(kb):
    assert best(kb, "Kim Jong Un").entry.id == "KIM_JONG_UN"
    m = best(kb, "Sergei Lavrof")
    assert m.entry.id == "SERGEY_LAVROV" and m.fuzzy
    assert kb.lookup("Qwxzy Plonk") == []


def test_user_file_adds_people_offices_and_aliases(tmp_path):
    p = tmp_path / "mine.tsv"
    p.write_text("id\tname\ttype\tcountry\tsector\trole\toffice\taliases\tstart\tend\n"
                 "ANNA_DE_VRIES\tAnna de Vries\tPER\tNLD\tGOV\tMayor of Nergenshuizen\tMAYOR\tDe Vries\t2020-01-01\t\n"
                 "VLADIMIR_PUTIN\tVladimir Putin\tPER\tRUS\t\t\t\tVova\t\t\n", encoding="utf-8")
    kb = load_kb([p])
    anna = kb.lookup("Anna de Vries", "2021")[0].entry
    assert anna.source == "user" and anna.actor(*date_range("2021")).code == "NLDGOV"
    assert kb.holder("NLD", "MAYOR", "2021")[0].id == "ANNA_DE_VRIES"
    assert kb.lookup("Vova")[0].entry.id == "VLADIMIR_PUTIN"  # an alias added to a known person


def test_default_kb_is_loaded_once():
    assert default_kb() is default_kb()


def test_the_cache_file_is_used_and_follows_the_inputs(tmp_path):
    from kroniek.kb.loader import load_kb_cached

    mine = tmp_path / "mine.csv"
    mine.write_text("id,name,type,country\nX1,Zorro Plomp,PER,NLD\n", encoding="utf-8")
    first = load_kb_cached([mine], tmp_path / "c")
    assert len(list((tmp_path / "c").glob("*.pickle"))) == 1
    again = load_kb_cached([mine], tmp_path / "c")
    assert again.lookup("Zorro Plomp")[0].entry.id == "X1" and again.stats() == first.stats()
    mine.write_text("id,name,type,country\nX1,Zorro Plompen,PER,NLD\n", encoding="utf-8")
    changed = load_kb_cached([mine], tmp_path / "c")
    assert changed.lookup("Zorro Plompen")[0].entry.id == "X1"
    assert len(list((tmp_path / "c").glob("*.pickle"))) == 2
    for p in (tmp_path / "c").glob("*.pickle"):
        p.write_bytes(b"not a pickle")
    assert load_kb_cached([mine], tmp_path / "c").lookup("Zorro Plompen")[0].entry.id == "X1"
