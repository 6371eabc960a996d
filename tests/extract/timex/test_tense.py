"""Clause tense from hand-built parses (Frog-style tags)."""

from kroniek.extract.timex.tense import ClauseTenses, clause_tense, token_range

from ...helpers import toy_parse


def tense_of(text, phrase, tags, lemmas=None, heads=None, stative=frozenset()):
    doc = toy_parse(text, tags=tags, lemmas=lemmas, heads=heads)
    start = text.index(phrase)
    return ClauseTenses(doc, stative).at(start, start + len(phrase))


def test_past_present_and_perfect():
    assert tense_of("Lavrov maakte dinsdag zijn reis bekend.", "dinsdag",
                    {"maakte": "WW(pv,verl,ev)"}, {"maakte": "maken"}) == "past"
    assert tense_of("Lavrov reist donderdag naar Pyongyang.", "donderdag",
                    {"reist": "WW(pv,tgw,met-t)"}, {"reist": "reizen"}) == "present"
    assert tense_of("Het kabinet heeft woensdag ingestemd.", "woensdag",
                    {"heeft": "WW(pv,tgw,met-t)", "ingestemd": "WW(vd,vrij,zonder)"}, {"heeft": "hebben"}) == "past"


def test_future_with_zullen_or_gaan():
    text = "De bond zal vrijdag met de werkgevers praten."
    tags = {"zal": "WW(pv,tgw,ev)", "praten": "WW(inf,vrij,zonder)"}
    assert tense_of(text, "vrijdag", tags, {"zal": "zullen"}, heads={7: (2, "vc")}) == "future"
    text = "De bond gaat vrijdag praten."
    tags = {"gaat": "WW(pv,tgw,met-t)", "praten": "WW(inf,vrij,zonder)"}
    assert tense_of(text, "vrijdag", tags, {"gaat": "gaan"}, heads={4: (2, "vc")}) == "future"


def test_zou_does_not_say_which_side():
    text = "Hij zei dat de minister donderdag zou vertrekken."
    tags = {"zei": "WW(pv,verl,ev)", "dat": "VG(onder)", "zou": "WW(pv,verl,ev)",
            "vertrekken": "WW(inf,vrij,zonder)"}
    assert tense_of(text, "donderdag", tags, {"zou": "zullen", "zei": "zeggen"}, heads={7: (6, "vc")}) is None


def test_a_state_after_zijn_is_present_a_perfect_is_past():
    tags = {"is": "WW(pv,tgw,ev)", "afgesloten": "WW(vd,vrij,zonder)", "gearresteerd": "WW(vd,vrij,zonder)"}
    lemmas = {"is": "zijn"}
    text = "De weg is woensdag afgesloten."
    assert tense_of(text, "woensdag", tags, lemmas, stative=frozenset({"afgesloten"})) == "present"
    assert tense_of(text, "woensdag", tags, lemmas) == "past"
    assert tense_of("De man is woensdag gearresteerd.", "woensdag", tags, lemmas,
                    stative=frozenset({"afgesloten"})) == "past"


def test_a_participle_frog_took_for_an_infinitive_still_makes_a_perfect():
    text = "Duizenden mensen hebben maandag de stad verlaten."
    tags = {"hebben": "WW(pv,tgw,mv)", "verlaten": "WW(inf,vrij,zonder)"}
    assert tense_of(text, "maandag", tags, {"hebben": "hebben"}) == "past"
    text = "Zij hebben maandag veel te doen."
    tags = {"hebben": "WW(pv,tgw,mv)", "doen": "WW(inf,vrij,zonder)"}
    assert tense_of(text, "maandag", tags, {"hebben": "hebben"}) == "present"


def test_the_clause_of_the_expression_not_of_the_sentence():
    text = "Hij zei gisteren, dat de top op 12 juni begint."
    tags = {"zei": "WW(pv,verl,ev)", "dat": "VG(onder)", "begint": "WW(pv,tgw,met-t)"}
    assert tense_of(text, "12 juni", tags, {"zei": "zeggen"}) == "present"
    assert tense_of(text, "gisteren", tags, {"zei": "zeggen"}) == "past"


def test_a_plural_present_tagged_as_infinitive_heads_its_sentence():
    text = "De ministers vergaderen vrijdag opnieuw."
    assert tense_of(text, "vrijdag", {"vergaderen": "WW(inf,vrij,zonder)"}) == "present"


def test_a_verb_cluster_leads_to_its_auxiliary():
    text = "De top zal, als hij doorgaat, op 12 juni plaatsvinden."
    tags = {"zal": "WW(pv,tgw,ev)", "als": "VG(onder)", "doorgaat": "WW(pv,tgw,met-t)",
            "plaatsvinden": "WW(pv,tgw,mv)"}
    heads = {11: (2, "vc")}
    assert tense_of(text, "12 juni", tags, {"zal": "zullen"}, heads=heads) == "future"


def test_no_verb_and_no_token():
    doc = toy_parse("Donderdag: top in Parijs.")
    assert clause_tense(doc, 0, 9) is None
    assert token_range(doc, 100, 110) is None
    assert token_range(doc, 0, 9) == (0, 1)
