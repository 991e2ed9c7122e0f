"""Extractor behaviour on real sentences from the seed abstracts."""

from kg.extract import collect_names, extract_paper
from kg.records import Paper


def extract(title: str, abstract: str, pid: str = "p1"):
    return extract_paper(Paper(id=pid, title=title, abstract=abstract))


LORA_SB = Paper(
    id="seed-050",
    title="Initialization using Update Approximation is a Silver Bullet for Extremely Efficient Low-Rank Fine-Tuning",
    abstract=(
        "Low-rank adapters have become standard for efficiently fine-tuning large language models (LLMs), but they "
        "often fall short of achieving the performance of full fine-tuning. We propose a method, LoRA Silver Bullet "
        "or LoRA-SB, that approximates full fine-tuning within low-rank subspaces using a carefully designed "
        "initialization strategy. We theoretically demonstrate that the architecture of LoRA-XS, which inserts a "
        "learnable (r x r) matrix between B and A while keeping other matrices fixed, provides the precise "
        "conditions needed for this approximation. Extensive experiments across mathematical reasoning, commonsense "
        "reasoning, and language understanding tasks demonstrate that our approach exceeds the performance of "
        "standard LoRA while using 27-90 times fewer learnable parameters, and comprehensively outperforms LoRA-XS."
    ),
)


def test_title_name_is_proposed_with_its_acronym_alias() -> None:
    record = extract(
        "CorDA: Context-Oriented Decomposition Adaptation of Large Language Models",
        "In this paper, we propose CorDA, a Context-oriented Decomposition Adaptation method that builds learnable "
        "adapters. Our knowledge-preserved adaptation not only achieves better performance than LoRA on finetuning "
        "tasks, but also mitigates the forgetting of world knowledge.",
    )
    assert [p.name for p in record.proposed] == ["CorDA"]
    assert [(c.winner, c.loser) for c in record.outperforms if not c.loser_generic] == [("CorDA", "LoRA")]
    assert record.outperforms[0].evidence.startswith("Our knowledge-preserved adaptation")


def test_our_approach_resolves_to_the_proposed_method_and_lists_each_loser() -> None:
    record = extract_paper(LORA_SB)
    assert record.proposed[0].name == "LoRA-SB"
    assert "LoRA Silver Bullet" in record.proposed[0].aliases
    named = {(c.winner, c.loser) for c in record.outperforms if not c.loser_generic}
    assert named == {("LoRA-SB", "LoRA"), ("LoRA-SB", "LoRA-XS")}
    assert ("LoRA-SB", "LoRA") in record.extends
    assert set(record.baselines) == {"LoRA", "LoRA-XS"}


def test_generic_loser_is_flagged() -> None:
    record = extract(
        "Flexora: Flexible Low Rank Adaptation for Large Language Models",
        "To overcome this overfitting and improve the performance of LoRA, we propose the flexible low rank "
        "adaptation (Flexora) method. Our extensive experiments on many pretrained models and natural language "
        "tasks show that Flexora is able to consistently improve over the existing baselines.",
    )
    generic = [c for c in record.outperforms if c.loser_generic]
    assert generic and generic[0].winner == "Flexora"
    assert "existing baselines" in generic[0].loser
    assert ("Flexora", "LoRA") in record.extends


def test_participle_comparative_takes_the_sentence_subject() -> None:
    record = extract(
        "FerKD: Surgical Label Adaptation for Efficient Distillation",
        "We present FerKD, a novel efficient knowledge distillation framework. For instance, FerKD achieves 81.2% "
        "on ImageNet-1K with ResNet-50, outperforming FKD and FunMatch by remarkable margins.",
    )
    named = {(c.winner, c.loser) for c in record.outperforms if not c.loser_generic}
    assert named == {("FerKD", "FKD"), ("FerKD", "FunMatch")}
    assert "ImageNet-1K" in record.evaluated_on
    assert ("FerKD", "knowledge distillation") in record.is_a


