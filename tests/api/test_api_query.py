"""Every Query field and every relationship field over HTTP, checked against the graph file itself."""

from __future__ import annotations

from typing import Any

from _apikit import Api
from graph_oracle import find_entity, find_family, methods_in_family

from kg.graph.model import TECHNIQUE_LABELS, KnowledgeGraph


def _names(connection: dict[str, Any]) -> list[str]:
    return [e["node"]["name"] for e in connection["edges"]]


def _ends(g: KnowledgeGraph, node: str, rel: str, direction: str) -> set[str]:
    if direction == "out":
        return {v for _, v, d in g.out_edges(node, data=True) if d["type"] == rel}
    return {u for u, _, d in g.in_edges(node, data=True) if d["type"] == rel}


def _label(g: KnowledgeGraph, node: str) -> str:
    return str(g.nodes[node]["label"])


def test_paper_by_id_with_every_field(sample_api: Api) -> None:
    g = sample_api.graph
    corda = find_entity(g, "CorDA")
    assert corda is not None
    (paper_node,) = _ends(g, corda, "PROPOSES", "in")
    fields = "id paperId title abstract url published authors source kind label name"
    rels = "proposes { id } evaluatesOn { id } addresses { id } reports { id } comparesWith { id }"
    query = (
        f"query($id: ID!) {{ paper(id: $id) {{ {fields} {rels} "
        "mentions(first: 100) { totalCount edges { node { id } } } claims { winner { id } paper { id } evidence } } }"
    )
    paper_id = g.nodes[paper_node]["id"]
    by_id, by_node_id = (sample_api.data(query, {"id": i})["paper"] for i in (paper_id, paper_node))
    assert by_id == by_node_id and by_id["id"] == paper_node and by_id["paperId"] == paper_id
    assert by_id["title"].startswith("CorDA") and by_id["abstract"] and by_id["name"] == by_id["title"]
    assert by_id["label"] == "Paper" and by_id["source"] and by_id["kind"] == "method"
    for field, rel in [
        ("proposes", "PROPOSES"),
        ("evaluatesOn", "EVALUATES_ON"),
        ("addresses", "ADDRESSES"),
        ("reports", "REPORTS"),
        ("comparesWith", "COMPARES_WITH"),
    ]:
        assert {x["id"] for x in by_id[field]} == _ends(g, paper_node, rel, "out"), field
    assert {e["node"]["id"] for e in by_id["mentions"]["edges"]} == _ends(g, paper_node, "MENTIONS", "out")
    assert by_id["claims"] and all(c["paper"]["id"] == paper_node and c["evidence"] for c in by_id["claims"])
    assert {c["winner"]["id"] for c in by_id["claims"]} == {corda}
    assert sample_api.data('{ paper(id: "no-such-paper") { id } }')["paper"] is None


def test_papers_filters_and_together(sample_api: Api) -> None:
    g = sample_api.graph
    lora = find_entity(g, "LoRA")
    assert lora is not None
    mentions = sample_api.data(
        '{ papers(filter: {mentions: "LoRA"}, first: 100) { totalCount edges { node { id } } } }'
    )["papers"]
    assert {e["node"]["id"] for e in mentions["edges"]} == _ends(g, lora, "MENTIONS", "in") and mentions[
        "totalCount"
    ] > 3
    both = sample_api.data(
        '{ papers(filter: {mentions: "LoRA", text: "sparse"}, first: 100) { edges { node { title abstract } } } }'
    )
    titles = [e["node"] for e in both["papers"]["edges"]]
    assert 0 < len(titles) < mentions["totalCount"]
    assert all("sparse" in (p["title"] + p["abstract"]).lower() for p in titles)
    corda = sample_api.data('{ papers(filter: {proposes: "CorDA"}) { edges { node { title } } } }')["papers"]
    assert [e["node"]["title"][:6] for e in corda["edges"]] == ["CorDA:"]
    dataset = next(n for n, d in g.nodes(data=True) if d["label"] == "Dataset" and _ends(g, n, "EVALUATES_ON", "in"))
    on = sample_api.data(
        "query($d: String!) { papers(filter: {evaluatedOn: $d}, first: 100) { edges { node { id } } } }",
        {"d": g.nodes[dataset]["name"]},
    )["papers"]
    assert {e["node"]["id"] for e in on["edges"]} == _ends(g, dataset, "EVALUATES_ON", "in")
    assert (
        sample_api.data('{ papers(filter: {mentions: "no such thing at all"}) { totalCount } }')["papers"]["totalCount"]
        == 0
    )


