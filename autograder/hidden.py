"""Hidden tests: random inputs per grading run, expected values from the reference, partial credit.

Every exercise gets ``HIDDEN_TESTS`` hidden tests per run. Test ``k`` is drawn by the assignment's
``inputs.HIDDEN[name](rng, k)`` from its own generator (seeded by the run's seed, the exercise and
``k``), so ``k`` can pick a form the exercise must handle (a colour and a grayscale image stack, a
short and a long optimization) and every run covers all of them.

The grader (autograder.nbgrader_ext.sandboxed_grading) uses the pieces separately, because the
learner's function runs in another process: ``hidden_inputs`` draws the inputs, the sandboxed kernel
returns what the function gave for each, ``expected_values`` runs the reference here,
``mistake_outputs`` runs the known mistakes here, and ``score`` judges them with the same
``Exercise.judge_parts`` the public checks use (never revealing expected values). What depends only
on (assignment, exercise, seed) is computed once per process (``hidden_tests``), for the grader,
``verify`` and the mistake corpus alike.

Source notebooks (instructors only) also call ``verify`` in their hidden-test regions, which runs
the same steps in-process so the solution notebook proves it passes the hidden tests.

Both the learner's function and the reference run with the exercise's *public* stand-ins for the
other exercise functions, so a bug in ``sigmoid`` never costs points in ``propagate``, and no
reference code ever has to enter the student's process.
"""
from __future__ import annotations

import hashlib
import os
import secrets
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from types import ModuleType
from typing import Any

import numpy as np

from dlutils.checks import CheckFailed, plain, wiring
from dlutils.checks.exercise import Exercise, describe, names_a_mistake, names_mistake
from dlutils.checks.runner import UNANSWERED, CallFailed, call
from dlutils.i18n import N_, _

from .course import known_mistakes
from .course.registry import by_checks_module, get

HIDDEN_TESTS = 3  # hidden tests per exercise per grading run
# A whole number the learner returns unchanged whatever the inputs (the corpus counts it as explained).
CONSTANT = N_("{label} is {value} in every hidden test, though the right value changes with the inputs: it does "
              "not depend on them. Is it typed in by hand?")
# A returned value the judge cannot even compare (an integer beyond float range, ...): the test fails
# with this, which names only the kind of error, never an expected value.
UNJUDGEABLE = N_("{name} returned a value the grader could not judge ({error} while comparing it); return "
                 "plain numbers and arrays of the kind the exercise asks for.")


@lru_cache(maxsize=None)
def run_seed() -> int:
    """One seed per grading run (per kernel): DLCOURSE_SEED if set, else fresh randomness."""
    seed = os.environ.get("DLCOURSE_SEED")
    return int(seed) if seed else secrets.randbits(32)


def exercise(assignment_id: str, name: str) -> Exercise:
    return get(assignment_id).exercises[name]


def hidden_inputs(assignment_id: str, name: str, seed: int) -> list[dict[str, Any]]:
    """The random inputs of ``name``'s hidden tests for this seed (same seed, same inputs)."""
    case = get(assignment_id).inputs.HIDDEN[name]
    return [case(np.random.default_rng([seed, zlib.crc32(name.encode()), k]), k) for k in range(HIDDEN_TESTS)]


def expected_values(assignment_id: str, name: str, cases: Sequence[Mapping[str, Any]],
                    calls: list | None = None) -> list[Any]:
    """What the reference returns for each case, with the public stand-ins for its dependencies.
    With ``calls`` (a list), it gets per case the record of the reference's calls to them (``wiring``)."""
    ex = exercise(assignment_id, name)
    reference = getattr(get(assignment_id).reference, name)
    out = []
    for inputs in cases:
        record = ex.new_record()
        out.append(call(name, reference, inputs, ex.public_stubs(), record))
        if calls is not None:
            calls.append(record)
    return out


def mistake_outputs(assignment_id: str, name: str, cases: Sequence[Mapping[str, Any]],
                    calls: Sequence[Mapping | None] | None = None) -> list[list[dict]]:
    """Per case, what each known mistake of ``name`` returns there (see autograder.course.known_mistakes);
    ``calls``: per case, the reference's record of calls of the blocks, for exercises that wire them."""
    assignment = get(assignment_id)
    ex = assignment.exercises[name]
    return [known_mistakes.outputs(ex, assignment.mistakes, inputs, ex.public_stubs(), calls[i] if calls else None)
            for i, inputs in enumerate(cases)]


@dataclass(frozen=True)
class HiddenTests:
    """One exercise's hidden tests for one seed: the inputs, what the reference returns on each and
    what each known mistake returns. The same for every submission graded with that seed, so made once
    per process (``hidden_tests``); nothing may change them."""
    assignment_id: str
    name: str
    seed: int
    cases: list[dict[str, Any]]
    expected: list[Any]
    mistakes: list[list[dict]]
    calls: list[dict | None]  # per case, the reference's calls of its blocks (wiring; None unless ex.wires)

    @cached_property
    def cases_json(self) -> bytes:
        """The inputs as the JSON a grading job carries."""
        return plain.dumps(self.cases).encode()


