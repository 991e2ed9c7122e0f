import json
from pathlib import Path

import pytest
import spacy
from rich.console import Console
from spacy.language import Language

from kg.ner.evaluate import evaluate_file, render_table

DOCS = [
    {
        "doc_key": "qa",
        "sentences": [
            ["We", "use", "BERT", "and", "RoBERTa", "for", "question", "answering", "on", "SQuAD", "with", "F1", "."]
        ],
        "ner": [
            [
                [0, 0, "Generic"],
                [2, 2, "Method"],
                [4, 4, "Method"],
                [6, 7, "Task"],
                [9, 9, "Material"],
                [11, 11, "Metric"],
            ]
        ],
    },
    {  # nested gold spans: a flat tagger can find one at most
        "doc_key": "nmt",
        "sentences": [["Neural", "machine", "translation", "models"]],
        "ner": [[[0, 2, "Task"], [0, 3, "Method"]]],
    },
]


@pytest.fixture
def scierc_file(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.json"
    path.write_text("".join(json.dumps(d) + "\n" for d in DOCS), encoding="utf-8")
    return path


@pytest.fixture
def rules() -> Language:
    """A deterministic stand-in model: a rule-based "ner" whose every prediction is known."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns(
        [  # type: ignore[attr-defined]
            {"label": "Method", "pattern": "BERT"},  # right
            {"label": "Task", "pattern": "RoBERTa"},  # wrong label
            {"label": "Task", "pattern": "answering"},  # wrong boundary
            {"label": "Dataset", "pattern": "SQuAD"},  # right, gold said Material
            {"label": "Method", "pattern": "use"},  # spurious
        ]
    )
    return nlp


def test_counts_per_label_and_micro(scierc_file: Path, rules: Language) -> None:
    report = evaluate_file(scierc_file, rules)
    counts = {label: (s.tp, s.fp, s.fn) for label, s in report.labels.items()}
    assert counts == {"Dataset": (1, 0, 0), "Method": (1, 1, 2), "Metric": (0, 0, 1), "Task": (0, 2, 2)}
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (2, 3, 5)
    assert report.overall.precision == pytest.approx(2 / 5)
    assert report.overall.recall == pytest.approx(2 / 7)
    assert (report.docs, report.tokens) == (2, 17)
    generic = report.auxiliary["Generic"]  # "We": trained as context, scored outside the micro average
    assert (generic.tp, generic.fp, generic.fn) == (0, 0, 1)


def test_shipped_model_is_scored_against_all_mapped_gold(scierc_file: Path) -> None:
    report = evaluate_file(scierc_file)
    gold = {label: s.tp + s.fn for label, s in {**report.labels, **report.auxiliary}.items()}
    assert gold == {"Dataset": 1, "Method": 3, "Metric": 1, "Task": 2, "Generic": 1, "OtherScientificTerm": 0}
    assert report.overall.tp + report.overall.fn == 7


def test_table_shows_each_label_and_the_micro_total(scierc_file: Path, rules: Language) -> None:
    console = Console(record=True, width=120)
    console.print(render_table(evaluate_file(scierc_file, rules)))
    text = console.export_text()
    for word in ("Dataset", "Method", "Metric", "Task", "micro", "0.400", "2 docs, 17 tokens", "(Generic)"):
        assert word in text
