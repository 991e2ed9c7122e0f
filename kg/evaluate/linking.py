"""Entity linking across papers, measured on labelled name pairs: ``kg eval-linking``'s engine.

Each pair in the file (``kg/data/linking_pairs.jsonl`` by default) is one entity as two
papers name it, with ``same`` saying whether they are really one entity::

    {"a": "LoRA", "b": "low-rank adaptation", "same": true, "why": "acronym",
     "type": "Method", "a_aliases": ["Low-Rank Adaptation"]}

Optional keys: ``type`` (both sides, default Method), ``a_type`` / ``b_type`` (one side),
``a_aliases`` / ``b_aliases`` (other surfaces that side's paper gives, e.g. the expansion it
defines the acronym with, exactly as an extraction record's ``aliases``), ``note``.

A pair is judged the way the real pipeline sees it: two papers, each an ``ExtractionRecord``
naming one side, run through the real ``Resolver``; "merged" means both names got the same
entity key. ``mode="batch"`` resolves both records together (one ingest batch);
``mode="incremental"`` ingests paper A first, builds the graph and its alias index the way a
store does, then resolves paper B against it (a later ingest). A merge of a ``same`` pair is a
true positive, a merge of a different pair a false positive, and so on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kg.errors import KgError
from kg.graph.builder import build_graph
from kg.graph.derive import alias_index
from kg.records import Entity, EntityType, ExtractionRecord
from kg.resolve.resolver import Resolver
from kg.taxonomy import Taxonomy, load_taxonomy

LinkMode = Literal["batch", "incremental"]
LINK_MODES: tuple[LinkMode, ...] = ("batch", "incremental")
DEFAULT_PAIRS = Path(__file__).resolve().parent.parent / "data" / "linking_pairs.jsonl"
PAPER_A, PAPER_B = "linking-pair-a", "linking-pair-b"


class LinkPair(BaseModel):
    """One labelled pair of names, each as one paper states it."""

    model_config = ConfigDict(extra="forbid")

    a: str
    b: str
    same: bool
    why: str = "other"
    type: EntityType = "Method"
    a_type: EntityType | None = None
    b_type: EntityType | None = None
    a_aliases: list[str] = Field(default_factory=list)
    b_aliases: list[str] = Field(default_factory=list)
    note: str = ""
    line: int = 0  # 1-based line in the pair file, 0 when built in code

    def record(self, side: Literal["a", "b"]) -> ExtractionRecord:
        """The extraction record of the paper that names this side."""
        name, aliases, typ = (
            (self.a, self.a_aliases, self.a_type) if side == "a" else (self.b, self.b_aliases, self.b_type)
        )
        return ExtractionRecord(
            id=PAPER_A if side == "a" else PAPER_B,
            title=f"linking pair side {side}",
            entities=[Entity(name=name, aliases=list(aliases), type=typ or self.type)],
        )

    def label(self) -> str:
        """``a`` vs ``b`` with any aliases, for error lists."""

        def side(name: str, aliases: list[str]) -> str:
            return f"{name} ({'; '.join(aliases)})" if aliases else name

        return f"{side(self.a, self.a_aliases)} {'=' if self.same else '≠'} {side(self.b, self.b_aliases)}"


class LinkScore(BaseModel):
    """Merge decisions of some pairs: confusion counts, P/R/F1 of "merge", and accuracy."""

    pairs: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    accuracy: float = 0.0

    @classmethod
    def from_counts(cls, tp: int, fp: int, fn: int, tn: int) -> LinkScore:
        """Rates from counts; a rate with an empty denominator is 1.0 when nothing went wrong on its side."""
        precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
        recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        pairs = tp + fp + fn + tn
        accuracy = (tp + tn) / pairs if pairs else 1.0
        return cls(
            pairs=pairs, tp=tp, fp=fp, fn=fn, tn=tn, precision=precision, recall=recall, f1=f1, accuracy=accuracy
        )


class PairResult(BaseModel):
    """The resolver's decision on one pair and the keys behind it."""

    pair: LinkPair
    merged: bool
    key_a: str | None
    key_b: str | None

    @property
    def correct(self) -> bool:
        return self.merged == self.pair.same


class LinkingReport(BaseModel):
    """Scores over all pairs and per ``why`` category, plus every pair the resolver got wrong."""

    source: str
    mode: LinkMode
    overall: LinkScore
    by_why: dict[str, LinkScore]
    wrong: list[PairResult] = Field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON-serialisable dict for ``--json``."""
        return self.model_dump(mode="json")


def load_pairs(path: Path | str = DEFAULT_PAIRS) -> list[LinkPair]:
    """Read a pair file; blank lines and lines starting with ``#`` are skipped."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise KgError(f"cannot read linking pairs {path}: {error}") from error
    pairs: list[LinkPair] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            pairs.append(LinkPair.model_validate({**data, "line": number}))
        except (ValueError, ValidationError) as error:
            raise KgError(f"{path}:{number}: bad linking pair: {error}") from error
    return pairs


