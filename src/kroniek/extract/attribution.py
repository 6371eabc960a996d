"""Source attribution: which explicit source reports a stretch of text.

"..., meldt CNN", "Dat schrijft de Volkskrant.", "volgens Reuters ...", "..., aldus
het ministerie", "Lavrov zei dat ...": each names a source and the text it covers. The
events step reads these to fill an event's ``reported_by``; they are not part of the
document contract themselves.

``kind`` tells the constructions apart, so a reader can choose:

``report``   a reporting verb of media or authorities (melden, schrijven, berichten, ...)
``speech``   any other speech verb (zeggen, verklaren, aankondigen, ...)
``volgens``  "volgens X"
``aldus``    "..., aldus X"

What a cue covers: the clause it reports, or the quote it introduces together with
the quotes that continue it ("“...,” zei hij. “...”"). A reporting verb after its
clause ("..., meldt CNN." or "Dat meldt CNN.") covers the sentences before it in the
same paragraph as well, up to the previous attribution: news leads name their source
once, at the end ("Lavrov reist donderdag naar Noord-Korea. De minister is
uitgenodigd ..., meldt CNN.").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..model import Entity, ParsedDoc, Span
from .quotes import QuoteFinding, find_quotes
from .speech_cues import SpeechAnalysis, SpeechCue, analyse_speech
from .speech_lexicon import SpeechLexicon, load_speech_lexicon

ATTRIBUTION_KINDS = ("report", "speech", "volgens", "aldus")


@dataclass(frozen=True)
class Attribution:
    """An explicit source and the character range ``[start, end)`` of the text it reports.

    ``source`` is the source's entity id, or None when it is no entity (then
    ``source_span`` still holds the words that name it, e.g. "de Russische regering").
    ``cue`` is the verb or word that marks the attribution ("meldt", "volgens").
    """

    start: int
    end: int
    kind: str
    cue: Span
    source: str | None
    source_span: Span | None

    def covers(self, start: int, end: int) -> bool:
        """Whether the range ``[start, end)`` (an event's trigger, a sentence) lies inside it."""
        return self.start <= start and end <= self.end


def _kind(cue: SpeechCue, lexicon: SpeechLexicon) -> str:
    if cue.construction == "according":
        return cue.lemma if cue.lemma in ATTRIBUTION_KINDS else "volgens"
    return "report" if lexicon.is_report_verb(cue.lemma) else "speech"


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def find_attributions(parsed: ParsedDoc, entities: tuple[Entity, ...] = (),
                      lexicon: SpeechLexicon | None = None,
                      quotes: tuple[QuoteFinding, ...] | None = None,
                      analysis: SpeechAnalysis | None = None) -> tuple[Attribution, ...]:
    """Every explicit source attribution of a parsed document, in text order.

    ``quotes`` and ``analysis`` may be passed when the caller has them already (from
    :func:`~kroniek.extract.quotes.find_quotes` and
    :func:`~kroniek.extract.speech_cues.analyse_speech` on the same parse and entities).
    """
    lexicon = lexicon or load_speech_lexicon()
    analysis = analysis or analyse_speech(parsed, entities, lexicon)
    if quotes is None:
        quotes = find_quotes(parsed, entities, lexicon, analysis)
    text = parsed.text
    toks = parsed.tokens
    by_cue: dict[int, list[QuoteFinding]] = {}
    for q in quotes:
        if q.cue is not None and q.kind == "direct":
            by_cue.setdefault(q.cue.start, []).append(q)
    found: list[Attribution] = []
    constructions: dict[int, str] = {}
    for k, cue in enumerate(analysis.cues):
        if cue.source is None or cue.construction in ("bare", "subject", "previous"):
            continue
        verb = toks[cue.cue]
        cue_span = Span(verb.start, verb.end, verb.text)
        ranges: list[tuple[int, int]] = []
        if cue.content is not None:
            ranges.append(cue.content)
        # The quotes this cue gave their speaker, continuations included.
        ranges.extend((q.start, q.end) for q in by_cue.get(verb.start, ()))
        if not ranges:
            continue
        start, end = min(r[0] for r in ranges), max(r[1] for r in ranges)
        src = Span(toks[cue.source.first].start, toks[cue.source.last - 1].end,
                   text[toks[cue.source.first].start:toks[cue.source.last - 1].end])
        found.append(Attribution(start, end, _kind(cue, lexicon), cue_span, analysis.speakers[k], src))
        constructions[verb.start] = cue.construction
    found.sort(key=lambda a: (a.start, a.end))
    return tuple(_extend_reports(parsed, found, constructions))


def _extend_reports(parsed: ParsedDoc, found: list[Attribution], constructions: dict[int, str]) -> list[Attribution]:
    """Reporting verbs after their clause also cover the paragraph's sentences before it."""
    text = parsed.text
    sentence_starts = [s.start for s in parsed.sentences]
    out: list[Attribution] = []
    covered_to = 0  # the furthest end of the attributions before this one
    for a in found:
        if a.kind == "report" and constructions.get(a.cue.start) in ("inverted", "anaphoric"):
            # Back to the paragraph's start, but not over text another attribution covers.
            floor = max(_paragraph_start(text, a.start), min(covered_to, a.start))
            n = bisect.bisect_left(sentence_starts, floor)
            if n < len(parsed.sentences) and parsed.sentences[n].end <= a.start:
                a = Attribution(parsed.sentences[n].start, a.end, a.kind, a.cue, a.source, a.source_span)
        covered_to = max(covered_to, a.end)
        out.append(a)
    return out
