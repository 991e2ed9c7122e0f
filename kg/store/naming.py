"""An entity's display name, derived from everything stored about it, the same way on both stores.

The resolver names an entity from what one batch of papers and the store's index show it, so the
name used to depend on how the corpus was cut into batches and on what was stored before: a paper
re-extracted after an interrupted ingest was counted twice (its stored mentions and its new ones),
and an acronym another entity shares ("SFT" = sparse | supervised fine-tuning) was only avoided when
both happened to be in the same batch. An interrupted-then-rerun ingest could therefore end with a
node whose ``name`` and one of its ``aliases`` were swapped compared with a clean ingest.

Here the name is a function of the final stored state only, like the type vote and the aliases:
the surfaces its papers' MENTIONS use (with how many papers use each), the aliases those mentions
give, and which surfaces another entity's mentions use too. It is the resolver's rule applied to
that state (``kg.names.canonical.choose_name``: an acronym that abbreviates another surface,
then the most used, the shortest, then code-point order: a total order); a surface another entity
uses is only the name when nothing else is left, and then the most used spelled-out form wins.
Both stores re-derive it for every entity a write touches and for the entities sharing a surface
with those, so neither batch order nor history can leave a different name behind.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping

from kg.names.acronyms import is_acronym_of
from kg.names.canonical import choose_name
from kg.names.keys import match_key


def derive_name(counts: Mapping[str, int], spellings: Iterable[str], shared: Collection[str]) -> str:
    """The display name of an entity whose MENTIONS use the surfaces ``counts`` (surface → papers) and
    give the aliases ``spellings``; ``shared`` holds the match keys other entities' mentions also use."""
    if not counts:
        raise ValueError("derive_name needs at least one surface")
    surfaces = set(counts) | set(spellings)
    clear = {name: n for name, n in counts.items() if match_key(name) not in shared}
    if clear:
        return choose_name(clear, surfaces)
    spelled: Counter[str] = Counter()
    given = sorted(set(spellings))
    for name, n in counts.items():
        for alias in given:
            if alias != name and is_acronym_of(name, alias):
                spelled[alias] += n
    if not spelled:
        return choose_name(counts, surfaces)
    by_form: dict[str, Counter[str]] = {}
    for form, n in spelled.items():
        by_form.setdefault(match_key(form), Counter())[form] += n
    best = min(by_form, key=lambda k: (-sum(by_form[k].values()), k))
    return choose_name(by_form[best])


def shared_keys(own: Iterable[str], others: Iterable[Iterable[str]]) -> set[str]:
    """Match keys of the surfaces ``own`` that some other entity's surfaces (``others``) use too."""
    mine = {match_key(s) for s in own}
    return {k for surfaces in others for k in {match_key(s) for s in surfaces} if k in mine}


def aliases_for(name: str, counts: Iterable[str], spellings: Iterable[str]) -> list[str]:
    """Every surface and alias of the entity but its name, sorted (as ``kg.graph.derive.refresh_entity``)."""
    return sorted((set(counts) | set(spellings)) - {name})
