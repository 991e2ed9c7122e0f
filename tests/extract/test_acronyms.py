from kg.extract.acronyms import find_definitions


def pairs(text: str) -> list[tuple[str, str]]:
    return [(d.short, d.long) for d in find_definitions(text)]


def test_long_form_before_parenthesis() -> None:
    text = "Existing approach such as Low-Rank Adaptation (LoRA) has sought to address the problem"
    assert pairs(text) == [("LoRA", "Low-Rank Adaptation")]


def test_superscript_acronym_expands_letters() -> None:
    text = "we propose a family of Structured Sparse Fine-Tuning (S^{2}FT) methods for LLMs"
    assert pairs(text) == [("S^{2}FT", "Structured Sparse Fine-Tuning")]


def test_name_first_then_expansion() -> None:
    text = (
        "we propose IF-WRANER (Instruction Finetuned Word-embedding based Retrieval Augmented large language "
        "model for Named Entity Recognition), a retrieval augmented LLM"
    )
    assert pairs(text)[0][0] == "IF-WRANER"
    assert pairs(text)[0][1].startswith("Instruction Finetuned")


def test_citation_in_parentheses_is_not_a_definition() -> None:
    assert pairs("using LoRA (Hu et al.) and BERT (Devlin) as baselines") == []


def test_offsets_point_at_both_forms() -> None:
    text = "the vision transformer (ViT)-based detector"
    (d,) = find_definitions(text)
    assert text[d.long_start : d.long_start + len(d.long)] == "vision transformer"
    assert text[d.short_start : d.short_start + len(d.short)] == "ViT"


def test_initials_do_not_swallow_a_preceding_word() -> None:
    assert pairs("Computational Limits of Low-Rank Adaptation (LoRA) for Transformer-Based Models") == [
        ("LoRA", "Low-Rank Adaptation")
    ]
