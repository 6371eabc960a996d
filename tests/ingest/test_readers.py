import json
from pathlib import Path

import pytest

from kroniek.ingest import CsvColumns, ReadOptions, read_paths
from kroniek.model import Article, Reject


def read(paths, **kw):
    return list(read_paths([str(p) for p in paths], ReadOptions(**kw)))


def test_seed_format(tmp_path):
    p = tmp_path / "lavrov-2018-05.txt"
    p.write_text(" date 2018-05 Sergej Lavrov reist donderdag naar Noord-Korea.\n\nTweede alinea.\n",
                 encoding="utf-8")
    (a,) = read([p])
    assert isinstance(a, Article)
    assert a.id == "lavrov-2018-05" and a.date == "2018-05"
    assert a.text == "Sergej Lavrov reist donderdag naar Noord-Korea.\n\nTweede alinea."


@pytest.mark.parametrize("header, date", [(" date 2018 ", "2018"), ("date 2018-05-30\n", "2018-05-30"),
                                          ("\ufeff date 2019-01-02 ", "2019-01-02")])
def test_seed_header_precisions(tmp_path, header, date):
    p = tmp_path / "x.txt"
    p.write_text(header + "Tekst hier.", encoding="utf-8")
    (a,) = read([p])
    assert a.date == date and a.text == "Tekst hier."


def test_seed_matches_shared_gold_text(seed_path):
    gold = json.loads((seed_path.parent / "lavrov-2018-05.gold.json").read_text(encoding="utf-8"))
    (a,) = read([seed_path])
    assert a.text == gold["text"] and a.date == gold["header_date"]


