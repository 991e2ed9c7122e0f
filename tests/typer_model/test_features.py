"""The typer's features: what a candidate's name, context and detectors say, as strings."""

from __future__ import annotations

from kg.typer.candidate import Candidate, context_of
from kg.typer.features import features, shape


def _candidate(name: str, before: str = "we evaluate on the", after: str = " dataset and", **kw: object) -> Candidate:
    fields: dict[str, object] = {
        "surfaces": (name,),
        "long_form": "",
        "contexts": ((before, after),),
        "sources": ("name",),
        "rule_type": "Dataset",
        "known_type": "",
        "in_title": False,
    }
    fields.update(kw)
    return Candidate(name=name, **fields)  # type: ignore[arg-type]


def test_shape_collapses_runs() -> None:
    assert shape("LoRA") == "XxX" and shape("GPT-4") == "X-d" and shape("dense retrieval") == "x x"


def test_features_cover_name_context_detectors_and_gazetteer() -> None:
    feats = features(_candidate("CIFAR-10"))
    assert {
        "bias",
        "name=cifar-10",
        "shape=X-d",
        "flag=digit",
        "r1=dataset",
        "l1=the",
        "l2=on_the",
        "src=name",
        "rule=Dataset",
        "lex=-",
    } <= set(feats)
    assert any(f.startswith("gaz") for f in features(_candidate("machine translation")))  # SciERC/SciREX know it


def test_context_stops_at_the_title_line() -> None:
    text = "A Title\nWe propose LoRA here."
    before, after = context_of(text, text.index("LoRA"), text.index("LoRA") + 4)
    assert before == "We propose " and after == " here."
