"""Evaluation results as data (for ``--json``) and as rich output (for people reading a terminal)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field
from rich.console import Console
from rich.markup import escape
from rich.table import Table

# Fields shown dimmed: reported for completeness but not a headline number.
SECONDARY_FIELDS: frozenset[str] = frozenset({"outperforms_generic"})


def _ratio(num: float, den: float, empty: float) -> float:
    return num / den if den else empty


class FieldScore(BaseModel):
    """Micro-averaged counts and rates for one field; nothing expected and nothing predicted is a perfect 1.0."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0

    @classmethod
    def from_counts(cls, tp: int, fp: int, fn: int) -> FieldScore:
        """Compute P/R/F1 so that 0/0 counts as perfect only when the other side has no errors either."""
        precision = _ratio(tp, tp + fp, 1.0 if fn == 0 else 0.0)
        recall = _ratio(tp, tp + fn, 1.0 if fp == 0 else 0.0)
        f1 = _ratio(2 * precision * recall, precision + recall, 0.0)
        return cls(tp=tp, fp=fp, fn=fn, precision=precision, recall=recall, f1=f1)


class FieldErrors(BaseModel):
    """One paper's mistakes in one field, as readable item labels."""

    fp: list[str] = Field(default_factory=list)
    fn: list[str] = Field(default_factory=list)


class EvalReport(BaseModel):
    """Scores per field over all gold papers, plus every paper's false positives and negatives."""

    papers: int
    fields: dict[str, FieldScore]
    errors: dict[str, dict[str, FieldErrors]] = Field(default_factory=dict)
    missing: list[str] = Field(default_factory=list)  # gold papers absent from pred
    ignored: int = 0  # pred papers not in gold, not scored

    def to_json(self) -> dict[str, Any]:
        """Plain JSON-serialisable dict (field order kept) for ``kg eval --json``."""
        return self.model_dump(mode="json")


def _fmt(value: float) -> str:
    return f"{value:.3f}"


def render_table(report: EvalReport) -> Table:
    """One row per field: precision, recall, F1 and the raw tp/fp/fn behind them."""
    title = f"Extraction scores over {report.papers} gold papers"
    if report.missing:
        title += f" ({len(report.missing)} missing from pred)"
    table = Table(title=title)
    table.add_column("field")
    for name in ("P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(name, justify="right")
    for field, s in report.fields.items():
        table.add_row(
            field,
            _fmt(s.precision),
            _fmt(s.recall),
            _fmt(s.f1),
            str(s.tp),
            str(s.fp),
            str(s.fn),
            style="dim" if field in SECONDARY_FIELDS else None,
        )
    return table


def render_errors(report: EvalReport, console: Console) -> None:
    """Print each paper's false positives and false negatives, field by field, for error analysis."""
    missing = set(report.missing)
    for paper, fields in report.errors.items():
        note = " [red](missing from pred)[/red]" if paper in missing else ""
        console.print(f"[bold]{escape(paper)}[/bold]{note}")
        for field, errs in fields.items():
            for kind, items in (("FP", errs.fp), ("FN", errs.fn)):
                for item in items:
                    colour = "yellow" if kind == "FP" else "red"
                    console.print(f"  {field:<20} [{colour}]{kind}[/{colour}] {escape(item)}")
    if not report.errors:
        console.print("no errors")
