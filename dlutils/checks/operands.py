"""Explain an error by its operands: what the failing expression in the learner's code was applied to.

numpy says what went wrong in its own terms ("shapes (2,26) and (8,2) not aligned"). This module
reads the failing frame (the deepest one in the notebook's own code), finds the expression that
failed there (Python 3.11 records the source positions of every instruction), and describes its
operands as they were at that moment: their shapes, in the course's notation where the operand is a
course quantity (W[l] is (n[l], n[l-1]), ...), which dimension disagrees, the keys a dict had, the
length of what was unpacked, the condition an assert checked.

It runs no code to do so: operands are read from the frame (names, ``.T``, ``.shape``, subscripts
with constant keys, ``str(l)`` and string concatenation), and only their shapes, types, lengths,
keys and whole numbers are shown, never a float, so it may be shown in hidden feedback too.
"""
from __future__ import annotations

import ast
import difflib
import inspect
import re
import textwrap
from collections.abc import Callable
from types import FrameType, TracebackType
from typing import Any

import numpy as np

from ..i18n import N_, _

# The sentences an explanation starts with (the mistake corpus counts the messages that have one).
LEAD = N_("In `{expression}`{where}, {operands}.")
ASSERTION = N_("The assert checks `{condition}`{where}, and {operands}.")
UNPACKING = N_("`{names}` unpacks {n} names{where}, but {value_text} is {value}.")
LIKE_NAMES = N_("Names like {name} that are defined{where}: {names}.")
OWN_NAMES = N_("When that line ran{where}, the function's own names were: {names}.")
EXPLANATIONS = (LEAD, ASSERTION, UNPACKING, LIKE_NAMES, OWN_NAMES)
MAX_OPERANDS = 4
MAX_KEYS = 8
_SAFE_ATTRIBUTES = {"T", "shape", "ndim", "size", "dtype"}


def explain(fn: Callable, error: BaseException) -> str:
    """One or two sentences (with a leading space) about the operands of the expression that raised
    ``error`` in ``fn``'s module, or "" when there is nothing certain to say. Never raises."""
    try:
        return _explain(fn, error)
    except Exception:  # noqa: BLE001 - an explanation is a bonus: the error message stands without it
        return ""


def _explain(fn: Callable, error: BaseException) -> str:
    found = _failing_frame(fn, error.__traceback__)
    if found is None:
        return ""
    frame, lasti = found
    located = _locate(frame, lasti)
    if located is None:
        return ""
    node, parents = located
    where = ""
    if frame.f_code is not getattr(fn, "__code__", None):
        where = _(" (line {line} of {name})").format(line=frame.f_lineno - frame.f_code.co_firstlineno + 1,
                                                     name=frame.f_code.co_name)
    reader = _Reader(frame)
    statement = next((p for p in reversed(parents) if isinstance(p, ast.stmt)), None)
    if isinstance(error, AssertionError) and isinstance(statement, ast.Assert):
        return _assertion(statement, reader, where, parents)
    if isinstance(error, ValueError) and "values to unpack" in str(error) and isinstance(statement, ast.Assign):
        return _unpacking(statement, reader, where)
    if isinstance(error, NameError) and getattr(error, "name", None):
        return _undefined(frame, error.name, where)
    return _operands(node, reader, error, where, parents)


def _failing_frame(fn: Callable, tb: TracebackType | None) -> tuple[FrameType, int] | None:
    """The deepest frame running the notebook's own code (``fn``'s globals), and its last instruction."""
    namespace = getattr(fn, "__globals__", None)
    found = None
    while tb is not None:
        if tb.tb_frame.f_globals is namespace:
            found = (tb.tb_frame, tb.tb_lasti)
        tb = tb.tb_next
    return found


