"""/cypher over HTTP: read queries answer rows and a graph; every write clause is refused before it runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _apikit import Api

WRITES = {
    "CREATE (n:X) RETURN n": "CREATE is a write clause",
    "MERGE (n:Method {name: 'x'}) RETURN n": "MERGE is a write clause",
    "MATCH (n) SET n.name = 'x' RETURN n": "SET is a write clause",
    "MATCH (n) DELETE n": "DELETE is a write clause",
    "MATCH (n) DETACH DELETE n": "DETACH DELETE is a write clause",
    "MATCH (n) REMOVE n.name RETURN n": "REMOVE is a write clause",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line": "LOAD CSV is refused",
    "// c\rLOAD CSV FROM 'file:///etc/passwd' AS l RETURN l[0]": "LOAD CSV is refused",
    "CALL dbms.listConfig()": "CALL dbms.listConfig is refused",
    "CALL apoc.create.node(['X'], {}) YIELD node RETURN node": "CALL apoc.create.node is refused",
    "INSERT (n:X)": "INSERT is a write clause",
    "SHOW USERS": "SHOW is an administration command",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'": "TERMINATE is an administration command",
    "MATCH (n) FOREACH (x IN [1] | SET n.y = x)": "FOREACH is a write clause",
    "MATCH (n) CALL { WITH n RETURN n AS m } IN TRANSACTIONS RETURN m": "CALL { … } IN TRANSACTIONS is a write clause",
    "USING PERIODIC COMMIT 500 LOAD CSV FROM 'x' AS line RETURN line": "USING PERIODIC COMMIT is a write clause",
    "DROP INDEX kg_name": "DROP is an administration command",
    "match (n) create (m)": "CREATE is a write clause",
}


def cypher(api: Api, query: str, params: object = None) -> tuple[int, dict[str, object]]:
    response = api.client.post("/cypher", json={"query": query, "params": params or {}})
    return response.status_code, dict(response.json())


@pytest.mark.parametrize("query", list(WRITES))
def test_write_clauses_are_refused_before_they_run(sample_api: Api, query: str) -> None:
    graph_file = sample_api.data_dir / "graph.json"
    before = graph_file.read_bytes()
    status, body = cypher(sample_api, query)
    assert status == 403, body
    error = body["error"]
    assert isinstance(error, dict) and error["kind"] == "refused"
    assert str(error["message"]).startswith(f"kg's console is read-only: {WRITES[query]}")
    assert graph_file.read_bytes() == before


def test_a_read_query_answers_columns_rows_and_a_graph(sample_api: Api) -> None:
    status, body = cypher(sample_api, "MATCH (m)-[r]->(n) RETURN m, r, n LIMIT 5")
    assert status == 200, body
    assert body["columns"] == ["m", "r", "n"] and len(body["rows"]) == 5 and body["truncated"] is False  # type: ignore[arg-type]
    rows = body["rows"]
    graph = body["graph"]
    assert isinstance(rows, list) and isinstance(graph, dict)
    for m, r, n in rows:
        assert m["kind"] == "node" and n["kind"] == "node" and r["kind"] == "relationship"
        assert (r["start"], r["end"]) == (m["id"], n["id"])
        assert sample_api.graph.has_edge(m["id"], n["id"])
        assert "__labels__" not in m["properties"] and m["labels"] == [sample_api.graph.nodes[m["id"]]["label"]]
    assert {e["id"] for e in graph["edges"]} == {row[1]["id"] for row in rows}
    assert {n["id"] for n in graph["nodes"]} == {row[i]["id"] for row in rows for i in (0, 2)}


def test_quoted_keywords_comments_and_properties_are_not_clauses(sample_api: Api) -> None:
    query = """// DELETE everything? no: this is a comment
    MATCH (m:Method) WHERE m.name <> "CREATE (x)" AND m.name <> 'SET' /* MERGE */ RETURN m.name AS delete LIMIT 2"""
    status, body = cypher(sample_api, query)
    assert status == 200, body
    assert body["columns"] == ["delete"] and len(body["rows"]) == 2  # type: ignore[arg-type]


def test_parameters_and_the_row_cap(sample_api: Api) -> None:
    status, body = cypher(sample_api, "MATCH (m) WHERE m.name = $name RETURN id(m)", {"name": "LoRA"})
    assert status == 200 and body["rows"] == [["Entity:lora"]], body
    edges = sample_api.graph.number_of_edges()
    assert edges > 1000
    status, body = cypher(sample_api, "MATCH (a)-[r]->(b) RETURN a.name")
    assert status == 200 and len(body["rows"]) == body["rowCap"] == 1000 and body["truncated"] is True  # type: ignore[arg-type]
    status, body = cypher(sample_api, "MATCH (a)-[r]->(b) RETURN COUNT(a)")
    assert body["rows"] == [[edges]], "aggregates count every match, not only the first row cap"


@pytest.mark.parametrize(
    ("query", "params", "kind", "words"),
    [
        ("MATCH (m) RETURN m.name = $missing", {}, "params", "no value given for $missing"),
        ("MATCH (m) WHERE m.name = $x RETURN m", {"x": {"a": 1}}, "params", "parameter $x is a map"),
        ("MATCH (m) WITH m RETURN m", {}, "syntax", "WITH is not supported by the embedded store's console"),
        ("MATCH (m RETURN m", {}, "syntax", "Cannot parse the query at line 1"),
        ("MATCH (m) WHERE m.name = 'open RETURN m", {}, "syntax", "unterminated string"),
    ],
)
def test_errors_say_what_to_change(
    sample_api: Api, query: str, params: dict[str, object], kind: str, words: str
) -> None:
    status, body = cypher(sample_api, query, params)
    error = body["error"]
    assert status == 400 and isinstance(error, dict) and error["kind"] == kind, body
    assert words in str(error["message"])


def test_malformed_requests(sample_api: Api) -> None:
    bad_json = sample_api.client.post("/cypher", content=b"{nope", headers={"content-type": "application/json"})
    assert bad_json.status_code == 400 and "must be JSON" in bad_json.json()["error"]["message"]
    assert sample_api.client.post("/cypher", json={"query": ""}).status_code == 400
    assert (
        sample_api.client.post("/cypher", json={"query": "MATCH (n) RETURN n", "params": [1]}).json()["error"]["kind"]
        == "params"
    )
    assert sample_api.client.put("/cypher", json={"query": "MATCH (n) RETURN n"}).status_code == 405


def test_get_says_what_runs_queries(sample_api: Api) -> None:
    info = sample_api.client.get("/cypher").json()
    assert info["readOnly"] is True and info["rowCap"] == 1000 and "grand-cypher" in info["engine"]
    assert "OPTIONAL MATCH" in info["subset"]


def test_pages_are_served_from_local_files(sample_api: Api) -> None:
    for path, script in (("/", "/static/explorer/main.js"), ("/console", "/static/console/main.js")):
        page = sample_api.client.get(path)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert f'src="{script}"' in page.text and "https://" not in page.text and "http://" not in page.text
        assert sample_api.client.get(script).status_code == 200
    for asset in ("/static/vendor/cytoscape.esm.min.js", "/static/vendor/cypher-editor.js"):
        response = sample_api.client.get(asset)
        assert response.status_code == 200, f"{asset} missing: run scripts/build-web"
        assert "javascript" in response.headers["content-type"] and len(response.content) > 100_000


def test_the_console_follows_a_new_graph_file(serve: object, sample_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "graph.json").write_bytes((sample_dir / "graph.json").read_bytes())
    api: Api = serve(tmp_path)  # type: ignore[operator]
    status, body = cypher(api, "MATCH (m:Method) RETURN COUNT(m)")
    assert status == 200 and body["rows"] != [[0]]
    (tmp_path / "graph.json").write_text(
        '{"directed": true, "multigraph": true, "graph": {}, "nodes": [], "edges": []}\n', encoding="utf-8"
    )
    status, body = cypher(api, "MATCH (m:Method) RETURN m.name")
    assert status == 200 and body["rows"] == [], body


def test_the_embedded_console_worker_has_a_memory_cap(
    serve: Any, sample_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A triple cartesian MATCH reached 6.4 GB within its 10 s (issue #12, finding 9); now it stops at the cap."""
    monkeypatch.setenv("KG_CONSOLE_MEMORY_MB", "700")
    api = serve(sample_dir)
    status, body = cypher(api, "MATCH (a) MATCH (b) MATCH (c) RETURN COUNT(a)")
    assert status == 400 and body["error"]["kind"] == "memory", body  # type: ignore[index]
    assert "700 MB" in str(body["error"]["message"])  # type: ignore[index]
    status, body = cypher(api, "MATCH (n:Paper) RETURN COUNT(n) AS papers")
    assert status == 200 and body["rows"][0][0] > 0, body  # type: ignore[index]


@pytest.mark.parametrize(
    "body",
    [b"\xff\xfe{not utf-8", b"[" * 60_000, b'{"query": "RETURN 1", "params": ' + b"[" * 30_000 + b"]" * 30_000 + b"}"],
)
def test_bad_bodies_get_a_400_with_one_line(sample_api: Api, body: bytes) -> None:
    response = sample_api.client.post("/cypher", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400, response.text
    assert "\n" not in response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("params", "says"),
    [
        ({"n": 10**30}, "64-bit"),
        ({"n": [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]}, "nests"),
        ({"n": -(10**19)}, "64-bit"),
    ],
)
def test_parameters_a_store_cannot_take_get_a_400(sample_api: Api, params: dict[str, Any], says: str) -> None:
    status, body = cypher(sample_api, "MATCH (n) WHERE n.x = $n RETURN n LIMIT 1", params)
    assert status == 400 and body["error"]["kind"] == "params" and says in str(body["error"]["message"]), body  # type: ignore[index]
