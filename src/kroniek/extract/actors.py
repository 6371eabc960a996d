"""Actors: every entity linked to the knowledge base on the article's date, and the
nominal actors the text names without a proper name.

What this step does, in order:

1. **Nominal actors.** Role and agent phrases (lexicons/nl/roles.tsv, agents.tsv) with
   the country the text gives them: "de Russische minister van Buitenlandse Zaken",
   "een Noord-Koreaanse topdiplomaat", "de regering in Moskou", "EU-leiders".
2. **Appositions and titles.** A role phrase right before or after a person's name
   ("de Noord-Koreaanse topambtenaar Kim Yong-chol", "Sergej Lavrov, de Russische
   minister ...") is a mention of that person and tells their country and role.
3. **Linking.** Each named entity is looked up in the knowledge base (aliases, Dutch
   spellings, genitives, fuzzy spellings); a person's actor is the code and role they
   held on the article's date. Capitals and seats used as actors stand for their
   government ("een band met Pyongyang" → PRKGOV); used as places ("in Moskou") they
   are places in their country.
4. **Role phrases by date.** A definite role phrase with a country ("de Amerikaanse
   president") is the office holder on the article's date.
5. **Coreference.** A bare role noun ("de minister") is the person with that role
   mentioned most recently before it; a bare agent noun ("de regering") is the agent of
   that kind named before.

Entities linked to the same knowledge-base entry become one entity; ids are renumbered
in order of first mention. :func:`link_span` resolves the actor of any token span, for
steps that find actors elsewhere (events).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..kb import KbEntry, KnowledgeBase, Tenure, date_range, default_kb
from ..kb.names import name_key, strip_genitive
from ..kb.tables import lexicon_lines, lexicon_words
from .context_country import leading_country
from .kb_step import KnowledgeBaseStep
from .speech_lexicon import load_speech_lexicon
from ..model import Actor, Entity, ParsedDoc, Span, Token
from .names import Name, is_cap, load_lexicons

# Determiners that make a nominal definite or indefinite.
_DEFINITE = frozenset("de het die deze dat dit".split())
_INDEFINITE = frozenset("een".split())
# Adjectives that put a role in the past: no current office holder.
_FORMER = frozenset("voormalige voormalig oud-premier toenmalige toenmalig vorige ex- oud-".split())
# Prefixes of a compound role that put it in the past ("oud-president", "ex-premier").
_FORMER_PREFIXES = frozenset("oud ex".split())
# Prepositions after which a capital is a place, not an actor.
_LOCATIVE = frozenset("in naar uit te vanuit bij rond nabij buiten binnen door via over onder boven".split())
# Which entity kinds fit which entity type, for choosing between knowledge-base candidates.
_FITS = {"PER": {"person"}, "ORG": {"organisation"}, "LOC": {"place", "country", "organisation"},
         "GPE": {"place", "country"}, "EVENT": {"event"}, "MISC": {"other", "event", "organisation", "person"}}
# Groups that are actors even when the text does not say of which country ("de politie",
# "rebellen", "demonstranten"); a government without a country is not.
_ACTS_WITHOUT_COUNTRY = frozenset({"MIL", "COP", "REB", "OPP", "CVL", "REF", "MED", "LAB", "EDU", "BUS", "JUD"})
# Agents (their English in agents.tsv) that are a country's government when none is named.
_GOVERNMENT_WORDS = frozenset({"government", "cabinet", "authorities"})
# How far back (in sentences) "de minister" looks for the minister it means.
COREF_SENTENCES = 6


@dataclass(frozen=True)
class Role:
    phrase: tuple[str, ...]
    offices: tuple[str, ...]
    sector: str | None
    role: str
    of: str | None


@dataclass(frozen=True)
class Agent:
    noun: tuple[str, ...]
    sector: str | None  # None: a place ("de Litouwse hoofdstad"), no sector
    type: str
    english: str


@dataclass(frozen=True)
class ActorLexicons:
    roles: dict[tuple[str, ...], Role]
    agents: dict[tuple[str, ...], Agent]
    longest: int

    def head(self, words: Sequence[str]) -> Role | Agent | None:
        key = tuple(words)
        return self.roles.get(key) or self.agents.get(key)


@lru_cache(maxsize=1)
def load_actor_lexicons() -> ActorLexicons:
    roles: dict[tuple[str, ...], Role] = {}
    for _, cols in lexicon_lines("roles.tsv", 5):
        phrase, office, sector, role, of = cols[:5]
        if phrase == "phrase":
            continue
        key = tuple(phrase.casefold().split())
        roles[key] = Role(key, tuple(o for o in office.split("|") if o != "-"),
                          None if sector == "-" else sector, role, None if of == "-" else of)
    agents: dict[tuple[str, ...], Agent] = {}
    for _, cols in lexicon_lines("agents.tsv", 4):
        noun, sector, typ, english = cols[:4]
        if noun == "noun":
            continue
        key = tuple(noun.casefold().split())
        agents[key] = Agent(key, None if sector == "-" else sector, typ, english)
    longest = max(len(k) for k in list(roles) + list(agents))
    return ActorLexicons(roles, agents, longest)


# --------------------------------------------------------------------------- nominals


@dataclass(frozen=True)
class Nominal:
    """A role or agent phrase: tokens first..last (exclusive), with what it tells."""

    first: int
    last: int
    head_first: int
    head_last: int
    head: Role | Agent
    definite: bool | None      # True: de/het ..., False: een ..., None: no article
    country: str | None
    of: str | None             # an organisation's kb id ("van de NAVO", "VN-chef")
    former: bool
    bare: bool                 # only the head (and an article): "de minister"
    # The country comes from a region's or city's adjective ("de Waalse premier"): the
    # role is that region's, not the country's office (no national holder).
    regional: bool = False

    @property
    def office_now(self) -> bool:
        """Whether the phrase names a national office as held now ("de Russische
        president"), whose holder the knowledge base can say: not a former one, not a
        region's."""
        return isinstance(self.head, Role) and bool(self.head.offices) and not self.former and not self.regional


def _country_of_word(tok: Token, kb: KnowledgeBase) -> str | None:
    """The country a word refers to as an adjective or a genitive name (Russische, Ruslands),
    or as the adjective of a place it knows (Amsterdamse → Amsterdam → NLD)."""
    for r in kb.refs(tok.text):
        if r.form == "adjective":
            return kb.entries[r.entry].country
    if tok.pos == "ADJ" and tok.text[:1].isupper():
        return _place_adjective(tok.text, kb)
    bare = strip_genitive(tok.text)
    if bare and is_cap(tok):
        for r in kb.refs(bare):
            e = kb.entries[r.entry]
            if r.form == "name" and e.kind == "country":
                return e.country
        # "Poetins woordvoerder": the people of a person or group are of its country
        owners = {kb.entries[r.entry].country for r in kb.refs(bare)
                  if r.form in ("name", "surname") and kb.entries[r.entry].kind in ("person", "organisation")}
        if len(owners) == 1 and None not in owners:
            return owners.pop()
    return None


def _speech_verb_form(word: str) -> bool:
    """Whether ``word`` is a past tense of a speech verb ("twitterde", "tweette") or a
    verb form the tagger is known to mistake ("liet"): never a modifier of a role."""
    lex = load_speech_lexicon()
    if lex.verb_form(word) is not None:
        return True
    return word[-2:] in ("de", "te") and len(word) > 4 and word[:-2] + "en" in lex.speech_verbs


def _regional_adjective(tok: Token, kb: KnowledgeBase) -> bool:
    """Whether an adjective can be a region's or a city's ("Waalse", "Schotse",
    "Amsterdamse"), not only a country's ("Russische", "Ruslands")."""
    refs = kb.refs(tok.text)
    adjectives = [r for r in refs if r.form == "adjective"]
    if adjectives:
        return any(kb.entries[r.entry].kind != "country" for r in adjectives)
    return not refs and tok.pos == "ADJ" and _place_adjective(tok.text, kb) is not None


def _demonym_country(kb: KnowledgeBase, texts: Sequence[str]) -> str | None:
    """The country whose people a name is ("Russen", "Georgiërs"), or None."""
    for text in texts:
        for r in kb.refs(text):
            e = kb.entries[r.entry]
            if r.form == "demonym" and e.kind == "country" and e.country:
                return e.country
    return None


def _place_adjective(word: str, kb: KnowledgeBase) -> str | None:
    """Dutch place adjectives drop -se/-s from the name, sometimes with its -en or -e:
    Amsterdamse, Brusselse, Groningse (Groningen), Haagse is not found (Den Haag)."""
    low = word.casefold()
    stem = low[:-2] if low.endswith("se") else low[:-1] if low.endswith("s") else None
    if not stem or len(stem) < 3:
        return None
    for cand in (stem, stem + "en", stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else None):
        if not cand:
            continue
        for r in kb.refs(cand):
            e = kb.entries[r.entry]
            if r.form == "name" and e.kind in ("place", "country") and e.country:
                return e.country
    return None


@lru_cache(maxsize=1)
def _region_adjectives() -> dict[str, str]:
    return {cols[0].casefold(): cols[1] for _, cols in lexicon_lines("region_adjectives.tsv", 2)
            if cols[0] != "adjective"}


def _region_organisation(word: str, kb: KnowledgeBase) -> str | None:
    """The organisation id a region adjective stands for ("Europese" → EU), if the KB has it."""
    org = _region_adjectives().get(word)
    return org if org is not None and kb.entry(org) is not None else None


def _prefix_of(prefix: str, kb: KnowledgeBase) -> tuple[str | None, str | None]:
    """(country, organisation id) a compound's first part names: "VN-chef", "VS-president"."""
    for r in kb.refs(prefix):
        e = kb.entries[r.entry]
        if r.form == "name" and e.kind == "country":
            return e.country, None
        if r.form == "name" and e.kind == "organisation" and (e.code or "").startswith("IGO"):
            return None, e.id
    return None, None


def find_nominals(doc: ParsedDoc, kb: KnowledgeBase, names: Sequence[Name],
                  lex: ActorLexicons | None = None, sentences: Sequence[int] | None = None) -> list[Nominal]:
    """Role and agent phrases in the text (or in ``sentences``), with the country or
    organisation they name."""
    lex = lex or load_actor_lexicons()
    name_at = {k: n for n in names for k in range(n.first, n.last)}
    out: list[Nominal] = []
    for s in (range(len(doc.sentences)) if sentences is None else sentences):
        sent = doc.sentences[s]
        toks = doc.tokens
        i = sent.first_token
        while i < sent.last_token:
            tok = toks[i]
            if tok.i in name_at and name_at[tok.i].kind == "name":
                i = name_at[tok.i].last
                continue
            found = None
            low = [t.text.casefold() for t in toks[i:min(sent.last_token, i + lex.longest)]]
            for n in range(len(low), 0, -1):
                head = lex.head(low[:n])
                if head is not None:
                    found = (n, head, None, None)
                    break
            former = False
            if found is None and "-" in tok.text[1:]:
                prefix, _, rest = tok.text.partition("-")
                head = lex.head((rest.casefold(),))
                if head is not None and prefix.casefold() in _FORMER_PREFIXES:
                    found, former = (1, head, None, None), True  # "oud-president", "ex-premier"
                elif head is not None:
                    country, org = _prefix_of(prefix, kb)
                    if country or org:
                        found = (1, head, country, org)
            if found is None:
                i += 1
                continue
            n, head, country, org = found
            nom = _nominal(doc, kb, s, i, i + n, head, country, org, name_at)
            out.append(replace(nom, former=True) if former else nom)
            i += n
    return out


def _nominal(doc: ParsedDoc, kb: KnowledgeBase, s: int, h0: int, h1: int, head: Role | Agent,
             country: str | None, org: str | None, name_at: dict[int, Name]) -> Nominal:
    sent = doc.sentences[s]
    toks = doc.tokens
    first = h0
    former = False
    regional = False
    modifiers = 0
    j = h0 - 1
    while j >= sent.first_token:
        t = toks[j]
        low = t.text.casefold()
        c = _country_of_word(t, kb)
        region = _region_organisation(low, kb) if c is None else None
        if _speech_verb_form(low):
            break  # "..., twitterde staatssecretaris X": the tagger took the verb for an adjective
        in_person = j in name_at and name_at[j].kind == "name" and name_at[j].type == "PER"
        owner = in_person and name_at[j].last == j + 1 and strip_genitive(t.text) is not None  # "Poetins"
        if c is not None and owner:
            country = country or c
            break  # the owner's name is not part of the phrase: "[Poetins] [woordvoerder]"
        if c is not None and not in_person:
            if country is None and _regional_adjective(t, kb):
                regional = True  # "Waalse", "Schotse", "Amsterdamse": a region's or city's
            country = country or c
        elif region is not None and t.pos == "ADJ":
            org = org or region
        elif t.pos == "ADJ" or low in _FORMER or (t.pos == "TW" and not t.text[:1].isdigit()):
            if low in _FORMER:
                former = True
        else:
            break
        modifiers += 1
        first = j
        j -= 1
    definite = None
    if j >= sent.first_token and toks[j].pos in ("LID", "VNW"):
        low = toks[j].text.casefold()
        if low in _DEFINITE:
            definite, first = True, j
        elif low in _INDEFINITE:
            definite, first = False, j
    last = h1
    # "de minister van Buitenlandse Zaken van Rusland", "de regering in Moskou",
    # "de secretaris-generaal van de NAVO"
    k = h1
    if k + 1 < sent.last_token and toks[k].text.casefold() in ("van", "in", "uit") and country is None:
        m = k + 1
        if toks[m].text.casefold() in ("de", "het") and m + 1 < sent.last_token:
            m += 1
        while m + 1 < sent.last_token and toks[m].pos == "ADJ" and m not in name_at:
            m += 1  # "van de toenmalige Sovjet-Unie"
        nm = name_at.get(m)
        if nm is not None and nm.first == m and nm.kb_id:
            e = kb.entries[nm.kb_id]
            if e.kind == "country" or (e.seat_of and toks[k].text.casefold() == "in"):
                country, last = e.country, nm.last
            elif e.kind == "organisation" and (e.code or "").startswith("IGO") and toks[k].text.casefold() == "van":
                org, last = e.id, nm.last
            elif e.kind == "organisation" and e.country and toks[k].text.casefold() == "van":
                org, last = e.id, nm.last  # "een woordvoerster van het Witte Huis"
            elif e.kind == "person" and e.country and toks[k].text.casefold() == "van":
                country, last = e.country, nm.last  # "de woordvoerder van Poetin": of his country
    if last == h1 and isinstance(head, Agent) and head.english in ("ministry", "ministries") \
            and k + 1 < sent.last_token and toks[k].text.casefold() == "van":
        # "het Iraanse ministerie van Buitenlandse Zaken": the portfolio is part of the name.
        nm = name_at.get(k + 1)
        if nm is not None and nm.first == k + 1 and nm.kb_id is None and nm.type == "ORG":
            last = nm.last
    if isinstance(head, Role) and head.of and country is None and org is None:
        implied = kb.entry(head.of)
        if implied is not None and implied.kind == "country":
            country = implied.country
        elif implied is not None:
            org = implied.id
    bare = modifiers == 0 and last == h1 and country is None and org is None
    return Nominal(first, last, h0, h1, head, definite, country, org, former, bare, regional)


# --------------------------------------------------------------------------- linking


@dataclass
class _Work:
    """An entity while this step works on it."""

    name: str
    type: str
    mentions: set[tuple[int, int]]
    entry: KbEntry | None = None
    actor: Actor | None = None
    # Evidence from the text: (country, sector, role English, role words) from appositions/titles.
    countries: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    role_words: set[str] = field(default_factory=set)
    nominal_key: tuple | None = None

    @property
    def first(self) -> int:
        return min(s for s, _ in self.mentions)


def _fits(entry: KbEntry, typ: str) -> bool:
    return entry.kind in _FITS.get(typ, set())


# How far from the article's date a title may find a holder of its office whose term the
# knowledge base gives: someone named "minister X" held or was to hold such an office
# around then, even where the knowledge base lacks that very term.
_TITLE_REACH_YEARS = 3


def _near(t: Tenure, days: tuple[str, str] | None) -> bool:
    """Whether tenure ``t`` lies within a few years of the days ``days`` (an undated one does)."""
    if days is None or not t.dated:
        return True
    first, last = int(days[0][:4]) - _TITLE_REACH_YEARS, int(days[1][:4]) + _TITLE_REACH_YEARS
    start = int(t.start[:4]) if t.start else -9999
    end = int(t.end[:4]) if t.end else 9999
    return start <= last and end >= first


def _title_offices(lex: ActorLexicons, word: str) -> tuple[tuple[str, ...], bool]:
    """The offices a one-word title before a name may stand for, and whether the title is
    generic: its own offices, or for a title with no single office ("minister Kaag")
    those of every role it begins ("minister van Buitenlandse Zaken", "minister van
    Defensie"), so that a minister the knowledge base knows is found by surname in any
    portfolio."""
    role = lex.roles.get((word,))
    if role is None:
        return (), False
    if role.offices:
        return role.offices, False
    return tuple(sorted({o for key, r in lex.roles.items() if len(key) > 1 and key[0] == word
                         for o in r.offices})), True


def link_name(kb: KnowledgeBase, texts: Sequence[str], typ: str, date: str | None,
              offices: frozenset[str] = frozenset(), generic: bool = False) -> KbEntry | None:
    """The knowledge-base entry a named entity refers to, or None.

    Full names are tried before short ones. A surname alone links only to someone who
    held an office or code on the date (``Trump`` in 2018), and only when one such
    person stands out, or to the one holder of ``offices`` (from a title before it,
    "koningin Beatrix"; for a ``generic`` title such as "minister", one whose term lies
    within a few years of the date); a name one or two letters off links only to a
    full name.
    """
    days = date_range(date)
    for text in sorted(set(texts), key=lambda t: (-len(t.split()), -len(t))):
        matches = [m for m in kb.lookup(text, date, fuzzy=" " in text.strip()) if m.ref.form in ("name", "surname")]
        if not matches:
            continue
        # A one-word alias from the Phoenix dictionaries ("Youth" for a Basque group) is
        # too weak to link by; its full name or canonical name is not.
        matches = [m for m in matches if m.ref.strong or m.ref.form == "surname" or m.entry.source != "phoenix"
                   or name_key(m.entry.name) == name_key(text)]
        fitting = [m for m in matches if _fits(m.entry, typ)] or \
            [m for m in matches if m.ref.strong and m.ref.form == "name"] or \
            [m for m in matches if m.ref.form == "name" and m.entry.kind == "person" and typ in ("ORG", "MISC")
             and len(text.split()) >= 2]  # Frog calls "Al Sisi" an organisation: a full name decides
        for m in fitting:
            if m.ref.form == "surname" or (m.entry.kind == "person" and " " not in text.strip()):
                # Phoenix's open-ended codes ("from 2009 on") say little about later years:
                # a surname alone links only to a curated or user entry holding a role then.
                active = [x for x in fitting if x.entry.kind == "person" and days is not None
                          and x.entry.source != "phoenix"
                          and x.entry.tenure_on(*days) is not None and x.entry.tenure_on(*days).dated]
                if not active and offices:
                    titled = {x.entry.id: x for x in fitting if x.entry.kind == "person"
                              and any(t.office in offices and (not generic or _near(t, days))
                                      for t in x.entry.tenures)}
                    if len(titled) == 1:
                        return next(iter(titled.values())).entry
                if not active:
                    break
                best = active[0]
                rivals = [x for x in active[1:] if x.entry.id != best.entry.id
                          and (x.entry.source == best.entry.source)
                          and bool(x.entry.tenure_on(*days).office) == bool(best.entry.tenure_on(*days).office)]
                if rivals:
                    break
                return best.entry
            return m.entry
    return None


def _political(doc: ParsedDoc, mentions: set[tuple[int, int]], tok_at: dict[int, Token]) -> bool:
    """Whether a place's mentions use it as an actor (subject, "met Pyongyang"), not a location."""
    for start, _ in mentions:
        tok = tok_at.get(start)
        if tok is None:
            continue
        prev = doc.tokens[tok.i - 1] if tok.i > 0 and doc.tokens[tok.i - 1].sent == tok.sent else None
        if prev is not None and prev.text.casefold() in _LOCATIVE:
            continue
        if prev is not None and prev.text.casefold() == "op" and tok.i > 1 \
                and _hits_a_place(doc.tokens[tok.i - 2].text):
            continue  # "aanvallen op Khartoum": the city is hit, it does not act
        if tok.deprel == "su" or (prev is not None and prev.text.casefold() in ("met", "tussen", "tegen", "en", "aan")):
            return True
        nxt = doc.tokens[tok.i + 1] if tok.i + 1 < len(doc.tokens) else None
        if nxt is not None and nxt.sent == tok.sent and nxt.pos == "WW" and nxt.tag.startswith("WW(pv"):
            return True
    return False


@lru_cache(maxsize=1)
def _place_target_nouns() -> frozenset[str]:
    return lexicon_words("place_target_nouns.txt")


def _hits_a_place(word: str) -> bool:
    low = word.casefold()
    return any(low == n or low.endswith(n) for n in _place_target_nouns())


def _actor_of(entry: KbEntry, date: str | None) -> Actor:
    days = date_range(date)
    return entry.actor(*days) if days else entry.actor()


def _nominal_actor(nom: Nominal, kb: KnowledgeBase) -> Actor:
    head = nom.head
    sector = head.sector
    role = head.role if isinstance(head, Role) else None
    if nom.of is not None:
        org = kb.entries[nom.of]
        code = org.code or org.id
        return Actor(code=code, country=org.country, sector=sector or org.sector, role=role, kb_id=None)
    code = ((nom.country or "") + (sector or "")) or None
    return Actor(code=code, country=nom.country, sector=sector, role=role, kb_id=None)


def _nominal_name(nom: Nominal, kb: KnowledgeBase, text: str) -> str:
    """A display name for an unnamed actor: "Russian government", "North Korean senior diplomat"."""
    head = nom.head
    english = head.english if isinstance(head, Agent) else head.role[:1].lower() + head.role[1:]
    owner = ""
    if nom.of is not None:
        owner = kb.entries[nom.of].name
    elif nom.country is not None:
        country = kb.entries[nom.country]
        owner = country.adjective_en or country.name
    name = f"{owner} {english}".strip()
    return name[:1].upper() + name[1:]


def _role_words(head: Role | Agent) -> set[str]:
    """The words "de minister" is matched to a person by; a role also by its English,
    so that synonyms meet ("de bewindsman" for a minister, "de premier" for a
    minister-president)."""
    words = set(head.phrase if isinstance(head, Role) else head.noun)
    if isinstance(head, Role):
        words.add(f"role:{head.role}")
    return {w for w in words if w not in ("van", "de", "het")}


def _office_words(kb_entry: KbEntry, date: str | None, lex: ActorLexicons) -> set[str]:
    """The Dutch role words of the office an entry holds on ``date`` (FOREIGN_MINISTER → minister, ...)."""
    days = date_range(date)
    if days is None:
        return set()
    t = kb_entry.tenure_on(*days)
    if t is None or not t.office:
        return set()
    words: set[str] = set()
    for role in lex.roles.values():
        if t.office in role.offices:
            words |= _role_words(role)
            words.add(role.phrase[-1] if len(role.phrase) == 1 else role.phrase[0])
    # "buitenlandminister" is a "minister": compounds share their last part.
    for w in list(words):
        for base in ("minister", "president", "premier", "leider", "kanselier"):
            if w.endswith(base):
                words.add(base)
    return words


def link_entities(doc: ParsedDoc, entities: Sequence[Entity], names: Sequence[Name], date: str | None,
                  kb: KnowledgeBase) -> tuple[Entity, ...]:
    """Entities with actors, nominal actors added, coreferent mentions joined (see module doc)."""
    lex = load_actor_lexicons()
    tok_at = {t.start: t for t in doc.tokens}
    works = [_Work(e.name, e.type, {(m.start, m.end) for m in e.mentions}) for e in entities]
    name_texts = {}
    for w in works:
        texts = []
        for s, e in w.mentions:
            t = doc.text[s:e]
            first_tok = tok_at.get(s)
            if first_tok is not None and first_tok.text.casefold() in load_lexicons().titles and " " in t:
                t = t[len(first_tok.text):].strip()  # "president Poetin" → "Poetin"
            texts.append(t)
        name_texts[id(w)] = texts
    # Named entities linked first: an apposition must agree with whom a name is.
    for w in works:
        titles = [_title_offices(lex, tok_at[s].text.casefold()) for s, _ in w.mentions if tok_at.get(s) is not None]
        offices = frozenset(o for found, _ in titles for o in found)
        w.entry = link_name(kb, name_texts[id(w)], w.type, date, offices, any(generic for _, generic in titles))
    # 1-2: nominals, and which are appositions of a person
    nominals = find_nominals(doc, kb, names, lex)
    person_at_start = {}
    person_at_end = {}
    for w in works:
        if w.type == "PER" or (w.entry is not None and w.entry.kind == "person"):
            for s, e in w.mentions:
                person_at_start[s] = w
                person_at_end[e] = w
    standalone: list[Nominal] = []
    for nom in nominals:
        first_tok, last_tok = doc.tokens[nom.first], doc.tokens[nom.last - 1]
        target = _apposition_target(doc, nom, first_tok, last_tok, person_at_start, person_at_end)
        if target is not None and isinstance(nom.head, Role) and _agrees(target, nom, kb, date):
            target.mentions.add((first_tok.start, last_tok.end))
            if nom.country:
                target.countries.append(nom.country)
            if nom.head.sector and not nom.former:
                target.sectors.append(nom.head.sector)  # a former president holds no office now
            target.roles.append(f"Former {nom.head.role}" if nom.former else nom.head.role)
            target.role_words |= _role_words(nom.head)
            continue
        standalone.append(nom)
    # titles inside mentions ("president Poetin") are role evidence too
    for w in works:
        for s, _ in w.mentions:
            t = tok_at.get(s)
            if t is not None and w.type == "PER":
                role = lex.roles.get((t.text.casefold(),))
                if role is not None:
                    w.role_words |= _role_words(role)
                    if role.sector:
                        w.sectors.append(role.sector)
    # 3: actors of named entities
    stands_for = _metonym_targets(works, kb)
    for w in works:
        if w.entry is not None and w.entry.kind == "person" and w.countries:
            w.entry = _entry_of_country(kb, name_texts.get(id(w), ()), w.entry, w.countries[0], date)
        elif w.entry is not None and w.entry.kind == "organisation":
            foreign = _adjective_country_before(doc, w, tok_at, kb)
            if foreign is not None and foreign != w.entry.country and not (w.entry.code or "").startswith("IGO"):
                # "het Zuid-Koreaanse Hooggerechtshof" is not the American one the name alone would be
                sector = w.entry.sector
                w.entry, w.countries, w.sectors = None, [foreign] + w.countries, ([sector] if sector else []) + w.sectors
        entry = w.entry
        if entry is not None:
            w.name, w.type = entry.name, entry.type
            actor = _actor_of(entry, date)
            if (entry.seat_of or entry.id in stands_for) and _political(doc, w.mentions, tok_at):
                org = stands_for.get(entry.id)
                if org is not None:  # "Brussel" where the text is about the EU
                    actor = replace(_actor_of(org, date), kb_id=entry.id, role=f"Metonym for {org.name}")
                else:
                    actor = Actor(code=f"{entry.seat_of}GOV", country=entry.seat_of, sector="GOV",
                                  role=f"Government of {kb.entries[entry.seat_of].name}", kb_id=entry.id)
            if entry.kind == "person":
                if actor.country is None and w.countries:
                    actor = replace(actor, country=w.countries[0], code=(w.countries[0] + (actor.sector or "")))
                if actor.role is None and w.roles:
                    actor = replace(actor, role=w.roles[0])
                w.role_words |= _office_words(entry, date, lex)
            w.actor = actor
        elif (people := _demonym_country(kb, name_texts.get(id(w), ()))) is not None:
            # "Duizenden Georgiërs": the people of a country, civilians unless the text says more
            w.type = "PER"
            w.actor = Actor(code=f"{people}CVL", country=people, sector="CVL",
                            role=f"People of {kb.entries[people].name}", kb_id=None)
        elif w.countries or w.sectors:
            country = w.countries[0] if w.countries else None
            sector = w.sectors[0] if w.sectors else None
            w.actor = Actor(code=((country or "") + (sector or "")) or None, country=country, sector=sector,
                            role=w.roles[0] if w.roles else None, kb_id=None)
    # 4-5: standalone nominals: office holders, coreference, new actors
    # "de regering" unnamed is the focus country's, and only an actor when there is one
    focus = leading_country((w.actor.country, [s for s, _ in w.mentions]) for w in works
                            if w.actor is not None and w.actor.country and w.mentions)
    for nom in sorted(standalone, key=lambda n: n.first):
        start, end = doc.tokens[nom.first].start, doc.tokens[nom.last - 1].end
        span = (start, end)
        head_end = doc.tokens[nom.head_last - 1].end
        # The portfolio read as a name of its own ("Buitenlandse Zaken") is part of the
        # ministry, or of a minister's role ("de minister van Buitenlandse Zaken van Rusland").
        ministry = isinstance(nom.head, Agent) and nom.head.english in ("ministry", "ministries")
        portfolio_end = end if ministry else head_end if isinstance(nom.head, Role) and len(nom.head.phrase) > 1 \
            else None
        if portfolio_end is not None:
            for w in works:
                if w.entry is None and w.type == "ORG":
                    w.mentions = {(s, e) for s, e in w.mentions if not (start < s and e <= portfolio_end)}
        if any(s < head_end and start < e for w in works for s, e in w.mentions):
            continue  # part of a name or another mention (a name in its "van ..." tail is its own)
        if isinstance(nom.head, Agent) and nom.head.sector is None and nom.country and not nom.former:
            # "de Litouwse hoofdstad" is Vilnius: the city the knowledge base seats the country in.
            seat = _seat_of(kb, nom.country)
            if seat is not None:
                target = next((w for w in works if w.entry is not None and w.entry.id == seat.id), None)
                if target is None:
                    target = _Work(seat.name, seat.type, set(), seat, _actor_of(seat, date))
                    works.append(target)
                target.mentions.add(span)
                continue
        holder = None
        if nom.office_now and nom.definite is not False and (nom.country or nom.of):
            of = nom.country or (kb.entries[nom.of].code if nom.of else None)
            for office in nom.head.offices:
                found = kb.holder(of, office, date) if of else None
                if found is not None:
                    holder = found[0]
                    break
            # A holder the article names wins over the calendar: "de Amerikaanse
            # buitenlandminister" in a January-2021 article that names Pompeo is Pompeo.
            named = _named_holder(works, kb, of, nom.head.offices, date, _role_words(nom.head)) if of else None
            if named is not None and (holder is None or not any(
                    w.entry is not None and w.entry.id == holder.id and w.mentions for w in works)):
                holder = named
        if holder is not None:
            target = next((w for w in works if w.entry is not None and w.entry.id == holder.id), None)
            if target is None:
                target = _Work(holder.name, holder.type, set(), holder, _actor_of(holder, date))
                target.role_words |= _office_words(holder, date, lex)
                works.append(target)
            target.mentions.add(span)
            target.role_words |= _role_words(nom.head)
            continue
        if nom.bare and nom.definite:
            antecedent = _antecedent(doc, nom, works, start)
            if antecedent is not None:
                antecedent.mentions.add(span)
                continue
            if isinstance(nom.head, Role):
                continue  # "de minister" with nobody to be: too vague to be an actor
        if nom.bare and nom.definite is None and not _takes_part(doc, nom):
            # A bare noun without article ("regering" in a headline) says too little. Bare
            # plurals ("rebellen", "burgers") were tried as actors everywhere: on train-nl
            # they added more actors the gold does not hold than ones it does. They are
            # actors where they do or undergo what an event word says ("relschoppers
            # worden vervolgd", "rebellen vielen aan").
            continue
        if nom.country is None and nom.of is None and not (focus and _the_government(nom)) and (
                nom.definite is False or isinstance(nom.head, Role) or nom.head.sector not in _ACTS_WITHOUT_COUNTRY):
            continue  # "het bewind", "een gouverneur", "een leger": whose, the text does not say
        key = (nom.country, nom.of, nom.head.english if isinstance(nom.head, Agent) else nom.head.role)
        same = next((w for w in works if w.nominal_key == key and nom.definite is not False), None)
        if same is not None:
            same.mentions.add(span)
            continue
        typ = nom.head.type if isinstance(nom.head, Agent) else "PER"
        w = _Work(_nominal_name(nom, kb, doc.text), typ, {span}, None, _nominal_actor(nom, kb))
        w.role_words |= _role_words(nom.head)
        w.nominal_key = key if nom.definite is not False else None
        works.append(w)
    return _finish(doc, works)


def _takes_part(doc: ParsedDoc, nom: Nominal) -> bool:
    """Whether a bare plural group noun is the subject or object of an event word of the
    event lexicon, directly or through a preposition ("geweld tegen betogers")."""
    from .nominal_events import event_lexicon  # the events' lexicon; imported late, it builds on this module's kin

    head = doc.tokens[nom.head_last - 1]
    if not head.tag.startswith("N(soort,mv") or head.head is None:
        return False
    governor = doc.tokens[head.head]
    if head.deprel == "obj1" and governor.pos == "VZ" and governor.head is not None:
        governor = doc.tokens[governor.head]
    elif head.deprel not in ("su", "obj1", "obj2"):
        return False
    if governor.pos not in ("WW", "N"):
        return False
    lexicon = event_lexicon()
    seen = set()
    while governor.pos == "WW" and governor.lemma.casefold() in _AUXILIARY_VERBS and governor.i not in seen:
        # "relschoppers zullen worden vervolgd": through the auxiliaries to the verb they serve
        seen.add(governor.i)
        nxt = next((t for t in doc.sentence_tokens(governor.sent) if t.head == governor.i and t.deprel == "vc"
                    and t.pos == "WW"), None)
        if nxt is None:
            break
        governor = nxt
    if governor.lemma.casefold() in _AUXILIARY_VERBS:
        return False  # "Burgers zijn moe": a verb of being does nothing to anyone
    return bool(lexicon.for_lemma(governor.lemma.casefold()))


# Verbs of tense, mood and being: never the event word a group takes part in.
_AUXILIARY_VERBS = frozenset("zijn worden hebben zullen kunnen moeten mogen willen gaan blijven lijken blijken".split())


def _the_government(nom: Nominal) -> bool:
    """ "De regering", "de autoriteiten" with nobody named before: the government of the
    country the article is about (the context-country step gives it that country)."""
    return nom.definite is True and isinstance(nom.head, Agent) and nom.head.english in _GOVERNMENT_WORDS


def _entry_of_country(kb: KnowledgeBase, texts: Sequence[str], entry: KbEntry, country: str,
                      date: str | None) -> KbEntry:
    """Of the people a name can be, the one of the country the text gives them ("de
    Zuid-Sudanese president Salva Kiir": the South Sudanese entry, not the Sudanese one)."""
    if _actor_of(entry, date).country == country:
        return entry
    for text in texts:
        for m in kb.lookup(text, date, fuzzy=False):
            if m.entry.kind == "person" and m.ref.form == "name" and _actor_of(m.entry, date).country == country:
                return m.entry
    return entry


def _adjective_country_before(doc: ParsedDoc, w: _Work, tok_at: dict[int, Token], kb: KnowledgeBase) -> str | None:
    """The country of a country adjective right before one of ``w``'s mentions, if one."""
    for s, _ in sorted(w.mentions):
        tok = tok_at.get(s)
        if tok is None or tok.i == 0:
            continue
        prev = doc.tokens[tok.i - 1]
        if prev.sent == tok.sent and prev.pos == "ADJ":
            c = _country_of_word(prev, kb)
            if c is not None:
                return c
    return None


# How far from the article's date a tenure of a named person may lie for a role phrase
# to mean them (a month header can be weeks off; a crawl date years).
NAMED_HOLDER_YEARS = 1


def _named_holder(works: list[_Work], kb: KnowledgeBase, of: str, offices: tuple[str, ...],
                  date: str | None, words: set[str]) -> KbEntry | None:
    """The one person the article names who held one of ``offices`` of ``of`` near the
    article's date, or whom the text itself calls by that role ("president Medvedev")."""
    days = date_range(date)
    if days is None:
        return None
    first, last = days
    lo = f"{int(first[:4]) - NAMED_HOLDER_YEARS:04d}{first[4:]}"
    hi = f"{int(last[:4]) + NAMED_HOLDER_YEARS:04d}{last[4:]}"
    found: dict[str, KbEntry] = {}
    for w in works:
        if w.entry is None or w.entry.kind != "person" or not w.mentions:
            continue
        for office in offices:
            for t, eid in kb.offices.get((of, office), ()):
                if eid == w.entry.id and (t.overlap(lo, hi) or words & w.role_words):
                    found[eid] = w.entry
    return next(iter(found.values())) if len(found) == 1 else None


def _seat_of(kb: KnowledgeBase, country: str) -> KbEntry | None:
    """The place the knowledge base makes the seat of ``country``'s government, if one."""
    seats = [e for e in kb.entries.values() if e.seat_of == country and e.kind == "place"]
    return seats[0] if len(seats) == 1 else None


def _agrees(target: _Work, nom: Nominal, kb: KnowledgeBase, date: str | None) -> bool:
    """Whether a role phrase beside a name can describe that person: not when the
    knowledge base says the role's holder then was someone else, nor when the person is
    known to be of another country ("Merkel, de Britse koningin en ..." is a list)."""
    entry = target.entry
    if entry is None:
        return True
    if nom.office_now and (nom.country or nom.of):
        of = nom.country or kb.entries[nom.of].code
        for office in nom.head.offices:
            found = kb.holder(of, office, date) if of else None
            if found is not None:
                return found[0].id == entry.id
    days = date_range(date)
    actor = entry.actor(*days) if days else entry.actor()
    if nom.country and actor.country and nom.country != actor.country:
        # unless the name is also someone of the phrase's country (two entries, one name)
        return _entry_of_country(kb, (target.name,), entry, nom.country, date) is not entry
    # An opposition leader is not the head of state ("plaatste de oppositieleider president Maduro ...").
    sides = [_SIDE.get(x) for x in (nom.head.sector, actor.sector)]
    return not (sides[0] and sides[1] and sides[0] != sides[1])


# Sectors on the two sides of a government: a role of one side never describes a
# person the knowledge base puts on the other.
_SIDE = {"GOV": "state", "MIL": "state", "COP": "state", "JUD": "state", "LEG": "state", "SPY": "state",
         "OPP": "opposition", "REB": "opposition"}


def _metonym_targets(works: list[_Work], kb: KnowledgeBase) -> dict[str, KbEntry]:
    """Places that stand for an organisation when the text is about it ("Brussel" for the
    EU when the EU is mentioned): lexicons/nl/metonyms.tsv."""
    present = {w.entry.id for w in works if w.entry is not None}
    out: dict[str, KbEntry] = {}
    for place, orgs in _metonyms().items():
        for org in orgs:
            if org in present and kb.entry(org) is not None:
                out[place] = kb.entries[org]
                break
    return out


@lru_cache(maxsize=1)
def _metonyms() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for _, cols in lexicon_lines("metonyms.tsv", 2):
        if cols[0] != "place":
            out[cols[0]] = tuple(o.strip() for o in cols[1].split("|") if o.strip())
    return out


def _apposition_target(doc: ParsedDoc, nom: Nominal, first_tok: Token, last_tok: Token,
                       person_at_start: dict, person_at_end: dict) -> _Work | None:
    """The person a role phrase stands next to: "X, de minister ..." or "de topambtenaar X"."""
    toks = doc.tokens
    nxt = nom.last
    if nxt < len(toks) and toks[nxt].sent == last_tok.sent:
        if toks[nxt].start in person_at_start:
            if toks[nxt].text.casefold() in load_lexicons().titles:
                return None  # "de oppositieleider president Maduro": the name has its own title
            return person_at_start[toks[nxt].start]
        if toks[nxt].text == "," and nxt + 1 < len(toks) and toks[nxt + 1].start in person_at_start \
                and not nom.bare:
            return person_at_start[toks[nxt + 1].start]
    prev = nom.first - 1
    if prev >= 0 and toks[prev].text == "," and toks[prev].sent == first_tok.sent and prev - 1 >= 0 \
            and toks[prev - 1].end in person_at_end and not nom.bare:
        return person_at_end[toks[prev - 1].end]
    return None


def _antecedent(doc: ParsedDoc, nom: Nominal, works: list[_Work], start: int) -> _Work | None:
    """The most recent entity before ``start`` that a bare "de minister"/"de regering" can mean."""
    words = _role_words(nom.head)
    sent = doc.tokens[nom.first].sent
    min_sent = sent - COREF_SENTENCES
    best, best_pos = None, -1
    tok_at = {t.start: t for t in doc.tokens}
    for w in works:
        if isinstance(nom.head, Role) and w.type != "PER":
            continue
        if isinstance(nom.head, Agent) and w.nominal_key is None:
            continue
        if not (words & w.role_words):
            continue
        before = [s for s, _ in w.mentions if s < start and tok_at.get(s) is not None
                  and tok_at[s].sent >= min_sent]
        if before and max(before) > best_pos:
            best, best_pos = w, max(before)
    return best


def _finish(doc: ParsedDoc, works: list[_Work]) -> tuple[Entity, ...]:
    # A name nothing links that lies inside another entity's mention ("Buitenlandse Zaken"
    # in "de Russische minister van Buitenlandse Zaken") is part of that mention, not an actor.
    spans = [(s, e, id(w)) for w in works for s, e in w.mentions]
    for w in works:
        if w.entry is None:
            w.mentions = {(s, e) for s, e in w.mentions
                          if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) and o != id(w) for s2, e2, o in spans)}
    merged: list[_Work] = []
    by_entry: dict[str, _Work] = {}
    for w in works:
        if not w.mentions:
            continue
        if w.entry is not None and w.entry.id in by_entry:
            by_entry[w.entry.id].mentions |= w.mentions
            continue
        if w.entry is not None:
            by_entry[w.entry.id] = w
        merged.append(w)
    merged.sort(key=lambda w: w.first)
    out = []
    for n, w in enumerate(merged, 1):
        spans = _drop_nested(sorted(w.mentions))
        out.append(Entity(id=f"e{n}", name=w.name, type=w.type, actor=w.actor,
                          mentions=tuple(Span(s, e, doc.text[s:e]) for s, e in spans)))
    return tuple(out)


