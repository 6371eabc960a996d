"""Issue 15 through real Frog: nominal speakers, short names, subjects, nested quotes."""

from __future__ import annotations

import pytest

from kroniek.extract.quotes import find_quotes
from kroniek.model import Article
from kroniek.pipeline import Pipeline

pytestmark = pytest.mark.frog


def annotate(frog, text: str, date: str = "2019-03"):
    parsed = frog.parse(text)
    doc = Pipeline().annotate_parsed(Article(id="t", text=text, date=date), parsed)
    for e in doc.entities:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text  # offsets are the contract
    quotes = find_quotes(parsed, doc.entities)
    return doc, quotes


def speaker_of(doc, quotes, words: str):
    by_id = {e.id: e for e in doc.entities}
    q = next(q for q in quotes if words in q.text)
    return by_id.get(q.speaker) if q.speaker else None


def test_an_unnamed_spokeswoman_of_a_body_is_her_own_speaker(frog):
    doc, quotes = annotate(frog, "Een woordvoerster van het Witte Huis zei dat de gesprekken goed verliepen.")
    e = speaker_of(doc, quotes, "gesprekken")
    assert e is not None and e.type == "PER"
    assert [m.text for m in e.mentions] == ["Een woordvoerster van het Witte Huis"]
    # The White House keeps its own entity.
    assert any(e2.id != e.id and "Witte Huis" in [m.text for m in e2.mentions] for e2 in doc.entities)


def test_unnamed_diplomats_speak_as_an_entity(frog):
    doc, quotes = annotate(frog, "Diplomaten in Brussel zeggen dat er volgende week een besluit valt.")
    e = speaker_of(doc, quotes, "besluit")
    assert e is not None and e.mentions[0].text.startswith("Diplomaten")


def test_a_ministry_speaks_with_its_whole_name_and_its_country(frog):
    doc, quotes = annotate(frog, "Het Russische ministerie van Defensie meldde dat de wapens zwijgen.")
    e = speaker_of(doc, quotes, "wapens")
    assert e is not None
    assert "Het Russische ministerie van Defensie" in [m.text for m in e.mentions]
    assert e.actor is not None and e.actor.country == "RUS"


def test_a_time_word_after_the_verb_is_no_subject(frog):
    doc, quotes = annotate(frog, "Minister Sergej Lavrov zei dinsdag dat hij naar Berlijn komt.", "2018-10")
    e = speaker_of(doc, quotes, "Berlijn")
    assert e is not None and "Lavrov" in e.name


def test_a_surname_refers_back_to_the_full_name(frog):
    text = ("Onno Eichelsheim leidt sinds vorig jaar de inlichtingendienst. "
            "Eichelsheim zei dat de beslissing de zijne was.")
    doc, quotes = annotate(frog, text)
    e = speaker_of(doc, quotes, "beslissing")
    assert e is not None
    texts = [m.text for m in e.mentions]
    assert "Onno Eichelsheim" in " ".join(texts) and "Eichelsheim" in texts
    # `kroniek show` lists mentions: the short name is one of them, with its own offsets.
    assert sum(1 for t in texts if "Eichelsheim" in t) == 2


def test_a_marked_word_inside_reported_speech_is_the_reporters(frog):
    text = "Minister Sigrid Kaag zei woensdag dat er “paniek” ontstaat bij de luchthaven."
    doc, quotes = annotate(frog, text, "2021-08")
    outer = speaker_of(doc, quotes, "ontstaat")
    inner = speaker_of(doc, [q for q in quotes if q.text == "paniek"], "paniek")
    assert outer is not None and "Kaag" in outer.name
    assert inner is not None and inner.id == outer.id


def test_domestic_police_get_the_articles_country(frog):
    text = ("In Den Haag en Amsterdam demonstreerden zaterdag boeren tegen het Nederlandse "
            "stikstofbeleid. De politie zei dat de betogers de snelweg moesten verlaten.")
    doc, quotes = annotate(frog, text, "2022-06")
    police = next(e for e in doc.entities if any(m.text == "De politie" for m in e.mentions))
    assert police.actor is not None and police.actor.country == "NLD"
    assert speaker_of(doc, quotes, "snelweg").id == police.id


