"""Arguments the schema takes: filters and enums."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="Node labels of the graph model.")
class NodeLabel(Enum):
    PAPER = "Paper"
    METHOD = "Method"
    MODEL = "Model"
    DATASET = "Dataset"
    BENCHMARK = "Benchmark"
    TASK = "Task"
    METRIC = "Metric"
    FAMILY = "Family"


@strawberry.enum(description="How a paper relates to an entity (the relationship from the Paper).")
class PaperRole(Enum):
    MENTIONS = "MENTIONS"
    PROPOSES = "PROPOSES"
    EVALUATES_ON = "EVALUATES_ON"
    ADDRESSES = "ADDRESSES"
    REPORTS = "REPORTS"
    COMPARES_WITH = "COMPARES_WITH"


@strawberry.input(description="Methods and models matching every given field (names or aliases, any spelling).")
class MethodFilter:
    family: str | None = strawberry.field(
        default=None, description="In this family or a subfamily, or extending a member (EXTENDS is inherited)."
    )
    beats: str | None = strawberry.field(default=None, description="Has an OUTPERFORMS claim over this entity.")
    beaten_by: str | None = strawberry.field(default=None, description="This entity has an OUTPERFORMS claim over it.")
    comparable_to: str | None = strawberry.field(
        default=None, description="A COMPARABLE_TO claim links it to this one."
    )
    extends: str | None = strawberry.field(default=None, description="EXTENDS this entity directly.")
    evaluated_on: str | None = strawberry.field(
        default=None, description="Proposed or compared with in a paper that evaluates on this dataset or benchmark."
    )
    proposed_in: strawberry.ID | None = strawberry.field(default=None, description="Proposed in this paper (id).")
    text: str | None = strawberry.field(default=None, description="Name or an alias contains every word.")


@strawberry.input(description="Papers matching every given field.")
class PaperFilter:
    text: str | None = strawberry.field(default=None, description="Title or abstract contains every word.")
    proposes: str | None = None
    evaluated_on: str | None = None
    mentions: str | None = None


@strawberry.input(description="Datasets or benchmarks matching every given field.")
class DatasetFilter:
    used_by_method: str | None = strawberry.field(
        default=None, description="A paper proposing or comparing with this method evaluates on it."
    )
    used_by_family: str | None = strawberry.field(default=None, description="Used by any method of this family.")
    task: str | None = strawberry.field(default=None, description="A paper addressing this task evaluates on it.")
    text: str | None = None
