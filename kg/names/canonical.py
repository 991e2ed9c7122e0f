"""How one entity's many mentions become one type and one display name.

Shared by the resolver and by the graph code that recomputes an entity after a paper is
replaced, so both always agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kg.names.acronyms import is_acronym_of
from kg.records import ENTITY_TYPES, EntityType

# Ties in a type vote go to the earlier type: a name that is as often a Method as a Task is a Method.
TYPE_PRIORITY: tuple[EntityType, ...] = ENTITY_TYPES

# Coarse kinds that never merge through an alias: a dataset is not a metric, whatever a paper says.
_KIND: dict[str, str] = {
    "Method": "technique",
    "Model": "technique",
    "Task": "technique",
    "Dataset": "data",
    "Benchmark": "data",
    "Metric": "metric",
}


def choose_type(votes: Mapping[str, int]) -> EntityType:
    """The type with most votes; ties broken by ``TYPE_PRIORITY``; no votes → Method."""
    best: EntityType = "Method"
    best_score = (0, -len(TYPE_PRIORITY))
    for rank, kind in enumerate(TYPE_PRIORITY):
        score = (votes.get(kind, 0), -rank)
        if score > best_score:
            best, best_score = kind, score
    return best


def kind_of(entity_type: str) -> str:
    """The coarse kind (technique, data, metric) of an entity type."""
    return _KIND.get(entity_type, "technique")


def choose_name(names: Mapping[str, int], surfaces: Iterable[str] = ()) -> str:
    """Display name: an acronym that abbreviates another surface first, then most used, shortest, first.

    ``names`` counts how often papers used each string as the entity's ``name``; ``surfaces``
    are every other form (aliases) the acronym test may look at.
    """
    if not names:
        raise ValueError("choose_name needs at least one name")
    pool = sorted(set(names) | set(surfaces))

    def score(name: str) -> tuple[int, int, int, str]:
        acronym = any(is_acronym_of(name, other) for other in pool if other != name)
        return (0 if acronym else 1, -names[name], len(name), name)

    return min(names, key=score)