def test_method_entity_and_family_lookups(api: Api) -> None:
    g = api.graph
    data = api.data(
        '{ method(name: "LoRA") { __typename id label key } entity(name: "lora") { id } '
        'family(name: "PEFT") { id key name aliases taxonomy } nothing: method(name: "GPT-17") { id } }'
    )
    assert data["method"]["id"] == data["entity"]["id"] == find_entity(g, "LoRA")
    assert data["method"]["__typename"] == data["method"]["label"] == "Method"
    assert data["family"]["id"] == find_family(g, "PEFT") and "PEFT" in data["family"]["aliases"]
    assert data["family"]["taxonomy"] is True and data["nothing"] is None


def test_technique_relationship_fields(api: Api) -> None:
    g = api.graph
    lora = find_entity(g, "LoRA")
    assert lora is not None
    query = """{ method(name: "LoRA") {
        outperformedBy { winner { id } loser { id } paper { id } evidence }
        outperforms { loser { id } loserText generic }
        comparableTo { a { id } b { id } other { id } aspect paper { id } evidence confidence }
        extends { base { id } } extendedBy { extension { id } base { id } paper { id } evidence }
        families { id } proposedIn { id } evaluatedOn { id }
        papers(first: 100) { totalCount } } }"""
    m = api.data(query)["method"]
    assert {c["winner"]["id"] for c in m["outperformedBy"]} == _ends(g, lora, "OUTPERFORMS", "in")
    assert all(c["loser"]["id"] == lora and c["evidence"] for c in m["outperformedBy"])
    assert {c["loser"]["id"] for c in m["outperforms"] if not c["generic"]} == _ends(g, lora, "OUTPERFORMS", "out")
    comparable = _ends(g, lora, "COMPARABLE_TO", "in") | _ends(g, lora, "COMPARABLE_TO", "out")
    assert {c["other"]["id"] for c in m["comparableTo"]} == comparable
    assert all(lora in (c["a"]["id"], c["b"]["id"]) for c in m["comparableTo"])
    assert {x["base"]["id"] for x in m["extends"]} == _ends(g, lora, "EXTENDS", "out")
    assert {x["extension"]["id"] for x in m["extendedBy"]} == _ends(g, lora, "EXTENDS", "in") != set()
    assert {f["id"] for f in m["families"]} == _ends(g, lora, "IS_A", "out") != set()
    assert {p["id"] for p in m["proposedIn"]} == _ends(g, lora, "PROPOSES", "in")
    papers = _ends(g, lora, "PROPOSES", "in") | _ends(g, lora, "COMPARES_WITH", "in")
    assert {x["id"] for x in m["evaluatedOn"]} == {d for p in papers for d in _ends(g, p, "EVALUATES_ON", "out")}
    assert m["papers"]["totalCount"] == len(_ends(g, lora, "MENTIONS", "in"))


def test_generic_claims_have_no_loser_but_keep_their_words(sample_api: Api) -> None:
    claims = sample_api.data(
        '{ method(name: "AR2") { outperforms { generic loser { id } loserText evidence paper { id } } } }'
    )
    generic = [c for c in claims["method"]["outperforms"] if c["generic"]]
    assert generic and all(c["loser"] is None and c["loserText"] and c["evidence"] and c["paper"] for c in generic)


def test_methods_filters(api: Api) -> None:
    g = api.graph
    lora = find_entity(g, "LoRA")
    assert lora is not None

    def ids(filter_: str) -> set[str]:
        data = api.data(
            f"{{ methods(filter: {filter_}, first: 100) {{ totalCount edges {{ node {{ id label }} }} }} }}"
        )
        assert all(e["node"]["label"] in TECHNIQUE_LABELS for e in data["methods"]["edges"])
        assert data["methods"]["totalCount"] == len(data["methods"]["edges"])
        return {e["node"]["id"] for e in data["methods"]["edges"]}

    technique = {n for n, d in g.nodes(data=True) if d["label"] in TECHNIQUE_LABELS}
    assert ids('{family: "PEFT"}') == set(methods_in_family(g, "PEFT")) != set()
    assert ids('{beats: "LoRA"}') == _ends(g, lora, "OUTPERFORMS", "in") & technique != set()
    assert ids('{extends: "LoRA"}') == _ends(g, lora, "EXTENDS", "in") & technique != set()
    comparable = (_ends(g, lora, "COMPARABLE_TO", "in") | _ends(g, lora, "COMPARABLE_TO", "out")) & technique
    assert ids('{comparableTo: "LoRA"}') == comparable
    winner = next(iter(sorted(_ends(g, lora, "OUTPERFORMS", "in"))))
    assert lora in ids(f'{{beatenBy: "{g.nodes[winner]["name"]}"}}')
    paper = next(iter(sorted(_ends(g, winner, "PROPOSES", "in") or _ends(g, winner, "MENTIONS", "in"))))
    assert ids(f'{{proposedIn: "{paper}"}}') == _ends(g, paper, "PROPOSES", "out") & technique
    assert ids('{family: "PEFT", beats: "LoRA", extends: "LoRA"}') == (
        set(methods_in_family(g, "PEFT")) & _ends(g, lora, "OUTPERFORMS", "in") & _ends(g, lora, "EXTENDS", "in")
    )
    texts = {
        n: " ".join([d["name"], d["key"], *d.get("aliases", [])]).lower()
        for n, d in g.nodes(data=True)
        if n in technique
    }
    assert ids('{text: "lora"}') == {n for n, t in texts.items() if "lora" in t} != set()
    assert ids('{family: "no such family"}') == set() and ids('{beats: "no such method"}') == set()


