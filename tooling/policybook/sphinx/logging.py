"""Report shared diagnostics as Sphinx warnings: same code, message and line as the CLI."""

from __future__ import annotations

from sphinx.util import logging as sphinx_logging

from ..diagnostics import Diagnostic, Severity

logger = sphinx_logging.getLogger("policybook")


def _log(diagnostic: Diagnostic, location) -> None:
    message = f"{diagnostic.code} {diagnostic.message}"
    if diagnostic.hint:
        message += f" ({diagnostic.hint})"
    if diagnostic.severity >= Severity.WARNING:
        logger.warning(message, type="policybook", subtype=diagnostic.code, location=location)
    else:
        logger.verbose(message, location=location)


def emit(diagnostic: Diagnostic, docname: str) -> None:
    """Warnings and errors fail a ``-W`` build; info goes to the verbose log only.

    Each is suppressible with ``suppress_warnings = ["policybook.PB201"]``.
    """
    _log(diagnostic, (docname, diagnostic.line or None))


def emit_at_path(diagnostic: Diagnostic, path: str) -> None:
    """For files that are not pages (quiz banks, data files): the location is the file."""
    _log(diagnostic, f"{path}:{diagnostic.line}" if diagnostic.line else path)
