"""Events: who did what to whom, when and where, coded in PLOVER, with evidence.

For each clause (see :mod:`clauses`) the step looks for triggers from the pattern
lexicon (`lexicons/nl/events.txt`: verbs with their particles and prepositions, event
nouns), fills the roles from the clause's actors, and adds modality, time, place and a
confidence:

- source: the subject of the clause, or the door-agent of a passive, or the actor a
  pattern names ("tussen X en Y", "bezoek van X");
- target: the actor after the pattern's preposition ("reist naar X") or the direct
  object; coordinated actors ("Trump en Kim") give one event per pair;
- actors are entity mentions; a subject pronoun ("hij") is resolved to the nearest
  person named before it;
- time: the DATE or TIME expression of the trigger's clause (for a noun trigger: of its
  own phrase, or of the clause when the noun is what the clause schedules: "de
  ontmoeting zal op 12 juni plaatsvinden"); the event's date is that expression's
  value, never the article's date;
- location: a place after "in"/"te"/"op", else the destination of a visit;
- the same event reported twice in an article (same type, same actors, compatible
  dates) is kept once;
- in sentences where no pattern coded an event, the learned layer (:mod:`event_model`)
  may add the types and actors its models read there (docs/EVENTS.md).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..kb.records import is_international
from ..model import Entity, Event, ParsedDoc, SentenceRef, Span, Time, Token
from .clauses import Clause, ClauseMap, clause_map, finite_in, is_finite
from .attribution import Attribution
from .event_model import (EventModel, Hit, SentenceView, default_model, modality_features, propose,
                          sentence_views, side_key)
from .event_patterns import EventPattern, PatternLexicon, Slot, Word
from .modality import classify, default_cues, is_particle
from .nominal_events import adjective_actor, event_lexicon, is_topic, phrase_start

# Types whose events need a recipient (PLOVER manual: "Requires recipient: Yes").
NEEDS_TARGET = {"COOPERATE", "AID", "SANCTION"}
# Types that are coded without a known source: material conflict may be reported without
# its perpetrator ("Demirtas werd gearresteerd"); a meeting, a statement or a gift is not.
SOURCE_OPTIONAL = {"COERCE", "ASSAULT", "PROTEST", "SANCTION", "MOBILIZE", "RETREAT"}
# Types whose act, when no actor undergoes it, strikes the place where it happens.
PLACE_TARGETS = {"ASSAULT", "COERCE", "MOBILIZE", "RETREAT"}
# Words that negate a clause outright (a refusal verb negates what it governs, not itself).
_NEGATIONS = {"niet", "geen", "nooit", "nimmer", "allerminst"}
# Types whose negated verb is a refusal: "stemde niet in" is REJECT, not a negated AGREE.
REFUSED_AS_REJECT = {"AGREE", "SUPPORT"}
# Types where "X en Y" doing it together means X with Y.
MUTUAL = {"CONSULT", "COOPERATE", "AGREE"}
# Places a "in/te/op" phrase can name.
PLACE_TYPES = {"LOC", "GPE"}
# Entity types that can act in an event (a MISC name or an EVENT cannot).
ACTOR_TYPES = {"PER", "ORG", "GPE", "LOC"}
_NP_POS = {"LID", "ADJ", "N", "SPEC", "TW"}
_QUOTES = set("“”„\"'‘’«»")
# Focus words that may stand before a subject ("en ook president Poetin bezocht ...").
_FOCUS = {"ook", "zelfs", "alleen", "nog", "al"}
_PRONOUNS = {"hij", "zij", "ze", "hem"}
# "wij"/"we" inside what someone says stand for the speaker ("'We zullen Kiev steunen', zei Rutte").
_WE = {"wij", "we"}
_REFLEXIVE = {"zich", "zichzelf"}
# speech acts whose object may name their target by its country adjective ("de Russische invasie")
_ADJECTIVE_TARGET = {"ACCUSE", "REJECT", "PROTEST"}
# Types a verb carries clearly enough to code with the source alone (GUIDELINES: "still
# annotate it when the type and at least one actor are clear"): "X veroordeelde de
# aanslag" is ACCUSE X → null. A meeting, a gift or cooperation needs its other party.
TARGET_OPTIONAL = {"ACCUSE", "REJECT", "REQUEST", "THREATEN", "PROTEST", "ASSAULT", "COERCE",
                   "SANCTION", "MOBILIZE", "RETREAT", "CONCEDE", "SUPPORT", "AGREE"}
_LOCATIVE = {"in", "te", "op"}
# Shortest noun trigger that may end a compound ("topontmoeting" → "ontmoeting").
_MIN_COMPOUND_HEAD = 5


@dataclass(frozen=True)
class ActorRef:
    """An entity at a place in the text: a mention, or a pronoun resolved to it."""

    entity: str
    first: int  # token indices, inclusive
    last: int
    via: str = "mention"  # or "pronoun"


@dataclass(frozen=True)
class Match:
    """A trigger token that fits a pattern, before roles are filled."""

    token: int
    pattern: EventPattern
    noun: bool


# Prepositions that make a town or region the place of an event, not one of its actors
# ("een demonstratie in Amsterdam", "verklaarde vanuit Riyad"). "naar" and "op" are left
# out: flights to a city and attacks on one have it as their target. "uit" counts only
# under a noun, where it says where someone comes from ("een vrouw uit Nijmegen"), not
# under a verb ("trok zich terug uit Aleppo": the target).
_PLACE_PREPOSITIONS = frozenset("in te bij nabij rond rondom vanuit".split())


def _a_place_where(doc: ParsedDoc, e: Entity, k: int) -> bool:
    """Whether the mention at token ``k`` is a town or region (not a country, not a seat
    standing for its government) after a preposition of place."""
    a = e.actor
    if e.type not in ("LOC", "GPE") or a is None or a.sector is not None or a.kb_id == a.country:
        return False
    if k == 0 or doc.tokens[k - 1].sent != doc.tokens[k].sent:
        return False
    prep = doc.tokens[k - 1]
    word = prep.text.casefold()
    if word == "uit":
        return prep.head is not None and doc.tokens[prep.head].pos == "N"
    return word in _PLACE_PREPOSITIONS


def _an_affiliation(doc: ParsedDoc, first: int, end: int) -> bool:
    """Whether tokens ``first`` up to ``end`` stand in brackets right after a name: the
    party or office of the person named ("Koenders (PvdA) sprak met ..."), who is the
    actor, not the party."""
    toks = doc.tokens
    if first < 2 or end >= len(toks) or toks[first - 1].text != "(" or toks[end].text != ")":
        return False
    before = toks[first - 2]
    return before.sent == toks[first].sent and (before.pos == "SPEC" or "eigen" in before.tag)


class _Actors:
    """Which entity each token belongs to, and pronouns resolved to people."""

    def __init__(self, doc: ParsedDoc, entities: Sequence[Entity],
                 attributions: Sequence[Attribution] = ()) -> None:
        self.doc = doc
        self.speakers = [a for a in attributions if a.source is not None]
        self.types = {e.id: e.type for e in entities}
        # A known actor: one with a state, or an international body or its officials
        # (the EU, NATO's secretary general), who act for no state: a side of its own.
        self.has_actor = {e.id: side_key(e) is not None for e in entities}
        owner: list[str | None] = [None] * len(doc.tokens)
        starts = [t.start for t in doc.tokens]
        for e in entities:
            if e.type not in ACTOR_TYPES:
                continue
            for m in e.mentions:
                k = max(0, bisect.bisect_right(starts, m.start) - 1)
                end = bisect.bisect_left(starts, m.end)
                if _a_place_where(doc, e, k) or _an_affiliation(doc, k, end):
                    continue
                while k < len(doc.tokens) and doc.tokens[k].start < m.end:
                    t = doc.tokens[k]
                    if t.end > m.start and owner[k] is None:
                        owner[k] = e.id
                    k += 1
        self.owner = owner

    def at(self, i: int) -> ActorRef | None:
        """The actor at token ``i``: its whole mention, or a resolved pronoun."""
        eid = self.owner[i]
        if eid is not None:
            first = i
            while first > 0 and self.owner[first - 1] == eid:
                first -= 1
            last = i
            while last + 1 < len(self.owner) and self.owner[last + 1] == eid:
                last += 1
            return ActorRef(eid, first, last)
        tok = self.doc.tokens[i]
        if tok.pos == "VNW" and tok.text.lower() in _PRONOUNS and "pers" in tok.tag:
            # "ze" as a plural is a group or a state ("De Taliban ... Ze eisen"); else a person
            return self._resolve_pronoun(i, {"ORG", "GPE"} if "mv" in tok.tag else {"PER"})
        if tok.pos == "VNW" and tok.text.lower() in _WE:
            return self._speaker(i)
        return None

    def pronoun(self, i: int) -> tuple[str, str] | None:
        """The entity a pronoun at token ``i`` stands for, and how it was found."""
        if self.owner[i] is not None:
            return None
        ref = self.at(i)
        return (ref.entity, ref.via) if ref is not None else None

    def _speaker(self, i: int) -> ActorRef | None:
        """The speaker of the narrowest quote or reported speech around token ``i``."""
        tok = self.doc.tokens[i]
        around = [a for a in self.speakers if a.covers(tok.start, tok.end)]
        if not around:
            return None
        return ActorRef(min(around, key=lambda a: a.end - a.start).source, i, i, via="speaker")

    def _resolve_pronoun(self, i: int, types: set[str]) -> ActorRef | None:
        # The nearest actor of those types mentioned before, within this and the previous two sentences.
        sent = self.doc.tokens[i].sent
        k = i - 1
        while k >= 0 and self.doc.tokens[k].sent >= sent - 2:
            eid = self.owner[k]
            if eid is not None and self.types.get(eid) in types:
                return ActorRef(eid, i, i, via="pronoun")
            k -= 1
        return None

    def in_span(self, tokens: Iterable[int]) -> list[ActorRef]:
        """Actors standing in ``tokens`` (in order, each mention once)."""
        out: list[ActorRef] = []
        for i in tokens:
            ref = self.at(i)
            if ref is not None and (not out or (out[-1].entity, out[-1].first) != (ref.entity, ref.first)):
                out.append(ref)
        return out


def _word_in_clause(doc: ParsedDoc, clause: Clause, word: Word) -> bool:
    toks = [doc.tokens[i] for i in clause.tokens]
    for t in toks:
        if t.lemma == word.joined:
            return True
        if t.lemma == word.lemma and (word.particle is None or any(
                p.lemma == word.particle and p.pos in {"VZ", "BW", "ADJ"} for p in toks)):
            return True
    return False


def _noun_trigger_lemma(lemma: str, lexicon: PatternLexicon) -> str | None:
    if lexicon.for_lemma(lemma):
        return lemma
    # the longest trigger that ends the compound after a first part of three letters or more
    # (one set lookup per split point: the lexicon has a thousand triggers)
    # An infinitive is no compound head: "Balkanlanden" are countries, not "landen" (to
    # land), "EU-landen" no visit.
    if lemma.endswith("en"):
        return None
    for k in range(3, len(lemma) - _MIN_COMPOUND_HEAD + 1):
        if lexicon.is_head(lemma[k:]):
            return lemma[k:]
    return None


def _attributive(doc: ParsedDoc, tok: Token) -> bool:
    """A participle inside a noun phrase, between its opener and its noun ("achter
    gesloten deuren"). The tag alone does not tell: Frog tags past tenses that look the
    same ("De rechter veroordeelde X") as prenominal participles too."""
    if tok.pos != "WW" or "prenom" not in tok.tag or tok.i == 0 or tok.i + 1 >= len(doc.tokens):
        return False
    before, after = doc.tokens[tok.i - 1], doc.tokens[tok.i + 1]
    opens = before.pos in ("LID", "VZ", "ADJ") or (before.pos == "VNW" and "det" in before.tag)
    return opens and after.pos in ("N", "ADJ") and before.sent == tok.sent == after.sent


def find_triggers(doc: ParsedDoc, clauses: ClauseMap, lexicon: PatternLexicon) -> list[tuple[Match, ...]]:
    """For each token that can trigger an event, the patterns it may fit, in lexicon order."""
    out: list[tuple[Match, ...]] = []
    for tok in doc.tokens:
        if tok.pos not in ("WW", "N", "BW", "ADJ"):
            continue
        if _attributive(doc, tok):
            continue  # "achter gesloten deuren", "de gewonde soldaten": a state, not an act
        noun = tok.pos == "N"
        key = _noun_trigger_lemma(tok.lemma.lower(), lexicon) if noun else tok.lemma.lower()
        if tok.pos == "WW" and tok.i >= 2 and doc.tokens[tok.i - 1].lemma == "te" and doc.tokens[
                tok.i - 2].pos in {"VZ", "BW", "ADJ"} and lexicon.for_lemma(doc.tokens[tok.i - 2].lemma + key):
            key = doc.tokens[tok.i - 2].lemma + key  # "op te heffen" is opheffen
        if not key:
            continue
        clause = clauses.clause_of(tok.i)
        after = [doc.tokens[i] for i in clause.tokens if i > tok.i]
        particles = [t for t in after if is_particle(t)]
        # a pattern's own particle may be tagged loosely ("werken samen": samen as an adverb)
        # but a preposition that heads a phrase ("uit zijn binnenzak", "in september") is none
        loose = {t.lemma for t in after if is_particle(t) or t.pos in {"BW", "ADJ"}}
        matches = []
        for p in lexicon.for_lemma(key):
            trig = p.trigger
            if tok.pos == "WW":
                if trig.particle and key != trig.joined and trig.particle not in loose:
                    continue
                if not trig.particle and particles and key == trig.lemma:
                    continue  # "sprak ... uit" is uitspreken, not spreken
            elif trig.particle:
                continue
            if all(_word_in_clause(doc, clause, w) for w in p.needs):
                matches.append(Match(tok.i, p, noun))
        if matches:
            # the most specific pattern first ("veroordelen tot" before "veroordelen")
            out.append(tuple(sorted(matches, key=lambda m: (-len(m.pattern.needs), m.pattern.line))))
    return out


class _Roles:
    """Finding the actors of one clause."""

    def __init__(self, doc: ParsedDoc, clause: Clause, actors: _Actors, clauses: ClauseMap | None = None) -> None:
        self.doc = doc
        self.clause = clause
        self.actors = actors
        self.clauses = clauses
        self.members = set(clause.tokens)

    def _tok(self, i: int) -> Token:
        return self.doc.tokens[i]

    def after(self, i: int, limit: int = 14) -> list[ActorRef]:
        """Actors in the phrase starting after token ``i`` (coordination and apposition included)."""
        found: list[ActorRef] = []
        k = i + 1
        steps = 0
        while k in self.members and steps < limit:
            t = self._tok(k)
            ref = self.actors.at(k)
            if ref is not None:
                if not found or found[-1].entity != ref.entity:
                    found.append(ref)
                k = max(ref.last, k) + 1
                steps += 1
                nxt = self._tok(k) if k in self.members else None
                if nxt is not None and nxt.text.lower() in {"en", ","} and (k + 1) in self.members:
                    if self.actors.at(k + 1) is not None or self._tok(k + 1).pos in _NP_POS:
                        k += 1
                        continue
                break
            if t.pos in _NP_POS or (t.pos == "VNW" and ("det" in t.tag or "bez" in t.tag)) or (
                    # "de hoofdstad van X", "de grens met X": the actor the noun relates to
                    t.lemma in {"van", "met"} and not found and self._tok(k - 1).pos == "N") \
                    or t.text == "," or t.text in _QUOTES:
                k += 1
                steps += 1
                continue
            break
        return found

    def in_pp(self, ref: ActorRef) -> bool:
        """Whether a mention stands inside a prepositional phrase."""
        k = ref.first - 1
        while k in self.members:
            t = self._tok(k)
            if t.pos == "VZ" and not is_particle(t):
                return True
            if t.pos in _NP_POS or (t.pos == "VNW" and "det" in t.tag):
                k -= 1
                continue
            if t.text == "," or t.pos == "VG":
                # apposition or coordination: look through to the phrase it continues
                k -= 1
                continue
            return False
        return False

    def bare(self) -> list[ActorRef]:
        """Actors of the clause outside prepositional phrases, in order."""
        return [r for r in self.actors.in_span(self.clause.tokens) if not self.in_pp(r)]

    def subject(self, exclude: set[str]) -> list[ActorRef]:
        """The clause's subject actor(s); empty when the subject is not an actor.

        Dutch puts one constituent before the finite verb of a main clause. When that
        constituent is a noun phrase it is the subject ("De Turkse politie arresteerde
        ..." has a subject that is no actor); when it is an adverb or a prepositional
        phrase ("In New York zal hij ..."), the subject follows the verb. In a
        subordinate clause the subject is the first noun phrase after its opener.
        """
        toks = self.clause.tokens
        if self.clause.kind == "om":
            # "om Jeruzalem te veroveren" has no subject of its own. It is the main clause's
            # ("X reisde naar Y om Z te ontmoeten"), unless the main clause names someone
            # it asks or tells ("riep Israël op om ... op te heffen"): then it is that one.
            if self.clauses is None or self.clause.parent is None:
                return []
            parent = _Roles(self.doc, self.clauses.clauses[self.clause.parent], self.actors, self.clauses)
            subj = parent.subject(exclude)
            asked = [r for r in parent.bare() if r.entity not in {s.entity for s in subj} | exclude]
            if not asked:
                asked = [r for r in parent.actors.in_span(parent.clause.tokens)
                         if parent._tok(r.first - 1).lemma in {"aan", "van"} and r.entity not in exclude]
            return asked[:1] if asked else subj
        if self.clause.kind == "rel":
            # "Rusland, dat Oekraïne aanviel": the relative pronoun stands for the actor before it
            ante = self.antecedent()
            if ante is not None and ante.entity not in exclude:
                return [ante]
            pronoun = self._tok(self.clause.first)
            if pronoun.deprel == "su" and pronoun.pos == "VNW":
                # "EVP'ers die hem bekritiseren": the pronoun is the subject and stands for
                # words that are no actor; "hem" after it is the object, not the subject.
                return []
        finite = finite_in(self.doc, toks)
        start = 0
        while start < len(toks) and (self._tok(toks[start]).pos in {"LET", "VG"}
                                     or self._tok(toks[start]).lemma in _FOCUS
                                     or (start == 0 and self.clause.kind in {"rel", "om"})):
            start += 1
        if start == len(toks):
            return []
        first = toks[start]
        if finite and first >= finite[0] and self.clause.kind in {"main", "coord"}:
            # nothing before the verb (the clause follows a subordinate one): subject after it
            return self._first_after(finite[0], exclude)
        if self._starts_np(first):
            ref = self._np_actor(first)
            if ref is None or ref.entity in exclude:
                return []
            return self._with_coordinated(ref, exclude)
        if finite and self.clause.kind in {"main", "coord"}:
            return self._first_after(finite[0], exclude)
        bare = [r for r in self.bare() if r.entity not in exclude]
        return self._with_coordinated(bare[0], exclude) if bare else []

    def antecedent(self) -> ActorRef | None:
        """The actor a relative clause hangs from: the mention just before its pronoun."""
        k = self.clause.first - 1
        if k >= 0 and self._tok(k).text == ",":
            k -= 1
        return self.actors.at(k) if k >= 0 else None

    def complement_subject(self, clauses: ClauseMap, verb: int) -> list[ActorRef]:
        """The subject of the "dat"-clause after the verb ("X eiste dat Y ...": Y)."""
        for child in clauses.children(self.clause.id):
            if child.opener == "dat" and child.kind == "sub" and child.first > verb:
                found = _Roles(self.doc, child, self.actors).subject(set())
                if found:
                    return found
        return []

    def _first_after(self, verb: int, exclude: set[str]) -> list[ActorRef]:
        for ref in self.bare():
            if ref.first > verb and ref.entity not in exclude:
                return self._with_coordinated(ref, exclude)
        return []

    def _starts_np(self, i: int) -> bool:
        t = self._tok(i)
        return (t.pos in {"LID", "SPEC", "N", "TW"} or (t.pos == "ADJ" and "prenom" in t.tag)
                or (t.pos == "VNW" and ("pers" in t.tag or "det" in t.tag or "bez" in t.tag))
                or self.actors.at(i) is not None)

    def _np_actor(self, i: int) -> ActorRef | None:
        """The first actor in the noun phrase that starts at token ``i`` (appositions included)."""
        k = i
        while k in self.members:
            ref = self.actors.at(k)
            if ref is not None:
                return ref
            t = self._tok(k)
            if t.pos in _NP_POS or (t.pos == "VNW" and ("det" in t.tag or "bez" in t.tag)) or (
                    t.lemma == "van" and k > i) or t.text in _QUOTES:
                k += 1
                continue
            return None
        return None

    def _with_coordinated(self, ref: ActorRef, exclude: set[str]) -> list[ActorRef]:
        out = [ref]
        k = ref.last + 1
        # "de Zuid-Sudanese president Salva Kiir en ...": a name right after its title is the same actor
        nxt = self.actors.at(k) if k in self.members else None
        if nxt is not None and nxt.entity != ref.entity and nxt.via == "mention":
            k = nxt.last + 1
        while k in self.members and self._tok(k).text.lower() in {"en", ","}:
            start = k + 1
            # "het leger en de RSF": a name's mention leaves its article out
            if start in self.members and self._tok(start).pos == "LID" and (start + 1) in self.members:
                start += 1
            nxt = self.actors.at(start) if start in self.members else None
            if nxt is None or nxt.entity in exclude:
                break
            out.append(nxt)
            k = nxt.last + 1
        return out

    def object(self, verb: int, exclude: set[str]) -> list[ActorRef]:
        """The direct object actor; failing that, the owner in "het voorstel van X" after the verb."""
        alike = {r.entity for r in self.alike()}
        exclude = exclude | alike  # "trokken zich terug, net als Polen": Polen did the same
        for i in self.clause.tokens:
            t = self._tok(i)
            if t.deprel == "obj1" and t.head == verb and t.lemma in _REFLEXIVE:
                return []  # "trok zich terug": the object is the subject itself
            if t.deprel == "obj1" and t.head is not None and self._tok(t.head).pos == "WW":
                ref = self.actors.at(i)
                if ref is not None and ref.entity not in exclude and not self.in_pp(ref):
                    return self._with_coordinated(ref, exclude)
        for ref in self.bare():
            if ref.entity not in exclude:
                return self._with_coordinated(ref, exclude)
        for i in self.clause.tokens:
            if i > verb and self._tok(i).lemma == "van" and self._tok(i - 1).pos == "N":
                owners = [r for r in self.after(i, limit=4) if r.entity not in exclude]
                if owners:
                    return owners[:1]
        return []

    def is_passive(self, verb: int, transitive: bool) -> bool:
        """Whether ``verb`` is a passive participle in this clause.

        "worden" + participle is passive. "zijn" + participle is passive only for a
        verb that takes an object ("is uitgenodigd"); for a verb of movement it is an
        active perfect ("is naar Moskou gereisd").
        """
        if not self._tok(verb).tag.startswith("WW(vd"):
            return False
        lemmas = {self._tok(i).lemma for i in self.clause.tokens if i != verb}
        return "worden" in lemmas or (transitive and "zijn" in lemmas)

    def alike(self) -> list[ActorRef]:
        """Actors the clause says did the same ("..., net als Oostenrijk en Polen", "evenals X")."""
        toks = self.clause.tokens
        for n, i in enumerate(toks):
            low = self._tok(i).text.lower()
            if low == "evenals" or (low == "als" and n > 0 and self._tok(toks[n - 1]).text.lower() == "net"):
                return self.after(i)
        return []

    def door_agent(self) -> list[ActorRef]:
        """The actor after "door" in the clause (the agent of a passive), if any: first a
        "door" the parse hangs from a verb, so "het bombarderen van Kiev door Rusland
        werd door Frankrijk veroordeeld" has France as the condemning agent."""
        doors = [i for i in self.clause.tokens if self._tok(i).lemma == "door"]
        on_verb = [i for i in doors if self._tok(i).head is not None
                   and self._tok(self._tok(i).head).pos == "WW"
                   and not self._tok(self._tok(i).head).tag.startswith("WW(inf,nom")]
        for i in on_verb + [i for i in doors if i not in on_verb]:
            agent = self.after(i)
            if agent:
                return agent
        return []

    def prep_slot(self, prep: str, start: int, stop: int | None = None) -> list[ActorRef]:
        """Actors after the first ``prep`` at or after token ``start`` (and before ``stop``)."""
        for i in self.clause.tokens:
            if i < start or (stop is not None and i >= stop):
                continue
            if self._tok(i).lemma == prep:
                found = self.after(i)
                if found:
                    return found
        return []

    def noun_phrase_end(self, noun: int) -> int:
        """Token index just past the noun's phrase (its chain of prepositional phrases)."""
        k = noun + 1
        while k in self.members:
            t = self._tok(k)
            if t.pos in _NP_POS or t.pos == "VZ" and not is_particle(t) or (
                    t.pos == "VNW" and ("det" in t.tag or "bez" in t.tag)) or t.text.lower() in {"en", ","} \
                    or t.text in _QUOTES or self.actors.at(k) is not None:
                if t.text == "," and (k + 1 not in self.members or self.actors.at(k + 1) is None):
                    break
                k += 1
                continue
            break
        return k


@dataclass
class _Draft:
    """An event before ids are given and duplicates merged."""

    type: str
    mode: str | None
    source: str | None
    target: str | None
    location: str | None
    time: Time | None
    modality: str
    trigger: int
    sentence: int
    confidence: float


def _slot_actors(slot: Slot, roles: _Roles, clauses: ClauseMap, verb: int) -> list[ActorRef]:
    """Actors for a verb pattern's slot: after its preposition, or the "dat"-clause's subject."""
    if slot.prep == "dat":
        return roles.complement_subject(clauses, verb)
    return roles.prep_slot(slot.prep, roles.clause.first) if slot.prep else []


def _fill_roles(m: Match, roles: _Roles, clauses: ClauseMap) -> tuple[list[ActorRef], list[ActorRef], bool]:
    """(sources, targets, whether the source came from the parse) for a matched pattern."""
    p = m.pattern
    sources: list[ActorRef] = []
    targets: list[ActorRef] = []
    parsed_subject = False
    if m.noun and not p.needs:
        # "de ontmoeting met X": the roles stand in the noun's own phrase
        end = roles.noun_phrase_end(m.token)
        for slot in p.slots:
            found = roles.prep_slot(slot.prep, m.token + 1, end) if slot.prep else []
            _assign(slot, found, sources, targets)
    elif m.noun:
        # a noun with its verb ("in gesprek gaan met X", "legt X sancties op"): the clause
        for slot in p.slots:
            found = roles.prep_slot(slot.prep, roles.clause.first) if slot.prep else []
            _assign(slot, found, sources, targets)
        if not targets and any(s.prep is None for s in p.slots):
            subj = roles.subject(set())
            targets = roles.object(m.token, {r.entity for r in subj})
            sources = sources or subj
    elif roles._tok(m.token).tag.startswith("WW(inf,nom"):
        # "beschuldigt Iran van het steunen van terreurgroepen": a verb used as a noun has
        # its actors in its own phrase, not the clause's subject and object
        end = roles.noun_phrase_end(m.token)
        for slot in p.slots:
            found = roles.prep_slot(slot.prep, m.token + 1, end) if slot.prep else []
            _assign(slot, found, sources, targets)
        return sources, targets, False
    else:
        transitive = any(s.prep is None for s in p.slots)
        passive = roles.is_passive(m.token, transitive)
        for slot in p.slots:
            if slot.prep is None:
                continue
            _assign(slot, _slot_actors(slot, roles, clauses, m.token), sources, targets)
        taken = {r.entity for r in sources + targets}
        if passive:
            # the subject underwent it; who did it is the door-agent, when the text says
            sources = sources or roles.door_agent()
            if transitive:
                targets = targets or roles.subject({r.entity for r in sources} | taken)
            return sources, targets, False
        if transitive:
            subj = roles.subject(taken)
            obj = roles.object(m.token, taken | {r.entity for r in subj})
            targets = targets or obj
            sources = sources or subj
            parsed_subject = bool(subj)
    if not sources and not p.has_source_slot:
        taken = {r.entity for r in targets}
        # the noun's own phrase may hold its actor ("het bezoek van X"); else the clause's subject
        sources = roles.subject(taken)
        parsed_subject = bool(sources) and not m.noun
    return sources, targets, parsed_subject


def _choose(options: tuple[Match, ...], roles: _Roles, clauses: ClauseMap,
            adjust_sources: Callable[[Match, list[ActorRef], list[ActorRef]], list[ActorRef]] | None = None,
            ) -> tuple[Match, list[ActorRef], list[ActorRef], bool] | None:
    """The first pattern whose actors are all there; failing that, the first verb pattern
    of a clear type with one side known (the source alone, or a passive's target alone).

    ``adjust_sources`` lets an event noun take its source from its own phrase (or the
    state of its adjective) rather than the clause's subject.
    """
    filled = []
    for m in options:
        sources, targets, parsed = _fill_roles(m, roles, clauses)
        if adjust_sources is not None:
            sources = adjust_sources(m, sources, targets)
        filled.append((m, sources, targets, parsed))
        p = m.pattern
        if p.slots and not targets and (not (p.type in MUTUAL and len(sources) > 1)
                                        or any(s.required for s in p.slots)):
            # the pattern's recipient is not there: try the next pattern. Coordinated
            # sources do not stand in for a required one ("wordt gesteund door Egypte en
            # Rusland" is no cooperation of Egypt with Russia: "steunen op:T!" needs its "op")
            continue
        if not sources and not targets:
            continue
        if not sources and p.type not in SOURCE_OPTIONAL and not (
                _passive(m, roles) and roles.actors.has_actor.get(targets[0].entity)):
            continue  # "Iran werd opgeroepen ...": the one who underwent it, when known
        if p.type in NEEDS_TARGET and not targets and len(sources) < 2:
            continue
        return m, sources, targets, parsed
    for m, sources, targets, parsed in filled:
        if m.noun or m.pattern.type not in TARGET_OPTIONAL or targets or not sources:
            continue
        if roles.clause.kind == "om":
            continue  # "om de blokkade op te heffen": an aim or a request, one actor is too little
        if m.pattern.type == "SUPPORT" and any(c.opener == "dat" and c.first > m.token
                                               for c in clauses.children(roles.clause.id)):
            continue  # "erkende dat er fouten zijn gemaakt" admits a fact, it endorses no one
        tag = roles._tok(m.token).tag
        if tag.startswith("WW(inf,nom") or (tag.startswith(("WW(vd,prenom", "WW(od,prenom")) and not is_finite(
                roles._tok(m.token), roles._tok(m.token + 1) if m.token + 1 < len(roles.doc.tokens) else None)):
            continue  # "na lang aandringen", "een verboden referendum": a verb used as a noun or adjective
        if not m.pattern.may_stand_alone or not roles.actors.has_actor.get(sources[0].entity):
            continue  # a lone actor must be a known one (a country or its office holders)
        return m, sources, targets, parsed
    return None


def _light_verb_tokens(doc: ParsedDoc, clauses: ClauseMap, found: list[tuple[Match, ...]]) -> dict[int, set[int]]:
    """Verbs that carry an event noun of the light-verb lexicon ("bood Oekraïne steun aan"),
    each with the nouns it carries: a noun and its verb are one event, not two."""
    carriers: dict[int, set[int]] = {}
    for options in found:
        if not options[0].noun:
            continue
        clause = clauses.clause_of(options[0].token)
        needed = {w.lemma for m in options for w in m.pattern.needs} | {
            w.joined for m in options for w in m.pattern.needs}
        if not needed:
            continue
        for i in clause.tokens:
            if doc.tokens[i].pos == "WW" and doc.tokens[i].lemma.lower() in needed:
                carriers.setdefault(i, set()).add(options[0].token)
    return carriers


def _passive(m: Match, roles: _Roles) -> bool:
    return not m.noun and roles.is_passive(m.token, True)


def _assign(slot: Slot, found: list[ActorRef], sources: list[ActorRef], targets: list[ActorRef]) -> None:
    if not found:
        return
    if slot.role == "target" and not targets:
        targets.extend(found)
    elif slot.role == "source" and not sources:
        sources.extend(found)
    elif slot.role == "pair" and not sources and not targets:
        sources.append(found[0])
        targets.extend(found[1:])


def _clause_times(times: Sequence[Time], doc: ParsedDoc, tokens: Iterable[int]) -> list[Time]:
    span = [doc.tokens[i] for i in tokens]
    if not span:
        return []
    members = {(t.start, t.end) for t in span}
    starts = {t.start for t in span}
    out = []
    for tm in times:
        if tm.type not in ("DATE", "TIME"):
            continue
        if tm.start in starts or any(s <= tm.start < e for s, e in members):
            out.append(tm)
    return out


def _nearest(times: list[Time], pos: int) -> Time | None:
    return min(times, key=lambda t: abs(t.start - pos)) if times else None


def _location(roles: _Roles, scope: Sequence[int], used: set[str]) -> str | None:
    for i in scope:
        if roles._tok(i).lemma in _LOCATIVE and not is_particle(roles._tok(i)):
            for ref in roles.after(i, limit=6):
                if ref.entity not in used and roles.actors.types.get(ref.entity) in PLACE_TYPES:
                    return ref.entity
    return None


def _date_of(time: Time | None) -> str | None:
    if time is None or not time.value or not time.value[:1].isdigit():
        return None
    return time.value


def _confidence(sources: list[ActorRef], targets: list[ActorRef], parsed: bool, actors: _Actors,
                pattern: EventPattern) -> float:
    score = 0.35
    if sources:
        score += 0.2
    if targets:
        score += 0.2
    if parsed:
        score += 0.1
    refs = sources[:1] + targets[:1]
    if refs and all(actors.has_actor.get(r.entity) for r in refs):
        score += 0.1
    if any(r.via == "pronoun" for r in refs):
        score -= 0.1
    if pattern.slots and not targets:
        score -= 0.1
    return round(max(0.05, min(0.95, score)), 2)


def _merge_duplicates(drafts: list[_Draft]) -> list[_Draft]:
    """One event per (type, actors, date): repeated reports of one event become one."""
    kept: list[_Draft] = []
    for d in drafts:
        twin = next((k for k in kept if _same_event(k, d)), None)
        if twin is None:
            kept.append(d)
            continue
        if twin.time is None and d.time is not None:
            twin.time = d.time
        if twin.location is None:
            twin.location = d.location
        twin.confidence = max(twin.confidence, d.confidence)
    return kept


def _same_event(a: _Draft, b: _Draft) -> bool:
    if a.type != b.type:
        return False
    pair_a, pair_b = (a.source, a.target), (b.source, b.target)
    same = pair_a == pair_b or (a.type in MUTUAL and pair_a == pair_b[::-1])
    if not same:
        return False
    da, db = _date_of(a.time), _date_of(b.time)
    return da is None or db is None or da == db


def reporter(attributions: Sequence[Attribution], trigger: Span, source: str | None) -> str | None:
    """The entity that explicitly reports an event ("meldt CNN", "volgens Reuters", "aldus X").

    The narrowest attribution around the trigger wins. A plain speech verb ("Lavrov zei
    dat hij ...") counts only when the speaker is not the event's own source: someone
    announcing their own plans is the actor, not a source reporting on it.
    """
    around = [a for a in attributions if a.source is not None and a.covers(trigger.start, trigger.end)
              and (a.kind != "speech" or a.source != source)]
    if not around:
        return None
    return min(around, key=lambda a: a.end - a.start).source


def extract_events(doc: ParsedDoc, entities: Sequence[Entity], times: Sequence[Time], dct: str,
                   lexicon: PatternLexicon | None = None,
                   attributions: Sequence[Attribution] = (),
                   model: EventModel | None = None, political_only: bool = True,
                   learned_sides: str = "both") -> tuple[Event, ...]:
    """The events of a parsed document, given its entities, time expressions and attributions.

    ``political_only``: keep only events with a political actor on one side
    (:func:`political_entities`). ``learned_sides``: "both" keeps only the learned
    layer's events with a source and a target, "one" those with one side too.

    ``model``: the learned layer (:mod:`event_model`) that adds, per sentence, the types
    the rules did not code; None for the rules alone.
    """
    lexicon = lexicon or event_lexicon()  # verbs, event nouns and light verbs
    cues = default_cues()
    clauses = clause_map(doc)
    actors = _Actors(doc, entities, attributions)
    drafts: list[_Draft] = []
    used_tokens: set[int] = set()
    found = find_triggers(doc, clauses, lexicon)
    trigger_clauses = [clauses.clause_of(o[0].token).id for o in found]
    light_verbs = _light_verb_tokens(doc, clauses, found)
    for options in found:
        token = options[0].token
        if token in used_tokens:
            continue
        if actors.owner[token] is not None and not options[0].noun:
            continue  # "de Verenigde Staten", "de Verenigde Naties": a verb form inside a name
        refusal_of_event = cues.has("refusal", doc.tokens[token].lemma) and trigger_clauses.count(
            clauses.clause_of(token).id) > 1
        if refusal_of_event and doc.tokens[token].lemma.casefold() != "weigeren":
            continue  # "zegt de top af": the cancellation is the negated meeting's modality
        clause = clauses.clause_of(token)
        roles = _Roles(doc, clause, actors, clauses)
        adjective = adjective_actor(doc, token, entities) if options[0].noun else None

        def nominal_sources(m: Match, sources: list[ActorRef], targets: list[ActorRef],
                            token: int = token, clause: Clause = clause, roles: _Roles = roles,
                            adjective=adjective) -> list[ActorRef]:
            if m.noun and not m.pattern.needs and not any(
                    phrase_start(doc, token) <= r.first < roles.noun_phrase_end(token) for r in sources):
                # no source in the noun's own phrase: the state of its adjective ("Amerikaanse sancties");
                # else not the subject of a clause that only reacts to it ("veroordeelde de aanval op Kiev")
                if adjective and adjective[0] not in {r.entity for r in targets}:
                    return [ActorRef(adjective[0], adjective[1], adjective[1], via="adjective")]
                if is_topic(doc, clause, token):
                    return []
            return sources

        chosen = _choose(options, roles, clauses, nominal_sources)
        if chosen is None:
            continue
        m, sources, targets, parsed = chosen
        te_infinitive = token > 0 and doc.tokens[token - 1].lemma == "te"
        if m.pattern.mode == "strike" and not m.noun and any(
                t.deprel == "obj1" and actors.owner[t.i] is None
                and (t.head == token or (te_infinitive and t.pos == "N"))
                for t in doc.tokens[clause.first:token]):
            continue  # "besloot het overleg te staken": stopping something is no strike
        if sources and not targets and not m.noun and m.pattern.type in _ADJECTIVE_TARGET:
            targets = _object_adjective_target(doc, token, entities, {r.entity for r in sources})
        if sources and not targets and not m.noun and m.pattern.type == "REJECT":
            targets = _complement_target(doc, roles, clauses, clause, token, {r.entity for r in sources})
        if sources and not m.noun:
            taken = {r.entity for r in sources + targets}
            sources = sources + [r for r in roles.alike() if r.entity not in taken]
        used_tokens.add(token)
        p = m.pattern
        lemmas = {doc.tokens[i].lemma for i in clause.tokens}
        # "X en Y" together: with each other, unless the pattern's partner slot names a thing
        # ("Hongarije en Polen stemden in met de begroting": not with each other)
        mutual = "elkaar" in lemmas or (p.type in MUTUAL and not any(
            sl.prep and sl.prep in lemmas for sl in p.slots))
        if not targets and mutual and len(sources) > 1:
            # "Trump en Kim ontmoeten elkaar", "het leger en de RSF bestrijden elkaar"
            sources, targets = sources[:1], sources[1:]
        if m.noun and not p.needs:
            end = roles.noun_phrase_end(token)
            scope = list(range(token, end))
            schedules = any(cues.has("scheduling", v) for v in _clause_verbs(doc, clause)) and (
                doc.tokens[token].deprel == "su" or token < min(finite_in(doc, clause.tokens), default=token))
            time_scope = clause.tokens if schedules else scope
        else:
            scope = list(clause.tokens)
            time_scope = clause.tokens
        time = _nearest(_clause_times(times, doc, time_scope), doc.tokens[token].start)
        modality = classify(doc, clause, clauses, time, dct, p.mode, cues,
                            own_condition_only=p.type == "THREATEN")
        typ, mode = p.type, p.mode
        negation = any(doc.tokens[i].lemma in _NEGATIONS for i in clause.tokens)
        if typ == "REJECT" and modality == "negated" and not negation:
            modality = "asserted"  # "weigert", "wijst af": a refusal itself is asserted (GUIDELINES)
        if doc.tokens[token].lemma == "willen" and modality == "planned":
            modality = "asserted"  # "X wil dat Y ...": the demand is made now
        if modality == "negated" and typ in REFUSED_AS_REJECT and not m.noun:
            # "stemde niet in met", "kan het plan niet steunen": a refusal, asserted (GUIDELINES)
            typ, mode, modality = "REJECT", None, "asserted"
            if clause.opener and cues.has("condition", clause.opener):
                modality = "hypothetical"  # "als Marokko het akkoord niet steunt": no refusal yet
        used = {r.entity for r in sources + targets}
        location = _location(roles, scope, used)
        if location is None and p.mode == "visit" and targets and actors.types.get(targets[0].entity) in PLACE_TYPES:
            location = targets[0].entity
        if not targets and location is not None and typ in PLACE_TARGETS and not m.noun:
            # "Boko Haram viel een school aan in Dapchi": the place is what was struck
            targets = [ActorRef(location, token, token, via="place")]
        conf = _confidence(sources, targets, parsed, actors, p)
        for s in sources or [None]:
            for t in targets or [None]:
                if s is not None and t is not None and s.entity == t.entity:
                    continue
                drafts.append(_Draft(typ, mode, s.entity if s else None, t.entity if t else None,
                                     location, time, modality, token, doc.tokens[token].sent, conf))
    # A light verb with its event noun is one event: the noun's, when the noun gave one.
    noun_events = {d.trigger for d in drafts}
    drafts = [d for d in drafts if not light_verbs.get(d.trigger, set()) & noun_events]
    if model is not None:
        drafts += _learned_drafts(model, doc, clauses, actors, entities, found, drafts, times, dct, cues,
                                  attributions, both_sides=learned_sides == "both")
    drafts = _merge_duplicates(drafts)
    by_id = {e.id: e for e in entities}
    drafts = [d for d in drafts if not _domestic_trip(d, by_id)]
    if political_only:
        political = political_entities(entities)
        drafts = [d for d in drafts if d.source in political or d.target in political
                  or (d.source is None and d.type in STATE_ACTIONS)]
    events = []
    for n, d in enumerate(sorted(drafts, key=lambda d: d.trigger), 1):
        tok = doc.tokens[d.trigger]
        sent = doc.sentences[d.sentence]
        trigger = Span(tok.start, tok.end, tok.text)
        events.append(Event(
            id=f"v{n}", type=d.type, mode=d.mode, source=d.source, target=d.target,
            location=d.location, time=d.time.id if d.time else None, date=_date_of(d.time),
            modality=d.modality, reported_by=reporter(attributions, trigger, d.source), trigger=trigger,
            sentence=SentenceRef(sent.start, sent.end), confidence=d.confidence))
    return tuple(events)


# Sectors of actors that act for a state or against one, or between states.
POLITICAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "SPY", "IGO"})
# Organised civil society that acts politically: unions, protest and interest groups.
ORGANISED_SECTORS = frozenset({"LAB", "CVL"})
# What the state does to people: with its source unnamed ("werd veroordeeld", "werd
# gearresteerd"), the source is a court, the police or a government.
STATE_ACTIONS = frozenset({"SANCTION", "COERCE"})


