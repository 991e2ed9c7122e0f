"""Malformed /graphql bodies get a 400 with one readable line, never a 500 with a traceback."""

from __future__ import annotations

import json
import time

import pytest
from _apikit import Api

from kg.api.ide import MAX_JSON_DEPTH

JSON = {"content-type": "application/json"}


def nested_variables(depth: int) -> bytes:
    return b'{"query": "query($f: MethodFilter) { methods(filter: $f) { totalCount } }", "variables": {"f": ' + (
        b'{"a": ' * depth + b"1" + b"}" * depth + b"}}"
    )


@pytest.mark.parametrize(
    "body, expected",
    [
        (b'{"query": "{ tasks { totalCount } }\xff\xfe"}', "request body is not valid UTF-8 (byte 0xff at offset 35)"),
        (b"[" * 60_000, f"JSON nested deeper than {MAX_JSON_DEPTH} levels"),
        (b"{" * 30_000, f"JSON nested deeper than {MAX_JSON_DEPTH} levels"),
        (nested_variables(5_000), f"JSON nested deeper than {MAX_JSON_DEPTH} levels"),
        (b'{"query": "{ tasks { totalCount } }"', "invalid JSON: Expecting ',' delimiter: line 1 column 37 (char 36)"),
        (b'"{ tasks { totalCount } }"', "request body must be a JSON object"),
        (b"42", "request body must be a JSON object"),
        (b"null", "request body must be a JSON object"),
        (b'{"query": "{ tasks { totalCount } }", "variables": [1, 2]}', "`variables` must be an object or null"),
        (b'{"query": "{ tasks { totalCount } }", "variables": "x"}', "`variables` must be an object or null"),
        (b'{"query": 5}', "`query` must be a string or null"),
        (b"[]", "Batching is not enabled"),
        (b'{"query": "' + b'\\"' * 30_000, "invalid JSON: Unterminated string starting at: line 1 column 11 (char 10)"),
    ],
)
def test_bad_bodies_get_a_400_with_one_line(sample_api: Api, body: bytes, expected: str) -> None:
    start = time.perf_counter()
    response = sample_api.client.post("/graphql", content=body, headers=JSON)
    assert time.perf_counter() - start < 0.5
    assert response.status_code == 400, response.text[:500]
    assert expected in response.text and "\n" not in response.text.strip() and len(response.text) < 300, response.text


def test_bad_variables_by_get_get_a_400(sample_api: Api) -> None:
    query = "query($n: Int!) { tasks(first: $n) { totalCount } }"
    deep = sample_api.client.get("/graphql", params={"query": query, "variables": "[" * 10_000})
    assert deep.status_code == 400 and f"nested deeper than {MAX_JSON_DEPTH} levels" in deep.text
    broken = sample_api.client.get("/graphql", params={"query": query, "variables": "{nope"})
    assert broken.status_code == 400 and "invalid JSON" in broken.text
    good = sample_api.client.get("/graphql", params={"query": query, "variables": json.dumps({"n": 1})})
    assert good.status_code == 200 and "errors" not in good.json()


def test_json_just_inside_the_nesting_limit_is_fine(sample_api: Api) -> None:
    """Nesting within the limit, and brackets inside strings, are not refused."""
    inside = nested_variables(MAX_JSON_DEPTH - 4)
    response = sample_api.client.post("/graphql", content=inside, headers=JSON)
    assert response.status_code == 200 and "errors" in response.json()  # a GraphQL error about the filter, not a 400
    brackets = json.dumps({"query": '{ tasks(text: "' + "[{" * 1000 + '") { totalCount } }'})
    response = sample_api.client.post("/graphql", content=brackets, headers=JSON)
    assert response.status_code == 200 and "errors" not in response.json()
