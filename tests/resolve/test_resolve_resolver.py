"""Cross-paper resolution: what merges, what must not, and how the canonical entity looks."""

import pytest
from _resolvekit import ent, rec

from kg.errors import KgError
from kg.records import ExtractionRecord
from kg.resolve import AliasIndex, IndexedEntity, Resolver, resolve

# seed-060: "The popular method of low-rank adaptation (LoRA) … sparse low-rank adaptation (SoRA)"
SORA = rec(
    "seed-060",
    ent("SoRA", "sparse low-rank adaptation"),
    ent("LoRA", "low-rank adaptation"),
    ent("parameter-efficient fine-tuning", type="Task"),
    extends=[["SoRA", "LoRA"]],
)
# seed-050: "We propose a method, LoRA Silver Bullet or LoRA-SB … comprehensively outperforms LoRA-XS"
LORA_SB = rec(
    "seed-050",
    ent("LoRA-SB", "LoRA Silver Bullet"),
    ent("LoRA-XS"),
    ent("LoRA"),
    ent("full fine-tuning"),
    proposed=[
        {"name": "LoRA-SB", "aliases": ["LoRA Silver Bullet"], "families": ["PEFT", "low-rank adaptation methods"]}
    ],
    outperforms=[
        {
            "winner": "LoRA-SB",
            "loser": "LoRA",
            "on": ["mathematical reasoning"],
            "metric": "performance",
            "evidence": "our approach exceeds the performance of standard LoRA",
        },
        {"winner": "LoRA-SB", "loser": "LoRA-XS", "evidence": "comprehensively outperforms LoRA-XS"},
        {
            "winner": "full fine-tuning",
            "loser": "Low-rank adapters",
            "loser_generic": True,
            "evidence": "they often fall short of achieving the performance of full fine-tuning",
        },
    ],
    extends=[["LoRA-SB", "LoRA-XS"], ["LoRA-SB", "LoRA"]],
    is_a=[["LoRA-XS", "low-rank adaptation methods"]],
)


def test_acronym_expansion_case_and_plural_variants_are_one_entity() -> None:
    only_expansion = rec("p-b", ent("low rank adaptation"))  # paper B never writes "LoRA"
    plural = rec("p-c", ent("LoRAs"))
    res = resolve([SORA, only_expansion, plural])
    assert res.key_for("seed-060", "LoRA") == "lora"
    assert res.key_for("p-b", "low rank adaptation") == "lora"
    assert res.key_for("p-c", "LoRAs") == "lora"
    lora = res.entities["lora"]
    assert lora.name == "LoRA"
    assert lora.papers == ["p-b", "p-c", "seed-060"]
    assert {"low-rank adaptation", "low rank adaptation", "LoRAs"} <= set(lora.aliases)


def test_lora_variants_stay_apart() -> None:
    res = resolve([SORA, LORA_SB])
    keys = {res.key_for("seed-050", n) for n in ("LoRA", "LoRA-XS", "LoRA-SB")}
    assert keys == {"lora", "lora xs", "lora sb"}
    assert res.key_for("seed-060", "LoRA") == res.key_for("seed-050", "LoRA")


def test_markup_spelling_of_s2ft_is_the_same_entity() -> None:
    a = rec("seed-062", ent("S^{2}FT", "Structured Sparse Fine-Tuning"), ent("LoRA"))
    b = rec("p-x", ent("S2FT"))
    res = resolve([a, b])
    assert res.key_for("seed-062", "S^{2}FT") == res.key_for("p-x", "S2FT") == "s2ft"
    assert res.entities["s2ft"].papers == ["p-x", "seed-062"]


def test_colberter_is_not_colbert() -> None:
    # seed-087: "This paper proposes ColBERTer, a neural retrieval model using contextualized late interaction
    # (ColBERT)"
    colberter = rec(
        "seed-087",
        ent("ColBERTer"),
        ent("ColBERT", "contextualized late interaction"),
        ent("MS MARCO", type="Dataset"),
    )
    other = rec("p-y", ent("ColBERT"), ent("BERT", type="Model"), ent("RoBERTa", type="Model"))
    res = resolve([colberter, other])
    assert res.key_for("seed-087", "ColBERTer") == "colberter"
    assert res.key_for("seed-087", "ColBERT") == res.key_for("p-y", "ColBERT") == "colbert"
    assert res.key_for("p-y", "BERT") != res.key_for("p-y", "RoBERTa")


def test_type_is_chosen_by_vote() -> None:
    records = [
        rec("a", ent("BERT", type="Model")),
        rec("b", ent("BERT", type="Model")),
        rec("c", ent("BERT", type="Method")),
    ]
    bert = resolve(records).entities["bert"]
    assert bert.type == "Model"
    assert bert.votes == {"Method": 1, "Model": 2}


