"""Acronym ↔ expansion tests: "LoRA" abbreviates "Low-Rank Adaptation", "S^{2}FT" "Structured Sparse Fine-Tuning".

The resolver uses them to tell apart the senses of one acronym ("SFT" = sparse vs supervised
fine-tuning) and to prefer the acronym as an entity's display name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.names.keys import entity_key

_MARKUP = re.compile(r"[\^{}$]")
_WORDS = re.compile(r"[^\W_]+")
_STOPWORDS = frozenset({"a", "an", "and", "the", "of", "for", "with", "in", "on", "to", "via", "by"})
_MAX_LETTERS = 12
_MAX_WORDS = 16


def looks_like_acronym(name: str) -> bool:
    """One short token with at least two capitals or a capital and a digit ("LoRA", "SFT", "S^{2}FT", "AR2")."""
    text = _MARKUP.sub("", unicodedata.normalize("NFKC", name)).strip()
    if not text or len(text) > _MAX_LETTERS or any(c.isspace() for c in text):
        return False
    capitals = sum(c.isupper() for c in text)
    digits = sum(c.isdigit() for c in text)
    return capitals >= 2 or (capitals >= 1 and digits >= 1)


def _letters(short: str) -> str:
    """Acronym letters, a digit after a letter repeating it ("S2FT" → "ssft", "D3" → "ddd")."""
    text = _MARKUP.sub("", unicodedata.normalize("NFKC", short)).casefold()
    out: list[str] = []
    for char in text:
        if char.isdigit() and out and out[-1].isalpha() and char not in "01":
            out.extend(out[-1] * (int(char) - 1))
        elif char.isalnum():
            out.append(char)
    return "".join(out)


def is_acronym_of(short: str, long: str) -> bool:
    """Whether ``short`` can be read as an abbreviation of the multi-word ``long``.

    Letters must come in order, the first from the first word, at least two of them from word
    starts; the rest may come from inside words ("LoRA": L-o-w R-ank A-daptation).
    """
    if not looks_like_acronym(short):
        return False
    words = tuple(w for w in _WORDS.findall(unicodedata.normalize("NFKC", long).casefold()))
    if len(words) < 2 or len(words) > _MAX_WORDS:
        return False
    letters = _letters(short)
    if len(letters) < 2 or entity_key(short) == entity_key(long):
        return False
    for candidate in (letters, "".join(c for c in letters if c.isalpha())):
        if len(candidate) >= 2 and _match(candidate, words):
            return True
    return False


@lru_cache(maxsize=16384)
def _match(letters: str, words: tuple[str, ...]) -> bool:
    while words and words[0] in _STOPWORDS:
        words = words[1:]
    if not words or not words[0].startswith(letters[0]):
        return False
    return _rest(letters, 1, words, 0, 1, 1)


def _rest(letters: str, i: int, words: tuple[str, ...], w: int, pos: int, starts: int) -> bool:
    """Match letters[i:] from word ``w`` char ``pos`` on; ``starts`` counts word-initial matches.

    Between two matched words at most one content word may be skipped, and at most one may
    trail the last matched word, so "SFT" never matches a whole unrelated sentence.
    """
    if i == len(letters):
        trailing = [x for x in words[w + 1 :] if x not in _STOPWORDS]
        return starts >= 2 and len(trailing) <= 1
    char = letters[i]
    inside = words[w].find(char, pos)
    if inside != -1 and _rest(letters, i + 1, words, w, inside + 1, starts):
        return True
    skipped = 0
    for nxt in range(w + 1, len(words)):
        if words[nxt].startswith(char) and _rest(letters, i + 1, words, nxt, 1, starts + 1):
            return True
        if words[nxt] not in _STOPWORDS:
            skipped += 1
            if skipped > 1:
                break
    return False
