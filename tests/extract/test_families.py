"""IS_A and EXTENDS patterns on short synthetic sentences: one test per way a text says it."""

from __future__ import annotations

import re

from kg.extract.claims import Named
from kg.extract.extractor import extract_paper
from kg.extract.families import extends_relations, family_context, family_phrases, is_a_relations
from kg.extract.membership import class_phrase, curated_families
from kg.records import Paper
from kg.taxonomy import load_taxonomy


def _named(text: str, *names: str) -> list[Named]:
    """Every whole-word occurrence of each name, as a resolved Method mention."""
    found = [
        Named(name, "Method", m.start(), m.end())
        for name in names
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text)
    ]
    return sorted(found, key=lambda n: n.start)


def _is_a(
    text: str, *names: str, proposed: tuple[str, ...] = (), title_end: int = 0, acronyms: dict[str, str] | None = None
) -> list[tuple[str, str]]:
    spans = [(m.end(), len(text)) for m in re.finditer(r"\bwe (?:propose|present|introduce)\b", text, re.I)]
    return is_a_relations(text, _named(text, *names), list(proposed), spans, title_end, acronyms or {})


# --- family phrases ------------------------------------------------------------------------


def test_family_phrases_tolerate_joined_words_and_number() -> None:
    found = {f for _, _, f in family_phrases("Pretrained language models and a dense retriever.")}
    assert found == {"pre-trained language models", "dense retrieval"}


def test_a_single_variant_is_not_the_variants_family() -> None:
    assert family_phrases("a DETR variant") == []


# --- "F such as X, Y" ----------------------------------------------------------------------


def test_listed_members_take_a_non_taxonomy_class_without_praise() -> None:
    text = "We compare different model search algorithms, such as random search, MCTS and SMBO."
    assert set(_is_a(text, "MCTS", "SMBO")) == {("MCTS", "model search"), ("SMBO", "model search")}


def test_listed_members_expand_an_acronym_family() -> None:
    text = "We use mainstream PEFT techniques including QLoRA and LoRA to adapt models."
    pairs = _is_a(text, "QLoRA", "LoRA", acronyms={"PEFT": "parameter-efficient fine-tuning"})
    assert ("QLoRA", "parameter-efficient fine-tuning") in pairs and (
        "LoRA",
        "parameter-efficient fine-tuning",
    ) in pairs


def test_listed_members_keep_modifiers_that_narrow_the_family() -> None:
    text = "This study examines 4-bit quantization methods like GPTQ in detail."
    assert _is_a(text, "GPTQ") == [("GPTQ", "4-bit quantization methods")]


def test_a_name_inside_a_longer_noun_phrase_is_not_a_list_item() -> None:
    text = "Some PLMs, especially Transformer-based PLMs, are slow."
    assert _is_a(text, "Transformer") == []


def test_a_root_class_narrows_to_the_curated_family() -> None:
    text = "We fine-tune LMs like LLaMA 2 7B on the data."
    assert _is_a(text, "LLaMA 2 7B") == [("LLaMA 2 7B", "large language models")]


def test_hyphenated_like_is_not_a_list_cue() -> None:
    assert _is_a("Unlike sparse DETR-like detectors Foo is fast.", "Foo", proposed=("Foo",)) == []


# --- appositions, proposals and titles ------------------------------------------------------


def test_apposition_narrows_an_umbrella_family_by_its_modifiers() -> None:
    text = "We propose Foo, a retrieval augmented LLM, for entity recognition."
    assert ("Foo", "retrieval augmented large language models") in _is_a(text, "Foo", proposed=("Foo",))


def test_apposition_keeps_a_family_that_contains_praise_words() -> None:
    text = "We introduce Foo, an efficient large language model for code."
    assert ("Foo", "large language models") in _is_a(text, "Foo", proposed=("Foo",))


def test_proposal_family_ignores_what_the_method_is_for() -> None:
    text = "We propose Foo, a method for multi-query attention."
    assert _is_a(text, "Foo", proposed=("Foo",)) == []


def test_title_purpose_ignores_the_models_a_method_is_applied_to() -> None:
    text = "Foo: Sparse Tuning of Large Language Models\nFoo is fast."
    assert _is_a(text, "Foo", proposed=("Foo",), title_end=text.index("\n")) == []


