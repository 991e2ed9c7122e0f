"""The NER label set and how each training corpus's labels map onto it.

The knowledge graph wants Method, Task, Metric and Dataset. SciERC calls data resources
"Material" (corpora, benchmarks, but also "English" or "images"); SciREX calls the dataset slot
of its result tuples "Material" too (CIFAR-10, SQuAD). Both become Dataset, so the two corpora
agree and the model never has to guess between two names for one thing. SciERC's Generic
("this approach") and OtherScientificTerm (features, constraints, symbols) name nothing the
graph stores, so they are dropped: unmapped spans are trained as "not an entity".
"""

from __future__ import annotations

from typing import Literal

Corpus = Literal["scierc", "scirex"]

LABELS: tuple[str, ...] = ("Method", "Task", "Metric", "Dataset")

LABEL_MAPS: dict[Corpus, dict[str, str]] = {
    "scierc": {"Method": "Method", "Task": "Task", "Metric": "Metric", "Material": "Dataset"},
    "scirex": {"Method": "Method", "Task": "Task", "Metric": "Metric", "Material": "Dataset", "Dataset": "Dataset"},
}


def map_label(corpus: Corpus, label: str) -> str | None:
    """The model's label for a corpus label, or None when the label is dropped."""
    return LABEL_MAPS[corpus].get(label)
