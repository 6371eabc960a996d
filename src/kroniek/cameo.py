"""CAMEO codes for PLOVER events, for users of older datasets (GDELT, ICEWS, Phoenix).

The table (`lexicons/plover_cameo.tsv`) reads PLOVER's published CAMEO-to-PLOVER
conversion backwards: a PLOVER type and mode map to the most general CAMEO code that
converts to them. PLOVER is coarser than CAMEO, so the code is a faithful root, not a
recovered original.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class CameoCode:
    code: str
    description: str


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], CameoCode]:
    text = resources.files("kroniek.lexicons").joinpath("plover_cameo.tsv").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        typ, mode, code, desc = line.split("\t")
        table[(typ, mode)] = CameoCode(code, desc)
    return table


def cameo_for(event_type: str, mode: str | None = None) -> CameoCode | None:
    """The CAMEO code for a PLOVER type and mode; None for an unknown type."""
    table = _table()
    return table.get((event_type, mode or "-")) or table.get((event_type, "*"))
