"""Precision, recall and F1: the one definition every scorer uses."""

from __future__ import annotations


def prf(hits: int, found: int, gold: int) -> tuple[float, float, float]:
    """(precision, recall, F1) of ``hits`` correct out of ``found`` predicted and ``gold`` expected.

    An empty denominator gives 0.0, never a division error.
    """
    p = hits / found if found else 0.0
    r = hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
