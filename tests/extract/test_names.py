import pytest

from kroniek.extract.names import parser_names, recognize
from kroniek.kb import default_kb

from ..helpers import toy_parse


@pytest.fixture(scope="module")
def kb():
    return default_kb()


def found(doc, kb):
    return [(n.text, n.type, n.kind) for n in recognize(doc, kb)]


def assert_offsets(doc, names):
    for n in names:
        assert doc.text[n.start:n.end] == n.text
        assert n.start == doc.tokens[n.first].start and n.end == doc.tokens[n.last - 1].end


def test_knowledge_base_finds_what_the_parser_missed(kb):
    doc = toy_parse("Gisteren reisde de minister naar Noord-Korea en daarna naar de Verenigde Staten.")
    assert found(doc, kb) == [("Noord-Korea", "GPE", "name"), ("Verenigde Staten", "GPE", "name")]


def test_country_adjectives_and_demonyms(kb):
    doc = toy_parse("De Russische regering en de Noord-Koreaanse leider. De Russen zwijgen.",
                    pos={"Russische": "ADJ", "Noord-Koreaanse": "ADJ"})
    names = recognize(doc, kb)
    assert [(n.text, n.kind, n.kb_id) for n in names] == [
        ("Russische", "adjective", "RUS"), ("Noord-Koreaanse", "adjective", "PRK"), ("Russen", "demonym", "RUS")]
    assert all(n.type == "MISC" for n in names)
    assert_offsets(doc, names)


def test_knowledge_base_types_override_the_parsers_labels(kb):
    doc = toy_parse("Morgen spreekt Pyongyang met de NAVO.", ner={"Pyongyang": "PER", "NAVO": "LOC"})
    assert found(doc, kb) == [("Pyongyang", "GPE", "name"), ("NAVO", "ORG", "name")]


def test_a_longer_parser_name_around_a_known_word_wins(kb):
    doc = toy_parse("Toen sprak Kim Yong-chol lang.", ner={"Kim Yong-chol": "PER"})
    assert found(doc, kb) == [("Kim Yong-chol", "PER", "name")]


def test_surnames_count_when_tagged_as_proper_nouns_inside_a_sentence(kb):
    doc = toy_parse("Gisteren belde Poetin met Lavrov.")  # toy_parse tags capitals SPEC
    assert found(doc, kb) == [("Poetin", "PER", "name"), ("Lavrov", "PER", "name")]
    # At the start of a sentence a capital says nothing.
    doc = toy_parse("Bot brak.", pos={"Bot": "N"})
    assert found(doc, kb) == []


def test_a_surname_first_in_a_sentence_before_its_verb_is_the_person_named_before(kb):
    # "Haftar" the tagger calls a common noun at the start of a sentence; after "Khalifa
    # Haftar" and before its verb it is the person. A capital before no verb says nothing.
    doc = toy_parse("Toen sprak Khalifa Haftar. Haftar zegt niets. Haftar.", ner={"Khalifa Haftar": "PER"},
                    pos={"Haftar": "N"}, tags={"zegt": "WW(pv,tgw,met-t)", "sprak": "WW(pv,verl,ev)"})
    names = [(n.text, n.start) for n in recognize(doc, kb)]
    assert ("Haftar", doc.text.index("Haftar zegt")) in names
    assert ("Haftar", doc.text.rindex("Haftar")) not in names


def test_short_acronyms_must_be_capitals(kb):
    assert found(toy_parse("De VS en de EU praten."), kb) == [("VS", "GPE", "name"), ("EU", "ORG", "name")]
    assert found(toy_parse("Het is Ajax vs Eu."), kb) == []


def test_genitives_are_names_of_the_bare_form(kb):
    doc = toy_parse("Zo groeit Noord-Korea’s programma.")
    (n,) = recognize(doc, kb)
    assert (n.text, n.kb_id) == ("Noord-Korea’s", "PRK")


def test_one_type_per_name_in_a_document(kb):
    doc = toy_parse("Jan Klaassen zei het. Later zweeg Klaassen. Klaassen vertrok.",
                    ner={"Jan Klaassen": "PER", "Klaassen": "LOC"})
    types = {n.text: n.type for n in recognize(doc, kb)}
    assert types == {"Jan Klaassen": "PER", "Klaassen": "PER"}  # the surname of a person named before
    doc = toy_parse("Klaassen zei het. Later zweeg Klaassen. Toen kwam Klaassen.",
                    ner={"Klaassen": "PER"})
    assert {n.type for n in recognize(doc, kb)} == {"PER"}


def test_names_recur_and_context_words_type_them(kb):
    doc = toy_parse("Het bedrijf Floralux groeit. Later zweeg Floralux. De zanger Arno zong in Hal.",
                    ner={"Floralux": "LOC", "Arno": "LOC", "Hal": "PER"}, pos={"bedrijf": "N", "in": "VZ"})
    names = recognize(doc, kb)
    assert [(n.text, n.type) for n in names] == [("Floralux", "ORG"), ("Floralux", "ORG"), ("Arno", "PER"),
                                                 ("Hal", "LOC")]


def test_particles_first_names_and_role_compounds(kb):
    doc = toy_parse("Volgens Van de Wouwer en ACW-voorzitter Theo Rombouts zweeg Frans Steenhoudt.",
                    ner={"Wouwer": "LOC", "ACW-voorzitter Theo Rombouts": "MISC"},
                    pos={"Frans": "ADJ", "de": "LID", "Volgens": "VZ"})
    assert [(n.text, n.type) for n in recognize(doc, kb)] == [
        ("Van de Wouwer", "PER"), ("ACW-voorzitter", "MISC"), ("Theo Rombouts", "PER"), ("Frans Steenhoudt", "PER")]


def test_capitalized_adjectives_inside_sentences(kb):
    doc = toy_parse("Het gaat om de Brusselse regering. Brusselse straten.", pos={"Brusselse": "ADJ"})
    names = recognize(doc, kb)
    assert [(n.text, n.kind, n.start) for n in names] == [("Brusselse", "adjective", 15)]


def test_parser_spans_are_trimmed(kb):
    doc = toy_parse("Het gesprek tussen Trump en Kim.", ner={"tussen Trump": "PER"}, pos={"tussen": "VZ"})
    assert [(n.text, n.type) for n in parser_names(doc)] == [("Trump", "PER")]


def test_sentence_initial_surname_of_someone_in_office_on_the_date(kb):
    # Frog often tags a sentence-opening surname as a common noun; the date decides.
    doc = toy_parse("Macron reist naar Londen.", pos={"Macron": "N"})
    assert ("Macron", "PER", "name") in found_on(doc, kb, "2019-03-12")
    assert ("Macron", "PER", "name") not in found_on(doc, kb, None)
    assert found_on(toy_parse("Bot brak.", pos={"Bot": "N"}), kb, "2019-03-12") == []


def found_on(doc, kb, date):
    from kroniek.extract.names import recognize

    return [(n.text, n.type, n.kind) for n in recognize(doc, kb, date=date)]
