"""Surface-form normalisation used to group mentions of one entity inside a paper."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.extract.vocabulary import KEEP_FINAL_S

_BRACES = re.compile(r"[\^{}]")
_SEP = re.compile(r"[\s\-_/]+")


@lru_cache(maxsize=1 << 16)
def surface_key(name: str) -> str:
    """Case, hyphen, spacing and plural insensitive key: "Bi-Encoders" → "biencoder"."""
    text = unicodedata.normalize("NFKC", name)
    text = _BRACES.sub("", text).casefold().strip(" .,;:")
    words = [w for w in _SEP.split(text) if w]
    if words:
        last = words[-1]
        if len(last) > 3 and last.endswith("s") and not last.endswith(KEEP_FINAL_S):
            last = last[:-2] if last.endswith(("ches", "shes", "xes")) else last[:-1]
        words[-1] = last
    return "".join(words)
