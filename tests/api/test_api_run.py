"""run_query: the in-process path ``kg query`` takes, answering like the HTTP endpoint."""

from __future__ import annotations

import pytest
from _apikit import Api

from kg.api import parse_variables, run_query
from kg.api.errors import ApiError


def test_run_query_answers_like_http(sample_api: Api) -> None:
    query = "query($n: String!) { method(name: $n) { name outperforms { evidence } } }"
    local = run_query(query, {"n": "LoRA-SB"}, sample_api.reads)
    remote = sample_api.post(query, {"n": "LoRA-SB"})
    assert local["data"] == remote["data"] and local["data"]["method"]["name"] == "LoRA-SB"
    assert local["extensions"]["roundTrips"] == remote["extensions"]["roundTrips"] > 0


def test_run_query_reports_errors(sample_api: Api) -> None:
    result = run_query("{ methods(first: 1000) { totalCount } }", None, sample_api.reads)
    assert result["data"] is None and "first must be between 0 and 100" in result["errors"][0]["message"]
    assert "locations" in result["errors"][0]


def test_parse_variables() -> None:
    assert parse_variables(["n=5", "name=LoRA", 'quoted="5"', "f=[1, 2]", "empty=", "eq=a=b"]) == {
        "n": 5,
        "name": "LoRA",
        "quoted": "5",
        "f": [1, 2],
        "empty": "",
        "eq": "a=b",
    }
    with pytest.raises(ApiError, match="--var needs NAME=VALUE, got 'oops'"):
        parse_variables(["oops"])
