"""Quote scoring: gold loading, matching, figures, and `kroniek eval quotes` end to end."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from kroniek.cli import EXIT_FAILURE, EXIT_OK, main
from kroniek.errors import InputError
from kroniek.eval.quotes import (Counts, GoldDoc, QuoteEvaluation, count, evaluate_quotes, gold_files,
                                 load_gold_file, match_quotes, score_document)
from kroniek.extract.quotes import QuoteFinding
from kroniek.model import Entity, Span

from ..conftest import SEED_GOLD, require_frog

TEXT = "Lavrov zei dat hij komt. “Het is goed,” zei Kim. De NOS meldt het."


def gold_json(**over):
    data = {"id": "g1", "header_date": "2018-05", "text": TEXT,
            "entities": [{"name": "Sergej Lavrov", "mentions": ["Lavrov"]},
                         {"name": "Kim Jong-un", "mentions": ["Kim"]}],
            "quotes": [{"text": "hij komt", "speaker": "Sergej Lavrov", "kind": "indirect"},
                       {"text": "Het is goed", "speaker": "Kim Jong-un", "kind": "direct"}]}
    data.update(over)
    return data


def write(tmp_path, data, name="g1.json"):
    p = tmp_path / name
    p.write_text(json.dumps(data, ensure_ascii=False) if not isinstance(data, str) else data, encoding="utf-8")
    return p


def finding(text, kind, speaker=None, phrase=None, within=TEXT):
    start = within.index(text)
    span = None
    if phrase is not None:
        p = within.index(phrase)
        span = Span(p, p + len(phrase), phrase)
    return QuoteFinding(start, start + len(text), text, kind, speaker, span, None, "after")


ENTITIES = (Entity("e1", "Lavrov", "PER", None, (Span(0, 6, "Lavrov"),)),
            Entity("e2", "Kim", "PER", None, (Span(TEXT.index("Kim"), TEXT.index("Kim") + 3, "Kim"),)))


def test_gold_is_placed_in_its_text(tmp_path):
    gold = load_gold_file(write(tmp_path, gold_json()))
    assert gold.id == "g1" and gold.date == "2018-05"
    for q in gold.quotes:
        assert gold.text[q.start:q.end] == q.text
    assert gold.quotes[0].speaker_names == {"sergej lavrov", "lavrov"}


def test_repeated_gold_texts_take_successive_places(tmp_path):
    text = "Hij zei “ja”. Zij zei “ja”."
    gold = load_gold_file(write(tmp_path, gold_json(text=text, entities=[], quotes=[
        {"text": "ja", "speaker": None, "kind": "direct"}, {"text": "ja", "speaker": None, "kind": "direct"}])))
    assert [q.start for q in gold.quotes] == [text.index("ja"), text.rindex("ja")]


def test_the_same_words_may_be_two_gold_quotes(tmp_path):
    text = "Hij zei dat “wij blijven” en dat is alles."
    gold = load_gold_file(write(tmp_path, gold_json(text=text, entities=[], quotes=[
        {"text": "wij blijven", "speaker": None, "kind": "direct"},
        {"text": "wij blijven", "speaker": None, "kind": "indirect"}])))
    assert [(q.start, q.kind) for q in gold.quotes] == [(text.index("wij"), "direct"), (text.index("wij"), "indirect")]


@pytest.mark.parametrize("data, code", [
    ("{nee", "E_INPUT_JSON"),
    ("[]", "E_INPUT_JSON"),
    (gold_json(text=None), "E_INPUT_FIELD"),
    (gold_json(quotes=[{"text": "staat er niet", "speaker": None, "kind": "direct"}]), "E_INPUT_FIELD"),
    (gold_json(quotes=[{"text": "hij komt", "kind": "quote"}]), "E_INPUT_FIELD"),
    (gold_json(header_date=None), "E_INPUT_NO_DATE"),
])
def test_bad_gold_is_a_clear_error(tmp_path, data, code):
    with pytest.raises(InputError) as info:
        load_gold_file(write(tmp_path, data))
    assert info.value.code == code and "g1.json" in info.value.message


def test_gold_folder_errors(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        gold_files(tmp_path / "nee")
    with pytest.raises(InputError, match="no gold files"):
        gold_files(tmp_path)


def test_matching_exact_overlap_and_speakers(tmp_path):
    gold = load_gold_file(write(tmp_path, gold_json()))
    found = (finding("hij komt", "indirect", "e1", "Lavrov"),        # exact, right speaker
             finding("Het is goed,", "direct", "e1", "Lavrov"),       # overlap, wrong speaker
             finding("De NOS meldt het", "indirect"))                # extra
    result = score_document(gold, found, ENTITIES)
    c = count(result.matches)
    assert (c.gold, c.found, c.exact, c.overlap, c.speaker_ok, c.phrase_ok) == (2, 3, 1, 2, 1, 1)
    p, r, f = c.overlap_prf
    assert (round(p, 3), r, round(f, 3)) == (0.667, 1.0, 0.8)
    assert c.exact_prf[1] == 0.5 and c.speaker_accuracy == 0.5
    sp, sr, _ = c.speaker_prf  # one of three found, one of two gold, with the right speaker
    assert (round(sp, 3), sr) == (0.333, 0.5)
    kinds = dict(result.by_kind)
    assert (kinds["direct"].gold, kinds["direct"].overlap) == (1, 1)
    assert (kinds["indirect"].found, kinds["indirect"].exact) == (2, 1)


def test_a_short_quote_inside_a_long_one_finds_its_own_partner():
    text = "Hij zei dat de band “hecht” blijft."
    long_g = finding("de band “hecht” blijft", "indirect", within=text)
    short_g = finding("hecht", "direct", within=text)
    from kroniek.eval.quotes import GoldQuote

    gold = [GoldQuote(q.start, q.end, q.text, q.kind, None, frozenset()) for q in (long_g, short_g)]
    matches = match_quotes(gold, [short_g, long_g], ())
    assert all(m.exact for m in matches) and len(matches) == 2


def test_speaker_phrase_counts_without_an_entity(tmp_path):
    gold = load_gold_file(write(tmp_path, gold_json()))
    result = score_document(gold, (finding("hij komt", "indirect", None, "Lavrov"),), ())
    c = count(result.matches)
    assert (c.speaker_ok, c.phrase_ok) == (0, 1)


def test_evaluation_sums_documents(tmp_path):
    golds = [load_gold_file(write(tmp_path, gold_json(id=f"g{n}"), f"g{n}.json")) for n in (1, 2)]
    results = list(evaluate_quotes(golds, lambda g: ((finding("hij komt", "indirect", "e1", "Lavrov"),), ENTITIES)))
    ev = QuoteEvaluation(tuple(results))
    assert ev.overall == Counts(4, 2, 2, 2, 2, 2)
    assert ev.kind("indirect").overlap_prf == (1.0, 1.0, 1.0)
    assert json.loads(json.dumps(ev.to_dict()))["all"]["overlap_r"] == 0.5
    assert isinstance(golds[0], GoldDoc)


def test_cli_reports_a_bad_gold_folder(tmp_path):
    result = CliRunner().invoke(main, ["eval", "quotes", str(tmp_path / "nee")])
    assert result.exit_code == EXIT_FAILURE and "E_INPUT_NOT_FOUND" in result.output


class Borrowed:
    """The session's running Frog, lent to a cache without being started or closed again."""

    name = "frog"

    def __init__(self, frog):
        self.frog = frog
        # The cache names parses by the parser that made them: the CLI's own Frog must find them.
        self.cache_identity = frog.cache_identity

    def start(self):
        return self

    def parse(self, text):
        return self.frog.parse(text)

    def close(self):
        pass


