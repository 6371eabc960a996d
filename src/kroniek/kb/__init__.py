"""kroniek's actor knowledge base: countries, places, organisations and people, by date.

Load it with :func:`default_kb` (once per process, shared) or :func:`load_kb`; ask it
what a name refers to with :meth:`KnowledgeBase.lookup` and who held an office with
:meth:`KnowledgeBase.holder`. The data files live in ``kb/data`` (see its README and
docs/KB.md for users' own additions).
"""

from .knowledge import KnowledgeBase, Match, date_range
from .loader import default_kb, load_kb
from .records import AliasRef, KbEntry, Tenure
from .tables import KbFileError

__all__ = ["AliasRef", "KbEntry", "KbFileError", "KnowledgeBase", "Match", "Tenure", "date_range",
           "default_kb", "load_kb"]
