"""Train the NER pipeline with spaCy's own training loop, reproducibly, and save it with its scores.

Data goes to DocBin files in a temporary folder (never into the repo); the config is
configs/ner.cfg; the saved folder's meta.json records the seed, the config, the data used,
the label mapping, the training time and the SciERC dev scores.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.training.initialize import init_nlp
from spacy.training.loop import train as train_loop
from spacy.util import load_config
from thinc.api import fix_random_seed

from kg.errors import KgError
from kg.ner.docs import write_docbin
from kg.ner.evaluate import NerReport, evaluate_file
from kg.ner.labels import LABEL_MAPS, LABELS, MODEL_LABELS
from kg.ner.prepare import SCIERC_DEV, default_data_dir, training_sets
from kg.ner.tokenizer import keep_hyphenated_words

DEFAULT_CONFIG = Path(__file__).resolve().parents[2] / "configs" / "ner.cfg"
DEFAULT_SCIREX_WORDS = 150_000


@dataclass(frozen=True)
class TrainResult:
    output_dir: Path
    seconds: float  # wall clock
    cpu_seconds: float  # this process's CPU time: comparable on a shared machine
    train_words: int
    dev: NerReport | None
    log: str


def _check_replaceable(output_dir: Path) -> None:
    """Refuse, before any work, to overwrite a non-empty folder that is not a model."""
    if output_dir.is_dir() and any(output_dir.iterdir()) and not (output_dir / "meta.json").is_file():
        raise KgError(f"{output_dir} is not empty and holds no spaCy model; choose another folder")


def _run_spacy(config: Path, work: Path, seed: int, overrides: dict[str, Any]) -> tuple[Language, str]:
    """spaCy's init + training loop; returns the best checkpoint (the last if none was kept) and the log."""
    cfg = load_config(
        config,
        overrides={
            "paths.train": str(work / "train.spacy"),
            "paths.dev": str(work / "holdout.spacy"),
            "system.seed": seed,
            **overrides,
        },
        interpolate=False,
    )
    fix_random_seed(seed)
    log = io.StringIO()
    nlp = init_nlp(cfg, use_gpu=-1)
    ner = nlp.get_pipe("ner")
    for label in MODEL_LABELS:  # a small sample may lack one; the model's label set should not depend on it
        ner.add_label(label)  # type: ignore[attr-defined]
    (work / "out").mkdir()
    train_loop(nlp, work / "out", use_gpu=-1, stdout=log, stderr=log)
    best = work / "out" / "model-best"
    return spacy.load(best if best.is_dir() else work / "out" / "model-last"), log.getvalue()


def train(
    output_dir: Path,
    config: Path = DEFAULT_CONFIG,
    seed: int = 0,
    max_docs: int | None = None,
    data_dir: Path | None = None,
    scirex_words: int = DEFAULT_SCIREX_WORDS,
    overrides: dict[str, Any] | None = None,
) -> TrainResult:
    """Train on SciERC train (+ ``scirex_words`` tokens of SciREX), score SciERC dev, save to ``output_dir``."""
    _check_replaceable(output_dir)
    data_dir = data_dir or default_data_dir()
    sets = training_sets(data_dir, seed, max_docs=max_docs, scirex_words=scirex_words)
    started, cpu_started = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory(prefix="kg-ner-") as tmp:
        work = Path(tmp)
        vocab = spacy.blank("en").vocab
        write_docbin(sets.train, work / "train.spacy", vocab)
        write_docbin(sets.holdout, work / "holdout.spacy", vocab)
        nlp, log = _run_spacy(config, work, seed, overrides or {})
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    keep_hyphenated_words(nlp)
    dev_path = data_dir / SCIERC_DEV
    dev = evaluate_file(dev_path, nlp) if dev_path.is_file() else None
    nlp.meta.update(
        {
            "name": "kg_scientific_ner",
            "description": "Method / Task / Metric / Dataset tagger trained by `kg train-ner` on SciERC (+ SciREX).",
            "kg": {
                "seed": seed,
                "config": config.name,
                "config_sha256": hashlib.sha256(config.read_bytes()).hexdigest(),
                "overrides": {k: str(v) for k, v in (overrides or {}).items()},
                "labels": list(LABELS),
                "auxiliary_labels": [label for label in MODEL_LABELS if label not in LABELS],
                "label_maps": LABEL_MAPS,
                "data": {
                    "scierc_train_docs": sets.scierc_docs,
                    "scierc_holdout_docs": len(sets.holdout),
                    "scirex_chunks": sets.scirex_chunks,
                    "train_words": sets.train_words,
                },
                "train_seconds": round(seconds, 1),
                "train_cpu_seconds": round(cpu_seconds, 1),
                "scierc_dev": dev.to_json() if dev is not None else None,
            },
        }
    )
    _check_replaceable(output_dir)
    if output_dir.is_dir():
        shutil.rmtree(output_dir)  # a previous model: no stale files may survive
    nlp.to_disk(output_dir)
    return TrainResult(output_dir, seconds, cpu_seconds, sets.train_words, dev, log)
