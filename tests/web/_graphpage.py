"""Driving the cytoscape view of a page the way a user does: real mouse clicks at drawn positions."""

from __future__ import annotations

import json
from typing import Any

import httpx

READY = "document.body.dataset.state === 'ready'"


def wait_ready(page: Any, timeout_ms: int = 60_000) -> None:
    page.wait_for_function(READY, timeout=timeout_ms)


def node_count(page: Any) -> int:
    return int(page.evaluate("window.kgExplorer.cy.nodes().length"))


def drawn_position(page: Any, element_id: str) -> tuple[float, float]:
    """Page coordinates of a node's centre or an edge's midpoint in the explorer, as drawn now."""
    point = page.evaluate(
        """(id) => {
             const cy = window.kgExplorer.cy;
             const el = cy.getElementById(id);
             if (el.empty()) return null;
             const p = el.isNode() ? el.renderedPosition() : el.renderedMidpoint();
             const box = cy.container().getBoundingClientRect();
             return [box.left + p.x, box.top + p.y];
           }""",
        element_id,
    )
    assert point is not None, f"{element_id} is not drawn"
    return float(point[0]), float(point[1])


def click_element(page: Any, element_id: str) -> None:
    x, y = drawn_position(page, element_id)
    page.mouse.click(x, y)


def clear_edges(page: Any, edge_type: str, margin: float = 22.0) -> list[dict[str, Any]]:
    """Drawn edges of ``edge_type`` whose midpoint is inside the view and away from every node (safe to click)."""
    return list(
        page.evaluate(
            """([type, margin]) => {
             const cy = window.kgExplorer.cy;
             const w = cy.width(), h = cy.height();
             return cy.edges(`[type = "${type}"]`).filter((e) => e.visible()).map((e) => {
               const m = e.renderedMidpoint();
               const nearNode = cy.nodes().some((n) => {
                 const p = n.renderedPosition();
                 return Math.hypot(p.x - m.x, p.y - m.y) < margin + n.renderedOuterWidth() / 2;
               });
               const inside = m.x > margin && m.y > margin && m.x < w - margin && m.y < h - margin;
               return nearNode || !inside ? null : e.data();
             }).filter(Boolean);
           }""",
            [edge_type, margin],
        )
    )


def graphql(url: str, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    """Ask the server directly (not through the page), to know what the page should show."""
    response = httpx.post(f"{url}/graphql", json={"query": query, "variables": variables or {}}, timeout=60)
    body = response.json()
    assert response.status_code == 200 and not body.get("errors"), json.dumps(body)[:2000]
    return dict(body["data"])
