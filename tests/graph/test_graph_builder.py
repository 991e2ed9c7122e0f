"""The graph model built from hand-written records: nodes, labels, relationships and their properties."""

from collections import Counter

from _graphkit import PAPERS, RECORDS, build, edges, paper

from kg.graph import build_graph, stats
from kg.resolve import resolve


def test_labels_and_relationship_counts() -> None:
    g, _ = build()
    counts = stats(g)
    assert counts["nodes"] == {
        "Benchmark": 1,
        "Dataset": 1,
        "Family": 7,
        "Method": 8,
        "Metric": 2,
        "Paper": 4,
        "Task": 2,
    }
    assert counts["relationships"] == {
        "ADDRESSES": 2,
        "COMPARABLE_TO": 1,
        "COMPARES_WITH": 3,
        "EVALUATES_ON": 2,
        "EXTENDS": 3,
        "IS_A": 5,
        "MENTIONS": 16,
        "OUTPERFORMS": 3,
        "OUTPERFORMS_GENERIC": 3,
        "PROPOSES": 4,
        "REPORTS": 2,
        "SUBFAMILY_OF": 5,
    }


def test_node_ids_and_properties() -> None:
    g, _ = build()
    p = g.nodes["Paper:seed-050"]
    assert p["label"] == "Paper" and p["id"] == "seed-050"
    assert p["title"].startswith("Initialization using Update Approximation")
    assert p["url"] == "https://example.org/seed-050" and p["source"] == "seed_papers.jsonl:1"
    assert "published" not in p  # unknown values are left out, not stored as None
    lora = g.nodes["Entity:lora"]
    assert lora == {"label": "Method", "key": "lora", "name": "LoRA", "aliases": ["low-rank adaptation"]}
    fam = g.nodes["Family:parameter efficient fine tuning"]
    assert fam["label"] == "Family" and fam["name"] == "parameter-efficient fine-tuning" and "PEFT" in fam["aliases"]


def test_lora_variants_are_separate_nodes() -> None:
    g, _ = build()
    assert {"Entity:lora", "Entity:lora xs", "Entity:lora sb"} <= set(g.nodes)


def test_mentions_carry_the_papers_vote_and_spellings() -> None:
    g, _ = build()
    mentions = {u: d for u, v, d in edges(g, "MENTIONS") if v == "Entity:lora"}
    assert set(mentions) == {"Paper:seed-050", "Paper:seed-060", "Paper:seed-007"}
    assert mentions["Paper:seed-060"]["surface"] == "LoRA"
    assert mentions["Paper:seed-060"]["aliases"] == ["low-rank adaptation"]
    assert mentions["Paper:seed-060"]["vote"] == "Method" and mentions["Paper:seed-060"]["declared"] is True


def test_outperforms_claims_carry_provenance() -> None:
    g, _ = build()
    claims = [(u, v, d) for u, v, d in edges(g, "OUTPERFORMS")]
    assert [(u, v) for u, v, _ in claims] == [
        ("Entity:lora sb", "Entity:lora"),
        ("Entity:lora sb", "Entity:lora xs"),
        ("Entity:sft", "Entity:lora"),
    ]
    sb = claims[0][2]
    assert sb["paper"] == "seed-050" and sb["on"] == ["mathematical reasoning"] and sb["metric"] == "performance"
    assert (
        sb["evidence"].startswith("our approach exceeds") and sb["confidence"] == 1.0 and sb["loser_generic"] is False
    )


def test_generic_losers_do_not_become_entities() -> None:
    g, _ = build()
    generic = edges(g, "OUTPERFORMS_GENERIC")
    assert [(u, v) for u, v, _ in generic] == [
        ("Entity:colberter", "Paper:seed-087"),
        ("Entity:full fine tuning", "Paper:seed-050"),
        ("Entity:sora", "Paper:seed-060"),
    ]
    assert generic[1][2]["loser"] == "Low-rank adapters" and generic[1][2]["loser_generic"] is True
    names = {d.get("name") for _, d in g.nodes(data=True)}
    assert "Low-rank adapters" not in names and "other baselines" not in names


