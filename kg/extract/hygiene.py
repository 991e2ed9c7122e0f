"""Names that must never become nodes, whatever a rule or the typer says.

A graph is judged by its worst common node: a language pair ("En-De" is a setting of WMT, not
a method), a framework used as a tool (PyTorch), a GPU, a company, a number that rode along on
a name ("UTMOS 3.65"), a surname cited with "et al.". Each check is a shape or a curated list
(``kg/data/not_entities.json``), not a score, so it holds on text nobody tuned on. A listed tool
the paper compares against ("FlashFFTConv is 7x faster than PyTorch") is a baseline system there,
and stays (``TOOL``: the extractor keeps such a name only when a claim uses it).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from kg.extract.names import surface_key
from kg.extract.vocabulary import HYPHENATED_ADJECTIVES

NOT_ENTITIES = Path(__file__).resolve().parents[1] / "data" / "not_entities.json"
_LANGUAGES = (
    "en|de|fr|ro|zh|ja|ru|cs|es|it|pt|ar|ko|hi|tr|fi|et|lv|lt|kk|gu|ps|km|ne|si|vi|th|id|nl|sv|pl|uk|he|fa|ur|bn|ta|"
    "english|german|french|romanian|chinese|japanese|russian|czech|spanish|italian|portuguese|arabic|korean|hindi|"
    "turkish|finnish|estonian|dutch|swedish|polish"
)
_LANGUAGE_PAIR = re.compile(rf"^(?:{_LANGUAGES})\s*(?:-|→|->|–|/|to)\s*(?:{_LANGUAGES})$", re.I)
_HARDWARE = re.compile(
    r"^(?:nvidia|amd|intel|google)?\s*(?:[a-z]*\s)?(?:[a-z]{0,3}\d{2,4}[a-z]{0,2})\s*(?:gpus?|tpus?|cpus?|npus?)?$",
    re.I,
)
_DEVICE_WORDS = re.compile(r"\b(?:gpus?|tpus?|cpus?|npus?|fpgas?|cores?)$", re.I)
_SCORE_TAIL = re.compile(r"\s\d*\.\d{2,}$|\s\d{2,}\.\d+$|\s\d+(?:\.\d+)?\s?%$")
_NUMBER = re.compile(r"^[\d.,%×x+\-]+$")
_ADJECTIVE = re.compile(r"^[a-z]+(?:-[a-z]+)*(?:ive|ous|ful|able|ible)$")
_LANGUAGE = re.compile(rf"^(?:{_LANGUAGES})$", re.I)


@cache
def _listed() -> frozenset[str]:
    data = json.loads(NOT_ENTITIES.read_text(encoding="utf-8"))
    return frozenset(surface_key(name) for key, names in data.items() if not key.startswith("_") for name in names)


TOOL = "a tool, platform, device or organisation"


def junk_reason(name: str, after: str = "") -> str | None:
    """Why ``name`` (followed in the text by ``after``) is no entity, or None when it may be one."""
    stripped = name.strip()
    if _LANGUAGE_PAIR.match(stripped):
        return "a language pair (a setting of a dataset)"
    if surface_key(stripped) in _listed():
        return TOOL
    if _DEVICE_WORDS.search(stripped) or (
        _HARDWARE.match(stripped) and re.search(r"(?i)gpu|tpu|cpu|npu", stripped + " " + after[:8])
    ):
        return "hardware"
    if _SCORE_TAIL.search(stripped):
        return "a name with a score attached"
    if _NUMBER.match(stripped):
        return "a number"
    if stripped.endswith("-") or stripped.startswith("-"):
        return "a cut word"
    if _ADJECTIVE.match(stripped) or stripped in HYPHENATED_ADJECTIVES:
        return "an adjective"
    if len(stripped) > 3 and _LANGUAGE.match(stripped):
        return "a language"
    if re.match(r"\s*et\s+al\b", after):
        return "an author cited with et al."
    return None
