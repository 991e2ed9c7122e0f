"""Read functions the API builds on: stats, name lookup, family membership, who beats whom."""

from _graphkit import build
from graph_oracle import find_entity, find_family, methods_in_family, outperformers


def test_find_entity_by_name_alias_and_spelling() -> None:
    g, _ = build()
    assert find_entity(g, "LoRA") == "Entity:lora"
    assert find_entity(g, "low rank adaptation") == "Entity:lora"  # alias, other spelling
    assert find_entity(g, "LoRA Silver Bullet") == "Entity:lora sb"
    assert find_entity(g, "lora-xs") == "Entity:lora xs"
    assert find_entity(g, "ColBERTer") == "Entity:colberter"
    assert find_entity(g, "contextualized late interaction") == "Entity:colbert"
    assert find_entity(g, "GPT-5") is None
    assert find_entity(g, "PEFT") is None  # families are not entities


def test_find_family_by_acronym() -> None:
    g, _ = build()
    assert find_family(g, "PEFT") == "Family:parameter efficient fine tuning"
    assert find_family(g, "late interaction") == "Family:multi vector retrieval"
    assert find_family(g, "LoRA") is None


def test_methods_in_family_follows_subfamilies_and_extends() -> None:
    g, _ = build()
    peft = methods_in_family(g, "PEFT")
    # LoRA-SB: IS_A PEFT (text); LoRA-XS: IS_A low-rank adaptation (a subfamily);
    # LoRA: curated member of low-rank adaptation; SoRA: EXTENDS LoRA, so inherits it.
    # SFT is named "sparse fine-tuning", itself a family under PEFT in the taxonomy.
    assert peft == ["Entity:lora", "Entity:lora sb", "Entity:lora xs", "Entity:sft", "Entity:sora"]
    assert methods_in_family(g, "low-rank adaptation methods") == [
        "Entity:lora",
        "Entity:lora sb",
        "Entity:lora xs",
        "Entity:sora",
    ]
    assert methods_in_family(g, "dense retrieval") == ["Entity:colbert", "Entity:colberter"]
    assert methods_in_family(g, "no such family") == []


def test_outperformers_of_lora() -> None:
    g, _ = build()
    winners = outperformers(g, "low-rank adaptation")
    assert [w for w, _ in winners] == ["Entity:lora sb", "Entity:sft"]
    claims = dict(winners)["Entity:lora sb"]
    assert len(claims) == 1 and claims[0]["paper"] == "seed-050" and claims[0]["on"] == ["mathematical reasoning"]


def test_outperformers_within_a_family() -> None:
    g, _ = build()
    # SFT ("sparse fine-tuning") belongs to the sparse fine-tuning family, a PEFT subfamily
    assert [w for w, _ in outperformers(g, "LoRA", family="PEFT")] == ["Entity:lora sb", "Entity:sft"]
    assert [w for w, _ in outperformers(g, "LoRA-XS", family="parameter-efficient fine-tuning")] == ["Entity:lora sb"]
    assert outperformers(g, "LoRA", family="dense retrieval") == []
    assert outperformers(g, "nobody") == []
