"""Resolve stage: names in extraction records → one canonical entity (and family) per real-world thing."""

from kg.names.alias_index import AliasIndex, IndexedEntity
from kg.names.canonical import choose_name, choose_type
from kg.names.keys import entity_key, match_key
from kg.resolve.model import (
    ResolvedComparable,
    ResolvedEntity,
    ResolvedFamily,
    ResolvedIsA,
    ResolvedMention,
    ResolvedOutperforms,
    ResolvedRecord,
)
from kg.resolve.resolution import Resolution
from kg.resolve.resolver import Resolver, resolve

__all__ = [
    "AliasIndex",
    "IndexedEntity",
    "Resolution",
    "ResolvedComparable",
    "ResolvedEntity",
    "ResolvedFamily",
    "ResolvedIsA",
    "ResolvedMention",
    "ResolvedOutperforms",
    "ResolvedRecord",
    "Resolver",
    "choose_name",
    "choose_type",
    "entity_key",
    "match_key",
    "resolve",
]
