"""Canonical keys for entity names: the one rule that says two spellings are the same name.

``entity_key`` is readable (it becomes the node key: "FER-YOLO-Mamba" → "fer yolo mamba");
``match_key`` drops the spaces too, so closed and open compounds agree ("fine-tuning" ==
"finetuning", "BM-25" == "BM25", "Faster R-CNN" == "Faster RCNN").
Both only remove spelling noise; they never cut a word, so "LoRA-XS" keeps its "xs" and stays
apart from "LoRA", and "Co-DETR" stays apart from "DETR".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_MARKUP = re.compile(r"[\^{}\\\"`]")
_SEPARATORS = re.compile(r"[\s\-_.\u2010-\u2015]+")
_AROUND_SLASH = re.compile(r"\s*/\s*")
_LAST_WORD = re.compile(r"([^\W_]+)\W*$")

# Words that end in "s" without being plural, and plurals no suffix rule gets right.
_NOT_PLURAL = frozenset(
    {
        "alias", "atlas", "bias", "canvas", "gas", "has", "was", "pandas", "news", "lens",
        "series", "species", "chaos", "kudos", "physics", "mathematics", "statistics",
        "semantics", "linguistics", "robotics", "genomics", "economics", "dynamics",
        "mechanics", "analytics", "ethics", "graphics", "informatics", "optics", "pragmatics",
        "electronics", "acoustics", "kinematics", "phonetics", "logistics", "diabetes",
    }
)
_IRREGULAR = {
    "biases": "bias", "aliases": "alias", "indices": "index", "matrices": "matrix",
    "vertices": "vertex", "analyses": "analysis", "hypotheses": "hypothesis",
    "theses": "thesis", "criteria": "criterion", "phenomena": "phenomenon",
    "movies": "movie", "cookies": "cookie", "selfies": "selfie",
}
_KEEP_ENDINGS = ("ss", "us", "is", "ics")


def _singular(word: str) -> str:
    """The singular of a lower-case plural word, or the word itself when that is not safe."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) < 3 or not word.endswith("s") or not word[-2].isalpha():
        return word
    if word in _NOT_PLURAL or word.endswith(_KEEP_ENDINGS):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    return word[:-1]


def _singularise_last(text: str, original: str) -> str:
    """Singularise the final word when the original spelling ends in a lower-case "s".

    An upper-case final "S" is part of an acronym ("FCOS", "LoRA-XS"), never a plural.
    """
    match = _LAST_WORD.search(original)
    if not match or not match.group(1).endswith("s"):
        return text
    words = text.split(" ")
    words[-1] = _singular(words[-1])
    return " ".join(words)


@lru_cache(maxsize=65536)
def entity_key(name: str) -> str:
    """Normalised canonical key: NFKC, no ^{} markup, casefolded, separators unified, singular.

    >>> entity_key("S^{2}FT"), entity_key("FER-YOLO-Mamba"), entity_key("SSMs")
    ('s2ft', 'fer yolo mamba', 'ssm')
    """
    text = _MARKUP.sub("", unicodedata.normalize("NFKC", name))
    folded = _SEPARATORS.sub(" ", text.casefold()).strip()
    folded = _AROUND_SLASH.sub("/", folded)
    if not folded:
        return ""
    return _singularise_last(folded, text.strip())


def match_key(name: str) -> str:
    """``entity_key`` without spaces: what the resolver compares to call two surfaces equal."""
    return entity_key(name).replace(" ", "")


def key_words(name: str) -> list[str]:
    """The words of ``entity_key(name)``."""
    return [w for w in entity_key(name).split(" ") if w]
