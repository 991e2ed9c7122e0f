"""kg: research knowledge-graph builder and query service."""

__version__ = "0.1.0"
