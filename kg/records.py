"""Record types every stage shares: papers in, extraction records out.

The extraction record is the gold format of ``shared/gold/GUIDELINE.md`` (plus optional
``confidence``), so any extractor's output can be scored against the gold with ``kg eval``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityType = Literal["Method", "Model", "Dataset", "Benchmark", "Task", "Metric"]
ENTITY_TYPES: tuple[EntityType, ...] = ("Method", "Model", "Dataset", "Benchmark", "Task", "Metric")
PaperKind = Literal["method", "dataset", "benchmark", "survey", "theory", "model", "other"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Paper(_Record):
    """One paper as read from a source, before extraction."""

    id: str
    title: str
    abstract: str
    url: str | None = None
    authors: list[str] = Field(default_factory=list)
    published: str | None = None
    source: str | None = None  # "file:line" the record was read from


class Entity(_Record):
    name: str
    aliases: list[str] = Field(default_factory=list)
    type: EntityType = "Method"


class ProposedEntity(Entity):
    families: list[str] = Field(default_factory=list)


class Outperforms(_Record):
    winner: str
    loser: str
    on: list[str] = Field(default_factory=list)
    metric: str = ""
    loser_generic: bool = False
    evidence: str = ""
    confidence: float = 1.0
    on_inferred: bool = False
    """``on`` is not named by the sentence: it is what the paper evaluates on (it names no dataset)."""
    margin: str = ""
    """The size of the win as the sentence gives it ("by 44%", "2.3 points", "52.3 vs 49.8")."""


class Comparable(_Record):
    a: str
    b: str
    aspect: str = ""
    evidence: str = ""
    confidence: float = 1.0


EvidenceRelation = Literal["evaluated_on", "baselines", "is_a", "extends"]


class Evidence(_Record):
    """The sentence behind one relation of a record that has no evidence field of its own.

    ``source`` is the entity of an ``is_a`` / ``extends`` pair (empty for the paper's own
    relations ``evaluated_on`` and ``baselines``), ``target`` the other end (a family for is_a).
    """

    relation: EvidenceRelation
    source: str = ""
    target: str
    sentence: str
    confidence: float = 1.0


class ExtractionRecord(_Record):
    """What one paper's title and abstract say, in the gold annotation format."""

    id: str
    title: str = ""
    paper_kind: PaperKind = "method"
    proposed: list[ProposedEntity] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    evaluated_on: list[str] = Field(default_factory=list)
    tasks: list[str] = Field(default_factory=list)
    metrics: list[str] = Field(default_factory=list)
    baselines: list[str] = Field(default_factory=list)
    is_a: list[tuple[str, str]] = Field(default_factory=list)
    extends: list[tuple[str, str]] = Field(default_factory=list)
    outperforms: list[Outperforms] = Field(default_factory=list)
    comparable: list[Comparable] = Field(default_factory=list)
    # Not scored: what the paper adds to the corpus-wide name pass (kg.extract.corpus_names),
    # stored with the paper so a later ingest knows every name without re-reading abstracts.
    defines: list[str] = Field(default_factory=list)
    acronyms: list[tuple[str, str]] = Field(default_factory=list)  # (short, long)
    # Not scored: the sentence behind each evaluated_on, baseline, is_a and extends (claims carry theirs).
    evidence: list[Evidence] = Field(default_factory=list)
