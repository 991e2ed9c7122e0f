"""GraphiQL (/graphql) in Chromium: loads from local files only and runs its example query."""

from __future__ import annotations

from typing import Any

from _graphpage import graphql
from _webkit import Server


def test_graphiql_loads_and_runs_a_query(page: Any, sample_server: Server) -> None:
    page.goto(f"{sample_server.url}/graphql")
    page.locator(".graphiql-container").wait_for()
    assert "PEFT methods that beat LoRA" in page.locator(".graphiql-query-editor").inner_text()
    page.locator(".graphiql-execute-button").click()
    response = page.locator(".graphiql-response")
    expected = graphql(sample_server.url, '{ methods(filter: {family: "PEFT", beats: "LoRA"}) { totalCount } }')
    page.wait_for_function("document.querySelector('.graphiql-response').innerText.includes('totalCount')")
    assert f'"totalCount": {expected["methods"]["totalCount"]}' in response.inner_text()
