"""The MyST Markdown dialect of the site, for reading sources without Sphinx."""

from __future__ import annotations

from functools import lru_cache

# The MyST extensions the site enables and the syntax it turns off; conf.py uses these tuples.
MYST_EXTENSIONS = ("colon_fence", "deflist", "fieldlist")
# Raw HTML is shown as text, never passed through (authors cannot inject markup or scripts).
MYST_DISABLE_SYNTAX = ("html_block", "html_inline")


@lru_cache(maxsize=1)
def parser():
    """A markdown-it parser configured exactly as MyST parses the site's pages."""
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    md = create_md_parser(MdParserConfig(enable_extensions=set(MYST_EXTENSIONS)), RendererHTML)
    md.disable(list(MYST_DISABLE_SYNTAX), ignoreInvalid=True)
    return md
