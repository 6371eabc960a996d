"""Hand-written articles about one summit and a second meeting a week later, for the
corpus tests: one event reported several ways in several modalities (planned, called
off, held, with a day in dispute), a syndicated copy, and another meeting of the same
pair seven days on. Texts are written for these tests; spans are found by phrase."""

from __future__ import annotations

from kroniek.model import Actor, Document

from ..query.corpus import entity, event

TRUMP = Actor("USAGOV", "USA", "GOV", "President", "DONALD_TRUMP")
KIM = Actor("PRKGOV", "PRK", "GOV", "Supreme Leader", "KIM_JONG_UN")
SINGAPORE = Actor(None, "SGP", None, None, None)

CALLED_OFF = ("De Amerikaanse president Donald Trump heeft de top met de Noord-Koreaanse leider Kim Jong-un "
              "afgezegd. De ontmoeting in Singapore gaat niet door, schreef Trump in een brief aan Kim. "
              "Hij noemde de recente uitspraken uit Pyongyang vijandig en zei dat de wereld een kans had gemist.")


def _doc(doc_id: str, date: str, source: str, title: str, text: str, events: list[tuple], where: bool = True) -> Document:
    ents = [entity(text, "e1", "Donald Trump", "PER", TRUMP, "Donald Trump", "Trump"),
            entity(text, "e2", "Kim Jong-un", "PER", KIM, "Kim Jong-un", "Kim")]
    if where and "Singapore" in text:
        ents.append(entity(text, "e3", "Singapore", "LOC", SINGAPORE, "Singapore"))
    evs = []
    for k, (typ, trigger, src, tgt, modality, date_value) in enumerate(events, start=1):
        evs.append(event(text, f"v{k}", typ, trigger, src, tgt, modality=modality, date=date_value,
                         location="e3" if where and "Singapore" in text else None))
    doc = Document(id=doc_id, date=date, lang="nl", title=title, source=source, url=None, text=text,
                   entities=tuple(ents), events=tuple(evs))
    assert doc.bad_spans() == [], doc.bad_spans()
    return doc


def documents() -> list[Document]:
    return [
        _doc("aankondiging", "2018-05-10", "NOS", "Top in Singapore",
             "Donald Trump en Kim Jong-un ontmoeten elkaar op 12 juni in Singapore, als de top doorgaat. "
             "Het wordt de eerste ontmoeting van een zittende Amerikaanse president met een Noord-Koreaanse leider.",
             [("CONSULT", "ontmoeten", "e1", "e2", "planned", "2018-06-12")]),
        _doc("voorbereiding", "2018-05-11", "NRC", "Voorbereiding",
             "Trump wil Kim Jong-un volgende maand in Singapore spreken, meldt het Witte Huis.",
             [("CONSULT", "spreken", "e1", "e2", "planned", "2018-06")]),
        _doc("afgezegd", "2018-05-24", "NOS", "Trump zegt top af", CALLED_OFF,
             [("CONSULT", "ontmoeting", "e1", "e2", "negated", None)]),
        # The same agency copy under another outlet's headline: counted once.
        _doc("afgezegd-anp", "2018-05-24", "ANP", "Top gaat niet door", CALLED_OFF + " Einde bericht.",
             [("CONSULT", "ontmoeting", "e1", "e2", "negated", None)]),
        _doc("gehouden", "2018-06-12", "NRC", "Handdruk in Singapore",
             "Trump en Kim Jong-un hebben elkaar dinsdag in Singapore ontmoet. Ze schudden elkaar de hand.",
             [("CONSULT", "ontmoet", "e1", "e2", "asserted", "2018-06-12")]),
        _doc("terugblik", "2018-06-14", "Trouw", "Terugblik",
             "Kim Jong-un sprak woensdag in Singapore urenlang met Trump.",
             [("CONSULT", "sprak", "e2", "e1", "asserted", "2018-06-13")]),
        _doc("tweede", "2018-06-20", "NOS", "Opnieuw overleg",
             "Trump en Kim Jong-un spraken op 19 juni opnieuw met elkaar, ditmaal per telefoon.",
             [("CONSULT", "spraken", "e1", "e2", "asserted", "2018-06-19")], where=False),
    ]