def test_a_holder_the_article_names_wins_over_the_calendar(frog):
    # January 2021: Pompeo until the 20th, Blinken after; the text names Pompeo.
    text = ("De Amerikaanse minister van Buitenlandse Zaken Mike Pompeo waarschuwde Iran. "
            "Later zei de Amerikaanse buitenlandminister dat de sancties blijven.")
    doc, quotes = annotate(frog, text, "2021-01")
    assert speaker_of(doc, quotes, "sancties").name == "Mike Pompeo"
    # Without a name the calendar decides: the holder at the month's end.
    doc, quotes = annotate(frog, "De Amerikaanse buitenlandminister zei dat de sancties blijven.", "2021-01")
    assert speaker_of(doc, quotes, "sancties").name == "Antony Blinken"


def test_a_president_the_text_calls_so_is_the_president_it_means(frog):
    # A 2008 text under a 2018 crawl header: "president Medvedev" is the president meant.
    text = ("President Medvedev ontving de Franse president in Moskou. "
            "De Russische president zei dat het gesprek goed was.")
    doc, quotes = annotate(frog, text, "2018-03")
    assert speaker_of(doc, quotes, "gesprek").name == "Dmitry Medvedev"


def entity_with(doc, words):
    return next(e for e in doc.entities if any(m.text == words for m in e.mentions))


def test_a_city_that_is_attacked_is_a_place_not_its_government(frog):
    doc, _ = annotate(frog, "Bij aanvallen op Khartoum kwamen dit weekend tientallen burgers om.", "2024-04")
    khartoum = entity_with(doc, "Khartoum")
    assert khartoum.actor is not None and khartoum.actor.country == "SDN"
    assert khartoum.actor.sector != "GOV"


def test_a_capital_named_by_its_adjective_is_the_city(frog):
    doc, _ = annotate(frog, "De Oekraïense president reist woensdag naar de Litouwse hoofdstad.", "2023-07")
    assert entity_with(doc, "de Litouwse hoofdstad").name == "Vilnius"


def test_european_leaders_act_for_the_eu(frog):
    doc, _ = annotate(frog, "De Europese regeringsleiders zijn het eens over nieuwe sancties tegen Rusland.",
                      "2022-03")
    leaders = entity_with(doc, "De Europese regeringsleiders")
    assert leaders.actor is not None and leaders.actor.code.startswith("IGO")


def test_a_name_without_its_middle_name_links(frog):
    doc, quotes = annotate(frog, "President William Ruto zei dat Kenia agenten naar Haïti stuurt.", "2023-11")
    assert speaker_of(doc, quotes, "agenten").actor.country == "KEN"


@pytest.mark.parametrize("text, name", [
    ("Ook premier Mark Rutte heeft laten weten dat Nederland diplomaten uitzet.", "Mark Rutte"),
    ("Minister Wopke Hoekstra (Buitenlandse Zaken) zei dat er snel wordt beslist.", "Wopke Hoekstra"),
])
def test_words_beside_the_subject_do_not_hide_it(frog, text, name):
    doc, quotes = annotate(frog, text, "2022-03")
    assert speaker_of(doc, quotes, text.split(" dat ")[1][:12]).name == name


def test_an_ambassador_at_the_un_is_a_speaker(frog):
    doc, quotes = annotate(frog, "De Israëlische ambassadeur bij de VN zei dat de aanval gepland was.", "2023-10")
    e = speaker_of(doc, quotes, "aanval")
    assert e is not None and e.type == "PER"


def test_coordinated_clauses_keep_their_subjects(frog):
    doc, quotes = annotate(frog, "Japan bevestigt de lancering en stelt dat de raket in zee viel.", "2017-09")
    assert speaker_of(doc, quotes, "raket").name == "Japan"
    doc, quotes = annotate(frog, "De reis is omstreden en China heeft laten weten dat het bezoek een provocatie is.",
                           "2022-08")
    assert speaker_of(doc, quotes, "provocatie").name == "China"


