"""What a store already knows about entities, handed to the resolver so new papers link to them.

Each stored entity keeps its key; the resolver treats it as a fixed anchor that new mentions
may join but that never merges with another stored entity (their papers are already written
under their own keys).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import BaseModel, ConfigDict, Field

from kg.names.keys import match_key


class IndexedEntity(BaseModel):
    """One stored entity: its key, display name, the names papers used (with counts), aliases, type votes."""

    model_config = ConfigDict(frozen=True)

    key: str
    name: str
    names: dict[str, int] = Field(default_factory=dict)
    aliases: list[str] = Field(default_factory=list)
    votes: dict[str, int] = Field(default_factory=dict)

    def surfaces(self) -> list[str]:
        """Every string this entity is known by."""
        return sorted({self.name, *self.names, *self.aliases})


class AliasIndex:
    """Surface key (``match_key``) → keys of the stored entities known by that surface."""

    def __init__(self, entities: Iterable[IndexedEntity] = ()) -> None:
        self.entities: dict[str, IndexedEntity] = {}
        self._by_surface: dict[str, set[str]] = {}
        for entity in entities:
            self.add(entity)

    def add(self, entity: IndexedEntity) -> None:
        """Add (or replace) one entity."""
        self.remove(entity.key)
        self.entities[entity.key] = entity
        for surface in entity.surfaces():
            self._by_surface.setdefault(match_key(surface), set()).add(entity.key)

    def remove(self, key: str) -> None:
        """Forget one entity (nothing when it is not there)."""
        entity = self.entities.pop(key, None)
        if entity is None:
            return
        for surface in entity.surfaces():
            keys = self._by_surface.get(match_key(surface))
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self._by_surface[match_key(surface)]

    def lookup(self, surface: str) -> list[str]:
        """Sorted keys of the entities known by ``surface`` (empty when none)."""
        return sorted(self._by_surface.get(match_key(surface), ()))

    def subset(self, keys: Iterable[str]) -> AliasIndex:
        """The entities known by any of these match keys (``Resolver.lookup_keys``): all a batch can link to."""
        found = {k for key in keys for k in self._by_surface.get(key, ())}
        return AliasIndex(self.entities[k] for k in sorted(found))

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self) -> Iterator[IndexedEntity]:
        return iter(self.entities[k] for k in sorted(self.entities))

    def __contains__(self, key: object) -> bool:
        return key in self.entities

    def to_json(self) -> list[dict[str, object]]:
        """Plain data, sorted by key."""
        return [entity.model_dump() for entity in self]

    @classmethod
    def from_json(cls, data: Iterable[dict[str, object]]) -> AliasIndex:
        return cls(IndexedEntity.model_validate(item) for item in data)
