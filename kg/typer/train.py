"""Train the typer on guideline-annotated abstracts: the extractor's own candidates, labelled by the gold.

Each training paper runs through the extractor's candidate stage (``entity_stage``, the rules
without the typer); each candidate group is labelled with the type of the gold entity it names
(any surface, the scorer's normalisation) or not-an-entity. So the typer learns on exactly the
candidates it will judge. Papers come from ``(papers.jsonl, gold.jsonl)`` pairs; the dev gold
of the seed page and the annotated arXiv training set by default, never the held-out or blind sets.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.config import default_budget
from kg.corpus import read_papers
from kg.evaluate.io import load_records
from kg.evaluate.matching import normalize
from kg.extract.coordination import split_name
from kg.extract.corpus_names import collect_names
from kg.extract.extractor import entity_stage
from kg.extract.typed import candidate_of
from kg.records import ExtractionRecord, Paper
from kg.typer.candidate import Candidate
from kg.typer.features import features
from kg.typer.model import CLASSES, NONE, TyperModel, fit

DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data"
DEFAULT_SETS = (
    (DATA / "seed_papers.jsonl", DATA / "gold" / "seed_dev.jsonl"),
    (DATA / "train_papers.jsonl", DATA / "train_gold.jsonl"),
)


@dataclass(frozen=True)
class Example:
    paper: str
    candidate: Candidate
    label: str


def gold_types(record: ExtractionRecord) -> dict[str, str]:
    """Normalised surface → type, for every name and alias of the record's entities."""
    types: dict[str, str] = {}
    for entity in [*record.entities, *record.proposed]:
        for surface in (entity.name, *entity.aliases):
            key = normalize(surface)
            if key:
                types.setdefault(key, entity.type)
    return types


def label_of(candidate: Candidate, types: dict[str, str]) -> str:
    """The gold type of the entity ``candidate`` names, or not-an-entity.

    A slash coordination ("Prompt/Prefix Tuning") names its parts: it is labelled by the first part the
    gold lists (the extractor splits it into "Prompt Tuning" and "Prefix Tuning" after typing).
    """
    surfaces = [s for s in (candidate.name, *candidate.surfaces, candidate.long_form) if s]
    for surface in surfaces:
        if (key := normalize(surface)) in types:
            return types[key]
    for surface in surfaces:
        for part in split_name(surface):
            if (key := normalize(part)) in types:
                return types[key]
    return NONE


def examples_for(papers: Sequence[Paper], golds: dict[str, ExtractionRecord]) -> list[Example]:
    """Every candidate group of every paper with a gold record, labelled."""
    annotated = [p for p in papers if p.id in golds]
    corpus = collect_names(annotated)
    out: list[Example] = []
    for paper in annotated:
        stage = entity_stage(paper, corpus, False, default_budget(), chunks=True)
        types = gold_types(golds[paper.id])
        for group in stage.table.groups.values():
            if not group.surfaces:
                continue
            candidate = candidate_of(group, stage.pt.text, stage.pt.title_end)
            label = label_of(candidate, types)
            out.append(Example(paper.id, candidate, label))
    return out


def load_examples(sets: Iterable[tuple[Path, Path]]) -> list[Example]:
    examples: list[Example] = []
    for papers_path, gold_path in sets:
        golds = load_records(gold_path)
        examples += examples_for(list(read_papers([papers_path])), golds)
    return examples


def train(examples: Sequence[Example], l2: float = 1.0, epochs: int = 300) -> TyperModel:
    model = fit([(features(e.candidate), e.label) for e in examples], l2=l2, epochs=epochs)
    model.meta["labels"] = dict(Counter(e.label for e in examples))
    return model


def accuracy(model: TyperModel, examples: Sequence[Example]) -> dict[str, float]:
    """Label accuracy overall, on entities only, and the rules' own accuracy on the same entities."""
    right = right_entities = rules_right = entities = 0
    for e in examples:
        probs = model.probabilities(e.candidate)
        guess = max(CLASSES, key=lambda c: probs[c])
        right += guess == e.label
        if e.label != NONE:
            entities += 1
            right_entities += max((c for c in CLASSES if c != NONE), key=lambda c: probs[c]) == e.label
            rules_right += e.candidate.rule_type == e.label
    n = max(1, len(examples))
    return {
        "accuracy": right / n,
        "type_accuracy": right_entities / max(1, entities),
        "rules_type_accuracy": rules_right / max(1, entities),
        "examples": len(examples),
        "entities": entities,
    }


def cross_validate(examples: Sequence[Example], folds: int = 5, seed: int = 0, l2: float = 1.0) -> dict[str, float]:
    """Accuracy with papers (not candidates) split into folds, so a paper's names never sit on both sides."""
    papers = sorted({e.paper for e in examples})
    random.Random(seed).shuffle(papers)
    fold_of = {p: i % folds for i, p in enumerate(papers)}
    # sums of weighted accuracies and of counts; the counts stay ints (they are reported as they are)
    totals: dict[str, float] = dict.fromkeys(
        ("accuracy", "type_accuracy", "rules_type_accuracy", "examples", "entities"), 0
    )
    for k in range(folds):
        model = train([e for e in examples if fold_of[e.paper] != k], l2=l2)
        held = [e for e in examples if fold_of[e.paper] == k]
        scores = accuracy(model, held)
        for name in ("accuracy", "type_accuracy", "rules_type_accuracy"):
            totals[name] += scores[name] * (scores["examples"] if name == "accuracy" else scores["entities"])
        totals["examples"] += scores["examples"]
        totals["entities"] += scores["entities"]
    return {
        "accuracy": totals["accuracy"] / max(1, totals["examples"]),
        "type_accuracy": totals["type_accuracy"] / max(1, totals["entities"]),
        "rules_type_accuracy": totals["rules_type_accuracy"] / max(1, totals["entities"]),
        "examples": totals["examples"],
        "entities": totals["entities"],
    }
