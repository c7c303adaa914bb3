"""Sphinx extension: ``extensions = ["policybook.sphinx"]``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    from .extension import setup_extension

    return setup_extension(app)
