#!/usr/bin/env python3
"""Train kroniek's fast Dutch parser (docs/FAST_PARSER.md) from Frog's parses.

    .venv/bin/python scripts/train_fast_parser.py \\
        --silver ~/.cache/kroniek/parses --exclude $DATA/dev-nl --exclude $DATA/conll2002_nl/ned.testa \\
        --out src/kroniek/models/nl_fast --seed 1 --max-tokens 450000 --max-steps 6000

Silver data is any folder of ParsedDoc JSON files (kroniek's parse cache is one: every
text Frog has parsed for kroniek). Each Frog parse becomes a spaCy Doc with Frog's
tokens, full tags, lemmas, one dependency tree per sentence and entities
(:mod:`kroniek.nlp.fast_convert`). A tenth of the texts, chosen by their hash
(:mod:`kroniek.eval.parser_split`), is never trained on, nor is any text of an
``--exclude`` source (a gold folder of JSON files with a ``text`` field, or a CoNLL
file): those are where quality is measured. One spaCy 3.8 pipeline — a small hash-embed
CNN shared by a tagger, an edit-tree lemmatizer, a parser (which also splits sentences)
and an NER — is trained on one CPU core and written to ``--out``, with a
``kroniek-training.json`` that says what it was trained on.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kroniek.eval.parser_split import held_out  # noqa: E402
from kroniek.model import ParsedDoc  # noqa: E402
from kroniek.nlp.fast_convert import to_spacy_doc  # noqa: E402

PIPELINE = ["tagger", "trainable_lemmatizer", "parser", "ner"]
DEV_DOCS = 40  # held-out docs spaCy scores during training (the real figures: kroniek eval parser)


def read_silver(folders: list[Path]) -> list[ParsedDoc]:
    """Every Frog ParsedDoc under the folders, one per distinct text, in a stable order."""
    by_text: dict[str, ParsedDoc] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*.json")):
            try:
                doc = ParsedDoc.from_dict(json.loads(path.read_text(encoding="utf-8")))
            except (ValueError, TypeError, KeyError):
                continue  # not a parse (or an old cache format): skip it
            if doc.parser == "frog" and doc.tokens:
                by_text.setdefault(doc.text, doc)
    return [by_text[t] for t in sorted(by_text, key=lambda t: hashlib.sha256(t.encode()).hexdigest())]


def excluded_snippets(sources: list[Path]) -> list[str]:
    """Pieces of text that mark a document as belonging to an excluded source."""
    snippets: list[str] = []
    for src in sources:
        if src.is_dir():
            for path in sorted(src.glob("*.json")):
                data = json.loads(path.read_text(encoding="utf-8"))
                text = data.get("text") if isinstance(data, dict) else None
                if text:
                    snippets.append(" ".join(text.split())[:80])
        else:
            # CoNLL: one token a line, a blank line between sentences; the evaluations
            # parse the tokens joined by spaces, so a long sentence marks the document.
            words: list[str] = []
            for line in [*src.read_text(encoding="utf-8").splitlines(), ""]:
                parts = line.split()
                if parts and parts[0] != "-DOCSTART-":
                    words.append(parts[0])
                elif words:
                    if len(words) >= 8:
                        snippets.append(" ".join(words))
                    words = []
    return snippets


def split(docs: list[ParsedDoc], snippets: list[str]) -> tuple[list[ParsedDoc], list[ParsedDoc], int]:
    """(train, held out, excluded count)."""
    train, held, excluded = [], [], 0
    for doc in docs:
        flat = " ".join(doc.text.split())
        if any(s in flat or flat[:80] in s for s in snippets):
            excluded += 1
        elif held_out(doc.text):
            held.append(doc)
        else:
            train.append(doc)
    return train, held, excluded


def write_docbin(docs: list[ParsedDoc], path: Path, nlp) -> int:
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    n = 0
    for parsed in docs:
        db.add(to_spacy_doc(parsed, nlp.vocab))
        n += len(parsed.tokens)
    db.to_disk(path)
    return n


def adapt_tokenizer(nlp, docs: list[ParsedDoc]) -> dict[str, int]:
    """Bring spaCy's Dutch tokenizer closer to Frog's on the silver texts; returns counts.

    Training reads Frog's own tokens, so only the tokenizer decides how new text is cut.
    Two differences dominate: Dutch news quotes with ,, and '' which Frog splits into
    two marks each and spaCy keeps whole; and spaCy's abbreviations that end in a period
    (``dat.``, ``hand.``, ``best.``) which in news are mostly a word that ends a
    sentence, where Frog splits. An abbreviation is dropped when Frog splits it more
    often than it keeps it in the silver texts.
    """
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    tok = nlp.tokenizer
    prefixes = [p for p in nlp.Defaults.prefixes if p != ",,"]
    suffixes = [s for s in nlp.Defaults.suffixes if s != "''"]
    tok.prefix_search = compile_prefix_regex(prefixes).search
    tok.suffix_search = compile_suffix_regex(suffixes).search
    kept: dict[str, int] = {}
    split_: dict[str, int] = {}
    dotted = {k for k in tok.rules if k.endswith(".")}
    for parsed in docs:
        frog = {(t.start, t.end) for t in parsed.tokens}
        for t in tok(parsed.text):
            if t.text in dotted:
                counts = kept if (t.idx, t.idx + len(t.text)) in frog else split_
                counts[t.text] = counts.get(t.text, 0) + 1
    dropped = {k for k, n in split_.items() if n > kept.get(k, 0)}
    tok.rules = {k: v for k, v in tok.rules.items() if k not in dropped}
    return {"abbreviations_dropped": len(dropped), "abbreviations_seen": len(set(kept) | set(split_))}


def write_meta(out: Path, version: str) -> None:
    """Name and version in spaCy's meta.json; kroniek reads the version (kroniek.nlp.fast)."""
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update({"name": "kroniek_nl_fast", "version": version,
                 "description": "kroniek's fast Dutch parser, trained on Frog's parses (docs/FAST_PARSER.md)",
                 "license": "see kroniek's docs/FAST_PARSER.md (trained on the output of Frog, GPL-3.0)"})
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def make_config(args: argparse.Namespace, train: Path, dev: Path):
    from spacy.cli.init_config import init_config

    config = init_config(lang="nl", pipeline=PIPELINE, optimize="efficiency", gpu=False)
    overrides = {
        "paths.train": str(train),
        "paths.dev": str(dev),
        "system.seed": args.seed,
        "training.seed": args.seed,
        "training.max_steps": args.max_steps,
        "training.max_epochs": 0,
        "training.patience": 0,
        "training.eval_frequency": args.eval_frequency,
        "components.tok2vec.model.encode.width": args.width,
        "components.tok2vec.model.encode.depth": args.depth,
        "components.tok2vec.model.embed.rows": [args.rows, args.rows // 4, args.rows // 2, args.rows // 4],
        "components.parser.model.hidden_width": 64,
        # Frog's rare labels still matter to the extractors (obj2, se, predm): keep them.
        "components.parser.min_action_freq": 5,
        "components.trainable_lemmatizer.min_tree_freq": 2,
        "nlp.batch_size": 256,
    }
    for key, value in overrides.items():
        node = config
        *path, last = key.split(".")
        for part in path:
            node = node[part]
        node[last] = value
    return config


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="Run it with OMP_NUM_THREADS=1: it trains on one core.")
    p.add_argument("--silver", type=Path, action="append", required=True,
                   help="folder of Frog ParsedDoc JSON files (e.g. ~/.cache/kroniek/parses); repeatable")
    p.add_argument("--exclude", type=Path, action="append", default=[],
                   help="a gold folder (JSON files with 'text') or a CoNLL file whose texts must not be trained on")
    p.add_argument("--out", type=Path, required=True, help="folder the model is written to (replaced)")
    p.add_argument("--workdir", type=Path, default=None, help="where DocBins and checkpoints go (default: kroniek-train-fast in the temporary folder)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--version", default="1.0", help="model version; the parser names itself fast-nl-VERSION")
    p.add_argument("--max-tokens", type=int, default=450_000, help="train on at most this many silver tokens")
    p.add_argument("--max-steps", type=int, default=6000, help="training steps (batches)")
    p.add_argument("--eval-frequency", type=int, default=1000)
    p.add_argument("--width", type=int, default=96, help="CNN width")
    p.add_argument("--depth", type=int, default=4, help="CNN depth")
    p.add_argument("--rows", type=int, default=8000, help="hash-embedding rows of the NORM feature")
    p.add_argument("--tokenizer-only", type=Path, default=None, metavar="MODEL",
                   help="do not train: fit the tokenizer of the trained MODEL folder to the silver texts, write to --out")
    args = p.parse_args(argv)

    import spacy
    from spacy.cli.train import train as spacy_train

    started = time.monotonic()
    docs = read_silver([s.expanduser() for s in args.silver])
    train_docs, held_docs, excluded = split(docs, excluded_snippets(args.exclude))
    if args.tokenizer_only:
        nlp = spacy.load(args.tokenizer_only)
        counts = adapt_tokenizer(nlp, train_docs)
        nlp.to_disk(args.out)
        write_meta(args.out, args.version)
        info_path = args.tokenizer_only / "kroniek-training.json"
        info = json.loads(info_path.read_text(encoding="utf-8")) if info_path.exists() else {}
        info["tokenizer"] = counts
        (args.out / "kroniek-training.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
        print(f"tokenizer fitted to {len(train_docs)} training texts: {counts}")
        return 0
    random.Random(args.seed).shuffle(train_docs)
    chosen, tokens = [], 0
    for d in train_docs:
        if tokens >= args.max_tokens:
            break
        chosen.append(d)
        tokens += len(d.tokens)
    print(f"silver: {len(docs)} texts; {excluded} excluded, {len(held_docs)} held out, "
          f"{len(chosen)} trained on ({tokens} tokens)", flush=True)

    # Never next to --out: that is usually inside the package, and checkpoints do not ship.
    work = args.workdir or Path(tempfile.gettempdir()) / "kroniek-train-fast"
    work.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("nl")
    train_path, dev_path = work / "train.spacy", work / "dev.spacy"
    write_docbin(chosen, train_path, nlp)
    dev_tokens = write_docbin(held_docs[:DEV_DOCS], dev_path, nlp)
    config = make_config(args, train_path, dev_path)
    config_path = work / "config.cfg"
    config.to_disk(config_path)
    print(f"DocBins written ({dev_tokens} dev tokens); training {args.max_steps} steps", flush=True)
    spacy_train(config_path, work / "output", use_gpu=-1)

    best = work / "output" / "model-best"
    if args.out.exists():
        shutil.rmtree(args.out)
    nlp = spacy.load(best)
    tokenizer_counts = adapt_tokenizer(nlp, train_docs)
    nlp.to_disk(args.out)
    write_meta(args.out, args.version)
    info = {
        "trained": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "spacy": spacy.__version__, "seed": args.seed,
        "silver": [str(s) for s in args.silver], "excluded_sources": [str(e) for e in args.exclude],
        "texts": {"silver": len(docs), "excluded": excluded, "held_out": len(held_docs), "trained": len(chosen)},
        "train_tokens": tokens, "max_steps": args.max_steps, "tokenizer": tokenizer_counts,
        "cnn": {"width": args.width, "depth": args.depth, "rows": args.rows},
        "minutes": round((time.monotonic() - started) / 60, 1),
        "omp_threads": os.environ.get("OMP_NUM_THREADS"),
    }
    (args.out / "kroniek-training.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(info, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