def _a_topic(doc: ParsedDoc, first: int) -> bool:
    """Whether the phrase opening at token ``first`` follows "over": a topic, no party."""
    k = first - 1
    while k >= 0 and doc.tokens[k].sent == doc.tokens[first].sent and doc.tokens[k].pos in ("LID", "ADJ", "VNW"):
        k -= 1
    return k >= 0 and doc.tokens[k].sent == doc.tokens[first].sent and doc.tokens[k].lemma == "over"


def _domestic_trip(d: _Draft, by_id: dict[str, Entity]) -> bool:
    """A visit to a town or region of the traveller's own country, or of no known
    country ("voordat ze afreizen naar Brabant"): travel, not a meeting of two actors."""
    target = by_id.get(d.target) if d.target else None
    if d.mode != "visit" or target is None or target.type not in PLACE_TYPES or target.actor is None:
        return False  # (no actor at all: the actor step has not run, nothing to judge by)
    place = target.actor.country
    source = by_id.get(d.source) if d.source else None
    home = source.actor.country if source is not None and source.actor else None
    return place is None or (home is not None and home == place)


def political_entities(entities: Sequence[Entity]) -> set[str]:
    """Ids of the entities that make an event political: states, government bodies and
    office holders, armed groups, opposition, courts, international organisations,
    unions and interest groups, and whatever the knowledge base knows by name.

    Events need one of them on a side (``political_only``): on general news, events
    between private people, firms and towns were mostly misreadings (docs/EVALUATION.md,
    the DPG sample), while on the political gold files this cost under one point of F1.
    """
    out = set()
    for e in entities:
        a = e.actor
        if a is None:
            continue
        if a.sector in POLITICAL_SECTORS or is_international(a.sector, a.code) or a.kb_id is not None \
                or (e.type == "ORG" and a.sector in ORGANISED_SECTORS):
            out.add(e.id)
    return out


