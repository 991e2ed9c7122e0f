"""Softmax regression: learns separable data, saves and loads the same model, probabilities sum to one."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import KgError
from kg.typer.candidate import Candidate
from kg.typer.model import CLASSES, NONE, fit, load_path, load_typer


def test_fit_learns_a_separable_toy_problem_and_round_trips(tmp_path: Path) -> None:
    examples = [(["bias", "head=dataset"], "Dataset")] * 20 + [(["bias", "head=retrieval"], "Task")] * 20
    examples += [(["bias", "head=the"], NONE)] * 20
    model = fit(examples, epochs=200)
    assert max(CLASSES, key=lambda c: model.scores(["bias", "head=dataset"])[CLASSES.index(c)]) == "Dataset"
    assert max(CLASSES, key=lambda c: model.scores(["bias", "head=the"])[CLASSES.index(c)]) == NONE
    model.save(tmp_path / "typer.json")
    again = load_path(tmp_path / "typer.json")
    assert again.scores(["bias", "head=retrieval"]) == pytest.approx(model.scores(["bias", "head=retrieval"]), abs=1e-3)


def test_the_shipped_model_gives_a_distribution_over_every_class() -> None:
    candidate = Candidate(
        "LoRA",
        ("LoRA",),
        "Low-Rank Adaptation",
        (("we fine-tune with ", " on GLUE"),),
        ("acronym",),
        "Method",
        "Method",
        False,
    )
    probs = load_typer().probabilities(candidate)
    assert set(probs) == set(CLASSES) and sum(probs.values()) == pytest.approx(1.0)
    assert max(probs, key=probs.__getitem__) == "Method"


def test_a_missing_model_file_is_a_readable_error(tmp_path: Path) -> None:
    with pytest.raises(KgError, match="kg train-typer"):
        load_path(tmp_path / "nothing.json")
