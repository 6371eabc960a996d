import json

from kroniek.eval.events import (PRF, SeedScores, _score_one, date_matches, gold_files, predicted_factuality,
                                 score_eventdna)
from kroniek.model import Actor, Document, Entity, Event, SentenceRef, Span

TEXT = "Rutte bezocht Berlijn. Merkel belde Parijs."


def _doc(events):
    ents = (Entity("e1", "Mark Rutte", "PER", Actor("NLDGOV", "NLD", "GOV", None, None), (Span(0, 5, "Rutte"),)),
            Entity("e2", "Berlin", "GPE", Actor("DEU", "DEU", None, None, None), (Span(14, 21, "Berlijn"),)),
            Entity("e3", "Angela Merkel", "PER", Actor("DEUGOV", "DEU", "GOV", None, None), (Span(23, 29, "Merkel"),)),
            Entity("e4", "Paris", "GPE", Actor("FRA", "FRA", None, None, None), (Span(36, 42, "Parijs"),)))
    return Document("d", "2019-03-12", "nl", None, None, None, TEXT, ents, (), tuple(events))


def _ev(n, typ, src, tgt, date, modality, start, trig):
    return Event(f"v{n}", typ, None, src, tgt, None, None, date, modality, None,
                 Span(start, start + len(trig), trig), SentenceRef(0, 22), 0.8)


def test_date_matching_with_unknown_digits():
    assert date_matches("2018-05-31", "2018-05-31")
    assert date_matches("2018-05-XX", "2018-05-31")
    assert not date_matches("2018-06-XX", "2018-05-31")
    assert date_matches(None, None) and not date_matches("2018", None) and not date_matches(None, "2018")


def test_seed_scoring_counts_pairs_dates_and_modality():
    doc = _doc([_ev(1, "CONSULT", "e1", "e2", "2019-03-11", "asserted", 6, "bezocht"),
                _ev(2, "CONSULT", "e3", "e4", None, "planned", 30, "belde"),
                _ev(3, "ASSAULT", "e3", "e1", None, "asserted", 30, "belde")])
    gold = [{"type": "CONSULT", "source_country": "DEU", "target_country": "NLD", "date": "2019-03-11",
             "modality": "asserted"},   # pair as a set: NLD→DEU matches
            {"type": "CONSULT", "source_country": "DEU", "target_country": "FRA", "date": "2019-03-12",
             "modality": "asserted"},
            {"type": "AID", "source_country": "NLD", "target_country": "FRA", "date": None, "modality": "asserted"}]
    s = SeedScores("test")
    _score_one(doc, gold, s)
    assert (s.events.tp, s.events.fp, s.events.fn) == (2, 1, 1)
    assert (s.with_date.tp, s.with_date.fn) == (1, 2)
    assert (s.modality.correct, s.modality.total) == (1, 2)
    assert round(s.events.f1, 3) == round(PRF(2, 1, 1).f1, 3)


def test_gold_files_are_the_json_files_with_events(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"text": "x", "events": []}))
    (tmp_path / "b.json").write_text(json.dumps({"text": "x"}))
    assert [p.name for p in gold_files(tmp_path)] == ["a.json"]


def test_a_broken_gold_file_is_named_not_skipped(tmp_path):
    import pytest

    from kroniek.errors import EvalError

    (tmp_path / "a.json").write_text(json.dumps({"text": "x", "events": []}))
    (tmp_path / "c.json").write_text("{broken")
    with pytest.raises(EvalError, match="c.json") as info:
        gold_files(tmp_path)
    assert info.value.code == "E_EVAL_GOLD"
    (tmp_path / "c.json").write_bytes(b'{"text": "caf\xe9"}')
    with pytest.raises(EvalError, match="c.json"):
        gold_files(tmp_path)


def test_factuality_mapping():
    assert predicted_factuality("asserted") == ("CERTAIN", "POS", "NON_FUTURE")
    assert predicted_factuality("planned") == ("CERTAIN", "POS", "FUTURE")
    assert predicted_factuality("hypothetical") == ("POSSIBLE", "POS", "NON_FUTURE")
    assert predicted_factuality("negated") == ("CERTAIN", "NEG", "NON_FUTURE")


def test_eventdna_reader_and_argument_scores(tmp_path):
    tokens = "Rutte bezocht gisteren Berlijn .".split()
    record = {"doc_id": "x", "doc": {"token_string": " ".join(tokens), "token_ids": list(range(5)),
              "sentences": {"sentence_1": {"token_ids": list(range(5))}},
              "annotations": {"entities": {}, "coreference": {}, "iptc_codes": [], "events": {
                  "event_1": {"features": {"type": "Contact", "span": [0, 1, 2, 3], "arguments": [
                      {"features": {"argument_role": "Time", "span": [2]}, "string": "gisteren"},
                      {"features": {"argument_role": "Place", "span": [3]}, "string": "Berlijn"}]}},
                  "event_2": {"features": {"type": "Life", "span": [4], "arguments": []}}}}}}
    path = tmp_path / "dna.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    from kroniek.model import Time

    def annotate(text, date):
        ents = (Entity("e1", "Mark Rutte", "PER", None, (Span(0, 5, "Rutte"),)),
                Entity("e2", "Berlin", "GPE", None, (Span(23, 30, "Berlijn"),)))
        time = Time("t1", 14, 22, "gisteren", "DATE", "2016-01-01", None, None)
        ev = Event("v1", "CONSULT", "visit", "e1", "e2", "e2", "t1", "2016-01-01", "asserted", None,
                   Span(6, 13, "bezocht"), SentenceRef(0, 32), 0.9)
        return Document("d", date, "nl", None, None, None, text, ents, (time,), (ev,)), None

    s = score_eventdna(path, annotate)
    assert (s.triggers.tp, s.triggers.fp, s.triggers.fn) == (1, 0, 1)
    assert (s.time_args.tp, s.place_args.tp) == (1, 1)
    assert s.per_type_recall["Life"].value == 0.0


def test_meantime_reader(tmp_path):
    from kroniek.eval.events import _meantime_dct, _read_conll

    conll = tmp_path / "doc.conll"
    conll.write_text("1\tRutte\t_\t_\t_\t_\n2\tbezocht\tB-E-1\tB-CERTAIN-1\tB-POS-1\tB-NON_FUTURE-1\n\n"
                     "3\t10-Dec-13\t_\t_\t_\t_\n", encoding="utf-8")
    sentences, dct = _read_conll(conll)
    assert dct == "2013-12-10" and len(sentences) == 2
    assert _meantime_dct("1-Mar-08") == "2008-03-01" and _meantime_dct("zomaar") is None