def _locate(frame: FrameType, lasti: int) -> tuple[ast.AST, list[ast.AST]] | None:
    """The AST node of the failing instruction and its ancestors (outermost first), from the source of
    the function the frame runs."""
    positions = list(frame.f_code.co_positions())[lasti // 2]
    lineno, end_lineno, col, end_col = positions
    if None in positions:
        return None
    lines, first = inspect.getsourcelines(frame.f_code)
    source = textwrap.dedent("".join(lines))
    indent = len(lines[0]) - len(lines[0].lstrip())
    tree = ast.parse(source)
    target = (lineno - first + 1, col - indent, end_lineno - first + 1, end_col - indent)
    best: tuple[ast.AST, list[ast.AST]] | None = None

    def visit(node: ast.AST, parents: list[ast.AST]) -> None:
        nonlocal best
        span = (getattr(node, "lineno", None), getattr(node, "col_offset", None),
                getattr(node, "end_lineno", None), getattr(node, "end_col_offset", None))
        if None not in span and _contains(span, target):
            best = (node, parents)  # children come later: the innermost node containing it wins
        for child in ast.iter_child_nodes(node):
            visit(child, parents + [node])

    visit(tree, [])
    return best


def _contains(outer: tuple, inner: tuple) -> bool:
    return (outer[0], outer[1]) <= (inner[0], inner[1]) and (inner[2], inner[3]) <= (outer[2], outer[3])


class _Reader:
    """Reads the value of simple expressions from a frame, without calling anything of the learner's."""

    def __init__(self, frame: FrameType):
        self.frame = frame

    def value(self, node: ast.AST) -> Any:
        if isinstance(node, ast.Name):
            for scope in (self.frame.f_locals, self.frame.f_globals, self.frame.f_builtins):
                if node.id in scope:
                    return scope[node.id]
            raise LookupError(node.id)
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Attribute) and node.attr in _SAFE_ATTRIBUTES:
            base = self.value(node.value)
            if isinstance(base, np.ndarray):
                return getattr(base, node.attr)
        if isinstance(node, ast.Subscript):
            base, key = self.value(node.value), self.value(node.slice)
            if isinstance(base, (dict, list, tuple)) and isinstance(key, (str, int)):
                return base[key]
            if isinstance(base, np.ndarray) and isinstance(key, int):
                return base[key]
        if isinstance(node, ast.Tuple):
            return tuple(self.value(e) for e in node.elts)
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
            left, right = self.value(node.left), self.value(node.right)
            if isinstance(left, str) and isinstance(right, str):
                return left + right
            if type(left) is int and type(right) is int:
                return left + right if isinstance(node.op, ast.Add) else left - right
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str"
                and len(node.args) == 1 and not node.keywords):
            inner = self.value(node.args[0])
            if isinstance(inner, (int, str)):
                return str(inner)
        raise LookupError(ast.dump(node))

    def get(self, node: ast.AST) -> tuple[bool, Any]:
        try:
            return True, self.value(node)
        except Exception:  # noqa: BLE001 - not a simple expression, or not set yet
            return False, None


def notation(name: str, value: Any) -> str:
    """``name``'s shape in the course's notation (as "W[2] is (n[2], n[1])"), when ``name`` is a course
    quantity and ``value`` is an array of that rank; else ""."""
    if not isinstance(value, np.ndarray) or value.ndim != 2:
        return ""
    numbered = re.match(r"^(d?)([WbAZ])(\d+)$", name)
    if numbered:
        d, letter, layer = numbered.groups()
        l = int(layer)
        shape = {"W": f"(n[{l}], n[{l - 1}])", "b": f"(n[{l}], 1)", "A": f"(n[{l}], m)", "Z": f"(n[{l}], m)"}[letter]
        return _("{quantity} is {shape}").format(quantity=f"{d}{letter}[{l}]", shape=shape)
    plain_names = {"W": "(n[l], n[l-1])", "b": "(n[l], 1)", "Z": "(n[l], m)", "A_prev": "(n[l-1], m)",
                   "dW": "(n[l], n[l-1])", "db": "(n[l], 1)", "dZ": "(n[l], m)", "dA": "(n[l], m)",
                   "dA_prev": "(n[l-1], m)", "X": "(n_x, m)", "Y": "(1, m)", "AL": "(1, m)", "dAL": "(1, m)",
                   "w": "(n_x, 1)", "dw": "(n_x, 1)"}
    if name in plain_names:
        return _("{quantity} is {shape}").format(quantity=name, shape=plain_names[name])
    return ""