def test_evaluated_on_filter_and_used_by_are_inverse(sample_api: Api) -> None:
    data = sample_api.data(
        "{ datasets(first: 100) { edges { node { name usedBy(first: 100) { edges { node { id } } } } } } "
        "benchmarks(first: 100) { edges { node { name usedBy(first: 100) { edges { node { id } } } } } } }"
    )
    pairs = [
        e["node"] for kind in ("datasets", "benchmarks") for e in data[kind]["edges"] if e["node"]["usedBy"]["edges"]
    ]
    assert pairs
    for node in pairs[:5]:
        users = {e["node"]["id"] for e in node["usedBy"]["edges"]}
        got = sample_api.data(
            "query($d: String!) { methods(filter: {evaluatedOn: $d}, first: 100) { edges { node { id } } } }",
            {"d": node["name"]},
        )
        assert {e["node"]["id"] for e in got["methods"]["edges"]} == users, node["name"]


def _evaluated_on(g: KnowledgeGraph, entities: set[str], via: tuple[str, ...]) -> set[str]:
    """Datasets/benchmarks of the papers that relate to ``entities`` by one of ``via``."""
    papers = {p for e in entities for rel in via for p in _ends(g, e, rel, "in")}
    return {d for p in papers for d in _ends(g, p, "EVALUATES_ON", "out")}


def test_datasets_and_benchmarks_filters(api: Api) -> None:
    g = api.graph

    def ids(filter_: str) -> set[str]:
        got = set()
        for kind in ("datasets", "benchmarks"):
            data = api.data(f"{{ {kind}(filter: {filter_}, first: 100) {{ edges {{ node {{ id label }} }} }} }}")[kind]
            assert all(e["node"]["label"] == kind[:-1].capitalize() for e in data["edges"])
            got |= {e["node"]["id"] for e in data["edges"]}
        return got

    uses = ("PROPOSES", "COMPARES_WITH")
    lora = find_entity(g, "LoRA")
    assert lora is not None
    assert ids('{usedByMethod: "LoRA"}') == _evaluated_on(g, {lora}, uses)
    peft = _evaluated_on(g, set(methods_in_family(g, "PEFT")), uses)
    assert ids('{usedByFamily: "PEFT"}') == peft != set()
    task = max(
        (n for n, d in g.nodes(data=True) if d["label"] == "Task"),
        key=lambda t: len(_evaluated_on(g, {t}, ("ADDRESSES",))),
    )
    by_task = _evaluated_on(g, {task}, ("ADDRESSES",))
    assert ids(f'{{task: "{g.nodes[task]["name"]}"}}') == by_task != set()
    assert ids(f'{{task: "{g.nodes[task]["name"]}", usedByFamily: "PEFT"}}') == by_task & peft
    assert ids('{usedByMethod: "no such method"}') == set()


def test_entity_papers_by_role(api: Api) -> None:
    g = api.graph
    data = api.data(
        "{ datasets(first: 100) { edges { node { id evaluated: papers(role: EVALUATES_ON, first: 100) "
        "{ totalCount } mentioned: papers(first: 100) { edges { node { id } } } } } } "
        "tasks(first: 100) { edges { node { id papers(role: ADDRESSES, first: 100) { totalCount } } } } }"
    )
    for edge in data["datasets"]["edges"]:
        node = edge["node"]
        assert node["evaluated"]["totalCount"] == len(_ends(g, node["id"], "EVALUATES_ON", "in"))
        assert {e["node"]["id"] for e in node["mentioned"]["edges"]} == _ends(g, node["id"], "MENTIONS", "in")
    for edge in data["tasks"]["edges"]:
        assert edge["node"]["papers"]["totalCount"] == len(_ends(g, edge["node"]["id"], "ADDRESSES", "in"))