def test_claim_against_a_family_expands_to_named_members() -> None:
    record = extract(
        "SSF: Scaling and Shifting Features",
        "We propose SSF, a new parameter-efficient fine-tuning method. Popular parameter-efficient fine-tuning "
        "methods such as Adapter and VPT are strong. SSF also surprisingly outperforms other parameter-efficient "
        "fine-tuning approaches even with a smaller number of tunable parameters.",
    )
    named = {(c.winner, c.loser) for c in record.outperforms if not c.loser_generic}
    assert {("SSF", "Adapter"), ("SSF", "VPT")} <= named
    assert ("Adapter", "parameter-efficient fine-tuning") in record.is_a


def test_entities_are_typed() -> None:
    record = extract(
        "Mamba Retriever: Utilizing Mamba for Effective and Efficient Dense Retrieval",
        "We study dense retrieval. We evaluate on MS MARCO and the BEIR benchmark and report nDCG@10 and inference "
        "speed.",
    )
    types = {e.name: e.type for e in record.entities}
    assert types["MS MARCO"] == "Dataset"
    assert types["BEIR"] == "Benchmark"
    assert types["nDCG@10"] == "Metric"
    assert types["dense retrieval"] == "Task"


def test_corpus_pass_links_names_defined_in_another_paper() -> None:
    a = Paper(id="a", title="Gizmo: a thing", abstract="We propose Gizmo Net Tuning (GNT), a new method.")
    b = Paper(id="b", title="Other work", abstract="Our results show that gizmo net tuning is slow.")
    corpus = collect_names([a, b])
    alone = extract_paper(b)
    linked = extract_paper(b, corpus)
    assert not any(e.name.lower() == "gizmo net tuning" for e in alone.entities)
    assert any(e.name.lower() == "gizmo net tuning" for e in linked.entities)


def test_extraction_is_deterministic() -> None:
    assert extract_paper(LORA_SB) == extract_paper(LORA_SB)


def test_negative_comparison_makes_the_other_side_the_winner() -> None:
    record = extract(
        "SSF: Scaling and Shifting Features",
        "Existing fine-tuning methods either tune all parameters of the pre-trained model (full fine-tuning), "
        "which is not efficient, or only tune the last linear layer (linear probing), which suffers a significant "
        "accuracy drop compared to the full fine-tuning. In this paper, we propose SSF.",
    )
    named = {(c.winner, c.loser) for c in record.outperforms if not c.loser_generic}
    assert named == {("full fine-tuning", "linear probing")}


def test_a_single_method_named_like_a_family_is_not_a_class_claim() -> None:
    record = extract(
        "SSF: Scaling and Shifting Features",
        "We propose SSF, a new parameter-efficient fine-tuning method. Parameter-efficient fine-tuning methods "
        "such as Adapter are popular. SSF improves over the fine-tuning baseline of the paper.",
    )
    assert not any(c.loser == "Adapter" for c in record.outperforms)


def test_slash_coordination_names_two_methods() -> None:
    record = extract(
        "From PEFT to DEFT: Parameter Efficient Finetuning",
        "We use mainstream PEFT techniques including QLoRA, LoRA, Adapter, Prompt/Prefix Tuning to adapt models. "
        "Experiments show that our proposed method DEFT reduces the activation density compared to PEFT.",
    )
    names = {e.name for e in record.entities}
    assert {"Prompt Tuning", "Prefix Tuning"} <= names and "Prompt/Prefix Tuning" not in names
    named = {(c.winner, c.loser) for c in record.outperforms if not c.loser_generic}
    assert {("DEFT", "Prompt Tuning"), ("DEFT", "Prefix Tuning"), ("DEFT", "LoRA")} <= named


def test_a_baseline_before_our_method_is_not_proposed() -> None:
    record = extract(
        "GraphLoRA: graphs meet adapters",
        "Compared to LoRA-FA, our approach reduces memory. We propose GraphLoRA.",
    )
    assert [p.name for p in record.proposed] == ["GraphLoRA"]


