"""Recognition: the ordered rules that find Dutch time expressions in a text.

Each rule is a regular expression assembled from the word lists in ``lexicons/nl``
plus a builder that turns a match into one or more :class:`Mention` records (a range
"van 24 tot en met 26 oktober" gives two). All rules run over the raw text, so offsets
are exact by construction; where rules overlap, the longest match wins, and between
matches of equal length the rule listed first. docs/TIMES.md lists the rules in this
order with examples.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .expression import Expression, Mention
from .lexicon import TimeLexicon, load_lexicon

Builder = Callable[[re.Match[str]], list[Mention] | None]

# Characters after which a capital letter is just the start of a sentence or title.
_SENTENCE_START = set(".!?:;\"“”'‘’«»()[]-–—\n")
# Words before "morgen" that make it "the morning", not "tomorrow".
_MORNING_DETERMINERS = {"de", "die", "deze", "elke", "iedere", "ieder", "volgende", "een", "ene", "zelfde",
                        "hele", "vroege", "goede", "'s", "’s", "dezelfde", "van", "zondag-",
                        "gisteren", "morgen"}
# Words after a duration that make it a date counted from another event ("twee dagen
# later"); kroniek does not resolve those against the article date, so they are left out.
_ANAPHORIC_AFTER = re.compile(r"\s+(?:later|eerder|daarna|daarvoor|nadien|ervoor|erna)(?!\w)", re.IGNORECASE)
# Words after a year that make it a number of things ("tot 2000 euro").
_QUANTITY_AFTER = re.compile(r"\s*(?:%|procent|euro|dollar|pond|mensen|man|doden|inwoners|leden|stuks|"
                             r"kilo|kilometer|km|meter|ton|huizen|woningen|banen|gemeenten)(?!\w)", re.IGNORECASE)
# Words before a weekday that make it no particular day near the article's date ("op de
# zaterdagavond"). Not "het", "die" or "een": they are as often a pronoun or the article
# of a longer phrase ("klinkt het maandag", "die zaterdag overleed", "een maandag
# gepubliceerd interview").
_GENERIC_DETERMINERS = {"de", "dezelfde", "elke", "iedere", "ieder", "elk"}
_NU_IDIOM = re.compile(r"\s+(?:eenmaal|en\s+dan)(?!\w)", re.IGNORECASE)
_SPEED_UNITS = {"km", "kilometer", "mijl", "meter", "m", "knopen"}
_DECADE_WORDS = {"twintig": 2, "dertig": 3, "veertig": 4, "vijftig": 5, "zestig": 6,
                 "zeventig": 7, "tachtig": 8, "negentig": 9}
# Words before a bare "8 uur" that make it a clock time; "na 6 uur" stays a duration.
_CLOCK_PREPOSITIONS = r"(?:om|rond|omstreeks|tegen|vanaf|tot|sinds|tussen|en)"


def _alt(words: object) -> str:
    """A regex alternation of phrases, longest first; spaces in a phrase match any whitespace."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    build: Builder