def trigger_hits(found: Iterable[tuple[Match, ...]]) -> list[Hit]:
    """The lexicon triggers as the learned layer reads them: each token's first pattern."""
    return [Hit(o[0].token, o[0].pattern.type, o[0].noun) for o in found]


def views_for_training(doc: ParsedDoc, entities: Sequence[Entity], rule_events: Sequence[Event],
                       attributions: Sequence[Attribution] = (),
                       lexicon: PatternLexicon | None = None) -> list[SentenceView]:
    """The sentence views the learned layer reads, given the events of the rules alone
    (``EventStep(learned=False)``): what ``scripts/train_event_model.py`` learns from."""
    lexicon = lexicon or event_lexicon()
    actors = _Actors(doc, entities, attributions)
    found = find_triggers(doc, clause_map(doc), lexicon)
    starts = [s.start for s in doc.sentences]
    rule_types: dict[int, set[str]] = {}
    for v in rule_events:
        rule_types.setdefault(bisect.bisect_right(starts, v.trigger.start) - 1, set()).add(v.type)
    return sentence_views(doc, _actor_owner(doc, actors, attributions), entities, trigger_hits(found), rule_types,
                          actors.pronoun)


def _actor_owner(doc: ParsedDoc, actors: _Actors, attributions: Sequence[Attribution]) -> list[str | None]:
    """The entity of each token as the learned layer reads it: without the sources that
    report ("meldt persbureau Reuters", "volgens Moskou"), who tell of an event but are
    none of its actors. Speakers ("X zei", "X veroordeelde") stay: a speech act is theirs."""
    reported = [a.source_span for a in attributions if a.kind != "speech" and a.source_span is not None]
    if not reported:
        return actors.owner
    return [None if any(s.start <= t.start and t.end <= s.end for s in reported) else owner
            for t, owner in zip(doc.tokens, actors.owner)]


