"""The fast parser: offsets, Frog's vocabularies, a real sentence, the conversion, errors."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kroniek.errors import ParserUnavailable
from kroniek.model import ParsedDoc, Sentence, Token
from kroniek.nlp.fast import DEFAULT_MODEL, FastParser
from kroniek.nlp.fast_convert import EXTRA_ROOT, from_spacy_doc, to_spacy_doc

# Frog's dependency labels (Alpino's) and entity types, as they appear in its parses.
FROG_DEPRELS = {"ROOT", "su", "obj1", "obj2", "det", "mod", "punct", "cnj", "vc", "body", "mwp", "predc",
                "pc", "None", "app", "svp", "ld", "se", "me", "predm", "sup", "obcomp", "hdf", "crd",
                "pobj1", "hd", "sat", "tag", "nucl", "dlink", "rhd", "whd", "cmp", "dp", "obj", "su2"}
FROG_ENTITY_TYPES = {"PER", "LOC", "ORG", "MISC", "PRO", "EVE"}
FROG_TAG = re.compile(r"^[A-Z]+\([a-z0-9,\-]*\)$")


@pytest.fixture(scope="module")
def fast():
    parser = FastParser().start()
    yield parser
    parser.close()


def check_offsets(doc: ParsedDoc) -> None:
    previous_end = 0
    for i, t in enumerate(doc.tokens):
        assert t.i == i
        assert t.text == doc.text[t.start:t.end] and t.text
        assert t.text == t.text.strip(), t
        assert t.start >= previous_end
        previous_end = t.end
        if t.head is not None:
            assert doc.tokens[t.head].sent == t.sent and t.head != i
    covered = [i for s in doc.sentences for i in range(s.first_token, s.last_token)]
    assert covered == list(range(len(doc.tokens)))
    for n, s in enumerate(doc.sentences):
        assert all(doc.tokens[i].sent == n for i in range(s.first_token, s.last_token))
        assert s.start == doc.tokens[s.first_token].start and s.end == doc.tokens[s.last_token - 1].end


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(
    st.sampled_from(["De", "minister", "zei", "dat", "Rutte", "'s-Hertogenbosch", "d.w.z.", "15.000", "€", "5,3",
                     "2-1", "(", ")", "„", "”", "'", '"', ".", ",", "?!", "…", "e-mail", "NAVO-top", "café", "ß", "😀"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6),
    st.sampled_from([" ", "  ", "\n", "\n\n", "\t", "\u00a0", "\r\n"])), max_size=40).map("".join))
def test_offsets_are_sacred_whatever_the_text(fast, text):
    doc = fast.parse(text)
    assert doc.text == text
    check_offsets(doc)
    assert ParsedDoc.from_dict(doc.to_dict()) == doc


def test_labels_come_from_frogs_vocabularies(fast):
    doc = fast.parse("Het kabinet wil volgend jaar 2 miljard euro bezuinigen op de zorg, zei minister "
                     "Hoekstra dinsdag in Den Haag. De oppositie is boos.")
    check_offsets(doc)
    assert doc.parser == f"fast-nl-{fast.version}"
    for t in doc.tokens:
        assert FROG_TAG.match(t.tag), t
        assert t.pos == t.tag.split("(")[0]
        assert t.deprel in FROG_DEPRELS and t.deprel != EXTRA_ROOT, t
        assert (t.head is None) == (t.deprel == "ROOT"), t
        assert t.ner == "O" or (t.ner[:2] in ("B-", "I-") and t.ner[2:] in FROG_ENTITY_TYPES), t
        assert t.lemma
    assert len(doc.sentences) == 2


def test_a_dutch_sentence_gets_its_subject_verb_and_person(fast):
    doc = fast.parse("Premier Mark Rutte heeft dinsdag in Den Haag een nieuw plan gepresenteerd.")
    by_text = {t.text: t for t in doc.tokens}
    verb = by_text["heeft"]
    assert verb.tag.startswith("WW(pv")
    # The subject hangs on the finite verb (Frog's analysis): some token of the subject
    # phrase carries su with the verb as head.
    subjects = [t for t in doc.tokens if t.deprel == "su" and t.head == verb.i]
    assert subjects and subjects[0].text in {"Premier", "Mark", "Rutte"}
    assert by_text["Rutte"].ner.endswith("-PER") and by_text["Mark"].ner == "B-PER"
    assert by_text["gepresenteerd"].lemma == "presenteren"
    assert by_text["Haag"].ner.endswith("-LOC")


def test_health_and_restart(fast):
    assert fast.health()
    parser = FastParser()
    parser.close()  # closing an unstarted parser is harmless
    assert parser.parse("Dit is een test.").tokens[-1].text == "."
    parser.close()
    assert parser.health()  # starts again on demand


def test_a_missing_model_is_a_parser_error_with_its_code(tmp_path):
    with pytest.raises(ParserUnavailable) as err:
        FastParser(tmp_path / "nowhere")
    assert err.value.code == "E_PARSER_MISSING" and "nowhere" in err.value.message
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "meta.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ParserUnavailable):
        FastParser(tmp_path / "broken")


def test_the_shipped_model_is_inside_the_package():
    import kroniek

    assert DEFAULT_MODEL.parent.parent == __import__("pathlib").Path(kroniek.__file__).parent
    assert (DEFAULT_MODEL / "meta.json").is_file()


def _frog_like() -> ParsedDoc:
    """Two sentences; the first with two roots (a headline fragment), as Frog gives them."""
    text = "Kabinet valt : Rutte weg. Hij zwijgt."
    words = [("Kabinet", "N(soort,ev,basis,onz,stan)", "kabinet", "O", 1, "su"),
             ("valt", "WW(pv,tgw,met-t)", "vallen", "O", None, "ROOT"),
             (":", "LET()", ":", "O", 1, "punct"),
             ("Rutte", "SPEC(deeleigen)", "Rutte", "B-PER", None, "ROOT"),
             ("weg", "BW()", "weg", "O", 3, "mod"),
             (".", "LET()", ".", "O", 3, "punct"),
             ("Hij", "VNW(pers,pron,nomin,vol,3,ev,masc)", "hij", "O", 7, "su"),
             ("zwijgt", "WW(pv,tgw,met-t)", "zwijgen", "O", None, "ROOT"),
             (".", "LET()", ".", "O", 7, "punct")]
    tokens, pos = [], 0
    for i, (w, tag, lemma, ner, head, dep) in enumerate(words):
        start = text.index(w, pos)
        pos = start + len(w)
        tokens.append(Token(i=i, start=start, end=pos, text=w, form=w, lemma=lemma, pos=tag.split("(")[0], tag=tag,
                            ner=ner, head=head, deprel=dep, sent=0 if i < 6 else 1))
    sentences = (Sentence(tokens[0].start, tokens[5].end, 0, 6), Sentence(tokens[6].start, tokens[8].end, 6, 9))
    return ParsedDoc(text=text, tokens=tuple(tokens), sentences=sentences, parser="frog")


def test_frog_parses_survive_the_round_trip_through_spacy():
    import spacy

    frog = _frog_like()
    doc = to_spacy_doc(frog, spacy.blank("nl").vocab)
    # One tree per Frog sentence: the extra root hangs on the main one for training.
    assert [s.text for s in doc.sents] == ["Kabinet valt : Rutte weg.", "Hij zwijgt."]
    assert doc[3].dep_ == EXTRA_ROOT and doc[3].head.i == 1
    assert [e.text for e in doc.ents] == ["Rutte"]
    # Back from a Doc holding the same analysis: Frog's roots restored.
    back = from_spacy_doc(frog.text, spacy.tokens.Doc(doc.vocab, words=[t.text for t in doc],
                                                      spaces=[bool(t.whitespace_) for t in doc],
                                                      tags=[t.tag_ for t in doc], lemmas=[t.lemma_ for t in doc],
                                                      heads=[t.head.i for t in doc], deps=[t.dep_ for t in doc],
                                                      ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O"
                                                            for t in doc]), "fast-nl-test")
    assert [(t.tag, t.lemma, t.head, t.deprel, t.ner, t.sent) for t in back.tokens] == \
        [(t.tag, t.lemma, t.head, t.deprel, t.ner, t.sent) for t in frog.tokens]


def test_whitespace_tokens_are_dropped_and_heads_follow_on(fast):
    doc = fast.parse("Het regent.\n\n\n   De zon schijnt morgen weer.")
    check_offsets(doc)
    assert all(t.text.strip() for t in doc.tokens)
    assert [t.text for t in doc.tokens][:3] == ["Het", "regent", "."]
