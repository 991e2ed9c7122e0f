"""The API on Neo4j answers exactly as on the embedded store: same GraphQL answers, same reads, a read-only console.

Both stores are loaded from the same gold dev records (as tests/store/test_store_parity.py
does) and served by real uvicorn servers; Neo4j is the real server at NEO4J_URI (a down
server FAILS these tests). The outage test runs its own server (scripts/neo4j, port
KG_TEST_NEO4J_DOWN_PORT, default 7689), stops it under a running app and starts it again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _apikit import Served, eventually
from _apineo4j import DOWN_PORT, OwnNeo4j, load_gold, settings

from kg.api import create_app, embedded_reads
from kg.api.neo4j import Neo4jReadsFactory, neo4j_reads
from kg.graph.reads import NAMED_LABELS, GraphReads, Related, encode_cursor
from kg.store.embedded_reads import NetworkxReads
from kg.store.neo4j.reads import Neo4jReads


class Server(Served):
    """A real uvicorn server on a free port running ``app``, with a client."""

    def data(self, query: str) -> dict[str, Any]:
        response = self.client.post("/graphql", json={"query": query})
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, json.dumps(body["errors"], indent=1)
        return dict(body)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Neo4jReadsFactory]]:
    """(embedded data dir, Neo4j reads factory) over the same gold graph."""
    data_dir = tmp_path_factory.mktemp("neo4j-parity")
    load_gold(data_dir, settings())
    factory = neo4j_reads(settings())
    yield data_dir, factory
    factory.close()


@pytest.fixture(scope="module")
def servers(loaded: tuple[Path, Neo4jReadsFactory]) -> Iterator[tuple[Server, Server]]:
    data_dir, factory = loaded
    pair = (Server(create_app(embedded_reads(data_dir))), Server(create_app(factory)))
    yield pair
    for server in pair:
        server.close()


HEADLINE = """{ methods(filter: {family: "PEFT", beats: "LoRA"}) { totalCount
  edges { cursor node { id name label outperforms(loser: "LoRA") { evidence confidence paper { id } } } } } }"""

QUERIES = {
    "headline": HEADLINE,
    "paper": """{ papers(first: 3) { edges { node { id } } } }""",
    "papers": """{ papers(first: 50) { totalCount pageInfo { endCursor hasNextPage }
      edges { cursor node { id title } } } }""",
    "papers_text": """{ papers(filter: {text: "low-rank"}, first: 50) { totalCount edges { node { id } } } }""",
    "method_alias": """{ a: method(name: "Low-Rank Adaptation") { id name key aliases label }
      b: entity(name: "low rank adaptations") { id }
      c: family(name: "parameter-efficient fine-tuning") { id name } }""",
    "methods": """{ methods(first: 100) { totalCount edges { node { id name } } } }""",
    "datasets": """{ datasets(first: 100) { totalCount edges { node { id name aliases } } } }""",
    "benchmarks": """{ benchmarks(first: 100) { totalCount edges { node { id name } } } }""",
    "tasks": """{ tasks(first: 100) { totalCount edges { node { id name } } } }""",
    "tasks_text": """{ tasks(text: "question", first: 100) { totalCount edges { node { id name } } } }""",
    "metrics": """{ metrics(first: 100) { totalCount edges { node { id name } } } }""",
    "families": """{ families(first: 100) { totalCount edges { node { id name } } } }""",
    "claims": """{ claims(loser: "LoRA", first: 100) { totalCount edges { node { winner { id } loser { id }
      loserText generic paper { id } on metric evidence confidence } } } }""",
    "claims_family": """{ claims(family: "PEFT", first: 100) { totalCount
      edges { node { winner { id } loserText paper { id } } } } }""",
    "search": """{ a: search(text: "lora") { id label name } b: search(text: "PEFT", types: [FAMILY]) { id }
      c: search(text: "glue", first: 5) { id } d: search(text: "nothing like this") { id } }""",
    "connection": """{ connection(from: "LoRA", to: "GLUE", maxHops: 3) { length nodes { id }
      relationships { type from { id } to { id } paper { id } evidence } } }""",
}


def _normalised(body: dict[str, Any]) -> str:
    """The response without its timing; lists keep their order (the API promises one)."""
    return json.dumps(body.get("data"), sort_keys=True)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_same_graphql_answers_on_both_stores(servers: tuple[Server, Server], name: str) -> None:
    embedded, neo4j = servers
    ours, theirs = neo4j.data(QUERIES[name]), embedded.data(QUERIES[name])
    assert _normalised(ours) == _normalised(theirs)
    assert json.dumps(theirs["data"]).count('"id"') > 0 or name == "search"


def test_headline_finds_lora_sb_on_neo4j_within_few_round_trips(servers: tuple[Server, Server]) -> None:
    embedded, neo4j = servers
    body = neo4j.data(HEADLINE)
    names = {e["node"]["name"] for e in body["data"]["methods"]["edges"]}
    assert "LoRA-SB" in names
    assert all(
        c["paper"]["id"].startswith("Paper:")
        for e in body["data"]["methods"]["edges"]
        for c in e["node"]["outperforms"]
    )
    assert body["extensions"]["roundTrips"] == embedded.data(HEADLINE)["extensions"]["roundTrips"] <= 8


def test_round_trips_do_not_grow_with_page_size(servers: tuple[Server, Server]) -> None:
    _, neo4j = servers
    query = "{ methods(first: %d) { edges { node { name papers(first: 3) { edges { node { id } } } } } } }"
    small, large = neo4j.data(query % 5)["extensions"]["roundTrips"], neo4j.data(query % 50)["extensions"]["roundTrips"]
    assert small == large <= 16


BENCHMARK_SHAPES = {
    "family_beats": """{ methods(filter: {family: "PEFT", beats: "LoRA"}, first: %d) { totalCount
      edges { node { name outperforms(loser: "LoRA") { evidence paper { id title } } } } } }""",
    "family_members_claims": """{ family(name: "PEFT") { members(first: %d) { totalCount
      edges { node { name outperforms { evidence loserText loser { name } paper { id title } } } } } } }""",
}


@pytest.mark.parametrize("name", sorted(BENCHMARK_SHAPES))
def test_the_benchmark_queries_cost_four_round_trips_at_any_page_size(
    servers: tuple[Server, Server], name: str
) -> None:
    """Name lookup, the page cut by the server (filters and family traversal included), claims, their papers."""
    embedded, neo4j = servers
    for first in (2, 5, 50):
        body = neo4j.data(BENCHMARK_SHAPES[name] % first)
        assert (
            body["extensions"]["roundTrips"]
            == embedded.data(BENCHMARK_SHAPES[name] % first)["extensions"]["roundTrips"]
            == 4
        )
        assert _normalised(body) == _normalised(embedded.data(BENCHMARK_SHAPES[name] % first))


@pytest.fixture(scope="module")
def reads_pair(loaded: tuple[Path, Neo4jReadsFactory]) -> tuple[GraphReads, GraphReads]:
    data_dir, factory = loaded
    return embedded_reads(data_dir)(), factory()


def test_every_read_primitive_agrees(reads_pair: tuple[NetworkxReads, Neo4jReads]) -> None:
    embedded, neo4j = reads_pair
    labels = sorted({r.label for r in embedded.list_nodes(NAMED_LABELS, first=10_000)[0]})
    everything = [r.id for label in [*labels, "Paper"] for r in embedded.list_nodes([label], first=10_000)[0]]
    sample = [*everything[::7], "Entity:nothing", "Nonsense", "Paper:none"]
    assert neo4j.get_nodes(sample) == embedded.get_nodes(sample)
    assert {k: v.props for k, v in neo4j.get_nodes(sample).items()} == {
        k: v.props for k, v in embedded.get_nodes(sample).items()
    }
    for direction in ("out", "in", "both"):
        for types in (None, ["OUTPERFORMS", "MENTIONS"], []):
            ours, theirs = neo4j.edges(sample, types, direction), embedded.edges(sample, types, direction)  # type: ignore[arg-type]
            assert ours == theirs and [[e.props for e in v] for v in ours.values()] == [
                [e.props for e in v] for v in theirs.values()
            ]
    names = [
        str(n)
        for r in embedded.get_nodes(everything).values()
        if r.label != "Paper"
        for n in (r.name, *r.props.get("aliases", []))
    ]
    names += ["LoRA", "low rank adaptation", "LORA", "loras", "PEFT", "nothing like this", "", "-"]
    for wanted in (None, ["Method", "Model"], ["Family"], ["Dataset"]):
        assert neo4j.resolve(names, wanted) == embedded.resolve(names, wanted)
    pages = [
        (["Method", "Model"], None, None),
        (["Paper"], "low rank", None),
        (["Task"], None, everything[::3]),
        (["Family"], "", None),
    ]
    for page_labels, text, ids in pages:
        cursor = None
        for _ in range(4):
            ours_page, theirs_page = (
                neo4j.list_nodes(page_labels, text, ids, 7, cursor),
                embedded.list_nodes(page_labels, text, ids, 7, cursor),
            )
            assert ours_page == theirs_page
            if not ours_page[0]:
                break
            cursor = encode_cursor(ours_page[0][-1].sort_key)
    families = [r.id for r in embedded.list_nodes(["Family"], first=1000)[0]] + ["Family:nothing", "Entity:lora"]
    assert neo4j.family_members(families) == embedded.family_members(families)
    peft = neo4j.resolve(["PEFT"], ["Family"])["PEFT"]
    assert peft is not None and "Entity:lora" in neo4j.family_members([peft])[peft]
    for text in ("lora", "LoRA", "low rank", "glue", "PEFT", "", "??", "adaptation"):
        for search_labels in (None, ["Family"], ["Dataset", "Benchmark"]):
            assert neo4j.search(text, search_labels, 30) == embedded.search(text, search_labels, 30)
    lora, glue = neo4j.resolve(["LoRA"])["LoRA"], neo4j.resolve(["GLUE"])["GLUE"]
    assert lora and glue
    ends = [lora, glue, peft, everything[0], everything[-1], everything[len(everything) // 2], "Entity:nothing"]
    for a in ends:
        for b in ends:
            for hops, limit in ((1, 10), (3, 10), (4, 3), (0, 5)):
                assert neo4j.shortest_paths(a, b, hops, limit) == embedded.shortest_paths(a, b, hops, limit), (
                    a,
                    b,
                    hops,
                )
    assert neo4j.shortest_paths(lora, glue, 3, 10)


def test_the_pushed_down_reads_agree(reads_pair: tuple[NetworkxReads, Neo4jReads]) -> None:
    """lookup, neighbours, member_pages and list_related: filtering, counting and paging done by the server."""
    embedded, neo4j = reads_pair
    labels = sorted({r.label for r in embedded.list_nodes(NAMED_LABELS, first=10_000)[0]})
    everything = [r.id for label in [*labels, "Paper"] for r in embedded.list_nodes([label], first=10_000)[0]]
    sample = [*everything[::5], "Entity:nothing", "Nonsense", "Paper:none"]
    names = [
        str(n)
        for r in embedded.get_nodes(everything[::3]).values()
        if r.label != "Paper"
        for n in (r.name, *r.props.get("aliases", []))
    ]
    names += ["LoRA", "low rank adaptation", "LORA", "loras", "PEFT", "nothing like this", "", "-"]
    requests = [(n, tuple(sorted(ls))) for n in names for ls in ((), ("Method", "Model"), ("Family",), ("Dataset",))]
    assert neo4j.lookup(requests) == embedded.lookup(requests)
    assert {k: r.props for k, r in neo4j.lookup(requests).items() if r} == {
        k: r.props for k, r in embedded.lookup(requests).items() if r
    }
    for direction in ("out", "in", "both"):
        for types in (None, ["OUTPERFORMS", "MENTIONS"], ["IS_A"], []):
            assert neo4j.neighbours(sample, types, direction) == embedded.neighbours(sample, types, direction)  # type: ignore[arg-type]
    families = [r.id for r in embedded.list_nodes(["Family"], first=1000)[0]] + ["Family:nothing", "Entity:lora"]
    for first in (0, 3, 100):
        cursor = None
        for _ in range(3):
            ours, theirs = neo4j.member_pages(families, first, cursor), embedded.member_pages(families, first, cursor)
            assert ours == theirs and [[r.props for r in p] for p, _ in ours.values()] == [
                [r.props for r in p] for p, _ in theirs.values()
            ]
            longest = max(theirs.values(), key=lambda page: len(page[0]))[0]
            if not longest:
                break
            cursor = encode_cursor(longest[-1].sort_key)
    lora, glue = embedded.resolve(["LoRA"])["LoRA"], embedded.resolve(["GLUE"])["GLUE"]
    peft = embedded.resolve(["PEFT"], ["Family"])["PEFT"]
    assert lora and glue and peft
    paper = next(r.id for r in embedded.list_nodes(["Paper"], first=1)[0])
    relateds = [
        Related(family=peft),
        Related(family=peft, links=((lora, ("OUTPERFORMS",), "in"),)),
        Related(links=((lora, ("OUTPERFORMS",), "in"),)),
        Related(links=((lora, ("COMPARABLE_TO",), "both"), (lora, ("EXTENDS",), "in"))),
        Related(links=((glue, ("EVALUATES_ON",), "in"),)),
        Related(links=((paper, ("PROPOSES", "MENTIONS"), "out"),)),
        Related(family=peft, ids=frozenset(everything[::2])),
        Related(links=((lora, ("OUTPERFORMS",), "in"),), ids=frozenset(everything[::2])),
        Related(ids=frozenset(everything[::3])),
        Related(),
        Related(family="Family:nothing"),
        Related(family=lora),
        Related(links=(("Entity:nothing", ("OUTPERFORMS",), "in"),)),
    ]
    for related in relateds:
        for listing in (["Method", "Model"], ["Paper"], ["Dataset", "Benchmark"], NAMED_LABELS):
            for text in (None, "lora", "low rank"):
                cursor = None
                for _ in range(3):
                    ours_page, theirs_page = (
                        neo4j.list_related(listing, related, text, 4, cursor),
                        embedded.list_related(listing, related, text, 4, cursor),
                    )
                    assert ours_page == theirs_page, (related, listing, text)
                    if not ours_page[0]:
                        break
                    cursor = encode_cursor(ours_page[0][-1].sort_key)


def test_console_on_neo4j_reads_and_refuses_writes(servers: tuple[Server, Server]) -> None:
    _, neo4j = servers
    info = neo4j.client.get("/cypher").json()
    assert info["engine"].startswith("Neo4j") and info["readOnly"] is True
    ask = lambda q, p=None: neo4j.client.post("/cypher", json={"query": q, "params": p or {}})  # noqa: E731
    response = ask(
        "MATCH (w:Entity)-[r:OUTPERFORMS]->(l:Entity {key: $loser}) "
        "RETURN w, r, l.name AS loser ORDER BY w.key LIMIT 5",
        {"loser": "lora"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["columns"] == ["w", "r", "loser"] and len(body["rows"]) == 5 and not body["truncated"]
    winner, rel, loser = body["rows"][0]
    assert winner["kind"] == "node" and winner["id"].startswith("Entity:") and loser == "LoRA"
    assert rel["kind"] == "relationship" and rel["end"] == "Entity:lora" and rel["start"] == winner["id"]
    assert rel["id"].startswith(f"{rel['start']}->{rel['end']}#") and rel["properties"]["type"] == "OUTPERFORMS"
    node_ids = {n["id"] for n in body["graph"]["nodes"]}
    assert "Entity:lora" in node_ids and all(
        e["source"] in node_ids and e["target"] in node_ids for e in body["graph"]["edges"]
    )
    capped = ask("MATCH ()-[r]->() RETURN type(r) AS type").json()
    assert len(capped["rows"]) == 1000 and capped["truncated"] is True
    count = lambda: ask("MATCH (n) RETURN count(n) AS n").json()["rows"][0][0]  # noqa: E731
    before = count()
    refused = ask("CREATE (n) RETURN n")
    assert refused.status_code == 403 and "read-only" in refused.json()["error"]["message"]
    assert count() == before
    bad = ask("MATCH (n RETURN n")
    assert bad.status_code == 400 and bad.json()["error"]["kind"] == "syntax"


def test_read_mode_stops_a_write_the_guard_misses(loaded: tuple[Path, Neo4jReadsFactory]) -> None:
    from kg.api.console.errors import CypherRefused
    from kg.api.console.neo4j import Neo4jCypher

    _, factory = loaded
    runner = Neo4jCypher(factory.driver, factory.settings.database)  # the bare runner: no guard in front
    before = runner.run("MATCH (n) RETURN count(n) AS n", {}).rows[0][0]
    with pytest.raises(CypherRefused, match="read-only"):
        runner.run("CREATE (n:Sneaky) RETURN n", {})
    assert runner.run("MATCH (n) RETURN count(n) AS n", {}).rows[0][0] == before


def test_503_while_neo4j_is_down_then_recovers(own_neo4j: OwnNeo4j, tmp_path: Path) -> None:
    own = settings(f"bolt://127.0.0.1:{DOWN_PORT}")
    load_gold(tmp_path / "embedded", own)
    factory = neo4j_reads(own)
    server = Server(create_app(factory))
    query = '{ method(name: "LoRA") { id } }'
    try:
        assert server.data(query)["data"]["method"]["id"] == "Entity:lora"
        own_neo4j("stop")
        down = server.client.post("/graphql", json={"query": query})
        assert down.status_code == 503, down.text
        assert f"cannot reach Neo4j at {own.uri}" in down.text and "\n" not in down.text.strip()
        assert eventually(lambda: server.client.get("/healthz").status_code == 503)
        assert server.client.post("/cypher", json={"query": "RETURN 1 AS one"}).status_code == 503
        own_neo4j("start-keep")
        assert server.data(query)["data"]["method"]["id"] == "Entity:lora"
        assert eventually(lambda: server.client.get("/healthz").json() == {"status": "ok", "store": "neo4j"})
    finally:
        server.close()
        factory.close()
