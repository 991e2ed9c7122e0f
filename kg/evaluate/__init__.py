"""Score predicted extraction records against gold: ``kg eval``'s engine."""

from kg.evaluate.io import load_records
from kg.evaluate.linking import DEFAULT_PAIRS, LinkingReport, evaluate_linking, render_linking
from kg.evaluate.matching import normalize, normalize_family
from kg.evaluate.report import EvalReport, FieldErrors, FieldScore, render_errors, render_table
from kg.evaluate.scoring import FIELDS, evaluate

__all__ = [
    "DEFAULT_PAIRS",
    "FIELDS",
    "EvalReport",
    "FieldErrors",
    "FieldScore",
    "LinkingReport",
    "evaluate",
    "evaluate_linking",
    "load_records",
    "normalize",
    "normalize_family",
    "render_errors",
    "render_linking",
    "render_table",
]
