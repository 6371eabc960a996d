"""The chronicle across articles: near-duplicate articles, one event however often it is
reported (with its status over time), and story threads.

``merge`` and ``stories`` are pure functions over :class:`MentionIn` records, so the
store (``sync``), the Spark job and the benchmark run the same code. ``sync`` keeps the
store's corpus tables in step with its documents, touching only what a batch changed.
"""

from .fingerprint import jaccard, minhash, near_duplicate, shingles
from .merge import MergedEvent, MentionIn, Side, StatusStep, block_family, merge_block, merge_mentions
from .stories import Story, build_stories

__all__ = [
    "MentionIn", "MergedEvent", "Side", "StatusStep", "Story", "block_family", "build_stories",
    "jaccard", "merge_block", "merge_mentions", "minhash", "near_duplicate", "shingles",
]
