"""The one place Cypher comes from: named queries in ``queries/*.cypher``, schema in ``schema/*.cypher``.

Nothing else in kg writes Cypher. User input only ever reaches a query as a parameter; code
picks among fixed file names, never formats query text.

Where the files are: the repository's top-level ``queries/`` and ``schema/`` folders are the
canonical copies, found relative to the package root (``Path(__file__).parents[2]``, i.e. a
source checkout or an editable install). For wheels, ``kg/cypher/queries`` and
``kg/cypher/schema`` are symlinks to them and pyproject's package-data
(``cypher/*/*.cypher``) makes setuptools copy the files into the package; that copy is the
fallback when there is no checkout around the package.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from kg.errors import StoreError

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_REPO_ROOT = Path(__file__).resolve().parents[2]
QUERIES = "queries"
SCHEMA = "schema"
SCHEMA_FILES = ("constraints", "indexes")


def _folder(kind: str) -> Path | Traversable:
    """The folder holding ``kind`` files: the repository's copy, else the packaged one."""
    top = _REPO_ROOT / kind
    if top.is_dir():
        return top
    packaged = resources.files("kg") / "cypher" / kind
    if packaged.is_dir():
        return packaged
    raise StoreError(f"no {kind}/ folder of Cypher files next to kg ({top}) nor inside the package")


@cache
def _read(kind: str, name: str) -> str:
    if not _NAME.match(name):
        raise StoreError(f"invalid Cypher file name {name!r}")
    path = _folder(kind) / f"{name}.cypher"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise StoreError(f"no Cypher file {kind}/{name}.cypher") from error


def query(name: str) -> str:
    """The text of ``queries/<name>.cypher``."""
    return _read(QUERIES, name)


def _statements(text: str) -> list[str]:
    """Split a schema file into statements: ``//`` comment lines dropped, one statement per ``;``."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("//")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def schema_statements() -> list[str]:
    """Every statement of ``schema/constraints.cypher`` then ``schema/indexes.cypher``, in order."""
    return [s for name in SCHEMA_FILES for s in _statements(_read(SCHEMA, name))]