def _modality_features(doc: ParsedDoc, clauses: ClauseMap, d: _Draft, dct: str) -> dict[str, float]:
    clause = clauses.clause_of(d.trigger)
    parent = clauses.clauses[clause.parent].tokens if clause.parent is not None else ()
    return modality_features(doc, clause.tokens, clause.opener, parent, d.trigger, d.modality,
                             d.time.value if d.time else None, dct)


def modality_rows(doc: ParsedDoc, times: Sequence[Time], dct: str, token: int) -> dict[str, float]:
    """The modality model's features for an event whose trigger is ``token``, with the
    rules' modality for it: what ``scripts/train_event_model.py`` learns from."""
    clauses = clause_map(doc)
    clause = clauses.clause_of(token)
    time = _nearest(_clause_times(times, doc, clause.tokens), doc.tokens[token].start)
    d = _Draft("", None, None, None, None, time, classify(doc, clause, clauses, time, dct), token,
               doc.tokens[token].sent, 0.0)
    return _modality_features(doc, clauses, d, dct)


def _learned_drafts(model: EventModel, doc: ParsedDoc, clauses: ClauseMap, actors: _Actors,
                    entities: Sequence[Entity], found: list[tuple[Match, ...]], drafts: list[_Draft],
                    times: Sequence[Time], dct: str, cues,
                    attributions: Sequence[Attribution] = (), both_sides: bool = True) -> list[_Draft]:
    """The events the learned layer adds where the rules coded no event of that type
    (``both_sides``: only those with a source and a target)."""
    rule_types: dict[int, set[str]] = {}
    for d in drafts:
        rule_types.setdefault(d.sentence, set()).add(d.type)
    hits = trigger_hits(found)
    out: list[_Draft] = []
    owner = _actor_owner(doc, actors, attributions)
    for si, view in enumerate(sentence_views(doc, owner, entities, hits, rule_types, actors.pronoun)):
        for prop in propose(model, view):
            if prop.target is not None and _a_topic(doc, prop.target.first):
                prop = replace(prop, target=None)  # "praatte over Syrië": what was talked about
            if both_sides and (prop.source is None or prop.target is None):
                continue  # one-sided guesses are mostly wrong (EventsConfig.learned_sides)
            token = _learned_trigger(doc, view, prop.type)
            clause = clauses.clause_of(token)
            time = _nearest(_clause_times(times, doc, clause.tokens), doc.tokens[token].start)
            modality = classify(doc, clause, clauses, time, dct, None, cues,
                                own_condition_only=prop.type == "THREATEN")
            if prop.type == "REJECT" and modality == "negated" and not any(
                    doc.tokens[i].lemma in _NEGATIONS for i in clause.tokens):
                modality = "asserted"  # a refusal itself is asserted (GUIDELINES)
            draft = _Draft(prop.type, None, prop.source.entity if prop.source else None,
                           prop.target.entity if prop.target else None, None, time, modality, token, si, 0.0)
            # the rules' modality of a pattern-less trigger is a weak guess; the model weighs it
            # with the words of the clause (the rules' own events keep the rules' modality)
            modality = model.modality_of(_modality_features(doc, clauses, draft, dct), modality)
            # below the rules' own confidences: a learned guess, its probability scaled
            confidence = round(max(0.05, min(0.6, 0.6 * prop.probability)), 2)
            out.append(_Draft(prop.type, None, prop.source.entity if prop.source else None,
                              prop.target.entity if prop.target else None, None, time, modality,
                              token, si, confidence))
    return out