def test_aldus_before_a_clause_of_its_own(frog):
    text = "“Een deel gaf geen gehoor”, aldus de politie, waarna de betogers werden aangehouden."
    doc, quotes = annotate(frog, text, "2023-09")
    e = speaker_of(doc, quotes, "gehoor")
    assert e is not None and any(m.text == "de politie" for m in e.mentions)


def test_they_are_the_demonstrators_not_the_city(frog):
    text = ("Honderden demonstranten verzamelden zich zaterdag bij de Russische ambassade in Den Haag. "
            "Ze eisten dat Rusland zijn troepen terugtrekt.")
    doc, quotes = annotate(frog, text, "2022-03")
    e = speaker_of(doc, quotes, "troepen")
    assert e is not None and any("demonstranten" in m.text for m in e.mentions)
    assert e.actor is not None and e.actor.sector in ("OPP", "CVL")


def test_nominal_actors_of_the_issue_get_country_and_sector(frog):
    text = ("Het Iraanse ministerie van Buitenlandse Zaken veroordeelde de aanval. "
            "De ordetroepen sloegen de betogers uiteen. Europese landen dreigen met sancties.")
    doc, _ = annotate(frog, text, "2020-01")
    ministry = entity_with(doc, "Het Iraanse ministerie van Buitenlandse Zaken")
    assert ministry.actor.code == "IRNGOV"
    assert entity_with(doc, "De ordetroepen").actor.sector == "COP"
    assert entity_with(doc, "Europese landen").actor.code.startswith("IGO")


# Subjects and antecedents the speaker rules must find: (text, date, words of the quote,
# what the speaker entity must satisfy).
SPEAKER_CASES = {
    # a subject of two noun phrases joined by "en"; the name wins over the role noun
    "coordinated roles": ("De Oekraïense onderhandelaar en presidentieel adviseur Michailo Podoljak zei "
                          "op Twitter dat de gesprekken moeizaam verlopen.", "2022-03", "gesprekken",
                          lambda e: any("Podoljak" in m.text for m in e.mentions)),
    # coordinated states speak through the first
    "coordinated states": ("De VS en Zuid-Korea hebben de lancering geanalyseerd en stellen dat het "
                           "om een nieuwe raket gaat.", "2017-05", "raket", lambda e: e.actor.country == "USA"),
    # "hij" after a run of quotes is the person named before them
    "pronoun after quotes": ("President Erdogan sprak zaterdag in Ankara. „Wij zullen niet buigen.” „Dit is "
                             "ons land.” „Niemand zegt ons wat we moeten doen.” „Onthoud dat goed.” "
                             "Gisteren zei hij al dat het oordeel van het parlement geen waarde heeft.",
                             "2016-11", "oordeel", lambda e: e.actor.kb_id == "RECEP_TAYYIP_ERDOGAN"),
    # a minister "voor" a portfolio of two parts is the person named after it
    "portfolio of two parts": ("Minister van Buitenlandse Zaken Bert Koenders sprak maandag met de Turkse "
                               "ambassadeur. „Die boodschap blijven we uitdragen”, zei minister voor "
                               "Buitenlandse Handel en Ontwikkelingssamenwerking Lilianne Ploumen (PvdA) "
                               "dinsdag.", "2016-04", "boodschap", lambda e: "Ploumen" in e.name),
    # a subject with a relative clause up to the comma
    "relative clause": ("Families van gijzelaars die in Gaza worden vastgehouden, roepen de Israëlische "
                        "regering op om de gevechten te staken.", "2024-01", "gevechten",
                        lambda e: e.mentions[0].text.startswith("Families")),
    # "en" after a dat-clause opens a main clause with its own subject: the government
    # (here through "Madrid", named for it before), not the letter's writer
    "en after a dat-clause": ("In een reactie bevestigt Madrid dat de brief van president Poetin is "
                              "aangekomen en kondigt de regering aan dat ze de procedure start.", "2017-10",
                              "procedure", lambda e: e.actor.code == "ESPGOV"),
    # "hij" is not someone named in its own clause, whatever the parse says
    "pronoun not in its own clause": ("Premier Charles Michel sprak vrijdag in Brussel. In een nachtelijk "
                                      "telefoongesprek met de Canadese premier Justin Trudeau heeft hij gemeld "
                                      "dat de standpunten verharden.", "2016-10", "standpunten",
                                      lambda e: "Michel" in e.name),
    # "hij" is no group named in the plural
    "pronoun not a plural group": ("Premier Mark Rutte sprak in Den Haag met de boeren, die de snelweg "
                                   "hadden geblokkeerd. "
                                   "Hij zegt dat alles op alles wordt gezet om een oplossing te vinden.", "2019-10",
                                   "alles op alles", lambda e: "Rutte" in e.name),
}


