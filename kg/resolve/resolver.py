"""Cross-paper entity resolution: one canonical entity per real-world thing.

How mentions become entities (each step deterministic):

1. Every record yields one entry per entity it names (``mentions.collect``); stored entities
   from an ``AliasIndex`` yield fixed entries that keep their key.
2. Entries whose names share a ``match_key`` form a group ("LoRA", "LoRAs", "lora").
3. An acronym group whose entries give different expansions is split into senses
   ("SFT" = sparse fine-tuning | supervised fine-tuning); entries without an expansion join
   the sense most entries use.
4. Groups link through aliases: unit U with alias a joins the unit named a, but only when
   a is U's alias alone (an alias two entities claim links nothing), a is not a cut-down or
   padded form of U's name ("accuracy" is not "top-1 accuracy"), both have the same coarse
   kind (technique / data / metric), no paper names both as distinct entities, and the
   merge does not join two stored entities.
   A name that is another unit's proper name plus a head word that only says what kind of
   thing it is joins that unit under the same checks ("BLEU score" is BLEU, "COCO dataset"
   COCO, "Adam optimizer" Adam); for data, so does a split ("COCO test-dev", "MS MARCO dev").
   A spelled-out acronym or abbreviation joins the one unit it spells ("Stanford NLI" = SNLI,
   "full FT" = full fine-tuning, "MS COCO" = COCO); editions of data sets were folded into their
   base name already when the entries were collected ("COCO 2015", "WMT'14": COCO, WMT).
5. Each cluster gets a display name (an acronym that abbreviates another surface, else the
   most used name; never a name other clusters share) and its key: the stored key, else
   ``entity_key(display name)``; type by vote, ties by ``canonical.TYPE_PRIORITY``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from kg.names.alias_index import AliasIndex
from kg.names.canonical import choose_name, choose_type
from kg.names.keys import entity_key, match_key
from kg.records import EntityType, ExtractionRecord
from kg.resolve.clusters import Clusters, is_cut_or_padded
from kg.resolve.families import FamilyResolver
from kg.resolve.mentions import Entry, PaperMentions, collect
from kg.resolve.model import ResolvedEntity, ResolvedMention
from kg.resolve.resolution import Resolution
from kg.resolve.senses import Unit, expansions, split_senses, split_stored
from kg.resolve.senses import order as content_order
from kg.resolve.senses import weight as total_weight
from kg.resolve.variants import expand_abbreviations, fold_publisher, spelled_acronym
from kg.taxonomy import Taxonomy, load_taxonomy


class Resolver:
    """Resolves a batch of extraction records (and what a store already holds) into a ``Resolution``."""

    def __init__(self, alias_index: AliasIndex | None = None, taxonomy: Taxonomy | None = None) -> None:
        self.alias_index = alias_index or AliasIndex()
        self.taxonomy = taxonomy or load_taxonomy()

    def resolve(self, records: Iterable[ExtractionRecord]) -> Resolution:
        """Resolve every name in every record; a later record with the same id replaces an earlier one."""
        unique = {r.id: r for r in records}
        papers: list[PaperMentions] = []
        next_id = 0
        for record in unique.values():
            papers.append(collect(record, next_id))
            next_id += len(papers[-1].entries)
        entries = [e for p in papers for e in p.entries] + list(self._fixed_entries(next_id))
        units = self._units(entries)
        clusters = Clusters(units)
        self._merge_stored(units, clusters)
        self._link_aliases(units, clusters)
        self._link_heads(units, clusters)
        self._link_spelled(units, clusters)
        key_of, entities = self._entities(units, clusters)
        families = FamilyResolver(self.taxonomy)
        for record in unique.values():
            for _member, phrase in record.is_a:
                families.key(phrase)
            for item in record.proposed:
                for phrase in item.families:
                    families.key(phrase)
        memberships = {
            key: found
            for key, entity in entities.items()
            if entity.type in ("Method", "Model")
            and (found := families.taxonomy_families_of([entity.name, *entity.aliases]))
        }
        tables = {p.paper: {s: key_of[e.id] for s, e in p.table.items()} for p in papers}
        mentions = {p.paper: _mentions(p, key_of) for p in papers}
        return Resolution(entities, families.families(), memberships, tables, mentions, families.key)

    def _fixed_entries(self, first_id: int) -> Iterator[Entry]:
        """Stored entities as entries: one per name papers used for them, votes on the first."""
        for entity in self.alias_index:
            names = entity.names or {entity.name: 1}
            surfaces = entity.surfaces()
            for rank, (name, count) in enumerate(sorted(names.items())):
                yield Entry(
                    id=first_id,
                    paper=None,
                    name=name,
                    aliases=[s for s in surfaces if s != name],
                    declared=Counter(entity.votes) if rank == 0 else Counter(),
                    fixed_key=entity.key,
                    weight=max(count, 1),
                )
                first_id += 1

    @staticmethod
    def _units(entries: list[Entry]) -> list[Unit]:
        groups: dict[str, list[Entry]] = {}
        for entry in entries:
            groups.setdefault(match_key(entry.name), []).append(entry)
        units: list[Unit] = []
        for group_key in sorted(groups):
            for sense in split_senses(groups[group_key]):
                for part in split_stored(sense):
                    units.append(Unit(len(units), part, {x for e in part for x in expansions(e)}))
        return units

    @staticmethod
    def _merge_stored(units: list[Unit], clusters: Clusters) -> None:
        """Units holding names of the same stored entity are that entity."""
        first: dict[str, int] = {}
        for unit in units:
            for entry in unit.entries:
                if entry.fixed_key:
                    clusters.union(first.setdefault(entry.fixed_key, unit.index), unit.index, force=True)

    @staticmethod
    def _link_aliases(units: list[Unit], clusters: Clusters) -> None:
        """Step 4: join a unit to the unit its alias names, when that link is unambiguous."""
        named: dict[str, set[int]] = {}
        claimed: dict[str, set[int]] = {}
        surfaces: dict[tuple[int, str], list[str]] = {}
        for unit in units:
            own = unit.names
            for name in own:
                named.setdefault(name, set()).add(unit.index)
            for entry in unit.entries:
                for alias in entry.aliases:
                    key = match_key(alias)
                    if key not in own:
                        claimed.setdefault(key, set()).add(unit.index)
                        surfaces.setdefault((unit.index, key), []).append(alias)
        for key in sorted(claimed):
            if len(claimed[key]) != 1:
                continue
            (source,) = claimed[key]
            targets = named.get(key, set()) - {source}
            if len(targets) > 1:
                spelled = sorted({e.name for e in units[source].entries})
                targets = {t for t in targets if any(units[t].spells_out(name) for name in spelled)}
            if len(targets) != 1:
                continue
            (target,) = targets
            names = {e.name for e in units[source].entries}
            if any(is_cut_or_padded(alias, names) for alias in surfaces[(source, key)]):
                continue
            clusters.union(source, target)

    @staticmethod
    def _link_heads(units: list[Unit], clusters: Clusters) -> None:
        """Step 4, head words: join "X score" / "X dataset" / "X test-dev" to the one unit named X."""
        named: dict[str, set[int]] = {}
        for unit in units:
            for name in unit.names:
                named.setdefault(name, set()).add(unit.index)
        for unit in units:
            data = clusters.kind(clusters.find(unit.index)) == "data"
            for base in sorted({b for e in unit.entries if (b := _without_head(e.name, data=data))}):
                targets = named.get(base, set()) - {unit.index}
                if len(targets) == 1:
                    clusters.union(unit.index, next(iter(targets)))

    @staticmethod
    def _link_spelled(units: list[Unit], clusters: Clusters) -> None:
        """Step 4, spelled-out forms: "Stanford NLI" joins SNLI, "full FT" full fine-tuning, "MS COCO" COCO
        (one target only)."""
        named: dict[str, set[int]] = {}
        for unit in units:
            for name in unit.names:
                named.setdefault(name, set()).add(unit.index)
        for unit in units:
            for entry in unit.entries:
                for form in (spelled_acronym(entry.name), expand_abbreviations(entry.name), fold_publisher(entry.name)):
                    targets = named.get(match_key(form), set()) - {unit.index} if form else set()
                    if len(targets) == 1:
                        clusters.union(unit.index, next(iter(targets)))

    def _entities(self, units: list[Unit], clusters: Clusters) -> tuple[dict[int, str], dict[str, ResolvedEntity]]:
        """Step 5: display names, keys and types; only clusters some paper in the batch mentions."""
        members: dict[int, list[Entry]] = {}
        for unit in units:
            members.setdefault(clusters.find(unit.index), []).extend(unit.entries)
        name_roots: dict[str, set[int]] = {}
        for root, entries in members.items():
            for entry in entries:
                name_roots.setdefault(match_key(entry.name), set()).add(root)
        displays = {root: _display(entries, name_roots) for root, entries in members.items()}

        def rank(root: int) -> tuple[bool, str, int, tuple[str, ...]]:
            entries = members[root]
            return (
                not clusters.fixed[root],
                entity_key(displays[root]),
                -total_weight(entries),
                content_order(entries),
            )

        used: set[str] = set()
        key_of: dict[int, str] = {}
        entities: dict[str, ResolvedEntity] = {}
        for root in sorted(members, key=rank):
            entries = members[root]
            votes = clusters.declared[root] or clusters.inferred[root]
            entity_type = choose_type(votes)
            key = _free_key(
                sorted(clusters.fixed[root])[0] if clusters.fixed[root] else entity_key(displays[root]),
                entity_type,
                used,
            )
            used.add(key)
            for entry in entries:
                key_of[entry.id] = key
            papers = sorted({e.paper for e in entries if e.paper})
            if not papers:
                continue
            surfaces = {e.name for e in entries} | {a for e in entries for a in e.aliases}
            entities[key] = ResolvedEntity(
                key=key,
                name=displays[root],
                aliases=sorted(surfaces - {displays[root]}),
                type=entity_type,
                votes=dict(sorted(votes.items())),
                papers=papers,
            )
        return key_of, dict(sorted(entities.items()))


# Head words that only say what kind of thing a proper name is ("BLEU score", "COCO dataset").
# Not "loss", "block", "layer": "CLIP loss" and "Mamba block" are parts of CLIP and Mamba.
_HEAD_WORDS = frozenset(
    {
        "model",
        "method",
        "approach",
        "algorithm",
        "framework",
        "architecture",
        "network",
        "technique",
        "optimizer",
        "benchmark",
        "dataset",
        "corpus",
        "score",
        "metric",
        "measure",
    }
)
# Words naming a split of a dataset, which is still that dataset ("COCO test-dev", "LVIS val").
_SPLIT_WORDS = frozenset(
    {"val", "validation", "dev", "development", "test", "testdev", "train", "training", "set", "split"}
)


_NAME_PARTS = re.compile(r"[\s\-_\u2010-\u2015]+")


def _without_head(name: str, *, data: bool) -> str | None:
    """``match_key`` of a proper name without its trailing head word (or, for data, split words); None if none."""
    if not any(c.isupper() or c.isdigit() for c in name):
        return None
    words = [w for w in _NAME_PARTS.split(name.strip()) if w]
    cut = len(words)
    if cut > 1 and entity_key(words[cut - 1]) in _HEAD_WORDS:
        cut -= 1
    while data and cut > 1 and entity_key(words[cut - 1]) in _SPLIT_WORDS:
        cut -= 1
    return match_key(" ".join(words[:cut])) if cut < len(words) else None


def _display(entries: list[Entry], name_roots: dict[str, set[int]]) -> str:
    """Display name; a name several clusters share (an ambiguous acronym) only when nothing else is left."""
    names: Counter[str] = Counter()
    for entry in entries:
        names[entry.name] += entry.weight
    surfaces = {a for e in entries for a in e.aliases} | set(names)
    clear = {n: c for n, c in names.items() if len(name_roots[match_key(n)]) == 1}
    if clear:
        return choose_name(clear, surfaces)
    spelled_out: Counter[str] = Counter()
    for entry in entries:
        for exp in expansions(entry):
            spelled_out[exp] += entry.weight
    if not spelled_out:
        return choose_name(names, surfaces)
    by_form: dict[str, Counter[str]] = {}
    for exp, count in spelled_out.items():
        by_form.setdefault(match_key(exp), Counter())[exp] += count
    best = min(by_form, key=lambda k: (-sum(by_form[k].values()), k))
    return choose_name(by_form[best])


def _free_key(key: str, entity_type: EntityType, used: set[str]) -> str:
    """``key``, or a qualified form of it when another cluster already holds that key."""
    if key not in used:
        return key
    qualified = f"{key} ({entity_type.lower()})"
    candidate, n = qualified, 2
    while candidate in used:
        candidate, n = f"{qualified} {n}", n + 1
    return candidate


def _mentions(paper: PaperMentions, key_of: dict[int, str]) -> list[ResolvedMention]:
    """One mention per entity key this paper uses, sorted by key."""
    merged: dict[str, ResolvedMention] = {}
    for entry in paper.entries:
        key = key_of[entry.id]
        if key in merged:
            old = merged[key]
            aliases = sorted({*old.aliases, entry.name, *entry.aliases} - {old.surface})
            merged[key] = old.model_copy(update={"aliases": aliases})
        else:
            merged[key] = ResolvedMention(
                key=key,
                surface=entry.name,
                aliases=sorted(set(entry.aliases)),
                vote=entry.vote,
                declared=bool(entry.declared),
            )
    return [merged[k] for k in sorted(merged)]


def lookup_keys(records: Iterable[ExtractionRecord]) -> set[str]:
    """The match keys through which stored entities can take part in resolving ``records``.

    Every name and alias the records use, and each proper name without its head word ("BLEU
    score" → "BLEU"). A stored entity known by none of them cannot join, split or rename any of
    the records' entities, so a store hands the resolver only ``AliasIndex.subset`` of these:
    the cost of a batch follows the batch, not the store.
    """
    keys: set[str] = set()
    for record in records:
        for entry in collect(record, 0).entries:
            for surface in (entry.name, *entry.aliases):
                keys.add(match_key(surface))
                keys.update(k for data in (False, True) if (k := _without_head(surface, data=data)))
    keys.discard("")
    return keys


def resolve(records: Iterable[ExtractionRecord], alias_index: AliasIndex | None = None) -> Resolution:
    """Shorthand for ``Resolver(alias_index).resolve(records)`` with the bundled taxonomy."""
    return Resolver(alias_index).resolve(records)
