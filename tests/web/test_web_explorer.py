"""The explorer (/) in Chromium: search, neighbourhood, claim evidence, expansion, filters, family-beats view,
exports."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from _graphpage import clear_edges, click_element, graphql, node_count, wait_ready
from _webkit import Server

LORA_CLAIMS = """{ entity(name: "LoRA") { id ... on Technique {
  outperformedBy { winner { id name } paper { id name } evidence } } } }"""


def open_lora(page: Any, server: Server) -> None:
    """Search 'lora', pick the suggestion called exactly LoRA, wait for its neighbourhood."""
    page.goto(f"{server.url}/")
    wait_ready(page)
    page.fill("#search", "lora")
    choice = page.locator("#suggestions li").filter(
        has=page.locator(".suggestion-name", has_text=re.compile(r"^LoRA$"))
    )
    choice.wait_for()
    assert "LoRA-SB" in page.locator("#suggestions").inner_text()  # suggestions by name, not only exact matches
    choice.click()
    page.wait_for_function("window.kgExplorer.cy.getElementById('Entity:lora').hasClass('expanded')")
    wait_ready(page)


def test_search_draws_the_neighbourhood_and_a_claim_edge_shows_its_evidence(page: Any, sample_server: Server) -> None:
    open_lora(page, sample_server)
    expected = graphql(sample_server.url, LORA_CLAIMS)["entity"]["outperformedBy"]
    assert expected, "the sample graph should have claims over LoRA"
    assert node_count(page) > len(expected)
    for claim in expected:  # every claim over LoRA is drawn as an edge into it
        assert page.evaluate(
            "([w]) => window.kgExplorer.cy.edges(`[type = 'OUTPERFORMS'][target = 'Entity:lora']`)"
            ".some(e => e.data('source') === w)",
            [claim["winner"]["id"]],
        )
    assert page.locator("#panel .panel-title").inner_text() == "LoRA"

    edge = next(e for e in clear_edges(page, "OUTPERFORMS") if e["target"] == "Entity:lora")
    click_element(page, edge["id"])
    evidence = page.locator("#panel blockquote.evidence")
    evidence.wait_for()
    claim = next(c for c in expected if c["winner"]["id"] == edge["source"] and c["evidence"] == evidence.inner_text())
    assert page.locator("#panel .paper-title").inner_text() == claim["paper"]["name"]
    assert "outperforms" in page.locator("#panel .edge-title").inner_text()


def test_clicking_a_node_expands_it(page: Any, sample_server: Server) -> None:
    open_lora(page, sample_server)
    before = node_count(page)
    paper = page.evaluate(
        "window.kgExplorer.cy.nodes(\"[label = 'Paper']\").filter(n => !n.hasClass('expanded')).map(n => n.id())[0]"
    )
    click_element(page, paper)
    page.wait_for_function(f"window.kgExplorer.cy.getElementById({json.dumps(paper)}).hasClass('expanded')")
    wait_ready(page)
    assert node_count(page) > before
    assert page.locator("#panel .chip").first.inner_text() == "Paper"


def test_filters_hide_a_label_and_a_relationship_type(page: Any, sample_server: Server) -> None:
    open_lora(page, sample_server)
    visible = (
        "window.kgExplorer.cy.elements(':visible')"
        ".filter(e => e.data('label') === 'Paper' || e.data('type') === 'EXTENDS').length"
    )
    assert page.evaluate(visible) > 0
    page.locator(".legend-row[data-name='Paper'] input").uncheck()
    page.locator(".legend-row[data-name='EXTENDS'] input").uncheck()
    page.wait_for_function(f"{visible} === 0", timeout=5_000)  # cytoscape restyles on its next frame
    assert page.evaluate("window.kgExplorer.cy.nodes(':visible').length") > 0
    page.locator(".legend-row[data-name='Paper'] input").check()
    page.wait_for_function(
        "window.kgExplorer.cy.nodes(':visible').filter(n => n.data('label') === 'Paper').length > 0", timeout=5_000
    )


def test_family_beats_view(page: Any, sample_server: Server) -> None:
    expected = graphql(
        sample_server.url, '{ methods(filter: {family: "PEFT", beats: "LoRA"}) { edges { node { id name } } } }'
    )
    winners = {e["node"]["id"]: e["node"]["name"] for e in expected["methods"]["edges"]}
    assert winners, "the sample graph should have PEFT methods beating LoRA"
    page.goto(f"{sample_server.url}/")
    wait_ready(page)
    page.fill("#beats-family", "PEFT")
    page.fill("#beats-loser", "LoRA")
    page.click("#beats-form button[type=submit]")
    page.locator("#beats-title").wait_for()
    wait_ready(page)
    assert (
        page.locator("#beats-title")
        .inner_text()
        .startswith(f"{len(winners)} in parameter-efficient fine-tuning beat LoRA")
    )
    assert set(page.locator(".beats-list li").all_inner_texts()) == set(winners.values())
    drawn = page.evaluate(
        "window.kgExplorer.cy.edges(\"[type = 'OUTPERFORMS'][target = 'Entity:lora']\").map(e => e.data('source'))"
    )
    assert set(drawn) == set(winners)
    assert "family=PEFT" in page.url and "beats=LoRA" in page.url


def test_export_json_and_png(page: Any, sample_server: Server) -> None:
    open_lora(page, sample_server)
    with page.expect_download() as json_download:
        page.click("#export-json")
    exported = json.loads(Path(json_download.value.path()).read_text(encoding="utf-8"))
    assert len(exported["nodes"]) == node_count(page) and "Entity:lora" in {n["id"] for n in exported["nodes"]}
    assert any(e["type"] == "OUTPERFORMS" and e["evidence"] for e in exported["edges"])
    with page.expect_download() as png_download:
        page.click("#export-png")
    png = Path(png_download.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
