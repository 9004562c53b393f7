"""A labelled synthetic class for the similarity check (tests/test_similarity.py, benchmarks/similarity_scale.py).

Honest answers are written independently: the reference, the assignment's honest.py and the correct
variants of both mistake corpora (``honest``). A copy is made from one of them by what a student who copies does (``disguise``): renaming
the local variables, adding or changing comments and blank lines, swapping independent statements,
splitting an expression into a temporary or inlining a temporary; or by taking only part of it
(``partial``: the first half of its statements, the rest from another answer).
"""
from __future__ import annotations

import ast
import importlib
import io
import itertools
import random
import re
import textwrap
import tokenize
from dataclasses import dataclass, field

from autograder.course.registry import REPO_ROOT
from autograder.similarity import answers, run, scores


def honest(assignment_id: str) -> dict[str, list[str]]:
    """function -> its independently written correct answers: those that calibrate the check (the
    reference's and the assignment's honest.py, ``run.honest_answers``), then the corpora's."""
    from tests.mistake_corpus.kinds import Right

    out = run.honest_answers(assignment_id)
    for corpus in ("mistake_corpus", "mistake_corpus_independent"):
        for entry in importlib.import_module(f"tests.{corpus}.{assignment_id}").CORPUS:
            if isinstance(entry, Right) and entry.exercise in out:
                out[entry.exercise].append(answers.own_code(textwrap.dedent(entry.code)))
    return out


DISGUISES = ("rename", "comments", "reorder", "split", "inline", "all")


@dataclass
class Labelled:
    """A class whose truth is known. Honest authors ``h00``, ``h01``, ... answer each function with its
    k-th honest answer (while there is one; else they leave the release's code). Copiers ``c00``, ...
    copy some or all of one author's functions, each disguised one way; partial copiers ``p00``, ...
    take the first half of one author's function and the rest of another's."""
    assignment_id: str
    given: dict[str, str]                                 # function -> the release's code
    answers: dict[str, dict[str, str]]                    # function -> student -> code
    origin: dict[str, dict[str, int]]                     # function -> student -> the honest answer it is
    partial: dict[str, set[frozenset[str]]] = field(default_factory=dict)  # function -> partially copied pairs
    how: dict[tuple[str, str], str] = field(default_factory=dict)          # (function, copier) -> disguise
    same_as: dict[str, set[frozenset[int]]] = field(default_factory=dict)  # function -> coinciding honest answers

    def copies(self, function: str) -> set[frozenset[str]]:
        """The pairs of students who hold the same whole answer of ``function`` (author and copiers, copiers
        of one author): what must be flagged."""
        by_origin: dict[int, list[str]] = {}
        for student, k in self.origin[function].items():
            by_origin.setdefault(k, []).append(student)
        return {frozenset(p) for group in by_origin.values() for p in itertools.combinations(sorted(group), 2)}

    def coinciding(self, function: str) -> set[frozenset[str]]:
        """The pairs of students whose answers of ``function`` come from different honest answers that
        coincide: the same up to the disguises (names, layout, order, temporaries), so no check can tell
        them from a copy. Neither a copy to find nor an honest pair that can be kept apart."""
        same = self.same_as[function]
        origin = self.origin[function]
        return {frozenset((a, b)) for a, b in itertools.combinations(sorted(origin), 2)
                if origin[a] != origin[b] and frozenset((origin[a], origin[b])) in same}

    def honest_pairs(self, function: str) -> set[frozenset[str]]:
        """The pairs of students whose answers of ``function`` were written independently and differ: what
        must not be flagged."""
        written = sorted(self.origin[function])
        other = self.copies(function) | self.partial.get(function, set()) | self.coinciding(function)
        return {frozenset(p) for p in itertools.combinations(written, 2)} - other


