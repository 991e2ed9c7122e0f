"""Load the NER model shipped in the package and run it over raw texts."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import NamedTuple

import spacy
from spacy.language import Language

from kg.errors import KgError
from kg.ner.labels import LABELS

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "ner" / "model"


class EntitySpan(NamedTuple):
    """One predicted mention: character offsets into the input text, label, surface text."""

    start_char: int
    end_char: int
    label: str
    text: str


def load_path(path: Path) -> Language:
    """Load a trained pipeline from a folder, with a readable error when it is not one."""
    if not (path / "meta.json").is_file():
        raise KgError(f"no NER model at {path}: train one with `kg train-ner`")
    return spacy.load(path)


@cache
def load_model() -> Language:
    """The shipped model, loaded once per process from kg/data/ner/model (no downloads)."""
    return load_path(MODEL_DIR)


def predict(texts: list[str], model: Language | None = None, batch_size: int = 64) -> list[list[EntitySpan]]:
    """Method/Task/Metric/Dataset mentions per text, in text order, via batched nlp.pipe.

    Auxiliary labels the model also tags (OtherScientificTerm, Generic) are left out.
    """
    nlp = model if model is not None else load_model()
    return [
        [EntitySpan(ent.start_char, ent.end_char, ent.label_, ent.text) for ent in doc.ents if ent.label_ in LABELS]
        for doc in nlp.pipe(texts, batch_size=batch_size)
    ]