def test_tasks_metrics_families_listings(api: Api) -> None:
    g = api.graph
    data = api.data(
        "{ tasks(first: 100) { totalCount } metrics(first: 100) { totalCount } families(first: 100) { totalCount "
        "edges { node { name members(first: 100) { totalCount edges { node { id } } } "
        "subfamilies { id } parents { id } } } } }"
    )
    for kind, label in (("tasks", "Task"), ("metrics", "Metric"), ("families", "Family")):
        assert data[kind]["totalCount"] == sum(1 for _, d in g.nodes(data=True) if d["label"] == label), kind
    peft = next(e["node"] for e in data["families"]["edges"] if e["node"]["name"] == "parameter-efficient fine-tuning")
    assert {e["node"]["id"] for e in peft["members"]["edges"]} == set(methods_in_family(g, "PEFT"))
    assert peft["subfamilies"] and all(p["id"] for p in peft["parents"])
    text = api.data('{ tasks(text: "retrieval", first: 100) { edges { node { name aliases } } } }')
    found = [e["node"] for e in text["tasks"]["edges"]]
    assert found and all(any("retrieval" in n.lower() for n in [t["name"], *t["aliases"]]) for t in found)


def test_claims_query(sample_api: Api) -> None:
    g = sample_api.graph
    lora = find_entity(g, "LoRA")
    assert lora is not None
    by_loser = sample_api.data(
        '{ claims(loser: "LoRA", first: 100) { totalCount edges { node { winner { id } loser { id } '
        "generic loserText metric confidence evidence paper { id } } } } }"
    )
    stored = sorted(
        (u, str(d.get("metric") or None), d["confidence"], d["evidence"], f"Paper:{d['paper']}")
        for u, _, d in g.in_edges(lora, data=True)
        if d["type"] == "OUTPERFORMS"
    )
    got = sorted(
        (c["winner"]["id"], str(c["metric"]), c["confidence"], c["evidence"], c["paper"]["id"])
        for c in (e["node"] for e in by_loser["claims"]["edges"])
    )
    assert got == stored and by_loser["claims"]["totalCount"] == len(stored)
    assert {e["node"]["loserText"] for e in by_loser["claims"]["edges"]} == {g.nodes[lora]["name"]}
    assert all(e["node"]["loser"]["id"] == lora and not e["node"]["generic"] for e in by_loser["claims"]["edges"])
    in_family = sample_api.data(
        '{ claims(family: "PEFT", loser: "LoRA", first: 100) { edges { node { winner { id } } } } }'
    )
    assert {e["node"]["winner"]["id"] for e in in_family["claims"]["edges"]} <= set(methods_in_family(g, "PEFT"))
    by_winner = sample_api.data('{ claims(winner: "AR2") { edges { node { winner { name } generic } } } }')
    assert by_winner["claims"]["edges"] and all(
        e["node"]["winner"]["name"] == "AR2" for e in by_winner["claims"]["edges"]
    )
    on_glue = sample_api.data('{ claims(loser: "LoRA", on: "GLUE") { edges { node { on } } } }')
    assert on_glue["claims"]["edges"] and all(
        "glue" in [o.lower() for o in e["node"]["on"]] for e in on_glue["claims"]["edges"]
    )
    assert "claims needs a winner, a loser or a family" in sample_api.errors("{ claims { totalCount } }")[0]


def test_search(api: Api) -> None:
    hits = api.data('{ search(text: "lora") { __typename id label name } }')["search"]
    assert any(h["id"] == find_entity(api.graph, "LoRA") for h in hits)
    assert all("lora" in h["name"].lower() or h["label"] != "Paper" for h in hits)
    families = api.data('{ search(text: "PEFT", types: [FAMILY]) { id label } }')["search"]
    assert families and families[0]["id"] == find_family(api.graph, "PEFT")
    assert api.data('{ search(text: "lora", first: 1) { id } }')["search"].__len__() == 1


def test_connection_paths(sample_api: Api) -> None:
    data = sample_api.data(
        '{ connection(from: "CorDA", to: "LoRA-SB", maxHops: 3) { length nodes { id name } '
        "relationships { type from { id } to { id } paper { id } evidence properties } } }"
    )
    paths = data["connection"]
    assert paths and len({p["length"] for p in paths}) == 1
    for path in paths:
        nodes = [n["id"] for n in path["nodes"]]
        assert nodes[0] == find_entity(sample_api.graph, "CorDA") and nodes[-1] == find_entity(
            sample_api.graph, "LoRA-SB"
        )
        for i, rel in enumerate(path["relationships"]):
            assert {rel["from"]["id"], rel["to"]["id"]} == {nodes[i], nodes[i + 1]}
            assert rel["type"] and isinstance(rel["properties"], dict)
    message = sample_api.errors('{ connection(from: "CorDA", to: "nothing by this name") { length } }')[0]
    assert "no node is named 'nothing by this name'" in message
