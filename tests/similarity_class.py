"""A labelled synthetic class for the similarity check (tests/test_similarity.py, benchmarks/similarity_scale.py).

Honest answers are written independently: the reference and the correct variants of both mistake corpora
(``honest``). A copy is made from one of them by what a student who copies does (``disguise``): renaming
the local variables, adding or changing comments and blank lines, swapping independent statements,
splitting an expression into a temporary or inlining a temporary; or by taking only part of it
(``partial``: the first half of its statements, the rest from another answer).
"""
from __future__ import annotations

import ast
import importlib
import inspect
import random
import textwrap

from autograder.course.registry import ASSIGNMENTS


def honest(assignment_id: str) -> dict[str, list[str]]:
    """function -> its independently written correct answers: the reference's, then the corpora's."""
    from tests.mistake_corpus.kinds import Right

    out: dict[str, list[str]] = {fn: [] for fn in ASSIGNMENTS[assignment_id].exercises}
    reference = importlib.import_module(f"autograder.course.assignments.{assignment_id}.reference")
    for fn in out:
        out[fn].append(textwrap.dedent(inspect.getsource(getattr(reference, fn))))
    for corpus in ("mistake_corpus", "mistake_corpus_independent"):
        for entry in importlib.import_module(f"tests.{corpus}.{assignment_id}").CORPUS:
            if isinstance(entry, Right) and entry.exercise in out:
                out[entry.exercise].append(textwrap.dedent(entry.code))
    return out


class _Rename(ast.NodeTransformer):
    def __init__(self, names: dict[str, str]):
        self.names = names

    def visit_Name(self, node):
        node.id = self.names.get(node.id, node.id)
        return node


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


def disguise(code: str, rng: random.Random, how: str) -> str:
    """A copy of ``code`` disguised one way: "rename", "comments", "reorder", "split", "inline", or "all"."""
    tree, fn = _function(code)
    ways = ["rename", "reorder", "split", "inline", "comments"] if how == "all" else [how]
    if "rename" in ways:
        names = {n: f"{rng.choice(['my', 'tmp', 'val', 'res', 'cur'])}_{n.lower()}_{rng.randrange(100)}" for n in _locals(fn)}
        _Rename(names).visit(fn)
    if "reorder" in ways:  # swap the first two adjacent statements that do not depend on each other
        body = fn.body
        for i in range(len(body) - 1):
            a, b = body[i], body[i + 1]
            if (isinstance(a, ast.Assign) and isinstance(b, ast.Assign) and not (_sets(a) & (_uses(b) | _sets(b)))
                    and not (_sets(b) & _uses(a))):
                body[i], body[i + 1] = b, a
                break
    if "split" in ways:  # the first assignment of a binary operation: its right operand into a temporary
        for i, s in enumerate(fn.body):
            if isinstance(s, ast.Assign) and isinstance(s.value, ast.BinOp):
                tmp = f"part_{rng.randrange(100)}"
                fn.body[i:i + 1] = [ast.Assign([ast.Name(tmp, ast.Store())], s.value.right),
                                    ast.Assign(s.targets, ast.BinOp(s.value.left, s.value.op, ast.Name(tmp, ast.Load())))]
                break
    if "inline" in ways:  # a temporary used once, in the next statement, put in its place
        for i in range(len(fn.body) - 1):
            s, nxt = fn.body[i], fn.body[i + 1]
            if (isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name)
                    and sum(1 for n in ast.walk(fn) if isinstance(n, ast.Name) and n.id == s.targets[0].id) == 2
                    and s.targets[0].id in _uses(nxt)):
                name, value = s.targets[0].id, s.value

                class Inline(ast.NodeTransformer):
                    def visit_Name(self, node):
                        return value if node.id == name and isinstance(node.ctx, ast.Load) else node

                fn.body[i + 1] = Inline().visit(nxt)
                del fn.body[i]
                break
    text = ast.unparse(ast.fix_missing_locations(tree))
    if "comments" in ways:
        lines = []
        for line in text.splitlines():
            lines.append(line)
            if line.strip() and rng.random() < 0.5:
                lines.append(" " * (len(line) - len(line.lstrip())) + f"# {rng.choice(['step', 'note', 'ok', 'see notes'])}")
            if rng.random() < 0.3:
                lines.append("")
        text = "\n".join(lines)
    return text + "\n"


def partial(code: str, other: str) -> str:
    """The first half of ``code``'s statements, then the rest of ``other``'s (a partial copy)."""
    tree, fn = _function(code)
    _, fn_other = _function(other)
    half = max(1, len(fn.body) // 2)
    fn.body = fn.body[:half] + fn_other.body[min(half, len(fn_other.body) - 1):]
    return ast.unparse(ast.fix_missing_locations(tree)) + "\n"