def test_a_full_stop_after_a_name_ends_the_sentence() -> None:
    record = extract(
        "GraphLoRA: graphs meet adapters",
        "We propose GraphLoRA and evaluate on ADE20K. GraphLoRA outperforms LoRA-FA on GLUE.",
    )
    assert [(c.winner, c.loser) for c in record.outperforms] == [("GraphLoRA", "LoRA-FA")]
    assert record.outperforms[0].evidence == "GraphLoRA outperforms LoRA-FA on GLUE."


def test_the_statistical_ner_only_fills_gaps_the_rules_leave() -> None:
    abstract = "We propose GizmoNet. We train it with the Zorblax optimizer on SQuAD."
    without = extract_paper(Paper(id="n", title="GizmoNet: x", abstract=abstract), use_ner=False)
    with_ner = extract_paper(Paper(id="n", title="GizmoNet: x", abstract=abstract), use_ner=True)
    names_without = {e.name for e in without.entities}
    names_with = {e.name for e in with_ner.entities}
    assert names_without <= names_with  # nothing a rule found is lost or renamed
    assert {"GizmoNet", "SQuAD"} <= names_without


def test_a_title_name_is_recognised_throughout_the_abstract() -> None:
    record = extract("Alpha: x", "We propose Alpha. Alpha outperforms BERT on GLUE.")
    assert [(c.winner, c.loser) for c in record.outperforms] == [("Alpha", "BERT")]


def test_sized_checkpoints_are_models_of_their_family() -> None:
    record = extract(
        "Scaling Sparse Fine-Tuning to Large Language Models",
        "We scale sparse fine-tuning to state-of-the-art LLMs like LLaMA 2 7B and 13B and to Qwen2.5-7B.",
    )
    names = {e.name: e.type for e in record.entities}
    assert names.get("LLaMA 2 7B") == "Model" and names.get("LLaMA 2 13B") == "Model"
    assert ("Qwen2.5-7B", "large language models") in record.is_a
    assert ("LLaMA 2 13B", "large language models") in record.is_a
    assert "LLaMA 2 7B" not in record.baselines


def test_a_class_of_losers_joined_to_named_ones_is_a_generic_claim() -> None:
    from kg.extract.claims import Named, sentence_claims

    sentence = "Our method is better, surpassing full fine-tuning and the state-of-the-art PEFT methods."
    named = [Named("full fine-tuning", "Method", 33, 49)]
    claims, _ = sentence_claims(sentence, 0, named, ["Ours"])
    assert {(c.loser, c.loser_generic) for c in claims} == {
        ("full fine-tuning", False),
        ("the state-of-the-art PEFT methods", True),
    }


def test_a_task_phrase_does_not_start_with_the_verb_before_it() -> None:
    from kg.extract.mentions import task_mentions

    text = "Foo fuses single-vector retrieval and boosts retrieval for tasks requiring intensive reasoning."
    assert [m.text for m in task_mentions(text)] == ["single-vector retrieval"]


def test_a_generic_loser_ends_before_a_coordinated_verb_phrase() -> None:
    from kg.extract.claims import Named, sentence_claims

    sentence = "Ours is more expressive than existing single branch methods and enables the exploration of optima."
    claims, _ = sentence_claims(sentence, 0, [Named("Ours", "Method", 0, 4)], ["Ours"])
    assert [(c.loser, c.loser_generic) for c in claims] == [("existing single branch methods", True)]


def test_task_phrases_drop_leading_verbs_and_adjectives_but_keep_noun_modifiers() -> None:
    from kg.extract.mentions import task_mentions

    text = (
        "We report performing code retrieval, widely-adopted neural retrieval, additional compression, "
        "reading comprehension and docstring completion."
    )
    assert [m.text for m in task_mentions(text)] == [
        "code retrieval",
        "neural retrieval",
        "reading comprehension",
        "docstring completion",
    ]


