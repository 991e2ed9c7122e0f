"""One evidence string per sentence in memory, however many claim edges quote it.

A sentence naming many rivals becomes one claim edge per rival, each with the whole sentence as its
``evidence``. Extraction hands every claim of a sentence the same string object; what reads edges back
(graph.json, Neo4j) gets a fresh copy per edge, so it passes each through one ``EvidencePool`` and
the copies collapse into one again. (On disk, graph.json and Neo4j still hold one copy per edge.)
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

EVIDENCE = "evidence"


class EvidencePool:
    """Canonical copies of the evidence strings seen so far."""

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}

    def share(self, attrs: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
        """``attrs`` with its evidence replaced by the pooled equal string (in place; returned for chaining)."""
        text = attrs.get(EVIDENCE)
        if isinstance(text, str) and text:
            attrs[EVIDENCE] = self._strings.setdefault(text, text)
        return attrs
