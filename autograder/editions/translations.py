"""Translated editions of the notebooks, from translations kept cell by cell beside the English.

    source/<assignment>/<notebook>.zh.md     the Chinese translation of an assignment
    notebooks/<lecture>.zh.md                the Chinese translation of a lecture

A translation file is Markdown: a preamble, then one block per translated cell, each starting with

    <!-- cell <id> en <hash> -->

where ``<id>`` is the English cell's id and ``<hash>`` the first 12 hex digits of the SHA-256 of
the English cell's source the block was translated from. When the English cell changes, its hash
no longer matches and the translation is *stale* (tests/test_translations.py fails, naming it).

- A markdown cell's block is its translated text. Every markdown cell needs one. A cell with
  nothing to translate (a formula alone) says so with ``same`` after the hash.
- A code cell's block is optional: the cell as the learner should see it, in a ```python fence,
  with strings and comments translated. Only those may differ: the code itself is the English
  notebook's (its syntax tree, with each string left out, is the English one's: ``code_problems``),
  a string differs only by being translated (it has Chinese in it) and keeps the English one's
  placeholders (``%d``, ``{name}``; an f-string's expressions, in any order), and cells that grade
  (nbgrader's solution and test cells) are never translated. A read-only demonstration cell may
  be: the edition carries the checksum of its translated source (so nbgrader's Validate accepts
  it), and grading restores the English one.

The edition is the English notebook with the blocks applied and one cell put first, which sets
the language of the checks' messages (``LANGUAGE_CELL_ID``). ``dlcourse release`` writes the
editions: ``<lang>/notebooks/<lecture>.ipynb`` from the lectures and ``<lang>/release/<assignment>/``
from the English release (so the same grade cells, tests and points: a learner may submit either).
"""
from __future__ import annotations

import ast
import copy
import hashlib
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

from ..course.registry import ASSIGNMENTS, REPO_ROOT

LANGUAGES = {"zh": "简体中文"}  # the editions besides English
LANGUAGE_CELL_ID = "dlcourse-language"
HASH_DIGITS = 12
HEADER = re.compile(r"^<!-- cell (?P<id>\S+) en (?P<hash>[0-9a-f]{%d})(?P<same> same)? -->$" % HASH_DIGITS, re.M)
FENCE = re.compile(r"\A```python\n(?P<code>.*?)\n?```\Z", re.S)
CJK = re.compile(r"[\u3400-\u9fff]")
# What a translation of a markdown cell keeps from the English, character for character.
MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+\$", re.S)
CODE_SPAN = re.compile(r"`[^`\n]+`")
LINK_TARGET = re.compile(r"\]\(([^)\s]+)")
NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?")

LANGUAGE_CALL = re.compile(r'^dlutils\.use_language\("(?P<lang>\w+)"\)\s*$', re.M)
LANGUAGE_CELL = {
    "zh": "# 中文版：检查和评分的信息用简体中文显示。\nimport dlutils\ndlutils.use_language(\"zh\")",
}
PREAMBLE = {
    "zh": "<!-- Simplified Chinese (zh) translation of {name}, cell by cell (see autograder/editions/translations.py).\n"
          "     Each block starts with a line naming the English cell's id and the hash of the English text it\n"
          "     was translated from; change the text below it, and the hash only when the translation matches\n"
          "     the English again. -->\n",
}