@pytest.mark.frog
def test_cli_scores_the_seed(frog, tmp_path):
    """`kroniek eval quotes` on the seed gold: the parse comes from the cache the test fills."""
    require_frog()
    if not SEED_GOLD.exists():
        pytest.skip("seed gold not found")
    from kroniek.nlp.cache import CachingParser

    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    shutil.copy(SEED_GOLD, gold_dir)
    cache = tmp_path / "cache"
    CachingParser(Borrowed(frog), cache).parse(load_gold_file(SEED_GOLD).text)
    result = CliRunner().invoke(main, ["eval", "quotes", str(gold_dir), "--cache-dir", str(cache), "--json"])
    assert result.exit_code == EXIT_OK, result.output
    figures = json.loads(result.output)
    assert figures["documents"] == 1
    assert figures["all"]["gold"] == 6 and figures["all"]["overlap_f1"] == 1.0 and figures["all"]["exact_f1"] == 1.0
    assert figures["all"]["speaker_phrase_accuracy"] == 1.0
    assert figures["all"]["speaker_accuracy"] >= 4 / 6
    table = CliRunner().invoke(main, ["eval", "quotes", str(gold_dir), "--cache-dir", str(cache), "--show"])
    assert table.exit_code == EXIT_OK and "1 hit(s), 0 parsed" in table.output and "[exact]" in table.output
