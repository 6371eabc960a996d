"""Cross-document event coreference against MEANTIME Dutch: MUC, B³, CEAF-e and CoNLL F1.

The key is MEANTIME's gold event mentions (``cdcr_prep/nl/event_mentions.json``), each
in a cross-document instance (``coref_chain``). The response clusters the same gold
mentions the way kroniek does: each text is annotated, a gold mention takes the
kroniek event whose trigger starts inside it, all kroniek events of the corpus are
merged (kroniek.corpus.merge_mentions), and gold mentions whose events merged fall in
one cluster. A gold mention kroniek found no event for is a singleton of its own. So the
figures measure the whole chain (detection, actors, dates, merging); the matched share
and the all-singletons baseline are printed beside them to read them by.

The metrics are the usual definitions (Vilain et al. 1995; Bagga and Baldwin 1998; Luo
2005 with the entity similarity φ4), written here; CoNLL F1 is the mean of the three F1.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..corpus.merge import MentionIn, Side, actor_key, merge_mentions
from ..errors import EvalError
from ..model import Document, ParsedDoc, Record
from .events import _read_conll, meantime_text
from .metrics import prf

Annotate = Callable[[str, str], tuple[Document, ParsedDoc]]
Clusters = Sequence[frozenset[str]]


@dataclass(frozen=True)
class PRF(Record):
    precision: float
    recall: float
    f1: float


@dataclass
class CorefScores(Record):
    documents: int = 0
    gold_mentions: int = 0
    gold_chains: int = 0
    cross_document_chains: int = 0
    matched_mentions: int = 0           # gold mentions kroniek found an event for
    kroniek_events: int = 0
    merged_events: int = 0
    muc: PRF | None = None
    b_cubed: PRF | None = None
    ceaf_e: PRF | None = None
    conll_f1: float = 0.0
    singletons_baseline: dict[str, float] = field(default_factory=dict)


# --------------------------------------------------------------------------- metrics


def _index(clusters: Clusters) -> dict[str, int]:
    return {m: k for k, c in enumerate(clusters) for m in c}


def muc(key: Clusters, response: Clusters) -> PRF:
    def score(a: Clusters, b: Clusters) -> float:
        where = _index(b)
        num = den = 0
        for c in a:
            parts = {where.get(m, ("alone", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0
    r, p = score(key, response), score(response, key)
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def b_cubed(key: Clusters, response: Clusters) -> PRF:
    def score(a: Clusters, b: Clusters) -> float:
        where = _index(b)
        total = n = 0.0
        for c in a:
            for m in c:
                other = b[where[m]] if m in where else frozenset([m])
                total += len(c & other) / len(c)
                n += 1
        return total / n if n else 0.0
    r, p = score(key, response), score(response, key)
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def _hungarian(weights: list[list[float]]) -> float:
    """Largest total weight of a one-to-one assignment (rows ≤ columns padded), O(n³)."""
    n = max(len(weights), len(weights[0]) if weights else 0)
    cost = [[-(weights[i][j] if i < len(weights) and j < len(weights[i]) else 0.0) for j in range(n)]
            for i in range(n)]
    inf = float("inf")
    u, v, p, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return -sum(cost[p[j] - 1][j - 1] for j in range(1, n + 1) if p[j])


def ceaf_e(key: Clusters, response: Clusters) -> PRF:
    """CEAF with φ4; the best alignment is found per connected part of the overlap graph."""
    where, kwhere = _index(response), _index(key)
    links: dict[int, set[int]] = defaultdict(set)
    for k, c in enumerate(key):
        for m in c:
            if m in where:
                links[k].add(where[m])
    seen_k: set[int] = set()
    total = 0.0
    for start in range(len(key)):
        if start in seen_k or not links[start]:
            continue
        ks, rs, todo = {start}, set(), [start]
        while todo:  # the component: key and response clusters that share mentions
            k = todo.pop()
            for r in links[k]:
                if r not in rs:
                    rs.add(r)
                    for k2 in {kwhere[m] for m in response[r] if m in kwhere}:
                        if k2 not in ks:
                            ks.add(k2)
                            todo.append(k2)
        seen_k |= ks
        kl, rl = sorted(ks), sorted(rs)
        w = [[2 * len(key[a] & response[b]) / (len(key[a]) + len(response[b])) for b in rl] for a in kl]
        if len(kl) > len(rl):
            w = [list(col) for col in zip(*w)]
        total += _hungarian(w)
    p = total / len(response) if response else 0.0
    r = total / len(key) if key else 0.0
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def conll(key: Clusters, response: Clusters) -> tuple[PRF, PRF, PRF, float]:
    a, b, c = muc(key, response), b_cubed(key, response), ceaf_e(key, response)
    return a, b, c, (a.f1 + b.f1 + c.f1) / 3


# --------------------------------------------------------------------------- MEANTIME


def _doc_file(folder: Path, doc_id: str) -> Path | None:
    """The CoNLL file of a document; cdcr_prep cuts ids at a full stop ("126311_U" for "U.S.")."""
    path = folder / f"{doc_id}.xml.conll"
    if path.exists():
        return path
    hits = sorted(folder.glob(f"{doc_id}*.conll"))
    return hits[0] if len(hits) == 1 else None


def _side(doc: Document, entity_id: str | None) -> Side | None:
    e = next((x for x in doc.entities if x.id == entity_id), None) if entity_id else None
    if e is None:
        return None
    a = e.actor
    return Side(actor_key(e.name, a.kb_id if a else None, a.country if a else None), e.name,
                a.kb_id if a else None, a.code if a else None, a.country if a else None)


def mentions_of(doc: Document, doc_id: str, day: str) -> list[MentionIn]:
    """A document's events as merging sees them (its date at day precision)."""
    out = []
    for v in doc.events:
        loc = next((e.name for e in doc.entities if e.id == v.location), None) if v.location else None
        out.append(MentionIn(doc_id, v.id, day, day, day, None, v.type, v.mode, v.modality, v.date,
                             _side(doc, v.source), _side(doc, v.target), loc, v.trigger.text,
                             v.sentence.start, v.sentence.end, v.trigger.start))
    return out


