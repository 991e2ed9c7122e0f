"""The sentence templates of a synthetic abstract; each one writes its text and records its gold."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from kg.synthetic.gold import Gold
from kg.synthetic.header import Header
from kg.synthetic.vocab import (
    CLOSINGS,
    CONTEXTS,
    GENERIC_LOSERS,
    LOWER_IS_BETTER,
    MECHANISMS,
    SELF_REFERENCES,
    WEAKNESSES,
)

# Every sentence pattern the generator writes; tests check each shows up.
TEMPLATE_FAMILIES: tuple[str, ...] = (
    "context",
    "such_as",
    "apposition",
    "propose_for",
    "acronym",
    "variant_builds_on",
    "variant_of",
    "mechanism",
    "evaluated_on",
    "outperforms",
    "surpasses",
    "beats",
    "better_than",
    "superior_to",
    "improvements_over",
    "compared_with",
    "compared_lead",
    "loser_list",
    "self_ref",
    "generic_loser",
    "family_loser",
    "comparable",
    "closing",
)
NAMED_CLAIMS = (
    "outperforms",
    "surpasses",
    "beats",
    "better_than",
    "superior_to",
    "improvements_over",
    "compared_with",
    "compared_lead",
    "loser_list",
    "comparable",
)


def _an(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def title_case(phrase: str) -> str:
    return " ".join("-".join(p[:1].upper() + p[1:] for p in word.split("-")) for word in phrase.split())


@dataclass
class AbstractWriter:
    """One paper being written: its choices, its gold, and the templates used so far."""

    rng: random.Random
    head: Header
    gold: Gold
    task: str
    metric: str
    datasets: list[str]
    benchmark: str | None
    losers: list[str]
    members: list[str] = field(default_factory=list)
    used: list[str] = field(default_factory=list)

    # --- pieces ---------------------------------------------------------------------------
    def sentence(self, template: str, text: str) -> str:
        self.used.append(template)
        return text

    def where(self, k: int | None = None) -> tuple[str, list[str]]:
        """Some of the paper's datasets (and its benchmark) as text, registered in the gold."""
        names = list(self.datasets) if k is None else self.rng.sample(self.datasets, min(k, len(self.datasets)))
        parts = [self.gold.entity(d, "Dataset") for d in names]
        on = list(names)
        if self.benchmark and (k is None or not names or self.rng.random() < 0.3):
            self.gold.entity(self.benchmark, "Benchmark")
            parts.append(f"the {self.benchmark} benchmark")
            on.append(self.benchmark)
        return _join(parts), on

    def take_losers(self, k: int) -> list[str]:
        """Up to ``k`` baselines no earlier claim used: a paper states each comparison once."""
        picked, self.losers = self.losers[:k], self.losers[k:]
        return [self.gold.method(n) for n in picked]

    def metric_name(self) -> str:
        return self.gold.entity(self.metric, "Metric")

    # --- sentences ------------------------------------------------------------------------
    def context(self) -> str:
        fam, task = self.head.family, self.task
        pool = self.head.pools.members[fam.name]
        members = pool.distinct(self.rng, 2, exclude=(self.head.name, self.head.base))
        if len(members) == 2 and self.rng.random() < 0.5:
            self.members = members
            for m in members:
                self.gold.member(self.gold.method(m), fam.name)
            self.gold.entity(task, "Task")
            weakness = self.rng.choice(WEAKNESSES)
            return self.sentence(
                "such_as",
                f"Existing {fam.plural} such as {_join(members)} are widely used for {task}, yet they {weakness}.",
            )
        self.gold.entity(task, "Task")
        return self.sentence("context", self.rng.choice(CONTEXTS).format(task=task))

    def proposal(self) -> str:
        h, g, mech = self.head, self.gold, self.rng.choice(MECHANISMS)
        fam = h.family if h.family.singular and self.rng.random() < 0.6 else None
        if h.kind == "acronym":
            g.propose(h.name, (h.long_form,), fam.name if fam else None)
            if fam:
                return self.sentence(
                    "acronym", f"We introduce {h.long_form} ({h.name}), {_an(fam.singular or '')} that {mech}."
                )
            return self.sentence("acronym", f"We present {h.long_form} ({h.name}) for {self.task}.")
        if h.kind == "variant":
            g.propose(h.name)
            g.extend(h.name, g.method(h.base))
            if self.rng.random() < 0.5:
                return self.sentence("variant_builds_on", f"We present {h.name}, which builds on {h.base} and {mech}.")
            return self.sentence("variant_of", f"We propose {h.name}, {_an(h.base)} variant that {mech}.")
        g.propose(h.name, family=fam.name if fam else None)
        if fam:
            return self.sentence("apposition", f"We propose {h.name}, {_an(fam.singular or '')} that {mech}.")
        return self.sentence("propose_for", f"In this paper, we introduce {h.name} for {self.task}.")

    def mechanism(self) -> str:
        return self.sentence("mechanism", f"{self.head.name} {self.rng.choice(MECHANISMS)}.")

    def evaluated_on(self) -> str:
        where, _ = self.where()
        if self.rng.random() < 0.5:
            return self.sentence("evaluated_on", f"We evaluate {self.head.name} on {where}.")
        return self.sentence("evaluated_on", f"{self.head.name} is evaluated on {where}.")

    def closing(self) -> str:
        return self.sentence("closing", self.rng.choice(CLOSINGS))

    def claim(self, kind: str, self_ref: bool) -> str:
        """One comparative sentence of ``kind``; with ``self_ref`` the winner is "our method" / "we"."""
        p, g, rng = self.head.name, self.gold, self.rng
        w = rng.choice(SELF_REFERENCES[:2]) if self_ref else p
        if self_ref:
            self.used.append("self_ref")
        lower = self.metric in LOWER_IS_BETTER
        x = f"{rng.uniform(0.5, 9.5):.1f}"
        if kind == "generic_loser":
            where, on = self.where(1)
            loser = rng.choice(GENERIC_LOSERS)
            text = f"{w} outperforms {loser} on {where}."
            g.beats(p, loser, on, "", text, generic=True)
            return self.sentence(kind, text)
        if kind == "family_loser":
            where, on = self.where(1)
            text = f"{w} outperforms other {self.head.family.plural} on {where}."
            g.member(p, self.head.family.name)  # measured against its peers: it is one of them
            for m in self.members:
                g.beats(p, m, on, "", text)
            return self.sentence(kind, text)
        if kind == "comparable":
            loser = self.take_losers(1)[0]
            if rng.random() < 0.5:
                where, _ = self.where(1)
                text = f"{p} performs comparably to {loser} on {where} while running {x} times faster."
                g.parity(p, loser, "", text)
            else:
                metric = self.metric_name()
                text = f"{p} is on par with {loser} in {metric} with far fewer parameters."
                g.parity(p, loser, metric, text)
            return self.sentence(kind, text)
        losers = self.take_losers(3 if kind == "loser_list" else rng.choice((1, 1, 2)))
        ls = _join(losers)
        metric, on = "", []
        if kind == "outperforms":
            if self_ref and rng.random() < 0.4:
                w, verb = "We", "outperform"
            else:
                verb = "consistently outperforms" if rng.random() < 0.3 else "outperforms"
            where, on = self.where(1)
            if rng.random() < 0.5:
                metric = self.metric_name()
                text = f"{w} {verb} {ls} in {metric} on {where}."
            else:
                text = f"{w} {verb} {ls} on {where}."
        elif kind == "surpasses":
            where, on = self.where(1)
            w, verb = ("We", "surpass") if self_ref and rng.random() < 0.4 else (w, "surpasses")
            text = f"{w} {verb} {ls} on {where} by {x} points."
        elif kind == "beats":
            where, on = self.where(1)
            text = f"{w} beats {ls} on {where} at a fraction of the cost."
        elif kind == "better_than":
            where, on = self.where(1)
            metric = self.metric_name()
            text = f"{w} achieves {'lower' if lower else 'higher'} {metric} than {ls} on {where}."
        elif kind == "superior_to":
            metric = self.metric_name()
            text = f"{w} is superior to {ls} in terms of {metric}."
        elif kind == "improvements_over":
            where, on = self.where(1)
            text = f"{w} yields consistent improvements over {ls} on {where}."
        elif kind == "compared_with":
            metric = self.metric_name()
            text = f"{w} {'reduces' if lower else 'improves'} {metric} by {x}% compared with {ls}."
        elif kind == "compared_lead":
            where, on = self.where(1)
            metric = self.metric_name()
            subject = w[0].lower() + w[1:] if self_ref else w
            text = (
                f"Compared to {ls}, {subject} {'reduces' if lower else 'improves'} {metric} by {x} points on {where}."
            )
        else:  # loser_list
            where, on = self.where(1)
            text = f"{w} outperforms strong baselines such as {ls} on {where}."
        for loser in losers:
            g.beats(p, loser, on, metric, text)
        return self.sentence(kind, text)
