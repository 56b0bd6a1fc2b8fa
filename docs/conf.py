"""Sphinx configuration: Markdown pages (MyST) and a reference built from docstrings."""

from __future__ import annotations

project = "kehoach_core"
author = "kehoach_core developers"
copyright = "2026, kehoach_core developers"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
]
source_suffix = {".md": "markdown"}
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
exclude_patterns = ["_build", "images/README.md"]
autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autoclass_content = "class"
html_theme = "alabaster"
html_static_path: list[str] = []
# Docstrings use a Vietnamese-friendly ASCII subset of reST; a warning is an error in CI.
suppress_warnings: list[str] = []
