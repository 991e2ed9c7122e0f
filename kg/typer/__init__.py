"""The learned typer: each candidate name's type (Method, Model, Dataset, Benchmark, Task, Metric) or not-an-entity.

A softmax regression over the name's shape, words and characters, the words around its
mentions, the rules' vote and the lexicon, trained on guideline-annotated abstracts by
``kg train-typer`` and shipped in ``kg/data/typer/``. The rules find candidates; this decides
what they are.
"""

from kg.typer.candidate import Candidate
from kg.typer.model import NONE, TyperModel, load_typer

__all__ = ["NONE", "Candidate", "TyperModel", "load_typer"]
