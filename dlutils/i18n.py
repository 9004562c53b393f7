"""The language of what the course says to a learner: checks, grading messages, plot labels.

English unless the notebook is a translated edition (its first cell calls ``use_language``) or the
environment says otherwise (``DLCOURSE_LANG=zh``). Messages are translated through a gettext
catalogue, ``dlutils/locale/<lang>/LC_MESSAGES/dlcourse.mo``, compiled by ``dlcourse release``
from the ``.po`` file beside it (the one translators edit); the English text is the message id.

    from dlutils.i18n import _
    _("{label} has the wrong value.").format(label=label)

A message is written as one template with named fields, so a translation can put them in its
own order.
"""
from __future__ import annotations

import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

LANGUAGE_ENV = "DLCOURSE_LANG"
DOMAIN = "dlcourse"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
ENGLISH = "en"

_chosen: str | None = None


@lru_cache(maxsize=None)
def available() -> tuple[str, ...]:
    """The languages with a compiled catalogue, English first (looked up once per process)."""
    return (ENGLISH, *sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")))


def language() -> str:
    """The language now in use: ``use_language``'s, else ``$DLCOURSE_LANG``'s, else English."""
    lang = _chosen or os.environ.get(LANGUAGE_ENV, "").strip() or ENGLISH
    return lang if lang in available() else ENGLISH


def use_language(lang: str) -> None:
    """Speak ``lang`` from now on in this process (a translated notebook's first cell calls it)."""
    global _chosen
    if lang not in available():
        raise ValueError(f"no messages in {lang!r}; the course has {', '.join(available())}")
    _chosen = lang
    from . import fonts  # plot labels in that language need a font with its characters
    fonts.configure(lang)


@contextmanager
def using(lang: str | None) -> Iterator[None]:
    """Speak ``lang`` inside the block (the grader: one submission's messages); None changes nothing
    (``$DLCOURSE_LANG`` or English, as before)."""
    global _chosen
    before = _chosen
    if lang is not None:
        _chosen = lang if lang in available() else ENGLISH
    try:
        yield
    finally:
        _chosen = before


@lru_cache(maxsize=None)
def catalogue(lang: str) -> gettext.NullTranslations:
    if lang == ENGLISH:
        return gettext.NullTranslations()
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as f:
        return gettext.GNUTranslations(f)


def _(message: str) -> str:
    """``message`` in the language in use (itself when it has no translation)."""
    return catalogue(language()).gettext(message)


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue where it is defined; it is translated where shown, by ``_``."""
    return message
