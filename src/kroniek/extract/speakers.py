"""Who a speaker phrase names: an entity of the document, found through its mentions.

A speaker phrase is what the text says: "Lavrov", "de Russische regering", "hij",
"de minister", "een woordvoerder van het ministerie". It resolves to an entity

1. when an entity mention lies inside it (people first, then organisations);
2. for a pronoun ("hij", "ze"), to the entity the nearest earlier sentence names
   first (the subject is usually named first), skipping what stands inside quotes;
3. for a role or organisation noun ("de minister", "het ministerie") that is not a
   mention itself, to the latest entity named next to that same noun before
   ("Sergej Lavrov, de Russische minister ..." makes "de minister" Lavrov);
4. for a name the entity step missed, to the entity with a mention of that name.

Whatever mentions exist are used: baseline NER mentions today, mentions added by
knowledge-base linking or coreference when those steps run before this one.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..model import Entity, ParsedDoc
from .phrases import Phrase, features, is_personal_pronoun
from .speech_lexicon import SpeechLexicon

# Entity types that can speak, best first: a phrase holding a person and an
# organisation ("minister Lavrov van Buitenlandse Zaken") names the person.
_TYPE_RANK = {"PER": 0, "ORG": 1, "GPE": 2, "LOC": 3, "MISC": 4}
_PERSON_TYPES = ("PER",)
_GROUP_TYPES = ("ORG", "GPE", "LOC", "MISC")
# How far (in tokens) a role noun may stand from a name it describes:
# "Sergej Lavrov, de Russische minister" and "de Noord-Koreaanse minister ... Ri Yong-ho".
ROLE_WINDOW = 8
# For organisation nouns the name must stand right next to it: "de regering van Frankrijk",
# "het kabinet-Rutte"; further away a name is usually another actor ("het kabinet wil KLM ...").
BODY_WINDOW = 2
# Speaker pronouns that name one person only.
_SINGULAR_PRONOUNS = frozenset({"hij", "hem"})
# How many sentences back a pronoun looks for its antecedent.
PRONOUN_REACH = 3
# How far back a person pronoun looks for a person when the sentences just before name
# none (a run of quotes stands between the pronoun and its speaker).
PRONOUN_FAR_REACH = 10


@dataclass(frozen=True)
class MentionRef:
    start: int
    end: int
    entity: str
    type: str


class Mentions:
    """The entities' mentions by position, for lookups by character range."""

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        refs = [MentionRef(m.start, m.end, e.id, e.type) for e in entities for m in e.mentions]
        refs.sort(key=lambda r: (r.start, r.end))
        self.refs = refs
        self.starts = [r.start for r in refs]
        self.longest = max((r.end - r.start for r in refs), default=0)
        self.types = {e.id: e.type for e in entities}
        self.texts = {e.id: {m.text.casefold() for m in e.mentions} | {e.name.casefold()} for e in entities}

    def overlapping(self, start: int, end: int) -> list[MentionRef]:
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return [r for r in self.refs[lo:hi] if r.end > start]

    def starting_in(self, start: int, end: int) -> list[MentionRef]:
        """The mentions that start within ``[start, end)``."""
        return self.refs[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]

    def before(self, char: int) -> list[MentionRef]:
        return self.refs[:bisect.bisect_left(self.starts, char)]

    def by_name(self, name: str) -> str | None:
        """The entity one of whose mentions ends with the word ``name`` (case-folded)."""
        name = name.casefold()
        found = [eid for eid, texts in self.texts.items()
                 if any(t == name or t.endswith(" " + name) for t in texts)]
        if len(found) > 1:
            # "Eichelsheim" ends a person's name and a title the tagger ran into a name
            # of its own: the person speaks.
            found = [eid for eid in found if self.types.get(eid) == "PER"]
        return found[0] if len(found) == 1 else None


