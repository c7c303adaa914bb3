"""policybook: a Sphinx-based generator for policy sites with checked citations."""

__version__ = "0.1.0"
