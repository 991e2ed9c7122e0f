"""Reads over a Neo4j store that answer exactly like kg.graph.derive over networkx.

Names are normalised here in Python (``entity_key``, ``match_key``) and matched on the server
against the match keys the loader stored; ranking and sorting happen in Python too, so the
order never depends on the server's string collation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import networkx as nx
from neo4j import Driver, ManagedTransaction, RoutingControl

from kg.graph.model import KnowledgeGraph
from kg.names.alias_index import AliasIndex
from kg.records import Paper
from kg.store.cypher import query
from kg.store.evidence import EvidencePool
from kg.store.neo4j.rows import edge_from_neo4j, indexed_entity, node_from_neo4j
from kg.store.text_match import PhraseFinder, paper_from_attrs, words

ALIAS_CHUNK = 5000


def _read(driver: Driver, database: str | None, name: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(query(name), params, database_=database, routing_=RoutingControl.READ)
    return [record.data() for record in records]


def _whole_graph(tx: ManagedTransaction) -> KnowledgeGraph:
    g: KnowledgeGraph = nx.MultiDiGraph()
    ids: dict[str, str] = {}
    for record in tx.run(query("all_nodes")):
        node, attrs = node_from_neo4j(record["labels"], record["props"])
        ids[record["eid"]] = node
        g.add_node(node, **attrs)
    pool = EvidencePool()  # one evidence string per sentence, however many claims quote it
    for record in tx.run(query("all_relationships")):
        key, attrs = edge_from_neo4j(record["type"], record["props"])
        g.add_edge(ids[record["a"]], ids[record["b"]], key=key, **pool.share(attrs))
    return g


def read_graph(driver: Driver, database: str | None) -> KnowledgeGraph:
    """The whole stored graph as the networkx model, read in one transaction."""
    with driver.session(database=database) as session:
        return session.execute_read(_whole_graph)


def read_stats(driver: Driver, database: str | None) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {"nodes": {}, "relationships": {}}
    for row in _read(driver, database, "stats"):
        if row["n"]:
            counts[row["kind"]][row["name"]] = row["n"]
    return {kind: dict(sorted(values.items())) for kind, values in counts.items()}


_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
TERMS_PER_QUERY = 300  # x 3 indexed properties: under Lucene's 1,024 clauses


def match_key_queries(match_keys: Iterable[str]) -> list[str]:
    """``entities_by_match_key`` query texts that together ask for every one of ``match_keys``."""
    wanted = sorted({k for k in match_keys if k and not k.isspace()})
    return [
        " OR ".join(_LUCENE_SPECIAL.sub(r"\\\1", k) for k in wanted[start : start + TERMS_PER_QUERY])
        for start in range(0, len(wanted), TERMS_PER_QUERY)
    ]


def _entity_keys_matching(driver: Driver, database: str | None, match_keys: list[str]) -> list[str]:
    found: set[str] = set()
    for text in match_key_queries(match_keys):
        rows = _read(driver, database, "entities_by_match_key", query=text, limit=10_000_000)
        found.update(row["key"] for row in rows)
    return sorted(found)


def read_alias_index(driver: Driver, database: str | None, match_keys: Iterable[str] | None = None) -> AliasIndex:
    """All stored entities, or (``match_keys``) those known by one of them, as kg.graph.derive.alias_index."""
    if match_keys is None:
        keys = sorted(row["key"] for row in _read(driver, database, "entity_keys"))
    else:
        wanted = sorted({k for k in match_keys if k and not k.isspace()})
        keys = _entity_keys_matching(driver, database, wanted)
    index = AliasIndex()
    for start in range(0, len(keys), ALIAS_CHUNK):
        for row in _read(driver, database, "entity_mentions", keys=keys[start : start + ALIAS_CHUNK]):
            index.add(indexed_entity(row["key"], row["name"], row["aliases"] or [], row["groups"]))
    return index if match_keys is None else index.subset(wanted)


def paper_hashes(driver: Driver, database: str | None, paper_ids: list[str]) -> dict[str, str]:
    """Stored content hash of each of ``paper_ids`` that the database holds."""
    rows = _read(driver, database, "paper_hashes", ids=list(paper_ids))
    return {row["id"]: row["hash"] for row in rows if row["hash"] is not None}


def paper_lexicons(driver: Driver, database: str | None) -> list[tuple[list[str], list[str]]]:
    return [(list(row["defines"]), list(row["acronyms"])) for row in _read(driver, database, "paper_lexicons")]


PHRASES_PER_QUERY = 200  # well under Lucene's 1,024 clauses


def _lucene_phrase(phrase: str) -> str:
    """A quoted Lucene phrase: analysed like the indexed text, so only the quote and backslash need escaping."""
    return '"' + phrase.replace("\\", "\\\\").replace('"', '\\"') + '"'


def papers_mentioning(driver: Driver, database: str | None, phrases: list[str]) -> list[Paper]:
    """As the embedded store: the full-text index narrows, ``PhraseFinder`` decides."""
    finder = PhraseFinder(phrases)
    wanted = sorted({p for p in phrases if words(p)})
    found: dict[str, Paper] = {}
    for start in range(0, len(wanted), PHRASES_PER_QUERY):
        text = " OR ".join(_lucene_phrase(p) for p in wanted[start : start + PHRASES_PER_QUERY])
        for row in _read(driver, database, "papers_mentioning", query=text, limit=10_000_000):
            paper = paper_from_attrs(row["props"])
            if paper.id not in found and finder.in_paper(paper):
                found[paper.id] = paper
    return [found[k] for k in sorted(found)]