def describe_value(value: Any) -> str:
    """What a value is, without any float in it: an array by shape, a dict by keys, a tuple by length."""
    if value is None:
        return _("None")
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return _("a 0-d array")
        return _("an array of shape {shape}").format(shape=value.shape)
    if isinstance(value, bool):
        return repr(value)
    if isinstance(value, (int, np.integer)):
        return _("the whole number {value}").format(value=int(value))
    if isinstance(value, (float, np.floating)):
        return _("a number ({type})").format(type=type(value).__name__)
    if isinstance(value, str):
        return _("the string {value}").format(value=repr(value[:40]))
    if isinstance(value, dict):
        keys = [repr(k) for k in list(value)[:MAX_KEYS]] + (["…"] if len(value) > MAX_KEYS else [])
        return _("a dict with the keys {keys}").format(keys=", ".join(keys)) if value else _("an empty dict")
    if isinstance(value, (tuple, list)):
        if all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in value) and len(value) <= 6:
            shown = repr(tuple(int(v) for v in value)) if isinstance(value, tuple) else repr([int(v) for v in value])
            return (_("the tuple {value}") if isinstance(value, tuple) else _("the list {value}")).format(value=shown)
        items = ", ".join(_short(v) for v in value[:MAX_OPERANDS]) + (", …" if len(value) > MAX_OPERANDS else "")
        return (_("a tuple of {n} ({items})") if isinstance(value, tuple) else _("a list of {n} ({items})")).format(
            n=len(value), items=items)
    if callable(value):
        return _("the function {name}").format(name=getattr(value, "__name__", type(value).__name__))
    return _("a {type}").format(type=type(value).__name__)


def _short(value: Any) -> str:
    """A few characters for an item of a tuple or list."""
    if isinstance(value, np.ndarray):
        return _("array {shape}").format(shape=value.shape)
    if isinstance(value, (tuple, list)):
        return (_("tuple of {n}") if isinstance(value, tuple) else _("list of {n}")).format(n=len(value))
    if isinstance(value, dict):
        return _("dict")
    return type(value).__name__


def _phrase(text: str, value: Any, parameter: str | None = None, key: str | None = None) -> str:
    """"W1 is an array of shape (4, 2) (W[1] is (n[1], n[0]))", naming the parameter it was given as."""
    described = describe_value(value)
    meaning = notation(key or text, value)
    if meaning:
        described = _("{value} ({meaning})").format(value=described, meaning=meaning)
    if parameter and parameter != text:
        return _("{expression}, given as {parameter}, is {value}").format(expression=text, parameter=parameter,
                                                                         value=described)
    return _("{expression} is {value}").format(expression=text, value=described)


def _text(node: ast.AST) -> str:
    return ast.unparse(node)


def _operand_nodes(node: ast.AST) -> list[tuple[ast.AST, str | None]]:
    """The operands of the failing expression, each with the parameter name it is passed as (or None)."""
    if isinstance(node, ast.Call):
        out = [(a, None) for a in node.args] + [(k.value, k.arg) for k in node.keywords]
        if isinstance(node.func, ast.Attribute):  # X.shape(0): what was called; A.reshape(...): what it is of
            out.insert(0, (node.func if node.func.attr in _SAFE_ATTRIBUTES else node.func.value, None))
        return out
    if isinstance(node, ast.BinOp):
        return [(node.left, None), (node.right, None)]
    if isinstance(node, ast.UnaryOp):
        return [(node.operand, None)]
    if isinstance(node, ast.Subscript):
        return [(node.value, None), (node.slice, None)]
    if isinstance(node, ast.Attribute):
        return [(node.value, None)]
    if isinstance(node, ast.Compare):
        return [(node.left, None)] + [(c, None) for c in node.comparators]
    return []


def _described(nodes: list[tuple[ast.AST, str | None]], reader: _Reader, depth: int = 0) -> list[tuple[str, Any]]:
    """(phrase, value) for each operand that can be read; an operand that cannot (a call, say) is
    described by its own operands."""
    out: list[tuple[str, Any]] = []
    for node, parameter in nodes:
        if isinstance(node, ast.Constant) or (isinstance(node, ast.Name) and node.id in ("np", "math")):
            continue
        ok, value = reader.get(node)
        if ok and not inspect.ismodule(value):
            if callable(value) and not isinstance(value, np.ndarray):
                continue
            out.append((_phrase(_text(node), value, parameter, _key_name(node, reader)), value))
        elif depth < 2:
            out += _described(_operand_nodes(node), reader, depth + 1)
    return out


def _key_name(node: ast.AST, reader: _Reader) -> str | None:
    """The dict key a subscript reads (``parameters["W" + str(l)]`` -> "W2"), for the notation."""
    if isinstance(node, ast.Subscript):
        ok, key = reader.get(node.slice)
        if ok and isinstance(key, str):
            return key
    return None


