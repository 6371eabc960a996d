"""Small hand-built documents for unit tests (no parser needed)."""

from __future__ import annotations

import re

from kroniek.model import Article, ParsedDoc, Sentence, Token

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)
_FINAL = {".", "!", "?"}
_CLOSING = {"”", "’", "\"", "'", "»"}


def toy_parse(text: str, ner: dict[str, str] | None = None, pos: dict[str, str] | None = None,
              heads: dict[int, tuple[int | None, str]] | None = None,
              tags: dict[str, str] | None = None, lemmas: dict[str, str] | None = None) -> ParsedDoc:
    """Tokenize on word characters and split sentences after . ! ?.

    ``ner`` maps a phrase (as it stands in the text) to a label: every occurrence gets
    B-/I- tags. ``pos`` maps a word to a coarse tag (default: SPEC for capitalized words,
    LET for punctuation, N otherwise). ``heads`` sets (head index, relation) by token index.
    ``tags`` maps a word to a full tag such as "WW(pv,verl,ev)" (its coarse tag follows
    from it unless ``pos`` gives one); ``lemmas`` maps a word to its lemma (default: the
    word in lower case).
    """
    ner = ner or {}
    pos = pos or {}
    tags = tags or {}
    lemmas = lemmas or {}
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    bio = ["O"] * len(spans)
    # Longer phrases first; a token keeps the tag of the first phrase that covers it.
    for phrase, label in sorted(ner.items(), key=lambda pl: -len(pl[0])):
        for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text):
            inside = [k for k, (s, e) in enumerate(spans) if s >= m.start() and e <= m.end()]
            if any(bio[k] != "O" for k in inside):
                continue
            for n, k in enumerate(inside):
                bio[k] = ("B-" if n == 0 else "I-") + label
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    sent = 0
    first = 0
    for k, (s, e) in enumerate(spans):
        word = text[s:e]
        full = tags.get(word)
        p = pos.get(word) or (full.partition("(")[0] if full else None) or \
            ("LET" if not word[0].isalnum() else "SPEC" if word[0].isupper() else "N")
        head, rel = (heads or {}).get(k, (None, "dep"))
        tokens.append(Token(i=k, start=s, end=e, text=word, form=word, lemma=lemmas.get(word, word.lower()),
                            pos=p, tag=full or f"{p}()", ner=bio[k], head=head, deprel=rel, sent=sent))
        # A closing quote glued to a final full stop ends the sentence with it.
        glued_close = k + 1 < len(spans) and spans[k + 1][0] == e and text[spans[k + 1][0]] in _CLOSING
        if (word in _FINAL and not glued_close) or (word in _CLOSING and k > 0 and text[s - 1] in _FINAL
                                                   and s == spans[k - 1][1]) or k == len(spans) - 1:
            sentences.append(Sentence(tokens[first].start, e, first, k + 1))
            sent += 1
            first = k + 1
    return ParsedDoc(text=text, tokens=tuple(tokens), sentences=tuple(sentences), parser="toy")


class ToyParser:
    """A Parser for pipeline tests: toy_parse with NER from a fixed phrase list."""

    name = "toy"

    def __init__(self, ner: dict[str, str] | None = None, fail_on: str | None = None) -> None:
        self.ner = ner or {}
        self.fail_on = fail_on
        self.started = False
        self.calls = 0

    def start(self) -> "ToyParser":
        self.started = True
        return self

    def parse(self, text: str) -> ParsedDoc:
        from kroniek.errors import ParserCrashed

        self.calls += 1
        if self.fail_on and self.fail_on in text:
            raise ParserCrashed("toy parser told to fail")
        return toy_parse(text, self.ner)

    def health(self) -> bool:
        return self.started

    def close(self) -> None:
        self.started = False


def article(text: str, id: str = "a1", date: str = "2018-05", **kw) -> Article:
    return Article(id=id, text=text, date=date, **kw)


def tagged_parse(spec: str) -> ParsedDoc:
    """A ParsedDoc from a compact spec: tokens separated by spaces, each WORD|field|field...

    Fields after WORD are recognized by their shape: a tag has parentheses
    ("WW(pv,tgw,met-t)"), a NER label is B-/I- + type ("B-PER"), the first other field is
    the lemma and the second the dependency relation. Empty fields are skipped.
    Defaults: lemma = lowercased word; tag = SPEC(deeleigen) for capitalized words, LET()
    for punctuation, else N(soort); NER O; relation dep. Sentences end after . ! ?.
    Heads are not set. Example: "Rusland||B-LOC valt|vallen|WW(pv,tgw,met-t) Oekraïne||B-LOC aan|aan|VZ(fin)|svp ."
    """
    words = spec.split()
    text = ""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    first = 0
    sent = 0
    for k, item in enumerate(words):
        word, *fields = item.split("|")
        lemma = tag = ner = rel = ""
        for f in fields:
            if not f:
                continue
            if "(" in f:
                tag = f
            elif re.fullmatch(r"[BI]-[A-Z]+", f):
                ner = f
            elif not lemma:
                lemma = f
            else:
                rel = f
        if tokens and word not in {".", ",", "!", "?", ":", ";", ")", "”"} and not text.endswith(("“", "(")):
            text += " "
        start = len(text)
        text += word
        tag = tag or ("LET()" if not word[0].isalnum() else "SPEC(deeleigen)" if word[0].isupper() else "N(soort)")
        tokens.append(Token(i=k, start=start, end=len(text), text=word, form=word, lemma=lemma or word.lower(),
                            pos=tag.split("(")[0], tag=tag, ner=ner or "O", head=None, deprel=rel or "dep",
                            sent=sent))
        if word in _FINAL or k == len(words) - 1:
            sentences.append(Sentence(tokens[first].start, tokens[-1].end, first, k + 1))
            sent += 1
            first = k + 1
    return ParsedDoc(text=text, tokens=tuple(tokens), sentences=tuple(sentences), parser="tagged")
