"""The question the product exists for, over HTTP: which PEFT methods beat LoRA, and says who where?"""

from __future__ import annotations

from _apikit import Api
from graph_oracle import outperformers

from kg.graph.model import TECHNIQUE_LABELS

HEADLINE = """
{ methods(filter: {family: "PEFT", beats: "LoRA"}) {
    totalCount
    edges { node { id name outperforms(loser: "LoRA") { evidence paper { id title } } } } } }
"""


def test_peft_methods_beating_lora_on_the_sample_graph(sample_api: Api) -> None:
    g = sample_api.graph
    expected = {
        g.nodes[w]["name"]: claims
        for w, claims in outperformers(g, "LoRA", family="PEFT")
        if g.nodes[w]["label"] in TECHNIQUE_LABELS
    }
    data = sample_api.data(HEADLINE)["methods"]
    got = {e["node"]["name"]: e["node"]["outperforms"] for e in data["edges"]}
    assert set(got) == set(expected) and data["totalCount"] == len(expected)
    assert {"CorDA", "LoRA-SB", "S^{2}FT"} <= set(got)
    for name, claims in got.items():
        assert claims and all(c["evidence"].strip() for c in claims), name
        assert all(c["paper"]["title"] and c["paper"]["id"].startswith("Paper:") for c in claims), name
        assert sorted(c["evidence"] for c in claims) == sorted(c["evidence"] for c in expected[name]), name


def test_peft_methods_beating_lora_on_the_gold_graph(gold_api: Api) -> None:
    g = gold_api.graph
    expected = {
        g.nodes[w]["name"]
        for w, _ in outperformers(g, "LoRA", family="PEFT")
        if g.nodes[w]["label"] in TECHNIQUE_LABELS
    }
    got = {e["node"]["name"] for e in gold_api.data(HEADLINE)["methods"]["edges"]}
    assert got == expected and "LoRA-SB" in got


def test_every_spelling_of_lora_and_peft_gives_the_same_answer(api: Api) -> None:
    baseline = api.data(HEADLINE)
    for family, loser in [
        ("parameter-efficient fine-tuning", "Low-Rank Adaptation"),
        ("peft", "lora"),
        ("PEFT methods", "LoRA"),
    ]:
        query = HEADLINE.replace('"PEFT"', f'"{family}"').replace('beats: "LoRA"', f'beats: "{loser}"')
        assert api.data(query) == baseline, (family, loser)


def test_low_rank_adaptation_resolves_to_lora(api: Api) -> None:
    query = (
        '{ a: method(name: "Low-Rank Adaptation") { id name aliases } b: method(name: "LoRA") { id } '
        'c: entity(name: "low rank adaptations") { id } }'
    )
    data = api.data(query)
    assert data["a"] is not None and data["a"]["id"] == data["b"]["id"] == data["c"]["id"]
    assert "LoRA" in {data["a"]["name"], *data["a"]["aliases"]}


def test_the_headline_on_the_sample_names_exactly_the_methods_the_gold_says_beat_lora(
    sample_api: Api, gold_api: Api
) -> None:
    """The extracted graph and the hand-annotated one answer the headline with the same methods (a name
    of one is the name or an alias of the other: "sparse fine-tuning" is the gold's "SFT")."""
    query = HEADLINE.replace("edges { node { id name", "edges { node { id name aliases")
    extracted = [e["node"] for e in sample_api.data(query)["methods"]["edges"]]
    gold = [e["node"] for e in gold_api.data(query)["methods"]["edges"]]

    def spellings(node: dict[str, object]) -> set[str]:
        return {str(s).casefold() for s in [node["name"], *node["aliases"]]}  # type: ignore[list-item]

    assert len(extracted) == len(gold) >= 5
    for want in gold:
        assert any(spellings(want) & spellings(got) for got in extracted), want["name"]
