"""Speech cues: the places where a text says who says or reports something.

A cue is a speech verb, "volgens" or "aldus", with the phrase that names its source
and the stretch of text it reports. The constructions Dutch news uses:

``complement``  "Lavrov zei (na de ontmoeting) dat ...", "vroeg of ...", "riep op om ... te ..."
``inverted``    "..., zegt Lavrov." / "“...,” zei hij." / "“...,” zei hij, “...”"
``anaphoric``   "Dat meldt CNN." (what the sentence before says)
``colon``       "Lavrov zei: “...”", "Lavrov: “...”"
``according``   "Volgens de minister ...", "..., aldus Pompeo."
``bare``        a speech verb with a source and nothing it reports in the same sentence
                ("Lavrov reageerde verbaasd."), kept as context for a quote that follows

and two that only place a quote's speaker, without a speech verb:

``subject``     the person or organisation the clause around a quote is about
                ("Van Engelshoven wil dit 'anders regelen'")
``previous``    for a quote that opens a sentence, the person or organisation the
                sentence before it is about ("Stoltenberg was tevreden. “...”")

Quotes (:mod:`.quotes`) and source attribution (:mod:`.attribution`) are both read
off these cues, so the two never disagree about who said what.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..model import Entity, ParsedDoc
from .phrases import (Phrase, TokenIndex, clause_punct, finite_verb_for, is_finite, is_neuter_singular_noun,
                      is_punct, is_relative, is_subordinator, is_verb, noun_phrase_at, noun_phrase_ending_at,
                      sentence_bounds)
from .quote_marks import QUOTE_CHARS, QuotedSpan, find_quoted_spans, mark_positions
from .speakers import Ranges, SpeakerResolver
from .speech_lexicon import SpeechLexicon

CONSTRUCTIONS = ("complement", "inverted", "anaphoric", "colon", "according", "bare", "subject", "previous")
# How far after a speech verb its "dat"/"of"/"om" may stand ("zei na de ontmoeting met ... dat").
OPENER_REACH = 15
# Words opening a clause of its own after "aldus X," ("waarna deze werden aangehouden").
_CLAUSE_AFTER_SOURCE = frozenset({"waarna", "waarop", "waardoor", "waarmee"})
# Words that join two main clauses or two verbs of one subject.
_COORDINATORS = frozenset({"en", "maar", "want"})
# Words that may stand beside a subject in the first position: "Ook premier Rutte heeft
# laten weten ...", "Navalny zelf zei ...".
_BESIDE_SUBJECT = frozenset({"ook", "zelf", "zelfs", "eveneens", "nu", "toen"})
# Words of a noun phrase before "en" in a coordinated subject.
_COORDINATED_POS = frozenset({"LID", "ADJ", "N", "SPEC", "TW"})
# Adverbs that may stand between a finite verb and a subject after it ("zei ook Lavrov").
_SKIPPABLE = {"BW"}
# A quote "is" a stretch of text when it covers at least this share of its characters.
MOSTLY = 0.8
_FINAL = set(".!?…")


@dataclass(frozen=True)
class SpeechCue:
    """One place where the text names the source of what it says.

    ``cue`` is the token of the speech verb (or of "volgens"/"aldus"), ``lemma`` the
    lexicon entry it matched ("zeggen", "aankondigen", "volgens"). ``source`` is the
    phrase naming the speaker or reporter and ``score`` how clearly it does (see
    :meth:`SpeakerResolver.score`). ``content`` is the character range it reports
    (None for a bare cue); ``content_quote`` the index of the direct quote that is
    that content, if it is one. ``adjacent_quote`` is a quote closing right before an
    inverted cue ("“...,” zei hij") and ``next_quote`` one opening right after it
    ("zei hij, “...”"). Indices point into :attr:`SpeechAnalysis.spans`.
    """

    construction: str
    lemma: str
    cue: int
    source: Phrase | None
    score: int
    content: tuple[int, int] | None = None
    content_quote: int | None = None
    adjacent_quote: int | None = None
    next_quote: int | None = None


@dataclass(frozen=True)
class SpeechAnalysis:
    """The quoted spans and the speech cues of one document, with each cue's speaker.

    ``speakers[k]`` is the entity id that the source of ``cues[k]`` resolves to, or None.
    """

    spans: tuple[QuotedSpan, ...]
    cues: tuple[SpeechCue, ...]
    speakers: tuple[str | None, ...]


class CueFinder:
    """Finds the speech cues of one parsed document."""

    def __init__(self, doc: ParsedDoc, spans: tuple[QuotedSpan, ...], resolver: SpeakerResolver,
                 lexicon: SpeechLexicon) -> None:
        self.doc = doc
        self.text = doc.text
        self.toks = doc.tokens
        self.spans = spans
        self.resolver = resolver
        self.lex = lexicon
        self.index = TokenIndex(doc)
        self.opens = {s.open: k for k, s in enumerate(spans)}
        # By the last character of the closing mark (the one next to what follows), and by its first.
        self.closes = {s.close_end - 1: k for k, s in enumerate(spans)}
        self.close_starts = {s.close: k for k, s in enumerate(spans)}
        self.marks = mark_positions(spans)
        # The outermost quotes in order, for lookups by position (they never overlap).
        self.outer = [k for k, sp in enumerate(spans) if sp.depth == 0]
        self.outer_opens = [spans[k].open for k in self.outer]
        self.outer_ranges = Ranges(tuple((spans[k].open, spans[k].close_end) for k in self.outer))
        # Tokens where a clause naming a source begins after a comma (", meldt CNN",
        # ", aldus ..."): a reported clause before it ends at that comma. Set by find().
        self.post_cue_starts: set[int] = set()
        # Tokens the tagger did not call a finite verb that are one ("laat ... weten").
        self.forced_finite: set[int] = set()

    # ------------------------------------------------------------ characters

    def _prev_char(self, pos: int) -> tuple[int, str]:
        """The last non-space character before ``pos`` and where it is (-1, "" at the start)."""
        k = pos - 1
        while k >= 0 and self.text[k].isspace():
            k -= 1
        return (k, self.text[k]) if k >= 0 else (-1, "")

    def _next_char(self, pos: int) -> tuple[int, str]:
        k = pos
        while k < len(self.text) and self.text[k].isspace():
            k += 1
        return (k, self.text[k]) if k < len(self.text) else (len(self.text), "")

    def _quote_closing_before(self, pos: int) -> int | None:
        """The quote whose closing mark comes right before ``pos``, only commas and space between."""
        k = pos - 1
        while k >= 0 and (self.text[k].isspace() or self.text[k] == ","):
            k -= 1
        return self.closes.get(k)

    def _quote_opening_after(self, pos: int) -> int | None:
        k = pos
        while k < len(self.text) and k not in self.opens and (self.text[k].isspace() or self.text[k] in ",:"):
            k += 1
        return self.opens.get(k)

    def _trim(self, start: int, end: int) -> tuple[int, int] | None:
        """``[start, end)`` without space and punctuation at its edges, except quote marks
        that belong to a quote lying inside it."""
        text = self.text
        while start < end and (text[start].isspace() or (not text[start].isalnum()
                                                          and self.opens.get(start) is None)):
            if start in self.opens and self.spans[self.opens[start]].close < end:
                break
            start += 1
        while end > start and (text[end - 1].isspace() or not text[end - 1].isalnum()):
            k = self.closes.get(end - 1)
            if k is not None and self.spans[k].open >= start:
                break
            end -= 1
        return (start, end) if end > start else None

    def _mostly_quote(self, content: tuple[int, int]) -> int | None:
        """The direct quote that makes up ``content``, if one does."""
        start, end = content
        hi = bisect.bisect_left(self.outer_opens, end)
        for n in range(hi - 1, -1, -1):
            k = self.outer[n]
            s = self.spans[k]
            if s.close_end <= start:
                break  # quotes further back end before the content
            inner = max(0, min(end, s.close_end) - max(start, s.open))
            if inner >= MOSTLY * max(end - start, s.close_end - s.open):
                return k
        return None

    # ----------------------------------------------------------------- verbs

    def _clause_end(self, i: int) -> int:
        """The token after the last one of the clause that starts at or before ``i``."""
        _, last = sentence_bounds(self.doc, i)
        k = i + 1
        while k < last and not clause_punct(self.toks[k]) and not self._opener_token(k):
            k += 1
        return k

    def _opener_token(self, k: int) -> bool:
        t = self.toks[k]
        return t.lemma.casefold() in self.lex.clause_openers and (is_subordinator(t) or t.text.casefold() == "dat")

    def _finite(self, k: int) -> bool:
        return is_finite(self.toks[k]) or k in self.forced_finite

    def speech_verb(self, i: int) -> str | None:
        """The speech-verb entry token ``i`` is (a separable or two-word verb included), or None."""
        t = self.toks[i]
        form_of = None if is_verb(t) else self.lex.verb_form(t.text)
        if not is_verb(t) and form_of is None:
            return None
        lemma = form_of or t.lemma.casefold()
        end = self._clause_end(i)
        later = self.toks[i + 1:end]
        if form_of is not None:
            # A form the tagger mistook ("laat" as an adjective) counts only with the
            # rest of its speech verb after it ("laat ... weten").
            for phrase in self.lex.speech_phrases:
                if phrase[0] == lemma and all(any(p.lemma.casefold() == w for p in later) for w in phrase[1:]):
                    self.forced_finite.add(i)
                    return " ".join(phrase)
            if form_of in self.lex.speech_verbs:
                # an unambiguous form of a one-word speech verb ("twitterde" as an adjective)
                self.forced_finite.add(i)
                return form_of
            return None
        # "Dat blijkt uit ...", "Uit cijfers van het CBS blijkt dat ...": a source verb.
        lo, _ = self._clause_prefix(i)
        clause = self.toks[lo + 1:end]
        for verb, prep in self.lex.source_verbs:
            if lemma == verb and any(p.text.casefold() == prep and p.pos == "VZ" for p in clause):
                return f"{verb} {prep}"
        # A separable particle later in the clause makes another verb of it: "riep ... op"
        # is oproepen, not roepen; "kondigde ... aan" is aankondigen.
        for p in later:
            joined = p.text.casefold() + lemma
            if p.pos != "WW" and joined in self.lex.speech_verbs:
                return joined
        for phrase in self.lex.speech_phrases:
            if phrase[0] == lemma and all(any(p.lemma.casefold() == w for p in later) for w in phrase[1:]):
                return " ".join(phrase)
        if lemma in self.lex.speech_verbs:
            return lemma
        return None

    # --------------------------------------------------------------- subjects

    def _clause_prefix(self, f: int) -> tuple[int, int]:
        """``(boundary, f)``: the clause before finite verb ``f`` runs from boundary + 1."""
        first, _ = sentence_bounds(self.doc, f)
        k = f - 1
        while k >= first and not clause_punct(self.toks[k]) and self.toks[k].text not in QUOTE_CHARS:
            k -= 1
        return k, f

    def _subordinate_start(self, lo: int, f: int) -> int | None:
        """The last word opening a subordinate clause between ``lo`` and ``f``, if any."""
        for k in range(f - 1, lo - 1, -1):
            t = self.toks[k]
            if is_subordinator(t) or is_relative(t):
                return k
            if t.text.casefold() == "dat" and k < f - 1:
                # "zei dat Scholz ... had": a "dat" followed by more than the verb opens a
                # clause, whatever the tagger made of it ("Dat zegt X" keeps its pronoun).
                return k
        return None

    def _after(self, f: int) -> Phrase | None:
        _, last = sentence_bounds(self.doc, f)
        k = f + 1
        while k < last and self.toks[k].pos in _SKIPPABLE and self.toks[k].text.casefold() not in ("dat", "of"):
            k += 1
        return noun_phrase_at(self.doc, k, last) if k < last else None

    def subject(self, v: int) -> tuple[Phrase | None, bool]:
        """The subject of speech verb ``v`` and whether the clause is verb-first.

        Verb-first ("..., zei Lavrov", "Dat meldt CNN" counts too when the anaphor
        stands first): the subject follows the verb. Subordinate clause ("omdat Lavrov
        zei", "Lavrov, die zei"): the first phrase after the conjunction, or the phrase
        a relative pronoun points back to. Main clause: the phrase that fills the whole
        first position, else the phrase after the verb (verb second).
        """
        f = v if v in self.forced_finite else finite_verb_for(self.doc, v)
        boundary, _ = self._clause_prefix(f)
        lo = boundary + 1
        toks = self.toks
        first, _ = sentence_bounds(self.doc, f)
        sub = self._subordinate_start(lo, f)
        if sub is not None and sub < f - 1 and toks[f - 1].text.casefold() in _COORDINATORS \
                and any(is_finite(toks[j]) for j in range(sub + 1, f - 1)):
            # "bevestigt Madrid dat de brief is aangekomen en kondigt de regering aan ...":
            # the "dat"-clause ended at its own verb; "en" opens a new main clause.
            sub, lo = None, f - 1
        if sub is not None and sub < f:
            t = toks[sub]
            if is_relative(t) and not (t.text.casefold() == "dat" and not self._neuter_antecedent(sub)):
                j = sub - 1
                if j >= first and toks[j].text == ",":
                    j -= 1
                return (noun_phrase_ending_at(self.doc, j) if j >= first else None), False
            return noun_phrase_at(self.doc, sub + 1, f), False
        prefix = list(range(lo, f))
        if not prefix and boundary > first and toks[boundary].text == ")":
            # "Minister Wopke Hoekstra (Buitenlandse Zaken) zei ...": the subject stands
            # before the parenthesis.
            opening = next((k for k in range(boundary - 1, first - 1, -1) if toks[k].text == "("), None)
            if opening is not None and opening > first:
                inner_boundary, _ = self._clause_prefix(opening)
                head = noun_phrase_ending_at(self.doc, opening - 1, inner_boundary + 1)
                if head is not None and head.first == inner_boundary + 1 and self.resolver.score(head):
                    return head, False
        # Words that stand beside the subject in the first position: "Ook premier Rutte
        # heeft ...", "Navalny zelf zei ...".
        while len(prefix) > 1 and toks[prefix[0]].pos == "BW" and toks[prefix[0]].text.casefold() in _BESIDE_SUBJECT:
            lo = prefix.pop(0) + 1
        while len(prefix) > 1 and toks[prefix[-1]].text.casefold() in _BESIDE_SUBJECT:
            prefix.pop()
        f_np = prefix[-1] + 1 if prefix else f
        if prefix and toks[prefix[-1]].text.casefold() in _COORDINATORS:
            # "Japan bevestigt dit en stelt dat ...": the verbs share the first one's subject,
            # unless an actor follows the verb ("... en kondigt de regering aan dat ...").
            own = self._after(f)
            if own is not None and self.resolver.score(own) >= 2:
                return own, True
            earlier = next((k for k in range(prefix[-1] - 1, lo - 1, -1) if is_finite(toks[k])), None)
            if earlier is not None and earlier != v:
                source, _ = self.subject(earlier)
                if source is not None and source.last <= prefix[-1]:
                    return source, False
        if len(prefix) > 1:
            # "De reis is omstreden en China heeft laten weten dat ...": a new clause after
            # the coordinator has its own first position.
            k = max((k for k in prefix[:-1] if toks[k].text.casefold() in _COORDINATORS
                     and any(is_finite(toks[j]) for j in range(lo, k))), default=None)
            if k is not None:
                lo = k + 1
                prefix = list(range(lo, f_np))
        if not prefix or (len(prefix) == 1 and toks[prefix[0]].text.casefold() in self.lex.anaphoric_cues):
            if not prefix and boundary >= first and toks[boundary].text == "," and lo > first:
                # "Sergej Lavrov, de Russische minister, zei ..." or "Lavrov, die ..., zei":
                # the subject stands first in the sentence, before the first comma.
                head = self._sentence_initial_subject(first, boundary)
                if head is not None:
                    return head, False
            return self._after(f), True
        before = noun_phrase_ending_at(self.doc, f_np - 1, lo)
        if before is not None and before.first != lo:
            tail = before
            before = self._located_phrase(lo, f_np, tail) or self._coordinated_phrase(lo, tail)
            # only a phrase that fills the whole first position is the subject
        after = self._after(f)
        sb, sa = self.resolver.score(before), self.resolver.score(after)
        if sb == 0 and sa == 0:
            return None, False
        if before is not None and after is not None:
            # The parse decides when it tells one subject ("De NAVO waarschuwde Rusland").
            # Any word of the phrase may carry the mark: Frog hangs "Minister Sergej Lavrov"
            # on "Minister" (su) with the name as its apposition.
            before_su = any(toks[k].deprel == "su" for k in range(before.first, before.last))
            # the same for the phrase after the verb ("Vrijdagmorgen zei premier Charles
            # Michel": Frog marks both the day and "premier" su, and the head is "Michel")
            after_su = any(toks[k].deprel == "su" for k in range(after.first, after.last))
            if before_su != after_su and (sb if before_su else sa):
                # ... unless the mark is on a word that cannot speak ("zei dinsdag": su).
                return (before if before_su else after), False
            if sb >= 3:
                # Both or neither marked: a named actor filling the first position is
                # the subject, as Dutch word order has it ("Rusland waarschuwde de NAVO").
                return before, False
        return (before if sb >= sa else after), False

    def _neuter_antecedent(self, sub: int) -> bool:
        """Whether "dat" at ``sub`` is a relative pronoun: after a neuter noun ("het
        kabinet dat ..."), or after a comma behind a name ("Japan, dat beweert dat ...":
        countries and most places are neuter; without the comma "dat" after a name opens
        what was said, "vertelde Rutte dat ...")."""
        if sub <= 0:
            return False
        before = self.toks[sub - 1]
        if is_neuter_singular_noun(before):
            return True
        if before.text == "," and sub > 1:
            name = self.toks[sub - 2]
            return is_neuter_singular_noun(name) or (name.tag.startswith("SPEC") and name.text[:1].isupper())
        return False

    def _located_phrase(self, lo: int, f: int, tail: Phrase) -> Phrase | None:
        """"Diplomaten in Brussel", "de betogers uit Turkije": a phrase with a place after
        it that fills the first position, headed by its first part; else None."""
        first = noun_phrase_at(self.doc, lo, f, of_phrase=False)
        if first is None or first.last + 1 != tail.first \
                or self.toks[first.last].text.casefold() not in ("in", "uit", "bij"):
            return None
        return Phrase(lo, tail.last, first.head)

    def _coordinated_phrase(self, lo: int, tail: Phrase) -> Phrase | None:
        """"De VS en Zuid-Korea", "de onderhandelaar en adviseur Michailo Podoljak": two
        noun phrases joined by "en" that fill the first position; None otherwise."""
        k = tail.first - 1
        if k <= lo or self.toks[k].text.casefold() != "en":
            return None
        if not all(self.toks[j].pos in _COORDINATED_POS or (self.toks[j].pos == "VNW" and "det" in self.toks[j].tag)
                   for j in range(lo, k)):
            return None
        return Phrase(lo, tail.last, tail.head)

    def _sentence_initial_subject(self, first: int, boundary: int) -> Phrase | None:
        k = first
        phrase = noun_phrase_at(self.doc, k, boundary)
        if phrase is None or phrase.last >= boundary:
            return None
        # "Families van gijzelaars die ... worden vastgehouden, roepen ... op": a relative
        # clause may run from the phrase to the comma.
        if self.toks[phrase.last].text != "," and not (is_relative(self.toks[phrase.last]) and all(
                self.toks[j].text != "," for j in range(phrase.last, boundary))):
            return None
        return phrase if self.resolver.score(phrase) else None

    # --------------------------------------------------------------- content

    def _content_after_opener(self, k: int, split_second: str | None) -> tuple[int, int] | None:
        """What a clause opened at token ``k`` reports: up to the end of the sentence, a
        clause break (", maar"), a source clause (", meldt CNN") or the end of a quote
        that the speech verb itself stands in."""
        toks = self.toks
        _, last = sentence_bounds(self.doc, k)
        start_tok = k + 1
        if start_tok >= last:
            return None
        start = toks[start_tok].start
        end_tok = start_tok
        j = start_tok
        while j < last:
            t = toks[j]
            if t.text == ";":
                break
            if t.text == "," and t.start not in self.marks and j + 1 < last and (
                    toks[j + 1].text.casefold() in self.lex.clause_breaks
                                                    or j + 1 in self.post_cue_starts
                                                    or is_finite(toks[j + 1])):
                break  # ", maar ...", ", meldt CNN", "Nadat ..., volgde applaus"
            close = self.close_starts.get(t.start)
            if close is not None and self.spans[close].open < start:
                break
            end_tok = j
            j += 1
        body = toks[start_tok:end_tok + 1]
        if not any(is_verb(t) for t in body):
            return None
        if split_second is not None and not any(
                t.text.casefold() == split_second and n + 1 < len(body) and is_verb(body[n + 1])
                for n, t in enumerate(body)):
            return None
        return self._trim(start, toks[end_tok].end)

    def _complement(self, v: int, lemma: str) -> tuple[int, int] | None:
        """The clause a speech verb reports through "dat", "of" or "om ... te"."""
        toks = self.toks
        _, last = sentence_bounds(self.doc, v)
        for k in range(v + 1, min(last, v + 1 + OPENER_REACH)):
            t = toks[k]
            word = t.text.casefold()
            if t.text in (":", ";") or t.start in self.opens:
                return None
            if is_finite(t) and k != v:
                return self._te_infinitive(v, lemma)
            if word == "dat" and word in self.lex.clause_openers:
                if is_relative(t) and k > 0 and is_neuter_singular_noun(toks[k - 1]):
                    continue  # "het boek dat ...": a relative clause
                return self._content_after_opener(k, None)
            if word == "of" and word in self.lex.clause_openers and is_subordinator(t):
                return self._content_after_opener(k, None)
            for first, second in self.lex.split_openers:
                if word == first and lemma in self.lex.om_te_verbs:
                    return self._content_after_opener(k, second)
        return self._te_infinitive(v, lemma)

    def _te_infinitive(self, v: int, lemma: str) -> tuple[int, int] | None:
        """What a speech verb reports with a bare "te"-infinitive ("meldde later sowieso
        naar Marokko te zullen gaan"): from the first word of the infinitive's phrase in
        the parse, as far as a clause reported through an opener would run."""
        if lemma not in self.lex.te_verbs:
            return None
        toks = self.toks
        _, last = sentence_bounds(self.doc, v)
        te = None
        for k in range(v + 1, last):
            t = toks[k]
            if t.text in (":", ";", ",") or t.start in self.opens or (is_finite(t) and k != v) \
                    or t.text.casefold() == "om":
                return None
            if t.text.casefold() == "te" and t.pos == "VZ" and k + 1 < last and toks[k + 1].tag.startswith("WW(inf"):
                te = k
                break
        if te is None:
            return None
        # the words between the verb (or the last part of it: "liet ... weten") and "te"
        # belong to the infinitive's phrase ("sowieso naar Marokko te zullen gaan"); the
        # parse's attachments of them are too loose to tell them apart from adverbials
        start_tok = te
        for k in range(te - 1, v, -1):
            if toks[k].pos == "LET" or toks[k].tag.startswith(("WW(pv", "WW(inf")):
                break  # a participle stays ("ontkent betrokken te zijn")
            start_tok = k
        return self._content_after_opener(start_tok - 1, None)

    # ------------------------------------------------------------------ cues

    def find(self) -> tuple[SpeechCue, ...]:
        toks = self.toks
        verbs: list[tuple[int, str, bool]] = []
        for i in range(len(toks)):
            lemma = self.speech_verb(i)
            if lemma is not None:
                verbs.append((i, lemma, False))
            elif self._any_verb_after_quote(i):
                verbs.append((i, toks[i].lemma.casefold(), True))
        self.post_cue_starts = set()
        for i, _, _ in verbs:
            if self._verb_first_after_comma(i):
                self.post_cue_starts.add(self._lead(i))
        for i, t in enumerate(toks):
            if t.text.casefold() in self.lex.attribution_cues and i > 0 and toks[i - 1].text == ",":
                self.post_cue_starts.add(i)
        cues: list[SpeechCue] = []
        for i, lemma, generic in verbs:
            cue = self._verb_cue(i, lemma, generic)
            if cue is not None:
                cues.append(cue)
        for i, t in enumerate(toks):
            if t.text.casefold() in self.lex.attribution_cues:
                cue = self._according_cue(i, t.text.casefold())
                if cue is not None:
                    cues.append(cue)
        introduced = {c.next_quote for c in cues if c.next_quote is not None}
        for k, span in enumerate(self.spans):
            if span.depth == 0 and k not in introduced:
                cue = self._colon_cue(k)
                if cue is not None:
                    cues.append(cue)
        for k, span in enumerate(self.spans):
            if span.depth == 0:
                cues.extend(c for c in (self._subject_cue(k), self._previous_cue(k)) if c is not None)
        cues.sort(key=lambda c: c.cue)
        return tuple(cues)

    def _any_verb_after_quote(self, i: int) -> bool:
        """A lower-case finite verb right after a closing quote: “...”, somberde Junqueras.

        Writers vary the verb after a quote at will (somberen, oordelen, lachen); in that
        place any verb introduces the speaker, if a speaker follows it."""
        t = self.toks[i]
        if not (is_finite(t) and t.text[:1].islower() and t.lemma.casefold() not in self.lex.title_cues):
            return False
        q = self._quote_closing_before(t.start)
        if q is None:
            return False
        # The quote must end a clause: a comma after it, or its own final punctuation.
        span = self.spans[q]
        between = self.text[span.close_end:t.start]
        return "," in between or self.text[span.end - 1] in "!?.…,"

    def _generic_speaker(self, source: Phrase | None, adjacent: int | None) -> bool:
        """After a quote, any verb introduces a speaker, if a person or body follows it."""
        if source is None or adjacent is None:
            return False
        toks = self.toks[source.first:source.last]
        if self.resolver.mentions.overlapping(toks[0].start, toks[-1].end):
            return self._person_or_body(source)
        return self.resolver.score(source) >= 2

    def _person_or_body(self, phrase: Phrase | None) -> bool:
        """Whether a phrase resolves to a person or an organisation of the document."""
        entity = self.resolver.resolve(phrase)
        return entity is not None and self.resolver.entity_type(entity) in ("PER", "ORG")

    def _subject_cue(self, k: int) -> SpeechCue | None:
        """The subject of the clause a quote stands in: Van Engelshoven wil dit 'anders regelen'."""
        span = self.spans[k]
        i = self.index.last_before(span.open + 1)
        if i < 0:
            return None
        first, _ = sentence_bounds(self.doc, i)
        finite = [j for j in range(first, i + 1) if self._finite(j) and self.toks[j].end <= span.open]
        if not finite:
            return None
        source, _ = self.subject(finite[-1])
        if not self._person_or_body(source):
            return None
        return SpeechCue("subject", self.toks[finite[-1]].lemma.casefold(), finite[-1], source,
                         self.resolver.score(source), None, None, None, k)

    def _previous_cue(self, k: int) -> SpeechCue | None:
        """For a quote that opens a sentence: the subject of the sentence before it,
        when that is a person or an organisation ("Stoltenberg was tevreden. “...”")."""
        span = self.spans[k]
        i = self.index.first_at_or_after(span.open)
        if i >= len(self.toks):
            return None
        s = self.toks[i].sent
        first, _ = sentence_bounds(self.doc, i)
        if s == 0 or any(not is_punct(t) for t in self.toks[first:i] if t.end <= span.open):
            return None
        prev = self.doc.sentences[s - 1]
        finite = [j for j in range(prev.first_token, prev.last_token) if self._finite(j)
                  and self.toks[j].start not in self.outer_ranges]
        if not finite:
            return None
        source, _ = self.subject(finite[0])
        if not self._person_or_body(source):
            return None
        return SpeechCue("previous", self.toks[finite[0]].lemma.casefold(), finite[0], source,
                         self.resolver.score(source), None, None, None, k)

    def _colon_cue(self, k: int) -> SpeechCue | None:
        """"Lavrov: “...”" and "Merkel was duidelijk: “...”": a clause without a speech
        verb that ends in a colon before a quote names its speaker as its subject."""
        pos, c = self._prev_char(self.spans[k].open)
        if c != ":":
            return None
        colon = self.index.last_before(pos + 1)
        if colon < 0 or self.toks[colon].text != ":":
            return None
        first, _ = sentence_bounds(self.doc, colon)
        lo = colon - 1
        while lo >= first and not clause_punct(self.toks[lo]):
            lo -= 1
        lo += 1
        if lo >= colon:
            return None
        finite = [j for j in range(lo, colon) if self._finite(j)]
        if finite:
            source, _ = self.subject(finite[0])
        else:
            source = noun_phrase_at(self.doc, lo, colon)
            if source is not None and source.last != colon:
                source = None
        score = self.resolver.score(source)
        if not score and not finite and all(t.text[:1].isupper() and t.text.replace("-", "").isalpha()
                                            for t in self.toks[lo:colon]):
            # "Hox: '...'": a name alone before the colon, whatever the tagger made of it.
            source, score = Phrase(lo, colon, colon - 1), 1
        if not score:
            return None
        return SpeechCue("colon", ":", colon, source, score, None, None, None, k)

    def _lead(self, v: int) -> int:
        """The first token of the verb's clause: the verb, or a "zo" just before it."""
        if v > 0 and self.toks[v - 1].text.casefold() in self.lex.anaphoric_cues \
                and self.toks[v - 1].text.casefold() == "zo":
            return v - 1
        return v

    def _verb_first_after_comma(self, v: int) -> bool:
        """A finite speech verb that opens its clause right after a comma or a closing quote."""
        if not self._finite(v):
            return False
        lead = self._lead(v)
        _, c = self._prev_char(self.toks[lead].start)
        k, _ = self._prev_char(self.toks[lead].start)
        return c == "," or k in self.closes

    def _main_clause_after_subordinate(self, v: int, lemma: str, first: int, lead: int) -> bool:
        """"Hoewel Rutte eerst zweeg, twitterde hij vrijdag dat ...": a main clause after a
        fronted subordinate clause, with its own reported clause; not a source clause."""
        if self._complement(v, lemma) is None:
            return False
        before = self.toks[first:lead]
        return bool(before) and (is_subordinator(before[0]) or not any(self._finite(first + n)
                                                                        for n in range(len(before))))

    def _sentence_goes_on(self, first: int, lead: int, k: int, last: int) -> bool:
        """After "..., zegt X," the sentence goes on with more of what X says (not with a
        relative clause about X): "Normaal gesproken, zegt X, zit ze drie maanden ..."."""
        toks = self.toks
        if is_relative(toks[k]) or toks[k].text.casefold() in ("die", "dat", "wie", "wat"):
            return False
        rest_finite = any(self._finite(n) for n in range(k, last))
        before_finite = any(self._finite(n) for n in range(first, lead))
        return rest_finite or not before_finite

    def _prep_source(self, v: int, prep: str) -> Phrase | None:
        """The phrase after the preposition of a source verb: "blijkt uit [cijfers van het CBS]"."""
        lo, _ = self._clause_prefix(v)
        end = self._clause_end(v)
        places = [k for k in range(lo + 1, end) if self.toks[k].text.casefold() == prep and self.toks[k].pos == "VZ"]
        places.sort(key=lambda k: (k < v, abs(k - v)))  # after the verb first, then the nearest
        for k in places:
            phrase = noun_phrase_at(self.doc, k + 1)
            if phrase is not None:
                return phrase
        return None

    def _verb_cue(self, v: int, lemma: str, generic: bool = False) -> SpeechCue | None:
        toks = self.toks
        first, last = sentence_bounds(self.doc, v)
        source, verb_first = self.subject(v)
        if self.lex.is_source_verb(lemma):
            source = self._prep_source(v, lemma.split()[1])
        if source is not None:
            source = self.resolver.trimmed(source)
        score = self.resolver.score(source)
        lead = self._lead(v)
        # ..., zegt Lavrov.  /  “...,” zei hij.  /  “...,” zei hij, “...”
        if (verb_first or self.lex.is_source_verb(lemma)) and self._verb_first_after_comma(v) \
                and not self._main_clause_after_subordinate(v, lemma, first, lead):
            adjacent = self._quote_closing_before(toks[lead].start)
            if score == 0 or (generic and not self._generic_speaker(source, adjacent)):
                return None
            start = toks[first].start
            if adjacent is not None:
                start = min(start, self.spans[adjacent].open)
            k, _ = self._prev_char(toks[lead].start)
            content = self._trim(start, k + 1)
            after = source.last if source else v + 1
            nxt = None
            j = after
            while j < last and j < after + 6 and toks[j].text not in (",", ".", ":"):
                j += 1
            if j < last and toks[j].text in (",", ":"):
                nxt = self._quote_opening_after(toks[j].end)
                if nxt is None and adjacent is None and toks[j].text == "," and j + 1 < last \
                        and self._sentence_goes_on(first, lead, j + 1, last):
                    # "Normaal gesproken, zegt de hoogleraar, zit ze ...": the source clause
                    # stands inside the sentence it reports, which is the whole sentence.
                    content = self._trim(toks[first].start, toks[last - 1].end)
            return SpeechCue("inverted", lemma, v, source, score, content,
                             self._mostly_quote(content) if content else None, adjacent, nxt)
        if generic:
            return None
        # Dat meldt CNN.  /  Dit zegt de minister.  /  Zo schrijft de krant.
        f = finite_verb_for(self.doc, v)
        if verb_first and f - 1 == first and toks[first].sent > 0 \
                and toks[first].text.casefold() in self.lex.anaphoric_cues:
            if score == 0:
                return None
            prev = self.doc.sentences[toks[first].sent - 1]
            content = self._trim(prev.start, prev.end)
            return SpeechCue("anaphoric", lemma, v, source, score, content,
                             self._mostly_quote(content) if content else None)
        content = self._complement(v, lemma)
        if content is not None:
            return SpeechCue("complement", lemma, v, source if score else None, score, content,
                             self._mostly_quote(content))
        # Lavrov zei: “...”  /  De minister was duidelijk: “...”
        for k in range(v + 1, last):
            if toks[k].text == ":":
                q = self._quote_opening_after(toks[k].end)
                if q is not None and score:
                    return SpeechCue("colon", lemma, v, source, score, None, None, None, q)
                break
            if is_finite(toks[k]) or clause_punct(toks[k]):
                break
        if score:
            return SpeechCue("bare", lemma, v, source, score)
        return None

    def _according_cue(self, i: int, word: str) -> SpeechCue | None:
        """"volgens X ..." and "..., aldus X": the source follows the cue word."""
        toks = self.toks
        first, last = sentence_bounds(self.doc, i)
        source = noun_phrase_at(self.doc, i + 1, last)
        score = self.resolver.score(source)
        if source is None or score == 0:
            return None
        after = source.last
        k_prev, c_prev = self._prev_char(toks[i].start)
        # “...”, aldus Blok, „...”: a second part of the quote follows the source.
        nxt = None
        if after < last and toks[after].text == ",":
            nxt = self._quote_opening_after(toks[after].end)
        after_clause = i > first and (c_prev == "," or k_prev in self.closes)
        if word == "aldus" or (after_clause and self._ends_sentence(after, last)):
            # "..., aldus Pompeo." / "“...”, aldus Pompeo." / "..., volgens de minister."
            if not after_clause and not (k_prev in self.closes):
                return None  # "aldus" as "thus": "Aldus geschiedde het."
            if not self._ends_sentence(after, last) and nxt is None:
                return None
            adjacent = self._quote_closing_before(toks[i].start)
            start = toks[first].start
            if adjacent is not None:
                start = min(start, self.spans[adjacent].open)
            content = self._trim(start, k_prev + 1)
            return SpeechCue("according", word, i, source, score, content,
                             self._mostly_quote(content) if content else None, adjacent, nxt)
        # "Volgens Lavrov: “...”"
        if after < last and toks[after].text == ":":
            q = self._quote_opening_after(toks[after].end)
            if q is not None:
                return SpeechCue("according", word, i, source, score, None, None, None, q)
        leading = all(t.pos == "VG" or is_punct(t) for t in toks[first:i])  # "Maar volgens ..."
        if leading:
            # "Volgens de minister (VVD), die ..., is de economie sterk."
            start_tok = self._skip_insertions(after, last)
            if start_tok >= last:
                return None
            content = self._trim(toks[start_tok].start, toks[last - 1].end)
        else:
            # "De economie groeit volgens het CPB met twee procent.": the clause around it.
            lo, hi = i, i
            while lo - 1 >= first and not (clause_punct(toks[lo - 1]) and toks[lo - 1].start not in self.marks):
                lo -= 1
            while hi + 1 < last and not (clause_punct(toks[hi + 1]) and toks[hi + 1].start not in self.marks):
                hi += 1
            content = self._trim(toks[lo].start, toks[hi].end)
        if content is None:
            return None
        return SpeechCue("according", word, i, source, score, content, self._mostly_quote(content))

    def _skip_insertions(self, k: int, last: int) -> int:
        """The first token after a source phrase's additions: "(VVD)", ", die ...,", ", de minister,"."""
        toks = self.toks
        while k < last:
            if toks[k].text == "(":
                while k < last and toks[k].text != ")":
                    k += 1
                k += 1
            elif toks[k].text == "," and k + 1 < last:
                nxt = toks[k + 1]
                insertion = is_relative(nxt) or noun_phrase_at(self.doc, k + 1, last) is not None \
                    and not self._finite(k + 1)
                if not insertion:
                    return k + 1
                j = k + 1
                while j < last and toks[j].text != ",":
                    j += 1
                if j >= last:
                    return k + 1  # no closing comma: what follows is the reported clause
                k = j + 1
                return k
            else:
                return k
        return k

    def _ends_sentence(self, k: int, last: int) -> bool:
        """Whether only punctuation or a prepositional phrase follows from token ``k``."""
        toks = self.toks
        while k < last and (is_punct(toks[k]) and toks[k].text not in (",",)):
            k += 1
        if k >= last:
            return True
        if toks[k].text == "," and k + 1 < last and (
                toks[k + 1].text.casefold() in _CLAUSE_AFTER_SOURCE or is_subordinator(toks[k + 1])):
            return True  # "“...”, aldus de politie, waarna ...": a clause of its own follows
        if toks[k].pos == "VZ":  # "aldus Pompeo tegen de pers."
            return not any(is_verb(t) for t in toks[k:last])
        return False


def find_speech_cues(doc: ParsedDoc, spans: tuple[QuotedSpan, ...], resolver: SpeakerResolver,
                     lexicon: SpeechLexicon) -> tuple[SpeechCue, ...]:
    """The speech cues of ``doc`` (see the module docstring), in text order."""
    return CueFinder(doc, spans, resolver, lexicon).find()


def analyse_speech(doc: ParsedDoc, entities: tuple[Entity, ...], lexicon: SpeechLexicon) -> SpeechAnalysis:
    """Quoted spans, speech cues and the cues' speakers of one parsed document."""
    spans = find_quoted_spans(doc.text)
    outer = tuple((s.open, s.close_end) for s in spans if s.depth == 0)
    resolver = SpeakerResolver(doc, entities, lexicon, outer)
    cues = find_speech_cues(doc, spans, resolver, lexicon)
    speakers = tuple(resolver.resolve(c.source) if c.score else None for c in cues)
    return SpeechAnalysis(spans, cues, speakers)
