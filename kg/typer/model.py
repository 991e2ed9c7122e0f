"""Softmax regression over feature strings: fitted with numpy, stored as JSON, applied without numpy
overhead per name."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from kg.errors import KgError
from kg.typer.candidate import Candidate
from kg.typer.features import features

NONE = "None"
CLASSES = ("Method", "Model", "Dataset", "Benchmark", "Task", "Metric", NONE)
MODEL_FILE = Path(__file__).resolve().parents[1] / "data" / "typer" / "typer.json"


@dataclass
class TyperModel:
    """Weights per feature and class; unknown features weigh nothing."""

    classes: tuple[str, ...]
    weights: dict[str, list[float]]
    meta: dict[str, object]

    def __post_init__(self) -> None:
        self._row = {f: i for i, f in enumerate(self.weights)}
        self._matrix = np.array(list(self.weights.values()), dtype=np.float64).reshape(
            len(self.weights), len(self.classes)
        )

    def scores(self, feats: Sequence[str]) -> list[float]:
        rows = [i for f in feats if (i := self._row.get(f)) is not None]
        total: list[float] = self._matrix[rows].sum(axis=0).tolist()
        return total

    def probabilities(self, candidate: Candidate) -> dict[str, float]:
        scores = self.scores(features(candidate))
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        norm = sum(exps)
        return {c: e / norm for c, e in zip(self.classes, exps, strict=True)}

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        rounded = {f: [round(w, 3) for w in row] for f, row in sorted(self.weights.items())}
        path.write_text(
            json.dumps({"classes": self.classes, "meta": self.meta, "weights": rounded}) + "\n", encoding="utf-8"
        )


def load_path(path: Path) -> TyperModel:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise KgError(f"no typer model at {path} ({error}): train one with `kg train-typer`") from error
    return TyperModel(tuple(data["classes"]), {k: list(v) for k, v in data["weights"].items()}, dict(data["meta"]))


@cache
def load_typer() -> TyperModel:
    """The shipped model, loaded once per process."""
    return load_path(MODEL_FILE)


def fit(
    examples: Sequence[tuple[list[str], str]],
    l2: float = 1.0,
    epochs: int = 300,
    min_count: int = 1,
    weights: Sequence[float] | None = None,
) -> TyperModel:
    """Softmax regression by full-batch gradient descent (Adam) with an L2 penalty; features seen
    < ``min_count`` times dropped."""
    counts: dict[str, int] = {}
    for feats, _ in examples:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count or f == "bias"))}
    rows = [[vocab[f] for f in feats if f in vocab] for feats, _ in examples]
    indices = np.array([i for r in rows for i in r], dtype=np.int64)
    row_of = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
    labels = np.array([CLASSES.index(y) for _, y in examples])
    sample_weight = np.asarray(weights if weights is not None else [1.0] * len(examples), dtype=np.float64)
    n, d, k = len(rows), len(vocab), len(CLASSES)
    onehot = np.zeros((n, k))
    onehot[np.arange(n), labels] = 1.0
    w = np.zeros((d, k))
    m, v = np.zeros_like(w), np.zeros_like(w)
    lr, beta1, beta2 = 0.05, 0.9, 0.999
    for step in range(1, epochs + 1):
        scores = np.zeros((n, k))
        np.add.at(scores, row_of, w[indices])
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=1, keepdims=True)
        delta = (probs - onehot) * sample_weight[:, None] / sample_weight.sum()
        grad = np.zeros_like(w)
        np.add.at(grad, indices, delta[row_of])
        grad += l2 * w / n
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad**2
        w -= lr * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + 1e-8)
    weights_out = {f: w[i].tolist() for f, i in vocab.items() if np.abs(w[i]).max() > 0.02 or f == "bias"}
    return TyperModel(CLASSES, weights_out, {"examples": n, "features": len(weights_out), "l2": l2, "epochs": epochs})
