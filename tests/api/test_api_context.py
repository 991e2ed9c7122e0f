"""Batching: a request costs the same number of store round trips whatever the page size."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pytest
from _apikit import Api

from kg.graph.reads import GraphReads

NESTED_METHODS = """query($n: Int!) { methods(filter: {family: "PEFT"}, first: $n) { totalCount edges { node { name
  outperforms { evidence winner { name } loser { name } paper { title } }
  outperformedBy { evidence winner { name } paper { title } }
  comparableTo { other { name } paper { title } }
  extends { base { name } } extendedBy { extension { name } }
  families { name } proposedIn { title } evaluatedOn { name }
  papers(first: 2) { totalCount edges { node { title } } } } } } }"""

NESTED_PAPERS = """query($n: Int!) { papers(first: $n) { totalCount edges { node { title
  proposes { name } evaluatesOn { name } addresses { name } reports { name } comparesWith { name }
  mentions(first: 3) { edges { node { name } } }
  claims { evidence winner { name } loser { name } paper { title } } } } } }"""

MAX_ROUND_TRIPS = 16


def _trips(api: Api, query: str, n: int) -> tuple[int, int, int]:
    """(round trips the response reports, calls the server's reads saw, rows on the page)."""
    seen: list[str] = []
    originals = {name: getattr(api.reads, name) for name in READ_METHODS}
    for name, method in originals.items():  # the server's own reads object, each call noted here
        setattr(api.reads, name, functools.partial(_noted, seen, name, method))
    try:
        body = api.post(query, {"n": n})
    finally:
        for name in originals:
            delattr(api.reads, name)
    assert "errors" not in body, body["errors"]
    rows = len(next(iter(body["data"].values()))["edges"])
    return body["extensions"]["roundTrips"], len(seen), rows


READ_METHODS = [name for name in dir(GraphReads) if not name.startswith("_") and name != "kind"]


def _noted(seen: list[str], name: str, method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    seen.append(name)
    return method(*args, **kwargs)


@pytest.mark.parametrize("query", [NESTED_METHODS, NESTED_PAPERS], ids=["methods", "papers"])
def test_page_size_does_not_change_round_trips(api: Api, query: str) -> None:
    small, small_seen, small_rows = _trips(api, query, 5)
    large, large_seen, large_rows = _trips(api, query, 50)
    assert small_rows == 5 and large_rows > 5
    assert small == large <= MAX_ROUND_TRIPS
    assert small_seen == small and large_seen == large


def test_the_headline_query_costs_a_handful_of_round_trips(sample_api: Api) -> None:
    body = sample_api.post(
        '{ methods(filter: {family: "PEFT", beats: "LoRA"}) { edges { node { name '
        'outperforms(loser: "LoRA") { evidence paper { id title } } } } } }'
    )
    assert body["extensions"]["roundTrips"] <= 8
