"""The message catalogue: every sentence the checks and the grader say to a learner, translated.

    dlutils/locale/<lang>/LC_MESSAGES/dlcourse.po    translators edit this (gettext's PO format)
    dlutils/locale/<lang>/LC_MESSAGES/dlcourse.mo    compiled from it by ``dlcourse release``

The messages are gathered from the code: every string literal passed to ``_`` or ``N_`` in
``dlutils/`` and ``autograder/`` (Babel's extractor), and every known mistake's ``says`` sentence
(the catalogues are data: they name no ``_``). ``dlcourse release`` merges them into each ``.po``
file (new ones empty, gone ones dropped, translations kept) and compiles it;
tests/test_messages.py fails while any message has no translation or the compiled file is stale.
"""
from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from dlutils.i18n import DOMAIN, LOCALE_DIR

from ..course.registry import CHECK_SETS, REPO_ROOT
from .translations import LANGUAGES

CODE_DIRS = ("dlutils", "autograder")
PROJECT = "dlcourse"


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    return po_path(lang).with_suffix(".mo")


def template() -> Catalog:
    """Every message of the course, with where it comes from."""
    catalog = Catalog(project=PROJECT, domain=DOMAIN)
    for folder in CODE_DIRS:
        for filename, lineno, message, comments, _context in extract_from_dir(
                REPO_ROOT / folder, keywords={"_": None, "N_": None}, comment_tags=("Translators:",)):
            catalog.add(message, locations=[(f"{folder}/{filename}", lineno)], auto_comments=comments)
    for check_set in CHECK_SETS.values():
        where = Path(check_set.declaration.__file__).parent.relative_to(REPO_ROOT) / "mistakes.py"
        for mistake in check_set.mistakes:
            catalog.add(mistake.says, locations=[(str(where), 0)],
                        auto_comments=[f"known mistake {mistake.exercise}/{mistake.id}"])
    return catalog


def read(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.is_file():
        return Catalog(locale=lang, project=PROJECT, domain=DOMAIN)
    with open(path, "rb") as f:
        return read_po(f, locale=lang, domain=DOMAIN)


def po_text(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=0, sort_output=False, ignore_obsolete=True, include_lineno=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def updated(lang: str) -> Catalog:
    """The ``.po`` catalogue merged with the messages the code has now."""
    catalog = read(lang)
    catalog.update(template(), no_fuzzy_matching=True, update_creation_date=False)
    catalog.revision_date = catalog.creation_date  # stable files: no timestamps that change each run
    return catalog


def untranslated(catalog: Catalog) -> list[str]:
    return [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]


def write(langs=None) -> list[Path]:
    """Merge and compile every language's catalogue."""
    written = []
    for lang in langs or LANGUAGES:
        catalog = updated(lang)
        po_path(lang).parent.mkdir(parents=True, exist_ok=True)
        po_path(lang).write_bytes(po_text(catalog))
        mo_path(lang).write_bytes(mo_bytes(catalog))
        written += [po_path(lang), mo_path(lang)]
    return written
