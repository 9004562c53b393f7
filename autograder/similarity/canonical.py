"""An answer in a canonical form, so that rewriting it without changing what it computes changes little.

Fingerprints of the code as written already ignore names, comments and layout (copydetect's filter).
What they do not ignore, and what a student who copies does next, is moving code around:

- a temporary used once is put in its place (``z = w @ a; return z + b`` -> ``return w @ a + b``), so
  splitting an expression into a temporary, or inlining one, gives the same form (also when the use is
  a few statements further down, as long as nothing in between changes what it was computed from);
- a run of statements that do not depend on each other is put in one order (the order of their text
  with every name abstracted), so swapping independent statements gives the same form;
- the code is written out by ``ast.unparse`` (one way of writing parentheses, quotes and tuples).

Both honest and copied answers go through it, so it raises the scores of honest answers that differ
only in these ways too: they were indistinguishable from a copy anyway. Code that is not Python
(an unfinished cell) is left as it is.
"""
from __future__ import annotations

import ast
import copy

SIMPLE = (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr)


def canonical(code: str) -> str:
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return code
    for fn in [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]:
        loads, stores = _counts(fn)
        for block in _blocks(fn):
            _inline(block, loads, stores)
            block[:] = _ordered(block)
    try:
        return ast.unparse(tree) + "\n"
    except (RecursionError, ValueError):
        return code


def _counts(fn: ast.AST) -> tuple[dict[str, int], dict[str, int]]:
    loads: dict[str, int] = {}
    stores: dict[str, int] = {}
    for n in ast.walk(fn):
        if isinstance(n, ast.Name):
            table = loads if isinstance(n.ctx, ast.Load) else stores
            table[n.id] = table.get(n.id, 0) + 1
        elif isinstance(n, ast.arg):
            stores[n.arg] = stores.get(n.arg, 0) + 1
    return loads, stores


def _blocks(node: ast.AST) -> list[list[ast.stmt]]:
    """Every list of statements in ``node`` (its body, the bodies of its loops and branches)."""
    out = []
    for n in ast.walk(node):
        for name in ("body", "orelse", "finalbody"):
            block = getattr(n, name, None)
            if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                out.append(block)
    return out


def _uses(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def _sets(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}


def _inline(block: list[ast.stmt], loads: dict[str, int], stores: dict[str, int]) -> None:
    """Put each temporary assigned once and used once, in a later statement of the same block, in its
    place, when nothing in between changes what it was computed from."""
    i = 0
    while i < len(block) - 1:
        st = block[i]
        name = st.targets[0].id if (isinstance(st, ast.Assign) and len(st.targets) == 1
                                    and isinstance(st.targets[0], ast.Name)) else None
        j = next((j for j in range(i + 1, len(block)) if name in _uses(block[j])), None) if name else None
        if (j is not None and stores.get(name) == 1 and loads.get(name) == 1
                and not any(_sets(block[k]) & (_uses(st.value) | {name}) for k in range(i + 1, j))):
            value = st.value

            class Inline(ast.NodeTransformer):
                def visit_Name(self, node):
                    return copy.deepcopy(value) if node.id == name and isinstance(node.ctx, ast.Load) else node

            block[j] = Inline().visit(block[j])
            del block[i]
        else:
            i += 1


def _key(st: ast.stmt) -> str:
    """The statement's text with every name abstracted (renaming does not change the order)."""
    abstract = copy.deepcopy(st)
    for n in ast.walk(abstract):
        if isinstance(n, ast.Name):
            n.id = "_"
    return ast.unparse(abstract)


def _ordered(block: list[ast.stmt]) -> list[ast.stmt]:
    """``block`` with each run of simple statements in its canonical order: repeatedly the smallest (by
    ``_key``) of the statements whose earlier dependencies are all placed."""
    out: list[ast.stmt] = []
    run: list[ast.stmt] = []
    for st in block + [None]:
        if isinstance(st, SIMPLE):
            run.append(st)
            continue
        if run:
            out += _sorted_run(run)
            run = []
        if st is not None:
            out.append(st)
    return out


def _sorted_run(run: list[ast.stmt]) -> list[ast.stmt]:
    sets, uses = [_sets(s) for s in run], [_uses(s) for s in run]
    calls = [any(isinstance(n, ast.Call) for n in ast.walk(s)) and isinstance(s, ast.Expr) for s in run]
    after = {j: {i for i in range(j) if sets[i] & (uses[j] | sets[j]) or sets[j] & uses[i] or calls[i] or calls[j]}
             for j in range(len(run))}
    keys = [_key(s) for s in run]
    placed: list[int] = []
    while len(placed) < len(run):
        ready = [j for j in range(len(run)) if j not in placed and after[j] <= set(placed)]
        placed.append(min(ready, key=lambda j: (keys[j], j)))
    return [run[j] for j in placed]
