"""Arbitrary bytes and near-valid records at every reader: nothing escapes, nothing is lost."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kroniek.ingest import ReadOptions, read_paths
from kroniek.model import Article, Reject

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

values = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                   st.text(max_size=30), st.sampled_from(["\ud800", "a\udcff b", "\udfff"]), st.lists(st.integers(), max_size=3),
                   st.dictionaries(st.text(max_size=5), st.integers(), max_size=2))
dates = st.one_of(values, st.sampled_from(["2018", "2018-05", "2018-05-30", "2018-02-30", "2018-13",
                                           "2019-04-11T10:00:00Z", "0000", "99999", "2018-5-1"]))
texts = st.one_of(values, st.text(max_size=200), st.just("   "), st.just("Gewoon een zin."))
records = st.fixed_dictionaries({}, optional={
    "id": values, "date": dates, "published_at": dates, "text": texts, "title": values,
    "url": values, "source": values, "lang": st.one_of(values, st.sampled_from(["nl", "NL", "en", ""])),
})


def check(items, expected_min=0):
    assert all(isinstance(i, (Article, Reject)) for i in items)
    for i in items:
        if isinstance(i, Reject):
            assert i.code.startswith("E_") and i.message
            line = i.to_error_line()
        else:
            assert i.text and i.text == i.text.strip() and i.id
            line = i.to_dict()
        # What comes out must be storable and printable: UTF-8 without lone surrogates.
        json.dumps(line, ensure_ascii=False).encode("utf-8")
    assert len(items) >= expected_min


@SETTINGS
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_in_every_format(tmp_path_factory, data):
    d = tmp_path_factory.mktemp("fuzz")
    for name in ("a.txt", "a.jsonl", "a.json", "a.csv", "a.tsv"):
        p = d / name
        p.write_bytes(data)
        check(list(read_paths([str(p)], ReadOptions(date="2018-05", max_chars=500))))
        check(list(read_paths([str(p)], ReadOptions(format="seed", max_chars=500))))


@SETTINGS
@given(rows=st.lists(records, min_size=1, max_size=8))
def test_near_valid_jsonl_records(tmp_path_factory, rows):
    p = tmp_path_factory.mktemp("fuzz") / "batch.jsonl"
    lines = [json.dumps(r, default=str) for r in rows]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([str(p)], ReadOptions(max_chars=150)))
    check(items)
    assert len(items) == len(rows)  # every record ends as an Article or a Reject


@SETTINGS
@given(rows=st.lists(st.lists(st.text(max_size=20), min_size=0, max_size=5), min_size=0, max_size=6),
       header=st.sampled_from(["id,date,text", "text", "date,text", "id;date;text", "x,y"]))
def test_near_valid_csv(tmp_path_factory, rows, header):
    import csv
    import io

    buf = io.StringIO()
    buf.write(header + "\n")
    w = csv.writer(buf)
    for r in rows:
        w.writerow(r)
    p = tmp_path_factory.mktemp("fuzz") / "x.csv"
    p.write_text(buf.getvalue(), encoding="utf-8")
    check(list(read_paths([str(p)], ReadOptions(max_chars=100))))


@SETTINGS
@given(head=st.sampled_from([" date ", "date", " date 2018", " date 2018-05 ", "date\n", " date x "]),
       body=st.text(max_size=100))
def test_near_valid_seed_files(tmp_path_factory, head, body):
    p = tmp_path_factory.mktemp("fuzz") / "s.txt"
    p.write_text(head + body, encoding="utf-8", errors="surrogatepass")
    items = list(read_paths([str(p)], ReadOptions()))
    check(items, expected_min=1)
