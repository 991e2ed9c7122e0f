"""A GraphQL request that runs over its time budget gets a readable error, not a hung connection."""

from __future__ import annotations

import time

import pytest
from _apikit import Api

from kg.api import ide

HEAVY = (
    "{ methods(first: 100) { edges { node { name papers(first: 100) { edges { node { title "
    "proposes { name papers(first: 100) { totalCount } } } } } } } } }"
)


def test_a_request_over_budget_is_stopped(gold_api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "methods" in gold_api.data(HEAVY)  # within the default budget
    monkeypatch.setattr(ide, "TIME_BUDGET_S", 0.001)
    start = time.perf_counter()
    response = gold_api.client.post("/graphql", json={"query": HEAVY})
    assert time.perf_counter() - start < 1.0
    assert response.status_code == 200
    body = response.json()
    assert body["data"] is None
    assert body["errors"][0]["message"] == (
        "the request ran over its 0.001 s time budget and was stopped; ask for less (a smaller first, fewer levels)"
    )
    monkeypatch.undo()
    assert "methods" in gold_api.data(HEAVY)
