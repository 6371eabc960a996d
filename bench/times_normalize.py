"""Speed of the times step's parts: normalization (issue 4: 10,000 expressions under a
second) and, side by side in the same run, recognition over raw text.

  normalize   kroniek.extract.timex.normalize over N (expression, DCT, tense) triples:
              expressions recognized once from the phrases below, DCTs at every precision
              (year, month, day, date-time), all four tenses; best of --repeat runs
  recognize   TimeTagger.recognize over Dutch news text (the DpgMedia 2019 articles in
              ../shared/data when present, else the phrases below repeated), in characters
              and expressions per second

No parse is involved (tense detection reads an existing parse and is linear in tokens).

    python bench/times_normalize.py [--n 10000] [--repeat 5] [--articles PATH] [--limit 300]
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from pathlib import Path

from kroniek.dates import parse_pub_date
from kroniek.extract.timex import TimeTagger, normalize

# Phrases written for this benchmark: one or more of every kind of expression.
PHRASES = [
    "donderdag", "dinsdagavond", "afgelopen zaterdag", "vorige week dinsdag", "gisteren", "vanavond",
    "morgenochtend", "12 juni", "12 juni 2018", "maandag 18 maart", "12-06-2018", "juni 2018", "in oktober",
    "begin juni", "eind 2018", "in 1998", "de jaren negentig", "de negentiende eeuw", "vorige week",
    "eerder deze maand", "volgend jaar", "dit voorjaar", "afgelopen winter", "het komende decennium",
    "over twee weken", "drie jaar geleden", "anderhalf jaar geleden", "het eerste kwartaal",
    "de tweede helft van 2017", "met Pasen", "op Prinsjesdag", "zeventig jaar", "ruim drie maanden",
    "enkele weken", "jarenlang", "de afgelopen twee weken", "elke week", "jaarlijks", "iedere zaterdag",
    "twee keer per maand", "nu", "tegenwoordig", "tot nu toe", "vroeger", "binnenkort",
    "na de Tweede Wereldoorlog", "van 24 tot en met 26 oktober", "om 15.30 uur", "rond middernacht",
]
DCTS = ["2018", "2018-05", "2018-05-30", "2019-03-14", "2018-12-28", "2020-02-29T10:15:00"]
TENSES = ["past", "present", "future", None]


def bench_normalize(n: int, repeat: int, tagger: TimeTagger) -> tuple[float, int]:
    expressions = [m.expression for phrase in PHRASES for m in tagger.recognize(phrase)]
    dcts = [parse_pub_date(d) for d in DCTS]
    triples = list(itertools.islice(itertools.cycle(itertools.product(expressions, dcts, TENSES)), n))
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for expr, dct, tense in triples:
            normalize(expr, dct, tense)
        best = min(best, time.perf_counter() - started)
    return best, len(expressions)


def bench_recognize(texts: list[str], tagger: TimeTagger) -> tuple[float, int, int]:
    started = time.perf_counter()
    found = sum(len(tagger.recognize(t)) for t in texts)
    return time.perf_counter() - started, sum(map(len, texts)), found


def main() -> None:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10_000, help="expressions to normalize (default 10000)")
    ap.add_argument("--repeat", type=int, default=5, help="runs of the normalization; the best counts")
    ap.add_argument("--articles", type=Path,
                    default=here.parent.parent / "shared" / "data" / "dpgmedia2019_nl" / "articles.jsonl")
    ap.add_argument("--limit", type=int, default=300, help="articles to recognize in (default 300)")
    args = ap.parse_args()

    started = time.perf_counter()
    tagger = TimeTagger()
    build = time.perf_counter() - started
    print(f"tagger built (lexicons read, rules compiled) in {build * 1000:.0f} ms")

    seconds, distinct = bench_normalize(args.n, args.repeat, tagger)
    print(f"normalize: {args.n:,} expressions ({distinct} distinct × {len(DCTS)} DCTs × {len(TENSES)} tenses) "
          f"in {seconds:.3f} s, best of {args.repeat} = {args.n / seconds:,.0f} a second "
          f"({'under' if seconds < 1 else 'OVER'} the one-second target)")

    if args.articles.exists():
        with args.articles.open(encoding="utf-8") as f:
            texts = [json.loads(line)["text"] for line in itertools.islice(f, args.limit)]
        source = f"{len(texts)} DpgMedia 2019 articles"
    else:
        texts = [". ".join(PHRASES)] * 100
        source = "the benchmark phrases ×100 (articles not found)"
    seconds, chars, found = bench_recognize(texts, tagger)
    print(f"recognize: {source}, {chars:,} characters, {found:,} expressions in {seconds:.2f} s "
          f"= {chars / seconds:,.0f} characters a second")


if __name__ == "__main__":
    main()