def score_meantime_coref(mentions_json: Path, conll_folder: Path, annotate: Annotate,
                         limit: int | None = None) -> CorefScores:
    try:
        gold = json.loads(Path(mentions_json).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalError(f"cannot read MEANTIME event mentions {mentions_json}: {exc}") from None
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for m in gold:
        by_doc[m["doc_id"]].append(m)
    docs = sorted(by_doc)[:limit]
    scores = CorefScores()
    chains: dict[str, set[str]] = defaultdict(set)
    matched: dict[str, str] = {}        # gold mention id -> kroniek "doc#event"
    mentions: list[MentionIn] = []
    for doc_id in docs:
        path = _doc_file(Path(conll_folder), doc_id)
        if path is None:
            raise EvalError(f"no CoNLL file for MEANTIME document {doc_id} in {conll_folder}")
        sentences, dct = _read_conll(path)
        text, offsets = meantime_text(sentences)
        first_token = [0]
        for s in sentences:
            first_token.append(first_token[-1] + len(s))
        doc, _parsed = annotate(text, dct)
        scores.documents += 1
        scores.kroniek_events += len(doc.events)
        mentions.extend(mentions_of(doc, doc_id, dct))
        for m in by_doc[doc_id]:
            gid = m["mention_id"]
            chains[m["coref_chain"]].add(gid)
            toks = [first_token[m["sent_id"]] + t for t in m["tokens_number"]]
            start, end = offsets[min(toks)][0], offsets[max(toks)][1]
            hit = next((v for v in sorted(doc.events, key=lambda v: v.trigger.start)
                        if start <= v.trigger.start < end or v.trigger.start <= start < v.trigger.end), None)
            if hit is not None:
                matched[gid] = f"{doc_id}#{hit.id}"
    merged = merge_mentions(mentions)
    scores.merged_events = len(merged)
    cluster_of = {m.key: e.id for e in merged for m in e.mentions}
    key = [frozenset(c) for _, c in sorted(chains.items())]
    response_map: dict[str, set[str]] = defaultdict(set)
    for c in key:
        for gid in c:
            response_map[cluster_of[matched[gid]] if gid in matched else f"alone:{gid}"].add(gid)
    response = [frozenset(c) for _, c in sorted(response_map.items())]
    scores.gold_mentions = sum(len(c) for c in key)
    scores.gold_chains = len(key)
    docs_of = {m["mention_id"]: m["doc_id"] for m in gold}
    scores.cross_document_chains = sum(1 for c in key if len({docs_of[g] for g in c}) > 1)
    scores.matched_mentions = len(matched)
    scores.muc, scores.b_cubed, scores.ceaf_e, scores.conll_f1 = conll(key, response)
    alone = [frozenset([g]) for c in key for g in c]
    a, b, c, f = conll(key, alone)
    scores.singletons_baseline = {"muc_f1": a.f1, "b_cubed_f1": b.f1, "ceaf_e_f1": c.f1, "conll_f1": f}
    return scores


def gold_pairs(clusters: Iterable[Iterable[str]]) -> set[frozenset[str]]:
    """The mention pairs a clustering puts together (for pairwise precision and recall)."""
    out: set[frozenset[str]] = set()
    for c in clusters:
        items = sorted(c)
        out.update(frozenset((a, b)) for i, a in enumerate(items) for b in items[i + 1:])
    return out


def pairwise(key: Iterable[Iterable[str]], response: Iterable[Iterable[str]]) -> tuple[float, float, float, int, int, int]:
    """Pairwise merge precision, recall, F1, and (correct, found, expected) pair counts."""
    k, r = gold_pairs(key), gold_pairs(response)
    p, rc, f = prf(len(k & r), len(r), len(k))
    return p, rc, f, len(k & r), len(r), len(k)


__all__ = ["CorefScores", "b_cubed", "ceaf_e", "conll", "muc", "pairwise", "score_meantime_coref"]


# --------------------------------------------------------------------------- story set


@dataclass
class StorySetScores(Record):
    documents: int = 0
    mentions: int = 0
    gold_events: int = 0          # real-world events of the labels (singletons included)
    merged_events: int = 0        # what kroniek's merging made of the same mentions
    precision: float = 0.0        # pairwise: of the pairs merged, how many belong together
    recall: float = 0.0           # of the pairs that belong together, how many were merged
    f1: float = 0.0
    pairs_correct: int = 0
    pairs_merged: int = 0
    pairs_expected: int = 0
    conll_f1: float = 0.0
    errors: list[str] = field(default_factory=list)


def _gold_side(name: str | None, country: str | None) -> Side | None:
    if not name:
        return None
    return Side(actor_key(name, None, country), name, None, country, country)


def gold_mentions(path: Path, doc_id: str) -> list[MentionIn]:
    """The gold events of a seed-format file (dev-nl) as merging sees them."""
    from ..dates import parse_pub_date

    data = json.loads(Path(path).read_text(encoding="utf-8"))
    date = data.get("dct_full") or data.get("header_date")
    pub = parse_pub_date(date)
    first, last = pub.first_day.isoformat(), pub.last_day.isoformat()
    out = []
    # Gold events name their trigger and sentence, not offsets: the same pair is the same trigger.
    spots: dict[tuple[str, str], int] = {}
    for k, e in enumerate(data.get("events") or ()):
        spot = spots.setdefault((e.get("sentence") or "", e.get("trigger") or ""), len(spots))
        out.append(MentionIn(doc_id, str(k), date, first, last, None, e["type"], e.get("mode"), e["modality"],
                             e.get("date"), _gold_side(e.get("source"), e.get("source_country")),
                             _gold_side(e.get("target"), e.get("target_country")), e.get("location"),
                             e.get("trigger") or "", 0, 0, spot))
    return out


def score_story_set(labels: Path, gold_dir: Path) -> StorySetScores:
    """Pairwise merge precision and recall of kroniek's merging on hand-grouped gold events."""
    try:
        spec = json.loads(Path(labels).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalError(f"cannot read the story set {labels}: {exc}") from None
    mentions: list[MentionIn] = []
    for doc_id in spec["documents"]:
        path = Path(gold_dir) / f"{doc_id}.json"
        if not path.exists():
            raise EvalError(f"no gold file {path}")
        mentions.extend(gold_mentions(path, doc_id))
    keys = {f"{m.doc_id}:{m.event_id}" for m in mentions}
    grouped = [frozenset(g) for g in spec["events"]]
    unknown = set().union(*grouped) - keys
    if unknown:
        raise EvalError(f"the story set names events the gold files do not have: {sorted(unknown)}")
    key = grouped + [frozenset([k]) for k in sorted(keys - set().union(*grouped))]
    merged = merge_mentions(mentions)
    response = [frozenset(f"{m.doc_id}:{m.event_id}" for m in e.mentions) for e in merged]
    s = StorySetScores(documents=len(spec["documents"]), mentions=len(mentions), gold_events=len(key),
                       merged_events=len(merged))
    s.precision, s.recall, s.f1, s.pairs_correct, s.pairs_merged, s.pairs_expected = pairwise(key, response)
    *_, s.conll_f1 = conll(key, response)
    where = {m: k for k, c in enumerate(key) for m in c}
    for c in response:
        if len({where[m] for m in c}) > 1:
            s.errors.append("merged, but not one event: " + ", ".join(sorted(c)))
    rwhere = {m: k for k, c in enumerate(response) for m in c}
    for c in key:
        if len({rwhere[m] for m in c}) > 1:
            s.errors.append("one event, not merged: " + ", ".join(sorted(c)))
    return s
