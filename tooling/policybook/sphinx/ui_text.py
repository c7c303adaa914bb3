"""Japanese for the interface strings Sphinx and the theme leave in English.

Sphinx's and pydata-sphinx-theme's Japanese catalogues lack a few strings that every page
shows or reads out ("Link to this heading", "Collapse Sidebar", "Color mode"…). A screen
reader on a Japanese site would read them in English. They are added as a fallback to the
"sphinx" catalogue, so any translation Sphinx or the theme ships still wins.
"""

from __future__ import annotations

import gettext

from sphinx.locale import get_translator

JAPANESE = {
    "Link to this heading": "この見出しへのリンク",
    "Link to this term": "この用語へのリンク",
    "Link to this table": "この表へのリンク",
    "Link to this image": "この図へのリンク",
    "Link to this code": "このコードへのリンク",
    "Link to this definition": "この定義へのリンク",
    "Collapse Sidebar": "サイドバーを閉じる",
    "Expand Sidebar": "サイドバーを開く",
    "Color mode": "表示の色",
    "System Settings": "端末の設定に合わせる",
    "Light": "ライト",
    "Dark": "ダーク",
    "Back to top": "ページの先頭へ",
    "Site navigation": "サイト内の案内",
    "Section Navigation": "このセクションの案内",
    "Skip to main content": "本文へスキップ",
}

# Theme options whose defaults are English text.
THEME_OPTIONS = {"search_bar_text": "サイト内を検索…", "header_dropdown_text": "その他"}


class _Fallback(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        if message in JAPANESE:
            return JAPANESE[message]
        return super().gettext(message)


def install(config) -> None:
    """Called at config-inited; Japanese sites only."""
    if not (config.language or "").startswith("ja"):
        return
    translator = get_translator()  # the "sphinx" catalogue templates and writers use
    probe = translator
    while probe is not None:                    # once per process, even when called again
        if isinstance(probe, _Fallback):
            break
        probe = getattr(probe, "_fallback", None)
    else:
        translator.add_fallback(_Fallback())
    if config.html_theme == "pydata_sphinx_theme":
        for key, value in THEME_OPTIONS.items():
            config.html_theme_options.setdefault(key, value)
