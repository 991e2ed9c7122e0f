"""Papers + resolved records → the DESIGN.md graph model as a networkx MultiDiGraph.

The result covers the given papers only (a "piece"): every claim edge carries the ``paper``
it came from, so a store can replace one paper's claims without touching the rest.
Taxonomy edges (IS_A {source: "taxonomy"}, SUBFAMILY_OF) carry no paper: they hold as long
as their endpoints exist.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from kg.corpus.hashing import content_hash
from kg.graph import model as m
from kg.graph.derive import refresh
from kg.graph.model import KnowledgeGraph
from kg.records import ExtractionRecord, Paper
from kg.resolve.model import ResolvedRecord
from kg.resolve.resolution import Resolution
from kg.taxonomy import Taxonomy, load_taxonomy


def build_graph(
    papers: Iterable[Paper],
    records: Iterable[ExtractionRecord],
    resolution: Resolution,
    taxonomy: Taxonomy | None = None,
) -> KnowledgeGraph:
    """The graph piece for ``papers`` and their ``records`` (resolved by ``resolution``).

    A record without a Paper gets a Paper node from the record's id and title; a Paper
    without a record gets its node and nothing else, so upserting the piece leaves that
    paper with no claims: pass only the papers whose records you pass.
    """
    taxonomy = taxonomy or load_taxonomy()
    g: KnowledgeGraph = nx.MultiDiGraph()
    by_id = {p.id: p for p in papers}
    for paper in by_id.values():
        _add_paper(g, paper, None)
    for record in records:
        resolved = resolution.resolve_record(record)
        _add_paper(g, by_id.get(record.id), resolved)
        _add_claims(g, resolved, resolution)
    _add_taxonomy(g, resolution)
    refresh(g, list(g.nodes), taxonomy)
    return g


def _add_paper(g: KnowledgeGraph, paper: Paper | None, record: ResolvedRecord | None) -> None:
    if paper is not None:
        paper_id = paper.id
    elif record is not None:
        paper_id = record.id
    else:
        raise ValueError("a Paper node needs the paper or its record")
    attrs: dict[str, object] = {"label": m.PAPER, "id": paper_id, "title": record.title if record else ""}
    if paper is not None:
        attrs.update(title=paper.title, abstract=paper.abstract, authors=list(paper.authors))
        attrs.update({k: v for k in ("url", "published", "source") if (v := getattr(paper, k)) is not None})
        attrs["content_hash"] = content_hash(paper)  # lets a later ingest skip the paper when unchanged
    if record is not None:
        attrs["kind"] = record.paper_kind
        if record.defines:
            attrs["defines"] = list(record.defines)
        if record.acronyms:
            attrs["acronyms"] = [m.join_acronym(short, long) for short, long in record.acronyms]
    node = m.paper_node(paper_id)
    if node in g:
        g.nodes[node].update(attrs)
    else:
        g.add_node(node, **attrs)


def _entity(g: KnowledgeGraph, resolution: Resolution, key: str) -> str:
    node = m.entity_node(key)
    if node not in g:
        entity = resolution.entities[key]
        g.add_node(node, label=entity.type, key=key, name=entity.name, aliases=list(entity.aliases))
    return node


def _family(g: KnowledgeGraph, resolution: Resolution, key: str) -> str:
    """Add a family node and, through taxonomy parents, the chain of SUBFAMILY_OF above it."""
    node = m.family_node(key)
    if node in g:
        return node
    family = resolution.families[key]
    g.add_node(
        node, label=m.FAMILY, key=key, name=family.name, aliases=list(family.aliases), taxonomy=family.in_taxonomy
    )
    for parent in family.parents:
        g.add_edge(
            node,
            _family(g, resolution, parent),
            key=m.edge_key(m.SUBFAMILY_OF, None),
            type=m.SUBFAMILY_OF,
            source=m.TAXONOMY,
        )
    return node


def _claim(g: KnowledgeGraph, source: str, target: str, rel_type: str, paper: str, props: dict[str, object]) -> None:
    g.add_edge(source, target, key=m.edge_key(rel_type, paper, props), type=rel_type, paper=paper, **props)


def _add_claims(g: KnowledgeGraph, record: ResolvedRecord, resolution: Resolution) -> None:
    paper = record.id
    node = m.paper_node(paper)

    def supported(relation: str, source: str, target: str) -> dict[str, object]:
        found = record.evidence_for(relation, source, target)
        return {"evidence": found.sentence, "confidence": float(found.confidence)} if found else {}

    def link(rel_type: str, keys: Iterable[str], relation: str | None = None) -> None:
        for key in keys:
            props = supported(relation, "", key) if relation else {}
            g.add_edge(
                node, _entity(g, resolution, key), key=m.edge_key(rel_type, paper), type=rel_type, paper=paper, **props
            )

    for mention in record.mentions:
        g.add_edge(
            node,
            _entity(g, resolution, mention.key),
            key=m.edge_key(m.MENTIONS, paper),
            type=m.MENTIONS,
            paper=paper,
            surface=mention.surface,
            aliases=list(mention.aliases),
            vote=mention.vote,
            declared=mention.declared,
        )
    link(m.PROPOSES, record.proposed)
    link(m.EVALUATES_ON, record.evaluated_on, "evaluated_on")
    link(m.ADDRESSES, record.tasks)
    link(m.REPORTS, record.metrics)
    link(m.COMPARES_WITH, record.baselines, "baselines")
    for item in record.is_a:
        g.add_edge(
            _entity(g, resolution, item.entity),
            _family(g, resolution, item.family),
            key=m.edge_key(m.IS_A, paper),
            type=m.IS_A,
            paper=paper,
            source=m.TEXT,
            surface=item.surface,
            **supported("is_a", item.entity, item.family),
        )
    for new, base in record.extends:
        props: dict[str, object] = {"evidence": "", **supported("extends", new, base)}
        _claim(g, _entity(g, resolution, new), _entity(g, resolution, base), m.EXTENDS, paper, props)
    for claim in record.outperforms:
        props = {
            "on": list(claim.on),
            "metric": claim.metric,
            "evidence": claim.evidence,
            "confidence": float(claim.confidence),
            "loser_generic": claim.loser_generic,
            "on_inferred": claim.on_inferred,
            "margin": claim.margin,
        }
        winner = _entity(g, resolution, claim.winner)
        if claim.loser is None:
            _claim(g, winner, node, m.OUTPERFORMS_GENERIC, paper, {**props, "loser": claim.loser_text})
        else:
            _claim(g, winner, _entity(g, resolution, claim.loser), m.OUTPERFORMS, paper, props)
    for parity in record.comparable:
        props = {"aspect": parity.aspect, "evidence": parity.evidence, "confidence": float(parity.confidence)}
        _claim(g, _entity(g, resolution, parity.a), _entity(g, resolution, parity.b), m.COMPARABLE_TO, paper, props)


def _add_taxonomy(g: KnowledgeGraph, resolution: Resolution) -> None:
    """IS_A {source: "taxonomy"} for curated members the papers mention."""
    for key, families in sorted(resolution.memberships.items()):
        node = m.entity_node(key)
        if node not in g or g.nodes[node].get("label") not in m.TECHNIQUE_LABELS:
            continue
        for family in families:
            g.add_edge(
                node,
                _family(g, resolution, family),
                key=m.edge_key(m.IS_A, None),
                type=m.IS_A,
                source=m.TAXONOMY,
            )