def test_is_a_from_text_and_from_taxonomy_and_the_family_chain() -> None:
    g, _ = build()
    is_a = {(u, v): d for u, v, d in edges(g, "IS_A")}
    assert is_a[("Entity:lora sb", "Family:parameter efficient fine tuning")] == {
        "type": "IS_A",
        "paper": "seed-050",
        "source": "text",
        "surface": "parameter-efficient fine-tuning",
    }
    assert is_a[("Entity:lora xs", "Family:low rank adaptation method")]["source"] == "text"
    assert is_a[("Entity:lora", "Family:low rank adaptation method")] == {"type": "IS_A", "source": "taxonomy"}
    assert is_a[("Entity:colbert", "Family:multi vector retrieval")]["source"] == "taxonomy"
    chain = {(u, v) for u, v, _ in edges(g, "SUBFAMILY_OF")}
    assert chain == {
        ("Family:low rank adaptation method", "Family:parameter efficient fine tuning"),
        ("Family:parameter efficient fine tuning", "Family:fine tuning"),
        ("Family:multi vector retrieval", "Family:dense retrieval"),
        ("Family:dense retrieval", "Family:information retrieval method"),
        ("Family:sparse fine tuning", "Family:parameter efficient fine tuning"),
    }


def test_paper_edges_and_extends() -> None:
    g, _ = build()
    assert {(u, v) for u, v, _ in edges(g, "EVALUATES_ON")} == {
        ("Paper:seed-087", "Entity:ms marco"),
        ("Paper:seed-087", "Entity:trec dl"),
    }
    assert ("Paper:seed-050", "Entity:lora sb") in {(u, v) for u, v, _ in edges(g, "PROPOSES")}
    extends = {(u, v): d for u, v, d in edges(g, "EXTENDS")}
    assert extends[("Entity:sora", "Entity:lora")]["paper"] == "seed-060"
    # every claim edge carries its paper; only taxonomy edges go without
    for _, _, d in g.edges(data=True):
        assert ("paper" in d) != (d.get("source") == "taxonomy")


def test_building_twice_adds_nothing() -> None:
    once, _ = build()
    twice, _ = build(RECORDS + RECORDS)
    assert Counter(d["type"] for *_, d in once.edges(data=True)) == Counter(
        d["type"] for *_, d in twice.edges(data=True)
    )
    assert sorted(once.edges(keys=True)) == sorted(twice.edges(keys=True))


def test_papers_and_records_without_each_other() -> None:
    lonely = paper("seed-099", "A paper nobody extracted yet")
    resolution = resolve(RECORDS[:1])
    g = build_graph([lonely], RECORDS[:1], resolution)
    assert g.nodes["Paper:seed-099"]["title"] == "A paper nobody extracted yet"
    assert g.degree("Paper:seed-099") == 0
    assert g.nodes["Paper:seed-050"]["title"] == PAPERS[0].title  # from the record
    assert "abstract" not in g.nodes["Paper:seed-050"]


def test_every_paper_relationship_carries_its_sentence() -> None:
    """EVALUATES_ON, COMPARES_WITH, IS_A (from the text) and EXTENDS keep the sentence behind them (issue #14)."""
    from kg.extract.extractor import extract_paper
    from kg.graph import build_graph
    from kg.records import Paper
    from kg.resolve import resolve

    paper = Paper(
        id="x",
        title="SoRA: Sparse Low-Rank Adaptation",
        abstract=(
            "We extend LoRA to SoRA, a parameter-efficient fine-tuning method. SoRA outperforms LoRA and adapters on "
            "GLUE. Experiments on GLUE and SQuAD show gains."
        ),
    )
    record = extract_paper(paper)
    g = build_graph([paper], [record], resolve([record]))
    kinds = {"EVALUATES_ON", "COMPARES_WITH", "IS_A", "EXTENDS"}
    edges = [(u, v, d) for u, v, d in g.edges(data=True) if d["type"] in kinds and d.get("source") != "taxonomy"]
    assert {d["type"] for _, _, d in edges} == kinds
    for u, v, d in edges:
        assert d["paper"] == "x" and d["evidence"] and d["evidence"] in f"{paper.title}\n{paper.abstract}", (u, v, d)
        assert 0 < d["confidence"] <= 1
