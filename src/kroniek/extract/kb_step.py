"""What the steps that read the actor knowledge base share: loading it on first use."""

from __future__ import annotations

from ..kb import KnowledgeBase, default_kb


class KnowledgeBaseStep:
    """Base of pipeline steps that read the knowledge base.

    The knowledge base is loaded on the first document (once per process, shared by
    every step), so building a pipeline stays cheap. ``user_files`` are the user's own
    actor tables (``[kb] user_files`` of the configuration).
    """

    def __init__(self, kb: KnowledgeBase | None = None, user_files: tuple[str, ...] = ()) -> None:
        self._kb = kb
        self.user_files = tuple(user_files)

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = default_kb(self.user_files)
        return self._kb
