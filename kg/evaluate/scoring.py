"""Turn records into scorable items per field and count tp/fp/fn paper by paper (micro-averaged)."""

from __future__ import annotations

from collections.abc import Callable

from kg.evaluate.matching import AliasIndex, Item, items_match, match_items, normalize_family
from kg.evaluate.report import EvalReport, FieldErrors, FieldScore
from kg.records import ExtractionRecord

FIELDS: tuple[str, ...] = (
    "proposed",
    "entities",
    "entities_typed",
    "evaluated_on",
    "tasks",
    "metrics",
    "baselines",
    "is_a",
    "extends",
    "outperforms",
    "outperforms_generic",
    "comparable",
)


def _names(rec: ExtractionRecord, idx: AliasIndex, values: list[str]) -> list[Item]:
    return [Item(label=v, sides=(idx.forms(v),)) for v in values]


def _family(name: str) -> frozenset[str]:
    key = normalize_family(name)
    return frozenset({key} if key else ())


def _proposed(rec: ExtractionRecord, idx: AliasIndex) -> list[Item]:
    return [Item(label=e.name, sides=(idx.forms(e.name, e.aliases),)) for e in rec.proposed]


def _entities(rec: ExtractionRecord, idx: AliasIndex) -> list[Item]:
    return [Item(label=e.name, sides=(idx.forms(e.name, e.aliases),)) for e in rec.entities]


def _entities_typed(rec: ExtractionRecord, idx: AliasIndex) -> list[Item]:
    return [Item(label=f"{e.name} [{e.type}]", sides=(idx.forms(e.name, e.aliases),), tag=e.type) for e in rec.entities]


def _is_a(rec: ExtractionRecord, idx: AliasIndex) -> list[Item]:
    # Families are class names, not entities: no alias widening, only generic-word dropping.
    return [Item(label=f"{m} is_a {f}", sides=(idx.forms(m), _family(f))) for m, f in rec.is_a]


def _extends(rec: ExtractionRecord, idx: AliasIndex) -> list[Item]:
    return [Item(label=f"{n} extends {b}", sides=(idx.forms(n), idx.forms(b))) for n, b in rec.extends]


def _outperforms(rec: ExtractionRecord, idx: AliasIndex) -> list[Item]:
    return [
        Item(label=f"{o.winner} > {o.loser}", sides=(idx.forms(o.winner), idx.forms(o.loser)))
        for o in rec.outperforms
        if not o.loser_generic
    ]


def _outperforms_generic(rec: ExtractionRecord, idx: AliasIndex) -> list[Item]:
    # The loser phrase is free text ("other models"), so only the winner is compared.
    return [
        Item(label=f"{o.winner} > (generic) {o.loser}", sides=(idx.forms(o.winner),), tag="generic")
        for o in rec.outperforms
        if o.loser_generic
    ]


def _comparable(rec: ExtractionRecord, idx: AliasIndex) -> list[Item]:
    return [
        Item(label=f"{c.a} ~ {c.b}", sides=(idx.forms(c.a), idx.forms(c.b)), unordered=True) for c in rec.comparable
    ]


_EXTRACTORS: dict[str, Callable[[ExtractionRecord, AliasIndex], list[Item]]] = {
    "proposed": _proposed,
    "entities": _entities,
    "entities_typed": _entities_typed,
    "evaluated_on": lambda r, i: _names(r, i, r.evaluated_on),
    "tasks": lambda r, i: _names(r, i, r.tasks),
    "metrics": lambda r, i: _names(r, i, r.metrics),
    "baselines": lambda r, i: _names(r, i, r.baselines),
    "is_a": _is_a,
    "extends": _extends,
    "outperforms": _outperforms,
    "outperforms_generic": _outperforms_generic,
    "comparable": _comparable,
}
assert tuple(_EXTRACTORS) == FIELDS


def record_items(record: ExtractionRecord) -> dict[str, list[Item]]:
    """Every field's items for one record, names widened through that record's own aliases."""
    idx = AliasIndex(record)
    return {field: extract(record, idx) for field, extract in _EXTRACTORS.items()}


def evaluate(gold: dict[str, ExtractionRecord], pred: dict[str, ExtractionRecord]) -> EvalReport:
    """Score pred against gold over gold's papers only; a gold paper absent from pred is all misses."""
    counts = {field: [0, 0, 0] for field in FIELDS}
    errors: dict[str, dict[str, FieldErrors]] = {}
    missing = [pid for pid in gold if pid not in pred]
    for pid, gold_rec in gold.items():
        gold_items = record_items(gold_rec)
        pred_items = record_items(pred.get(pid) or ExtractionRecord(id=pid))
        for field in FIELDS:
            g, p = gold_items[field], pred_items[field]
            pairs, missed, extra = match_items(g, p, items_match)
            c = counts[field]
            c[0] += len(pairs)
            c[1] += len(extra)
            c[2] += len(missed)
            if missed or extra:
                errors.setdefault(pid, {})[field] = FieldErrors(
                    fp=[p[i].label for i in extra], fn=[g[i].label for i in missed]
                )
    return EvalReport(
        papers=len(gold),
        fields={f: FieldScore.from_counts(*counts[f]) for f in FIELDS},
        errors=errors,
        missing=missing,
        ignored=sum(1 for pid in pred if pid not in gold),
    )
