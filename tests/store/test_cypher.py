"""All Cypher lives in queries/ and schema/, loaded by name; no Python module of kg writes any."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import kg
from kg.errors import StoreError
from kg.store.cypher import query, schema_statements

KG = Path(kg.__file__).parent
REPO = KG.parent
# a node pattern after a reading or writing clause, or an UNWIND of a parameter: Cypher, not prose
# (a message that names a clause, "DETACH DELETE is a write clause", is prose)
CYPHER_IN_PYTHON = re.compile(r"\b(MATCH|MERGE|CREATE)\s*\(\w*[:)\s{]|\bUNWIND \$\w+ AS\b")


def test_every_query_file_loads_and_is_used() -> None:
    names = sorted(p.stem for p in (REPO / "queries").glob("*.cypher"))
    assert names, "queries/ is empty"
    source = "\n".join(p.read_text(encoding="utf-8") for p in [*KG.rglob("*.py"), *(REPO / "benchmarks").glob("*.py")])
    for name in names:
        assert query(name).strip()
        used = f'"{name}"' in source or name.startswith("merge_rel_") or name.endswith(("_by_key", "_candidates"))
        assert used, f"queries/{name}.cypher is used nowhere"


def test_schema_statements_are_idempotent_creates() -> None:
    statements = schema_statements()
    assert len(statements) >= 9
    assert all(s.startswith("CREATE") and "IF NOT EXISTS" in s for s in statements)
    assert not any("//" in s for s in statements)


def test_the_packaged_copies_are_the_top_level_folders() -> None:
    for kind in ("queries", "schema"):
        assert (KG / "cypher" / kind).resolve() == (REPO / kind).resolve()


def test_bad_names_are_refused() -> None:
    with pytest.raises(StoreError, match="invalid"):
        query("../schema/constraints")
    with pytest.raises(StoreError, match="no Cypher file"):
        query("no_such_query")


def _code_strings(path: Path) -> Iterator[tuple[int, str]]:
    """String literals of a module that are not docstrings (docs may quote Cypher; code may not)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_no_cypher_in_python_modules() -> None:
    offenders = [
        f"{path.relative_to(REPO)}:{line}"
        for path in KG.rglob("*.py")
        for line, text in _code_strings(path)
        if CYPHER_IN_PYTHON.search(text)
    ]
    assert offenders == []


def test_the_cypher_detector_detects_cypher() -> None:
    assert CYPHER_IN_PYTHON.search("MATCH (n:Paper {id: $id}) RETURN n")
    assert CYPHER_IN_PYTHON.search("UNWIND $rows AS row")
    assert CYPHER_IN_PYTHON.search("OPTIONAL MATCH (p)-[r]->() DETACH DELETE p")
    assert not CYPHER_IN_PYTHON.search("batched UNWIND $rows … MERGE, one transaction per batch")
    assert not CYPHER_IN_PYTHON.search("DETACH DELETE is a write clause")
