"""KG_API_TOKEN: the console needs the bearer token on a shared server; reads stay open."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest


def test_console_needs_the_token_when_one_is_set(serve: Any, sample_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
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


METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"]
SLOW = {"query": "MATCH (a) MATCH (b) MATCH (c) RETURN COUNT(a)", "params": {}}


def _paths(app: Any) -> list[str]:
    """Every path the app routes, mounts included (a static file stands for its mount)."""
    paths = []
    for route in app.routes:
        path = getattr(route, "path", "")
        paths.append(path + "/common/kg.css" if path == "/static" else path)
    return paths


def test_every_route_and_method_of_a_protected_path_needs_the_token(
    serve: Any, sample_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All routes x methods without the token: /cypher is 401 whatever the method; nothing else is a 5xx."""
    from kg.api import create_app, embedded_reads
    from kg.api.auth import PROTECTED

    monkeypatch.setenv("KG_API_TOKEN", "s3cret-token")
    api = serve(sample_dir)
    paths = _paths(create_app(embedded_reads(sample_dir)))
    assert set(PROTECTED) <= set(paths) and "/graphql" in paths
    for path in paths:
        for method in METHODS:
            for variant in (path, path + "/", path.upper()):
                response = api.client.request(method, variant, json=SLOW)
                where = f"{method} {variant}"
                if path in PROTECTED and variant != path.upper():
                    assert response.status_code == 401, where
                assert response.status_code < 500, where


def test_head_with_a_body_never_runs_the_query(serve: Any, sample_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """HEAD rode on the GET route and ran the body's query without the token (issue #12, finding 2)."""
    monkeypatch.setenv("KG_API_TOKEN", "s3cret-token")
    api = serve(sample_dir)
    assert api.client.request("HEAD", "/cypher", json=SLOW).status_code == 401
    monkeypatch.delenv("KG_API_TOKEN")
    open_api = serve(sample_dir)
    started = time.monotonic()
    head = open_api.client.request("HEAD", "/cypher", json=SLOW)
    get = open_api.client.get("/cypher")
    assert time.monotonic() - started < 2  # the cartesian product was not run
    assert head.status_code == 200 and head.headers["content-length"] == get.headers["content-length"]
    assert "engine" in get.json()
