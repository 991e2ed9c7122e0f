"""What the typer knows of one candidate entity: its surfaces and the text around its mentions."""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT_CHARS = 48


@dataclass(frozen=True)
class Candidate:
    """One entity candidate of a paper, as the extractor grouped it."""

    name: str
    surfaces: tuple[str, ...]
    long_form: str
    contexts: tuple[tuple[str, str], ...]
    """(text before, text after) each mention, ``CONTEXT_CHARS`` characters each way."""
    sources: tuple[str, ...]
    """The detectors that found its mentions (acronym, title, corpus, lexicon, name, task, …)."""
    rule_type: str
    known_type: str
    """The lexicon's type for it, or ""."""
    in_title: bool


def context_of(text: str, start: int, end: int) -> tuple[str, str]:
    """The characters around one mention, cut at line ends (the title and abstract stay apart)."""
    before = text[max(0, start - CONTEXT_CHARS) : start].rsplit("\n", 1)[-1]
    after = text[end : end + CONTEXT_CHARS].split("\n", 1)[0]
    return before, after