def test_a_quantity_comparison_is_not_a_generic_claim() -> None:
    from kg.extract.claims import Named, sentence_claims

    sentence = "For finetuning, Ours uses a small scale (less than 10K) instruction dataset."
    claims, _ = sentence_claims(sentence, 0, [Named("Ours", "Method", 16, 20)], ["Ours"])
    assert claims == []


def test_a_negated_drop_keeps_the_comparison_in_the_winners_favour() -> None:
    from kg.extract.claims import Named, sentence_claims

    sentence = "Ours shows an improvement of 4.8x in latency without degradation in accuracy compared to INT8."
    named = [Named("Ours", "Method", 0, 4), Named("INT8", "Method", sentence.index("INT8"), sentence.index("INT8") + 4)]
    claims, _ = sentence_claims(sentence, 0, named, ["Ours"])
    assert [(c.winner, c.loser) for c in claims] == [("Ours", "INT8")]


def test_matching_as_a_task_noun_is_no_parity_claim() -> None:
    from kg.extract.claims import Named, sentence_claims

    sentence = "On document matching show that Ours outperforms BERT."
    named = [Named("Ours", "Method", 31, 35), Named("BERT", "Method", 48, 52)]
    claims, parity = sentence_claims(sentence, 0, named, ["Ours"])
    assert [(c.winner, c.loser) for c in claims] == [("Ours", "BERT")]
    assert parity == []


def test_generic_rivals_end_where_the_winner_is_named_again() -> None:
    from kg.extract.claims import Named, sentence_claims

    sentence = "Ours surpasses the existing baselines, indicating the effectiveness of our Ours."
    named = [Named("Ours", "Method", 0, 4), Named("Ours", "Method", 75, 79)]
    claims, _ = sentence_claims(sentence, 0, named, ["Ours"])
    assert [(c.loser, c.loser_generic) for c in claims] == [("the existing baselines", True)]
    sentence = "The accuracy of Ours is significantly improved compared to Ours."
    claims, _ = sentence_claims(
        sentence, 0, [Named("Ours", "Method", 16, 20), Named("Ours", "Method", 59, 63)], ["Ours"]
    )
    assert claims == []


def test_a_name_inside_an_adjective_compound_is_not_the_proposal() -> None:
    from kg.records import Paper

    paper = Paper(
        id="p",
        title="Sparse retrieval losses",
        abstract="In this paper, we introduce the IDF-aware FLOPS loss, which introduces Inverted Document "
        "Frequency (IDF) to the sparsification of representations.",
    )
    assert "IDF" not in [p.name for p in extract_paper(paper).proposed]


def test_a_list_of_rivals_continues_past_a_serial_and() -> None:
    from kg.extract.claims import Named, sentence_claims

    sentence = "Ours outperforms the previous models including hierarchical attention, multi-depth RNN, and BERT."
    at = sentence.index
    named = [
        Named("Ours", "Method", 0, 4),
        Named("RNN", "Method", at("RNN"), at("RNN") + 3),
        Named("BERT", "Method", at("BERT"), at("BERT") + 4),
    ]
    claims, parity = sentence_claims(sentence, 0, named, ["Ours"])
    assert [c.loser for c in claims] == ["RNN", "BERT"]
    assert parity == []


def _named_at(sentence: str, *names: str, kind: str = "Method") -> list:
    from kg.extract.claims import Named

    return sorted((Named(n, kind, sentence.index(n), sentence.index(n) + len(n)) for n in names), key=lambda n: n.start)


def test_a_list_of_margins_names_every_rival() -> None:
    from kg.extract.claims import sentence_claims

    sentence = "Evaluated on NDCG@10, we outperform BM25 by 44%, a plainly trained DR by 19%, docT5query by 11%."
    claims, _ = sentence_claims(sentence, 0, _named_at(sentence, "BM25", "docT5query"), ["Ours"])
    assert [(c.winner, c.loser) for c in claims] == [("Ours", "BM25"), ("Ours", "docT5query")]


