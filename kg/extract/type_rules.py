"""Entity typing: Method / Model / Dataset / Benchmark / Task / Metric from the name and its context."""

from __future__ import annotations

import re

from kg.extract.lexicon import known_entities
from kg.extract.vocabulary import (
    METRIC_HEADS,
    NEXT_WORD_TYPES,
    SYSTEM_WORDS,
    TASK_HEADS,
)
from kg.records import EntityType

_YEAR_OR_VERSION = re.compile(r"(?:[\s-]*(?:(?:19|20)\d\d|['’]\d\d|v?\d+(?:\.\d+)?))+$")
_MODEL_SIZE = re.compile(r"(?:\b|-)(?:\d+(?:\.\d+)?[BM]|base|large|small|mini|tiny|xl|xxl|huge|[SBLH])$", re.I)
_DATASETISH = re.compile(r"(?:-DB|DB|Bench|QA|NLI|\d{2,}[kKM]?)$")


def entity_type(name: str, next_word: str = "", long_form: str = "", hint: EntityType | None = None) -> EntityType:
    """Best type for a name given the word after it and its acronym expansion, if any."""
    known = known_entities()
    for surface in (name, long_form, _YEAR_OR_VERSION.sub("", name)):
        if surface and surface.casefold() in known:
            return known[surface.casefold()]  # "PASCAL VOC 2007" is a Pascal VOC, "WMT'14" a WMT
    nxt = next_word.casefold()
    if nxt in NEXT_WORD_TYPES and NEXT_WORD_TYPES[nxt] != "Method":
        return NEXT_WORD_TYPES[nxt]
    if nxt in SYSTEM_WORDS:
        return "Method"  # "the Generation-Augmented Retrieval (GAR) framework": a system, whatever it is for
    if hint is not None:
        return hint
    phrase = re.split(r"\s+(?:for|of|via|with|on|in)\s+", (long_form or name).casefold())[0]
    last = phrase.split()[-1] if phrase.split() else ""
    if long_form:
        if last in {"dataset", "corpus", "collection"}:
            return "Dataset"
        if last in {"benchmark", "leaderboard"}:
            return "Benchmark"
        if last.endswith(TASK_HEADS) and not last.endswith(("modeling", "modelling", "search", "learning")):
            return "Task"
        if last in METRIC_HEADS:
            return "Metric"
    if name[:1].islower() and " " in name:
        if last.endswith(TASK_HEADS):
            return "Task"
        if last in METRIC_HEADS:
            return "Metric"
    if " " in name and known.get(name.split()[-1].casefold()) == "Metric":
        return "Metric"  # "ROUGE-2 F1", "SQuAD EM": a metric named by what it scores
    if " " not in name and _MODEL_SIZE.search(name) and re.search(r"\d|-", name):
        return "Model"
    if re.search(r"\s\d+(?:\.\d+)?[BM]$", name):
        return "Model"
    if _DATASETISH.search(name) and not name.isupper():
        return "Dataset"
    return "Method"
