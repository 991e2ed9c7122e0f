"""What the browser tests stand on: a real ``kg`` CLI (ingest, serve) in subprocesses, and where artifacts go."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("KG_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


def artifacts_dir() -> Path:
    """Where screenshots go: ``$KG_TEST_ARTIFACTS`` or ``test-artifacts/`` at the repository root, then ``web/``."""
    root = Path(os.environ.get("KG_TEST_ARTIFACTS") or REPO / "test-artifacts")
    folder = root / "web"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def kg(*args: str, timeout: float = 300) -> str:
    """Run the kg CLI (``python -m kg``); its stdout, or an assertion error carrying its output."""
    done = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=timeout, cwd=REPO)
    assert done.returncode == 0, f"kg {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """A ``kg serve`` subprocess and the data dir it serves."""

    url: str
    data_dir: Path
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def graph_file(self) -> Path:
        return self.data_dir / "graph.json"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)


def start_server(data_dir: Path, log: Path) -> Server:
    """``kg serve`` on a free port over ``data_dir``, once /healthz answers."""
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--data-dir", str(data_dir), "--host", "127.0.0.1", "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT, cwd=REPO,
        )
    server = Server(url=f"http://127.0.0.1:{port}", data_dir=data_dir, process=process, log=log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"kg serve exited ({process.returncode}):\n{log.read_text(errors='replace')}")
        try:
            if httpx.get(f"{server.url}/healthz", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    server.stop()
    raise AssertionError(f"kg serve did not answer within 60 s:\n{log.read_text(errors='replace')}")


class Offline:
    """Requests to anything but localhost: aborted and remembered."""

    def __init__(self) -> None:
        self.blocked: list[str] = []

    def __call__(self, route: Any) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob") or (parts.hostname or "") in LOCAL_HOSTS:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()