def _drop_nested(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Mentions inside another mention of the same entity are dropped."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda x: (x[0], -x[1])):
        if out and s >= out[-1][0] and e <= out[-1][1]:
            continue
        out.append((s, e))
    return out


def link_span(parsed: ParsedDoc, start_token: int, end_token: int, date: str | None,
              kb: KnowledgeBase | None = None) -> Actor | None:
    """The actor of tokens ``start_token``..``end_token`` (exclusive) on ``date``, or None.

    A name the knowledge base knows gives its actor on the date; a role or agent phrase
    gives the office holder or a country-and-sector actor ("de Russische regering" →
    RUSGOV); a country adjective alone gives the country.
    """
    kb = kb or default_kb()
    if not 0 <= start_token < end_token <= len(parsed.tokens):
        return None
    toks = parsed.tokens[start_token:end_token]
    text = parsed.text[toks[0].start:toks[-1].end]
    entry = link_name(kb, [text], "MISC", date)
    if entry is not None:
        return _actor_of(entry, date)
    sents = sorted({t.sent for t in toks})
    noms = [n for n in find_nominals(parsed, kb, (), sentences=sents) if start_token <= n.first and n.last <= end_token]
    if noms:
        nom = max(noms, key=lambda n: n.last - n.first)
        if nom.office_now and (nom.country or nom.of):
            of = nom.country or kb.entries[nom.of].code
            for office in nom.head.offices:
                found = kb.holder(of, office, date) if of else None
                if found is not None:
                    return _actor_of(found[0], date)
        return _nominal_actor(nom, kb)
    for t in toks:
        c = _country_of_word(t, kb)
        if c is not None:
            return Actor(code=c, country=c, sector=None, role=None, kb_id=c)
    return None


class ActorStep(KnowledgeBaseStep):
    """Pipeline step: entities → entities with actors, nominal actors and coreference."""

    name = "actors"
    requires = ("entities", "names")
    provides = ("entities",)

    def __call__(self, work) -> dict[str, tuple]:
        entities = link_entities(work.parsed, work.annotations["entities"], work.annotations["names"],
                                 work.article.date, self.kb)
        return {"entities": entities}


__all__ = ["ActorStep", "Nominal", "find_nominals", "link_entities", "link_name", "link_span"]
