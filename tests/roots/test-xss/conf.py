extensions = ["myst_parser", "sphinx_design", "policybook.sphinx"]
language = "ja"
exclude_patterns = ["_build"]
myst_disable_syntax = ["html_block", "html_inline"]
myst_enable_extensions = ["colon_fence"]
html_theme = "pydata_sphinx_theme"
