"""Family phrases resolve through the curated taxonomy; unknown ones become new families."""

from _resolvekit import ent, rec

from kg.resolve import resolve


def test_peft_acronym_resolves_to_the_taxonomy_family() -> None:
    record = rec(
        "seed-033",
        ent("Hydra"),
        ent("LoRA"),
        proposed=[{"name": "Hydra", "families": ["PEFT"]}],
        is_a=[["LoRA", "Low-rank adaptation methods"], ["Hydra", "token mixers"]],
    )
    res = resolve([record])
    assert (
        res.family_key("PEFT") == res.family_key("parameter efficient fine-tuning") == "parameter efficient fine tuning"
    )
    peft = res.families["parameter efficient fine tuning"]
    assert peft.name == "parameter-efficient fine-tuning"
    assert peft.in_taxonomy and "PEFT" in peft.aliases
    assert peft.parents == ["fine tuning"]
    # the hierarchy above every family used is there, up to the roots
    assert res.families["fine tuning"].parents == []
    assert res.families["low rank adaptation method"].parents == ["parameter efficient fine tuning"]
    new = res.families["token mixer"]
    assert new.name == "token mixers" and not new.in_taxonomy and new.parents == []


def test_curated_members_get_their_families() -> None:
    res = resolve([rec("p", ent("LoRA"), ent("DETR"), ent("COCO", type="Dataset"), ent("Hydra"))])
    assert res.memberships["lora"] == ["low rank adaptation method"]
    assert res.memberships["detr"] == ["object detection transformer"]
    assert "coco" not in res.memberships and "hydra" not in res.memberships
    assert "object detection transformer" in res.families
    assert res.families["object detection transformer"].parents == ["transformer architecture"]


def test_membership_needs_a_method_or_model() -> None:
    res = resolve([rec("p", ent("BERT", type="Dataset"))])
    assert "bert" not in res.memberships