def test_title_phrase_after_the_colon_says_what_the_name_is() -> None:
    text = "Foo: Low-Rank Adaptation via Bar Decomposition\nFoo is fast."
    assert ("Foo", "low-rank adaptation methods") in _is_a(text, "Foo", proposed=("Foo",), title_end=text.index("\n"))


def test_an_expansion_ending_in_a_family_names_it() -> None:
    text = "We extend it to sparse low-rank adaptation (SoRA)."
    pairs = _is_a(text, "SoRA", proposed=("SoRA",), acronyms={"SoRA": "sparse low-rank adaptation"})
    assert ("SoRA", "low-rank adaptation methods") in pairs


def test_a_one_word_head_is_too_loose_for_a_family() -> None:
    text = "We present Shared Recurrent Adapter (SRA) for retrieval."
    assert _is_a(text, "SRA", proposed=("SRA",), acronyms={"SRA": "Shared Recurrent Adapter"}) == []


def test_first_of_its_kind_names_the_family() -> None:
    text = "We present Foo. To our knowledge, this is the first vision mamba model for emotion detection."
    assert ("Foo", "vision mamba models") in _is_a(text, "Foo", proposed=("Foo",))


# --- curated membership the text brings up --------------------------------------------------


def test_a_well_known_method_takes_the_family_the_text_discusses() -> None:
    text = "Parameter-efficient fine-tuning is popular. LoRA updates low-rank matrices."
    assert _is_a(text, "LoRA") == [("LoRA", "parameter-efficient fine-tuning")]


def test_no_curated_membership_when_the_family_is_not_discussed() -> None:
    assert _is_a("LoRA updates low-rank matrices.", "LoRA") == []


def test_a_family_heading_a_list_of_others_is_not_discussion() -> None:
    text = "Existing graph neural networks such as Foo and Bar are used. Baz surpasses GCN."
    assert ("GCN", "graph neural networks") not in _is_a(text, "Foo", "Bar", "GCN")


def test_a_family_in_a_proposal_apposition_is_not_discussion() -> None:
    text = "We introduce Foo, a parameter-efficient fine-tuning method. Foo beats AdaLoRA."
    assert ("AdaLoRA", "parameter-efficient fine-tuning") not in _is_a(text, "Foo", "AdaLoRA", proposed=("Foo",))


def test_checkpoint_and_parenthesised_versions_resolve_to_the_member() -> None:
    taxonomy = load_taxonomy()
    assert curated_families(taxonomy, "Qwen2.5-7B") == ("large language models",)
    assert curated_families(taxonomy, "ZeroQuant(4+2)") == ("quantization",)
    assert curated_families(taxonomy, "BM-25") == ("classic information retrieval methods",)


# --- families inherited through a name ------------------------------------------------------


def test_a_variant_named_after_a_member_shares_its_family() -> None:
    text = "We propose Focus-DETR. DETR is slow."
    assert ("Focus-DETR", "object detection transformers") in _is_a(
        text, "Focus-DETR", "DETR", proposed=("Focus-DETR",)
    )


def test_a_name_whose_head_changes_the_kind_does_not_inherit() -> None:
    text = "We present Mamba Retriever. Mamba is fast."
    assert ("Mamba Retriever", "state space models") not in _is_a(
        text, "Mamba Retriever", "Mamba", proposed=("Mamba Retriever",)
    )


def test_class_phrase_stops_at_verbs() -> None:
    text = "They apply pretrained transformer encoders like BERT."
    ctx = family_context(text, _named(text, "BERT"), [], [], 0, {})
    assert class_phrase(ctx, text.index(" like")) == "pretrained transformer encoders"


# --- EXTENDS ----------------------------------------------------------------------------------


def test_spelled_out_name_containing_a_method_extends_it() -> None:
    text = "We introduce the Convolutional Transformer layer (ConvFormer). The Transformer is costly."
    assert ("ConvFormer", "Transformer") in extends_relations(
        text, _named(text, "ConvFormer", "Transformer"), ["ConvFormer"]
    )