def test_type_tie_goes_to_the_priority_order() -> None:
    records = [rec("a", ent("quantization", type="Task")), rec("b", ent("quantization", type="Method"))]
    assert resolve(records).entities["quantization"].type == "Method"
    records = [rec("a", ent("GLUE", type="Benchmark")), rec("b", ent("GLUE", type="Dataset"))]
    assert resolve(records).entities["glue"].type == "Dataset"


def test_ambiguous_alias_links_nothing() -> None:
    records = [
        rec("a", ent("LoRA", "low-rank adaptation")),
        rec("b", ent("LRA", "low-rank adaptation")),
        rec("c", ent("low-rank adaptation")),
    ]
    res = resolve(records)
    keys = {res.key_for("a", "LoRA"), res.key_for("b", "LRA"), res.key_for("c", "low-rank adaptation")}
    assert len(keys) == 3
    assert res.lookup("low-rank adaptation") is None  # three entities answer to it


def test_names_one_record_keeps_apart_never_merge() -> None:
    records = [
        rec("q", ent("adapter"), ent("LoRA")),
        rec("r", ent("LoRA", "adapter")),  # a careless alias must not fuse what paper q separates
    ]
    res = resolve(records)
    assert res.key_for("q", "adapter") != res.key_for("q", "LoRA")
    assert res.key_for("r", "LoRA") == res.key_for("q", "LoRA")


def test_cut_down_alias_does_not_swallow_the_general_entity() -> None:
    records = [
        rec("a", ent("Top-1 accuracy", "accuracy", type="Metric")),
        rec("b", ent("accuracy", type="Metric")),
        rec("c", ent("neural ranking", "ranking", type="Task")),
        rec("d", ent("ranking", type="Task")),
    ]
    res = resolve(records)
    assert res.key_for("b", "accuracy") == "accuracy"
    assert res.key_for("a", "Top-1 accuracy") == "top 1 accuracy"
    assert res.key_for("d", "ranking") != res.key_for("c", "neural ranking")


def test_alias_padded_with_a_generic_word_still_links() -> None:
    records = [
        rec("a", ent("GLUE", "GLUE benchmark", type="Benchmark")),
        rec("b", ent("GLUE benchmark", type="Benchmark")),
    ]
    res = resolve(records)
    assert res.key_for("b", "GLUE benchmark") == res.key_for("a", "GLUE") == "glue"


def test_alias_never_links_a_dataset_to_a_task() -> None:
    records = [
        rec("a", ent("NQ", "Natural Questions", type="Dataset")),
        rec("b", ent("natural questions", type="Task")),
    ]
    res = resolve(records)
    assert res.key_for("a", "NQ") != res.key_for("b", "natural questions")


def test_one_acronym_with_two_expansions_becomes_two_entities() -> None:
    records = [
        rec("seed-007", ent("SFT", "sparse fine-tuning"), ent("LoRA", "low-rank adaptation")),
        rec("seed-032", ent("SFT", "supervised fine-tuning")),
        rec("seed-006", ent("SFT", "supervised finetuning", "supervised finetuned")),
        rec("seed-070", ent("SFT")),  # no expansion: joins the sense most papers use
        rec("seed-061", ent("sparse fine-tuning")),
    ]
    res = resolve(records)
    sparse = res.key_for("seed-007", "SFT")
    supervised = res.key_for("seed-032", "SFT")
    assert sparse is not None and supervised is not None and sparse != supervised
    assert res.key_for("seed-061", "sparse fine-tuning") == sparse
    assert res.key_for("seed-006", "SFT") == res.key_for("seed-070", "SFT") == supervised
    assert res.entities[sparse].name == "sparse fine-tuning"
    assert "SFT" in res.entities[sparse].aliases and "SFT" in res.entities[supervised].aliases
    assert res.entities[supervised].name.startswith("supervised fine")


def test_display_name_prefers_a_defined_acronym() -> None:
    records = [
        rec("a", ent("natural language processing", type="Task")),
        rec("b", ent("natural language processing", type="Task")),
        rec("c", ent("NLP", "natural language processing", type="Task")),
    ]
    entity = resolve(records).entities["nlp"]
    assert entity.name == "NLP"


def test_display_name_is_the_most_used_spelling() -> None:
    records = [rec("a", ent("Transformer")), rec("b", ent("Transformer")), rec("c", ent("transformers"))]
    entity = resolve(records).entities["transformer"]
    assert entity.name == "Transformer"
    assert entity.aliases == ["transformers"]


