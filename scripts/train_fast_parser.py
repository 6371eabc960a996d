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

With ``--ner-only MODEL`` no new model is trained: the NER of a trained model goes on
learning from the silver entities plus the gold entities of ``--gold-ner`` CoNLL-2002
files (``ned.train``; its research-only licence then binds the model), every other
component frozen. Model 1.1 was made that way from model 1.0 (docs/FAST_PARSER.md).
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


GOLD_TYPES = ("PER", "ORG", "LOC", "MISC")  # CoNLL-2002's types, a subset of Frog's


def read_gold_ner(path: Path, drop_adjective_misc: bool) -> list[list[tuple[list[str], list[str]]]]:
    """Articles of a CoNLL-2002 file (``WORD POS TAG``) as lists of (words, BIO tags) sentences.

    CoNLL-2002 marks nationality adjectives ("Belgische") as MISC where Frog marks
    nothing; with ``drop_adjective_misc`` a MISC entity made of adjectives only (the
    file's POS column: ``Adj``) becomes outside, so the gold agrees with Frog's silver.
    """
    articles: list[list[tuple[list[str], list[str]]]] = []
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    pos: list[str] = []
    tags: list[str] = []

    def end_sentence() -> None:
        if words:
            fixed = list(tags)
            if drop_adjective_misc:
                for a, b, label in _bio_spans(fixed):
                    if label == "MISC" and all(p == "Adj" for p in pos[a:b]):
                        fixed[a:b] = ["O"] * (b - a)
            sents.append((list(words), fixed))
        words.clear()
        pos.clear()
        tags.clear()

    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split()
        if not parts:
            end_sentence()
        elif parts[0] == "-DOCSTART-":
            end_sentence()
            if sents:
                articles.append(sents)
                sents = []
        else:
            tag = parts[-1]
            if len(parts) < 2 or not (tag == "O" or (tag[:2] in ("B-", "I-") and tag[2:] in GOLD_TYPES)):
                raise SystemExit(f"{path}:{n}: expected 'WORD [POS] TAG' with a CoNLL-2002 tag, got {line[:60]!r}")
            words.append(parts[0])
            pos.append(parts[1] if len(parts) >= 3 else "")
            tags.append(tag)
    end_sentence()
    if sents:
        articles.append(sents)
    return articles


def _bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) of the entities in IOB tags; an I- that does not continue its type opens one."""
    spans: list[tuple[int, int, str]] = []
    start, label = None, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        if start is not None and (prefix != "I" or typ != label):
            spans.append((start, i, label))
            start = None
        if prefix in ("B", "I") and start is None:
            start, label = i, typ
    return spans


def gold_ner_docs(articles: list[list[tuple[list[str], list[str]]]], vocab, max_words: int = 300):
    """spaCy Docs with gold entities only, in pieces of whole sentences of about ``max_words``.

    The words are joined by single spaces, as ``kroniek eval ner`` joins them for the parser.
    """
    from spacy.tokens import Doc, Span

    docs = []
    for article in articles:
        piece: list[tuple[list[str], list[str]]] = []
        for k, sent in enumerate(article):
            piece.append(sent)
            if sum(len(w) for w, _ in piece) >= max_words or k == len(article) - 1:
                words = [w for ws, _ in piece for w in ws]
                doc = Doc(vocab, words=words, spaces=[True] * len(words))
                spans, offset = [], 0
                for ws, tags in piece:
                    spans += [Span(doc, offset + a, offset + b, label=t) for a, b, t in _bio_spans(tags)]
                    offset += len(ws)
                doc.ents = spans
                docs.append(doc)
                piece = []
    return docs


def article_text(article: list[tuple[list[str], list[str]]]) -> str:
    return "\n\n".join(" ".join(ws) for ws, _ in article)


def _ner_prf(nlp, examples) -> float:
    """Entity F1 (exact span and type) of the NER on the examples' words."""
    from spacy.scorer import get_ner_prf
    from spacy.tokens import Doc
    from spacy.training import Example

    scored = []
    for eg in examples:
        doc = Doc(nlp.vocab, words=[t.text for t in eg.reference], spaces=[bool(t.whitespace_) for t in eg.reference])
        for name in ("tok2vec", "ner"):
            doc = nlp.get_pipe(name)(doc)
        scored.append(Example(doc, eg.reference))
    return round(100 * get_ner_prf(scored)["ents_f"], 1)


