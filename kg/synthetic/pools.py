"""The shared, seed-fixed pools every synthetic paper draws its names from, with skewed frequencies."""

from __future__ import annotations

import random
from dataclasses import dataclass

from kg.synthetic.names import Zipf, benchmark_name, dataset_name, method_name
from kg.synthetic.vocab import DOMAINS, Domain, FamilySpec

INVENTED_METHODS = 60  # per domain
INVENTED_DATASETS = 8
INVENTED_BENCHMARKS = 2
POOL_SIZE = len(DOMAINS) * INVENTED_METHODS  # method-name indices below this belong to pools


@dataclass(frozen=True)
class DomainPools:
    domain: Domain
    families: Zipf[FamilySpec]  # the first most often
    members: dict[str, Zipf[str]]  # family name -> its methods, well-known ones first
    methods: Zipf[str]  # every method of the area
    datasets: Zipf[str]
    benchmarks: Zipf[str]
    tasks: Zipf[str]
    metrics: Zipf[str]


@dataclass(frozen=True)
class Pools:
    """Everything fixed by the seed: method-name offset, per-domain pools, the domain mix."""

    offset: int
    domains: Zipf[DomainPools]

    def proposal_name(self, index: int) -> str:
        """Paper ``index``'s own invented name: never a pool name, never another paper's."""
        return method_name(POOL_SIZE + index, self.offset)


def build_pools(seed: int) -> Pools:
    rng = random.Random(f"kg-synthetic-pools:{seed}")
    offset = rng.randrange(1 << 30)
    built: list[DomainPools] = []
    for d, domain in enumerate(DOMAINS):
        invented = [method_name(d * INVENTED_METHODS + j, offset) for j in range(INVENTED_METHODS)]
        members: dict[str, list[str]] = {f.name: list(f.members) for f in domain.families}
        for j, name in enumerate(invented):
            members[domain.families[j % len(domain.families)].name].append(name)
        everything = [*domain.others, *(m for f in domain.families for m in f.members), *invented]
        datasets = [
            *domain.datasets,
            *dict.fromkeys(dataset_name(rng, rng.choice(domain.stems)) for _ in range(INVENTED_DATASETS)),
        ]
        benchmarks = [*domain.benchmarks, *(benchmark_name(s) for s in domain.stems[:INVENTED_BENCHMARKS])]
        built.append(
            DomainPools(
                domain=domain,
                families=Zipf(domain.families, s=0.8),
                members={name: Zipf(names) for name, names in members.items()},
                methods=Zipf(everything),
                datasets=Zipf(datasets),
                benchmarks=Zipf(benchmarks),
                tasks=Zipf(domain.tasks, s=0.7),
                metrics=Zipf(domain.metrics, s=0.7),
            )
        )
    return Pools(offset=offset, domains=Zipf(built, s=0.5))
