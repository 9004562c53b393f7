"""Fonts for plot text in the course's languages: matplotlib's default (DejaVu Sans) has no Chinese
characters, so a Chinese edition's titles and labels would be drawn as empty boxes."""
from __future__ import annotations

import warnings

import matplotlib
from matplotlib import font_manager

# Fonts with the characters of each language, best first: a system font (Debian/Ubuntu:
# fonts-wqy-microhei or fonts-noto-cjk; macOS and Windows have their own). They come after the
# families already set, so Latin letters, digits and math keep the look of the English edition;
# matplotlib takes each character it lacks from the next family that has it.
FAMILIES = {
    "zh": ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Heiti SC",
           "Microsoft YaHei", "SimHei"],
}
INSTALL_HINT = ("no font with Chinese characters was found, so plot text in Chinese shows as boxes; install one "
                "(Debian/Ubuntu: sudo apt-get install fonts-wqy-microhei) and restart the kernel")


def installed(lang: str) -> list[str]:
    """The families of ``FAMILIES[lang]`` that matplotlib can find on this machine."""
    names = {f.name for f in font_manager.fontManager.ttflist}
    return [family for family in FAMILIES.get(lang, []) if family in names]


def found(lang: str) -> list[str]:
    """``installed``, after indexing the system's fonts matplotlib has not seen if none is (a font
    installed after matplotlib cached its font list)."""
    if lang not in FAMILIES or installed(lang):
        return installed(lang)
    known = {f.fname for f in font_manager.fontManager.ttflist}
    for path in font_manager.findSystemFonts():
        if path not in known:
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # a file matplotlib cannot read
                continue
    return installed(lang)


def configure(lang: str) -> list[str]:
    """Make matplotlib draw ``lang``'s characters; returns the families it falls back to."""
    if lang not in FAMILIES:
        return []
    available = found(lang)
    if not available:
        warnings.warn(INSTALL_HINT, stacklevel=3)
        return []
    matplotlib.rcParams["font.family"] = _fallback_order(available)
    return available


def _fallback_order(language_families: list[str]) -> list[str]:
    """The families a plot tries, in order, once a language's fonts are configured. A generic family
    ("sans-serif") stands for its first installed font only; matplotlib falls back from font to font
    along a list of families, so the language's fonts follow the families already set."""
    return [f for f in matplotlib.rcParams["font.family"] if f not in language_families] + language_families


def missing_characters(text: str, lang: str) -> list[str]:
    """The characters of ``text`` (spaces aside) that no font of a plot in ``lang`` can draw here: the
    families matplotlib is set to, then ``lang``'s installed ones (``configure``'s order)."""
    from matplotlib.ft2font import FT2Font

    drawable: set[int] = set()
    for family in _fallback_order(found(lang)):
        path = font_manager.findfont(font_manager.FontProperties(family=[family]), fallback_to_default=False)
        drawable.update(FT2Font(path).get_charmap())
    return sorted({c for c in text if not c.isspace() and ord(c) not in drawable})