def english_hash(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()[:HASH_DIGITS]


@dataclass(frozen=True)
class Block:
    cell_id: str
    en_hash: str
    text: str
    same: bool = False  # nothing to translate: the English text is kept


def translation_path(notebook: Path, lang: str) -> Path:
    return notebook.with_name(f"{notebook.stem}.{lang}.md")


def read(path: Path) -> dict[str, Block]:
    """The blocks of a translation file, by cell id (a missing file has none)."""
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8")
    heads = list(HEADER.finditer(text))
    blocks = {}
    for head, following in zip(heads, heads[1:] + [None]):
        body = text[head.end():following.start() if following else len(text)].strip("\n")
        blocks[head["id"]] = Block(head["id"], head["hash"], body, bool(head["same"]))
    return blocks


def write(path: Path, notebook: nbformat.NotebookNode, blocks: dict[str, Block], lang: str) -> None:
    """Write ``blocks`` in the notebook's cell order (the form translators edit)."""
    parts = [PREAMBLE[lang].format(name=path.name.replace(f".{lang}.md", ".ipynb"))]
    for cell in notebook.cells:
        block = blocks.get(cell.id)
        if block:
            same = " same" if block.same else ""
            parts.append(f"<!-- cell {block.cell_id} en {block.en_hash}{same} -->\n{block.text}\n")
    path.write_text("\n".join(parts), encoding="utf-8")


def skeleton(notebook: nbformat.NotebookNode) -> dict[str, Block]:
    """A block per markdown cell holding the English text, for a translator to replace."""
    return {c.id: Block(c.id, english_hash(c.source), c.source) for c in notebook.cells if c.cell_type == "markdown"}


def is_graded(cell) -> bool:
    """A cell that grades: a learner's answer (solution) or a test cell (grade)."""
    nbgrader = cell.get("metadata", {}).get("nbgrader", {})
    return bool(nbgrader.get("solution") or nbgrader.get("grade"))


def problems(notebook: nbformat.NotebookNode, blocks: dict[str, Block], where: str) -> list[str]:
    """What is wrong with a translation of ``notebook`` (empty: complete and up to date)."""
    out = []
    cells = {c.id: c for c in notebook.cells}
    for cell in notebook.cells:
        block = blocks.get(cell.id)
        if block is None:
            if cell.cell_type == "markdown":
                out.append(f"{where}: markdown cell {cell.id} has no translation: add a block "
                           f"'<!-- cell {cell.id} en {english_hash(cell.source)} -->' with its text.")
            continue
        if block.en_hash != english_hash(cell.source):
            out.append(f"{where}: cell {cell.id} is stale: the English cell changed after it was translated "
                       f"(written from {block.en_hash}, now {english_hash(cell.source)}). Update the "
                       "translation (git log -p shows the English change), then its hash.")
        if cell.cell_type == "markdown":
            if block.same and block.text.strip() != cell.source.strip():
                out.append(f"{where}: cell {cell.id} is marked 'same' but differs from the English.")
            elif not block.same and not CJK.search(block.text):
                out.append(f"{where}: cell {cell.id} is not translated (no Chinese in it); translate it, or "
                           "mark it 'same' if it has nothing to translate.")
            else:
                out += [f"{where}: cell {cell.id}: {p}" for p in _lost(cell.source, block.text)]
        elif cell.cell_type == "code":
            out += _code_problems(cell, block, where)
    for cell_id in blocks.keys() - cells.keys():
        out.append(f"{where}: a block names cell {cell_id}, which the English notebook no longer has: remove it.")
    return out


def _lost(english: str, translated: str) -> list[str]:
    """What the English markdown has that its translation dropped or changed: formulas (all of
    them, exactly), code spans, link targets and numbers (each at least once)."""
    out = []
    math_en, math_tr = sorted(MATH.findall(english)), sorted(MATH.findall(translated))
    if math_en != math_tr:
        missing = [m for m in math_en if m not in math_tr] or [m for m in math_tr if m not in math_en]
        out.append(f"its formulas differ from the English ones (first: {missing[0] if missing else 'how many'}); "
                   "keep every formula exactly")
    for name, pattern in (("code span", CODE_SPAN), ("link", LINK_TARGET)):
        kept = set(pattern.findall(translated))
        out += [f"the {name} {x} is missing" for x in dict.fromkeys(pattern.findall(english)) if x not in kept]
    plain_en, plain_tr = (CODE_SPAN.sub(" ", MATH.sub(" ", t)).replace(",", "") for t in (english, translated))
    numbers = set(NUMBER.findall(plain_tr))
    out += [f"the number {n} is missing" for n in dict.fromkeys(NUMBER.findall(plain_en)) if n not in numbers]
    return out


def _code_problems(cell, block: Block, where: str) -> list[str]:
    if is_graded(cell):
        return [f"{where}: cell {cell.id} is graded (nbgrader); graded cells are not translated: remove its block."]
    fenced = FENCE.match(block.text)
    if not fenced:
        return [f"{where}: code cell {cell.id}'s block must be the cell in a ```python fence."]
    return [f"{where}: code cell {cell.id}'s translation {p}" for p in code_problems(cell.source, fenced["code"])]


def code_problems(english: str, translated: str) -> list[str]:
    """How the translation of a code cell differs from the English beyond its words (empty: only
    strings were translated and comments changed, so it runs as the English cell runs and prints
    the same values; the English cell's run vouches for it)."""
    try:
        trees = [ast.parse(_without_magics(code)) for code in (english, translated)]
    except SyntaxError as e:
        return [f"does not parse ({e.msg}, line {e.lineno})."]
    if ast.dump(_Unworded().visit(copy.deepcopy(trees[0]))) != ast.dump(_Unworded().visit(copy.deepcopy(trees[1]))):
        return ["changes code; only strings and comments may differ."]
    out = []
    for (en, formatted), (tr, _) in zip(*(_strings(tree) for tree in trees)):
        if en == tr:
            continue
        if not CJK.search(tr):
            out.append(f"changes the string {en!r} to {tr!r}; a string may only differ by being translated.")
        elif not formatted and sorted(PLACEHOLDER.findall(en)) != sorted(PLACEHOLDER.findall(tr)):
            out.append(f"string {tr!r} does not keep the placeholders of {en!r} "
                       f"({', '.join(PLACEHOLDER.findall(en)) or 'none'}); Python fills them in.")
    return out


# What Python fills into a string: %-formatting's conversions and str.format's fields.
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]|\{[^{}]*\}")


