"""Precision, recall and F1, and one-to-one matching: the one definition every scorer uses."""

from __future__ import annotations

from collections.abc import Iterable


def prf(hits: int, found: int, gold: int) -> tuple[float, float, float]:
    """(precision, recall, F1) of ``hits`` correct out of ``found`` predicted and ``gold`` expected.

    An empty denominator gives 0.0, never a division error.
    """
    p = hits / found if found else 0.0
    r = hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def one_to_one(candidates: Iterable[tuple]) -> dict[int, int]:
    """Greedy one-to-one matching of gold items to found items.

    ``candidates`` are tuples ``(*rank, gold_index, found_index)``; the lowest rank goes
    first and each index is used once. Returns gold index → found index, in match order.
    """
    matched: dict[int, int] = {}
    used: set[int] = set()
    for *_, gi, fi in sorted(candidates):
        if gi not in matched and fi not in used:
            matched[gi] = fi
            used.add(fi)
    return matched
