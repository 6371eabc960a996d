from pathlib import Path

from kroniek.ingest import ReadOptions, read_paths
from kroniek.ingest.warc import read_warc
from kroniek.model import Article, Reject

from ..warc_helpers import news_page, write_warc

NL = news_page("Gemeente opent nieuwe brug", ["Wethouder Jansen opende dinsdag de brug over de Waal.",
                                              "De bouw duurde drie jaar."],
               published="2019-04-09T14:00:00+02:00")


def items(path: Path, **kw):
    return list(read_warc(path, ReadOptions(**kw)))


def test_response_records_become_articles(tmp_path):
    p = write_warc(tmp_path / "crawl.warc.gz", [
        {"url": "https://krant.example/brug", "html": NL, "record_id": "0b6c1d2e-0000-4000-8000-000000000001"},
    ])
    (a,) = items(p)
    assert isinstance(a, Article)
    assert a.id == "0b6c1d2e-0000-4000-8000-000000000001"
    assert a.date == "2019-04-09T14:00:00+02:00"
    assert a.url == "https://krant.example/brug" and a.source == "De Testkrant"
    assert a.title == "Gemeente opent nieuwe brug"
    assert a.text == "Wethouder Jansen opende dinsdag de brug over de Waal.\n\nDe bouw duurde drie jaar."
    assert a.origin.startswith(f"{p}@")


def test_crawl_day_when_the_page_states_no_date(tmp_path):
    html = news_page("Zonder datum", ["Er staat geen datum in deze pagina."], site=None)
    p = write_warc(tmp_path / "c.warc", [{"url": "https://nieuws.example/a", "html": html,
                                          "date": "2019-02-20T23:59:00Z"}], gzip=False)
    (a,) = items(p)
    assert isinstance(a, Article) and a.date == "2019-02-20" and a.source == "nieuws.example"


def test_non_articles_become_rejects_with_reasons(tmp_path):
    en = news_page("Bridge opens", ["The alderman opened the bridge."], lang="en")
    p = write_warc(tmp_path / "mixed.warc.gz", [
        {"url": "https://k.example/weg", "html": "", "status": "301 Moved Permanently"},
        {"url": "https://k.example/logo.png", "html": b"\x89PNG....", "content_type": "image/png"},
        {"url": "https://k.example/en", "html": en},
        {"url": "https://k.example/leeg", "html": "<html lang='nl'><body><nav>menu</nav></body></html>"},
        {"url": "https://k.example/kapot", "html": b"<html lang='nl'><p>caf\xe9</p></html>",
         "content_type": "text/html; charset=utf-8"},
        {"url": "https://k.example/latin", "html": "<html lang='nl'><p>Caf\u00e9 open.</p></html>",
         "content_type": "text/html; charset=iso-8859-1", "encoding": "latin-1"},
    ])
    got = items(p)
    codes = [x.code if isinstance(x, Reject) else "ok" for x in got]
    assert codes == ["E_INPUT_FORMAT", "E_INPUT_FORMAT", "E_INPUT_LANG", "E_INPUT_EMPTY_TEXT",
                     "E_INPUT_ENCODING", "ok"]
    assert "301" in got[0].message and "image/png" in got[1].message
    assert got[-1].text == "Café open."
    assert all(x.origin and "@" in x.origin for x in got)


def test_damaged_file_ends_in_one_reject(tmp_path):
    good = write_warc(tmp_path / "good.warc", [{"url": "https://k.example/a", "html": NL}], gzip=False)
    data = good.read_bytes()
    bad = tmp_path / "bad.warc"
    bad.write_bytes(data + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nkort")
    got = items(bad)
    assert isinstance(got[0], Article)
    assert all(isinstance(x, Reject) and x.code == "E_INPUT_FORMAT" for x in got[1:])
    assert len(got) <= 2
    (r,) = items(tmp_path / "does-not-exist.warc")
    assert r.code == "E_INPUT_NOT_FOUND"


def test_read_paths_recognizes_warc_files(tmp_path):
    write_warc(tmp_path / "a.warc.gz", [{"url": "https://k.example/a", "html": NL}])
    write_warc(tmp_path / "b.warc", [{"url": "https://k.example/b", "html": NL}], gzip=False)
    got = list(read_paths([tmp_path], ReadOptions()))
    assert [type(x) for x in got] == [Article, Article]
