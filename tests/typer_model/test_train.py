"""Training labels come from the gold: any surface of a gold entity, or the parts of a slash coordination."""

from __future__ import annotations

from kg.records import Entity, ExtractionRecord
from kg.typer.candidate import Candidate
from kg.typer.model import NONE
from kg.typer.train import gold_types, label_of


def _candidate(name: str, *surfaces: str) -> Candidate:
    return Candidate(name, (name, *surfaces), "", (), ("name",), "Method", "", False)


def test_labels_match_any_surface_through_the_scorers_normalisation() -> None:
    gold = ExtractionRecord(
        id="p",
        title="t",
        entities=[
            Entity(name="LoRA", aliases=["low-rank adaptation"], type="Method"),
            Entity(name="Prompt Tuning", aliases=[], type="Method"),
            Entity(name="MS MARCO", aliases=[], type="Dataset"),
        ],
    )
    types = gold_types(gold)
    assert label_of(_candidate("Low-Rank Adaptations"), types) == "Method"
    assert label_of(_candidate("MS-MARCO"), types) == "Dataset"
    assert label_of(_candidate("Prompt/Prefix Tuning"), types) == "Method"
    assert label_of(_candidate("our framework"), types) == NONE
