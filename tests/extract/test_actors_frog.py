"""Actors in sentences written for kroniek, parsed by the real Frog: counterparts,
former offices, portfolios, relation nouns, owners, institutions with a country
adjective, one name for two people, and "de regering" of the article's country."""

from __future__ import annotations

import pytest

from kroniek.model import Article
from kroniek.pipeline import Pipeline

pytestmark = pytest.mark.frog


@pytest.fixture(scope="module")
def annotate(frog):
    pipeline = Pipeline()

    def run(text: str, date: str):
        doc = pipeline.annotate(Article(id="t", text=text, date=date), frog)
        assert doc.bad_spans() == []
        for e in doc.entities:
            for m in e.mentions:
                assert text[m.start:m.end] == m.text
        return doc

    return run


def _with_mention(doc, text):
    hits = [e for e in doc.entities if any(m.text == text for m in e.mentions)]
    assert hits, f"no entity has the mention {text!r}: {[[m.text for m in e.mentions] for e in doc.entities]}"
    return hits[0]


def test_a_counterpart_with_a_country_adjective_gives_the_person_that_country(annotate):
    doc = annotate("De Canadese premier heeft gisteren zijn Keniaanse ambtgenoot Samuel Otieno Wekesa "
                   "ontvangen in Ottawa.", "2024-03")
    person = _with_mention(doc, "Samuel Otieno Wekesa")
    assert person.actor.country == "KEN"
    assert any(m.text.endswith("Keniaanse ambtgenoot") for m in person.mentions)


def test_a_former_office_in_one_word_gives_the_country_but_no_office(annotate):
    doc = annotate("De bemiddelaars worden geleid door de Ghanese oud-president Kwabena Mensah-Ofori.",
                   "2023-08")
    person = _with_mention(doc, "Kwabena Mensah-Ofori")
    assert person.actor.country == "GHA"
    assert person.actor.sector is None
    assert person.actor.role.startswith("Former")


def test_a_portfolio_in_zaken_ends_before_the_ministers_name(annotate):
    doc = annotate("Gisteren sprak de Chileense minister van Buitenlandse Zaken Tomás Irarrázaval Soto "
                   "met de pers.", "2023-05")
    person = _with_mention(doc, "Tomás Irarrázaval Soto")
    assert (person.type, person.actor.country, person.actor.sector) == ("PER", "CHL", "GOV")


def test_a_relation_noun_splits_two_names_the_parser_ran_together(annotate):
    doc = annotate("Trumps voorganger Obama zweeg lange tijd over de kwestie.", "2017-05")
    names = {e.actor.kb_id for e in doc.entities if e.actor is not None}
    assert {"DONALD_TRUMP", "BARACK_OBAMA"} <= names
    assert not any("voorganger" in m.text for e in doc.entities for m in e.mentions)


def test_the_owner_of_a_spokesperson_gives_its_country(annotate):
    doc = annotate("Een woordvoerder van Erdogan liet weten dat Ankara niet zal toegeven.", "2021-06")
    spokesperson = _with_mention(doc, "Een woordvoerder van Erdogan")
    assert spokesperson.actor.country == "TUR"
    assert spokesperson.actor.kb_id is None


def test_the_owner_organisation_gives_country_and_sector(annotate):
    doc = annotate("Een woordvoerster van het Witte Huis zei dat de gesprekken goed verliepen.", "2021-06")
    spokesperson = _with_mention(doc, "Een woordvoerster van het Witte Huis")
    assert spokesperson.actor.code == "USAGOV"
    white_house = _with_mention(doc, "Witte Huis")
    assert white_house.actor.kb_id == "WHITE_HOUSE"


def test_a_generic_institution_name_takes_the_country_of_its_adjective(annotate):
    doc = annotate("Het Zuid-Koreaanse Hooggerechtshof veroordeelde vorig jaar twee Japanse bedrijven.",
                   "2019-08")
    court = _with_mention(doc, "Hooggerechtshof")
    assert (court.actor.country, court.actor.sector, court.actor.kb_id) == ("KOR", "JUD", None)
    # Without an adjective of another country the knowledge base's entry stands.
    doc = annotate("Het Amerikaanse Hooggerechtshof besliste gisteren anders.", "2019-08")
    assert any(e.actor is not None and e.actor.kb_id == "US_SUPREME_COURT" for e in doc.entities)


def test_a_name_of_two_people_is_the_one_of_the_country_the_text_gives(annotate):
    doc = annotate("De Zuid-Sudanese president Salva Kiir heeft gisteren een akkoord getekend.", "2019-08")
    kiir = _with_mention(doc, "Salva Kiir")
    assert kiir.actor.country == "SSD"


def test_de_regering_is_the_government_of_the_country_the_article_is_about(annotate):
    doc = annotate("In Peru zijn opnieuw duizenden mensen de straat op gegaan. Peru kampt al maanden met "
                   "onrust. De regering heeft de noodtoestand afgekondigd.", "2023-01")
    government = _with_mention(doc, "De regering")
    assert government.actor.code == "PERGOV"


def test_de_regering_without_a_country_in_view_is_no_actor(annotate):
    doc = annotate("De regering wordt gesteund door Frankrijk en Duitsland.", "2019-03")
    assert not any(m.text == "De regering" for e in doc.entities for m in e.mentions)


def test_a_speech_verb_the_tagger_took_for_an_adjective_is_no_part_of_the_role(annotate):
    doc = annotate("„Dit is slecht nieuws”, twitterde staatssecretaris Anneke Bosch-Verhoef (Financiën).",
                   "2023-02")
    person = _with_mention(doc, "Anneke Bosch-Verhoef")
    assert not any("twitterde" in m.text for m in person.mentions)
    assert [q.speaker for q in doc.quotes] == [person.id]