def _without_magics(code: str) -> str:
    """IPython's magics and ! lines as comments (they are not Python)."""
    return "\n".join(re.sub(r"^(\s*)[%!]", r"\1#", line) for line in code.splitlines())


class _Unworded(ast.NodeTransformer):
    """A syntax tree with its words left out: every string is "", an f-string keeps only its
    expressions (as written, in a fixed order: a translation may reorder them)."""

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        return ast.Constant(value="") if isinstance(node.value, str) else node

    def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.AST:
        return ast.JoinedStr(values=sorted((v for v in node.values if isinstance(v, ast.FormattedValue)), key=ast.dump))


def _strings(tree: ast.AST) -> list[tuple[str, bool]]:
    """The tree's strings in a fixed order, each with whether it is an f-string (its text, with
    ``{}`` for each expression: the expressions themselves are compared as code)."""
    out = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.JoinedStr):
            out.append(("".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values), True))
            return
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            out.append((node.value, False))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return out


def apply(notebook: nbformat.NotebookNode, blocks: dict[str, Block], lang: str,
          generated_from: list[str]) -> nbformat.NotebookNode:
    """The ``lang`` edition of ``notebook``: translated cells, the language cell first."""
    edition = copy.deepcopy(notebook)
    for cell in edition.cells:
        block = blocks.get(cell.id)
        if block is None or block.same or (cell.cell_type == "code" and is_graded(cell)):
            continue
        if cell.cell_type == "markdown":
            cell.source = block.text
        elif cell.cell_type == "code" and (fenced := FENCE.match(block.text)):
            cell.source = fenced["code"]
            if cell.metadata.get("nbgrader", {}).get("checksum"):  # a read-only cell: Validate checks its source
                from nbgrader.utils import compute_checksum
                cell.metadata.nbgrader.checksum = compute_checksum(cell)
    language_cell = nbformat.v4.new_code_cell(LANGUAGE_CELL[lang])
    language_cell.id = LANGUAGE_CELL_ID
    edition.cells.insert(0, language_cell)
    edition.metadata["dlcourse"] = {**notebook.metadata.get("dlcourse", {}), "language": lang,
                                    "generated_from": " + ".join(generated_from),
                                    "generated_by": "dlcourse release; do not edit, regenerate"}
    return edition


def language_of(notebook: nbformat.NotebookNode) -> str | None:
    """The language a notebook's language cell chooses, as the learner's kernel saw it (None: it has
    none, as the English notebooks: English, or ``$DLCOURSE_LANG``). The cell, not the metadata,
    since nbgrader clears a notebook's metadata before its feedback is made."""
    for cell in notebook.get("cells", []):
        if cell.get("id") == LANGUAGE_CELL_ID and cell.get("cell_type") == "code":
            chosen = LANGUAGE_CALL.search(cell.get("source", ""))
            if chosen and chosen["lang"] in LANGUAGES:
                return chosen["lang"]
    return None


@dataclass(frozen=True)
class Pair:
    """An English notebook, its translation file and the edition generated from them."""
    english: Path        # the notebook the edition is made from
    translated_from: Path  # the notebook the translation's cell ids and hashes refer to
    translation: Path
    edition: Path
    lang: str
    assignment: str | None = None  # the assignment whose release it translates (None: a lecture)

    @property
    def with_files(self) -> bool:
        """Whether the other files of the English notebook's folder go beside the edition (an assignment's data)."""
        return self.assignment is not None


def pairs(root: Path = REPO_ROOT) -> list[Pair]:
    """Every translated notebook of the course at ``root``, for every language."""
    out = []
    for lang in LANGUAGES:
        for lecture in sorted((root / "notebooks").glob("*.ipynb")):
            out.append(Pair(lecture, lecture, translation_path(lecture, lang), root / lang / "notebooks" / lecture.name,
                            lang))
        for assignment in ASSIGNMENTS.values():
            source, release = assignment.source_path(root), assignment.release_path(root)
            out.append(Pair(release, source, translation_path(source, lang),
                            root / lang / "release" / assignment.id / release.name, lang, assignment.id))
    return out


