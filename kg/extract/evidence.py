"""The sentence that supports each relation whose record field holds only names (evaluated_on, baselines,
is_a, extends).

Claims keep the sentence their rule read; these relations come from several rules and lists, so
their sentence is found afterwards, the first of: a sentence naming both ends (for the paper's
own relations, the paper's proposal and the target) with a cue of what the relation is
(evaluation words for evaluated_on, comparison words for baselines; confidence 1.0); naming both
ends (0.9); naming the target with the cue (0.8); naming the target (0.5). A relation whose
target no sentence names (a family inferred from a taxonomy) gets the sentence naming its
source, at 0.3.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from kg.records import Evidence, EvidenceRelation, ExtractionRecord

_CUES: dict[str, re.Pattern[str]] = {
    "evaluated_on": re.compile(
        r"\b(?:evaluat\w*|experiment\w*|results?|benchmark\w*|achiev\w*|on\b|accuracy|score\w*)", re.I
    ),
    "baselines": re.compile(
        r"\b(?:outperform\w*|surpass\w*|than|compared?|comparison|over|baselines?|beats?|superior)\b", re.I
    ),
}


@lru_cache(maxsize=4096)
def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", re.I)


def _names(name: str, aliases: dict[str, list[str]]) -> list[str]:
    return [n for n in (name, *aliases.get(name, [])) if n]


def _mentions(sentence: str, names: Iterable[str]) -> bool:
    return any(_pattern(n).search(sentence) for n in names)


def find_sentence(
    sentences: Sequence[str], target: list[str], source: list[str] | None = None, cue: re.Pattern[str] | None = None
) -> tuple[str, float] | None:
    """The best supporting sentence and its confidence (see the module's doc), or None when nothing names either end."""
    tiers: list[tuple[float, bool, bool]] = [
        (1.0, True, True),
        (0.9, True, False),
        (0.8, False, True),
        (0.5, False, False),
    ]
    for confidence, both, cued in tiers:
        if (both and not source) or (cued and cue is None):
            continue
        for sentence in sentences:
            if not _mentions(sentence, target):
                continue
            if both and not _mentions(sentence, source or []):
                continue
            if cued and cue is not None and not cue.search(sentence):
                continue
            return sentence, confidence
    for sentence in sentences:
        if source and _mentions(sentence, source):
            return sentence, 0.3
    return None


def relation_evidence(record: ExtractionRecord, sentences: Sequence[str]) -> list[Evidence]:
    """Evidence for every evaluated_on, baseline, is_a and extends of ``record``, from ``sentences`` (title first)."""
    aliases = {e.name: list(e.aliases) for e in [*record.entities, *record.proposed]}
    proposed = [n for p in record.proposed for n in _names(p.name, aliases)]
    wanted: list[tuple[EvidenceRelation, str, str]] = [("evaluated_on", "", t) for t in record.evaluated_on]
    wanted += [("baselines", "", t) for t in record.baselines]
    wanted += [("is_a", m, f) for m, f in record.is_a]
    wanted += [("is_a", p.name, f) for p in record.proposed for f in p.families]
    wanted += [("extends", new, base) for new, base in record.extends]
    found: list[Evidence] = []
    seen: set[tuple[str, str, str]] = set()
    for relation, source, target in wanted:
        if (relation, source, target) in seen:
            continue
        seen.add((relation, source, target))
        ends = _names(source, aliases) if source else proposed
        best = find_sentence(sentences, _names(target, aliases), ends, _CUES.get(relation))
        if best is not None:
            found.append(
                Evidence(relation=relation, source=source, target=target, sentence=best[0], confidence=best[1])
            )
    return found
