"""Introspection is on by default and off with KG_GRAPHQL_INTROSPECTION=0 (or false, off, no)."""

from __future__ import annotations

import pytest
from _apikit import Api

SCHEMA = "{ __schema { queryType { name } } }"
TYPE = '{ __type(name: "Paper") { name } }'


@pytest.mark.parametrize("value", [None, "1", "true", "on", ""])
def test_introspection_is_on_by_default(sample_api: Api, monkeypatch: pytest.MonkeyPatch, value: str | None) -> None:
    if value is None:
        monkeypatch.delenv("KG_GRAPHQL_INTROSPECTION", raising=False)
    else:
        monkeypatch.setenv("KG_GRAPHQL_INTROSPECTION", value)
    assert sample_api.data(SCHEMA) == {"__schema": {"queryType": {"name": "Query"}}}
    assert sample_api.data(TYPE) == {"__type": {"name": "Paper"}}


@pytest.mark.parametrize("value", ["0", "false", "off", "no", "OFF", " False "])
def test_introspection_can_be_switched_off(sample_api: Api, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("KG_GRAPHQL_INTROSPECTION", value)
    for query, field in ((SCHEMA, "__schema"), (TYPE, "__type")):
        messages = sample_api.errors(query)
        assert messages[0] == (
            f"GraphQL introspection has been disabled, but the requested query contained the field '{field}'."
        )
        assert all("introspection has been disabled" in m for m in messages)
    assert sample_api.data('{ method(name: "LoRA") { __typename name } }') == {
        "method": {"__typename": "Method", "name": "LoRA"}
    }  # __typename is not introspection of the schema