def test_speeding_up_over_a_system_beats_it() -> None:
    from kg.extract.claims import sentence_claims

    sentence = "Flash speeds up exact FFT convolutions by up to 7.93times over PyTorch and achieves more."
    claims, _ = sentence_claims(sentence, 0, _named_at(sentence, "Flash", "PyTorch"), ["Flash"])
    assert [(c.winner, c.loser) for c in claims] == [("Flash", "PyTorch")]


def test_the_subject_of_a_comparison_is_the_proposed_system_not_the_proposed_benchmark() -> None:
    from kg.extract.claims import Named, sentence_claims

    sentence = "This approach consistently outperforms existing state-of-the-art models."
    elsewhere = [Named("Bench", "Benchmark", 200, 205), Named("Tool", "Method", 300, 304)]
    claims, _ = sentence_claims(sentence, 0, elsewhere, ["Bench", "Tool"])
    assert [(c.winner, c.loser) for c in claims] == [("Tool", "existing state-of-the-art models")]


def test_a_dataset_beats_other_datasets() -> None:
    from kg.extract.claims import sentence_claims

    sentence = (
        "By evaluating on Test3C, training on our Data69 improves generalization compared with other coarse datasets."
    )
    named = _named_at(sentence, "Data69", kind="Dataset") + _named_at(sentence, "Test3C")
    claims, _ = sentence_claims(sentence, 0, sorted(named, key=lambda n: n.start), ["Test3C", "Data69"])
    assert [(c.winner, c.loser) for c in claims] == [("Data69", "other coarse datasets")]


def test_an_acronym_followed_by_framework_is_a_method_and_title_case_connectors_are_no_name() -> None:
    record = extract_paper(
        Paper(
            id="p",
            title="Foo: Pruning with Coarse-to-Fine Activation Information",
            abstract=(
                "The Generation-Augmented Retrieval (GAR) framework generates code. We extend the GAR framework and "
                "propose Foo, which prunes."
            ),
        )
    )
    types = {e.name: e.type for e in record.entities}
    assert types.get("GAR") == "Method"
    assert "Coarse-to-Fine" not in types
    assert ("Foo", "GAR") in record.extends


def test_task_phrases_skip_verbs_in_ize_and_ed_and_system_class_modifiers() -> None:
    from kg.extract.mentions import task_mentions

    text = (
        "The LLMs demonstrated code generation skills; we maximize modeling power; zero-shot composed image "
        "retrieval works; neural retrieval models and supervised classification remain."
    )
    assert [m.text for m in task_mentions(text)] == [
        "code generation",
        "zero-shot composed image retrieval",
        "supervised classification",
    ]


def test_a_proposed_benchmark_is_what_the_paper_reports_results_on() -> None:
    record = extract_paper(
        Paper(
            id="p",
            title="BRIGHTER: A Benchmark for Reasoning-Intensive Retrieval",
            abstract=(
                "We introduce BRIGHTER, the first text retrieval benchmark that requires intensive reasoning. "
                "State-of-the-art models score poorly on BRIGHTER, unlike on MTEB."
            ),
        )
    )
    assert "BRIGHTER" in record.evaluated_on


def test_lagging_behind_and_underperforming_reverse_the_claim() -> None:
    from kg.extract.claims import sentence_claims

    for sentence, names, expected in [
        ("Dense retrievers such as DPR still lag far behind BM25 on BEIR.", ("DPR", "BM25"), [("BM25", "DPR")]),
        ("Foo underperforms Bar in latency.", ("Foo", "Bar"), [("Bar", "Foo")]),
        ("However, BM25 is outperformed by Foo on most datasets.", ("BM25", "Foo"), [("Foo", "BM25")]),
    ]:
        claims, _ = sentence_claims(sentence, 0, _named_at(sentence, *names), ["Foo"])
        assert [(c.winner, c.loser) for c in claims] == expected, sentence


