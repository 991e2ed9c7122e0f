"""How abstracts introduce contributions: one short synthetic abstract per pattern (and its trap)."""

from kg.extract import extract_paper
from kg.extract.coined import coined_spans
from kg.extract.document import PaperText
from kg.records import Paper


def proposed(abstract: str, title: str = "A study of things") -> list[str]:
    record = extract_paper(Paper(id="p", title=title, abstract=abstract))
    return [p.name for p in record.proposed]


def coined(abstract: str) -> list[str]:
    pt = PaperText.of(Paper(id="p", title="A study of things", abstract=abstract))
    return [pt.text[s:e] for s, e in coined_spans(pt.text, pt.sentences)]


# --- what marks a name as earlier work ----------------------------------------------------


def test_a_cited_name_is_earlier_work() -> None:
    abstract = (
        "Models are slow. In addition, we propose a factored combination of glimmer positional encoding (GPE) [32] "
        "and ZorbBias [23] with a harmonic series."
    )
    assert proposed(abstract) == []


def test_a_name_built_on_a_cited_one_is_still_proposed() -> None:
    abstract = "Models are slow. We propose GlimNet, which builds on glimmer positional encoding (GPE) [32]."
    assert proposed(abstract) == ["GlimNet"]


def test_an_idea_carried_into_a_field_is_borrowed() -> None:
    abstract = (
        "Reward models are noisy. To tackle this, we introduced the idea of Gated Routing Experts (GRE) into the "
        "field of reward modeling for the first time. We propose ZapRM."
    )
    assert proposed(abstract) == ["ZapRM"]


def test_introducing_the_concept_of_a_new_name_proposes_it() -> None:
    abstract = "Layers are costly. We introduce the concept of scalable kernel sketches (SKSs), which replace layers."
    assert proposed(abstract) == ["SKSs"]


# --- proposal cues ------------------------------------------------------------------------


def test_by_constructing_introduces_a_dataset() -> None:
    abstract = (
        "Detection is hard. We lay the foundation for this task by constructing a Widget Detection Dataset (WDD). "
        "WDD contains many images."
    )
    assert proposed(abstract) == ["WDD"]


def test_another_proposed_model_appositive() -> None:
    abstract = (
        "Search is costly. We propose FooNet, a family of models. FooNet-Large, another proposed model, achieves "
        "state-of-the-art results on GLUE."
    )
    assert set(proposed(abstract)) == {"FooNet", "FooNet-Large"}


def test_a_fronted_comparison_is_not_an_appositive_proposal() -> None:
    abstract = (
        "Super-resolution is costly. We propose FooSR. Compared to state-of-the-art methods, e.g. ZapMixer, "
        "the proposed FooSR achieves better results."
    )
    assert proposed(abstract) == ["FooSR"]


def test_the_derived_thing_appositive_names_a_contribution() -> None:
    abstract = (
        "Attention is costly. We propose ZBification. The derived token mixer, ZBified attention, serves as a "
        "key-value memory."
    )
    assert set(proposed(abstract)) == {"ZBification", "ZBified attention"}


def test_a_framework_that_includes_a_named_part_proposes_the_part() -> None:
    abstract = (
        "Transfer is hard. In this paper, we propose a new framework that includes the Domain Tuned Vision Model "
        "(DTVM), bridging the gap between general models and downstream tasks."
    )
    assert proposed(abstract) == ["DTVM"]


def test_released_code_for_a_method_marks_it_as_the_papers() -> None:
    abstract = (
        "Fine-tuning is costly. In this work, we scale gradual masked tuning (GMT) to large models. "
        "We release the code for GMT at https://github.com/x/y."
    )
    assert proposed(abstract) == ["GMT"]


def test_our_lower_case_training_regime_is_proposed() -> None:
    abstract = (
        "Memory is scarce. We propose GizmoFT. Using our partial backpropagation algorithm, GizmoFT saves memory."
    )
    assert set(proposed(abstract)) == {"GizmoFT", "partial backpropagation"}


def test_a_long_name_and_its_initials_are_one_contribution() -> None:
    abstract = (
        "Networks are slow. We propose BLendMix. Building upon it, we present a family of Fast-Forward "
        "Networks. Our FFNet achieves remarkable performance improvements."
    )
    record = extract_paper(Paper(id="p", title="A study of things", abstract=abstract))
    names = {p.name: p.aliases for p in record.proposed}
    assert set(names) == {"BLendMix", "FFNet"}
    assert "Fast-Forward Networks" in names["FFNet"]


def test_a_gerund_subject_of_a_claim_title_is_the_technique() -> None:
    abstract = "Deep networks are hard to train. We discuss a technique of adding weight noise during training."
    assert proposed(abstract, title="Adding Weight Noise Improves Training of Deep Networks") == ["adding weight noise"]


def test_a_plural_subject_of_a_claim_title_is_not_taken_as_a_name() -> None:
    abstract = "Circuits are hard to find. We study sparse autoencoders for finding them."
    assert proposed(abstract, title="Sparse Autoencoders Enable Scalable Circuit Identification") == []


# --- coined lower-case names ----------------------------------------------------------------


