"""The word lists behind quotes and attribution, loaded from ``lexicons/<lang>/``.

The lists are plain text files, one entry a line, ``#`` for comments, so that a
reader who is not a programmer can check and extend them; this module only reads
them into a frozen record. They load once per process (the record is immutable).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..errors import KroniekError
from ..lexicons import content_lines, lexicon_text


def read_entries(lang: str, name: str) -> tuple[str, ...]:
    """The entries of ``lexicons/<lang>/<name>``: stripped lines, comments and blanks left out."""
    try:
        raw, _ = lexicon_text(name, lang)
    except FileNotFoundError:
        raise KroniekError(f"lexicon {lang}/{name} is missing from the kroniek package "
                           "(a broken installation: reinstall kroniek)", code="E_EXTRACT") from None
    return tuple(line.strip() for _, line in content_lines(raw))


@dataclass(frozen=True)
class SpeechLexicon:
    """What the quote and attribution rules need to know about a language."""

    speech_verbs: frozenset[str]          # single-word lemmas, separable verbs whole
    speech_phrases: frozenset[tuple[str, ...]]  # verbs of several words: ("laten", "weten")
    report_verbs: frozenset[str]
    om_te_verbs: frozenset[str]
    # verbs that report with a bare "te"-infinitive ("zei in te binden")
    te_verbs: frozenset[str]
    attribution_cues: frozenset[str]      # volgens, aldus
    anaphoric_cues: frozenset[str]        # dat, dit, zo
    clause_openers: frozenset[str]        # dat, of
    split_openers: frozenset[tuple[str, str]]  # ("om", "te")
    clause_breaks: frozenset[str]
    pronoun_referents: tuple[tuple[str, frozenset[str]], ...]  # word -> {"person", "group"}
    first_person: frozenset[str]
    role_nouns: frozenset[str]
    organisation_nouns: frozenset[str]
    document_nouns: frozenset[str]
    title_cues: frozenset[str]
    not_speakers: frozenset[str]
    source_verbs: frozenset[tuple[str, str]]  # ("blijken", "uit"): the source follows the preposition
    verb_forms: tuple[tuple[str, str], ...]   # ("laat", "laten"): forms the tagger may mistake

    def pronoun(self, word: str) -> frozenset[str] | None:
        """What a speaker pronoun can refer to, or None when ``word`` is not one."""
        word = word.casefold()
        for w, refs in self.pronoun_referents:
            if w == word:
                return refs
        return None

    def is_report_verb(self, lemma: str) -> bool:
        return lemma in self.report_verbs or any(lemma == " ".join(v) for v in self.source_verbs)

    def is_source_verb(self, entry: str) -> bool:
        return any(entry == " ".join(v) for v in self.source_verbs)

    def verb_form(self, word: str) -> str | None:
        """The infinitive of a speech-verb form the tagger may have mistaken, or None."""
        word = word.casefold()
        for form, lemma in self.verb_forms:
            if form == word:
                return lemma
        return None

    def noun_kind(self, lemma: str) -> str | None:
        """"person", "group" or "document" for a noun that can name a source, else None.

        A compound counts by its last part ("topdiplomaat", "branchevereniging"), when
        that part is a word of four letters or more.
        """
        lemma = lemma.casefold()
        for kind, nouns in (("person", self.role_nouns), ("group", self.organisation_nouns),
                            ("document", self.document_nouns)):
            if lemma in nouns:
                return kind
        for kind, nouns in (("person", self.role_nouns), ("group", self.organisation_nouns),
                            ("document", self.document_nouns)):
            for n in nouns:
                if len(n) >= 4 and len(lemma) >= len(n) + 3 and lemma.endswith(n):
                    return kind
        return None


@functools.cache
def load_speech_lexicon(lang: str = "nl") -> SpeechLexicon:
    """The speech lexicon of ``lang`` (read once per process)."""
    def words(name: str) -> frozenset[str]:
        return frozenset(e.casefold() for e in read_entries(lang, name))

    verbs = read_entries(lang, "speech_verbs.txt")
    openers = read_entries(lang, "clause_openers.txt")
    split = set()
    for entry in openers:
        if "..." in entry:
            first, _, second = (p.strip() for p in entry.partition("..."))
            split.add((first.casefold(), second.casefold()))
    pronouns = []
    for entry in read_entries(lang, "speaker_pronouns.txt"):
        word, *refs = entry.split()
        pronouns.append((word.casefold(), frozenset(refs)))
    return SpeechLexicon(
        speech_verbs=frozenset(v.casefold() for v in verbs if " " not in v),
        speech_phrases=frozenset(tuple(v.casefold().split()) for v in verbs if " " in v),
        report_verbs=words("report_verbs.txt"),
        om_te_verbs=words("speech_verbs_om_te.txt"),
        te_verbs=words("speech_verbs_te.txt"),
        attribution_cues=words("attribution_cues.txt"),
        anaphoric_cues=words("anaphoric_cues.txt"),
        clause_openers=frozenset(e.casefold() for e in openers if "..." not in e),
        split_openers=frozenset(split),
        clause_breaks=words("clause_breaks.txt"),
        pronoun_referents=tuple(pronouns),
        first_person=words("first_person_pronouns.txt"),
        role_nouns=words("role_nouns.txt"),
        organisation_nouns=words("organisation_nouns.txt"),
        document_nouns=words("document_nouns.txt"),
        title_cues=words("title_cues.txt"),
        not_speakers=words("not_speakers.txt"),
        source_verbs=frozenset(tuple(e.casefold().split()[:2]) for e in read_entries(lang, "source_verbs.txt")),
        verb_forms=tuple(tuple(e.casefold().split()[:2]) for e in read_entries(lang, "speech_verb_forms.txt")),
    )
