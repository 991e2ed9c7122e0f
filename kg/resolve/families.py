"""Family phrases → canonical families: through the curated taxonomy when it knows the phrase.

"PEFT", "parameter efficient fine-tuning" and "PEFT methods" all become the taxonomy family
"parameter-efficient fine-tuning"; a phrase the taxonomy does not know becomes a new family
keyed by its ``entity_key``. Families link upwards through taxonomy parents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from kg.names.canonical import choose_name
from kg.names.keys import entity_key, match_key
from kg.resolve.model import ResolvedFamily
from kg.taxonomy import Taxonomy


class FamilyResolver:
    """Maps family phrases to family keys and collects the families a resolution uses."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._by_match: dict[str, str] = {}
        for surface, canonical in sorted(taxonomy.surfaces().items()):
            self._by_match.setdefault(match_key(surface), canonical)
        for canonical in sorted(taxonomy.families):
            self._by_match[match_key(canonical)] = canonical
        self._surfaces: dict[str, Counter[str]] = {}

    def canonical(self, phrase: str) -> str | None:
        """The taxonomy family a phrase names, else None."""
        return self.taxonomy.family_for(phrase) or self._by_match.get(match_key(phrase))

    def key(self, phrase: str) -> str:
        """Family key of a phrase (taxonomy name's key, else the phrase's own key); remembers the phrase."""
        canonical = self.canonical(phrase)
        key = entity_key(canonical or phrase)
        if canonical is not None:
            self._surfaces.setdefault(key, Counter())[canonical] += 0
        self._surfaces.setdefault(key, Counter())[" ".join(phrase.split())] += 1
        return key

    def taxonomy_families_of(self, surfaces: Iterable[str]) -> list[str]:
        """Keys of the taxonomy families the curated member list puts any of ``surfaces`` in."""
        keys: set[str] = set()
        for surface in surfaces:
            for family in self.taxonomy.families_of(surface):
                keys.add(self.key(family))
        return sorted(keys)

    def families(self) -> dict[str, ResolvedFamily]:
        """Every family seen so far plus its taxonomy ancestors, keyed by family key."""
        wanted = dict(self._surfaces)
        for key in list(wanted):
            canonical = self._canonical_of(key)
            for ancestor in self.taxonomy.ancestors(canonical) if canonical else ():
                wanted.setdefault(entity_key(ancestor), Counter({ancestor: 0}))
        return {key: self._family(key, wanted[key]) for key in sorted(wanted)}

    def _canonical_of(self, key: str) -> str | None:
        canonical = self._by_match.get(key.replace(" ", ""))
        return canonical if canonical is not None and entity_key(canonical) == key else None

    def _family(self, key: str, phrases: Counter[str]) -> ResolvedFamily:
        canonical = self._canonical_of(key)
        if canonical is None:
            name = choose_name({p: n for p, n in phrases.items() if n} or dict(phrases))
            aliases = sorted(set(phrases) - {name})
            return ResolvedFamily(key=key, name=name, aliases=aliases)
        entry = self.taxonomy.families[canonical]
        aliases = sorted((set(entry.aliases) | set(phrases)) - {canonical})
        parents = sorted(entity_key(p) for p in entry.parents)
        return ResolvedFamily(key=key, name=canonical, aliases=aliases, parents=parents, in_taxonomy=True)