@pytest.mark.parametrize("case", SPEAKER_CASES)
def test_the_speaker_of_a_subject_or_antecedent(frog, case):
    text, date, words, right = SPEAKER_CASES[case]
    doc, quotes = annotate(frog, text, date)
    e = speaker_of(doc, quotes, words)
    assert e is not None and right(e), e


def test_a_quote_in_a_sentence_without_a_cue_goes_on_the_speaker_just_before(frog):
    text = ("Onderhandelaar Michailo Podoljak zei dat de gesprekken moeizaam verlopen. "
            "Maar er wordt gewerkt aan ‘het hele spectrum van omstreden onderwerpen’.")
    doc, quotes = annotate(frog, text, "2022-03")
    e = speaker_of(doc, quotes, "spectrum")
    assert e is not None and any("Podoljak" in m.text for m in e.mentions)
    # a short scare quote in such a sentence stays without a speaker (it is no quote at all)
    doc, quotes = annotate(frog, text.replace("het hele spectrum van omstreden onderwerpen", "moeilijke dossiers"))
    assert not any("dossiers" in q.text for q in quotes)


def test_a_day_in_the_first_position_is_no_speaker(frog):
    # Frog marks both "Vrijdagmorgen" and "premier" as subjects of "zei"; the phrase that
    # can speak is the speaker, whichever of its words carries the mark.
    doc, quotes = annotate(frog, "Vrijdagmorgen zei premier Charles Michel dat hij niet gerust is op de afloop.",
                           "2016-10")
    e = speaker_of(doc, quotes, "gerust")
    assert e is not None and e.name == "Charles Michel"


def test_a_country_named_before_a_relative_dat_is_its_speaker(frog):
    # "Japan, dat beweert dat ...": after a comma behind a name, "dat" points back to it.
    doc, quotes = annotate(frog, "Die beslissing zorgde voor woede bij Japan, dat beweert dat de kwestie geregeld is.",
                           "2019-08")
    e = speaker_of(doc, quotes, "geregeld")
    assert e is not None and e.name == "Japan"


@pytest.mark.parametrize("text, words, speaker", [
    ("Het Nederlandse kabinet liet vorige week weten voorstander te zijn van een nieuwe missie.",
     "voorstander te zijn van een nieuwe missie", "Dutch cabinet"),
    ("Vorige maand zei Polen in te binden.", "in te binden", "Poland"),
    ("Zuma ontkent betrokken te zijn geweest bij de rellen.", "betrokken te zijn geweest bij de rellen", "Jacob Zuma"),
])
def test_a_te_infinitive_after_a_speech_verb_is_what_was_said(frog, text, words, speaker):
    doc, quotes = annotate(frog, text, "2021-07")
    q = next((q for q in quotes if words in q.text), None)
    assert q is not None, [q.text for q in quotes]
    by_id = {e.id: e for e in doc.entities}
    assert q.kind == "indirect" and by_id[q.speaker].name == speaker


def test_a_te_infinitive_of_purpose_or_time_is_no_speech(frog):
    # a verb outside the list of speech verbs with "te" ("hoopt ... te") reports nothing
    doc, quotes = annotate(frog, "Hij hoopt morgen te vertrekken.", "2021-07")
    assert quotes == () or all("vertrekken" not in q.text for q in quotes)