def test_title_phrase_naming_a_method_alias_extends_it() -> None:
    text = "Foo: Low-Rank Adaptation via Bar Decomposition\nLow-Rank Adaptation (LoRA) is common. We propose Foo."
    named = [
        *_named(text, "Foo", "LoRA"),
        Named("LoRA", "Method", text.index("Low-Rank Adaptation ("), text.index(" (LoRA)")),
    ]
    assert ("Foo", "LoRA") in extends_relations(text, sorted(named, key=lambda n: n.start), ["Foo"], text.index("\n"))


def test_novel_base_framework_after_emphasis_extends_the_base() -> None:
    text = "We propose **Foo**, a novel SFT framework for tuning."
    assert ("Foo", "SFT") in extends_relations(text, _named(text, "Foo", "SFT"), ["Foo"])


def test_variant_of_a_named_method_is_an_extension() -> None:
    text = "We propose Foo. The masks come from a generalized variant of Ordered Dropout."
    assert ("Foo", "Ordered Dropout") in extends_relations(text, _named(text, "Foo", "Ordered Dropout"), ["Foo"])


def test_a_method_built_with_another_in_its_own_clause_extends_it() -> None:
    text = "We develop an EMEF method for quantized models using LoRA, and more."
    assert ("EMEF", "LoRA") in extends_relations(text, _named(text, "EMEF", "LoRA"), ["EMEF"])


def test_training_stages_descriptions_and_families_are_not_extensions() -> None:
    text = "Tulu3-SFT and SFT. ANN search and ANN. Vision Mamba and Mamba."
    named = _named(text, "Tulu3-SFT", "SFT", "ANN search", "ANN", "Vision Mamba", "Mamba", "Tulu3")
    assert extends_relations(text, named, []) == []


# --- measured against its peers -------------------------------------------------------------


def test_a_proposal_beating_other_members_of_a_family_is_one_of_them() -> None:
    from kg.extract.membership import peer_family

    assert peer_family("CorDA", "the state-of-the-art PEFT methods", ["CorDA"]) == (
        "CorDA",
        "parameter-efficient fine-tuning",
    )
    assert peer_family("X", "other dense retrievers", ["X"]) == ("X", "dense retrieval")
    assert peer_family("X", "other dense retrievers", ["Y"]) is None  # only what the paper proposes
    assert peer_family("X", "dense retrievers", ["X"]) is None  # no word saying they are peers
    assert peer_family("X", "existing large language models", ["X"]) is None  # measured against its substrate
    assert peer_family("X", "all baselines", ["X"]) is None


def test_a_family_claim_is_not_expanded_to_a_lower_case_kind_of_method() -> None:
    from kg.extract.families import expand_family_claims
    from kg.records import Outperforms

    claim = Outperforms(winner="X", loser="other PEFT methods", loser_generic=True, evidence="…")
    is_a = [("adapters", "parameter-efficient fine-tuning"), ("LoRA", "parameter-efficient fine-tuning")]
    losers = {c.loser for c in expand_family_claims([claim], is_a, []) if not c.loser_generic}
    assert losers == {"LoRA"}


def test_title_case_family_phrase_is_canonical() -> None:
    text = "Foo: Contextualized Late Interactions using Enhanced Reduction"
    assert [f for _, _, f in family_phrases(text)] == ["multi-vector retrieval"]


def test_an_x_based_phrase_in_another_clause_is_not_the_proposal_base() -> None:
    text = "In evaluation across T5 and LLaMA-based models with 65B parameters, Foo achieves high compression."
    assert ("Foo", "LLaMA") not in extends_relations(text, _named(text, "Foo", "LLaMA", "T5"), ["Foo"])
    text = "We present the LLaMA-based retrieval network Foo, smaller than LLaMA."
    assert ("Foo", "LLaMA") in extends_relations(text, _named(text, "Foo", "LLaMA"), ["Foo"])


def test_a_base_named_by_its_acronym_after_a_description_is_built_with() -> None:
    text = (
        "This paper proposes Foo, a neural retrieval model using contextualized late interaction (ColBERT) "
        "with reduction."
    )
    assert ("Foo", "ColBERT") in extends_relations(text, _named(text, "Foo", "ColBERT"), ["Foo"])


