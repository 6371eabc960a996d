"""Quotes: who said what, in direct quotation or in indirect speech.

Direct quotes are the quoted spans of :mod:`.quote_marks` that are speech, not titles
or scare quotes. Their speaker comes, in this order, from

``after``         a source clause right after the closing mark: “...,” zei Lavrov.
``interjection``  the source clause between two parts: “...,” zei hij, “...”
``colon``         a clause ending in a colon before it: Lavrov zei: “...”
``reported``      the speech it stands in: Lavrov zei dat hij een “warme band” wil
``sentence``      a speech verb earlier in its sentence: Lavrov noemde het plan “onzin”
``subject``       the person or organisation its clause is about: Van Engelshoven wil dit “anders regelen”
``context``       for a quote standing alone, whoever spoke just before, else whom the
                  sentence before is about.

A quote of one to three words counts only with a speech cue from the first five;
otherwise it is a scare quote ("het zogenaamde “vredesplan”"). Titles ("de film
“De Aanslag”") are never quotes.

Indirect quotes are what a speech verb reports through "dat", "of" or "om ... te"
(Lavrov zei dat ...), what stands before "..., zegt X" or after "volgens X", before
"..., aldus X", and the sentence before "Dat zegt X." Reporting verbs of media in
the last two places ("..., meldt CNN", "Dat schrijft de krant.") make their subject the
source of the clause (see :mod:`.attribution`), not a speaker of an indirect quote.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from ..model import Entity, ParsedDoc, Quote, Span
from .phrases import Phrase, TokenIndex, is_punct, is_verb, sentence_bounds
from .speech_cues import SpeechAnalysis, SpeechCue, analyse_speech
from .speech_lexicon import SpeechLexicon, load_speech_lexicon

RULES = ("after", "interjection", "colon", "reported", "sentence", "subject", "context", "inside", "none",
         "indirect")
# Cue constructions that place a quote's speaker but report nothing themselves.
_PLACING_ONLY = ("subject", "previous")
# Speaker rules that stand right next to the quote: strong enough to keep a title-like
# or one-word quote ("“Nee,” zei Lavrov.").
_ADJACENT = ("after", "interjection", "colon")
# Speaker rules that show a speech verb governs the quote.
_GOVERNED = _ADJACENT + ("reported", "sentence")
# A quote of at most this many words needs a governing speech cue.
SCARE_WORDS = 3
# How many tokens before a quote a title cue may stand ("de nieuwe film van Spielberg, “...”").
TITLE_REACH = 4
# How many sentences back a quote standing alone looks for its speaker.
CONTEXT_SENTENCES = 2
_FINAL = set(".!?…")
_SENTENCE_COMMAS = set(",;:")
_MINOR_WORDS = 3  # words this short may stay lower case in a title ("de", "van", "of")


@dataclass(frozen=True)
class QuoteFinding:
    """A quote with the evidence for its speaker.

    ``speaker_span`` is the phrase that names the speaker ("Lavrov", "de Russische
    regering", "hij"), also when it resolves to no entity; ``cue`` the speech verb or
    cue word the speaker was read from; ``rule`` which rule found it (:data:`RULES`).
    """

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_span: Span | None
    cue: Span | None
    rule: str

    def to_quote(self, id: str) -> Quote:
        return Quote(id=id, start=self.start, end=self.end, text=self.text, kind=self.kind, speaker=self.speaker)


@dataclass(frozen=True)
class _Speaker:
    entity: str | None
    span: Span | None
    cue: Span | None
    rule: str


class _Builder:
    def __init__(self, doc: ParsedDoc, analysis: SpeechAnalysis, lexicon: SpeechLexicon) -> None:
        self.doc = doc
        self.text = doc.text
        self.a = analysis
        self.lex = lexicon
        self.index = TokenIndex(doc)
        self.outer = [k for k, s in enumerate(analysis.spans) if s.depth == 0]
        self.outer_opens = [analysis.spans[k].open for k in self.outer]
        # Cues by what they point at, so each quote looks up its own instead of scanning all.
        self.after_cue: dict[int, int] = {}
        self.next_cue: dict[int, int] = {}
        self.placing: dict[tuple[str, int], int] = {}
        self.by_sentence: dict[int, list[int]] = {}
        contents: list[tuple[int, int, int]] = []
        for c, cue in enumerate(analysis.cues):
            if cue.adjacent_quote is not None and cue.construction in ("inverted", "according"):
                self.after_cue.setdefault(cue.adjacent_quote, c)
            if cue.next_quote is not None:
                if cue.construction in ("inverted", "according", "colon"):
                    self.next_cue.setdefault(cue.next_quote, c)
                elif cue.construction in _PLACING_ONLY:
                    self.placing.setdefault((cue.construction, cue.next_quote), c)
            self.by_sentence.setdefault(doc.tokens[cue.cue].sent, []).append(c)
            if cue.content is not None:
                contents.append((cue.content[0], cue.content[1], c))
        contents.sort()
        self.contents = contents
        self.content_starts = [lo for lo, _, _ in contents]
        self.longest_content = max((hi - lo for lo, hi, _ in contents), default=0)

    # ---------------------------------------------------------------- helpers

    def _span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def _phrase_span(self, p: Phrase | None) -> Span | None:
        if p is None:
            return None
        toks = self.doc.tokens
        return self._span(toks[p.first].start, toks[p.last - 1].end)

    def _cue_span(self, cue: SpeechCue) -> Span:
        t = self.doc.tokens[cue.cue]
        return self._span(t.start, t.end)

    def _from_cue(self, k: int, rule: str) -> _Speaker:
        cue = self.a.cues[k]
        return _Speaker(self.a.speakers[k], self._phrase_span(cue.source), self._cue_span(cue), rule)

    def _sentence_of(self, char: int) -> int:
        i = min(self.index.first_at_or_after(char), len(self.doc.tokens) - 1)
        return self.doc.tokens[i].sent

    def _in_outer_quote(self, char: int) -> int | None:
        n = bisect.bisect_left(self.outer_opens, char) - 1
        if n >= 0:
            k = self.outer[n]
            if char < self.a.spans[k].close:
                return k
        return None

    def _words(self, start: int, end: int) -> list[str]:
        return [self.doc.tokens[i].text for i in self.index.inside(start, end)
                if any(c.isalnum() for c in self.doc.tokens[i].text)]

    # ---------------------------------------------------------- direct quotes

    def _standalone(self, k: int) -> bool:
        """Whether quote ``k`` fills its sentences: nothing but punctuation outside its marks."""
        s = self.a.spans[k]
        toks = self.doc.tokens
        first_in = self.index.first_at_or_after(s.open)
        last_in = self.index.last_before(s.close_end)
        if first_in >= len(toks) or last_in < 0:
            return False
        lo, _ = sentence_bounds(self.doc, first_in)
        _, hi = sentence_bounds(self.doc, last_in)
        before = [t for t in toks[lo:first_in] if t.end <= s.open]
        after = [t for t in toks[last_in + 1:hi] if t.start >= s.close_end]
        return all(is_punct(t) for t in before) and all(is_punct(t) for t in after)

    def _title_before(self, k: int) -> bool:
        s = self.a.spans[k]
        toks = self.doc.tokens
        i = self.index.last_before(s.open + 1)
        if i < 0:
            return False
        lo, _ = sentence_bounds(self.doc, i)
        seen = 0
        while i >= lo and seen < TITLE_REACH:
            t = toks[i]
            if t.end <= s.open and not is_punct(t):
                if t.lemma.casefold() in self.lex.title_cues or t.text.casefold() in self.lex.title_cues:
                    return True
                if is_verb(t) and t.lemma.casefold() not in self.lex.title_cues:
                    return False
                seen += 1
            i -= 1
        return False

    def _title_after(self, k: int) -> bool:
        """“Aan de slag”, heet het convenant: a naming verb right after the quote."""
        s = self.a.spans[k]
        toks = self.doc.tokens
        i = self.index.first_at_or_after(s.close_end)
        while i < len(toks) and is_punct(toks[i]) and toks[i].text in (",", ")"):
            i += 1
        return i < len(toks) and (toks[i].lemma.casefold() in self.lex.title_cues
                                  or toks[i].text.casefold() in self.lex.title_cues)

    def _title_case(self, k: int) -> bool:
        s = self.a.spans[k]
        words = self._words(s.start, s.end)
        long_words = [w for w in words if len(w) > _MINOR_WORDS]
        return len(words) >= 2 and bool(long_words) and all(w[0].isupper() for w in long_words) \
            and self.text[s.end - 1] not in _FINAL

    def _direct_speaker(self, k: int, found: list[QuoteFinding]) -> _Speaker:
        cues = self.a.cues
        s = self.a.spans[k]
        if k in self.after_cue:
            return self._from_cue(self.after_cue[k], "after")
        if k in self.next_cue:
            cue = cues[self.next_cue[k]]
            # "zei hij, “...”" and "aldus Blok, „...”" go on a quote; "Volgens X: “...”" opens one.
            opens = cue.construction == "colon" or cue.content is None
            return self._from_cue(self.next_cue[k], "colon" if opens else "interjection")
        # The innermost reported clause the quote stands in.
        best: tuple[int, int] | None = None
        n = bisect.bisect_right(self.content_starts, s.start) - 1
        while n >= 0 and self.contents[n][0] >= s.start - self.longest_content:
            lo, hi, c = self.contents[n]
            n -= 1
            if s.end <= hi and not (s.open < self.doc.tokens[cues[c].cue].start < s.close) \
                    and (best is None or hi - lo < best[0]):
                best = (hi - lo, c)
        if best is not None:
            cue = cues[best[1]]
            rule = "after" if cue.content_quote == k else "reported"
            return self._from_cue(best[1], rule)
        # A speech verb earlier in the same sentence: Lavrov noemde het plan “onzin”.
        sent = self._sentence_of(s.open)
        earlier = [c for c in self.by_sentence.get(sent, ())
                   if self.doc.tokens[cues[c].cue].end <= s.open
                   and cues[c].construction in ("complement", "bare", "colon", "according") and cues[c].score
                   and self._in_outer_quote(self.doc.tokens[cues[c].cue].start) is None]
        if earlier:
            return self._from_cue(earlier[-1], "sentence")
        if self._standalone(k):
            return self._context_speaker(k, found)
        if ("subject", k) in self.placing:
            return self._from_cue(self.placing[("subject", k)], "subject")
        if not self.by_sentence.get(sent) and len(self._words(s.start, s.end)) > SCARE_WORDS:
            # "Maar er wordt gewerkt aan ‘het hele spectrum van omstreden onderwerpen’": a
            # quote in a sentence with no cue of its own goes on the speaker just before.
            return self._context_speaker(k, found)
        return _Speaker(None, None, None, "none")

    def _context_speaker(self, k: int, found: list[QuoteFinding]) -> _Speaker:
        """For a quote standing alone: the latest speaker in the sentences just before it."""
        s = self.a.spans[k]
        toks = self.doc.tokens
        here = self._sentence_of(s.open)
        lowest = here - CONTEXT_SENTENCES
        best_pos = -1
        best: _Speaker | None = None
        for sent in range(max(0, lowest), here):
            for c in self.by_sentence.get(sent, ()):
                cue = self.a.cues[c]
                t = toks[cue.cue]
                if cue.construction in _PLACING_ONLY:
                    continue
                if t.end <= s.open and cue.score and cue.source is not None \
                        and self._in_outer_quote(t.start) is None and t.start > best_pos:
                    best_pos, best = t.start, self._from_cue(c, "context")
        for q in reversed(found):
            if q.end > s.open:
                continue
            if self._sentence_of(q.start) < lowest:
                break
            if q.speaker_span is not None and q.end > best_pos:
                best_pos, best = q.end, _Speaker(q.speaker, q.speaker_span, q.cue, "context")
                break
        if best is not None:
            return best
        # "Stoltenberg was na afloop tevreden. “...”": whom the sentence before is about.
        if ("previous", k) in self.placing:
            return self._from_cue(self.placing[("previous", k)], "context")
        return _Speaker(None, None, None, "none")

    def direct(self) -> list[QuoteFinding]:
        found: list[QuoteFinding] = []
        for k in self.outer:
            s = self.a.spans[k]
            speaker = self._direct_speaker(k, found)
            words = self._words(s.start, s.end)
            if not words:
                continue
            if self._title_after(k) or (speaker.rule not in _ADJACENT and (
                    self._title_before(k) or (self._title_case(k) and not self._standalone(k)))):
                continue
            if len(words) <= SCARE_WORDS and speaker.rule not in _GOVERNED:
                final = self.text[s.end - 1] in _FINAL
                if not (self._standalone(k) and final):
                    continue
            # “...,” zei hij: the comma before the closing mark belongs to the sentence around.
            end = s.end
            while end > s.start and (self.text[end - 1] in _SENTENCE_COMMAS or self.text[end - 1].isspace()):
                end -= 1
            found.append(QuoteFinding(s.start, end, self.text[s.start:end], "direct",
                                      speaker.entity, speaker.span, speaker.cue, speaker.rule))
        return found

    # -------------------------------------------------------- indirect quotes

    def indirect(self, direct: list[QuoteFinding]) -> list[QuoteFinding]:
        out: list[QuoteFinding] = []
        seen: set[tuple[int, int]] = set()
        for c, cue in enumerate(self.a.cues):
            if cue.content is None or cue.content_quote is not None:
                continue
            if cue.construction in ("inverted", "anaphoric") and self.lex.is_report_verb(cue.lemma) and any(
                    cue.content[0] <= d.start and d.end <= cue.content[1] for d in direct):
                continue  # "... „...”, meldt CNN": the outlet reports the words it quotes
            if self.lex.is_source_verb(cue.lemma):
                continue  # "Uit cijfers blijkt dat ...": a source, but nobody speaks
            if cue.construction not in ("complement", "inverted", "anaphoric", "according"):
                continue
            start, end = cue.content
            if (start, end) in seen or len(self._words(start, end)) < 2:
                continue
            seen.add((start, end))
            speaker = self._from_cue(c, "indirect")
            speaker = self._first_person(cue, speaker, direct)
            out.append(QuoteFinding(start, end, self.text[start:end], "indirect",
                                    speaker.entity, speaker.span, speaker.cue, speaker.rule))
        return out

    def _first_person(self, cue: SpeechCue, speaker: _Speaker, direct: list[QuoteFinding]) -> _Speaker:
        """"Ik zei dat ..." inside a quote: the speaker is the quote's speaker."""
        if cue.source is None or cue.source.last - cue.source.first != 1:
            return speaker
        word = self.doc.tokens[cue.source.first].text.casefold()
        if word not in self.lex.first_person:
            return speaker
        pos = self.doc.tokens[cue.cue].start
        for q in direct:
            if q.start <= pos < q.end and q.speaker_span is not None:
                return _Speaker(q.speaker, q.speaker_span, speaker.cue, speaker.rule)
        return speaker

    def build(self) -> tuple[QuoteFinding, ...]:
        direct = self.direct()
        # Direct quotes with a first-person source inside another quote get that quote's speaker.
        found = direct + self.indirect(direct)
        found.sort(key=lambda q: (q.start, -q.end, q.kind))
        return tuple(_inherit_speakers(found))


def _inherit_speakers(found: list[QuoteFinding]) -> list[QuoteFinding]:
    """A quote without a speaker inside one with a speaker has that speaker: the marked
    words of reported speech ("Kaag meldde dat er “chaos” is") are the reporter's."""
    out: list[QuoteFinding] = []
    for q in found:
        if q.speaker_span is None:
            outer = [o for o in out if o.start <= q.start and q.end <= o.end and o is not q
                     and o.speaker_span is not None and (o.start, o.end) != (q.start, q.end)]
            if outer:
                o = min(outer, key=lambda o: o.end - o.start)
                q = replace(q, speaker=o.speaker, speaker_span=o.speaker_span, cue=o.cue, rule="inside")
        out.append(q)
    return out


def find_quotes(parsed: ParsedDoc, entities: tuple[Entity, ...] = (),
                lexicon: SpeechLexicon | None = None,
                analysis: SpeechAnalysis | None = None) -> tuple[QuoteFinding, ...]:
    """Every quote of a parsed document with its speaker and the evidence for it."""
    lexicon = lexicon or load_speech_lexicon()
    analysis = analysis or analyse_speech(parsed, entities, lexicon)
    return _Builder(parsed, analysis, lexicon).build()


def outermost(findings: tuple[QuoteFinding, ...]) -> tuple[QuoteFinding, ...]:
    """The quotes a document reports: nothing inside a direct quote twice (docs/QUOTES.md).

    A quote inside a longer direct quote (“Ik heb gezegd dat we niet wijken,” aldus
    Zelensky) is part of it and is not reported a second time; of two quotes over the
    same span the first in ``findings`` stays. Reported speech is another matter: a
    direct quote inside it ("Lavrov zei dat de relatie „uitstekend” is") is annotated
    both ways, and so is speech reported inside reported speech ("Rutte zei dat Scholz
    had verteld dat de steun doorgaat"), as annotators do. Attribution still sees every
    finding.
    """
    kept: list[QuoteFinding] = []
    for i, q in enumerate(findings):
        inside = any(o.start <= q.start and q.end <= o.end and (o.end - o.start > q.end - q.start or j < i)
                     and o.kind == "direct"
                     for j, o in enumerate(findings) if j != i)
        if not inside:
            kept.append(q)
    return tuple(kept)


def extract_quotes(parsed: ParsedDoc, entities: tuple[Entity, ...] = (),
                   lexicon: SpeechLexicon | None = None) -> tuple[Quote, ...]:
    """The quotes of a parsed document as the document contract has them (ids q1, q2, ...)."""
    return tuple(f.to_quote(f"q{n}") for n, f in enumerate(outermost(find_quotes(parsed, entities, lexicon)), 1))


class QuoteStep:
    """Pipeline step: parse + entities → quotes, and the source attributions events use.

    ``attributions`` (:class:`~kroniek.extract.attribution.Attribution`) are not part of
    the document; the events step reads them to fill ``reported_by``.
    """

    name = "quotes"
    requires = ("parse", "entities")
    provides = ("quotes", "attributions")

    def __init__(self, lexicon: SpeechLexicon | None = None) -> None:
        self.lexicon = lexicon or load_speech_lexicon()

    def __call__(self, work) -> dict[str, tuple]:
        from .attribution import find_attributions  # it builds on this module

        entities = tuple(work.annotations.get("entities", ()))
        analysis = analyse_speech(work.parsed, entities, self.lexicon)
        findings = find_quotes(work.parsed, entities, self.lexicon, analysis)
        quotes = tuple(f.to_quote(f"q{n}") for n, f in enumerate(outermost(findings), 1))
        attributions = find_attributions(work.parsed, entities, self.lexicon, findings, analysis)
        return {"quotes": quotes, "attributions": attributions}