@lru_cache(maxsize=1024)  # every exercise of every assignment for a few seeds: a few MB
def hidden_tests(assignment_id: str, name: str, seed: int) -> HiddenTests:
    cases = hidden_inputs(assignment_id, name, seed)
    calls: list[dict] = []
    expected = expected_values(assignment_id, name, cases, calls)
    return HiddenTests(assignment_id, name, seed, cases, expected, mistake_outputs(assignment_id, name, cases, calls),
                       calls)


@dataclass
class Score:
    """Checks passed out of checks made (one per scored part per hidden test), with messages."""
    passed: int
    total: int
    messages: list[str] = field(default_factory=list)
    # per hidden test, for grading records and class reports: {"passed", "total", "parts": every
    # part's label, "failed": {label: messages}, "mistakes": ids of the known mistakes named,
    # "unanswered": True where the function still raises the release's NotImplementedError, "output": the
    # digest of a wrong value no known mistake explains (``output_digest``: who shares a rare wrong answer)}
    tests: list[dict[str, Any]] = field(default_factory=list)

    @property
    def fraction(self) -> float:
        return self.passed / self.total if self.total else 0.0


def score(ex: Exercise, cases: Sequence[Mapping[str, Any]], expected: Sequence[Any],
          results: Sequence[tuple[str, Any]], mistakes: Sequence[Sequence[Mapping]] | None = None,
          calls: Sequence[Any] | None = None, reference_calls: Sequence[Mapping] | None = None) -> Score:
    """Judge ``results`` (per case ``("value", v)``, or ``("error", message[, raised[, unasserted]])`` where
    ``raised`` is the learner's exception as ``"Type: message"`` and ``unasserted`` what the function
    returns without its asserts, as ``(value,)``, when an assert stopped it) against ``expected``,
    naming known mistakes from ``mistakes`` (per case, see :func:`mistake_outputs`).

    With ``calls`` (per case, the learner's record of calls to the stand-ins, untrusted) and
    ``reference_calls`` (the reference's), a failing test that names no known mistake says where the
    learner's wiring of the blocks first departs from the reference's (``wiring.diagnose``).

    Messages name what is wrong in the first failing test in full; the other failing tests are
    only listed, since they almost always fail for the same reason.
    """
    passed = total = 0
    failing: list[int] = []
    first: list[str] = []
    tests = []
    try:
        draws = ex.same_draws(cases, [r[1] if r[0] == "value" else None for r in results], expected)
    except Exception:  # noqa: BLE001 - a value that cannot be compared is judged (and fails) below
        draws = {}
    constant = _constant_parts(ex, expected, results)
    records = [wiring.valid(c, list(ex.public_stubs())) if ex.wires and c else None for c in (calls or [])]
    for i, (inputs, want, (kind, got, *raised)) in enumerate(zip(cases, expected, results), start=1):
        labels = ex.part_labels(want)
        total += len(labels)
        record = records[i - 1] if i <= len(records) else None
        reference_record = reference_calls[i - 1] if reference_calls else None
        finished = kind == "value"  # the function returned (its calls did not stop at an error)
        departs = wiring.departure_key(record, reference_record, finished)
        if kind == "value":
            try:
                parts = ex.judge_parts(got, want, reveal=False, mistakes=mistakes[i - 1] if mistakes else (),
                                       calls=departs)
            except Exception as e:  # noqa: BLE001 - a hostile value (10**400, ...) costs this test only
                kind, got, raised = "error", _(UNJUDGEABLE).format(name=ex.name, error=type(e).__name__), []
        if kind == "error":
            problems = [ex.error_message(str(got), raised[0] if raised else None, mistakes[i - 1] if mistakes else (),
                                         raised[1] if len(raised) > 1 else None, want, reveal=False,
                                         calls=departs)]
            tests.append({"passed": 0, "total": len(labels), "parts": labels,
                          "failed": {label: problems for label in labels}})
            if raised and raised[0] == UNANSWERED:
                tests[-1]["unanswered"] = True
        else:
            same = draws.get(i - 1, {})
            parts = [(label, messages or ([same[label]] if label in same else [])) for label, messages in parts]
            parts = [(label, messages[:-1] + [f"{messages[-1]} {constant[label]}"]
                      if messages and label in constant and not names_a_mistake(messages) else messages)
                     for label, messages in parts]
            ok = sum(1 for _, messages in parts if not messages)
            passed += ok
            problems = list(dict.fromkeys(m for _, messages in parts for m in messages))
            tests.append({"passed": ok, "total": len(labels), "parts": labels,
                          "failed": {l: m for l, m in parts if m}})
        tests[-1]["mistakes"] = _named(problems, mistakes[i - 1] if mistakes else ())
        if kind == "value" and tests[-1]["failed"] and not tests[-1]["mistakes"]:
            tests[-1]["output"] = output_digest(got)
        problems = ex.with_wiring(problems, record, reference_record, finished)
        if problems:
            failing.append(i)
            if not first:
                first = [_("hidden test {i} of {n} ({inputs}):").format(i=i, n=len(cases), inputs=describe(inputs))]
                first += [f"  - {p}" for p in problems]
    messages = first
    if len(failing) > 1:
        messages = first + ["  " + _("(hidden tests {tests} fail too)").format(tests=", ".join(map(str, failing[1:])))]
    return Score(passed, total, messages, tests)