def _batches(examples: list, words: int, rng: random.Random, keep_last: bool = True) -> list[list]:
    """The examples in a random order, cut into batches of about ``words`` words
    (the short last one dropped unless ``keep_last``)."""
    order = list(examples)
    rng.shuffle(order)
    out, batch, n = [], [], 0
    for eg in order:
        batch.append(eg)
        n += len(eg.reference)
        if n >= words:
            out.append(batch)
            batch, n = [], 0
    if batch and keep_last:
        out.append(batch)
    return out


def train_ner_only(base: Path, silver, gold_docs, silver_dev, gold_dev, args) -> tuple[object, list[dict]]:
    """Go on training the NER of the model at ``base`` on silver and gold entities.

    Everything else stays as it was: the tokenizer, the tok2vec CNN, tagger, lemmatizer
    and parser keep their weights (the tok2vec's vectors are computed without a
    gradient and handed to the NER), so only the entities of the model change.
    """
    import spacy
    from spacy.tokens import Doc
    from spacy.training import Example
    from thinc.api import Adam, fix_random_seed

    fix_random_seed(args.seed)
    nlp = spacy.load(base)
    tok2vec, ner = nlp.get_pipe("tok2vec"), nlp.get_pipe("ner")

    def example(ref):
        return Example(Doc(nlp.vocab, words=[t.text for t in ref], spaces=[bool(t.whitespace_) for t in ref]), ref)

    silver_train = [example(to_spacy_doc(d, nlp.vocab)) for d in silver]
    if args.ner_tok2vec:
        # The base model knows only the tags and labels of its own training texts; a silver
        # text with another dependency label is left out, another tag counts as missing.
        tags = set(nlp.get_pipe("tagger").labels)
        deps = set(nlp.get_pipe("parser").labels) | {"ROOT"}
        kept = []
        for eg in silver_train:
            if all(t.dep_ in deps for t in eg.reference):
                for t in eg.reference:
                    if t.tag_ not in tags:
                        t.tag_ = ""
                kept.append(eg)
        print(f"{len(silver_train) - len(kept)} silver texts with a dependency label the base model lacks left out", flush=True)
        silver_train = kept
    gold_train = [example(d) for d in gold_docs]
    dev_silver = [example(to_spacy_doc(d, nlp.vocab)) for d in silver_dev]
    dev_gold = [example(d) for d in gold_dev]
    optimizer = Adam(learn_rate=args.ner_learn_rate, L2=0.01, grad_clip=1.0)
    rng = random.Random(args.seed)
    log: list[dict] = []

    def evaluate(step: int, loss: float) -> None:
        row = {"step": step, "loss": round(float(loss), 1), "seconds": round(time.monotonic() - t0), "silver_dev_f": _ner_prf(nlp, dev_silver),
               "gold_dev_f": _ner_prf(nlp, dev_gold) if dev_gold else None}
        log.append(row)
        print(json.dumps(row), flush=True)

    t0 = time.monotonic()
    evaluate(0, 0.0)
    step, loss = 0, 0.0
    # Gold pieces carry entities only: with --ner-tok2vec their batches update the NER and
    # the tok2vec and nothing else, while silver batches update every component.
    gold_only = ["tagger", "trainable_lemmatizer", "parser"]
    while step < args.max_steps:
        if args.ner_tok2vec:
            batches = [(False, b) for b in _batches(silver_train, args.ner_batch_words, rng)]
            batches += [(True, b) for b in _batches(gold_train, args.ner_batch_words, rng)]
            rng.shuffle(batches)
        else:  # the NER alone learns: silver and gold pieces mixed in every batch
            batches = [(False, b) for b in _batches(silver_train + gold_train, args.ner_batch_words, rng, keep_last=False)]
        for is_gold, batch in batches:
            losses: dict[str, float] = {}
            if args.ner_tok2vec:
                nlp.update(batch, drop=0.1, sgd=optimizer, losses=losses, exclude=gold_only if is_gold else [])
            else:
                docs = [e.predicted for e in batch]
                tok2vec.set_annotations(docs, tok2vec.predict(docs))  # no gradient flows back into it
                ner.update(batch, drop=0.1, sgd=optimizer, losses=losses)
                for d in docs:
                    d.tensor = d.tensor[:0]  # computed again next time; do not keep them
            loss += losses.get("ner", 0.0)
            step += 1
            if step % args.eval_frequency == 0 or step == args.max_steps:
                evaluate(step, loss)
                loss = 0.0
            if step >= args.max_steps:
                break
    return nlp, log


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
    p.add_argument("--gold-ner", type=Path, action="append", default=[], metavar="CONLL",
                   help="a CoNLL-2002 file (e.g. ned.train) whose gold entities are added to the silver ones; "
                        "repeatable; needs --ner-only. Its research-only licence binds the model (docs/FAST_PARSER.md)")
    p.add_argument("--keep-adjective-misc", action="store_true",
                   help="keep CoNLL's MISC on nationality adjectives (default: drop them, as Frog does not tag them)")
    p.add_argument("--ner-only", type=Path, default=None, metavar="MODEL",
                   help="do not train a new model: go on training the NER of the trained MODEL folder on the silver "
                        "(and --gold-ner) entities, every other component frozen, and write it to --out")
    p.add_argument("--ner-tok2vec", action="store_true",
                   help="with --ner-only, train the shared tok2vec too: silver batches then update every "
                        "component (so tagger, lemmatizer and parser follow the tok2vec), gold batches the NER")
    p.add_argument("--ner-batch-words", type=int, default=1000, help="words a batch with --ner-only")
    p.add_argument("--ner-learn-rate", type=float, default=0.0005, help="Adam's learning rate with --ner-only")
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
    if args.gold_ner and not args.ner_only:
        p.error("--gold-ner needs --ner-only (gold entities are added to a trained model's NER)")
    random.Random(args.seed).shuffle(train_docs)
    chosen, tokens = [], 0
    for d in train_docs:
        if tokens >= args.max_tokens:
            break
        chosen.append(d)
        tokens += len(d.tokens)
    print(f"silver: {len(docs)} texts; {excluded} excluded, {len(held_docs)} held out, "
          f"{len(chosen)} trained on ({tokens} tokens)", flush=True)

    if args.ner_only:
        return retrain_ner(args, docs, excluded, held_docs, chosen, tokens, started)

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


