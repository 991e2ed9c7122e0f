"""Abusive queries are refused with a clear error before they reach the store; internal errors are masked."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from _apikit import Api

from kg.store.serialize import write_json_atomic


def test_depth_limit(sample_api: Api) -> None:
    deep = (
        "{ methods { edges { node { outperforms { winner { ... on Technique { outperforms { loser { "
        "... on Technique { outperforms { paper { mentions { edges { node { name } } } } } } } } } } } } } } }"
    )
    (message,) = sample_api.errors(deep)
    assert "exceeds maximum operation depth of 10" in message
    ok = (
        "{ methods { edges { node { outperforms { winner { ... on Technique { outperformedBy { paper { title } "
        "} } } } } } } }"
    )
    assert "methods" in sample_api.data(ok)


def test_alias_limit(sample_api: Api) -> None:
    many = "{ " + " ".join(f'a{i}: method(name: "LoRA") {{ id }}' for i in range(21)) + " }"
    assert "21 aliases found. Allowed: 20" in sample_api.errors(many)[0]
    assert len(sample_api.data(many.replace('a20: method(name: "LoRA") { id }', ""))) == 20


@pytest.mark.parametrize(
    "query, variables, expected",
    [
        ("{ methods(first: 101) { totalCount } }", None, "first must be between 0 and 100, got 101"),
        ("{ methods(first: -1) { totalCount } }", None, "first must be between 0 and 100, got -1"),
        (
            "query($n: Int!) { papers(first: $n) { totalCount } }",
            {"n": 1000},
            "first must be between 0 and 100, got 1000",
        ),
        ("query($n: Int = 500) { tasks(first: $n) { totalCount } }", None, "first must be between 0 and 100, got 500"),
        ('{ family(name: "PEFT") { members(first: 200) { totalCount } } }', None, "got 200"),
        (
            '{ connection(from: "LoRA", to: "CorDA", maxHops: 7) { length } }',
            None,
            "maxHops must be between 0 and 6, got 7",
        ),
    ],
)
def test_argument_caps(sample_api: Api, query: str, variables: dict[str, int] | None, expected: str) -> None:
    messages = sample_api.errors(query, variables)
    assert any(expected in m for m in messages), messages
    assert "pageInfo.endCursor" in messages[0] or "maxHops" in expected


def test_first_at_the_cap_is_fine(sample_api: Api) -> None:
    assert len(sample_api.data("{ methods(first: 100) { edges { cursor } } }")["methods"]["edges"]) == 100


def test_body_size_limit(sample_api: Api) -> None:
    padding = " " * (64 * 1024)
    response = sample_api.client.post("/graphql", json={"query": "{ tasks { totalCount } }" + padding})
    assert response.status_code == 413 and "request body over 65536 bytes" in response.json()["errors"][0]["message"]

    def chunks() -> Iterator[bytes]:  # no content-length: the limit counts what streams in
        yield b'{"query": "{ tasks { totalCount } }'
        for _ in range(70):
            yield b" " * 1024
        yield b'"}'

    streamed = sample_api.client.post("/graphql", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413
    padded = {"query": "{ tasks { totalCount } }" + " " * 1000}
    assert sample_api.client.post("/graphql", json=padded).status_code == 200


def test_query_string_limit(serve: object, sample_dir: Path) -> None:
    small: Api = serve(sample_dir, max_body_bytes=1024)  # type: ignore[operator]
    long_get = small.client.get("/graphql", params={"query": "{ tasks { totalCount } }" + " " * 2000})
    assert long_get.status_code == 414 and "send the query in a POST body" in long_get.json()["errors"][0]["message"]
    assert small.client.get("/graphql", params={"query": "{ tasks { totalCount } }"}).status_code == 200


def test_internal_errors_are_masked_and_logged(serve: object, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    write_json_atomic(
        tmp_path / "graph.json",
        {
            "directed": True,
            "multigraph": True,
            "graph": {},
            "nodes": [
                {"node_id": "Paper:p1", "label": "Paper", "id": "p1", "title": "T", "abstract": "A", "authors": 5}
            ],
            "edges": [],
        },
    )
    api: Api = serve(tmp_path)  # type: ignore[operator]
    response = api.client.post("/graphql", json={"query": '{ paper(id: "p1") { title authors } }'})
    body = response.json()
    assert body["errors"][0]["message"] == "Internal error; the server log has the details."
    assert "not iterable" not in json.dumps(body) and body["data"] == {"paper": None}
    assert any("not iterable" in r.getMessage() or "not iterable" in str(r.exc_info) for r in caplog.records)
    assert api.data('{ paper(id: "p1") { title } }') == {"paper": {"title": "T"}}


def test_user_errors_are_neither_masked_nor_logged(sample_api: Api, caplog: pytest.LogCaptureFixture) -> None:
    (message,) = sample_api.errors('{ connection(from: "nowhere-at-all", to: "LoRA") { length } }')
    assert message.startswith("no node is named 'nowhere-at-all'")
    sample_api.errors("{ methods(first: 1000) { totalCount } }")
    assert not [r for r in caplog.records if r.name.startswith("strawberry")]
