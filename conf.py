"""Sphinx configuration of the policy site. Thin on purpose: policybook does the work."""

from pathlib import Path

from policybook.config import load as load_settings
from policybook.markdown import MYST_DISABLE_SYNTAX, MYST_EXTENSIONS

# The pages and MyST dialect the checker reads too (pyproject.toml [tool.policybook]).
_settings = load_settings(Path(__file__).parent)

project = "京都市 情報セキュリティ・個人情報保護 ポリシーブック"
author = "京都市"
copyright = "京都市"
language = "ja"
root_doc = "index"

extensions = [
    "myst_parser",
    "sphinx_design",
    "policybook.sphinx",
]

# Only the site's content; the repository also holds code, tests and developer notes.
include_patterns = list(_settings.pages)
exclude_patterns = ["_build", "**/node_modules", *_settings.exclude]
policybook_policies_dir = _settings.policies_dir
policybook_quizzes_dir = _settings.quizzes_dir

myst_enable_extensions = list(MYST_EXTENSIONS)
# Authors cannot inject markup or scripts: raw HTML in Markdown is shown as text.
myst_disable_syntax = list(MYST_DISABLE_SYNTAX)
myst_heading_anchors = 0

html_theme = "pydata_sphinx_theme"
html_title = "ポリシーブック"
html_static_path: list[str] = []
html_last_updated_fmt = None
html_copy_source = False
html_use_index = False  # the general index has no entries here (and uses inline styles)
html_show_sourcelink = False
html_theme_options = {
    "navigation_with_keys": True,
    "show_toc_level": 2,
    "footer_start": ["copyright"],
    "footer_end": [],
    "secondary_sidebar_items": ["page-toc"],
}
# The theme's colour mode when the reader has not chosen one (avoids a console error).
html_context = {"default_mode": "auto"}