def edition_of(pair: Pair, root: Path = REPO_ROOT, english: Path | None = None) -> nbformat.NotebookNode:
    """The edition of ``pair`` (made from ``english`` instead of ``pair.english`` if given)."""
    english = english or pair.english
    sources = [str(p.relative_to(root)) for p in (english, pair.translation)]
    return apply(nbformat.read(english, as_version=4), read(pair.translation), pair.lang, sources)


def all_problems(root: Path = REPO_ROOT, assignment_ids=None) -> list[str]:
    """What is missing or stale in the translations of the course at ``root`` (of ``assignment_ids`` only, if given)."""
    out = []
    for pair in pairs(root):
        if assignment_ids is not None and pair.assignment not in assignment_ids:
            continue
        notebook = nbformat.read(pair.translated_from, as_version=4)
        out += problems(notebook, read(pair.translation), str(pair.translation.relative_to(root)))
    return out


def write_editions(root: Path = REPO_ROOT) -> list[Path]:
    """Write every edition (and the files an assignment's notebook reads beside it)."""
    written = []
    for lang in LANGUAGES:
        for folder in (root / lang / "notebooks", root / lang / "release"):
            if folder.exists():
                shutil.rmtree(folder)
    for pair in pairs(root):
        written.append(_write(pair, root))
    return written


def write_release_editions(root: Path, assignment_id: str) -> list[Path]:
    """Write (afresh) every edition of the release of ``assignment_id`` in the course at ``root``:
    ``<lang>/release/<id>/`` from ``release/<id>/`` and the translation beside ``source/<id>/``'s notebook."""
    written = []
    for pair in pairs(root):
        if pair.assignment == assignment_id:
            if pair.edition.parent.exists():
                shutil.rmtree(pair.edition.parent)
            written.append(_write(pair, root))
    return written


def _write(pair: Pair, root: Path) -> Path:
    pair.edition.parent.mkdir(parents=True, exist_ok=True)
    for extra in pair.english.parent.iterdir() if pair.with_files else ():
        if extra.is_file() and extra.suffix != ".ipynb":
            shutil.copy2(extra, pair.edition.parent / extra.name)
    nbformat.write(edition_of(pair, root), pair.edition)
    return pair.edition


def write_skeletons(root: Path = REPO_ROOT) -> list[Path]:
    """Start a translation file for every notebook that has none (English text to replace)."""
    written = []
    for pair in pairs(root):
        if not pair.translation.exists():
            notebook = nbformat.read(pair.translated_from, as_version=4)
            write(pair.translation, notebook, skeleton(notebook), pair.lang)
            written.append(pair.translation)
    return written


def execute_edition(translation: Path, timeout: int = 300) -> nbformat.NotebookNode:
    """Run the edition of the notebook ``translation`` translates (an assignment's source, with its
    solutions) headless in that notebook's folder; returns it with outputs."""
    from nbclient import NotebookClient

    pair = next((p for p in pairs() if p.translation.resolve() == Path(translation).resolve()), None)
    if pair is None:
        raise FileNotFoundError(f"{translation}: not a translation file of this course; they are "
                                f"{', '.join(str(p.translation.relative_to(REPO_ROOT)) for p in pairs())}")
    edition = edition_of(pair, REPO_ROOT, english=pair.translated_from)
    NotebookClient(edition, timeout=timeout, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(pair.translated_from.parent)}}).execute()
    return edition


def main(argv: list[str] | None = None) -> int:
    """python -m autograder.editions.translations [--execute FILE.zh.md [--out OUT.ipynb]]: list what is missing,
    stale or wrong in the translations (exit 1 if anything), or run one edition and list its errors."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m autograder.editions.translations", description=main.__doc__)
    parser.add_argument("--execute", type=Path, help="a translation file: run its edition headless")
    parser.add_argument("--out", type=Path, help="with --execute: write the executed edition here")
    args = parser.parse_args(argv)
    if args.execute:
        try:
            edition = execute_edition(args.execute)
        except FileNotFoundError as e:
            print(e, file=sys.stderr)
            return 2
        if args.out:
            nbformat.write(edition, args.out)
        errors = [(c.id, o.get("ename"), o.get("evalue")) for c in edition.cells if c.cell_type == "code"
                  for o in c.outputs if o.output_type == "error"]
        for cell_id, name, value in errors:
            print(f"cell {cell_id}: {name}: {value}")
        print(f"{len(errors)} error(s)")
        return 1 if errors else 0
    found = all_problems()
    print("\n".join(found) or "every translation is complete and up to date")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
