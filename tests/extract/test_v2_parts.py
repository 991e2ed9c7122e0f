"""Extraction v2's parts on their own: LaTeX markup, tagged noun phrases, node hygiene, the typer on a paper."""

from __future__ import annotations

import pytest

from kg.extract.chunks import noun_chunks
from kg.extract.extractor import MODE_ENV, extract_paper
from kg.extract.hygiene import junk_reason
from kg.extract.markup import strip_markup
from kg.extract.nlp import english
from kg.extract.syntax import tag
from kg.records import Paper


def test_markup_goes_math_stays() -> None:
    assert (
        strip_markup(r"Our \textbf{AVE-Net} gains 5\% over $\textit{SoundNet}$") == "Our AVE-Net gains 5% over SoundNet"
    )
    assert strip_markup(r"S^{2}FT costs $O(n^2)$") == r"S^{2}FT costs $O(n^2)$"


def _chunks(text: str) -> list[str]:
    return [m.text for m in noun_chunks(tag(english()(text)), text)]


def test_noun_phrases_are_trimmed_to_the_concept() -> None:
    found = _chunks("Instead, we rely on in-batch negative sampling and a novel kernel fusion strategy for latency.")
    assert "in-batch negative sampling" in found and "kernel fusion" in found and "latency" in found
    assert not any(c.split()[0] in {"novel", "a"} for c in found)


@pytest.mark.parametrize(
    ("name", "after", "reason"),
    [
        ("En-De", "", "language pair"),
        ("English-German", "", "language pair"),
        ("PyTorch", "", "tool"),
        ("NVIDIA P100 GPUs", "", "hardware"),
        ("UTMOS 3.65", "", "score"),
        ("Smith", " et al. show", "et al"),
    ],
)
def test_junk_shapes_are_named(name: str, after: str, reason: str) -> None:
    assert reason in (junk_reason(name, after) or "")


@pytest.mark.parametrize("name", ["ResNet-50", "GPT-4", "T5", "LoRA", "BERT-Base", "WMT 2014", "GPT-3.5"])
def test_real_names_pass_hygiene(name: str) -> None:
    assert junk_reason(name) is None


PAPERS = [
    Paper(
        id="a",
        title="Look, Listen and Learn: Audio-Visual Correspondence",
        abstract=(
            "We train L3-Net with PyTorch on Kinetics. Smith et al. proposed a similar model. Our \\textbf{AVE-Net} "
            "improves over SoundNet by 5\\% on ESC-50."
        ),
    ),
    Paper(
        id="b",
        title="Attention Is All You Need",
        abstract=(
            "We propose the Transformer. On the WMT 2014 English-to-German translation task (En-De), it reaches 28.4 "
            "BLEU, and on WMT'14 En-Fr 41.8 BLEU. We implement it in TensorFlow and train on 8 NVIDIA P100 GPUs."
        ),
    ),
    Paper(
        id="c",
        title="FlashFFTConv: Efficient Convolutions",
        abstract=("FlashFFTConv speeds up exact FFT convolutions by up to 7.93x over PyTorch."),
    ),
]


@pytest.mark.parametrize("mode", ["full", "fast"])
def test_no_node_of_a_junk_shape_in_either_mode(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MODE_ENV, mode)
    names = {p.id: {e.name for e in extract_paper(p).entities} for p in PAPERS}
    assert not names["a"] & {"Look", "Listen", "Learn", "PyTorch", "Smith"} and "AVE-Net" in names["a"]
    assert not any("\\" in n or "{" in n for n in names["a"])
    assert not names["b"] & {"En-De", "En-Fr", "En-Fr 41.8", "TensorFlow", "NVIDIA P100 GPUs"}
    assert {"Transformer", "WMT 2014"} <= names["b"]
    assert "PyTorch" in names["c"]  # compared against, it is a baseline here, not a tool


@pytest.mark.parametrize("mode", ["full", "fast"])
def test_the_head_of_a_definition_types_its_acronym(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Words of a long form ("retrieval") must not outvote its head noun ("benchmark"); a lower-case field
    before "… benchmarks" qualifies the data and is no dataset."""
    monkeypatch.setenv(MODE_ENV, mode)
    paper = Paper(
        id="d",
        title="Tool retrieval at scale",
        abstract=(
            "We introduce the massive tool retrieval benchmark (MTRB) and the Zorp question answering corpus (ZQAC). "
            "We conduct experiments on popular computer vision and natural language processing benchmarks. "
            "Our retriever improves recall on MTRB."
        ),
    )
    types = {e.name: e.type for e in extract_paper(paper).entities}
    assert types["MTRB"] == "Benchmark" and types["ZQAC"] == "Dataset"
    assert types.get("computer vision") not in {"Dataset", "Benchmark"}
