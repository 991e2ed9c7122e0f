"""Checks against a real Neo4j 5.26 Community server.

Start one with ``scripts/neo4j start`` (no Docker needed). The test connects to
NEO4J_URI (bolt://127.0.0.1:7687), user NEO4J_USER (neo4j), password
NEO4J_PASSWORD (kg-test-password). A server that is down is a failure, not a skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

neo4j = pytest.importorskip("neo4j", reason="python neo4j driver not installed (pip install 'neo4j>=5.20,<6')")
from neo4j import GraphDatabase  # noqa: E402
from neo4j.exceptions import AuthError, ServiceUnavailable  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
URI = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
USER = os.environ.get("NEO4J_USER", "neo4j")
PASSWORD = os.environ.get("NEO4J_PASSWORD", "kg-test-password")


@pytest.fixture(scope="module")
def driver():
    drv = GraphDatabase.driver(URI, auth=(USER, PASSWORD), connection_timeout=10)
    problem = None
    try:
        drv.verify_connectivity()
    except AuthError as exc:
        problem = (
            f"Neo4j at {URI} refused user {USER!r} with the given NEO4J_PASSWORD: {exc}. "
            "Run `scripts/neo4j stop && scripts/neo4j start` (it sets the password from NEO4J_PASSWORD)."
        )
    except (ServiceUnavailable, OSError) as exc:
        problem = (
            f"No Neo4j server answers at {URI} ({exc}). Run `scripts/neo4j start` first "
            "(then `scripts/neo4j stop` when done)."
        )
    if problem is not None:
        drv.close()
        pytest.fail(problem, pytrace=False)
    yield drv
    drv.close()


def test_return_one(driver):
    records, _, _ = driver.execute_query("RETURN 1 AS x")
    assert records[0]["x"] == 1


def test_version_is_5_26_community(driver):
    records, _, _ = driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition"
    )
    kernel = [r for r in records if r["name"] == "Neo4j Kernel"]
    assert kernel, records
    assert kernel[0]["versions"][0].startswith("5.26"), kernel[0]["versions"]
    assert kernel[0]["edition"] == "community"


def test_write_read_delete_node(driver):
    label = "KgServerTest_" + uuid.uuid4().hex
    marker = uuid.uuid4().hex
    try:
        summary = driver.execute_query(
            f"CREATE (n:`{label}` {{marker: $marker, name: 'probe'}})", marker=marker
        ).summary
        assert summary.counters.nodes_created == 1

        records, _, _ = driver.execute_query(
            f"MATCH (n:`{label}` {{marker: $marker}}) RETURN n.name AS name", marker=marker
        )
        assert [r["name"] for r in records] == ["probe"]
    finally:
        summary = driver.execute_query(f"MATCH (n:`{label}`) DETACH DELETE n").summary
    assert summary.counters.nodes_deleted == 1
    records, _, _ = driver.execute_query(f"MATCH (n:`{label}`) RETURN count(n) AS c")
    assert records[0]["c"] == 0


def test_docker_compose_config_is_valid():
    docker = shutil.which("docker")
    if docker is None:
        pytest.skip("docker client not installed")
    if subprocess.run([docker, "compose", "version"], capture_output=True).returncode != 0:
        pytest.skip("the docker client has no compose plugin here (docker compose version fails)")
    proc = subprocess.run(
        [docker, "compose", "config", "-q"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, (
        f"`docker compose config -q` failed (rc {proc.returncode}):\n{proc.stderr}\n"
        "If the message says 'unknown command', the Compose v2 plugin is missing "
        "(~/.docker/cli-plugins/docker-compose)."
    )