def test_passive_introduction_coins_each_conjunct() -> None:
    abstract = (
        "Retrieval is slow. Besides, two techniques: the contrastive blending and the locality-aware pruning are "
        "introduced for the learning of embeddings."
    )
    assert coined(abstract) == ["contrastive blending", "locality-aware pruning"]


def test_passive_with_a_name_and_generic_head() -> None:
    abstract = "Retrieval is slow. For the best accuracy, a Progressive Refinement framework is designed."
    assert coined(abstract) == ["Progressive Refinement"]
    assert proposed(abstract) == ["Progressive Refinement"]


def test_passive_about_earlier_or_generic_work_coins_nothing() -> None:
    abstract = (
        "Search matters. Recently, various neural ranking models are proposed. In [12], label smoothing is "
        "introduced. A contrastive loss is introduced to align views. Extensive experiments are presented. "
        "The encoder is designed to be small."
    )
    assert coined(abstract) == []


def test_which_we_present_names_the_preceding_technique() -> None:
    abstract = (
        "Search is slow. We show large gains through the functional replay caching technique, which we also present."
    )
    assert coined(abstract) == ["functional replay caching"]


def test_a_bare_object_with_a_singular_head_is_a_coined_name() -> None:
    abstract = "Tuning is slow. We also present cross entropy tuning method to optimize hyperparameters."
    assert coined(abstract) == ["cross entropy tuning"]


def test_a_plain_word_with_a_symbol_letter_is_a_coined_name() -> None:
    abstract = "Attention is slow. We (1) measure things, and (2) propose augmented K to expand the head dimension."
    assert coined(abstract) == ["augmented K"]


def test_bare_objects_that_are_not_names() -> None:
    abstract = (
        "Attention is slow. We present extensive experiments to verify this. We propose training sparse probes on "
        "examples. We introduce additional constraints to the model. We propose efficient algorithms for search."
    )
    assert coined(abstract) == []


def test_an_improved_known_model_is_named_by_the_whole_phrase() -> None:
    abstract = "Detection is hard. This paper presents an improved DETR detector that keeps a plain design."
    assert coined(abstract) == ["improved DETR detector"]
    assert proposed(abstract) == ["improved DETR detector"]


def test_a_resource_built_around_a_known_benchmark() -> None:
    abstract = "Comparisons are hard. To remedy this, we present an official self-service BEIR leaderboard."
    record = extract_paper(Paper(id="p", title="A study of things", abstract=abstract))
    assert [(p.name, p.type) for p in record.proposed] == [("official self-service BEIR leaderboard", "Benchmark")]


def test_an_acronym_the_proposal_sentence_defines_is_proposed() -> None:
    record = extract_paper(
        Paper(
            id="p",
            title="Rewriting the code",
            abstract=(
                "In this paper, we extend the foundational GAR framework and propose a simple yet effective method "
                "that additionally Rewrites the Code (ReCo) within the codebase. ReCo works."
            ),
        )
    )
    assert [p.name for p in record.proposed] == ["ReCo"]


def test_parts_of_our_framework_defined_by_acronyms_are_proposed() -> None:
    record = extract_paper(
        Paper(
            id="p",
            title="UniFoo: a unified framework",
            abstract=(
                "Specifically, our framework consists of a frozen foundation model, a Multi-modal Feature Pool (MFP) "
                "module and a Supplementary Feature Injector (SFI) module. The MFP and SFI modules cooperate."
            ),
        )
    )
    assert {"UniFoo", "MFP", "SFI"} <= {p.name for p in record.proposed}


def test_examples_after_such_as_in_a_proposal_clause_are_not_proposed() -> None:
    record = extract_paper(
        Paper(
            id="p",
            title="Search spaces",
            abstract=(
                "We can leverage the structure of the search space to introduce different model search algorithms, "
                "such as random search, Monte Carlo tree search (MCTS), and sequential model-based optimization (SMBO)."
            ),
        )
    )
    assert not {"MCTS", "SMBO"} & {p.name for p in record.proposed}


def test_an_earlier_system_the_paper_improves_on_is_not_proposed() -> None:
    record = extract_paper(
        Paper(
            id="p",
            title="DefFoo+: better sentence embeddings",
            abstract=(
                "This paper presents a significant improvement on the previous conference paper known as DefFoo. "
                "We abbreviate our approach as DefFoo+ (a plus version of DefFoo)."
            ),
        )
    )
    assert [p.name for p in record.proposed] == ["DefFoo+"]


def test_a_title_lead_phrase_stops_before_based_on() -> None:
    from kg.extract.proposed import title_lead_phrase

    assert (
        title_lead_phrase("Small-scale Pedestrian Detection Based on Topology Localization", "")
        == "Small-scale Pedestrian Detection"
    )


def test_a_novel_lower_case_phrase_is_proposed_unless_the_sentence_names_it() -> None:
    record = extract_paper(
        Paper(
            id="p",
            title="Weakly supervised detection",
            abstract=(
                "We propose a novel online instance classifier refinement algorithm to integrate MIL into one network."
            ),
        )
    )
    assert "online instance classifier refinement" in [p.name for p in record.proposed]
    record = extract_paper(
        Paper(
            id="p",
            title="Detection transformers",
            abstract=(
                "We present a novel collaborative hybrid assignments training scheme, namely Co-Foo, to learn better."
            ),
        )
    )
    assert [p.name for p in record.proposed] == ["Co-Foo"]
