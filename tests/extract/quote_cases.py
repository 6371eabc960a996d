"""Dutch quote test cases (our own sentences), shared by the unit and the Frog tests.

Each case gives a text, the names in it (for the hand-built parse), and every quote
kroniek must find in it: kind, exact text, the speaker entity's name and the words the
speaker is read from. A case with no quotes must yield none. ``form`` says which form
of the issue (or which kind of non-quote) the case covers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kroniek.model import ParsedDoc

from ..helpers import toy_parse


@dataclass(frozen=True)
class Expect:
    kind: str
    text: str
    speaker: str | None = None   # the name of the speaker entity, None when there is none
    phrase: str | None = None    # the words naming the speaker; defaults to ``speaker``

    @property
    def speaker_phrase(self) -> str | None:
        return self.phrase if self.phrase is not None else self.speaker


@dataclass(frozen=True)
class Case:
    id: str
    form: str
    text: str
    ner: dict[str, str] = field(default_factory=dict)
    quotes: tuple[Expect, ...] = ()


def D(text, speaker=None, phrase=None):
    return Expect("direct", text, speaker, phrase)


def I(text, speaker=None, phrase=None):  # noqa: E743
    return Expect("indirect", text, speaker, phrase)


CASES: tuple[Case, ...] = (
    # ---- every quotation-mark style, speaker after
    Case("low-high", "style „...”", "„Wij trekken ons niet terug”, zei Rutte.", {"Rutte": "PER"},
         (D("Wij trekken ons niet terug", "Rutte"),)),
    Case("low-straight", "style „...\"", "„Wij trekken ons niet terug,\" zei Rutte.", {"Rutte": "PER"},
         (D("Wij trekken ons niet terug", "Rutte"),)),
    Case("straight-double", "style \"...\"", "\"We gaan de onderhandelingen hervatten,\" zei Merkel.",
         {"Merkel": "PER"}, (D("We gaan de onderhandelingen hervatten", "Merkel"),)),
    Case("curly-double", "style “...”", "“De sancties blijven van kracht,” zei Borrell.", {"Borrell": "PER"},
         (D("De sancties blijven van kracht", "Borrell"),)),
    Case("curly-single", "style ‘...’", "‘Dit is een zwarte dag voor de democratie’, zei Timmermans.",
         {"Timmermans": "PER"}, (D("Dit is een zwarte dag voor de democratie", "Timmermans"),)),
    Case("straight-single", "style '...'", "'Het kabinet heeft geen keus,' zei Kaag.", {"Kaag": "PER"},
         (D("Het kabinet heeft geen keus", "Kaag"),)),
    Case("guillemets", "style «...»", "«De grens blijft dicht», zei Macron.", {"Macron": "PER"},
         (D("De grens blijft dicht", "Macron"),)),
    Case("right-right", "style ”...”", "”Wij willen vrede,” zei Zelensky.", {"Zelensky": "PER"},
         (D("Wij willen vrede", "Zelensky"),)),
    Case("commas-apostrophes", "style ,,...''", ",,We gaan door met de hervormingen'', zei Rutte.", {"Rutte": "PER"},
         (D("We gaan door met de hervormingen", "Rutte"),)),
    Case("double-apostrophes", "style ''...''", "''Dit is een zwarte dag'', verzuchtte Timmermans.",
         {"Timmermans": "PER"}, (D("Dit is een zwarte dag", "Timmermans"),)),
    Case("after-with-weekday", "speaker after",
         "“Wij verdedigen heel Europa”, zei Zelensky maandag in een videoboodschap.",
         {"Zelensky": "PER", "Europa": "LOC"}, (D("Wij verdedigen heel Europa", "Zelensky"),)),
    Case("subject-first-object-named", "speech verb governs a short quote",
         "Rusland waarschuwde de NAVO opnieuw voor „ernstige gevolgen” als Oekraïne lid wordt.",
         {"Rusland": "LOC", "NAVO": "ORG", "Oekraïne": "LOC"}, (D("ernstige gevolgen", "Rusland"),)),
    # ---- speaker before
    Case("before-verb-colon", "speaker before", "Rutte zei: „We moeten nu doorpakken.”", {"Rutte": "PER"},
         (D("We moeten nu doorpakken.", "Rutte"),)),
    Case("before-clause-colon", "speaker before", "Merkel was duidelijk: “Europa moet zelf sterker worden.”",
         {"Merkel": "PER", "Europa": "LOC"}, (D("Europa moet zelf sterker worden.", "Merkel"),)),
    Case("before-name-colon", "speaker before", "Stoltenberg: „De NAVO staat klaar om te helpen.”",
         {"Stoltenberg": "PER", "NAVO": "ORG"}, (D("De NAVO staat klaar om te helpen.", "Stoltenberg"),)),
    Case("before-volgens-colon", "speaker before", "Volgens Lavrov: „De gesprekken waren nuttig.”",
         {"Lavrov": "PER"}, (D("De gesprekken waren nuttig.", "Lavrov"),)),
    # ---- speaker in the middle
    Case("middle-zei", "speaker middle",
         "“We zijn bereid te praten,” zei Lavrov, “maar niet onder deze voorwaarden.”", {"Lavrov": "PER"},
         (D("We zijn bereid te praten", "Lavrov"), D("maar niet onder deze voorwaarden.", "Lavrov"))),
    Case("middle-aldus", "speaker middle", "„Het is te vroeg”, aldus Blok, „om nu al conclusies te trekken.”",
         {"Blok": "PER"}, (D("Het is te vroeg", "Blok"), D("om nu al conclusies te trekken.", "Blok"))),
    # ---- pronouns and role nouns
    Case("after-pronoun", "pronoun", "Minister Hoekstra sprak in Brussel. “De begroting is op orde,” zei hij.",
         {"Hoekstra": "PER", "Brussel": "LOC"}, (D("De begroting is op orde", "Hoekstra", "hij"),)),
    Case("after-role-noun", "role noun",
         "Wopke Hoekstra, de minister van Financiën, reisde naar Brussel. "
         "“We houden vast aan de regels,” zei de minister.",
         {"Wopke Hoekstra": "PER", "Brussel": "LOC"},
         (D("We houden vast aan de regels", "Wopke Hoekstra", "de minister"),)),
    Case("indirect-role-noun", "role noun",
         "Premier Mark Rutte opende het debat. De premier benadrukte dat de steun aan Oekraïne doorgaat.",
         {"Mark Rutte": "PER", "Oekraïne": "LOC"},
         (I("de steun aan Oekraïne doorgaat", "Mark Rutte", "De premier"),)),
    Case("volgens-pronoun", "pronoun",
         "Stoltenberg sprak in Brussel. Volgens hem is de oorlog nog lang niet voorbij.",
         {"Stoltenberg": "PER", "Brussel": "LOC"},
         (I("is de oorlog nog lang niet voorbij", "Stoltenberg", "hem"),)),
    Case("pronoun-group", "pronoun",
         "De NAVO kwam bijeen in Brussel. Ze waarschuwde dat Rusland zich voorbereidt op een lange oorlog.",
         {"NAVO": "ORG", "Brussel": "LOC", "Rusland": "LOC"},
         (I("Rusland zich voorbereidt op een lange oorlog", "NAVO", "Ze"),)),
    Case("unknown-spokesman", "role noun", "“We onderzoeken de zaak,” zei een woordvoerder.", {},
         (D("We onderzoeken de zaak", None, "een woordvoerder"),)),
    Case("volgens-spokesman-of", "volgens X", "Volgens een woordvoerder van Shell zijn de gesprekken vastgelopen.",
         {"Shell": "ORG"}, (I("zijn de gesprekken vastgelopen", "Shell", "een woordvoerder van Shell"),)),
    # ---- several sentences and paragraphs
    Case("multi-sentence", "multi-sentence",
         "“De situatie is ernstig. We roepen alle partijen op tot kalmte. Niemand heeft baat bij geweld,” "
         "zei Guterres.", {"Guterres": "PER"},
         (D("De situatie is ernstig. We roepen alle partijen op tot kalmte. Niemand heeft baat bij geweld",
            "Guterres"),)),
    Case("multi-paragraph", "multi-paragraph",
         "Rutte sprak de boeren in Friesland toe.\n\n“Jullie worden niet vergeten. De steun komt er.\n\n"
         "“Ik kom volgende maand terug om te zien hoe het gaat,” beloofde hij.",
         {"Rutte": "PER", "Friesland": "LOC"},
         (D("Jullie worden niet vergeten. De steun komt er.\n\n“Ik kom volgende maand terug om te zien hoe "
            "het gaat", "Rutte", "hij"),)),
    Case("alone-after-speech", "speaker in the sentence before",
         "Rutte zei na afloop dat het overleg goed was verlopen.\n\n"
         "“We hebben afspraken gemaakt over migratie. Die gaan we nu uitvoeren.”", {"Rutte": "PER"},
         (I("het overleg goed was verlopen", "Rutte"),
          D("We hebben afspraken gemaakt over migratie. Die gaan we nu uitvoeren.", "Rutte"))),
    Case("alone-after-name", "speaker in the sentence before",
         "Stoltenberg was na de top tevreden.\n\n“Dit bondgenootschap is sterker dan ooit.”",
         {"Stoltenberg": "PER"}, (D("Dit bondgenootschap is sterker dan ooit.", "Stoltenberg"),)),
    Case("alone-continues", "speaker in the sentence before", "“Dat is niet waar,” zei Trump. “Het nieuws liegt.”",
         {"Trump": "PER"}, (D("Dat is niet waar", "Trump"), D("Het nieuws liegt.", "Trump"))),
    # ---- nested quotes
    Case("nested-single-in-double", "nested",
         "“Toen hij ‘nooit meer oorlog’ riep, geloofde ik hem,” zei Gorbatsjov.", {"Gorbatsjov": "PER"},
         (D("Toen hij ‘nooit meer oorlog’ riep, geloofde ik hem", "Gorbatsjov"),)),
    Case("nested-straight-in-low", "nested",
         "„Ze noemden het plan \"onuitvoerbaar\" en liepen weg”, vertelde Sánchez.", {"Sánchez": "PER"},
         (D("Ze noemden het plan \"onuitvoerbaar\" en liepen weg", "Sánchez"),)),
    # ---- indirect speech
    Case("dat-zei", "indirect dat", "Lavrov zei dat Rusland geen troepen naar de grens stuurt.",
         {"Lavrov": "PER", "Rusland": "LOC"}, (I("Rusland geen troepen naar de grens stuurt", "Lavrov"),)),
    Case("dat-waarschuwde", "indirect dat", "Borrell waarschuwde dat de Europese Unie niet langer kan wachten.",
         {"Borrell": "PER", "Europese Unie": "ORG"}, (I("de Europese Unie niet langer kan wachten", "Borrell"),)),
    Case("dat-ontkende", "indirect dat", "Het Kremlin ontkende dat er troepen in de regio zijn.",
         {"Kremlin": "ORG"}, (I("er troepen in de regio zijn", "Kremlin", "Het Kremlin"),)),
    Case("dat-inverted-v2", "indirect dat", "Gisteren verklaarde Erdogan dat Turkije de aanvraag niet zal steunen.",
         {"Erdogan": "PER", "Turkije": "LOC"}, (I("Turkije de aanvraag niet zal steunen", "Erdogan"),)),
    Case("dat-perfect", "indirect dat", "Scholz heeft gezegd dat Duitsland meer tanks zal leveren.",
         {"Scholz": "PER", "Duitsland": "LOC"}, (I("Duitsland meer tanks zal leveren", "Scholz"),)),
    Case("om-te", "indirect om te", "Guterres riep de strijdende partijen op om de wapens neer te leggen.",
         {"Guterres": "PER"}, (I("de wapens neer te leggen", "Guterres"),)),
    Case("of-vroeg", "indirect of", "Zelensky vroeg of het Westen meer luchtafweer kan leveren.",
         {"Zelensky": "PER", "Westen": "LOC"}, (I("het Westen meer luchtafweer kan leveren", "Zelensky"),)),
    Case("dat-subordinate", "indirect dat",
         "Nadat Macron had verklaard dat Frankrijk meer geld uittrekt, volgde applaus.",
         {"Macron": "PER", "Frankrijk": "LOC"}, (I("Frankrijk meer geld uittrekt", "Macron"),)),
    Case("dat-relative-insert", "indirect dat",
         "Scholz, die gisteren in Parijs was, zei dat Duitsland de levering uitstelt.",
         {"Scholz": "PER", "Parijs": "LOC", "Duitsland": "LOC"}, (I("Duitsland de levering uitstelt", "Scholz"),)),
    Case("dat-apposition", "indirect dat",
         "Sergej Lavrov, de Russische minister van Buitenlandse Zaken, zei dat de gesprekken constructief waren.",
         {"Sergej Lavrov": "PER"}, (I("de gesprekken constructief waren", "Sergej Lavrov"),)),
    Case("dat-clause-break", "indirect dat",
         "Rutte zei dat het kabinet blijft, maar de oppositie eist nieuwe verkiezingen.", {"Rutte": "PER"},
         (I("het kabinet blijft", "Rutte"),)),
    Case("dat-laten-weten", "indirect dat", "Shell liet weten dat de raffinaderij in Pernis dichtgaat.",
         {"Shell": "ORG", "Pernis": "LOC"}, (I("de raffinaderij in Pernis dichtgaat", "Shell"),)),
    Case("dat-separable", "indirect dat", "Erdogan maakte bekend dat Turkije in mei verkiezingen houdt.",
         {"Erdogan": "PER", "Turkije": "LOC"}, (I("Turkije in mei verkiezingen houdt", "Erdogan"),)),
    Case("dat-nested-speech", "indirect dat",
         "Rutte zei dat Scholz hem had verteld dat de steun doorgaat.", {"Rutte": "PER", "Scholz": "PER"},
         (I("Scholz hem had verteld dat de steun doorgaat", "Rutte"), I("de steun doorgaat", "Scholz"))),
    Case("inverted-indirect", "indirect, speaker after",
         "De economie groeit harder dan verwacht, zegt Knot.", {"Knot": "PER"},
         (I("De economie groeit harder dan verwacht", "Knot"),)),
    Case("fronted-subordinate", "indirect dat",
         "Hoewel Rutte eerst zweeg, twitterde hij vrijdag dat de scholieren welkom zijn.", {"Rutte": "PER"},
         (I("de scholieren welkom zijn", "Rutte", "hij"),)),
    Case("source-with-relative", "indirect, speaker after",
         "Daarvan is geen sprake, zegt Woonink, die de docent heeft gesproken.", {"Woonink": "PER"},
         (I("Daarvan is geen sprake", "Woonink"),)),
    Case("relative-dat-after-source", "indirect, speaker after",
         "Avonturiers hoeven niet te wanhopen, zegt het bedrijf dat de reis verzorgt.", {},
         (I("Avonturiers hoeven niet te wanhopen", None, "het bedrijf"),)),
    Case("anaphoric-speech", "indirect, speaker after", "De gesprekken verlopen moeizaam. Dat zegt Borrell.",
         {"Borrell": "PER"}, (I("De gesprekken verlopen moeizaam", "Borrell"),)),
    # ---- volgens X, aldus X
    Case("volgens-first", "volgens X", "Volgens Reuters zijn de onderhandelingen vastgelopen.", {"Reuters": "ORG"},
         (I("zijn de onderhandelingen vastgelopen", "Reuters"),)),
    Case("volgens-last", "volgens X", "De onderhandelingen zijn vastgelopen, volgens Reuters.", {"Reuters": "ORG"},
         (I("De onderhandelingen zijn vastgelopen", "Reuters"),)),
    Case("aldus-clause", "aldus X", "De inflatie daalt dit jaar naar drie procent, aldus het CPB.", {"CPB": "ORG"},
         (I("De inflatie daalt dit jaar naar drie procent", "CPB", "het CPB"),)),
    Case("aldus-quote", "aldus X", "“We gaan niet onderhandelen met terroristen”, aldus Netanyahu.",
         {"Netanyahu": "PER"}, (D("We gaan niet onderhandelen met terroristen", "Netanyahu"),)),
    Case("laten-weten-inverted", "speaker after", "“We komen terug,” liet Kaag weten.", {"Kaag": "PER"},
         (D("We komen terug", "Kaag"),)),
    Case("parenthetical-source", "indirect, speaker middle",
         "Normaal gesproken, zegt hoogleraar Hollak, wacht een patiënt drie maanden.", {"Hollak": "PER"},
         (I("Normaal gesproken, zegt hoogleraar Hollak, wacht een patiënt drie maanden", "Hollak",
            "hoogleraar Hollak"),)),
    Case("clause-subject", "partial quote", "Van Engelshoven wil het toezicht 'op een eenvoudiger manier regelen'.",
         {"Van Engelshoven": "PER"}, (D("op een eenvoudiger manier regelen", "Van Engelshoven"),)),
    # ---- report sources: the medium reports, no indirect quote of its own
    Case("staat-in-report", "report source", "'De dreiging blijft reëel', staat in het rapport van de NCTV.",
         {"NCTV": "ORG"}, (D("De dreiging blijft reëel", "NCTV", "het rapport van de NCTV"),)),
    Case("blijkt-uit", "report source", "De groei stagneert. Dat blijkt uit cijfers van het CBS.", {"CBS": "ORG"}),
    # what an outlet reports is indirect speech of the outlet (GUIDELINES: "meldt CNN"
    # is both the source of the claim and a quote), unless it only frames a direct quote
    Case("meldt-clause", "report source", "Trump ontmoet volgende week Kim, meldt CNN.",
         {"Trump": "PER", "Kim": "PER", "CNN": "ORG"}, (I("Trump ontmoet volgende week Kim", "CNN"),)),
    Case("dat-schrijft", "report source", "Het kabinet trekt twee miljard uit voor defensie. Dat schrijft de Volkskrant.",
         {"Volkskrant": "ORG"}, (I("Het kabinet trekt twee miljard uit voor defensie", "Volkskrant", "de Volkskrant"),)),
    Case("meldt-quote", "report source", "De minister gaat „alle opties bekijken”, meldt de NOS.", {"NOS": "ORG"},
         (D("alle opties bekijken", "NOS", "de NOS"),)),
    Case("meldt-dat", "indirect dat", "CNN meldt dat Lavrov naar Pyongyang reist.",
         {"CNN": "ORG", "Lavrov": "PER", "Pyongyang": "LOC"}, (I("Lavrov naar Pyongyang reist", "CNN"),)),
    # ---- short quotes a speech verb governs
    Case("short-noemde", "scare quote governed", "Orbán noemde het voorstel “onzin”.", {"Orbán": "PER"},
         (D("onzin", "Orbán"),)),
    Case("short-answer", "scare quote governed", "“Nee,” zei Merkel.", {"Merkel": "PER"}, (D("Nee", "Merkel"),)),
    Case("short-in-indirect", "scare quote governed", "Lavrov zei dat de relatie „uitstekend” is.",
         {"Lavrov": "PER"}, (I("de relatie „uitstekend” is", "Lavrov"), D("uitstekend", "Lavrov"))),
    Case("first-person-in-quote", "speaker after", "“Ik heb gezegd dat we niet wijken,” aldus Zelensky.",
         {"Zelensky": "PER"},
         (D("Ik heb gezegd dat we niet wijken", "Zelensky"), I("we niet wijken", "Zelensky", "Zelensky"))),
    Case("unclosed-mark", "speaker after", "“Dit is onzin, zei Kim.\n\nDe volgende dag “vertrok” hij.", {"Kim": "PER"},
         (I("Dit is onzin", "Kim"),)),
    # ---- not quotes
    Case("title-book", "title", "Hij las het boek „De Aanslag” van Mulisch.", {"Mulisch": "PER"}),
    Case("title-film", "title", "De film “Oppenheimer” won zeven Oscars.", {"Oscars": "MISC"}),
    Case("title-programme", "title", "Rutte was te gast in het programma 'Op1' om over de verkiezingen te praten.",
         {"Rutte": "PER"}),
    Case("title-getiteld", "title", "Het rapport, getiteld “Een nieuwe start voor Europa”, verschijnt morgen.",
         {"Europa": "LOC"}),
    Case("title-case", "title", "Ze zag “Pirates of the Caribbean” in de bioscoop."),
    Case("title-after", "title", "'Aan de slag voor de klas', heet het convenant."),
    Case("scare-zogenaamde", "scare quote", "Het zogenaamde “vredesplan” werd door Kyiv afgewezen.", {"Kyiv": "LOC"}),
    Case("scare-one-word", "scare quote", "De “deal” tussen beide partijen ligt op tafel."),
    Case("scare-three-words", "scare quote", "De “nieuwe koude oorlog” houdt de wereld in zijn greep."),
    Case("volgens-plan", "not a source", "Volgens plan worden de troepen in mei teruggetrokken."),
    Case("aldus-thus", "not a source", "Aldus geschiedde het."),
    Case("apostrophes", "apostrophes", "In ’s-Hertogenbosch zei de burgemeester dat het rustig bleef.", {},
         (I("het rustig bleef", None, "de burgemeester"),)),
    Case("inch-mark", "not a quote", "Het scherm meet 65\" en de auto's van de buren zijn ’s avonds weg."),
)


# The words of these cases with their lemma and full tag, as Frog analyses them (taken
# from its output and checked by hand), so that the hand-built parses carry the tags
# the rules read. Names are left out: the hand-built parse tags capitalized words SPEC.
VOCAB: dict[str, tuple[str, str]] = {
    '65': ('65', 'TW(hoofd,prenom,stan)'), 'aan': ('aan', 'VZ(init)'), 'Aan': ('aan', 'VZ(init)'),
    'Aanslag': ('aanslag', 'N(soort,ev,basis,zijd,stan)'),
    'aanvraag': ('aanvraag', 'N(soort,ev,basis,zijd,stan)'), 'afgewezen': ('afwijzen', 'WW(vd,vrij,zonder)'),
    'afloop': ('afloop', 'N(soort,ev,basis,zijd,stan)'), 'afspraken': ('afspraak', 'N(soort,mv,basis)'),
    'al': ('al', 'BW()'), 'aldus': ('aldus', 'BW()'), 'Aldus': ('aldus', 'BW()'),
    'alle': ('al', 'VNW(onbep,det,stan,prenom,met-e,agr)'),
    'applaus': ('applaus', 'N(soort,ev,basis,onz,stan)'), "auto's": ('auto', 'N(soort,mv,basis)'),
    'avonds': ('avond', 'N(soort,ev,basis,gen)'), 'Avonturiers': ('avonturier', 'N(soort,mv,basis)'),
    'baat': ('baat', 'N(soort,ev,basis,zijd,stan)'), 'bedrijf': ('bedrijf', 'N(soort,ev,basis,onz,stan)'),
    'begroting': ('begroting', 'N(soort,ev,basis,zijd,stan)'),
    'beide': ('beide', 'VNW(onbep,grad,stan,prenom,met-e,mv,basis)'),
    'bekend': ('bekend', 'ADJ(vrij,basis,zonder)'), 'bekijken': ('bekijken', 'WW(inf,vrij,zonder)'),
    'beloofde': ('beloven', 'WW(pv,verl,ev)'), 'benadrukte': ('benadrukken', 'WW(pv,verl,ev)'),
    'bereid': ('bereid', 'ADJ(vrij,basis,zonder)'), 'bij': ('bij', 'VZ(init)'), 'bijeen': ('bijeen', 'BW()'),
    'bioscoop': ('bioscoop', 'N(soort,ev,basis,zijd,stan)'), 'bleef': ('blijven', 'WW(pv,verl,ev)'),
    'blijft': ('blijven', 'WW(pv,tgw,met-t)'), 'blijkt': ('blijken', 'WW(pv,tgw,met-t)'),
    'blijven': ('blijven', 'WW(inf,vrij,zonder)'),
    'boek': ('boek', 'N(soort,ev,basis,onz,stan)'), 'boeren': ('boer', 'N(soort,mv,basis)'),
    'bondgenootschap': ('bondgenootschap', 'N(soort,ev,basis,onz,stan)'),
    'Buitenlandse': ('buitenlands', 'ADJ(prenom,basis,met-e,stan)'), 'buren': ('buur', 'N(soort,mv,basis)'),
    'burgemeester': ('burgemeester', 'N(soort,ev,basis,zijd,stan)'),
    'cijfers': ('cijfer', 'N(soort,mv,basis)'), 'conclusies': ('conclusie', 'N(soort,mv,basis)'),
    'constructief': ('constructief', 'ADJ(vrij,basis,zonder)'),
    'convenant': ('convenant', 'N(soort,ev,basis,onz,stan)'), 'daalt': ('dalen', 'WW(pv,tgw,met-t)'),
    'Daarvan': ('daarvan', 'BW()'), 'dag': ('dag', 'N(soort,ev,basis,zijd,stan)'),
    'dan': ('dan', 'VG(onder)'), 'dat': ('dat', 'VG(onder)'), 'Dat': ('dat', 'VNW(aanw,pron,stan,vol,3o,ev)'),
    'de': ('de', 'LID(bep,stan,rest)'), 'De': ('de', 'LID(bep,stan,rest)'),
    'deal': ('deal', 'N(soort,ev,basis,zijd,stan)'), 'debat': ('debat', 'N(soort,ev,basis,onz,stan)'),
    'defensie': ('defensie', 'N(soort,ev,basis,zijd,stan)'),
    'democratie': ('democratie', 'N(soort,ev,basis,zijd,stan)'),
    'deze': ('deze', 'VNW(aanw,det,stan,prenom,met-e,rest)'), 'dicht': ('dicht', 'ADJ(vrij,basis,zonder)'),
    'dichtgaat': ('dichtgaan', 'WW(pv,tgw,met-t)'), 'Die': ('die', 'VNW(aanw,pron,stan,vol,3,getal)'),
    'die': ('die', 'VNW(betr,pron,stan,vol,persoon,getal)'), 'Dit': ('dit', 'VNW(aanw,pron,stan,vol,3o,ev)'),
    'dit': ('dit', 'VNW(aanw,det,stan,prenom,zonder,evon)'),
    'docent': ('docent', 'N(soort,ev,basis,zijd,stan)'), 'door': ('door', 'VZ(fin)'),
    'doorgaat': ('doorgaan', 'WW(pv,tgw,met-t)'), 'doorpakken': ('doorpakken', 'N(soort,mv,basis)'),
    'dreiging': ('dreiging', 'N(soort,ev,basis,zijd,stan)'), 'drie': ('drie', 'TW(hoofd,prenom,stan)'),
    'duidelijk': ('duidelijk', 'ADJ(vrij,basis,zonder)'),
    'economie': ('economie', 'N(soort,ev,basis,zijd,stan)'), 'een': ('een', 'LID(onbep,stan,agr)'),
    'Een': ('een', 'LID(onbep,stan,agr)'), 'eenvoudiger': ('eenvoudig', 'ADJ(prenom,comp,zonder)'),
    'eerst': ('eerst', 'BW()'), 'eist': ('eisen', 'WW(pv,tgw,met-t)'), 'en': ('en', 'VG(neven)'),
    'er': ('er', 'VNW(aanw,adv-pron,stan,red,3,getal)'), 'ernstig': ('ernstig', 'ADJ(vrij,basis,zonder)'),
    'Europese': ('europese', 'ADJ(prenom,basis,met-e,stan)'), 'film': ('film', 'N(soort,ev,basis,zijd,stan)'),
    'Financiën': ('financiën', 'N(soort,mv,basis)'), 'gaan': ('gaan', 'WW(pv,tgw,mv)'),
    'gaat': ('gaan', 'WW(pv,tgw,met-t)'), 'gast': ('gast', 'N(soort,ev,basis,zijd,stan)'),
    'geen': ('geen', 'VNW(onbep,det,stan,prenom,zonder,agr)'), 'geld': ('geld', 'N(soort,ev,basis,onz,stan)'),
    'geloofde': ('geloven', 'WW(pv,verl,ev)'), 'gemaakt': ('maken', 'WW(vd,vrij,zonder)'),
    'geschiedde': ('geschieden', 'WW(pv,verl,ev)'), 'gesprekken': ('gesprek', 'N(soort,mv,basis)'),
    'gesproken': ('spreken', 'WW(vd,vrij,zonder)'), 'getiteld': ('titelen', 'WW(vd,vrij,zonder)'),
    'geweld': ('geweld', 'N(soort,ev,basis,onz,stan)'), 'gezegd': ('zeggen', 'WW(vd,vrij,zonder)'),
    'Gisteren': ('gisteren', 'BW()'), 'gisteren': ('gisteren', 'BW()'),
    'goed': ('goed', 'ADJ(vrij,basis,zonder)'), 'greep': ('greep', 'N(soort,ev,basis,zijd,stan)'),
    'grens': ('grens', 'N(soort,ev,basis,zijd,stan)'), 'groei': ('groei', 'N(soort,ev,basis,zijd,stan)'),
    'groeit': ('groeien', 'WW(pv,tgw,met-t)'), 'had': ('hebben', 'WW(pv,verl,ev)'),
    'harder': ('hard', 'ADJ(vrij,comp,zonder)'), 'heb': ('hebben', 'WW(pv,tgw,ev)'),
    'hebben': ('hebben', 'WW(pv,tgw,mv)'), 'heeft': ('hebben', 'WW(pv,tgw,met-t)'),
    'heet': ('heten', 'WW(pv,tgw,ev)'), 'helpen': ('helpen', 'WW(inf,vrij,zonder)'),
    'hem': ('hem', 'VNW(pers,pron,obl,vol,3,ev,masc)'), 'hervatten': ('hervatten', 'WW(inf,vrij,zonder)'),
    'hervormingen': ('hervorming', 'N(soort,mv,basis)'), 'Het': ('het', 'LID(bep,stan,evon)'),
    'het': ('het', 'LID(bep,stan,evon)'), 'hij': ('hij', 'VNW(pers,pron,nomin,vol,3,ev,masc)'),
    'Hij': ('hij', 'VNW(pers,pron,nomin,vol,3,ev,masc)'), 'hoe': ('hoe', 'BW()'),
    'hoeven': ('hoeven', 'WW(pv,tgw,mv)'), 'Hoewel': ('hoewel', 'VG(onder)'),
    'hoogleraar': ('hoogleraar', 'N(soort,ev,basis,zijd,stan)'), 'houden': ('houden', 'WW(pv,tgw,mv)'),
    'houdt': ('houden', 'WW(pv,tgw,met-t)'), 'Ik': ('ik', 'VNW(pers,pron,nomin,vol,1,ev)'),
    'ik': ('ik', 'VNW(pers,pron,nomin,vol,1,ev)'), 'in': ('in', 'VZ(init)'), 'In': ('in', 'VZ(init)'),
    'inflatie': ('inflatie', 'N(soort,ev,basis,zijd,stan)'), 'is': ('zijn', 'WW(pv,tgw,ev)'),
    'jaar': ('jaar', 'N(soort,ev,basis,onz,stan)'), 'Jullie': ('jullie', 'VNW(pers,pron,stan,nadr,2v,mv)'),
    'kabinet': ('kabinet', 'N(soort,ev,basis,onz,stan)'), 'kalmte': ('kalmte', 'N(soort,ev,basis,zijd,stan)'),
    'kan': ('kunnen', 'WW(pv,tgw,ev)'), 'keus': ('keus', 'N(soort,ev,basis,zijd,stan)'),
    'klaar': ('klaar', 'ADJ(vrij,basis,zonder)'), 'klas': ('klas', 'N(soort,ev,basis,zijd,stan)'),
    'kom': ('komen', 'WW(pv,tgw,ev)'), 'komen': ('komen', 'WW(pv,tgw,mv)'),
    'komt': ('komen', 'WW(pv,tgw,met-t)'), 'koude': ('koud', 'ADJ(prenom,basis,met-e,stan)'),
    'kracht': ('kracht', 'N(soort,ev,basis,zijd,stan)'), 'kwam': ('komen', 'WW(pv,verl,ev)'),
    'lang': ('lang', 'ADJ(vrij,basis,zonder)'), 'lange': ('lang', 'ADJ(prenom,basis,met-e,stan)'),
    'langer': ('lang', 'ADJ(vrij,comp,zonder)'), 'las': ('lezen', 'WW(pv,verl,ev)'),
    'leggen': ('leggen', 'WW(inf,vrij,zonder)'), 'leveren': ('leveren', 'WW(inf,vrij,zonder)'),
    'levering': ('levering', 'N(soort,ev,basis,zijd,stan)'), 'liegt': ('liegen', 'WW(pv,tgw,met-t)'),
    'liepen': ('lopen', 'WW(pv,verl,mv)'), 'liet': ('laten', 'WW(pv,verl,ev)'),
    'ligt': ('liggen', 'WW(pv,tgw,met-t)'), 'luchtafweer': ('luchtafweer', 'N(soort,ev,basis,onz,stan)'),
    'maakte': ('maken', 'WW(pv,verl,ev)'), 'maand': ('maand', 'N(soort,ev,basis,zijd,stan)'),
    'maanden': ('maand', 'N(soort,mv,basis)'), 'maar': ('maar', 'VG(neven)'),
    'manier': ('manier', 'N(soort,ev,basis,zijd,stan)'),
    'meer': ('veel', 'VNW(onbep,grad,stan,prenom,zonder,agr,comp)'), 'meet': ('meten', 'WW(pv,tgw,ev)'),
    'mei': ('mei', 'SPEC(deeleigen)'), 'meldt': ('melden', 'WW(pv,tgw,met-t)'), 'met': ('met', 'VZ(init)'),
    'migratie': ('migratie', 'N(soort,ev,basis,zijd,stan)'),
    'miljard': ('miljard', 'N(soort,ev,basis,onz,stan)'),
    'Minister': ('minister', 'N(soort,ev,basis,zijd,stan)'),
    'minister': ('minister', 'N(soort,ev,basis,zijd,stan)'),
    'moeizaam': ('moeizaam', 'ADJ(vrij,basis,zonder)'), 'moet': ('moeten', 'WW(pv,tgw,ev)'),
    'moeten': ('moeten', 'WW(pv,tgw,mv)'), 'morgen': ('morgen', 'BW()'), 'na': ('na', 'VZ(init)'),
    'naar': ('naar', 'VZ(init)'), 'Nadat': ('nadat', 'VG(onder)'), 'Nee': ('nee', 'TSW()'),
    'neer': ('neer', 'BW()'), 'Niemand': ('niemand', 'VNW(onbep,pron,stan,vol,3p,ev)'),
    'niet': ('niet', 'BW()'), 'nieuwe': ('nieuw', 'ADJ(prenom,basis,met-e,stan)'),
    'nieuws': ('nieuw', 'N(soort,ev,basis,onz,stan)'), 'noemde': ('noemen', 'WW(pv,verl,ev)'),
    'noemden': ('noemen', 'WW(pv,verl,mv)'), 'nog': ('nog', 'BW()'), 'nooit': ('nooit', 'BW()'),
    'Normaal': ('normaal', 'ADJ(vrij,basis,zonder)'), 'nu': ('nu', 'BW()'),
    'nuttig': ('nuttig', 'ADJ(vrij,basis,zonder)'), 'of': ('of', 'VG(onder)'), 'om': ('om', 'VZ(init)'),
    'onder': ('onder', 'VZ(init)'), 'onderhandelen': ('onderhandelen', 'WW(inf,vrij,zonder)'),
    'onderhandelingen': ('onderhandeling', 'N(soort,mv,basis)'),
    'onderzoeken': ('onderzoeken', 'WW(inf,vrij,zonder)'), 'ons': ('ons', 'VNW(pr,pron,obl,vol,1,mv)'),
    'ontkende': ('ontkennen', 'WW(pv,verl,ev)'), 'ontmoet': ('ontmoeten', 'WW(vd,vrij,zonder)'),
    'onuitvoerbaar': ('onuitvoerbaar', 'ADJ(vrij,basis,zonder)'),
    'onzin': ('onzin', 'N(soort,ev,basis,zijd,stan)'), 'ooit': ('ooit', 'BW()'),
    'oorlog': ('oorlog', 'N(soort,ev,basis,zijd,stan)'), 'op': ('op', 'VZ(init)'),
    'opende': ('openen', 'WW(pv,verl,ev)'), 'oppositie': ('oppositie', 'N(soort,ev,basis,zijd,stan)'),
    'opties': ('optie', 'N(soort,mv,basis)'), 'orde': ('orde', 'N(soort,ev,basis,zijd,stan)'),
    'over': ('over', 'VZ(init)'), 'overleg': ('overleg', 'N(soort,ev,basis,onz,stan)'),
    'partijen': ('partij', 'N(soort,mv,basis)'), 'patiënt': ('patiënt', 'N(soort,ev,basis,zijd,stan)'),
    'Pirates': ('pirates', 'N(soort,mv,basis)'), 'plan': ('plan', 'N(soort,ev,basis,onz,stan)'),
    'praten': ('praten', 'WW(inf,vrij,zonder)'), 'Premier': ('premier', 'N(soort,ev,basis,zijd,stan)'),
    'premier': ('premier', 'N(soort,ev,basis,zijd,stan)'),
    'procent': ('procent', 'N(soort,ev,basis,onz,stan)'),
    'programma': ('programma', 'N(soort,ev,basis,onz,stan)'),
    'raffinaderij': ('raffinaderij', 'N(soort,ev,basis,zijd,stan)'),
    'rapport': ('rapport', 'N(soort,ev,basis,onz,stan)'), 'regelen': ('regelen', 'WW(inf,vrij,zonder)'),
    'regels': ('regel', 'N(soort,mv,basis)'), 'regio': ('regio', 'N(soort,ev,basis,zijd,stan)'),
    'reis': ('reis', 'N(soort,ev,basis,zijd,stan)'), 'reisde': ('reizen', 'WW(pv,verl,ev)'),
    'reist': ('reizen', 'WW(pv,tgw,met-t)'), 'relatie': ('relatie', 'N(soort,ev,basis,zijd,stan)'),
    'reëel': ('reëel', 'ADJ(vrij,basis,zonder)'), 'riep': ('roepen', 'WW(pv,verl,ev)'),
    'roepen': ('roepen', 'WW(pv,tgw,mv)'), 'Russische': ('russische', 'ADJ(prenom,basis,met-e,stan)'),
    'rustig': ('rustig', 'ADJ(vrij,basis,zonder)'), 'sancties': ('sanctie', 'N(soort,mv,basis)'),
    'scherm': ('scherm', 'N(soort,ev,basis,onz,stan)'), 'scholieren': ('scholier', 'N(soort,mv,basis)'),
    'schrijft': ('schrijven', 'WW(pv,tgw,met-t)'), 'situatie': ('situatie', 'N(soort,ev,basis,zijd,stan)'),
    'slag': ('slag', 'N(soort,ev,basis,zijd,stan)'), 'sprak': ('spreken', 'WW(pv,verl,ev)'),
    'sprake': ('sprake', 'N(soort,ev,basis,zijd,stan)'), 'staat': ('staan', 'WW(pv,tgw,met-t)'),
    'stagneert': ('stagneren', 'WW(pv,tgw,met-t)'), 'start': ('start', 'N(soort,ev,basis,zijd,stan)'),
    'sterker': ('sterk', 'ADJ(vrij,comp,zonder)'), 'steun': ('steun', 'N(soort,ev,basis,zijd,stan)'),
    'steunen': ('steunen', 'WW(inf,vrij,zonder)'), 'strijdende': ('strijden', 'WW(od,prenom,met-e)'),
    'stuurt': ('sturen', 'WW(pv,tgw,met-t)'), 'tafel': ('tafel', 'N(soort,ev,basis,zijd,stan)'),
    'tanks': ('tank', 'N(soort,mv,basis)'), 'te': ('te', 'VZ(init)'),
    'terroristen': ('terrorist', 'N(soort,mv,basis)'), 'terug': ('terug', 'BW()'),
    'teruggetrokken': ('terugtrekken', 'WW(vd,vrij,zonder)'),
    'tevreden': ('tevreden', 'ADJ(vrij,basis,zonder)'), 'the': ('the', 'SPEC(deeleigen)'),
    'toe': ('toe', 'VZ(fin)'), 'Toen': ('toen', 'VG(onder)'),
    'toezicht': ('toezicht', 'N(soort,ev,basis,onz,stan)'), 'top': ('top', 'N(soort,ev,basis,zijd,stan)'),
    'tot': ('tot', 'VZ(init)'), 'trekken': ('trekken', 'WW(pv,tgw,mv)'),
    'trekt': ('trekken', 'WW(pv,tgw,met-t)'), 'troepen': ('troep', 'N(soort,mv,basis)'),
    'tussen': ('tussen', 'VZ(init)'), 'twee': ('twee', 'TW(hoofd,prenom,stan)'),
    'twitterde': ('twitteren', 'WW(pv,verl,ev)'), 'uit': ('uit', 'VZ(init)'),
    'uitstekend': ('uitstekend', 'ADJ(vrij,basis,zonder)'), 'uitstelt': ('uitstellen', 'WW(pv,tgw,met-t)'),
    'uittrekt': ('uittrekken', 'WW(pv,tgw,met-t)'), 'uitvoeren': ('uitvoeren', 'WW(inf,vrij,zonder)'),
    'Unie': ('unie', 'N(soort,ev,basis,zijd,stan)'), 'van': ('van', 'VZ(init)'),
    'vast': ('vast', 'ADJ(vrij,basis,zonder)'), 'vastgelopen': ('vastlopen', 'WW(vd,vrij,zonder)'),
    'vergeten': ('vergeten', 'WW(vd,vrij,zonder)'), 'verkiezingen': ('verkiezing', 'N(soort,mv,basis)'),
    'verklaard': ('verklaren', 'WW(vd,vrij,zonder)'), 'verklaarde': ('verklaren', 'WW(pv,verl,ev)'),
    'verlopen': ('verlopen', 'WW(vd,vrij,zonder)'), 'verschijnt': ('verschijnen', 'WW(pv,tgw,met-t)'),
    'verteld': ('vertellen', 'WW(vd,vrij,zonder)'), 'vertelde': ('vertellen', 'WW(pv,verl,ev)'),
    'vertrok': ('vertrekken', 'WW(pv,verl,ev)'), 'verwacht': ('verwachten', 'WW(vd,vrij,zonder)'),
    'verzorgt': ('verzorgen', 'WW(pv,tgw,met-t)'), 'verzuchtte': ('verzuchten', 'WW(pv,verl,ev)'),
    'volgde': ('volgen', 'WW(pv,verl,ev)'), 'volgende': ('volgen', 'WW(od,prenom,met-e)'),
    'Volgens': ('volgens', 'VZ(init)'), 'volgens': ('volgens', 'VZ(init)'), 'voor': ('voor', 'VZ(init)'),
    'voorbereidt': ('voorbereiden', 'WW(pv,tgw,met-t)'), 'voorbij': ('voorbij', 'ADJ(vrij,basis,zonder)'),
    'voorstel': ('voorstel', 'N(soort,ev,basis,onz,stan)'),
    'voorwaarden': ('voorwaarde', 'N(soort,mv,basis)'), 'vrede': ('vrede', 'N(soort,ev,basis,zijd,stan)'),
    'vredesplan': ('vredesplan', 'N(soort,ev,basis,onz,stan)'), 'vrijdag': ('vrijdag', 'SPEC(deeleigen)'),
    'vroeg': ('vragen', 'WW(pv,verl,ev)'), 'waar': ('waar', 'ADJ(vrij,basis,zonder)'),
    'waarschuwde': ('waarschuwen', 'WW(pv,verl,ev)'), 'wacht': ('wachten', 'WW(pv,tgw,ev)'),
    'wachten': ('wachten', 'WW(inf,vrij,zonder)'), 'wanhopen': ('wanhopen', 'WW(inf,vrij,zonder)'),
    'wapens': ('wapen', 'N(soort,mv,basis)'), 'waren': ('zijn', 'WW(pv,verl,mv)'),
    'was': ('zijn', 'WW(pv,verl,ev)'), 'We': ('we', 'VNW(pers,pron,nomin,red,1,mv)'),
    'we': ('we', 'VNW(pers,pron,nomin,red,1,mv)'), 'week': ('week', 'N(soort,ev,basis,zijd,stan)'),
    'weg': ('weg', 'BW()'), 'welkom': ('welkom', 'ADJ(vrij,basis,zonder)'),
    'werd': ('worden', 'WW(pv,verl,ev)'), 'wereld': ('wereld', 'N(soort,ev,basis,zijd,stan)'),
    'weten': ('weten', 'WW(inf,vrij,zonder)'), 'Wij': ('wij', 'VNW(pers,pron,nomin,vol,1,mv)'),
    'wijken': ('wijken', 'WW(inf,vrij,zonder)'), 'wil': ('willen', 'WW(pv,tgw,ev)'),
    'willen': ('willen', 'WW(pv,tgw,mv)'), 'won': ('winnen', 'WW(pv,verl,ev)'),
    'woordvoerder': ('woordvoerder', 'N(soort,ev,basis,zijd,stan)'), 'worden': ('worden', 'WW(pv,tgw,mv)'),
    'zaak': ('zaak', 'N(soort,ev,basis,zijd,stan)'), 'zag': ('zien', 'WW(pv,verl,ev)'),
    'Zaken': ('zaak', 'N(soort,mv,basis)'), 'zal': ('zullen', 'WW(pv,tgw,ev)'),
    'Ze': ('ze', 'VNW(pers,pron,stan,red,3,ev,fem)'), 'zegt': ('zeggen', 'WW(pv,tgw,met-t)'),
    'zei': ('zeggen', 'WW(pv,verl,ev)'), 'zelf': ('zelf', 'BW()'), 'zeven': ('zeven', 'TW(hoofd,vrij)'),
    'zich': ('zich', 'VNW(refl,pron,obl,red,3,getal)'), 'zien': ('zien', 'WW(inf,vrij,zonder)'),
    'zijn': ('zijn', 'WW(pv,tgw,mv)'), 'zogenaamde': ('zogenaamd', 'ADJ(prenom,basis,met-e,stan)'),
    'zwarte': ('zwart', 'ADJ(prenom,basis,met-e,stan)'), 'zweeg': ('zwijgen', 'WW(pv,verl,ev)'),
    '’s': ("'s", 'LID(bep,gen,evmo)'), '’s-Hertogenbosch': ("'s-Hertogenbosch", 'SPEC(deeleigen)'),
}


def toy(text: str, ner: dict[str, str] | None = None,
        extra: dict[str, tuple[str, str]] | None = None) -> ParsedDoc:
    """A hand-built parse of ``text`` with the tags and lemmas of :data:`VOCAB` (and ``extra``)."""
    vocab = {**VOCAB, **(extra or {})}
    return toy_parse(text, ner=ner or {}, tags={w: t for w, (_, t) in vocab.items()},
                     lemmas={w: lemma for w, (lemma, _) in vocab.items()})


class VocabParser:
    """A Parser for pipeline tests: :func:`toy` with a fixed name list."""

    name = "toy-vocab"

    def __init__(self, ner: dict[str, str] | None = None) -> None:
        self.ner = ner or {}

    def start(self) -> VocabParser:
        return self

    def parse(self, text: str) -> ParsedDoc:
        return toy(text, self.ner)

    def health(self) -> bool:
        return True

    def close(self) -> None:
        pass