def labelled_class(assignment_id: str, copiers: int = 16, partials: int = 4, seed: int = 0) -> Labelled:
    rng = random.Random(seed)
    written = honest(assignment_id)
    given = {fn: code for fn, code in answers.given_code(REPO_ROOT, assignment_id).items() if fn in written}
    authors = [f"h{i:02d}" for i in range(max(len(codes) for codes in written.values()))]
    out = Labelled(assignment_id, given, {fn: {} for fn in written}, {fn: {} for fn in written})
    for fn, codes in written.items():
        for i, author in enumerate(authors):
            if i < len(codes):
                out.answers[fn][author], out.origin[fn][author] = codes[i], i
            else:
                out.answers[fn][author] = given[fn]
    for fn, codes in written.items():
        prints = [scores.fingerprint(c) for c in codes]
        out.same_as[fn] = {frozenset((i, j)) for i, j in itertools.combinations(range(len(codes)), 2)
                           if prints[i] and prints[i] == prints[j]}
    functions = list(written)
    for k in range(copiers):
        copier, source = f"c{k:02d}", rng.randrange(len(authors))
        chosen = functions if k % 2 == 0 else rng.sample(functions, rng.randint(2, 4))
        for fn in functions:
            if fn in chosen and source in out.origin[fn].values():
                how = DISGUISES[(k + functions.index(fn)) % len(DISGUISES)]
                out.answers[fn][copier] = disguise(written[fn][source], rng, how)
                out.origin[fn][copier], out.how[(fn, copier)] = source, how
            else:
                out.answers[fn][copier] = given[fn]
    long_ = [fn for fn in functions if len(written[fn]) > 1 and len(_function(written[fn][0])[1].body) >= 4]
    for k in range(partials):
        student, fn = f"p{k:02d}", long_[k % len(long_)]
        first, second = rng.sample(range(len(written[fn])), 2)
        for other in functions:
            out.answers[other][student] = given[other]
        out.answers[fn][student] = partial(written[fn][first], written[fn][second])
        out.partial.setdefault(fn, set()).update({frozenset((student, authors[first])), frozenset((student, authors[second]))})
    return out


def _locals(fn: ast.FunctionDef) -> list[str]:
    assigned = {t.id for node in ast.walk(fn) for t in
                (node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, (ast.AugAssign, ast.For, ast.AnnAssign)) else [])
                if isinstance(t, ast.Name)}
    assigned |= {e.id for node in ast.walk(fn) if isinstance(node, (ast.Assign, ast.For))
                 for t in (node.targets if isinstance(node, ast.Assign) else [node.target]) if isinstance(t, ast.Tuple)
                 for e in t.elts if isinstance(e, ast.Name)}
    return sorted(assigned)


def _function(code: str) -> tuple[ast.Module, ast.FunctionDef]:
    tree = ast.parse(textwrap.dedent(code))
    fn = next(n for n in tree.body if isinstance(n, ast.FunctionDef))
    fn.body = [s for s in fn.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]  # docstring
    return tree, fn


