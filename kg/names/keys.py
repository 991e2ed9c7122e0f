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

_MARKUP = re.compile(r"[\^{}\\\"`$]")
# LaTeX font and text commands whose argument is the name itself: "$\\text{S}^2$FT" is S2FT.
_LATEX_COMMANDS = re.compile(
    r"\\(?:text(?:bf|it|rm|sc|tt|sf|up)?|math(?:rm|bf|it|sf|tt|cal|bb|frak)|operatorname|boldsymbol|emph|rm|bf|it|sf|tt)\b\s*"
)
# Greek letters as LaTeX writes them, so "β-VAE" = "$\\beta$-VAE" = "beta-VAE"; "×" as in "8×7B".
_GREEK = {
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "ε": "epsilon",
    "ϵ": "epsilon",
    "ζ": "zeta",
    "η": "eta",
    "θ": "theta",
    "ϑ": "theta",
    "ι": "iota",
    "κ": "kappa",
    "λ": "lambda",
    "μ": "mu",
    "ν": "nu",
    "ξ": "xi",
    "π": "pi",
    "ρ": "rho",
    "σ": "sigma",
    "ς": "sigma",
    "τ": "tau",
    "υ": "upsilon",
    "φ": "phi",
    "ϕ": "phi",
    "χ": "chi",
    "ψ": "psi",
    "ω": "omega",
}
_SYMBOLS = str.maketrans({**_GREEK, **{k.upper(): v for k, v in _GREEK.items() if k.upper() != k}, "×": "x"})
# Spelling that ``match_key`` ignores on top of ``entity_key``: a "v" before a final version
# number ("SQuAD v1.1" = "SQuAD 1.1", "ColBERTv2" = "ColBERT v2"; not the one in "wav2vec"),
# British -ise/-isation/-elling ("normalisation", "modelling") and a slash ("CNN/DailyMail").
_VERSION_V = re.compile(r"(?<!\d)v(?=\d+(?: |$))")
_BRITISH_ISE = re.compile(r"(?<=[a-z]{3})is(ations?|e[ds]?|ers?|ing)\b")
_BRITISH_LL = re.compile(r"\b(model|label|signal|travel|tunnel|channel|level)l(ing|ed|er|ers)\b")
_SEPARATORS = re.compile(r"[\s\-_.\u2010-\u2015]+")
_AROUND_SLASH = re.compile(r"\s*/\s*")
_LAST_WORD = re.compile(r"([^\W_]+)\W*$")

# Words that end in "s" without being plural, and plurals no suffix rule gets right.
_NOT_PLURAL = frozenset(
    {
        "alias",
        "atlas",
        "bias",
        "canvas",
        "gas",
        "has",
        "was",
        "pandas",
        "news",
        "lens",
        "series",
        "species",
        "chaos",
        "kudos",
        "physics",
        "mathematics",
        "statistics",
        "semantics",
        "linguistics",
        "robotics",
        "genomics",
        "economics",
        "dynamics",
        "mechanics",
        "analytics",
        "ethics",
        "graphics",
        "informatics",
        "optics",
        "pragmatics",
        "electronics",
        "acoustics",
        "kinematics",
        "phonetics",
        "logistics",
        "diabetes",
    }
)
_IRREGULAR = {
    "biases": "bias",
    "aliases": "alias",
    "indices": "index",
    "matrices": "matrix",
    "vertices": "vertex",
    "analyses": "analysis",
    "hypotheses": "hypothesis",
    "theses": "thesis",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "movies": "movie",
    "cookies": "cookie",
    "selfies": "selfie",
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
    text = _LATEX_COMMANDS.sub("", unicodedata.normalize("NFKC", name))
    text = _MARKUP.sub("", text.translate(_SYMBOLS))
    folded = _SEPARATORS.sub(" ", text.casefold()).strip()
    folded = _AROUND_SLASH.sub("/", folded)
    if not folded:
        return ""
    return _singularise_last(folded, text.strip())


@lru_cache(maxsize=65536)
def match_key(name: str) -> str:
    """``entity_key`` without spaces: what the resolver compares to call two surfaces equal.

    It also drops spelling ``entity_key`` keeps: a version "v" ("SQuAD v1.1" = "SQuAD 1.1"),
    British -ise/-elling forms ("normalisation" = "normalization") and slashes.

    >>> match_key("ColBERT v2") == match_key("ColBERTv2"), match_key("layer normalisation")
    (True, 'layernormalization')
    """
    key = _VERSION_V.sub("", entity_key(name))
    key = _BRITISH_LL.sub(r"\1\2", _BRITISH_ISE.sub(r"iz\1", key))
    return key.replace(" ", "").replace("/", "")


def key_words(name: str) -> list[str]:
    """The words of ``entity_key(name)``."""
    return [w for w in entity_key(name).split(" ") if w]