def retrain_ner(args, docs, excluded, held_docs, chosen, tokens, started) -> int:
    """--ner-only: the base model's NER trained further on silver and gold entities."""
    import spacy

    base = args.ner_only
    vocab = spacy.blank("nl").vocab
    snippets = excluded_snippets(args.exclude)
    gold_train, gold_held, gold_info = [], [], []
    for path in args.gold_ner:
        articles = read_gold_ner(path, drop_adjective_misc=not args.keep_adjective_misc)
        kept, held, dropped = [], [], 0
        for article in articles:
            flat = " ".join(article_text(article).split())
            if any(s in flat for s in snippets):
                dropped += 1  # an article of a measuring set (never the case for ned.train and ned.testa)
            elif held_out(article_text(article)):
                held.append(article)
            else:
                kept.append(article)
        gold_train += gold_ner_docs(kept, vocab)
        gold_held += gold_ner_docs(held, vocab)
        gold_info.append({"file": str(path), "articles": len(articles), "trained": len(kept), "held_out": len(held),
                          "excluded": dropped, "tokens_trained": sum(len(s[0]) for a in kept for s in a)})
    print(f"gold: {gold_info}; {len(gold_train)} training pieces, {len(gold_held)} held out", flush=True)
    nlp, log = train_ner_only(base, chosen, gold_train, held_docs[:DEV_DOCS], gold_held, args)
    if args.out.exists():
        shutil.rmtree(args.out)
    nlp.to_disk(args.out)
    write_meta(args.out, args.version)
    base_info_path = base / "kroniek-training.json"
    info = json.loads(base_info_path.read_text(encoding="utf-8")) if base_info_path.exists() else {}
    info["ner_retraining"] = {
        "trained": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "base_model": " ".join(str(json.loads((base / "meta.json").read_text(encoding="utf-8")).get(k)) for k in ("name", "version")),
        "seed": args.seed, "silver_texts": len(chosen), "silver_tokens": tokens,
        "silver_total": len(docs), "silver_excluded": excluded, "silver_held_out": len(held_docs),
        "gold": gold_info, "adjective_misc": "kept" if args.keep_adjective_misc else "dropped",
        "steps": args.max_steps, "batch_words": args.ner_batch_words, "learn_rate": args.ner_learn_rate,
        "frozen": [] if args.ner_tok2vec else ["tok2vec", "tagger", "trainable_lemmatizer", "parser"],
        "trained_components": ["tok2vec", "tagger", "trainable_lemmatizer", "parser", "ner"] if args.ner_tok2vec else ["ner"],
        "log": log,
        "minutes": round((time.monotonic() - started) / 60, 1),
        "omp_threads": os.environ.get("OMP_NUM_THREADS"),
    }
    (args.out / "kroniek-training.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(info["ner_retraining"], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
