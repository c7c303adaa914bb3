"""Japanese legal citations: find them in text, resolve them against the rule corpus.

``scan(text, index, context)`` is the one implementation used by the CLI (``policybook
refs``, ``policybook check``) and by the Sphinx extension (links and backlinks).
"""

from .index import CorpusIndex
from .scanner import Citation, Context, scan

__all__ = ["Citation", "Context", "CorpusIndex", "scan"]