def _uses(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def _sets(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}


def _pieces(code: str) -> tuple[list[str], list[tuple[ast.stmt, str]], list[str], ast.FunctionDef, str]:
    """``code``'s function as its lines before the body, each body statement with its text as written,
    the lines after, the function's node and the body's indentation."""
    text = textwrap.dedent(code)
    lines = text.splitlines()
    _, fn = _function(text)
    body = [(st, "\n".join(lines[st.lineno - 1:st.end_lineno])) for st in fn.body]
    indent = lines[fn.body[0].lineno - 1][:fn.body[0].col_offset]
    return lines[:fn.body[0].lineno - 1], body, lines[fn.end_lineno:], fn, indent


def _written(node: ast.stmt, indent: str) -> str:
    """A statement the disguise made: written out the way ast writes it, at ``indent``."""
    return textwrap.indent(ast.unparse(ast.fix_missing_locations(node)), indent)


def _renamed(text: str, names: dict[str, str]) -> str:
    """``text`` with the variables ``names`` renamed, and nothing else changed (not strings, attributes
    or comments): token by token."""
    tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    lines = text.splitlines(keepends=True)
    word = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b") if names else None
    for k in reversed(range(len(tokens))):
        t = tokens[k]
        (row, col), (end_row, end) = t.start, t.end
        if t.type == tokenize.NAME and t.string in names and not (k and tokens[k - 1].string == "."):
            new = names[t.string]
        elif word and t.type == tokenize.STRING and row == end_row and t.string[:2].lower() in ('f"', "f'"):
            new = re.sub(r"\{[^{}]*\}", lambda m: word.sub(lambda w: names[w.group()], m.group()), t.string)
        else:
            continue
        lines[row - 1] = lines[row - 1][:col] + new + lines[row - 1][end:]
    return "".join(lines)


def disguise(code: str, rng: random.Random, how: str) -> str:
    """A copy of ``code`` disguised one way: "rename", "comments", "reorder", "split", "inline", or "all".
    What the disguise does not touch stays as written (the copier pasted it)."""
    head, body, tail, fn, indent = _pieces(code)
    ways = ["rename", "reorder", "split", "inline", "comments"] if how == "all" else [how]
    if "reorder" in ways:  # swap the first two adjacent statements that do not depend on each other
        for i in range(len(body) - 1):
            a, b = body[i][0], body[i + 1][0]
            if (isinstance(a, ast.Assign) and isinstance(b, ast.Assign) and not (_sets(a) & (_uses(b) | _sets(b)))
                    and not (_sets(b) & _uses(a))):
                body[i], body[i + 1] = body[i + 1], body[i]
                break
    if "split" in ways:  # the first assignment of a binary operation: its right operand into a temporary
        for i, (st, _) in enumerate(body):
            if isinstance(st, ast.Assign) and isinstance(st.value, ast.BinOp):
                tmp = f"part_{rng.randrange(100)}"
                first = ast.Assign([ast.Name(tmp, ast.Store())], st.value.right)
                second = ast.Assign(st.targets, ast.BinOp(st.value.left, st.value.op, ast.Name(tmp, ast.Load())))
                body[i:i + 1] = [(first, _written(first, indent)), (second, _written(second, indent))]
                break
    if "inline" in ways:  # a temporary used once, in the next statement, put in its place
        for i in range(len(body) - 1):
            st, nxt = body[i][0], body[i + 1][0]
            if (isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
                    and sum(1 for n in ast.walk(fn) if isinstance(n, ast.Name) and n.id == st.targets[0].id) == 2
                    and st.targets[0].id in _uses(nxt)):
                name, value = st.targets[0].id, st.value

                class Inline(ast.NodeTransformer):
                    def visit_Name(self, node):
                        return value if node.id == name and isinstance(node.ctx, ast.Load) else node

                merged = Inline().visit(nxt)
                body[i:i + 2] = [(merged, _written(merged, indent))]
                break
    text = "\n".join(head + [t for _, t in body] + tail) + "\n"
    if "rename" in ways:
        text = _renamed(text, {n: f"{rng.choice(['my', 'tmp', 'val', 'res', 'cur'])}_{n.lower()}_{rng.randrange(100)}"
                               for n in _locals(fn)})
    if "comments" in ways:
        lines = []
        for line in text.splitlines():
            lines.append(line)
            if line.strip() and not line.rstrip().endswith(("\\", ",", "(", "[", "{")) and rng.random() < 0.5:
                lines[-1] += f"  # {rng.choice(['step', 'note', 'ok', 'see notes'])}"
            if rng.random() < 0.3:
                lines.append("")
        text = "\n".join(lines) + "\n"
    return text


def partial(code: str, other: str) -> str:
    """The first half of ``code``'s statements, then the rest of ``other``'s (a partial copy), as written."""
    head, body, tail, _, indent = _pieces(code)
    _, body_other, _, _, indent_other = _pieces(other)
    half = max(1, len(body) // 2)
    rest = [textwrap.indent(textwrap.dedent(t), indent) for _, t in body_other[min(half, len(body_other) - 1):]]
    return "\n".join(head + [t for _, t in body[:half]] + rest + tail) + "\n"