class TimeTagger:
    """Finds time expressions in a text (:meth:`recognize`); holds its compiled rules."""

    def __init__(self, lexicon: TimeLexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()
        self._amount_words = {**self.lex.numbers}
        for unit_word, unit in (("een", 1), ("twee", 2), ("drie", 3), ("vier", 4), ("vijf", 5), ("zes", 6),
                                ("zeven", 7), ("acht", 8), ("negen", 9)):
            for tens_word in ("twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig",
                              "negentig"):
                joint = "ën" if unit_word.endswith("e") else "en"
                self._amount_words[f"{unit_word}{joint}{tens_word}"] = unit + self.lex.numbers[tens_word]
        self.rules = self._build_rules()

    # ------------------------------------------------------------------ public

    def recognize(self, text: str) -> tuple[Mention, ...]:
        """Every time expression in ``text``, in text order, without overlaps."""
        found: list[tuple[int, int, int, list[Mention]]] = []
        for priority, rule in enumerate(self.rules):
            for m in rule.pattern.finditer(text):
                if "\n" in m.group(0):
                    continue
                mentions = rule.build(m)
                if not mentions:
                    continue
                start = min(x.start for x in mentions)
                end = max(x.end for x in mentions)
                found.append((min(start, m.start()), max(end, m.end()), priority, mentions))
        # longest first, then the earlier rule; a match that overlaps a chosen one is dropped
        found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
        taken: list[tuple[int, int]] = []
        chosen: list[Mention] = []
        for start, end, _, mentions in found:
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            chosen.extend(mentions)
        chosen.sort(key=lambda x: x.start)
        return tuple(self._with_context(text, x) for x in chosen)

    # ------------------------------------------------------------------ context

    def _with_context(self, text: str, mention: Mention) -> Mention:
        """Apply a direction cue just before the mention ("sinds dinsdag", "vanaf 1 juni")."""
        expr = mention.expression
        if expr.direction is not None or expr.kind not in ("calendar",):
            return mention
        before = text[max(0, mention.start - 20):mention.start]
        words = before.split()
        if not words:
            return mention
        cue = self.lex.direction_before.get(_norm(words[-1]))
        if cue is None:
            return mention
        return replace(mention, expression=replace(expr, direction=cue))

    # ------------------------------------------------------------------ pieces

    def _amount(self, text: str | None) -> float | None:
        """The number an amount phrase says; None for a vague one ("enkele")."""
        if text is None:
            return 1.0
        t = _norm(text)
        if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
            return float(t.replace(",", "."))
        if t in self.lex.vague_amounts:
            return None
        total = 0.0
        for part in re.split(r"\s+en\s+", t):
            words = part.split()
            if words[:1] == ["een"] and len(words) > 1:  # "een half", "een kwart"
                words = words[1:]
            value = self._amount_words.get(" ".join(words))
            if value is None:
                return None
            total += value
        return total

    def _year_number(self, text: str) -> int:
        t = text.strip()
        if t[0] in "'’":  # "'98": the nearest century that keeps it in the past half-century or so
            yy = int(t[1:])
            return 2000 + yy if yy < 50 else 1900 + yy
        return int(t)

    def _date_mod(self, text: str | None) -> str | None:
        if not text:
            return None
        t = _norm(text)
        if t in self.lex.date_modifiers:
            return self.lex.date_modifiers[t]
        t = re.sub(r"^(?:aan\s+|in\s+)?(?:het\s+)?", "", t)
        t = re.sub(r"\s+van$", "", t).strip()
        return self.lex.date_modifiers.get(t) or self.lex.date_modifiers.get(t + "-")

    def _mention(self, m: re.Match[str], expr: Expression, rule: str, group: str | int = 0,
                 start_group: str | None = None, check: str | None = None) -> Mention:
        start = m.start(start_group) if start_group and m.group(start_group) else m.start(group)
        end = m.end(group)
        return Mention(start, end, m.string[start:end], expr, rule, check)

    @staticmethod
    def _sentence_initial(text: str, pos: int) -> bool:
        k = pos - 1
        while k >= 0 and text[k] in " \t\u00a0":
            k -= 1
        return k < 0 or text[k] in _SENTENCE_START

    # ------------------------------------------------------------------ rules

    def _build_rules(self) -> list[Rule]:
        L = self.lex
        B, E = r"(?<![\w'’])", r"(?!\w)"
        NB = r"(?<![\w.,/:-])"   # before a number: not inside another number or date
        NE = r"(?![\w]|[.,/:-]\d)"
        month_full = _alt(L.months)
        month_any = r"(?:" + month_full + "|" + _alt(L.month_abbreviations) + r"\.?)"
        weekday = _alt(L.weekdays)
        part = _alt(L.parts_of_day)
        daynum = r"(?:[12]\d|3[01]|0?[1-9])(?:ste|de|e)?"
        year4 = r"(?:1[0-9]|20|21)\d\d"
        year = rf"(?:{year4}|['’]\d\d)"
        number_words = _alt(self._amount_words)
        amount = (rf"(?:(?:een\s+)?(?:half|halve|kwart)|{number_words}(?:\s+en\s+een\s+half)?"
                  rf"|\d+(?:,\d+)?|{_alt(L.vague_amounts)})")
        units = _alt(L.units)
        plural_units = _alt(L.plural_units)
        singular_units = _alt(set(L.units) - L.plural_units)
        rel = _alt(L.relative_words)
        season = _alt(L.seasons)
        date_mods_spaced = [w for w in L.date_modifiers if not w.endswith("-")]
        date_mods_hyphen = [w for w in L.date_modifiers if w.endswith("-")]
        date_mod = (rf"(?:{_alt(date_mods_spaced)}\s+|{_alt(date_mods_hyphen)}"
                    r"|(?:het\s+)?(?:begin|eind|einde|midden)\s+van\s+)")
        dur_mod = _alt(L.duration_modifiers)
        after_cue = _alt(L.direction_after)
        clock = r"(?:[01]?\d|2[0-4])(?:[.:][0-5]\d)(?:\s*uur)?|(?:[01]?\d|2[0-4])\s*uur"
        clock_tail = rf"(?:\s*,?\s+(?:om|rond|omstreeks|vanaf|tegen)\s+(?P<clock>{clock}))?"
        ordinal = _alt(L.ordinals)
        year_tail = rf"(?:\s+(?:van\s+)?(?:(?P<yrel>{rel})\s+jaar|(?P<y>{year})))"

        def rx(pattern: str) -> re.Pattern[str]:
            return re.compile(pattern, re.IGNORECASE)

        anchor_preps = _alt(L.anchor_prepositions)
        events = _alt(L.events)
        return [
            Rule("anchor", rx(rf"{B}(?P<prep>{anchor_preps})\s+(?:(?:de|het)\s+)?(?P<event>{events}){E}"),
                 self._anchor),
            Rule("day-range", rx(
                rf"{NB}(?P<d1>{daynum})\s*(?:-|–|tot\s+en\s+met|t/m|tot)\s*(?P<d2>{daynum})\s+"
                rf"(?P<m>{month_any})(?:\s+(?P<y>{year4}))?{E}"), self._day_range),
            Rule("date-range", rx(
                rf"{NB}(?P<d1>{daynum})\s+(?P<m1>{month_any})\s*(?:-|–|tot\s+en\s+met|t/m|tot)\s*"
                rf"(?P<d2>{daynum})\s+(?P<m2>{month_any})\s+(?P<y>{year4}){E}"), self._date_range),
            Rule("year-range", rx(
                rf"{NB}(?:(?P<pre>tussen|van)\s+)?(?P<y1>{year4})\s*(?:-|–|tot\s+en\s+met|t/m|tot|en)\s*"
                rf"(?P<y2>{year4}){NE}"), self._year_range),
            Rule("date", rx(
                rf"{B}(?:(?P<mod>{date_mod}))?(?:(?P<wd>{weekday})\s*,?\s+)?(?P<d>{daynum})\s+"
                rf"(?P<m>{month_any}){year_tail}?(?:\s+(?P<cue>{after_cue}))?{clock_tail}{E}"), self._date),
            Rule("numeric-date", rx(
                rf"{NB}(?:(?P<d>[0-3]?\d)(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<y>\d{{4}}|\d\d)"
                rf"|(?P<iy>\d{{4}})-(?P<im>[01]\d)-(?P<id>[0-3]\d)){NE}"), self._numeric_date),
            Rule("month-year", rx(
                rf"{B}(?:(?P<mod>{date_mod}))?(?:(?:de\s+)?maand\s+)?(?P<m>{month_full}){year_tail}"
                rf"(?:\s+(?P<cue>{after_cue}))?{E}"), self._month_rule),
            Rule("month", rx(rf"{B}(?:(?P<mod>{date_mod}))?(?:(?P<rel>{rel})\s+)?(?P<m>{month_full})"
                             rf"(?:\s+(?P<cue>{after_cue}))?{E}"), self._month_rule),
            Rule("season-year", rx(
                rf"{B}(?:(?P<mod>{date_mod}))?(?:(?P<det>de|het)\s+)?(?P<season>{season}){year_tail}{E}"),
                 self._season),
            Rule("relative-season", rx(
                rf"{B}(?:(?P<mod>{date_mod}))?(?:(?P<det>de|het)\s+)?(?P<rel>{rel})\s+(?P<season>{season}){E}"),
                 self._season),
            Rule("season", rx(rf"{B}(?:(?P<mod>{date_mod}))?(?P<det>de|het)\s+(?P<season>{season}){E}"),
                 self._season),
            Rule("relative-unit", rx(
                rf"{B}(?:(?P<mod>{date_mod}))?(?:(?P<det>het|de)\s+)?(?P<rel>{rel})\s+"
                r"(?P<unit>week|weekend|maand|kwartaal|halfjaar|jaar|decennium|eeuw)"
                rf"(?:\s+(?P<wd>{weekday})(?P<part>{part})?)?{E}"), self._relative_unit),
            Rule("weekday-of-week", rx(
                rf"{B}(?P<wd>{weekday})(?P<part>{part})?\s+(?P<rel>{rel})\s+(?P<unit>week){E}"),
                 self._relative_unit),
            Rule("weekday", rx(
                rf"{B}(?:(?P<rel>{rel})\s+)?(?P<wd>{weekday})(?P<part>{part})?(?:\s+(?P<cue>{after_cue}))?"
                rf"{clock_tail}{E}"), self._weekday),
            Rule("day-word", rx(rf"{B}(?P<dw>{_alt(L.day_words)}){clock_tail}{E}"), self._day_word),
            Rule("relative-part", rx(
                rf"{B}(?:(?P<det>de|het)\s+)?(?P<rel>{rel})\s+(?P<partword>{part}){E}"), self._relative_part),
            Rule("same-day", rx(rf"{B}(?:eerder|later)\s+op\s+de\s+dag{E}"), self._same_day),
            Rule("ago", rx(rf"{B}(?:(?P<amount>{amount})\s+)?(?P<unit>{units})\s+geleden{E}"), self._ago),
            Rule("from-now", rx(rf"{B}over\s+(?P<amount>{amount})\s+(?P<unit>{units}){E}"), self._from_now),
            Rule("decade", rx(
                rf"{B}(?:(?P<mod>{date_mod}))?(?:(?P<det>de)\s+)?jaren\s+(?:(?P<dw>{_alt(_DECADE_WORDS)})"
                r"|['’]?(?P<dd>[1-9]0)(?!\d)|(?P<dfull>1[0-9][0-9]0|20[0-9]0))"
                rf"(?:\s+van\s+de\s+(?:(?P<crel>vorige|deze|volgende)|(?P<cord>{ordinal}|\d{{1,2}}(?:ste|de|e)))"
                rf"\s+eeuw)?{E}"), self._decade),
            Rule("century", rx(
                rf"{B}(?:(?P<mod>{date_mod}))?(?:(?P<det>de)\s+)?(?P<ord>{ordinal}|\d{{1,2}}(?:ste|de|e))"
                rf"\s+eeuw{E}"), self._century),
            Rule("quarter", rx(
                rf"{B}(?:(?P<det>het|de)\s+)?(?P<ord>{ordinal}|laatste)\s+(?P<what>kwartaal|helft|jaarhelft)"
                rf"(?:\s+(?:van\s+)?(?:(?P<y>{year4})|(?:(?P<year>het)|(?P<yrel>{rel}))\s+jaar))?{E}"), self._quarter),
            Rule("quarter-code", rx(rf"{B}(?P<what>[QK])(?P<ord>[1-4])\s+(?P<y>{year4}){E}"), self._quarter),
            Rule("holiday", rx(rf"{B}(?P<h>{_alt(L.holidays)})(?:\s+(?P<y>{year4}))?{E}"), self._holiday),
            Rule("year", rx(
                rf"{B}(?:(?P<cue>in|sinds|sedert|vanaf|tot|na|voor|vóór|rond|omstreeks|circa|uit|van|per|anno"
                rf"|tegen|t/m|en|of|eind|begin|medio|midden|halverwege|jaar)\s+(?:(?P<mod>{date_mod}))?"
                rf"|(?P<mod2>{date_mod}))(?:het\s+jaar\s+)?(?P<y>{year}){NE}"), self._year_rule),
            Rule("duration-span", rx(
                rf"{B}(?P<det>de|het)\s+(?P<which>afgelopen|voorbije|komende|laatste|eerste|volgende|"
                rf"eerstkomende)\s+(?:(?P<amount>{amount})\s+(?P<unit>{units})|(?P<punit>{plural_units})){E}"),
                 self._duration),
            Rule("duration", rx(
                rf"{B}(?:(?P<mod>{dur_mod})\s+)?(?P<amount>{amount})\s+(?P<unit>{units})(?:\s+(?P<lang>lang))?{E}"),
                 self._duration),
            Rule("duration-lang", rx(rf"{B}(?P<punit>{plural_units})lang{E}"), self._duration),
            Rule("duration-bare", rx(rf"{B}(?P<al>al|nog)\s+(?P<punit>jaren|maanden|weken|decennia|eeuwen){E}"),
                 self._duration),
            Rule("set-every", rx(
                rf"{B}(?:elke|iedere|elk|ieder)\s+(?:(?P<amount>{amount})\s+(?P<unit>{units})|(?P<unit1>"
                rf"{singular_units})|(?P<wd>{weekday})(?P<part>{part})?|(?P<season>{season})"
                rf"|(?P<partonly>ochtend|morgen|middag|avond|nacht)){E}"), self._set),
            Rule("set-per", rx(
                rf"{B}(?:(?P<amount>{amount})\s+(?:keer|maal)\s+(?:per|in\s+de|in\s+het)|per)\s+"
                rf"(?P<unit1>{singular_units}){E}"), self._set),
            Rule("set-interval", rx(rf"{B}om\s+de\s+(?:(?P<amount>{amount})\s+)?(?P<unit>{units}){E}"),
                 self._set),
            Rule("set-adverb", rx(rf"{B}(?P<adverb>{_alt(L.sets)}){E}"), self._set),
            Rule("set-weekday", rx(rf"{B}(?:['’]s\s+)?(?P<wd>{weekday})(?:s|en){E}"), self._set),
            Rule("reference", rx(rf"{B}(?P<ref>{_alt(L.vague_references)}){E}"), self._reference),
            Rule("reference-ago", rx(rf"{B}(?P<punit>dagen|weken|maanden|jaren|decennia|eeuwen)\s+geleden{E}"),
                 self._reference),
            Rule("clock", rx(
                rf"{B}(?:(?P<mod>rond|omstreeks|ongeveer|circa)\s+)?(?P<clock>{clock}){NE}"
                r"|(?P<named>middernacht|het\s+middaguur)(?!\w)"), self._clock),
        ]

    # ------------------------------------------------------------------ builders

    def _anchor(self, m: re.Match[str]) -> list[Mention] | None:
        which, mod = self.lex.anchor_prepositions[_norm(m.group("prep"))]
        event = self.lex.events.get(_norm(m.group("event")))
        if event is None:  # written with other spaces or apostrophes than the list has
            event = next((e for k, e in self.lex.events.items() if _norm(k) == _norm(m.group("event"))), None)
        if event is None:
            return None
        if event.first is None and mod is None:
            return None  # "in de oorlog", "tijdens de oorlog": which war and when is unknown
        expr = Expression("anchor", first_year=event.first, last_year=event.last, anchor_year=which, mod=mod)
        return [self._mention(m, expr, "anchor")]

    def _day_range(self, m: re.Match[str]) -> list[Mention] | None:
        month = self._month_number(m.group("m"))
        year = int(m.group("y")) if m.group("y") else None
        d1, d2 = int(re.match(r"\d+", m.group("d1")).group()), int(re.match(r"\d+", m.group("d2")).group())  # type: ignore[union-attr]
        if d1 >= d2:
            return None
        first = Expression("calendar", year=year, month=month, day=d1)
        second = Expression("calendar", year=year, month=month, day=d2)
        return [self._mention(m, first, "day-range", "d1"),
                Mention(m.start("d2"), m.end(), m.string[m.start("d2"):m.end()], second, "day-range")]

    def _date_range(self, m: re.Match[str]) -> list[Mention] | None:
        year = int(m.group("y"))
        first = Expression("calendar", year=year, month=self._month_number(m.group("m1")),
                           day=int(re.match(r"\d+", m.group("d1")).group()))  # type: ignore[union-attr]
        second = Expression("calendar", year=year, month=self._month_number(m.group("m2")),
                            day=int(re.match(r"\d+", m.group("d2")).group()))  # type: ignore[union-attr]
        return [Mention(m.start("d1"), m.end("m1"), m.string[m.start("d1"):m.end("m1")], first, "date-range"),
                Mention(m.start("d2"), m.end(), m.string[m.start("d2"):m.end()], second, "date-range")]

    def _year_range(self, m: re.Match[str]) -> list[Mention] | None:
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if not y1 < y2 <= y1 + 200:
            return None
        if m.group(0).strip().lower().split()[1:2] == ["en"] and not m.group("pre"):
            return None  # "2010 en 2015" without "tussen": two years, found one by one
        return [self._mention(m, Expression("calendar", year=y1), "year-range", "y1"),
                self._mention(m, Expression("calendar", year=y2), "year-range", "y2")]

    def _cue_direction(self, m: re.Match[str]) -> int | None:
        cue = m.groupdict().get("cue")
        return self.lex.direction_after.get(_norm(cue)) if cue else None

    def _clock_fields(self, m: re.Match[str]) -> dict[str, int]:
        text = m.groupdict().get("clock")
        if not text:
            return {}
        numbers = re.findall(r"\d+", text)
        return {"hour": int(numbers[0]), "minute": int(numbers[1]) if len(numbers) > 1 else 0}

    def _year_fields(self, m: re.Match[str]) -> dict[str, int]:
        groups = m.groupdict()
        if groups.get("y"):
            return {"year": self._year_number(groups["y"])}
        if groups.get("yrel"):
            return {"year_shift": self.lex.relative_words[_norm(groups["yrel"])]}
        return {}

    def _date(self, m: re.Match[str]) -> list[Mention] | None:
        day = int(re.match(r"\d+", m.group("d")).group())  # type: ignore[union-attr]
        month = self._month_number(m.group("m"))
        if day > (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
            return None
        weekday = self.lex.weekdays[_norm(m.group("wd"))] if m.group("wd") else None
        if m.group("y"):
            try:
                dt.date(self._year_number(m.group("y")), month, day)
            except ValueError:
                return None  # "29 februari 2019"
        expr = Expression("calendar", month=month, day=day, weekday=weekday, mod=self._date_mod(m.group("mod")),
                          direction=self._cue_direction(m), **self._year_fields(m), **self._clock_fields(m))
        return [self._mention(m, expr, "date")]

    def _numeric_date(self, m: re.Match[str]) -> list[Mention] | None:
        if m.group("sep") == "." and len(m.group("y") or "") != 4:
            return None  # "4.09.34" is a race time
        if m.group("iy"):
            year, month, day = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        else:
            year = self._year_number("'" + m.group("y") if len(m.group("y")) == 2 else m.group("y"))
            month, day = int(m.group("m")), int(m.group("d"))
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
        return [self._mention(m, Expression("calendar", year=year, month=month, day=day), "numeric-date")]

    def _month_rule(self, m: re.Match[str]) -> list[Mention] | None:
        word = m.group("m")
        fields = self._year_fields(m)
        if word[0].isupper() and not fields and not self._sentence_initial(m.string, m.start("m")) \
                and not m.group("mod"):
            return None  # "Augustus", "Mei": a name, not a month
        direction = self._cue_direction(m)
        rel = m.groupdict().get("rel")
        if rel and self.lex.relative_words[_norm(rel)]:  # "afgelopen januari", "komende september"
            direction = self.lex.relative_words[_norm(rel)]
        expr = Expression("calendar", month=self._month_number(word), mod=self._date_mod(m.group("mod")),
                          direction=direction, **fields)
        return [self._mention(m, expr, "month")]

    def _month_number(self, word: str) -> int:
        w = word.lower().rstrip(".")
        return self.lex.months.get(w) or self.lex.month_abbreviations[w]

    def _season(self, m: re.Match[str]) -> list[Mention] | None:
        code = self.lex.seasons[_norm(m.group("season"))]
        mod = self._date_mod(m.group("mod"))
        fields = self._year_fields(m)
        if m.groupdict().get("rel"):
            word = _norm(m.group("rel"))
            expr = Expression("relative", unit="season", season=code, shift=self.lex.relative_words[word],
                              upcoming=word in self.lex.upcoming_words, mod=mod)
        else:
            expr = Expression("calendar", season=code, mod=mod, **fields)
        return [self._mention(m, expr, "season")]

    def _relative_unit(self, m: re.Match[str]) -> list[Mention] | None:
        unit = {"week": "week", "weekend": "weekend", "maand": "month", "kwartaal": "quarter",
                "halfjaar": "halfyear", "jaar": "year", "decennium": "decade", "eeuw": "century"}[
            _norm(m.group("unit"))]
        shift = self.lex.relative_words[_norm(m.group("rel"))]
        weekday = self.lex.weekdays[_norm(m.group("wd"))] if m.group("wd") else None
        part = self.lex.parts_of_day[_norm(m.group("part"))] if m.group("part") else None
        mod = self._date_mod(m.groupdict().get("mod"))
        expr = Expression("relative", unit=unit, shift=shift, weekday=weekday, part=part, mod=mod)
        return [self._mention(m, expr, "relative-unit")]

    def _weekday(self, m: re.Match[str]) -> list[Mention] | None:
        before = m.string[max(0, m.start() - 12):m.start()].split()
        if not m.group("rel") and before and _norm(before[-1]) in _GENERIC_DETERMINERS:
            return None  # "op de zaterdagavond": a habit; "de maandag daarna": another story's day
        weekday = self.lex.weekdays[_norm(m.group("wd"))]
        part = self.lex.parts_of_day[_norm(m.group("part"))] if m.group("part") else None
        shift = self.lex.relative_words[_norm(m.group("rel"))] if m.group("rel") else None
        expr = Expression("calendar", weekday=weekday, part=part, shift=shift,
                          direction=self._cue_direction(m), **self._clock_fields(m))
        return [self._mention(m, expr, "weekday")]

    def _day_word(self, m: re.Match[str]) -> list[Mention] | None:
        word = _norm(m.group("dw"))
        if word == "morgen":
            before = m.string[max(0, m.start() - 12):m.start()].split()
            if before and _norm(before[-1]) in _MORNING_DETERMINERS:
                return None
        shift, part = self.lex.day_words[word]
        expr = Expression("relative", unit="day", shift=shift, part=part, **self._clock_fields(m))
        return [self._mention(m, expr, "day-word", check="adverb" if word == "morgen" else None)]

    def _relative_part(self, m: re.Match[str]) -> list[Mention] | None:
        """"afgelopen nacht", "voorbije avond", "komende nacht": a part of a day near the DCT."""
        word = _norm(m.group("rel"))
        if word in ("volgende", "volgend"):
            return None  # "de volgende ochtend" counts from the story's day, not the article's
        part = self.lex.parts_of_day[_norm(m.group("partword"))]
        shift = self.lex.relative_words[word]
        if shift > 0:  # "komende nacht" is tonight; "komende ochtend" tomorrow's
            shift = 1 if part == "MO" else 0
        return [self._mention(m, Expression("relative", unit="day", shift=shift, part=part), "relative-part")]

    def _same_day(self, m: re.Match[str]) -> list[Mention] | None:
        return [self._mention(m, Expression("relative", unit="day", shift=0), "same-day")]

    def _counted(self, m: re.Match[str], sign: int, rule: str) -> list[Mention] | None:
        unit = self.lex.units[_norm(m.group("unit"))]
        amount = self._amount(m.group("amount"))
        if amount is not None and amount > 5000:
            return None  # "over 9999999 dagen": no date, and outside the calendar
        if amount is None:
            expr = Expression("reference", reference="PAST_REF" if sign < 0 else "FUTURE_REF")
            return [self._mention(m, expr, rule)]
        if unit == "halfyear":
            unit, amount = "month", amount * 6
        if unit == "quarter":
            unit, amount = "month", amount * 3
        if amount != int(amount):
            # "anderhalf jaar geleden": counted in the next smaller unit
            smaller = {"year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24),
                       "decade": ("year", 10), "century": ("year", 100)}.get(unit)
            if smaller is None:
                return None
            unit, amount = smaller[0], amount * smaller[1]
        expr = Expression("relative", unit=unit, shift=sign * round(amount))
        return [self._mention(m, expr, rule)]

    def _ago(self, m: re.Match[str]) -> list[Mention] | None:
        if m.group("amount") is None:
            return None  # "jaren geleden": the reference rule
        return self._counted(m, -1, "ago")

    def _from_now(self, m: re.Match[str]) -> list[Mention] | None:
        return self._counted(m, 1, "from-now")

    def _decade(self, m: re.Match[str]) -> list[Mention] | None:
        century_shift = None
        if m.group("dfull"):
            decade = int(m.group("dfull")) // 10
        else:
            decade = _DECADE_WORDS[_norm(m.group("dw"))] if m.group("dw") else int(m.group("dd")) // 10
            if m.group("cord"):
                decade += self._century_number(m.group("cord")) * 10
            elif m.group("crel"):  # "van de vorige eeuw": counted from the DCT's century
                century_shift = {"vorige": -1, "deze": 0, "volgende": 1}[_norm(m.group("crel"))]
        expr = Expression("calendar", decade=decade, shift=century_shift, mod=self._date_mod(m.group("mod")))
        return [self._mention(m, expr, "decade")]

    def _century_number(self, ordinal: str) -> int:
        """The two TIMEX3 digits of a century: "de twintigste eeuw", "de 20e eeuw" → 19."""
        word = _norm(ordinal)
        n = self.lex.ordinals.get(word)
        if n is None:
            n = int(re.match(r"\d+", word).group())  # type: ignore[union-attr]
        return n - 1

    def _century(self, m: re.Match[str]) -> list[Mention] | None:
        century = self._century_number(m.group("ord"))
        if not 0 <= century <= 21:
            return None
        expr = Expression("calendar", century=century, mod=self._date_mod(m.group("mod")))
        return [self._mention(m, expr, "century")]

    def _quarter(self, m: re.Match[str]) -> list[Mention] | None:
        what = m.group("what").lower()
        ordinal = m.group("ord").lower()
        n = int(ordinal) if ordinal.isdigit() else (4 if ordinal == "laatste" and what == "kwartaal" else
                                                     2 if ordinal == "laatste" else self.lex.ordinals.get(ordinal))
        if what in ("helft", "jaarhelft") and not (m.group("y") or m.group("yrel") or m.group("year")):
            return None  # "de tweede helft" alone is as often a match's or a century's
        if what in ("q", "k", "kwartaal"):
            if n is None or not 1 <= n <= 4:
                return None
            fields = {"quarter": n}
        else:
            if n is None or not 1 <= n <= 2:
                return None
            fields = {"half": n}
        year_fields = self._year_fields(m)
        if not year_fields and m.groupdict().get("year"):  # "van het jaar": the DCT's year
            year_fields = {"year_shift": 0}
        expr = Expression("calendar", **fields, **year_fields)
        return [self._mention(m, expr, "quarter")]

    def _holiday(self, m: re.Match[str]) -> list[Mention] | None:
        holiday = self.lex.holidays[_norm(m.group("h"))]
        expr = Expression("calendar", holiday=holiday.rule, part=holiday.part, **self._year_fields(m))
        return [self._mention(m, expr, "holiday")]

    def _year_rule(self, m: re.Match[str]) -> list[Mention] | None:
        if _QUANTITY_AFTER.match(m.string, m.end()):
            return None  # "tot 2000 euro", "in 1500 gemeenten"
        cue = _norm(m.group("cue") or "")
        text = m.group("y")
        if text[0] in "'’" and cue not in ("in", "sinds", "van", "tot", "eind", "begin", "medio", "rond"):
            return None
        mod = self._date_mod(m.group("mod") or m.group("mod2"))
        if mod is None and cue in self.lex.date_modifiers:  # "rond 1900", "eind 2018": part of the expression
            mod = self._date_mod(cue)
            start_group = "cue"
        else:
            start_group = "mod" if m.group("mod") else "mod2"
        expr = Expression("calendar", year=self._year_number(text), mod=mod)
        return [self._mention(m, expr, "year", "y", start_group=start_group, check="year")]

    def _duration(self, m: re.Match[str]) -> list[Mention] | None:
        groups = m.groupdict()
        if groups.get("punit"):
            unit = self.lex.units[_norm(groups["punit"])]
            expr = Expression("duration", unit=unit, amount=None)
            if groups.get("al"):
                return [self._mention(m, expr, "duration", "punit")]
            return [self._mention(m, expr, "duration")]
        unit = self.lex.units[_norm(groups["unit"])]
        amount_text = groups.get("amount")
        amount = self._amount(amount_text)
        if _ANAPHORIC_AFTER.match(m.string, m.end()):
            return None
        before = m.string[max(0, m.start() - 12):m.start()].split()
        previous = _norm(before[-1]) if before else ""
        if unit == "hour" and re.fullmatch(_CLOCK_PREPOSITIONS, previous):
            return None  # "om 8 uur" is a clock time
        if amount_text and _norm(amount_text) in ("een", "één") and previous == "op":
            return None  # "op een dag": once upon a time
        mod = self.lex.duration_modifiers.get(_norm(groups["mod"])) if groups.get("mod") else None
        expr = Expression("duration", unit=unit, amount=amount, mod=mod)
        return [self._mention(m, expr, "duration")]

    def _set(self, m: re.Match[str]) -> list[Mention] | None:
        groups = m.groupdict()
        if groups.get("adverb"):
            value = self.lex.sets[_norm(groups["adverb"])]
            found = re.fullmatch(r"P(\d+)([DWMY])", value)
            assert found, value
            unit = {"D": "day", "W": "week", "M": "month", "Y": "year"}[found.group(2)]
            return [self._mention(m, Expression("set", unit=unit, amount=float(found.group(1))), "set")]
        if groups.get("wd"):
            part = self.lex.parts_of_day[_norm(groups["part"])] if groups.get("part") else None
            expr = Expression("set", weekday=self.lex.weekdays[_norm(groups["wd"])], part=part)
            return [self._mention(m, expr, "set")]
        if groups.get("season"):
            return [self._mention(m, Expression("set", season=self.lex.seasons[_norm(groups["season"])]), "set")]
        if groups.get("partonly"):
            return [self._mention(m, Expression("set", part=self.lex.parts_of_day[_norm(groups["partonly"])]),
                                  "set")]
        unit_text = groups.get("unit") or groups.get("unit1")
        assert unit_text
        before = m.string[max(0, m.start() - 12):m.start()].split()
        if groups.get("unit1") and before and _norm(before[-1]) in _SPEED_UNITS:
            return None  # "80 km per uur" is a speed, not a recurrence
        unit = self.lex.units[_norm(unit_text)]
        amount = self._amount(groups.get("amount")) if groups.get("unit") else 1.0
        if groups.get("unit1") and groups.get("amount") is not None:
            amount = 1.0  # "twee keer per week": the recurrence is weekly
        return [self._mention(m, Expression("set", unit=unit, amount=amount), "set")]

    def _reference(self, m: re.Match[str]) -> list[Mention] | None:
        groups = m.groupdict()
        if groups.get("punit"):
            return [self._mention(m, Expression("reference", reference="PAST_REF"), "reference")]
        phrase = _norm(groups["ref"])
        if phrase == "nu" and _NU_IDIOM.match(m.string, m.end()):
            return None  # "nu eenmaal", "nu en dan": idioms, not the present
        expr = Expression("reference", reference=self.lex.vague_references[phrase])
        return [self._mention(m, expr, "reference", check="adverb" if phrase == "nu" else None)]

    def _clock(self, m: re.Match[str]) -> list[Mention] | None:
        if m.group("named"):
            hour = 24 if _norm(m.group("named")) == "middernacht" else 12
            return [self._mention(m, Expression("calendar", hour=hour, minute=0), "clock")]
        text = m.group("clock")
        has_uur = "uur" in text.lower()
        before = m.string[max(0, m.start() - 10):m.start()].split()
        if not has_uur and not (before and re.fullmatch(_CLOCK_PREPOSITIONS, _norm(before[-1]))) \
                and not m.group("mod"):
            return None  # "15.30" alone may be a score or an amount
        numbers = re.findall(r"\d+", text)
        if not has_uur and len(numbers) < 2:
            return None
        hour, minute = int(numbers[0]), int(numbers[1]) if len(numbers) > 1 else 0
        if hour > 24 or (hour == 24 and minute):
            return None
        mod = self.lex.date_modifiers.get(_norm(m.group("mod"))) if m.group("mod") else None
        return [self._mention(m, Expression("calendar", hour=hour, minute=minute, mod=mod), "clock")]
