"""Relay pagination: first/after, totalCount, hasNextPage, for store listings and in-memory lists alike."""

from __future__ import annotations

from typing import Any

import pytest
from _apikit import Api

LISTS = {
    "methods": "methods(first: $first, after: $after)",
    "papers": "papers(first: $first, after: $after)",
    "tasks": "tasks(first: $first, after: $after)",
    "families": "families(first: $first, after: $after)",
    "members": 'family(name: "PEFT") { members(first: $first, after: $after)',
    "claims": 'claims(loser: "LoRA", first: $first, after: $after)',
}


def _page(api: Api, name: str, first: int, after: str | None) -> dict[str, Any]:
    field = LISTS[name]
    node = "winner { id } evidence" if name == "claims" else "id"
    close = " }" if field.count("{") else ""
    query = (
        f"query($first: Int!, $after: String) {{ {field} {{ totalCount pageInfo {{ hasNextPage endCursor }} "
        f"edges {{ cursor node {{ {node} }} }} }}{close} }}"
    )
    data = api.data(query, {"first": first, "after": after})
    connection = data["family"]["members"] if name == "members" else data[name]
    return dict(connection)


@pytest.mark.parametrize("name", sorted(LISTS))
def test_pages_cover_the_whole_list_once_in_order(sample_api: Api, name: str) -> None:
    whole = _page(sample_api, name, 100, None)
    total = whole["totalCount"]
    assert total >= 3 and len(whole["edges"]) == min(total, 100)
    seen: list[Any] = []
    after = None
    while True:
        page = _page(sample_api, name, 9, after)
        assert page["totalCount"] == total
        seen.extend(e["node"] for e in page["edges"])
        if not page["pageInfo"]["hasNextPage"]:
            break
        assert page["pageInfo"]["endCursor"] == page["edges"][-1]["cursor"]
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == total and seen[:100] == [e["node"] for e in whole["edges"]]
    assert len({str(n) for n in seen}) == total


def test_methods_are_sorted_by_name_ignoring_case(sample_api: Api) -> None:
    names = [
        e["node"]["name"]
        for e in sample_api.data("{ methods(first: 100) { edges { node { name } } } }")["methods"]["edges"]
    ]
    assert names == sorted(names, key=lambda n: (n.lower(), n))


def test_an_empty_page_and_the_last_page(sample_api: Api) -> None:
    last = _page(sample_api, "families", 100, None)
    assert last["pageInfo"]["hasNextPage"] is False
    beyond = _page(sample_api, "families", 5, last["pageInfo"]["endCursor"])
    assert beyond["edges"] == [] and beyond["pageInfo"] == {"hasNextPage": False, "endCursor": None}
    none = _page(sample_api, "families", 0, None)
    assert none["edges"] == [] and none["pageInfo"]["hasNextPage"] is True and none["totalCount"] == last["totalCount"]


def test_a_bad_cursor_is_a_clear_error(sample_api: Api) -> None:
    for name in ("methods", "members"):
        field = LISTS[name].replace("$first", "5").replace("$after", '"bogus"')
        close = " }" if field.count("{") else ""
        (message,) = sample_api.errors(f"{{ {field} {{ totalCount }}{close} }}")
        assert "invalid cursor 'bogus'" in message and "endCursor" in message
