extensions = ["myst_parser", "policybook.sphinx"]
language = "ja"
exclude_patterns = ["_build"]
myst_disable_syntax = ["html_block", "html_inline"]
html_theme = "pydata_sphinx_theme"
