"""The Cypher console (/console) in Chromium: highlighting, run with Ctrl+Enter, table and graph, refusals, history.

On both stores: grand-cypher over the embedded graph, Neo4j's own Cypher in READ transactions.
"""

from __future__ import annotations

from typing import Any

from _graphpage import wait_ready
from _webkit import Server

READ_QUERY = "MATCH (m)-[r]->(n) RETURN m, r, n LIMIT 5"
ENGINES = {"embedded": "grand-cypher", "neo4j": "Neo4j (Cypher 5)"}
# a query with parameters and the row it answers: grand-cypher's id() is kg's id; on Neo4j it is Neo4j's own,
# so ask for the key
PARAM_QUERIES = {
    "embedded": ("MATCH (m:Method) WHERE m.name = $name RETURN m.name, id(m)", "LoRA\tEntity:lora"),
    "neo4j": ("MATCH (m:Method) WHERE m.name = $name RETURN m.name, m.key", "LoRA\tlora"),
}
# a query the engine cannot parse, and what its error says
SYNTAX_ERRORS = {
    "embedded": ("MATCH (m) WITH m RETURN m", "WITH is not supported"),
    "neo4j": ("MATCH (m) RETRUN m", "RETRUN"),
}


def open_console(page: Any, server: Server) -> None:
    page.goto(f"{server.url}/console")
    wait_ready(page)
    page.locator("#engine-text").get_by_text(ENGINES[server.store]).first.wait_for()


def type_query(page: Any, query: str, params: str = "{}") -> None:
    """Replace the editor's text as a user would (select all, then type) and set the parameters."""
    page.locator("#editor .cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(query)
    page.fill("#params", params)
    page.locator("#editor .cm-content").click()


def run_with_keys(page: Any) -> None:
    page.keyboard.press("Control+Enter")
    page.wait_for_function(
        "document.body.dataset.state === 'ready' && (document.querySelector('table.results') "
        "|| document.querySelector('#console-error') || document.querySelector('.empty'))"
    )


def test_a_read_query_shows_a_table_and_a_graph(page: Any, sample_server: Server) -> None:
    open_console(page, sample_server)
    type_query(page, READ_QUERY)
    colours = page.evaluate("""() => {
        const spans = [...document.querySelectorAll('#editor .cm-line span')];
        const keyword = spans.find(s => s.textContent === 'MATCH');
        return keyword ? [getComputedStyle(keyword).color, getComputedStyle(keyword.closest('.cm-line')).color] : null;
    }""")
    assert colours is not None and colours[0] != colours[1], f"MATCH is not highlighted: {colours}"
    run_with_keys(page)
    assert page.locator("table.results thead th").all_inner_texts() == ["m", "r", "n"]
    assert page.locator("table.results tbody tr").count() == 5
    assert (
        page.locator("table.results .cell-node").count() == 10 and page.locator("table.results .cell-rel").count() == 5
    )
    assert page.locator("#meta").inner_text().startswith("5 rows")
    page.click("#tab-graph")
    page.wait_for_function("Number(document.body.dataset.graphNodes) > 0")
    drawn = page.evaluate("[window.kgConsole.graph().nodes().length, window.kgConsole.graph().edges().length]")
    assert drawn[0] >= 2 and drawn[1] == 5
    assert page.locator("#graph canvas").first.is_visible()


def test_a_write_query_is_refused_and_the_store_is_unchanged(page: Any, sample_server: Server) -> None:
    before = sample_server.snapshot()  # graph.json's bytes, or Neo4j's node and relationship counts
    open_console(page, sample_server)
    type_query(page, "CREATE (n:X) RETURN n")
    run_with_keys(page)
    error = page.locator("#console-error")
    assert error.get_attribute("data-kind") == "refused"
    assert "Refused: the console is read-only" in error.inner_text()
    assert "kg's console is read-only: CREATE is a write clause" in error.inner_text()
    assert page.locator("table.results").count() == 0
    assert sample_server.snapshot() == before


def test_parameters_errors_and_history(page: Any, sample_server: Server) -> None:
    param_query, row = PARAM_QUERIES[sample_server.store]
    bad_query, complaint = SYNTAX_ERRORS[sample_server.store]
    open_console(page, sample_server)
    type_query(page, param_query, '{"name": "LoRA"}')
    run_with_keys(page)
    assert page.locator("table.results tbody tr").all_inner_texts() == [row]

    type_query(page, bad_query)
    run_with_keys(page)
    assert page.locator("#console-error").get_attribute("data-kind") == "syntax"
    assert complaint in page.locator("#console-error").inner_text()

    type_query(page, "MATCH (m) RETURN m LIMIT 1", "{not json")
    run_with_keys(page)
    assert "Parameters are not valid JSON" in page.locator("#console-error").inner_text()

    page.reload()
    wait_ready(page)
    history = page.locator("#history li button").all_inner_texts()  # what was sent, newest first
    assert history[:2] == [bad_query, param_query]
    page.locator("#history li button").nth(1).click()
    assert page.evaluate("window.kgConsole.editor.getValue()") == param_query
    assert page.input_value("#params") == '{"name": "LoRA"}'