def test_plain_text_needs_a_date(tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text("Gewone tekst zonder kop.", encoding="utf-8")
    (r,) = read([p])
    assert isinstance(r, Reject) and r.code == "E_INPUT_NO_DATE" and "--date" in r.message
    (a,) = read([p], date="2020-02-02")
    assert isinstance(a, Article) and a.date == "2020-02-02" and a.id == "plain"


def test_crlf_is_normalized(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(b" date 2018-05 Regel een.\r\n\r\nRegel twee.\r\n")
    (a,) = read([p])
    assert a.text == "Regel een.\n\nRegel twee."


def test_jsonl_fields_and_defaults(tmp_path):
    p = tmp_path / "batch.jsonl"
    rows = [
        {"id": 7, "published_at": "2019-04-11", "title": "T", "text": "Eerste.", "url": "u", "source": "s"},
        {"date": "2019-04", "text": "Tweede.", "lang": "NL"},
    ]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    a, b = read([p])
    assert (a.id, a.date, a.title, a.url, a.source, a.lang) == ("7", "2019-04-11", "T", "u", "s", "nl")
    assert (b.id, b.date, b.lang, b.origin) == ("batch-2", "2019-04", "nl", f"{p}:2")


def test_json_array(tmp_path):
    p = tmp_path / "arr.json"
    p.write_text(json.dumps([{"id": "x", "date": "2018", "text": "Een."}, {"text": "Geen datum."}]))
    a, r = read([p])
    assert isinstance(a, Article) and isinstance(r, Reject) and r.code == "E_INPUT_NO_DATE"


def test_csv_usual_names_and_options(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text('id;datum;kop;tekst\n1;2018-05-01;Kop;"Tekst met ; puntkomma\nen regel."\n', encoding="utf-8")
    (a,) = read([p])
    assert (a.id, a.date, a.title) == ("1", "2018-05-01", "Kop") and a.text.startswith("Tekst met ;")
    q = tmp_path / "b.csv"
    q.write_text("key,when,inhoud\nk1,2018,Iets.\n", encoding="utf-8")
    (r,) = read([q])
    assert isinstance(r, Reject) and r.code == "E_INPUT_CSV" and "--text-col" in r.message
    (r,) = read([q], csv=CsvColumns(text="inhoud"))
    assert isinstance(r, Reject) and r.code == "E_INPUT_NO_DATE"
    (b,) = read([q], csv=CsvColumns(id="key", date="when", text="inhoud"))
    assert (b.id, b.date, b.text) == ("k1", "2018", "Iets.")
    (r,) = read([q], csv=CsvColumns(text="body"))
    assert isinstance(r, Reject) and r.code == "E_INPUT_CSV" and "'body'" in r.message


def test_directory_is_read_recursively_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text(" date 2018 B.")
    (tmp_path / "sub" / "a.txt").write_text(" date 2018 A.")
    (tmp_path / "notes.md").write_text("ignored")
    (tmp_path / ".hidden.txt").write_text(" date 2018 H.")
    ids = [a.id for a in read([tmp_path])]
    assert ids == ["b", "a"]


def test_missing_path_and_unknown_format(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    missing, unknown = read([tmp_path / "nope.jsonl", tmp_path / "x.pdf"])
    assert missing.code == "E_INPUT_NOT_FOUND" and unknown.code == "E_INPUT_FORMAT"


def write_bad_batch(path: Path) -> None:
    """A JSONL batch with one record of every bad kind between good ones."""
    good = lambda n: json.dumps({"id": f"good{n}", "date": "2019-01-0" + str(n), "text": f"Goed artikel {n}."})
    lines = [
        good(1).encode(),
        json.dumps({"id": "nodate", "text": "Zonder datum."}).encode(),
        json.dumps({"id": "baddate", "date": "2019-02-30", "text": "Onmogelijke datum."}).encode(),
        good(2).encode(),
        json.dumps({"id": "empty", "date": "2019-01-01", "text": "  \n "}).encode(),
        b'{"id": "enc", "date": "2019-01-01", "text": "caf\xe9 kapot"}',
        b'{"id": "broken", "date": "2019-01-01", "text": "half',
        json.dumps({"id": "long", "date": "2019-01-01", "text": "x" * 5000}).encode(),
        json.dumps({"id": "type", "date": "2019-01-01", "text": ["geen", "tekst"]}).encode(),
        json.dumps({"id": "lang", "date": "2019-01-01", "text": "Hello.", "lang": "en"}).encode(),
        json.dumps(["not", "an", "object"]).encode(),
        good(3).encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")


EXPECTED_BAD = {"nodate": "E_INPUT_NO_DATE", "baddate": "E_INPUT_BAD_DATE", "empty": "E_INPUT_EMPTY_TEXT",
                "long": "E_INPUT_TOO_LONG", "type": "E_INPUT_FIELD", "lang": "E_INPUT_LANG"}


def test_each_bad_record_becomes_a_reject_and_the_rest_go_through(tmp_path):
    p = tmp_path / "bad.jsonl"
    write_bad_batch(p)
    items = read([p], max_chars=1000)
    assert [i.id for i in items if isinstance(i, Article)] == ["good1", "good2", "good3"]
    rejects = [i for i in items if isinstance(i, Reject)]
    by_id = {r.id: r.code for r in rejects if r.id}
    assert by_id == EXPECTED_BAD
    codes = sorted(r.code for r in rejects if r.id is None)
    assert codes == ["E_INPUT_ENCODING", "E_INPUT_JSON", "E_INPUT_JSON"]
    assert all(r.message and r.origin for r in rejects)


def test_bad_encoding_in_text_files_and_csv(tmp_path):
    t = tmp_path / "latin1.txt"
    t.write_bytes(" date 2018 Caf\xe9 de Paris.".encode("latin-1"))
    (r,) = read([t])
    assert r.code == "E_INPUT_ENCODING" and "byte" in r.message
    (a,) = read([t], encoding="latin-1")
    assert a.text == "Café de Paris."
    c = tmp_path / "mixed.csv"
    c.write_bytes(b"id,date,text\n1,2018,Goed.\n2,2018,Caf\xe9\n3,2018,Ook goed.\n")
    items = read([c])
    assert [type(i).__name__ for i in items] == ["Article", "Reject", "Article"]
    assert items[1].code == "E_INPUT_ENCODING"


def test_undecodable_bytes_in_any_field_are_rejected_storably(tmp_path):
    """Lone surrogates (JSON escapes, or CSV bytes kept by surrogateescape) in the id,
    title, source or url would break SQLite and stdout: such a record is a reject whose
    own fields print, and the records around it go through."""
    from kroniek.store import Store

    p = tmp_path / "s.jsonl"
    good = {"date": "2019-01-01", "text": "Goed."}
    lines = [json.dumps({"id": "g1", **good}),
             json.dumps({"id": "t", "title": "kapot \ud800", **good}),
             json.dumps({"id": "u", "url": "http://x/\udcff", **good}),
             json.dumps({"id": "s", "source": "\udfff", **good}),
             json.dumps({"id": "id\ud800", **good}),
             '{"id": "big", "date": "2019-01-01", "text": "x", "n": ' + "9" * 5000 + "}",
             json.dumps({"id": "g2", **good})]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    c = tmp_path / "t.csv"
    c.write_bytes(b"id,date,title,text\nc1,2018,Caf\xe9,Goed.\nc2,2018,Titel,Ook goed.\n")
    items = read([p, c])
    assert [i.id for i in items if isinstance(i, Article)] == ["g1", "g2", "c2"]
    rejects = [i for i in items if isinstance(i, Reject)]
    assert [r.code for r in rejects] == ["E_INPUT_ENCODING"] * 4 + ["E_INPUT_JSON", "E_INPUT_ENCODING"]
    assert [r.id for r in rejects] == ["t", "u", "s", None, None, "c1"]
    with Store.open_writer(tmp_path / "k.db") as store:
        for r in rejects:
            store.save_reject(r)
        store.commit()
        assert len(store.rejects()) == len(rejects)
    for r in rejects:
        json.dumps(r.to_error_line(), ensure_ascii=False).encode("utf-8")


def test_reject_fields_never_hold_lone_surrogates():
    r = Reject(id="a\udc80", code="E_INPUT_ENCODING", message="bad \ud800", origin="f\udcff.txt")
    assert (r.id, r.message, r.origin) == ("a\\udc80", "bad \\ud800", "f\\udcff.txt")


def test_over_long_jsonl_line_is_skipped_without_loading(tmp_path):
    p = tmp_path / "big.jsonl"
    with p.open("wb") as f:
        f.write(json.dumps({"id": "big", "date": "2018", "text": "woord " * 200_000}).encode() + b"\n")
        f.write(json.dumps({"id": "ok", "date": "2018", "text": "Klein."}).encode() + b"\n")
    big, ok = read([p], max_chars=10_000)
    assert big.code == "E_INPUT_TOO_LONG" and ok.id == "ok"


def test_ten_megabyte_article_is_rejected(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_bytes(b" date 2018-05 " + b"nieuws " * (10 * 1024 * 1024 // 7))
    (r,) = read([p])
    assert r.code == "E_INPUT_TOO_LONG"
