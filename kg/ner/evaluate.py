"""Score an NER model on a SciERC-format file: exact token span and label, micro-averaged.

Gold labels go through the same mapping the model was trained with (kg.ner.labels), so
SciERC's Material is scored as Dataset. The micro average covers Method, Task, Metric and
Dataset only; auxiliary labels (OtherScientificTerm, Generic) get their own rows, outside it.
Nested gold spans stay in the gold set: a flat tagger cannot find both, and the score says so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field
from rich.table import Table
from spacy.language import Language

from kg.evaluate.report import FieldScore
from kg.ner.corpus import AnnotatedDoc, read_annotated
from kg.ner.docs import to_doc
from kg.ner.labels import AUXILIARY_LABELS
from kg.ner.model import load_model


class NerReport(BaseModel):
    """Per-label scores, and the micro average over the output labels, for one file's documents."""

    docs: int
    tokens: int
    labels: dict[str, FieldScore]
    overall: FieldScore
    auxiliary: dict[str, FieldScore] = Field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def evaluate_docs(annotated: Iterable[AnnotatedDoc], model: Language) -> NerReport:
    """Run the model on each doc's gold tokens and count exact (start, end, label) matches."""
    items = list(annotated)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    docs = (to_doc(model.vocab, item, with_entities=False) for item in items)
    for item, doc in zip(items, model.pipe(docs, batch_size=64), strict=True):
        gold = set(item.spans)
        pred = {(ent.start, ent.end, ent.label_) for ent in doc.ents}
        for _, _, label in gold & pred:
            tp[label] += 1
        for _, _, label in pred - gold:
            fp[label] += 1
        for _, _, label in gold - pred:
            fn[label] += 1
    known = model.get_pipe("ner").labels if model.has_pipe("ner") else ()  # type: ignore[attr-defined]
    names = sorted(set(tp) | set(fp) | set(fn) | set(known))
    scores = {name: FieldScore.from_counts(tp[name], fp[name], fn[name]) for name in names}
    output = [name for name in names if name not in AUXILIARY_LABELS]
    return NerReport(
        docs=len(items),
        tokens=sum(item.n_words for item in items),
        labels={name: scores[name] for name in output},
        overall=FieldScore.from_counts(*(sum(c[name] for name in output) for c in (tp, fp, fn))),
        auxiliary={name: scores[name] for name in names if name in AUXILIARY_LABELS},
    )


def evaluate_file(path: Path, model: Language | None = None) -> NerReport:
    """Score ``model`` (default: the shipped one) on a SciERC-format (or SciREX) JSON-lines file."""
    return evaluate_docs(read_annotated(path), model if model is not None else load_model())


def _fmt(value: float) -> str:
    return f"{value:.3f}"


def render_table(report: NerReport, title: str = "NER scores") -> Table:
    """One row per label, the bold micro average over them, then auxiliary labels dimmed."""
    table = Table(title=f"{title} ({report.docs} docs, {report.tokens} tokens; exact span, typed)")
    table.add_column("label")
    for name in ("P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(name, justify="right")
    rows = [*report.labels.items(), ("micro", report.overall)]
    for i, (label, s) in enumerate(rows):
        table.add_row(
            label,
            _fmt(s.precision),
            _fmt(s.recall),
            _fmt(s.f1),
            str(s.tp),
            str(s.fp),
            str(s.fn),
            style="bold" if i == len(rows) - 1 else None,
            end_section=i >= len(rows) - 2,
        )
    for label, s in report.auxiliary.items():
        table.add_row(
            f"({label})", _fmt(s.precision), _fmt(s.recall), _fmt(s.f1), str(s.tp), str(s.fp), str(s.fn), style="dim"
        )
    return table