def test_what_a_proposal_is_applied_to_is_not_its_family() -> None:
    text = "We propose Foo for few-shot tuning of vision foundation models."
    assert _is_a(text, "Foo", proposed=("Foo",)) == []
    text = "We propose Foo, a structured pruning method for LLMs."
    assert ("Foo", "structured pruning") in _is_a(text, "Foo", proposed=("Foo",))


def test_a_plus_version_extends_its_base() -> None:
    text = "We abbreviate our approach as DefFoo+ (a plus version of DefFoo)."
    assert ("DefFoo+", "DefFoo") in extends_relations(text, _named(text, "DefFoo+", "DefFoo"), ["DefFoo+"])


def test_extend_a_base_and_propose_a_method_in_one_sentence() -> None:
    text = (
        "In this paper, we extend the foundational GAR framework and propose a simple method "
        "that Rewrites the Code (ReCo)."
    )
    assert ("ReCo", "GAR") in extends_relations(text, _named(text, "GAR", "ReCo"), ["ReCo"])


def test_names_in_brackets_after_a_class_are_its_members() -> None:
    text = (
        "Our approach works across convolutional architectures (ResNet) and dense retrievers (DPR, ColBERT and ANCE)."
    )
    pairs = _is_a(text, "ResNet", "DPR", "ColBERT", "ANCE")
    assert ("ResNet", "convolutional architectures") in pairs
    assert {("DPR", "dense retrieval"), ("ColBERT", "dense retrieval"), ("ANCE", "dense retrieval")} <= set(pairs)


def test_a_singular_phrase_or_an_acronym_in_brackets_is_no_membership() -> None:
    from kg.extract.membership import parenthesized_members

    text = "Foo uses contextualized late interaction (ColBERT) and Large Language Models (LLMs)."
    ctx = family_context(text, _named(text, "ColBERT", "LLMs"), [], [], 0, {"LLMs": "Large Language Models"})
    assert parenthesized_members(ctx) == []


def test_the_one_family_heading_the_title_names_the_contribution() -> None:
    title = "CorpusBrain: Pre-train a Generative Retrieval Model for Knowledge-Intensive Language Tasks"
    text = title + "\nWe propose CorpusBrain."
    assert ("CorpusBrain", "generative retrieval") in _is_a(
        text, "CorpusBrain", proposed=("CorpusBrain",), title_end=len(title)
    )
    title = "Foo: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity"
    text = title + "\nWe propose Foo."
    assert ("Foo", "large language models") not in _is_a(text, "Foo", proposed=("Foo",), title_end=len(title))


def test_well_known_members_join_a_family_the_text_names() -> None:
    text = "ELUs speed up learning compared to other activation functions such as ReLU and PReLU."
    pairs = _is_a(text, "ELU", "ReLU", "PReLU")
    assert {("ReLU", "activation functions"), ("PReLU", "activation functions")} <= set(pairs)


def test_a_category_acronym_is_no_base_to_extend() -> None:
    """ "HiF-VLA" names a VLA model; VLA, defined as a class of models, is no method it extends. LoRA,
    defined as one method, stays the base of LoRA-XS."""
    vla = Paper(
        id="v",
        title="HiF-VLA: Hindsight and Foresight for Robot Manipulation",
        abstract="Vision-Language-Action (VLA) models have enabled general robot manipulation. We propose "
        "HiF-VLA, a framework that adds hindsight to VLA models.",
    )
    lora = Paper(
        id="l",
        title="LoRA-XS: Low-Rank Adaptation with Extremely Small Number of Parameters",
        abstract="Low-rank adaptation (LoRA) is a popular fine-tuning method. We propose LoRA-XS, which "
        "outperforms LoRA on GLUE.",
    )
    assert ("HiF-VLA", "VLA") not in {tuple(p) for p in extract_paper(vla).extends}
    assert ("LoRA-XS", "LoRA") in {tuple(p) for p in extract_paper(lora).extends}


def test_a_proposed_new_version_extends_the_old_one() -> None:
    paper = Paper(
        id="n",
        title="ConspEmoLLM-v2: A Robust Conspiracy Detector",
        abstract="We present ConspEmoLLM-v2, a model that retains or exceeds the performance of ConspEmoLLM.",
    )
    assert ("ConspEmoLLM-v2", "ConspEmoLLM") in {tuple(p) for p in extract_paper(paper).extends}