def test_a_capital_opening_a_sentence_as_its_subject_is_its_government(annotate):
    doc = annotate("Het bezoek werd afgezegd. Seoel liet weten dat het de beslissing betreurt.", "2019-08")
    seoul = _with_mention(doc, "Seoel")
    assert seoul.actor.code == "KORGOV"


def test_a_regional_premier_is_not_the_countrys_prime_minister(annotate):
    doc = annotate("„Er ligt nog geen akkoord”, zei de Vlaamse premier Jan Jambon vrijdag.", "2020-05")
    jambon = _with_mention(doc, "Jan Jambon")
    assert any(m.text == "de Vlaamse premier" for m in jambon.mentions)
    assert not any(e.actor is not None and e.actor.kb_id == "SOPHIE_WILMES" for e in doc.entities)
    assert [q.speaker for q in doc.quotes] == [jambon.id]


def test_de_bewindsman_is_the_minister_named_before(annotate):
    doc = annotate("Minister Karel de Graaf wil snel meer opvangplekken. „Het moet”, zegt de bewindsman.",
                   "2023-05")
    minister = _with_mention(doc, "de bewindsman")
    assert any("Karel de Graaf" in m.text for m in minister.mentions)


def test_proper_names_the_kb_does_not_know_get_the_articles_country(annotate):
    doc = annotate("De Nederlandse politie hield zaterdag in Den Haag tientallen boeren aan. "
                   "Boerenorganisatie Veldkracht noemt de arrestaties buitensporig. Premier Rutte zweeg. "
                   "Ook in Noordwijkerhout werd betoogd.", "2019-10")
    assert _with_mention(doc, "Veldkracht").actor.country == "NLD"
    assert _with_mention(doc, "Noordwijkerhout").actor.country == "NLD"


def test_a_capitalized_common_noun_or_a_portfolio_gets_no_country_from_context(annotate):
    doc = annotate("De Hongaarse regering van premier Orbán reageerde boos. Hongarije wil niet toegeven. "
                   "Volgens de Commissie schiet Boedapest tekort, zei de minister van Handel.", "2022-04")
    for e in doc.entities:
        if any(m.text in ("Commissie", "Handel") for m in e.mentions):
            assert e.actor is None or e.actor.country is None, (e.name, e.actor)


def test_an_acronym_spelled_in_mixed_case_is_the_entry_that_spells_it_so(annotate):
    # "PvdA" is the Dutch Labour Party; the Belgian party is written "PVDA".
    doc = annotate("Kamerlid Annemiek de Vries-Bakker (PvdA) stelde vragen over de begroting.", "2021-02")
    party = _with_mention(doc, "PvdA")
    assert party.actor.kb_id == "PVDA_NL"
    doc = annotate("De Belgische partij PVDA haalde in Luik een goede score.", "2019-05")
    assert _with_mention(doc, "PVDA").actor.kb_id == "PVDA_BE"


def test_an_article_is_no_name_whatever_a_folded_alias_says(annotate):
    # "Een" folds to the broadcaster "Eén"; as an article it names nothing.
    doc = annotate("Petitie Een petitie tegen het nieuwe plan heeft al veel handtekeningen opgeleverd.",
                   "2019-03")
    assert not any(m.text == "Een" for e in doc.entities for m in e.mentions)


def test_a_name_the_tagger_did_not_know_that_speaks_is_a_person(annotate):
    # Frog calls this surname MISC; as the subject of "zei" it is a person, so a "hij"
    # that follows can find it.
    doc = annotate("Daarna zei Puigdemont dat de regio nog niet onafhankelijk is.", "2017-10")
    assert _with_mention(doc, "Puigdemont").type == "PER"


def test_a_role_written_with_its_organisation_is_no_part_of_the_name(annotate):
    doc = annotate("Dat zei MIVD-baas Onno Eichelsheim tijdens een persconferentie. "
                   "Eichelsheim zei dat die beslissing de zijne was.", "2018-10")
    person = _with_mention(doc, "Onno Eichelsheim")
    assert person.type == "PER"
    assert not any(m.text.startswith("MIVD-baas") for e in doc.entities for m in e.mentions)


def test_a_name_after_a_role_noun_is_a_person(annotate):
    doc = annotate("Minsk reageerde boos. Volgens oppositieleider Tichanovskaja is de verkiezing vervalst.",
                   "2020-08")
    assert _with_mention(doc, "Tichanovskaja").type == "PER"


def test_the_west_is_a_group_of_states_without_one_country(annotate):
    doc = annotate("Het Westen reageerde verdeeld op de verkiezingen in Wit-Rusland.", "2020-08")
    west = _with_mention(doc, "Het Westen")
    assert west.actor is not None and west.actor.country is None and west.actor.kb_id == "WEST"


def test_a_bare_plural_group_is_an_actor_where_it_takes_part_in_an_event(annotate):
    # "relschoppers" without an article is an actor as the one prosecuted; a bare plural
    # that does nothing an event word says stays none ("Burgers zijn moe").
    doc = annotate("In Zuid-Afrika zijn rellen uitgebroken. President Ramaphosa waarschuwde dat relschoppers "
                   "zullen worden vervolgd. Burgers zijn moe.", "2021-07")
    rioters = _with_mention(doc, "relschoppers")
    assert rioters.actor.country == "ZAF"
    assert not any(m.text == "Burgers" for e in doc.entities for m in e.mentions)
    assert any(v.type == "THREATEN" and v.target == rioters.id for v in doc.events)
