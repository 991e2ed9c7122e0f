"""Noun-phrase candidates from part-of-speech tags: the lower-case concepts name rules miss.

"in-batch negative sampling", "kernel fusion", "dense retrieval", "latency": a run of adjectives,
participles and nouns ending in a noun, inside one sentence, trimmed of words that only say how
good, new or many something is ("novel", "existing", "several") and of a trailing head that only
says it is a method ("… strategy", "… framework"). Each chunk is one candidate; the typer
(``kg.typer``) decides whether it is an entity and of which type.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.mentions import Mention
from kg.extract.syntax import Tagged
from kg.extract.vocabulary import (
    CHUNK_GENERIC_ALONE,
    CHUNK_LEADING_NOISE,
    CHUNK_TRAILING_HEADS,
)

NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS"})
INSIDE = NOUNS | {"JJ", "JJR", "JJS", "VBN", "VBG", "HYPH", "CD", "FW"}
MAX_WORDS = 6
_HYPHENATED = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+")


def _trim(run: list[Tagged]) -> list[Tagged]:
    while run and (run[0].text.casefold() in CHUNK_LEADING_NOISE or run[0].tag in {"CD", "HYPH", "VBG", "VBN"}):
        run = run[1:]
    while run and run[-1].tag not in NOUNS:
        run = run[:-1]
    if len(run) > 1 and run[-1].text.casefold() in CHUNK_TRAILING_HEADS:
        run = run[:-1]
        while run and run[-1].tag not in NOUNS:
            run = run[:-1]
    return run


def hyphenated(tokens: Sequence[Tagged], text: str) -> list[Tagged]:
    """Tokens with hyphenated words joined ("in", "-", "batch" → "in-batch"), tagged as their last part."""
    out: list[Tagged] = []
    for token in tokens:
        prev = out[-1] if out else None
        if prev is not None and token.start == prev.end and (token.text == "-" or prev.text.endswith("-")):
            tag = prev.tag if token.text == "-" else token.tag
            out[-1] = Tagged(prev.start, token.end, text[prev.start : token.end], tag)
        else:
            out.append(token)
    return out


def noun_chunks(tokens: Sequence[Tagged], text: str) -> list[Mention]:
    """One candidate per noun phrase of ``tokens`` (tags of ``text``), trimmed; none that is a bare generic word."""
    found: list[Mention] = []
    run: list[Tagged] = []
    tokens = hyphenated(tokens, text)

    def close() -> None:
        chunk = _trim(run)
        if not chunk:
            return
        start, end = chunk[0].start, chunk[-1].end
        surface = text[start:end]
        words = surface.split()
        if len(words) > MAX_WORDS or "\n" in surface:
            return
        if len(words) == 1 and (surface.casefold() in CHUNK_GENERIC_ALONE or len(surface) < 3):
            return
        found.append(Mention(start, end, surface, "chunk"))

    for token in tokens:
        if token.tag not in INSIDE and _HYPHENATED.fullmatch(token.text):
            # "in-batch": a modifier whatever its first part is
            token = Tagged(token.start, token.end, token.text, "JJ")
        if token.tag in INSIDE:
            run.append(token)
        else:
            close()
            run = []
    close()
    return found