def test_names_listed_with_a_data_noun_are_datasets() -> None:
    record = extract_paper(
        Paper(
            id="p",
            title="Null spaces for re-identification",
            abstract=(
                "Experiments on five person re-identification benchmarks including VIPeR, PRID2011, CUHK01 and "
                "CUHK03 show that such a simple approach beats the state-of-the-art alternatives. We also report "
                "results on the CalTech, INRIA and ETH datasets."
            ),
        )
    )
    assert {"VIPeR", "PRID2011", "CUHK01", "CUHK03", "CalTech", "INRIA", "ETH"} <= set(record.evaluated_on)
    assert not [o for o in record.outperforms if o.winner in record.evaluated_on]


def test_a_name_after_called_is_a_name_and_the_title_article_is_not() -> None:
    record = extract_paper(
        Paper(
            id="p",
            title="The Reactor: A fast and sample-efficient agent",
            abstract=(
                "In this work, we present a new agent architecture, called Reactor, which combines many ideas. "
                "Our first contribution is a new policy evaluation algorithm called Distributional Retrace. "
                "Reactor outperforms A3C and reaches state-of-the-art performance after less than a day of training."
            ),
        )
    )
    assert {"Reactor", "Distributional Retrace"} <= {p.name for p in record.proposed}
    assert [(o.winner, o.loser, o.loser_generic) for o in record.outperforms] == [("Reactor", "A3C", False)]


def test_generic_rivals_drop_bracketed_asides_and_numbered_names_do_not_swallow_acronyms() -> None:
    from kg.extract.claims import _generic_phrase
    from kg.extract.mentions import name_mentions

    assert _generic_phrase(" the prior best method (a sliding-window network) on ISBI") == "the prior best method"
    assert _generic_phrase(" traditional IR (information retrieval) based models") == "traditional IR based models"
    text = "On CIFAR-100 ELUs networks outperform ReLU networks."
    assert [m.text for m in name_mentions(text, {0})] == ["CIFAR-100", "ELUs", "ReLU"]


def test_two_known_names_of_different_kinds_side_by_side_stay_apart() -> None:
    from kg.extract.mentions import name_mentions

    text = "Ours reaches 41.2 MS-MARCO MRR@10 and 80.1 Natural Questions R@5, and 24.6 ROUGE-2 F1."
    assert [m.text for m in name_mentions(text, {0})] == [
        "MS-MARCO",
        "MRR@10",
        "Natural Questions",
        "R@5",
        "ROUGE-2 F1",
    ]


def test_improving_the_state_of_the_art_is_a_generic_claim_and_but_ends_the_rivals() -> None:
    from kg.extract.claims import sentence_claims

    sentence = "Foo representations significantly improve the state of the art across six NLP problems."
    claims, _ = sentence_claims(sentence, 0, _named_at(sentence, "Foo"), ["Foo"])
    assert [(c.winner, c.loser, c.loser_generic) for c in claims] == [("Foo", "the state of the art", True)]
    sentence = "Our method not only outperforms state of the art methods, but also runs 10,000 times faster."
    claims, _ = sentence_claims(sentence, 0, [], ["Foo"])
    assert [c.loser for c in claims] == ["state of the art methods"]


def test_a_list_of_names_before_a_qualified_data_noun_are_datasets() -> None:
    record = extract_paper(
        Paper(
            id="p",
            title="Aggregation for video faces",
            abstract=(
                "The experiments on IJB-A, YouTube Face, Celebrity-1000 video face recognition benchmarks show that it "
                "consistently outperforms naive aggregation methods. "
                "We fine-tune on RGB-IR semantic relevance datasets."
            ),
        )
    )
    assert {"IJB-A", "Celebrity-1000"} <= set(record.evaluated_on)
    assert "RGB-IR" not in record.evaluated_on
    assert not [o for o in record.outperforms if o.winner in record.evaluated_on]
