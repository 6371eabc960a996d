"""Dutch time expressions: recognition (rules), tense, normalization to TIMEX3.

:mod:`kroniek.extract.times` is the pipeline step built from these parts.
"""

from .expression import Expression, Mention, Timex
from .lexicon import TimeLexicon, load_lexicon
from .normalize import normalize
from .rules import TimeTagger

__all__ = ["Expression", "Mention", "TimeLexicon", "TimeTagger", "Timex", "load_lexicon", "normalize"]