def _learned_trigger(doc: ParsedDoc, view: SentenceView, typ: str) -> int:
    """The word that carries a learned event: a lexicon trigger of its type, else the main verb."""
    for h in view.hits:
        if h.type == typ:
            return h.token
    finite = [t.i for t in view.tokens if t.tag.startswith("WW(pv")]
    roots = [i for i in finite if doc.tokens[i].head is None or not view.inside(doc.tokens[i].head)]
    verb = (roots or finite or [next((t.i for t in view.tokens if t.pos != "LET"), view.first)])[0]
    return _content_verb(doc, view, verb)


# Verbs that carry tense, mood or aspect for another verb: the event is in that verb.
_AUXILIARIES = frozenset("hebben zijn worden zullen kunnen moeten mogen willen gaan blijven laten "
                         "komen lijken blijken dreigen beginnen proberen".split())


def _content_verb(doc: ParsedDoc, view: SentenceView, verb: int) -> int:
    """The verb an auxiliary chain ends in ("heeft ... willen vergroten" → vergroten):
    the word that says what happened, as the evidence of a learned event."""
    seen = {verb}
    while doc.tokens[verb].lemma.casefold() in _AUXILIARIES:
        nxt = [t.i for t in view.tokens if t.head == verb and t.deprel == "vc" and t.pos == "WW"
               and t.i not in seen]
        if not nxt:
            break
        verb = nxt[0]
        seen.add(verb)
    return verb