def output_digest(value: Any) -> str:
    """A short digest of a learner's value, the same for values equal to about 6 significant digits
    (so the order of a sum's terms, ``float`` or ``np.float64``, do not matter). Two students whose
    answers return the same wrong value that no known mistake explains share it: the class report's
    similarity section shows it as evidence. It reveals nothing of the value itself."""
    h = hashlib.blake2b(digest_size=8)

    def feed(v: Any, depth: int = 0) -> None:
        if depth > 20:
            h.update(b"deep")
        elif isinstance(v, Mapping):
            h.update(b"{%d" % len(v))
            for k in sorted(v, key=str):
                h.update(str(k).encode()[:200])
                feed(v[k], depth + 1)
        elif isinstance(v, (list, tuple)):
            h.update(b"[%d" % len(v))
            for x in v:
                feed(x, depth + 1)
        elif isinstance(v, (np.ndarray, np.generic, int, float, bool)) and np.asarray(v).dtype.kind in "biufc":
            a = np.asarray(v)
            h.update(repr(a.shape).encode())
            if a.dtype.kind in "fc":
                mantissa, exponent = np.frexp(a.real.astype(np.float64))
                rounded = np.ldexp(np.round(mantissa * 2.0 ** 20), exponent - 20) + 0.0  # + 0.0: no -0
                h.update(np.where(np.isnan(rounded), np.nan, rounded).tobytes())
            else:
                h.update(a.astype(np.int64).tobytes())
        else:
            h.update(type(v).__name__.encode() + repr(v)[:200].encode())

    try:
        feed(value)
    except Exception:  # noqa: BLE001 - a value that cannot be read whole (a huge int's repr) still gets one
        h.update(b"unreadable")
    return h.hexdigest()


def _constant_parts(ex: Exercise, expected: Sequence[Any], results: Sequence[tuple]) -> dict[str, str]:
    """Label -> a sentence, for whole-number parts that the learner returned the same in every hidden
    test although the right value changes with the inputs: evidence of a number typed in by hand."""
    if len(results) < 2 or any(r[0] != "value" for r in results):
        return {}
    out = {}
    try:
        mine = [ex.split(r[1], want) for r, want in zip(results, expected)]
        wants = [ex.split(want, want) for want in expected]
    except Exception:  # noqa: BLE001 - a value of the wrong form is judged (and fails) on its own
        return {}
    for label in wants[0]:
        values = [m.get(label) for m in mine]
        right = [w.get(label) for w in wants]
        whole = all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in values + right)
        if whole and len(set(map(int, values))) == 1 and len(set(map(int, right))) > 1:
            out[label] = _(CONSTANT).format(label=label, value=int(values[0]))
    return out


def _named(problems: Sequence[str], mistakes: Sequence[Mapping[str, Any]]) -> list[str]:
    """The ids of the known mistakes ``problems`` name (for class reports: who made which mistake)."""
    return [m["id"] for m in mistakes if any(names_mistake(m) in p for p in problems)]


def hidden_problems(assignment_id: str, name: str, fn: Any, seed: int) -> Score:
    """Run ``fn`` in this process on the hidden tests of ``seed`` and score it."""
    ex = exercise(assignment_id, name)
    tests = hidden_tests(assignment_id, name, seed)
    results, calls = [], []
    for inputs in tests.cases:
        record = ex.new_record()
        try:
            results.append(("value", call(name, fn, inputs, ex.public_stubs(), record)))
        except CallFailed as e:
            results.append(("error", str(e), e.raised, e.unasserted))
        calls.append(record)
    return score(ex, tests.cases, tests.expected, results, tests.mistakes, calls, tests.calls)


def verify(checks: ModuleType, name: str, namespace: Mapping[str, Any]) -> None:
    """Raise CheckFailed unless ``namespace[name]`` passes every hidden check (source notebooks).

    ``checks`` is the notebook's public checks module, which tells the assignment."""
    __tracebackhide__ = True
    assignment_id = by_checks_module(checks.__name__).name
    seed = run_seed()
    result = hidden_problems(assignment_id, name, namespace.get(name), seed)
    if result.passed < result.total:
        raise CheckFailed("\n".join([_("{name} fails {failed} of {total} hidden checks (seed {seed}):").format(
            name=name, failed=result.total - result.passed, total=result.total, seed=seed)] + result.messages))
    print(_("{name}: hidden tests passed (seed {seed}).").format(name=name, seed=seed))
