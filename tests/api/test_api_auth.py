"""KG_API_TOKEN: the console needs the bearer token on a shared server; reads stay open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


def test_console_needs_the_token_when_one_is_set(
    serve: Any, sample_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_API_TOKEN", "s3cret-token")
    api = serve(sample_dir)
    query = {"query": "MATCH (n) RETURN n LIMIT 1", "params": {}}
    refused = api.client.post("/cypher", json=query)
    assert refused.status_code == 401
    assert "Authorization: Bearer" in refused.json()["error"]["message"]
    wrong = api.client.post("/cypher", json=query, headers={"authorization": "Bearer nope"})
    assert wrong.status_code == 401
    ok = api.client.post("/cypher", json=query, headers={"authorization": "Bearer s3cret-token"})
    assert ok.status_code == 200 and "rows" in ok.json()
    graphql = api.client.post("/graphql", json={"query": "{ families { name } }"})
    assert graphql.status_code == 200


def test_without_a_token_the_console_is_open_and_cors_is_off(
    serve: Any, sample_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KG_API_TOKEN", raising=False)
    api = serve(sample_dir)
    response = api.client.post(
        "/cypher", json={"query": "MATCH (n) RETURN n LIMIT 1", "params": {}}, headers={"origin": "http://evil.test"}
    )
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
