"""The curated method-family taxonomy shipped as data (``kg/data/taxonomy.json``).

Extraction uses it to recognise family phrases ("PEFT methods such as X"); the graph uses it
for the SUBFAMILY_OF hierarchy and for the families of well-known methods.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Family:
    name: str
    aliases: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()


@dataclass
class Taxonomy:
    families: dict[str, Family] = field(default_factory=dict)
    members: dict[str, tuple[str, ...]] = field(default_factory=dict)
    umbrella: frozenset[str] = frozenset()
    _by_surface: dict[str, str] = field(default_factory=dict)
    _members_by_surface: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def family_for(self, phrase: str) -> str | None:
        """Canonical family name for a surface form (name or alias), else None."""
        return self._by_surface.get(surface_key(phrase))

    def families_of(self, method: str) -> tuple[str, ...]:
        """Families a well-known method belongs to according to the curated list.

        A method named like a family ("sparse fine-tuning" the technique) belongs to that family.
        """
        listed = self._members_by_surface.get(surface_key(method))
        if listed:
            return listed
        family = self.family_for(method)
        return (family,) if family and family not in self.umbrella else ()

    def ancestors(self, family: str) -> list[str]:
        """All broader families of ``family`` (transitively), nearest first."""
        seen: list[str] = []
        frontier = list(self.families[family].parents) if family in self.families else []
        while frontier:
            parent = frontier.pop(0)
            if parent not in seen:
                seen.append(parent)
                frontier.extend(self.families.get(parent, Family(parent)).parents)
        return seen

    def is_umbrella(self, phrase: str) -> bool:
        """A class so broad ("LLMs", "PEFT") that a mention names the family, not an entity."""
        return self.family_for(phrase) in self.umbrella

    def surfaces(self) -> dict[str, str]:
        """Every normalised surface form → canonical family name."""
        return dict(self._by_surface)


_SPACES = re.compile(r"[\s\-_]+")


def surface_key(text: str) -> str:
    """Case-, hyphen- and spacing-insensitive form used to look phrases up."""
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    text = _SPACES.sub(" ", text)
    return text.replace("finetuning", "fine tuning").replace("pretrained", "pre trained")


@cache
def load_taxonomy() -> Taxonomy:
    raw = json.loads(resources.files("kg").joinpath("data/taxonomy.json").read_text("utf-8"))
    taxonomy = Taxonomy()
    for item in raw["families"]:
        fam = Family(item["name"], tuple(item.get("aliases", ())), tuple(item.get("parents", ())))
        taxonomy.families[fam.name] = fam
        for surface in (fam.name, *fam.aliases):
            taxonomy._by_surface.setdefault(surface_key(surface), fam.name)
    for method, fams in raw["members"].items():
        taxonomy.members[method] = tuple(fams)
        taxonomy._members_by_surface[surface_key(method)] = tuple(fams)
    taxonomy.umbrella = frozenset(raw.get("umbrella", ()))
    return taxonomy