def _callee_parameters(node: ast.AST, reader: _Reader) -> list[str]:
    """The names of the parameters of the function a call calls (positional order), if it can be read."""
    if not isinstance(node, ast.Call):
        return []
    ok, fn = reader.get(node.func)
    if not ok or not callable(fn):
        return []
    if hasattr(fn, "_fn"):  # a checks' stand-in (runner.StandIn) wraps the function it runs
        fn = fn._fn
    elif getattr(fn, "__globals__", None) is not reader.frame.f_globals:  # numpy's own: its names mean little
        return []
    try:
        return [p.name for p in inspect.signature(fn).parameters.values()
                if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    except (TypeError, ValueError):
        return []


def _operands(node: ast.AST, reader: _Reader, error: BaseException, where: str, parents: list[ast.AST]) -> str:
    operands = _operand_nodes(node)
    parameters = _callee_parameters(node, reader)
    if parameters and isinstance(node, ast.Call):
        operands = ([(a, parameters[i] if i < len(parameters) else None) for i, a in enumerate(node.args)]
                    + [(k.value, k.arg) for k in node.keywords])
    described = _described(operands, reader)[:MAX_OPERANDS]
    if not described:
        return ""
    sentence = " " + _(LEAD).format(expression=_text(node), where=where,
                                     operands=_("; ").join(p for p, _v in described))
    arrays = [v for _p, v in described if isinstance(v, np.ndarray)]
    if len(arrays) == 2 and all(a.ndim == 2 for a in arrays):
        a, b = arrays
        product = (isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult)) or (
            isinstance(node, ast.Call) and _text(node.func).split(".")[-1] in ("dot", "matmul"))
        if product and a.shape[1] != b.shape[0]:
            sentence += " " + _("A matrix product needs the columns of the first operand to match the rows of the "
                                "second: {columns} ≠ {rows}.").format(columns=a.shape[1], rows=b.shape[0])
        elif "broadcast" in str(error):
            axis = next((i for i in range(2) if a.shape[i] != b.shape[i] and 1 not in (a.shape[i], b.shape[i])), None)
            if axis is not None:
                sentence += " " + _("Elementwise, each dimension must be equal or 1: dimension {axis} is {a} against "
                                    "{b}.").format(axis=axis, a=a.shape[axis], b=b.shape[axis])
    return sentence + _loop_variables(reader, parents)


def _loop_variables(reader: _Reader, parents: list[ast.AST]) -> str:
    """" (The loop was at l = 2.)" for the whole-number targets of the loops around the failing line."""
    names = [t.id for p in parents if isinstance(p, ast.For) for t in ast.walk(p.target) if isinstance(t, ast.Name)]
    values = [(n, reader.frame.f_locals.get(n)) for n in names]
    shown = [f"{n} = {int(v)}" for n, v in values if isinstance(v, (int, np.integer)) and not isinstance(v, bool)]
    return (" " + _("The loop was at {values}.").format(values=", ".join(shown))) if shown else ""


def _assertion(statement: ast.Assert, reader: _Reader, where: str, parents: list[ast.AST]) -> str:
    """What the assert checked, and what its sides were."""
    test = statement.test
    sides = _operand_nodes(test) if isinstance(test, ast.Compare) else [(test, None)]
    described = _described(sides, reader)[:MAX_OPERANDS]
    if not described:
        return ""
    return " " + _(ASSERTION).format(
        condition=_text(test), where=where, operands=_("; ").join(p for p, _v in described)) + _loop_variables(
            reader, parents)


def _unpacking(statement: ast.Assign, reader: _Reader, where: str) -> str:
    """What was unpacked: how many values it had, against how many names."""
    target = statement.targets[0]
    wanted = len(target.elts) if isinstance(target, (ast.Tuple, ast.List)) else None
    ok, value = reader.get(statement.value)
    if not ok or wanted is None:
        return ""
    return " " + _(UNPACKING).format(
        names=", ".join(_text(e) for e in target.elts), n=wanted, where=where, value_text=_text(statement.value), value=describe_value(value))


def _undefined(frame: FrameType, name: str, where: str) -> str:
    """Defined names like the undefined one, or else the function's own names at that moment."""
    defined = [n for n in [*frame.f_locals, *frame.f_globals] if not n.startswith("_")]
    like = difflib.get_close_matches(name, defined, n=3, cutoff=0.75)
    if like:
        return " " + _(LIKE_NAMES).format(
            name=name, where=where, names=", ".join(like))
    own = [n for n in frame.f_locals if not n.startswith("_")]
    if not own:
        return ""
    return " " + _(OWN_NAMES).format(
        where=where, names=", ".join(own))
