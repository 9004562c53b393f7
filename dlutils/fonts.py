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


def configure(lang: str) -> list[str]:
    """Make matplotlib draw ``lang``'s characters; returns the families it falls back to."""
    if lang not in FAMILIES:
        return []
    found = installed(lang)
    if not found:  # installed after matplotlib cached its font list: index the new files
        known = {f.fname for f in font_manager.fontManager.ttflist}
        for path in font_manager.findSystemFonts():
            if path not in known:
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):  # a file matplotlib cannot read
                    continue
        found = installed(lang)
    if not found:
        warnings.warn(INSTALL_HINT, stacklevel=3)
        return []
    # A generic family ("sans-serif") stands for its first installed font only; matplotlib falls back
    # from font to font along a list of families, so the language's fonts follow it in that list.
    families = [f for f in matplotlib.rcParams["font.family"] if f not in found]
    matplotlib.rcParams["font.family"] = families + found
    return found