def test_result_does_not_depend_on_record_order() -> None:
    records = [
        SORA,
        LORA_SB,
        rec("p-b", ent("low rank adaptation")),
        rec("seed-032", ent("SFT", "supervised fine-tuning")),
    ]
    forward, backward = resolve(records), resolve(list(reversed(records)))
    assert forward.entities == backward.entities
    assert forward.families == backward.families


def test_resolve_record_rewrites_every_name_to_keys() -> None:
    res = resolve([SORA, LORA_SB])
    out = res.resolve_record(LORA_SB)
    assert out.proposed == ["lora sb"]
    named = [c for c in out.outperforms if not c.loser_generic]
    assert [(c.winner, c.loser) for c in named] == [("lora sb", "lora"), ("lora sb", "lora xs")]
    assert named[0].on == ["mathematical reasoning"]
    generic = [c for c in out.outperforms if c.loser_generic]
    assert generic[0].loser is None and generic[0].loser_text == "Low-rank adapters"
    assert out.extends == [("lora sb", "lora xs"), ("lora sb", "lora")]
    assert {(i.entity, i.family) for i in out.is_a} == {
        ("lora xs", "low rank adaptation method"),
        ("lora sb", "parameter efficient fine tuning"),
        ("lora sb", "low rank adaptation method"),
    }
    # "mathematical reasoning" is only named in a claim: it still becomes an entity, typed by its role
    reasoning = res.entities["mathematical reasoning"]
    assert reasoning.type == "Dataset" and reasoning.votes == {"Dataset": 1}
    mention = next(m for m in out.mentions if m.key == "mathematical reasoning")
    assert mention.declared is False


def test_resolve_record_refuses_a_record_it_never_saw() -> None:
    res = resolve([SORA])
    with pytest.raises(KgError, match="seed-050"):
        res.resolve_record(LORA_SB)
    assert res.key_for("seed-050", "LoRA") is None
    assert res.key_for("seed-060", "never said") is None


def test_a_later_record_with_the_same_id_replaces_the_earlier() -> None:
    res = resolve([rec("a", ent("GeAR")), rec("a", ent("VDR"))])
    assert res.key_for("a", "VDR") == "vdr"
    assert "gear" not in res.entities


def test_empty_names_are_ignored() -> None:
    record = ExtractionRecord.model_validate(
        {"id": "e", "entities": [ent(" "), ent("DETR")], "baselines": [""], "extends": [["DETR", " "]]}
    )
    res = resolve([record])
    assert list(res.entities) == ["detr"]
    assert res.resolve_record(record).extends == []


def test_stored_entities_keep_their_keys_and_attract_new_mentions() -> None:
    index = AliasIndex(
        [
            IndexedEntity(
                key="lora", name="LoRA", names={"LoRA": 3}, aliases=["low-rank adaptation"], votes={"Method": 3}
            ),
            IndexedEntity(key="lora xs", name="LoRA-XS", names={"LoRA-XS": 1}, votes={"Method": 1}),
        ]
    )
    new = [rec("n1", ent("low-rank adaptation")), rec("n2", ent("LoRA-XS", "LoRA"))]
    res = Resolver(index).resolve(new)
    assert res.key_for("n1", "low-rank adaptation") == "lora"
    assert res.key_for("n2", "LoRA-XS") == "lora xs"  # two stored entities never merge
    assert res.entities["lora"].votes == {"Method": 4}
    assert res.entities["lora"].papers == ["n1"]  # stored-only entities stay out of the batch


def test_stored_key_survives_a_better_display_name() -> None:
    index = AliasIndex(
        [IndexedEntity(key="low rank adaptation", name="low-rank adaptation", names={"low-rank adaptation": 1})]
    )
    res = Resolver(index).resolve([rec("n", ent("LoRA", "low-rank adaptation"))])
    assert res.key_for("n", "LoRA") == "low rank adaptation"
    assert res.entities["low rank adaptation"].name == "LoRA"


def test_bare_acronym_joins_the_stored_majority_sense() -> None:
    index = AliasIndex(
        [
            IndexedEntity(
                key="sparse fine tuning", name="sparse fine-tuning", names={"SFT": 1}, aliases=["sparse fine-tuning"]
            ),
            IndexedEntity(
                key="supervised fine tuning",
                name="supervised fine-tuning",
                names={"SFT": 3},
                aliases=["supervised fine-tuning"],
            ),
        ]
    )
    res = Resolver(index).resolve([rec("n", ent("SFT")), rec("m", ent("SFT", "sparse fine-tuning"))])
    assert res.key_for("n", "SFT") == "supervised fine tuning"
    assert res.key_for("m", "SFT") == "sparse fine tuning"
