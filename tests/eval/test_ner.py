import json

import pytest
from click.testing import CliRunner

from kroniek.cli import main
from kroniek.errors import InputError
from kroniek.eval.ner import (TypedSpan, bio_entities, evaluate, gold_entities, gold_text, parse_in_chunks,
                              project_spans, read_conll, score)

from ..conftest import require_frog
from ..helpers import ToyParser

# A small CoNLL-2002 style file of our own (WORD POS TAG).
SAMPLE = """\
-DOCSTART- -DOCSTART- O
De Art O
Belgische Adj B-MISC
premier N O
Jan N B-PER
Peeters N I-PER
bezocht V O
Antwerpen N B-LOC
. Punc O

Hij Pron O
sprak V O
met Prep O
de Art O
Verenigde Adj B-ORG
Naties N I-ORG
. Punc O
-DOCSTART- -DOCSTART- O
Parijs N B-LOC
zwijgt V O
. Punc O
"""


@pytest.fixture
def sample(tmp_path):
    p = tmp_path / "mini.conll"
    p.write_text(SAMPLE, encoding="utf-8")
    return p


def test_read_and_build_texts(sample):
    docs = read_conll(sample)
    assert len(docs) == 2 and len(docs[0].sentences) == 2
    gt = gold_text(docs[0])
    assert gt.text.startswith("De Belgische premier Jan Peeters bezocht Antwerpen .\n\nHij sprak")
    for (s, k), a, b in zip(gt.token_ids, gt.starts, gt.ends):
        assert gt.text[a:b] == docs[0].sentences[s].tokens[k]
    assert gold_entities(docs[0]) == {(0, 1, 2, "MISC"), (0, 3, 5, "PER"), (0, 6, 7, "LOC"), (1, 4, 6, "ORG")}
    assert len(read_conll(sample, limit=1)) == 1


def test_malformed_lines_are_errors(tmp_path):
    p = tmp_path / "bad.conll"
    p.write_text("De Art O\nkapot Adj Q-XYZ\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.conll:2"):
        read_conll(p)


def test_bio_entities():
    assert bio_entities(["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]


def test_projection_and_scoring(sample):
    doc = read_conll(sample)[0]
    gt = gold_text(doc)
    at = gt.text.index
    pred = project_spans(gt, [TypedSpan(at("Belgische"), at("Belgische") + 9, "MISC"),
                              TypedSpan(at("Jan"), at("Peeters") + 7, "PER"),
                              TypedSpan(at("Antwerpen"), at("Antwerpen") + 9, "ORG"),  # wrong type
                              TypedSpan(at("Naties"), at("Naties") + 6, "ORG")])       # wrong start
    overall, per_type = score([(gold_entities(doc), pred)])
    assert (overall.gold, overall.predicted, overall.correct) == (4, 4, 2)
    assert overall.f1 == pytest.approx(0.5)
    assert {t.type: t.correct for t in per_type} == {"PER": 1, "ORG": 0, "LOC": 0, "MISC": 1}


def test_long_articles_are_parsed_in_pieces_and_joined(sample, monkeypatch):
    import kroniek.eval.ner as ner

    monkeypatch.setattr(ner, "CHUNK_CHARS", 10)
    gt = ner.gold_text(read_conll(sample)[0])
    assert len(gt.chunk_starts) == 2
    parser = ToyParser()
    doc = parse_in_chunks(gt, parser.parse)
    assert parser.calls == 2 and doc.text == gt.text
    for t in doc.tokens:
        assert doc.text[t.start:t.end] == t.text
    assert [t.i for t in doc.tokens] == list(range(len(doc.tokens)))
    assert doc.sentences[-1].last_token == len(doc.tokens)


def test_evaluate_with_a_toy_parser(sample):
    docs = read_conll(sample)
    parser = ToyParser(ner={"Jan Peeters": "PER", "Antwerpen": "LOC", "Parijs": "LOC"})
    scores = evaluate(docs, parser.parse, {"toy": lambda p: [
        TypedSpan(p.tokens[a].start, p.tokens[b - 1].end, lab)
        for s in range(len(p.sentences))
        for a, b, lab in bio_entities([t.ner for t in p.sentence_tokens(s)])
        for a, b in [(a + p.sentences[s].first_token, b + p.sentences[s].first_token)]]})
    toy = scores["toy"]
    assert (toy.overall.gold, toy.overall.predicted, toy.overall.correct) == (5, 3, 3)
    assert toy.documents == 2 and toy.tokens == 18


class _Running:
    """The session's running Frog behind the Parser protocol, never started or closed again."""

    name = "frog"

    def __init__(self, parser):
        self.parser = parser

    def start(self):
        return self

    def parse(self, text):
        return self.parser.parse(text)

    def health(self):
        return True

    def close(self):
        pass


@pytest.mark.frog
def test_eval_ner_command_with_frog(frog, sample, tmp_path):
    require_frog()
    from kroniek.nlp.cache import CachingParser

    # The session's Frog fills the parse cache, so the command finds every parse there and
    # starts no second Frog.
    cache = CachingParser(_Running(frog), tmp_path / "c")
    for doc in read_conll(sample):
        parse_in_chunks(gold_text(doc), cache.parse)
    result = CliRunner().invoke(main, ["eval", "ner", str(sample), "--cache-dir", str(tmp_path / "c"), "--json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert set(scores) == {"frog", "kroniek"}
    assert scores["kroniek"]["overall"]["gold"] == 5
    # kroniek knows "Belgische" is a country adjective (MISC in CoNLL) and the Verenigde Naties.
    assert scores["kroniek"]["MISC"]["correct"] == 1 and scores["kroniek"]["ORG"]["correct"] == 1
    assert scores["kroniek"]["overall"]["f1"] >= scores["frog"]["overall"]["f1"]
