"""The wheel ships everything kg serves: build it, install it in a fresh venv, ingest and serve from there.

An editable install or a checkout on ``sys.path`` hides missing package data (the files are read
from the source tree), so this test builds a wheel from a copy of the sources, installs it alone
into a new virtual environment outside the checkout and runs the real ``kg`` entry point from a
working directory outside the checkout. The venv borrows the dependencies already installed in the
running interpreter's site-packages through a ``.pth`` line (nothing is downloaded); such a line
only appends to ``sys.path``, so the venv's own copy of kg comes first and the editable install's
finder (a ``.pth`` of that folder) is never run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import site
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
SOURCES = ("pyproject.toml", "README.md", "kg", "queries", "schema")
"""What a wheel is built from (the Dockerfile copies the same): kg/cypher's symlinks point into queries/, schema/."""
STATIC_REF = re.compile(r'(?:src|href)="(/static/[^"]+)"')
JS_IMPORT = re.compile(r'(?:\bfrom\s*|\bimport\s*\(?\s*)"(/static/[^"]+)"')
TIMEOUT_S = 120


def _run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a command to completion; its output in the assertion message when it fails."""
    done = subprocess.run(
        [str(c) for c in command], check=False, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT_S
    )
    shown = " ".join(map(str, command))
    assert done.returncode == 0, f"{shown} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done


def _copy_sources(dest: Path) -> Path:
    """The files a wheel is built from, copied: a build in the checkout would reuse its build/ folder, whose
    stale copies of files end up in the wheel, and would write into a tree other processes are using."""
    dest.mkdir(parents=True)
    for name in SOURCES:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(src, dest / name)
    return dest


def _build_wheel(src: Path, out: Path) -> Path:
    """``pip wheel`` of ``src``: without build isolation (no download) when this interpreter's setuptools can."""
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out)]
    try:
        major, minor = (int(part) for part in metadata.version("setuptools").split(".")[:2])
        if (major, minor) >= (70, 1):  # pyproject's build-system requirement
            command.append("--no-build-isolation")
    except (metadata.PackageNotFoundError, ValueError):
        pass
    _run(*command, str(src), cwd=src)
    wheels = list(out.glob("kg-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def _venv_with(wheel: Path, root: Path) -> Path:
    """A new venv holding only the wheel (installed by this interpreter's pip), the running env's packages behind it."""
    _run(sys.executable, "-m", "venv", "--without-pip", root, cwd=root.parent)
    python = root / "bin" / "python"
    purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=root).stdout.strip()
    Path(purelib, "_kg_test_dependencies.pth").write_text("".join(f"{path}\n" for path in site.getsitepackages()))
    pip: list[str | Path] = [sys.executable, "-m", "pip", "--python", python]
    _run(*pip, "install", "--no-deps", "--no-index", "--quiet", wheel, cwd=root)
    return root


def _clean_env(data_dir: Path) -> dict[str, str]:
    """What a user of the installed kg has: no PYTHONPATH into the checkout, no KG_* setting but the data dir."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("KG_")}
    return {**env, "KG_DATA_DIR": str(data_dir), "KG_STORE": "embedded", "COLUMNS": "200"}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _serve(kg: Path, cwd: Path, env: dict[str, str], log: Path) -> Iterator[str]:
    """``kg serve`` as a real process on a free port; yields its URL once /healthz answers, stops it afterwards."""
    port = _free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(kg), "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, f"kg serve exited ({process.returncode}):\n{log.read_text(errors='replace')}"
            assert time.monotonic() < deadline, f"kg serve did not answer in 60 s:\n{log.read_text(errors='replace')}"
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


def _get(client: httpx.Client, path: str, content_type: str, headers: dict[str, str] | None = None) -> httpx.Response:
    """A GET that must answer 200 with a non-empty body of ``content_type``."""
    response = client.get(path, headers=headers)
    assert response.status_code == 200, f"GET {path}: {response.status_code} {response.text[:300]}"
    assert response.headers["content-type"].startswith(content_type), f"GET {path}: {response.headers['content-type']}"
    assert response.content.strip(), f"GET {path}: empty body"
    return response


def _static_closure(client: httpx.Client, pages: list[str]) -> dict[str, str]:
    """Every /static file the pages reference and, transitively, the ES modules those import: path -> content type."""
    todo = [ref for page in pages for ref in STATIC_REF.findall(page)]
    seen: dict[str, str] = {}
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        want = "text/css" if path.endswith(".css") else "text/javascript" if path.endswith(".js") else ""
        response = _get(client, path, want)
        seen[path] = response.headers["content-type"]
        if path.endswith(".js"):
            todo.extend(JS_IMPORT.findall(response.text))
    return seen


def test_the_installed_wheel_ingests_and_serves_every_page(tmp_path: Path) -> None:
    wheel = _build_wheel(_copy_sources(tmp_path / "src"), tmp_path / "dist")
    venv = _venv_with(wheel, tmp_path / "venv")
    work = tmp_path / "work"  # a working directory with no checkout around it
    work.mkdir()
    env = _clean_env(work / "kg-data")
    python, kg = venv / "bin" / "python", venv / "bin" / "kg"

    where = json.loads(
        _run(
            python,
            "-c",
            (
                "import json, kg; from kg.store.cypher import _folder, query, schema_statements; "
                "query('stats'); schema_statements(); "
                "print(json.dumps({'kg': kg.__file__, "
                "'queries': str(_folder('queries')), 'schema': str(_folder('schema'))}))"
            ),
            cwd=work,
            env=env,
        ).stdout
    )
    for name, path in where.items():  # the installed copy, not the checkout, and the Cypher files inside it
        assert Path(path).resolve().is_relative_to(venv.resolve()), f"{name} comes from {path}, not the new venv"

    ingest = _run(kg, "ingest", cwd=work, env=env)  # the bundled sample corpus, the tagger and the typer's files
    assert "loaded 96 papers" in ingest.stderr, ingest.stderr

    with _serve(kg, work, env, tmp_path / "serve.log") as url, httpx.Client(base_url=url, timeout=30) as client:
        explorer = _get(client, "/", "text/html").text
        console = _get(client, "/console", "text/html").text
        graphiql = _get(client, "/graphql", "text/html", headers={"accept": "text/html"}).text
        assets = _static_closure(client, [explorer, console, graphiql])
        answer = client.post("/graphql", json={"query": "{ papers { totalCount } }"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/json")
    assert answer.json()["data"] == {"papers": {"totalCount": 96}}
    assert {
        "/static/explorer/main.js",
        "/static/console/main.js",
        "/static/graphiql/vendor/graphiql.min.js",
        "/static/vendor/cytoscape.esm.min.js",
        "/static/vendor/cypher-editor.js",
    } <= set(assets), sorted(assets)