def _object_adjective_target(doc: ParsedDoc, verb: int, entities: Sequence[Entity],
                             taken: set[str]) -> list[ActorRef]:
    """The state a country adjective names in the verb's object: "veroordeelde de Russische
    invasie", "wees het Amerikaanse voorstel af" are aimed at Russia, at the United States."""
    country = {e.id: e.actor.country for e in entities if e.actor is not None}
    own = {country.get(t) for t in taken} - {None}
    for tok in doc.tokens:
        if tok.sent != doc.tokens[verb].sent or tok.head != verb or tok.pos != "N":
            continue
        # Frog may tag an object after the verb as a second subject ("wees het voorstel af")
        if tok.deprel != "obj1" and not (tok.deprel == "su" and tok.i > verb):
            continue
        found = adjective_actor(doc, tok.i, entities)
        if found and found[0] not in taken and country.get(found[0]) not in own:
            return [ActorRef(found[0], found[1], found[1], via="adjective")]
    return []


# Prepositions before a place where something happens, not an actor it happens to.
_WHERE_PREPOSITIONS = frozenset({"in", "op", "bij", "te", "uit", "naar", "vanuit"})


def _complement_target(doc: ParsedDoc, roles: _Roles, clauses: ClauseMap, clause: Clause, verb: int,
                       taken: set[str]) -> list[ActorRef]:
    """Whom a refusal is aimed at when its object is an infinitive ("weigert (om) met de
    Taliban te praten", "weigerde Zweden toe te laten"): the first actor of that
    infinitive phrase, up to its verb (GUIDELINES: a refusal is a REJECT of its own,
    beside the negated event)."""
    words = [i for i in clause.tokens if i > verb]
    for child in clauses.children(clause.id):
        if child.kind == "om" and child.tokens and child.tokens[0] > verb:
            words += child.tokens
    words.sort()
    te = next((n for n, i in enumerate(words) if doc.tokens[i].lemma == "te" and n + 1 < len(words)
               and doc.tokens[words[n + 1]].pos == "WW"), None)
    if te is None:
        return []
    for i in words[:te]:
        ref = roles.actors.at(i)
        if ref is None or ref.entity in taken or ref.via != "mention":
            continue
        if ref.first > 0 and doc.tokens[ref.first - 1].lemma.casefold() in _WHERE_PREPOSITIONS:
            continue  # "weigert de kwestie in Brussel te bespreken": where, not with whom
        return [ref]
    return []


def _clause_verbs(doc: ParsedDoc, clause: Clause) -> set[str]:
    from .modality import verb_lemmas

    return verb_lemmas(doc, clause)


class EventStep:
    """Pipeline step: parse, entities, times and source attributions → events."""

    name = "events"
    requires = ("parse", "entities", "times", "attributions")
    provides = ("events",)

    def __init__(self, lexicon: PatternLexicon | None = None, learned: bool = True,
                 model: EventModel | None = None, political_only: bool = True,
                 learned_sides: str = "both") -> None:
        self.lexicon = lexicon
        # the learned layer: the given model, else the one shipped with kroniek
        self.model = (model or default_model()) if learned else None
        self.political_only = political_only
        self.learned_sides = learned_sides
        # each variant has its own annotator id
        self.name = ("events" if learned else "events-rules") + ("" if political_only else "-all-actors") \
            + ("-learned-one-sided" if learned and learned_sides == "one" else "")

    def __call__(self, work) -> dict[str, tuple]:
        a = work.annotations
        events = extract_events(work.parsed, a.get("entities", ()), a.get("times", ()), work.article.date,
                                self.lexicon, a.get("attributions", ()), self.model, self.political_only,
                                self.learned_sides)
        return {"events": events}
