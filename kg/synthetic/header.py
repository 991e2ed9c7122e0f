"""What a synthetic paper proposes (its area, family and name), drawn first from the paper's own RNG.

Paper ``i`` depends only on (seed, i), so a later paper can cite an earlier one's proposal by
recomputing that paper's header, with no memory of the papers already generated.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from kg.synthetic.names import acronym_definition
from kg.synthetic.pools import DomainPools, Pools
from kg.synthetic.vocab import VARIANT_SUFFIXES, FamilySpec


@dataclass(frozen=True)
class Header:
    """What a paper proposes; recomputable from (seed, index) alone."""

    pools: DomainPools
    family: FamilySpec
    kind: str  # plain | acronym | variant
    name: str
    long_form: str = ""
    base: str = ""


def paper_rng(seed: int, index: int) -> random.Random:
    """Paper ``index``'s own generator: string seeds hash the same in every process and Python run."""
    return random.Random(f"kg-synthetic:{seed}:{index}")


def header(pools: Pools, rng: random.Random, index: int) -> Header:
    """Area, family and proposal: a fresh invented name, an acronym with its expansion, or "Base-Suffix"."""
    area = pools.domains.pick(rng)
    family = area.families.pick(rng)
    kind = rng.choices(("plain", "acronym", "variant"), weights=(55, 25, 20))[0]
    if kind == "acronym":
        long_form, short = acronym_definition(rng)
        return Header(area, family, kind, short, long_form=long_form)
    if kind == "variant":
        base = area.members[family.name].pick(rng)
        if " " not in base:
            return Header(area, family, kind, f"{base}-{rng.choice(VARIANT_SUFFIXES)}", base=base)
    return Header(area, family, "plain", pools.proposal_name(index))
