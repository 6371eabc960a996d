"""`kroniek eval gold`: everything at once against gold files in the seed's format.

Unit tests score small gold files written here against hand-built documents (no
Frog); the last test runs a gold file of our own through the real Frog and the CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kroniek.errors import EvalError
from kroniek.eval.events import GoldEvent, match_events
from kroniek.eval.gold import GoldReport, gold_folder, load_gold_file, score_gold
from kroniek.model import (Actor, Document, Entity, Event, ParsedDoc, Quote, Sentence, SentenceRef, Span,
                           Time)

from .test_quotes import Borrowed

DATA = Path(__file__).parent / "data" / "gold_nl"

S1 = "Rutte bezocht dinsdag Berlijn."
S2 = "Merkel belde met Parijs."
S3 = "„We blijven praten”, zei Merkel in de Bundestag."
TEXT = f"{S1} {S2} {S3}"


def span(word: str, nth: int = 0) -> Span:
    at = -1
    for _ in range(nth + 1):
        at = TEXT.index(word, at + 1)
    return Span(at, at + len(word), word)


def sentence(s: str) -> SentenceRef:
    at = TEXT.index(s)
    return SentenceRef(at, at + len(s))


def gold_data() -> dict:
    return {
        "id": "t1", "header_date": "2019-03", "dct_full": "2019-03-13", "text": TEXT,
        "entities": [
            {"name": "Mark Rutte", "type": "PER", "country": "NLD", "mentions": ["Rutte"]},
            {"name": "Berlin", "type": "GPE", "country": "DEU", "mentions": ["Berlijn"]},
            {"name": "Angela Merkel", "type": "PER", "country": "DEU", "mentions": ["Merkel"]},
            {"name": "Paris", "type": "GPE", "country": "FRA", "mentions": ["Parijs"]},
            {"name": "Bundestag", "type": "ORG", "country": "DEU", "mentions": ["de Bundestag"]},
        ],
        "times": [{"text": "dinsdag", "type": "DATE", "value_full": "2019-03-12", "value_header": "2019-03~wd2"}],
        "events": [
            {"type": "CONSULT", "source": "Mark Rutte", "source_country": "NLD", "target": "Berlin",
             "target_country": "DEU", "date": "2019-03-12", "modality": "asserted", "trigger": "bezocht",
             "sentence": S1},
            {"type": "CONSULT", "source": "Angela Merkel", "source_country": "DEU", "target": "Paris",
             "target_country": "FRA", "date": None, "modality": "asserted", "trigger": "belde", "sentence": S2},
            {"type": "ACCUSE", "source": "Angela Merkel", "source_country": "DEU", "target": "Mark Rutte",
             "target_country": "NLD", "date": None, "modality": "asserted", "trigger": "belde", "sentence": S2},
        ],
        "quotes": [{"text": "We blijven praten", "speaker": "Angela Merkel", "kind": "direct"}],
    }


def write_gold(folder: Path, data: dict, name: str = "t1.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def entities() -> tuple[Entity, ...]:
    return (
        Entity("e1", "Mark Rutte", "PER", Actor("NLDGOV", "NLD", "GOV"), (span("Rutte"),)),
        Entity("e2", "Berlin", "GPE", Actor("DEU", "DEU"), (span("Berlijn"),)),
        Entity("e3", "Angela Merkel", "PER", Actor("DEUGOV", "DEU", "GOV"), (span("Merkel"), span("Merkel", 1))),
        Entity("e4", "Paris", "GPE", Actor("FRA", "FRA"), (span("Parijs"),)),
        Entity("e5", "Bundestag", "ORG", None, (span("Bundestag"),)),       # no country: a country miss
        Entity("e6", "Praten", "MISC", None, (span("praten"),)),            # not in the gold: an extra
    )


def event(n: int, typ: str, src: str, tgt: str, trigger: Span, sent: str, date: str | None = None,
          modality: str = "asserted") -> Event:
    return Event(f"v{n}", typ, None, src, tgt, None, None, date, modality, None, trigger, sentence(sent), 0.8)


def annotate(text: str, date: str) -> tuple[Document, ParsedDoc]:
    """A hand-built kroniek output for TEXT, as the pipeline would give it on ``date``."""
    assert text == TEXT
    full = len(date) == 10
    when = span("dinsdag")
    times = (Time("t1", when.start, when.end, when.text, "DATE", "2019-03-12" if full else "2019-03-XX", 2),)
    events = (
        event(1, "CONSULT", "e1", "e2", span("bezocht"), S1, "2019-03-12" if full else "2019-03-XX"),
        event(2, "ASSAULT", "e3", "e4", span("belde"), S2),          # the pair is right, the type not
        event(3, "CONSULT", "e2", "e1", span("zei"), S3),            # repeats event 1 (same type and pair)
    )
    quote = span("We blijven praten")
    quotes = (Quote("q1", quote.start, quote.end, quote.text, "direct", "e3"),)
    doc = Document("d", date, "nl", None, None, None, TEXT, entities(), times, events, quotes)
    sentences = tuple(Sentence(sentence(s).start, sentence(s).end, 0, 0) for s in (S1, S2, S3))
    return doc, ParsedDoc(text=TEXT, tokens=(), sentences=sentences)


def test_spans_of_the_hand_built_document_are_exact():
    doc, _ = annotate(TEXT, "2019-03")
    assert doc.bad_spans() == []


def test_everything_is_scored_in_both_settings(tmp_path):
    report = score_gold([write_gold(tmp_path, gold_data())], annotate)
    header, full = report.settings
    for s in (header, full):
        assert s.files == 1
        assert (s.entities.tp, s.entities.fp, s.entities.fn) == (5, 1, 0)
        # Bundestag: gold DEU, kroniek none; the extra "Praten" has no country, so no error.
        assert (s.countries.tp, s.countries.fp, s.countries.fn) == (4, 0, 1)
        assert (s.times.gold, s.times.strict, s.times.value_ok) == (1, 1, 1)
        # the ACCUSE DEU-NLD pair is found too (by the CONSULT of S3): the dyad leaves the type out
        assert (s.dyad.tp, s.dyad.fp, s.dyad.fn) == (3, 0, 0)
        typed = s.events
        assert (typed.events.tp, typed.events.fp, typed.events.fn) == (1, 1, 2)
        assert (typed.with_date.tp, typed.modality.correct, typed.modality.total) == (1, 1, 1)
        assert (s.direction.correct, s.direction.total) == (1, 1)
        assert (s.in_sentence.correct, s.in_sentence.total) == (3, 3)
        assert (s.gold_repeats, s.found_repeats) == (0, 1)
        assert s.events.per_type["CONSULT"].tp == 1 and s.events.per_type["ASSAULT"].fp == 1
        assert (s.quotes.gold, s.quotes.found, s.quotes.exact) == (1, 1, 1)
        assert (s.speakers.tp, s.speakers.fp, s.speakers.fn) == (1, 0, 0)
    assert round(header.entities.precision, 3) == round(5 / 6, 3)


def test_details_name_misses_and_extras_with_their_sentences(tmp_path):
    report = score_gold([write_gold(tmp_path, gold_data())], annotate)
    details = report.settings[0].details
    missed = [d for d in details if d.section == "event" and d.kind == "missed"]
    assert {d.sentence for d in missed} == {S2}
    assert any("found as ASSAULT" in d.what for d in missed)           # CONSULT DEU-FRA: the pair, wrong type
    extra = next(d for d in details if d.section == "event" and d.kind == "extra")
    assert extra.what.startswith("ASSAULT Angela Merkel (DEU)") and extra.sentence == S2
    assert any(d.section == "entity" and d.kind == "extra" and "Praten" in d.what for d in details)
    assert any(d.section == "country" and "Bundestag: gold DEU, kroniek None" in d.what and d.sentence == S3
               for d in details)
    out = report.to_dict(details=True)
    assert out["settings"][0]["details"] and "details" not in report.to_dict()["settings"][0]
    json.dumps(out)  # JSON all the way down


def test_a_gold_speaker_in_another_entity_is_a_wrong_speaker(tmp_path):
    data = gold_data()
    data["quotes"][0]["speaker"] = "Mark Rutte"
    s = score_gold([write_gold(tmp_path, data)], annotate).settings[0]
    assert (s.quotes.overlap, s.speakers.tp, s.speakers.fp, s.speakers.fn) == (1, 0, 1, 1)


def test_the_full_setting_needs_a_full_date(tmp_path):
    data = gold_data()
    del data["dct_full"]
    report = score_gold([write_gold(tmp_path, data)], annotate)
    assert [s.files for s in report.settings] == [1, 0]
    assert [s["setting"] for s in report.to_dict()["settings"]] == ["header"]


def _doc(events: tuple[Event, ...]) -> Document:
    return Document("d", "2019-03", "nl", None, None, None, TEXT, entities(), (), events, ())


def _gold(typ: str, src: str | None, tgt: str | None, sent: str) -> GoldEvent:
    return GoldEvent.from_dict({"type": typ, "source_country": src, "target_country": tgt, "sentence": sent}, TEXT)


def test_an_event_matches_in_its_own_sentence_first_and_a_second_mention_is_a_repeat():
    doc = _doc((event(1, "CONSULT", "e1", "e2", span("zei"), S3),))
    gold = [_gold("CONSULT", "NLD", "DEU", S1), _gold("CONSULT", "DEU", "NLD", S3)]
    matches = match_events(doc, gold)
    matched = [m for m in matches if m.gold and m.found]
    assert len(matched) == 1 and matched[0].gold.sentence == S3
    assert [m.repeat for m in matches if m.found is None] == [True]


def test_an_event_of_another_type_with_the_same_pair_is_no_repeat():
    doc = _doc((event(1, "CONSULT", "e1", "e2", span("bezocht"), S1),))
    gold = [_gold("CONSULT", "NLD", "DEU", S1), _gold("ACCUSE", "NLD", "DEU", S3)]
    dyad = match_events(doc, gold, typed=False)
    assert [(m.gold.type, m.found is not None, m.repeat) for m in dyad] == [("CONSULT", True, False),
                                                                             ("ACCUSE", False, False)]


def test_events_without_any_country_match_only_in_the_same_sentence():
    doc = _doc((event(1, "PROTEST", "e5", "e6", span("praten"), S3),))
    assert [m.found for m in match_events(doc, [_gold("PROTEST", None, None, S1)]) if m.gold and m.found] == []
    assert len([m for m in match_events(doc, [_gold("PROTEST", None, None, S3)]) if m.gold and m.found]) == 1


def test_gold_mentions_match_whole_words_only(tmp_path):
    data = gold_data()
    data["entities"].append({"name": "Ber", "type": "PER", "country": None, "mentions": ["Ber"]})
    gold = load_gold_file(write_gold(tmp_path, data))
    assert next(e for e in gold.entities if e.name == "Ber").spans == ()
    merkel = next(e for e in gold.entities if e.name == "Angela Merkel")
    assert merkel.spans == tuple((m.start, m.end) for m in (span("Merkel"), span("Merkel", 1)))


def test_malformed_gold_is_named_with_a_stable_code(tmp_path):
    data = gold_data()
    data["times"][0]["text"] = "woensdag"
    path = write_gold(tmp_path, data)
    with pytest.raises(EvalError, match="t1.json") as info:
        load_gold_file(path)
    assert info.value.code == "E_EVAL_GOLD"
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(EvalError, match="no gold files"):
        gold_folder(empty)


# --------------------------------------------------------------------------- real Frog


@pytest.mark.frog
def test_a_gold_file_through_frog_and_the_cli(frog, tmp_path):
    from click.testing import CliRunner

    from kroniek.cli import main
    from kroniek.eval.runner import Annotator
    from kroniek.nlp.cache import CachingParser

    gold = load_gold_file(DATA / "nl-mini-01.json")
    CachingParser(Borrowed(frog), tmp_path).parse(gold.text)   # the CLI below finds the parse: no second Frog
    with Annotator(cache_dir=tmp_path) as annotate:
        report: GoldReport = score_gold(gold_folder(DATA), annotate)
        assert annotate.parser.misses == 0
    header, full = report.settings
    for s in (header, full):
        doc_entities = (s.entities.tp, s.entities.fn, s.countries.tp, s.countries.fn)
        assert doc_entities == (6, 0, 6, 0), s.details
        assert s.times.value_ok == 1, s.details                  # "dinsdag": 2019-03-12, or a Tuesday of 2019-03
        assert s.dyad.tp == 2, s.details                         # NLD-DEU and DEU-RUS
        found_as = [d for d in s.details if d.section == "event" and "found as" in d.what]
        assert s.events.events.tp + len(found_as) == 2, s.details
        assert (s.quotes.overlap, s.speakers.tp) == (2, 2), s.details
    assert full.events.modality.correct == full.events.modality.total >= 1

    result = CliRunner().invoke(main, ["eval", "gold", str(DATA), "--cache-dir", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == json.loads(json.dumps(report.to_dict()))
    text = CliRunner().invoke(main, ["eval", "gold", str(DATA), "--cache-dir", str(tmp_path), "--details"])
    assert text.exit_code == 0 and "events, typed" in text.output and "setting full (1 files)" in text.output


@pytest.mark.frog
def test_the_cli_scores_the_rules_alone_or_a_model_of_ones_own(frog, tmp_path):
    from click.testing import CliRunner

    from kroniek.cli import main
    from kroniek.extract.event_model import default_model
    from kroniek.nlp.cache import CachingParser

    gold = load_gold_file(DATA / "nl-mini-01.json")
    CachingParser(Borrowed(frog), tmp_path).parse(gold.text)
    run = ["eval", "gold", str(DATA), "--cache-dir", str(tmp_path), "--json"]
    rules = CliRunner().invoke(main, run + ["--rules-only"])
    assert rules.exit_code == 0, rules.output
    own = tmp_path / "own.json"
    own.write_text(default_model().to_json(), encoding="utf-8")
    mine = CliRunner().invoke(main, run + ["--event-model", str(own)])
    full = CliRunner().invoke(main, run)
    assert json.loads(mine.output) == json.loads(full.output)   # the shipped weights, from a file
    own.write_text("{}", encoding="utf-8")
    broken = CliRunner().invoke(main, run + ["--event-model", str(own)])
    assert broken.exit_code == 4 and "E_MODEL" in broken.output
