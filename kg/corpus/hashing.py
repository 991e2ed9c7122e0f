"""A paper's content hash: what decides whether re-ingesting it can change anything."""

from __future__ import annotations

import hashlib
import json

from kg.records import Paper


def content_hash(paper: Paper) -> str:
    """sha256 over the fields extraction reads and the graph stores (not where it was read from)."""
    fields = [paper.id, paper.title, paper.abstract, paper.url, list(paper.authors), paper.published]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]