class PairLinker:
    """Runs pairs through the real resolver (one taxonomy load for all of them)."""

    def __init__(self, taxonomy: Taxonomy | None = None) -> None:
        self.taxonomy = taxonomy or load_taxonomy()

    def link(self, pair: LinkPair, mode: LinkMode = "batch") -> PairResult:
        record_a, record_b = pair.record("a"), pair.record("b")
        if mode == "batch":
            resolution = Resolver(taxonomy=self.taxonomy).resolve([record_a, record_b])
            key_a, key_b = resolution.key_for(PAPER_A, pair.a), resolution.key_for(PAPER_B, pair.b)
        elif mode == "incremental":
            first = Resolver(taxonomy=self.taxonomy).resolve([record_a])
            graph = build_graph([], [record_a], first, self.taxonomy)
            second = Resolver(alias_index(graph), self.taxonomy).resolve([record_b])
            key_a, key_b = first.key_for(PAPER_A, pair.a), second.key_for(PAPER_B, pair.b)
        else:
            raise KgError(f"unknown linking mode {mode!r}; use one of {', '.join(LINK_MODES)}")
        return PairResult(pair=pair, merged=key_a is not None and key_a == key_b, key_a=key_a, key_b=key_b)


def score_results(results: Iterable[PairResult]) -> tuple[LinkScore, dict[str, LinkScore]]:
    """Overall and per-``why`` scores of some decisions."""
    counts: dict[str, list[int]] = {}
    total = [0, 0, 0, 0]
    for result in results:
        slot = _slot(result.pair.same, result.merged)
        total[slot] += 1
        counts.setdefault(result.pair.why, [0, 0, 0, 0])[slot] += 1
    return LinkScore.from_counts(*total), {why: LinkScore.from_counts(*c) for why, c in sorted(counts.items())}


def _slot(same: bool, merged: bool) -> int:
    """Index into [tp, fp, fn, tn]."""
    if merged:
        return 0 if same else 1
    return 2 if same else 3


def evaluate_pairs(
    pairs: Iterable[LinkPair], mode: LinkMode = "batch", source: str = "<pairs>", taxonomy: Taxonomy | None = None
) -> LinkingReport:
    """Link every pair and score the merge decisions."""
    linker = PairLinker(taxonomy)
    results = [linker.link(pair, mode) for pair in pairs]
    overall, by_why = score_results(results)
    return LinkingReport(
        source=source, mode=mode, overall=overall, by_why=by_why, wrong=[r for r in results if not r.correct]
    )


def evaluate_linking(
    path: Path | str | None = None, mode: LinkMode = "batch", taxonomy: Taxonomy | None = None
) -> LinkingReport:
    """Score the resolver on a pair file (default: the bundled ``kg/data/linking_pairs.jsonl``)."""
    path = Path(path) if path is not None else DEFAULT_PAIRS
    return evaluate_pairs(load_pairs(path), mode, str(path), taxonomy)


def _fmt(value: float) -> str:
    return f"{value:.3f}"


def render_linking(report: LinkingReport, console: Console, *, show_wrong: bool = True) -> None:
    """One row per ``why`` category and one for all pairs; then the pairs decided wrongly."""
    table = Table(title=f"Entity linking over {report.overall.pairs} pairs ({report.mode})")
    table.add_column("why")
    for name in ("pairs", "P", "R", "F1", "acc", "tp", "fp", "fn", "tn"):
        table.add_column(name, justify="right")

    def row(label: str, s: LinkScore, style: str | None = None) -> None:
        table.add_row(
            escape(label),
            str(s.pairs),
            _fmt(s.precision),
            _fmt(s.recall),
            _fmt(s.f1),
            _fmt(s.accuracy),
            str(s.tp),
            str(s.fp),
            str(s.fn),
            str(s.tn),
            style=style,
        )

    for why, score in report.by_why.items():
        row(why, score)
    table.add_section()
    row("all", report.overall, "bold")
    console.print(table)
    if not show_wrong:
        return
    if not report.wrong:
        console.print("no wrong pairs")
        return
    console.print(f"[bold]{len(report.wrong)} wrong pairs[/bold]")
    for result in report.wrong:
        kind = "[yellow]FP merged[/yellow]" if result.merged else "[red]FN apart[/red] "
        keys = "" if result.merged else f"  [dim]{escape(str(result.key_a))} | {escape(str(result.key_b))}[/dim]"
        console.print(f"  {kind} [dim]{escape(result.pair.why)}[/dim] {escape(result.pair.label())}{keys}")
