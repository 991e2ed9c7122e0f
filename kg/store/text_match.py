"""Which stored papers' text contains a phrase: how an ingest finds the papers a new name may re-link.

Phrases and texts are compared as sequences of lower-cased word characters, so "LoRA-XS",
"lora xs" and "LoRA XS" are one phrase and "S^{2}FT" is "s 2 ft". Any text in which the
extractor's phrase matchers (spaCy tokens, exact or lower-case) find a name also contains the
name's word sequence, so the papers found here are a superset of those a name can re-link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.records import Paper

_WORD = re.compile(r"\w+")


def words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower()))


class PhraseFinder:
    """Tests texts for any of many phrases at once (cost: the words of the text, not the number of phrases)."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._by_first: dict[str, set[tuple[str, ...]]] = {}
        for phrase in phrases:
            if found := words(phrase):
                self._by_first.setdefault(found[0], set()).add(found)

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def in_text(self, text: str) -> bool:
        seq = words(text)
        if self._by_first.keys().isdisjoint(seq):
            return False
        for i, word in enumerate(seq):
            for phrase in self._by_first.get(word, ()):
                if seq[i : i + len(phrase)] == phrase:
                    return True
        return False

    def in_paper(self, paper: Paper) -> bool:
        return self.in_text(f"{paper.title}\n{paper.abstract}")


def paper_from_attrs(attrs: dict[str, object]) -> Paper:
    """The Paper a stored Paper node was built from (same fields, so the same content hash)."""
    return Paper(
        id=str(attrs["id"]),
        title=str(attrs.get("title") or ""),
        abstract=str(attrs.get("abstract") or ""),
        url=attrs.get("url"),  # type: ignore[arg-type]
        authors=list(attrs.get("authors") or []),  # type: ignore[call-overload]
        published=attrs.get("published"),  # type: ignore[arg-type]
        source=attrs.get("source"),  # type: ignore[arg-type]
    )
