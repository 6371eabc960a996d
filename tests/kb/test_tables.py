import pytest

from kroniek.kb import KbFileError, load_kb
from kroniek.kb.tables import read_actor_file, read_actor_table

COUNTRIES = frozenset({"NLD", "BEL", "RUS"})


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_a_good_csv_file(tmp_path):
    p = write(tmp_path, "mine.csv",
              "# my actors\n"
              "id,name,type,country,sector,role,office,aliases,start,end\n"
              "JAN_JANSEN,Jan Jansen,PER,NLD,GOV,Mayor of Nergenshuizen,,Jansen|J. Jansen,2019-01,\n"
              "JAN_JANSEN,Jan Jansen,PER,NLD,BUS,,,,2010,2018-12-31\n")
    rows = read_actor_file(p, COUNTRIES)
    assert [r.id for r in rows] == ["JAN_JANSEN", "JAN_JANSEN"]
    assert rows[0].aliases == ("Jansen", "J. Jansen") and rows[0].start == "2019-01"
    assert rows[1].where.endswith("mine.csv:4")


@pytest.mark.parametrize("line,message", [
    ("X,Somebody,PERSON,NLD,,,,,,", "type 'PERSON'"),
    ("X,Somebody,PER,XXX,,,,,,", "country 'XXX'"),
    ("X,Somebody,PER,NLD,government,,,,,", "sector 'government'"),
    ("X,Somebody,PER,NLD,GOV,,,,2019-13-01,", "impossible date"),
    ("X,Somebody,PER,NLD,GOV,,,,13 May 2019,", "must be a date"),
    ("X,Somebody,PER,NLD,GOV,,,,2020,2019", "before start"),
    (",Somebody,PER,NLD,,,,,,", "'id' is empty"),
    ("X,Somebody,PER,NLD,,,,,,,extra", "a stray comma"),
    ('X,"Somebody,PER', "line 3"),
])
def test_a_broken_line_is_reported_with_its_line_number(tmp_path, line, message):
    p = write(tmp_path, "broken.csv", "id,name,type,country,sector,role,office,aliases,start,end\n"
                                      "OK,Fine Person,PER,NLD,,,,,,\n" + line + "\n")
    with pytest.raises(KbFileError) as err:
        read_actor_file(p, COUNTRIES)
    assert err.value.code == "E_KB_FILE"
    assert f"{p}:3" in str(err.value) and (message in str(err.value) or message == "line 3")


def test_header_problems(tmp_path):
    with pytest.raises(KbFileError, match="unknown column.*colour"):
        read_actor_table("id\tname\ttype\tcolour\n", "t.tsv", COUNTRIES)
    with pytest.raises(KbFileError, match="lacks the column.*type"):
        read_actor_table("id\tname\n", "t.tsv", COUNTRIES)
    with pytest.raises(KbFileError, match="empty"):
        read_actor_table("# nothing\n", "t.tsv", COUNTRIES)


def test_missing_and_undecodable_files(tmp_path):
    with pytest.raises(KbFileError, match="does not exist"):
        read_actor_file(tmp_path / "none.csv", COUNTRIES)
    p = tmp_path / "latin1.tsv"
    p.write_bytes("id\tname\ttype\nX\tJos\xe9\tPER\n".encode("latin-1"))
    with pytest.raises(KbFileError, match="not UTF-8"):
        read_actor_file(p, COUNTRIES)


def test_a_broken_user_file_stops_loading_the_knowledge_base(tmp_path):
    p = write(tmp_path, "bad.tsv", "id\tname\ttype\tcountry\nA\tAnna\tPER\tNLD\nB\tBob\tPER\tMars\n")
    with pytest.raises(KbFileError, match=r"bad.tsv:3: country 'Mars'"):
        load_kb([p])