class Ranges:
    """Sorted, non-overlapping character ranges, for "is this offset inside one?"."""

    def __init__(self, ranges: tuple[tuple[int, int], ...]) -> None:
        self.ranges = sorted(ranges)
        self.starts = [s for s, _ in self.ranges]

    def __contains__(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.ranges[k][1]


class SpeakerResolver:
    """Resolves speaker phrases of one document to entity ids."""

    def __init__(self, doc: ParsedDoc, entities: tuple[Entity, ...], lexicon: SpeechLexicon,
                 quoted: tuple[tuple[int, int], ...] = ()) -> None:
        self.doc = doc
        self.mentions = Mentions(entities)
        self.lex = lexicon
        # Character ranges of direct quotes: names inside them are not antecedents.
        self.quoted = Ranges(quoted)
        self.token_starts = [t.start for t in doc.tokens]
        # Per mention: the noun lemmas within a window around it (role nouns), by window.
        self._near: dict[tuple[int, int], frozenset[str]] = {}

    def entity_type(self, entity: str) -> str | None:
        return self.mentions.types.get(entity)

    # ----------------------------------------------------------------- scoring

    def trimmed(self, phrase: Phrase) -> Phrase:
        """The phrase without trailing words that cannot speak.

        Frog sometimes joins a time word to the name before it ("zei Zelensky maandag":
        one name "Zelensky maandag" whose head is "maandag"); the speaker is the name.
        """
        toks = self.doc.tokens
        last = phrase.last
        while last - 1 > phrase.first and (toks[last - 1].lemma.casefold() in self.lex.not_speakers
                                           or toks[last - 1].text.casefold() in self.lex.not_speakers):
            last -= 1
        if last == phrase.last:
            return phrase
        return Phrase(phrase.first, last, phrase.head if phrase.head < last else last - 1)

    def score(self, phrase: Phrase | None) -> int:
        """How clearly a phrase names someone who can speak (0: not at all)."""
        if phrase is None:
            return 0
        phrase = self.trimmed(phrase)
        toks = self.doc.tokens[phrase.first:phrase.last]
        start, end = toks[0].start, toks[-1].end
        head = self.doc.tokens[phrase.head]
        if head.lemma.casefold() in self.lex.not_speakers or head.text.casefold() in self.lex.not_speakers:
            return 0
        found = self.mentions.overlapping(start, end)
        if found:
            return 4 if any(r.type in ("PER", "ORG") for r in found) else 3
        if len(toks) == 1 and is_personal_pronoun(toks[0]):
            word = toks[0].text.casefold()
            return 3 if self.lex.pronoun(word) or word in self.lex.first_person else 0
        kinds = {self.lex.noun_kind(t.lemma) for t in toks if t.pos == "N"}
        if kinds & {"person", "group"}:
            return 2
        if "document" in kinds:
            return 1
        if any(self._name_word(phrase, t) for t in toks):
            return 1
        return 0

    def _name_word(self, phrase: Phrase, tok) -> bool:
        """Whether a word of a phrase is a name: tagged so, or a capitalised noun without
        an article before it. Frog tags names it does not know as common nouns
        ("Puigdemont zei ...": N), above all at the start of a sentence."""
        if not tok.text[:1].isupper() or tok.text.casefold() in self.lex.not_speakers:
            return False
        if tok.pos == "SPEC":
            return True
        return tok.pos == "N" and not any(self.doc.tokens[k].pos in ("LID", "VNW")
                                          for k in range(phrase.first, tok.i))

    # -------------------------------------------------------------- resolution

    def resolve(self, phrase: Phrase | None) -> str | None:
        """The entity id a speaker phrase names, or None."""
        if phrase is None:
            return None
        phrase = self.trimmed(phrase)
        toks = self.doc.tokens[phrase.first:phrase.last]
        start, end = toks[0].start, toks[-1].end
        found = self.mentions.overlapping(start, end)
        nouns = [(t.lemma.casefold(), self.lex.noun_kind(t.lemma)) for t in toks if t.pos == "N"]
        roles = {lemma for lemma, kind in nouns if kind == "person"}
        if found and roles and not any(r.type == "PER" for r in found):
            # "de president van de Verenigde Staten": a person named before by that role,
            # else the body the phrase names ("een woordvoerder van Shell": Shell).
            person = self._named_with_role(start, roles, _PERSON_TYPES)
            if person is not None:
                return person
        if found:
            # A name before a role noun of the same phrase ("de onderhandelaar en adviseur
            # Michailo Podoljak": the person named, not the role).
            best = min(found, key=lambda r: (_TYPE_RANK.get(r.type, 9), self._nominal(r), r.start))
            return best.entity
        if len(toks) == 1 and is_personal_pronoun(toks[0]):
            refs = self.lex.pronoun(toks[0].text)
            singular = toks[0].text.casefold() in _SINGULAR_PRONOUNS
            return self._antecedent(start, refs, singular) if refs else None
        if roles:
            return self._named_with_role(start, roles, _PERSON_TYPES)
        bodies = {lemma for lemma, kind in nouns if kind == "group"}
        if bodies:
            return self._named_with_role(start, bodies, _GROUP_TYPES)
        names = [t for t in toks if self._name_word(phrase, t)]
        if names:
            return self.mentions.by_name(names[-1].text)
        return None

    def _nominal(self, r: MentionRef) -> bool:
        """Whether a mention is a role or group noun, not a name: it ends in a lower-case word."""
        words = self.doc.text[r.start:r.end].split()
        return bool(words) and words[-1][:1].islower()

    def _antecedent(self, char: int, refs: frozenset[str], singular: bool = False) -> str | None:
        """The entity a pronoun at ``char`` refers to: named first in the nearest sentence before.

        In the pronoun's own sentence only a subject can be meant ("Rutte zei dat hij ...";
        not "In een gesprek met premier Trudeau heeft hij gemeld"), and "hij" is never a
        group named in the plural ("de strijders")."""
        # A place ("de Krim") is no antecedent of a speaking pronoun; a country can be.
        types = (_PERSON_TYPES if "person" in refs else ()) + \
            (tuple(t for t in _GROUP_TYPES if t != "LOC") if "group" in refs else ())
        doc = self.doc
        pronoun = doc.tokens[max(0, bisect.bisect_right(self.token_starts, char) - 1)]
        here = pronoun.sent
        # Without subjects in the parse of its sentence there is nothing to tell clauses by.
        parsed_here = any(t.deprel == "su" for t in doc.sentence_tokens(here))
        for s in range(here, max(-1, here - PRONOUN_REACH - 1), -1):
            sent = doc.sentences[s]
            in_sent = [r for r in self.mentions.starting_in(sent.start, min(sent.end, char))
                       if r.type in types and r.start not in self.quoted
                       and (s != here or not parsed_here or self._subject_of_another_verb(r, pronoun))
                       and not (singular and self._plural(r))]
            if in_sent:
                # A person before a group when the pronoun can mean both ("zij"), then the
                # sentence's subject ("Kort na de toespraak van Trump reageerde president
                # Rohani ... Hij zei"), then the one named first.
                return min(in_sent, key=lambda r: (types.index(r.type), not self._is_subject(r), r.start)).entity
        if "person" in refs:
            # "Gisteren zei hij al ..." after a run of quotes: the person named last before
            # them, however many sentences the quotes took.
            lo = doc.sentences[max(0, here - PRONOUN_FAR_REACH)].start
            earlier = [r for r in self.mentions.starting_in(lo, doc.sentences[max(0, here - PRONOUN_REACH)].start)
                       if r.type in _PERSON_TYPES and r.start not in self.quoted]
            if earlier:
                return max(earlier, key=lambda r: r.start).entity
        return None

    def _subject_of_another_verb(self, r: MentionRef, pronoun) -> bool:
        """Whether a mention is the subject of another verb than the pronoun's: "Rutte zei
        dat hij", not two subjects the parser hung on one verb."""
        return any(t.head != pronoun.head for t in self._subject_words(r))

    def _plural(self, r: MentionRef) -> bool:
        """Whether a mention ends in a plural noun ("de strijders")."""
        k = bisect.bisect_left(self.token_starts, r.end) - 1
        return k >= 0 and self.doc.tokens[k].pos == "N" and "mv" in features(self.doc.tokens[k])

    def _is_subject(self, r: MentionRef) -> bool:
        """Whether the parse makes a word of the mention a subject."""
        return any(True for _ in self._subject_words(r))

    def _subject_words(self, r: MentionRef):
        """The words of a mention the parse makes a subject."""
        k = bisect.bisect_left(self.token_starts, r.start)
        toks = self.doc.tokens
        while k < len(toks) and toks[k].start < r.end:
            if toks[k].deprel == "su":
                yield toks[k]
            k += 1

    def _named_with_role(self, char: int, lemmas: set[str], types: tuple[str, ...]) -> str | None:
        """The entity before ``char`` that the text named next to one of ``lemmas``.

        When several were ("Lavrov, de minister" and later "minister Ri"), the one the
        text has mentioned most so far wins, then the latest: news keeps calling its
        protagonist by role.
        """
        named: dict[str, int] = {}   # entity -> latest start of a mention next to the role
        counts: dict[str, int] = {}  # entity -> mentions before char
        window = ROLE_WINDOW if types == _PERSON_TYPES else BODY_WINDOW
        for n, r in enumerate(self.mentions.before(char)):
            if r.type not in types or r.start in self.quoted:
                continue
            counts[r.entity] = counts.get(r.entity, 0) + 1
            if self._nouns_near(n, r, window, char) & lemmas:
                named[r.entity] = r.start
        if not named:
            return None
        return max(named, key=lambda e: (counts[e], named[e]))

    def _nouns_near(self, n: int, r: MentionRef, window: int, char: int) -> frozenset[str]:
        """Noun lemmas within ``window`` tokens of mention ``n`` in its sentence, before ``char``."""
        key = (n, window)
        near = self._near.get(key)
        doc = self.doc
        if near is None:
            first_tok = bisect.bisect_left(self.token_starts, r.start)
            sent = doc.sentences[doc.tokens[first_tok].sent]
            lo = max(sent.first_token, first_tok - window)
            hi = min(sent.last_token, first_tok + window + 1)
            near = frozenset(doc.tokens[k].lemma.casefold() for k in range(lo, hi) if doc.tokens[k].pos == "N")
            self._near[key] = near
            if hi > 0 and doc.tokens[hi - 1].end > char:
                # The window reaches the phrase being resolved: count only what stands before it.
                self._near.pop(key)
                near = frozenset(doc.tokens[k].lemma.casefold() for k in range(lo, hi)
                                 if doc.tokens[k].pos == "N" and doc.tokens[k].end <= char)
        return near
