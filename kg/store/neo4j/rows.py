"""Translate between the networkx graph model and Neo4j rows, both ways, without touching a server.

Mapping (kg.graph.model → Neo4j):
- ``Paper:<id>`` → ``(:Paper {id, …})``; ``Entity:<key>`` → ``(:Entity:<Type> {key, name, aliases, …})``
  with the type (the model's ``label`` attribute) as the one type label; ``Family:<key>`` →
  ``(:Family {key, …})``. The ``label`` attribute itself is not stored: labels carry it.
- An edge ``(u, v, key, {type, …})`` → ``(u)-[:<type> {key, …}]->(v)``.
- Derived helper properties, dropped again on reading back: ``aliases_text`` (aliases joined by
  newlines, for the full-text index), ``match_key``/``match_name``/``match_aliases`` (the
  resolver's ``match_key`` of key, name and aliases, so name lookups need no Python on the
  server), ``null_props`` (names of attributes that were None: Neo4j cannot store null).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from typing import Any, Final, Literal

from kg.errors import StoreError
from kg.graph import model as m
from kg.names.alias_index import IndexedEntity
from kg.names.canonical import choose_type
from kg.names.keys import match_key
from kg.store.naming import aliases_for, derive_name
from kg.taxonomy import Taxonomy

NodeKind = Literal["paper", "entity", "family"]
ENTITY: Final = "Entity"
ALIASES_TEXT: Final = "aliases_text"
NULL_PROPS: Final = "null_props"
MATCH_PROPS: Final = ("match_key", "match_name", "match_aliases", "match_aliases_text")
INTERNAL_PROPS: Final = frozenset({ALIASES_TEXT, NULL_PROPS, *MATCH_PROPS})
EDGE_KEY: Final = "key"

_PREFIX: dict[str, NodeKind] = {"Paper": "paper", "Entity": "entity", "Family": "family"}
# Each relationship type with the node kinds at its ends; the type picks its fixed query file.
REL_ENDPOINTS: Final[dict[str, tuple[NodeKind, NodeKind]]] = {
    m.PROPOSES: ("paper", "entity"),
    m.MENTIONS: ("paper", "entity"),
    m.EVALUATES_ON: ("paper", "entity"),
    m.ADDRESSES: ("paper", "entity"),
    m.REPORTS: ("paper", "entity"),
    m.COMPARES_WITH: ("paper", "entity"),
    m.OUTPERFORMS: ("entity", "entity"),
    m.COMPARABLE_TO: ("entity", "entity"),
    m.EXTENDS: ("entity", "entity"),
    m.IS_A: ("entity", "family"),
    m.SUBFAMILY_OF: ("family", "family"),
    m.OUTPERFORMS_GENERIC: ("entity", "paper"),
}


def split_node_id(node: str) -> tuple[NodeKind, str]:
    """``"Entity:lora"`` → ``("entity", "lora")``."""
    prefix, sep, rest = node.partition(":")
    if not sep or prefix not in _PREFIX:
        raise StoreError(f"node id {node!r} is not Paper:…, Entity:… or Family:…")
    return _PREFIX[prefix], rest


def node_kind(attrs: Mapping[str, Any]) -> NodeKind:
    label = attrs.get("label")
    if label == m.PAPER:
        return "paper"
    if label == m.FAMILY:
        return "family"
    if label in m.ENTITY_LABELS:
        return "entity"
    raise StoreError(f"node label {label!r} is not one the store knows")


def _props(owner: str, attrs: Mapping[str, Any], skip: Iterable[str]) -> dict[str, Any]:
    """Storable properties: None values left out (their names kept in ``null_props``), tuples as lists."""
    clash = INTERNAL_PROPS & set(attrs)
    if clash:
        raise StoreError(f"property {sorted(clash)[0]!r} of {owner!r} is reserved by the Neo4j store")
    skipped = set(skip)
    props: dict[str, Any] = {}
    nulls: list[str] = []
    for name, value in attrs.items():
        if name in skipped:
            continue
        if value is None:
            nulls.append(name)
        else:
            props[name] = list(value) if isinstance(value, tuple) else value
    if nulls:
        props[NULL_PROPS] = sorted(nulls)
    return props


def alias_props(aliases: Iterable[str]) -> dict[str, Any]:
    """The derived properties that follow an aliases list."""
    aliases = list(aliases)
    match_aliases = [match_key(a) for a in aliases]
    return {
        "aliases": aliases,
        ALIASES_TEXT: "\n".join(aliases),
        "match_aliases": match_aliases,
        "match_aliases_text": "\n".join(match_aliases),
    }


def node_row(node: str, attrs: Mapping[str, Any]) -> tuple[NodeKind, dict[str, Any]]:
    """The row a ``merge_<kind>s`` query takes for one node of the model."""
    kind = node_kind(attrs)
    id_kind, ident = split_node_id(node)
    field = "id" if kind == "paper" else "key"
    if id_kind != kind or str(attrs.get(field)) != ident:
        raise StoreError(
            f"node {node!r} does not match its attributes (label {attrs.get('label')!r}, {field} {attrs.get(field)!r})"
        )
    props = _props(node, attrs, skip=["label"])
    if kind == "paper":
        return kind, {"id": ident, "props": props}
    if "aliases" in props:
        props.update(alias_props(props["aliases"]))
    props["match_key"] = match_key(ident)
    props["match_name"] = match_key(str(attrs.get("name", "")))
    row: dict[str, Any] = {"key": ident, "props": props}
    if kind == "entity":
        row["label"] = attrs["label"]
    return kind, row


def edge_row(source: str, target: str, key: str, attrs: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """(relationship type, the row its ``merge_rel_<type>`` query takes) for one edge of the model."""
    rel_type = attrs.get("type")
    if rel_type not in REL_ENDPOINTS:
        raise StoreError(f"edge {source} -> {target} has relationship type {rel_type!r}, which the store does not know")
    (source_kind, source_id), (target_kind, target_id) = split_node_id(source), split_node_id(target)
    if (source_kind, target_kind) != REL_ENDPOINTS[rel_type]:
        raise StoreError(f"{rel_type} edge {source} -> {target} joins a {source_kind} to a {target_kind}")
    if EDGE_KEY in attrs:
        raise StoreError(f"property 'key' of edge {source} -> {target} clashes with the edge key")
    props = _props(f"{source} -> {target}", attrs, skip=["type"])
    props[EDGE_KEY] = key
    return str(rel_type), {"from": source_id, "to": target_id, "key": key, "props": props}


def _restore(props: Mapping[str, Any], drop: Iterable[str]) -> dict[str, Any]:
    dropped = INTERNAL_PROPS | set(drop)
    attrs = {k: v for k, v in props.items() if k not in dropped}
    attrs.update(dict.fromkeys(props.get(NULL_PROPS, []), None))
    return attrs


def node_from_neo4j(labels: Iterable[str], props: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """(node id, attributes) of the model for a stored node."""
    names = set(labels)
    if m.PAPER in names:
        return m.paper_node(str(props["id"])), {"label": m.PAPER, **_restore(props, ())}
    if m.FAMILY in names:
        return m.family_node(str(props["key"])), {"label": m.FAMILY, **_restore(props, ())}
    types = sorted(names & set(m.ENTITY_LABELS))
    if ENTITY not in names or len(types) != 1:
        raise StoreError(f"stored node with labels {sorted(names)} is not a Paper, a Family or an entity with one type")
    return m.entity_node(str(props["key"])), {"label": types[0], **_restore(props, ())}


def edge_from_neo4j(rel_type: str, props: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """(edge key, attributes) of the model for a stored relationship."""
    return str(props[EDGE_KEY]), {"type": rel_type, **_restore(props, [EDGE_KEY])}


def mention_votes(groups: Iterable[Mapping[str, Any]]) -> Counter[str]:
    """Declared type votes (role-inferred ones when none is declared), as kg.graph.derive.type_votes."""
    declared: Counter[str] = Counter()
    inferred: Counter[str] = Counter()
    for group in groups:
        (declared if group["declared"] else inferred)[str(group["vote"])] += int(group["n"])
    return declared or inferred


def mention_counts(groups: Iterable[Mapping[str, Any]]) -> Counter[str]:
    """Surface → number of MENTIONS using it, from ``entity_mentions`` groups."""
    names: Counter[str] = Counter()
    for group in groups:
        names[str(group["surface"])] += int(group["n"])
    return names


def entity_derived(
    key: str, groups: list[dict[str, Any]], spellings: Iterable[str], shared: Collection[str] = ()
) -> dict[str, Any] | None:
    """The ``set_entity_derived`` row for an entity from its aggregated MENTIONS, as kg.graph.derive.refresh_entity
    and kg.store.graph_names do on the embedded store: type by vote, name (kg.store.naming; ``shared``: the
    match keys other entities' mentions use too) and aliases. None when nothing mentions it (left alone)."""
    if not groups:
        return None
    counts = mention_counts(groups)
    name = derive_name(counts, spellings, shared)
    return derived_row(key, choose_type(mention_votes(groups)), name, aliases_for(name, counts, spellings))


def derived_row(key: str, label: str, name: str, aliases: Iterable[str]) -> dict[str, Any]:
    """A ``set_entity_derived`` row: type label, name and aliases with their match-key forms."""
    return {"key": key, "label": label, "name": name, "match_name": match_key(name), **alias_props(aliases)}


def family_derived(key: str, name: str, surfaces: Iterable[str], taxonomy: Taxonomy) -> dict[str, Any]:
    """The ``set_family_derived`` row for a family, as kg.graph.derive.refresh_family."""
    aliases = set(taxonomy.families[name].aliases) if name in taxonomy.families else set()
    aliases.update(str(s) for s in surfaces)
    return {"key": key, **alias_props(sorted(aliases - {name}))}


def indexed_entity(key: str, name: str, aliases: Iterable[str], groups: list[dict[str, Any]]) -> IndexedEntity:
    """The alias-index entry for a stored entity, as kg.graph.derive.alias_index builds it."""
    return IndexedEntity(
        key=key,
        name=name,
        names=dict(sorted(mention_counts(groups).items())),
        aliases=list(aliases),
        votes=dict(sorted(mention_votes(groups).items())),
    )
