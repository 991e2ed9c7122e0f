"""Typed output of the resolve stage: canonical entities and families, and records rewritten onto their keys.

A ``ResolvedRecord`` is an ``ExtractionRecord`` in which every name is an entity key and
every family phrase a family key, so the graph builder never has to compare strings.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from kg.records import EntityType, PaperKind


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class ResolvedEntity(_Frozen):
    """One real-world entity across papers (``papers``: the ids in this resolution that mention it)."""

    key: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    type: EntityType = "Method"
    votes: dict[str, int] = Field(default_factory=dict)
    papers: list[str] = Field(default_factory=list)


class ResolvedFamily(_Frozen):
    """A method family; ``parents`` are family keys (taxonomy parents); ``in_taxonomy`` False for families
    only text names."""

    key: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    parents: list[str] = Field(default_factory=list)
    in_taxonomy: bool = False


class ResolvedMention(_Frozen):
    """How one paper refers to one entity: its own name, other surfaces, and its type vote.

    ``declared`` is False when the type was only inferred from the role the name plays
    (a name only seen in ``evaluated_on`` is taken for a Dataset).
    """

    key: str
    surface: str
    aliases: list[str] = Field(default_factory=list)
    vote: EntityType = "Method"
    declared: bool = True


class ResolvedIsA(_Frozen):
    """entity IS_A family, with the family phrase as the paper wrote it."""

    entity: str
    family: str
    surface: str


class ResolvedOutperforms(_Frozen):
    """winner beats loser; ``loser`` is None when the loser is generic (its words stay in ``loser_text``)."""

    winner: str
    loser: str | None
    loser_text: str
    on: list[str] = Field(default_factory=list)
    metric: str = ""
    loser_generic: bool = False
    evidence: str = ""
    confidence: float = 1.0
    on_inferred: bool = False
    margin: str = ""


class ResolvedComparable(_Frozen):
    a: str
    b: str
    aspect: str = ""
    evidence: str = ""
    confidence: float = 1.0


class ResolvedEvidence(_Frozen):
    """The sentence behind one relation (``kg.records.Evidence``), its ends as keys (a family key for is_a)."""

    relation: str
    source: str
    target: str
    sentence: str
    confidence: float = 1.0


class ResolvedRecord(_Frozen):
    """One paper's extraction with entity keys for names and family keys for families; lists deduplicated."""

    id: str
    title: str = ""
    paper_kind: PaperKind = "method"
    mentions: list[ResolvedMention] = Field(default_factory=list)
    proposed: list[str] = Field(default_factory=list)
    evaluated_on: list[str] = Field(default_factory=list)
    tasks: list[str] = Field(default_factory=list)
    metrics: list[str] = Field(default_factory=list)
    baselines: list[str] = Field(default_factory=list)
    is_a: list[ResolvedIsA] = Field(default_factory=list)
    extends: list[tuple[str, str]] = Field(default_factory=list)
    outperforms: list[ResolvedOutperforms] = Field(default_factory=list)
    comparable: list[ResolvedComparable] = Field(default_factory=list)
    defines: list[str] = Field(default_factory=list)  # passed through: what the paper adds to the corpus-wide name pass
    acronyms: list[tuple[str, str]] = Field(default_factory=list)
    evidence: list[ResolvedEvidence] = Field(default_factory=list)

    def evidence_for(self, relation: str, source: str, target: str) -> ResolvedEvidence | None:
        """The evidence of one relation of this paper (first found), or None."""
        return next((e for e in self.evidence if (e.relation, e.source, e.target) == (relation, source, target)), None)
