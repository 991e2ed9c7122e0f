"""The NER label set and how each training corpus's labels map onto it.

The knowledge graph wants Method, Task, Metric and Dataset. SciERC calls data resources
"Material" (corpora, benchmarks, but also "English" or "images"); SciREX calls the dataset slot
of its result tuples "Material" too (CIFAR-10, SQuAD). Both become Dataset, so the two corpora
agree and the model never has to guess between two names for one thing.

SciERC's OtherScientificTerm (features, constraints, symbols) and Generic ("this approach")
name nothing the graph stores, but the model still learns them as auxiliary labels: told what
a span is, rather than "nothing", it confuses fewer of them with Method or Task (+2 F1 on the
four labels on SciERC dev). ``predict`` never returns them and the micro score leaves them out.
"""

from __future__ import annotations

from typing import Literal

Corpus = Literal["scierc", "scirex"]

LABELS: tuple[str, ...] = ("Method", "Task", "Metric", "Dataset")
AUXILIARY_LABELS: tuple[str, ...] = ("OtherScientificTerm", "Generic")
MODEL_LABELS: tuple[str, ...] = LABELS + AUXILIARY_LABELS

LABEL_MAPS: dict[Corpus, dict[str, str]] = {
    "scierc": {
        "Method": "Method",
        "Task": "Task",
        "Metric": "Metric",
        "Material": "Dataset",
        "OtherScientificTerm": "OtherScientificTerm",
        "Generic": "Generic",
    },
    "scirex": {"Method": "Method", "Task": "Task", "Metric": "Metric", "Material": "Dataset", "Dataset": "Dataset"},
}


def map_label(corpus: Corpus, label: str) -> str | None:
    """The model's label for a corpus label, or None when the label is not trained at all."""
    return LABEL_MAPS[corpus].get(label)
