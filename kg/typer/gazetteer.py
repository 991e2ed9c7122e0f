"""Names annotated in SciERC and SciREX, with how often each was which type: a feature of the typer, not its verdict.

Mined by ``kg train-typer`` from ``../shared/data`` (SciERC train and dev abstracts, SciREX's
200 full papers) and shipped as ``kg/data/typer/gazetteer.json``: for each annotated phrase
seen at least twice its type counts (Method, Task, Metric, Dataset, and SciERC's
OtherScientificTerm / Generic), and for each head word the same over every phrase it ends.
"kernel fusion" is in neither corpus, but its head "fusion" is mostly a Method there.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from kg.evaluate.matching import normalize
from kg.ner.corpus import AnnotatedDoc

GAZETTEER_FILE = Path(__file__).resolve().parents[1] / "data" / "typer" / "gazetteer.json"
MIN_PHRASE_COUNT = 2
MIN_HEAD_COUNT = 3


def head_of(phrase: str) -> str:
    words = phrase.casefold().replace("-", " ").split()
    return normalize(words[-1]) if words else ""


def build(docs: Iterable[AnnotatedDoc]) -> dict[str, dict[str, dict[str, int]]]:
    """Phrase and head-word type counts over every annotated span of ``docs``."""
    phrases: defaultdict[str, Counter[str]] = defaultdict(Counter)
    heads: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        for start, end, label in doc.spans:
            phrase = " ".join(doc.words[start:end])
            phrases[normalize(phrase)][label] += 1
            heads[head_of(phrase)][label] += 1
    return {
        "phrases": {k: dict(v) for k, v in sorted(phrases.items()) if k and sum(v.values()) >= MIN_PHRASE_COUNT},
        "heads": {k: dict(v) for k, v in sorted(heads.items()) if k and sum(v.values()) >= MIN_HEAD_COUNT},
    }


def save(gazetteer: dict[str, dict[str, dict[str, int]]], path: Path = GAZETTEER_FILE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(gazetteer, sort_keys=True) + "\n", encoding="utf-8")


@cache
def load() -> dict[str, dict[str, dict[str, int]]]:
    """The shipped gazetteer (empty when there is none: the typer then goes without these features)."""
    try:
        data: dict[str, dict[str, dict[str, int]]] = json.loads(GAZETTEER_FILE.read_text(encoding="utf-8"))
    except OSError:
        return {"phrases": {}, "heads": {}}
    return data


def _bucket(n: int) -> str:
    return "1" if n < 3 else "few" if n < 10 else "many"


def features(surfaces: Iterable[str]) -> list[str]:
    """Gazetteer features of a candidate: the types its surfaces and its head had in the corpora."""
    gazetteer = load()
    out: list[str] = []
    for surface in surfaces:
        counts = gazetteer["phrases"].get(normalize(surface))
        if counts:
            total = sum(counts.values())
            out.append(f"gaz_seen={_bucket(total)}")
            out += [f"gaz={label}" for label, n in counts.items() if n / total >= 0.3]
            break
    head = gazetteer["heads"].get(head_of(next(iter(surfaces), "")))
    if head:
        total = sum(head.values())
        out += [f"gazhead={label}" for label, n in head.items() if n / total >= 0.3]
        out.append(f"gazhead_seen={_bucket(total)}")
    return out
