"""Score predicted extraction records against gold: ``kg eval``'s engine."""

from kg.evaluate.io import load_records
from kg.evaluate.matching import normalize, normalize_family
from kg.evaluate.report import EvalReport, FieldErrors, FieldScore, render_errors, render_table
from kg.evaluate.scoring import FIELDS, evaluate

__all__ = [
    "FIELDS",
    "EvalReport",
    "FieldErrors",
    "FieldScore",
    "evaluate",
    "load_records",
    "normalize",
    "normalize_family",
    "render_errors",
    "render_table",
]
