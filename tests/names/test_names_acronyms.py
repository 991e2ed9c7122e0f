import pytest

from kg.names.acronyms import is_acronym_of, looks_like_acronym


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("LoRA", "Low-Rank Adaptation"),
        ("SFT", "sparse fine-tuning"),
        ("SFT", "supervised finetuning"),
        ("S^{2}FT", "Structured Sparse Fine-Tuning"),
        ("SSF", "Scale and Shift the deep Features"),
        ("AR2", "Adversarial Retriever-Ranker"),
        ("D^3", "Description Detection Dataset"),
        ("NLP", "natural language processing"),
    ],
)
def test_expansions(short: str, long: str) -> None:
    assert is_acronym_of(short, long)


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("SFT", "sparse autoencoder"),
        ("LoRA", "LoRA"),
        ("LoRA", "adaptation"),
        ("Transformer", "transformer architectures"),
        ("SFT", "supervised learning of text generation models with many other words"),
    ],
)
def test_non_expansions(short: str, long: str) -> None:
    assert not is_acronym_of(short, long)


def test_looks_like_acronym() -> None:
    assert looks_like_acronym("LoRA") and looks_like_acronym("S^{2}FT") and looks_like_acronym("AR2")
    assert not looks_like_acronym("Transformer")
    assert not looks_like_acronym("low rank")
