"""The web app over HTTP: GraphQL by POST and GET, GraphiQL from local files only, /healthz, /static."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from _apikit import Api, eventually

QUERY = '{ method(name: "LoRA") { name } }'


def test_post_and_get_give_the_same_answer(sample_api: Api) -> None:
    posted = sample_api.client.post("/graphql", json={"query": QUERY})
    got = sample_api.client.get("/graphql", params={"query": QUERY})
    assert posted.status_code == got.status_code == 200
    assert posted.json()["data"] == got.json()["data"] and posted.json()["data"]["method"]["name"]
    with_vars = sample_api.client.get(
        "/graphql",
        params={"query": "query($n: String!) { method(name: $n) { name } }", "variables": json.dumps({"n": "LoRA"})},
    )
    assert with_vars.json()["data"] == posted.json()["data"]


def test_malformed_requests_get_graphql_errors(sample_api: Api) -> None:
    assert (
        sample_api.client.post(
            "/graphql", content=b"{not json", headers={"content-type": "application/json"}
        ).status_code
        == 400
    )
    body = sample_api.post("{ method(name: 1) { name } }")
    assert body["errors"] and "String" in body["errors"][0]["message"]
    assert sample_api.client.put("/graphql", json={"query": QUERY}).status_code == 405


def test_graphiql_page_uses_only_local_assets(sample_api: Api) -> None:
    page = sample_api.client.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert '<div id="graphiql">' in html
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert {a.rsplit("/", 1)[-1] for a in assets} >= {
        "react.production.min.js",
        "react-dom.production.min.js",
        "graphiql.min.js",
        "graphiql.min.css",
        "kg-graphiql.js",
    }
    assert all(a.startswith("/static/") for a in assets), assets
    assert "http://" not in html and "https://" not in html and "//cdn" not in html
    for asset in assets:
        response = sample_api.client.get(asset)
        assert response.status_code == 200, f"{asset} missing: run scripts/build-web"
        kind = "css" if asset.endswith(".css") else "javascript"
        assert kind in response.headers["content-type"], asset
        assert len(response.content) > 500, asset
    init = sample_api.client.get("/static/graphiql/kg-graphiql.js").text
    assert "GraphiQL.createFetcher" in init and "http" not in init.replace("window.location", "")


def test_healthz(sample_api: Api) -> None:
    response = sample_api.client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "store": "embedded"}


def test_healthz_reports_an_unreadable_store(serve: object, sample_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "graph.json").write_bytes((sample_dir / "graph.json").read_bytes())
    api: Api = serve(tmp_path)  # type: ignore[operator]
    (tmp_path / "graph.json").write_text("{ this is not json", encoding="utf-8")
    response = eventually(lambda: (r := api.client.get("/healthz")).status_code == 503 and r)
    assert response and "cannot read graph file" in response.json()["error"]
    query = api.client.post("/graphql", json={"query": "{ papers { totalCount } }"})
    assert query.status_code == 503 and "cannot read graph file" in query.text


def test_unknown_paths_are_404(sample_api: Api) -> None:
    assert sample_api.client.get("/nope").status_code == 404
    assert sample_api.client.get("/static/graphiql/nope.js").status_code == 404


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")
def test_graphiql_renders_in_a_headless_browser(sample_api: Api) -> None:
    assert CHROMIUM is not None
    dom = subprocess.run(
        [
            CHROMIUM,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=8000",
            "--dump-dom",
            f"{sample_api.url}/graphql",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert "graphiql-container" in dom and "graphiql-editor" in dom, dom[:2000]
    assert "Loading GraphiQL" not in dom and "PEFT methods that beat LoRA" in dom
