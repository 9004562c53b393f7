"""One definition per graded function: what it returns, what it depends on, how to judge it.

An :class:`Exercise` turns (inputs, the learner's returned values, the expected values) into a
verdict: a list of messages, empty when right. The public checks in the notebooks run it on the
fixed cases shipped in ``dlutils/checks/expected/``; the hidden grading (autograder/) runs the very
same ``judge`` on random inputs against the reference implementation.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..display import error_lines
from ..i18n import N_, _
from . import plain, wiring
from .compare import compare, is_scalar
from .runner import SEED, CallFailed, call, loops_over_examples

EXPECTED_DIR = Path(__file__).resolve().parent / "expected"
GREEN, YELLOW, RESET = "\033[92m", "\033[93m", "\033[0m"


# How a message names a known mistake (the feedback page's summary finds the mistake by it).
KNOWN_MISTAKE = N_("This matches a known mistake: {says}")
# ``Exercise.stand_ins`` for a stand-in that computes what a correct function does.
CORRECT_STAND_IN = N_("a stand-in {name} (it computes what a correct one does, so a bug in yours costs no points here)")


class CheckFailed(AssertionError):
    """Raised by a public check; the message lists what is wrong."""

    def _render_traceback_(self) -> list[str]:
        """What IPython shows for it (its hook for exceptions that render themselves): the message
        alone, wrapped to the screen's width (dlutils.display). The check's own frames would only hide
        it under code the learner did not write; an error raised by the learner's code is located in
        the message itself."""
        return error_lines("CheckFailed", str(self))


@dataclass(frozen=True)
class Exercise:
    """A graded function.

    name: the function's name in the notebook.
    returns: labels of the returned values, in order (one label: a single return value).
    depends: other exercise functions it calls; checks replace them with stand-ins.
    public_stubs: builds the stand-ins the checks use (no solution code: see ``runner.stand_in``).
    stand_ins: when the stand-ins compute something other than the real functions would (so the
        expected values differ from what the learner's notebook shows), a phrase saying what
        they are; public failure messages say so. A message template (marked ``N_``, translated
        where shown) with ``stand_ins_fields`` filled in.
    examples_axis: input name -> axis that indexes the examples, for the loop detector.
    comparators: part label -> ``comparator(label, got, expected, reveal)`` returning messages, for
        parts judged by their properties instead of their values (random initializations: see
        ``properties``); the other parts are compared with the expected values.
    varies: labels of parts drawn at random, which must differ between two cases with the same
        inputs and different seeds (``runner.SEED``): a function that seeds the generator itself
        would return the same draw whatever the caller's random state.
    wires: the function's job is to wire the blocks it depends on (a model's training loop, a forward
        pass over the layers), as the notebook asks: a failing test also says where its calls of the
        blocks first depart from the reference's (``wiring``). Functions that merely may call a
        helper (a sigmoid they could as well write inline) do not.
    """
    name: str
    returns: tuple[str, ...]
    depends: tuple[str, ...] = ()
    public_stubs: Callable[[], dict[str, Callable]] = dict
    stand_ins: str = ""
    stand_ins_fields: Mapping[str, Any] = field(default_factory=dict)
    examples_axis: Mapping[str, int] = field(default_factory=dict)
    comparators: Mapping[str, Callable[..., list[str]]] = field(default_factory=dict)
    varies: tuple[str, ...] = ()
    wires: bool = False

    def new_record(self) -> dict | None:
        """An empty record for ``runner.call`` to fill with the calls of the blocks (``wiring``), or None
        when the function does not wire blocks (nothing is recorded then)."""
        return {} if self.wires else None

    def stand_ins_text(self) -> str:
        """The ``stand_ins`` phrase in the language in use."""
        return _(self.stand_ins).format(**self.stand_ins_fields)

    def judge(self, got: Any, expected: Any, *, reveal: bool = True,
              mistakes: Sequence[Mapping[str, Any]] = (), calls: str | None = None) -> list[str]:
        """Messages saying how ``got`` differs from ``expected`` (empty: correct)."""
        parts = self.judge_parts(got, expected, reveal=reveal, mistakes=mistakes, calls=calls)
        return list(dict.fromkeys(m for _, messages in parts for m in messages))

    def judge_parts(self, got: Any, expected: Any, *, reveal: bool = True,
                    mistakes: Sequence[Mapping[str, Any]] = (), calls: str | None = None
                    ) -> list[tuple[str, list[str]]]:
        """One ``(label, messages)`` per separately scored part of the result (partial credit).

        The parts are the returned values, with dicts split by key: ``propagate`` has the parts
        ``grads["dw"]``, ``grads["db"]`` and ``cost``. A result of the wrong overall form (not a
        tuple, wrong length, not a dict) fails every part it covers with one message.

        ``mistakes`` are known mistakes' outputs on the same inputs (``{"says", "output"}``): a
        failing part that equals a mistake's output there is named by that mistake's ``says``.
        ``calls`` says how the learner's calls of the blocks depart from the reference's
        (``wiring.departure_key``): a mistake that has one (``"calls"``) is named only when the two
        are the same.
        """
        labels = self.part_labels(expected)
        structure = self._structure(got)
        mine = {} if structure else self.split(got, expected)
        want = self.split(expected, expected)
        if structure:
            parts = [(label, structure) for label in labels]
        else:
            parts = []
            for label in labels:
                if label in mine:
                    compare_part = self.comparators.get(label, compare)
                    parts.append((label, compare_part(label, mine[label], want[label], reveal=reveal)))
                else:  # a dict that is not a dict, or lacks the key
                    returned = label.split("[", 1)[0]
                    value = got if len(self.returns) == 1 else got[self.returns.index(returned)]
                    wanted = expected if len(self.returns) == 1 else expected[self.returns.index(returned)]
                    parts.append((label, compare(returned, value, wanted, reveal=reveal)[:1]))
        out = []
        mistakes = [m for m in mistakes if _same_calls(m, calls)]
        chosen = self._explaining(got, expected, mine, want, mistakes, structure, parts)
        for label, messages in parts:
            diagnosis = names_mistake(chosen[label]) if label in chosen else ""
            out.append((label, messages[:-1] + [f"{messages[-1]} {diagnosis}"] if diagnosis else messages))
        return out

    def _explaining(self, got: Any, expected: Any, mine: dict, want: dict, mistakes, structure: list[str],
                    parts: list[tuple[str, list[str]]]) -> dict[str, Mapping[str, Any]]:
        """Failing part label -> the known mistake that produces exactly what the learner returned there
        (``mine``, ``want``: the learner's and the expected result split into parts).

        A mistake is named only where the evidence supports it: it must reproduce the learner's value
        of that part. A mistake that the parts the learner got right also agree with (it would have
        spoiled none of them) is preferred; when several fit, the one that reproduces the most failing
        parts wins: the most specific. Only when no such mistake fits may one that is contradicted by
        a right part be named (the learner made part of it: dW1 not divided by m where the mistake
        divides neither dW1 nor dW2), and then only that one, so that two sentences never contradict
        each other."""
        failing = [label for label, messages in parts if messages]
        right = [label for label, messages in parts if not messages and label not in self.comparators]
        candidates = []
        for mistake in mistakes:
            if "output" not in mistake:  # a mistake that raises: see error_message
                continue
            out = mistake["output"]
            if structure:  # a wrong form: only a mistake's whole result can explain it
                explained, contradicted = (failing if _same(got, out) else []), False
            else:
                theirs = {} if self._structure(out) else self.split(out, expected)
                contradicted = any(label not in theirs or not _same(theirs[label], want[label]) for label in right)
                explained = [label for label in failing
                             if (label in mine and label in theirs and _same(mine[label], theirs[label])
                                 and not _same(theirs[label], want[label]))
                             or (label not in mine and _same(got, out))]  # a missing part: only the whole
            if explained:
                candidates.append((contradicted, mistake, set(explained)))
        candidates.sort(key=lambda c: (c[0], -len(c[2])))  # stable: catalogue order among equals
        if candidates and candidates[0][0]:  # only contradicted ones: the best alone
            candidates = candidates[:1]
        chosen: dict[str, Mapping[str, Any]] = {}
        for contradicted, mistake, explained in candidates:
            if contradicted and chosen:
                break
            for label in explained:
                chosen.setdefault(label, mistake)
        return chosen

    def part_labels(self, expected: Any) -> list[str]:
        """Labels of the separately scored parts for a result shaped like ``expected``."""
        values = [expected] if len(self.returns) == 1 else list(expected)
        return [f'{label}["{k}"]' if isinstance(e, dict) else label
                for label, e in zip(self.returns, values) for k in (e if isinstance(e, dict) else [None])]

    def split(self, value: Any, expected: Any) -> dict[str, Any]:
        """``value``'s parts by label, for the parts it has (``value`` must have the right overall form)."""
        values = [value] if len(self.returns) == 1 else list(value)
        wants = [expected] if len(self.returns) == 1 else list(expected)
        out = {}
        for label, v, e in zip(self.returns, values, wants):
            if not isinstance(e, dict):
                out[label] = v
            elif isinstance(v, dict):
                out.update({f'{label}["{k}"]': v[k] for k in e if k in v})
        return out

    def same_draws(self, cases: Sequence[Mapping[str, Any]], gots: Sequence[Any],
                   expected: Sequence[Any]) -> dict[int, dict[str, str]]:
        """Case index -> {label: message} for the ``varies`` parts that came out the same in two cases
        with the same inputs but different seeds (``gots[i]`` is None where case i failed anyway)."""
        out: dict[int, dict[str, str]] = {}
        for j, (case_j, got_j) in enumerate(zip(cases, gots)):
            for i in range(j):
                same_inputs = _without_seed(cases[i]) == _without_seed(case_j)
                if gots[i] is None or got_j is None or cases[i].get(SEED) == case_j.get(SEED) or not same_inputs:
                    continue
                mine, theirs = self._parts_or_empty(got_j, expected[j]), self._parts_or_empty(gots[i], expected[i])
                for label in self.varies:
                    if label in mine and label in theirs and _same(mine[label], theirs[label]):
                        out.setdefault(j, {})[label] = _(
                            "{label} is the same for two different random states. This matches a known "
                            "mistake: {name} seeds the random generator itself (np.random.seed); leave "
                            "seeding to the caller, so that different seeds give different draws.").format(
                                label=label, name=self.name)
        return out

    def _parts_or_empty(self, value: Any, expected: Any) -> dict[str, Any]:
        return {} if self._structure(value) else self.split(value, expected)

    def _structure(self, got: Any) -> list[str]:
        """A message when a multi-value result is not a sequence of the right length (else [])."""
        if len(self.returns) == 1:
            return []
        wanted = ", ".join(self.returns)
        if not isinstance(got, (tuple, list)):
            return [_("{name} should return {n} values ({wanted}), but it returned one {type}.").format(
                name=self.name, n=len(self.returns), wanted=wanted, type=type(got).__name__)]
        if len(got) != len(self.returns):
            return [_("{name} should return {n} values ({wanted}), but it returned {got}.").format(
                name=self.name, n=len(self.returns), wanted=wanted, got=len(got))]
        return []

    def error_message(self, message: str, raised: str | None, mistakes: Sequence[Mapping[str, Any]] = (),
                      unasserted: Sequence[Any] | None = None, expected: Any = None, reveal: bool = True,
                      calls: str | None = None) -> str:
        """``message`` about an error the learner's function raised, naming the known mistake
        that raises the very same error on the same inputs, if there is one. When an assert stopped
        the function, ``unasserted`` is ``(value,)``, what it returns without its asserts: the value
        the assert stopped is then judged like any other, so its mistake is named all the same.
        ``calls``: as for ``judge_parts``."""
        mistakes = [m for m in mistakes if _same_calls(m, calls)]
        for mistake in mistakes:
            if raised and mistake.get("raises") == raised:
                return f"{message} {names_mistake(mistake)}"
        if unasserted is not None and len(unasserted) == 1 and expected is not None:
            return f"{message} {self._unasserted(unasserted[0], expected, mistakes, reveal)}"
        return message

    def _unasserted(self, value: Any, expected: Any, mistakes: Sequence[Mapping[str, Any]], reveal: bool) -> str:
        """What is wrong with the value an assert stopped: the known mistake it is, or else the first
        problem a check finds in it."""
        try:
            problems = [m for _label, messages in self.judge_parts(value, expected, reveal=reveal, mistakes=mistakes)
                        for m in messages]
        except Exception:  # noqa: BLE001 - a value that cannot even be compared: the assert said enough
            return ""
        named = next((names_mistake(m) for m in mistakes if any(names_mistake(m) in p for p in problems)), "")
        if named:
            return named
        if not problems:
            return _("Run without its asserts, it returns the right values: the assert itself is wrong; restore "
                     "the one the notebook gives.")
        return _("Run without its asserts: {problem}").format(problem=problems[0])

    def with_wiring(self, problems: list[str], record: Mapping[str, Any] | None,
                    reference: Mapping[str, Any] | None, finished: bool) -> list[str]:
        """``problems`` of a failing test, followed by where the learner's calls of the blocks first
        depart from the reference's (``wiring``), when the function wires blocks and no problem already
        names a known mistake."""
        if not (self.wires and problems and record is not None and reference):
            return problems
        if names_a_mistake(problems):
            return problems
        sentence = wiring.diagnose(record, reference, finished)
        return problems + [sentence] if sentence else problems

    def scaled(self, inputs: Mapping[str, Any], factor: int) -> dict[str, Any]:
        """``inputs`` with every example-indexed input tiled ``factor`` times along its examples axis."""
        out = dict(inputs)
        for key, axis in self.examples_axis.items():
            reps = [1] * np.ndim(inputs[key])
            reps[axis] = factor
            out[key] = np.tile(inputs[key], reps)
        return out


def _same_calls(mistake: Mapping[str, Any], calls: str | None) -> bool:
    """False when the mistake's calls of the blocks and the learner's are both known and differ."""
    return calls is None or "calls" not in mistake or mistake["calls"] == calls


def _without_seed(inputs: Mapping[str, Any]) -> str:
    return plain.dumps({k: v for k, v in inputs.items() if k != SEED})


def names_a_mistake(messages: Sequence[str]) -> bool:
    """True when one of ``messages`` names a known mistake (in the language in use)."""
    lead = _(KNOWN_MISTAKE).split("{", 1)[0]
    return any(lead in m for m in messages)


def names_mistake(mistake: Mapping[str, Any]) -> str:
    """The sentence a message ends with when it names ``mistake`` (``{"says", ...}``)."""
    return _(KNOWN_MISTAKE).format(says=_(mistake["says"]))


def _same(a: Any, b: Any) -> bool:
    """True when ``a`` and ``b`` agree as a check would judge them (same form, close values)."""
    try:
        return not compare("value", a, b)
    except Exception:  # noqa: BLE001 - values of unexpected forms simply do not match
        return False


DESCRIBED_ENTRIES = 4  # of a dictionary argument (parameters, grads): the rest are "…"


def describe(inputs: Mapping[str, Any]) -> str:
    """The inputs of a test as a learner reads them: arrays by shape, numbers by value, a dictionary
    of arrays by its first entries' shapes, a short list by value, anything else by its name."""
    parts = []
    for k, v in inputs.items():
        if k == SEED:
            parts.append(_("after np.random.seed({seed})").format(seed=v))
        elif isinstance(v, np.ndarray) and v.ndim > 0:
            parts.append(_("{name} of shape {shape}").format(name=k, shape=v.shape))
        elif is_scalar(v) or isinstance(v, (bool, str)):
            parts.append(f"{k}={v!r}" if not isinstance(v, float) else f"{k}={v:g}")
        elif isinstance(v, Mapping) and v and all(isinstance(x, np.ndarray) for x in v.values()):
            shown = [_("{name} of shape {shape}").format(name=n, shape=x.shape)
                     for n, x in list(v.items())[:DESCRIBED_ENTRIES]]
            parts.append(f"{k} {{{', '.join(shown)}{', …' if len(v) > DESCRIBED_ENTRIES else ''}}}")
        elif isinstance(v, (list, tuple)) and 0 < len(v) <= 8 and all(is_scalar(x) for x in v):
            parts.append(f"{k}={[x.item() if isinstance(x, np.generic) else x for x in v]!r}")
        else:
            parts.append(k)
    return ", ".join(parts)


@lru_cache(maxsize=None)
def public_cases(module: str) -> dict[str, list[dict]]:
    """The fixed cases of ``dlutils.checks.<module>``: per exercise a list of ``{"inputs",
    "expected", "mistakes"}``, where ``mistakes`` are known mistakes' outputs on those inputs."""
    path = EXPECTED_DIR / f"{module}.json"
    return plain.loads(path.read_text())["cases"]


def run_practice_check(module: str, exercise: Exercise, fn: Any) -> None:
    """Like :func:`run_public_check`, for ungraded "check yourself" exercises: prints what is wrong
    instead of raising, so a lecture notebook always runs to the end. Returns nothing, so that the
    cell that calls it shows the message alone (no ``Out: True`` under it)."""
    try:
        run_public_check(module, exercise, fn)
    except CheckFailed as e:
        print(YELLOW + _("Not yet.") + f" {e}{RESET}")  # (outside the f-string, where the extractor finds it)


def run_public_check(module: str, exercise: Exercise, fn: Any) -> None:
    """Run an exercise's public cases; print a green line when right, raise CheckFailed otherwise."""
    __tracebackhide__ = True  # IPython: show the message, not this frame
    cases = public_cases(module)[exercise.name]
    stubs = exercise.public_stubs()

    def failed(i: int, problems: list[str]) -> CheckFailed:
        where = _("Test {i} of {n} ({inputs}):").format(i=i, n=len(cases), inputs=describe(cases[i - 1]["inputs"]))
        lines = [f"{exercise.name}: {where}"] + [f"  - {p}" for p in problems]
        if exercise.stand_ins:
            lines.append("  " + _("(Checked with {stand_ins} in place of your own functions, so the expected values "
                                  "here are not the numbers your notebook computes.)").format(
                                      stand_ins=exercise.stand_ins_text()))
        return CheckFailed("\n".join(lines))

    gots = []
    for i, case in enumerate(cases, start=1):
        record = exercise.new_record()
        try:
            got = call(exercise.name, fn, case["inputs"], stubs, record)
        except CallFailed as e:
            problems = [exercise.error_message(str(e), e.raised, case.get("mistakes", ()), e.unasserted,
                                               case["expected"],
                                               calls=wiring.departure_key(record, case.get("calls"), finished=False))]
            raise failed(i, exercise.with_wiring(problems, record, case.get("calls"), finished=False)) from None
        problems = exercise.judge(got, case["expected"], mistakes=case.get("mistakes", ()),
                                  calls=wiring.departure_key(record, case.get("calls")))
        if problems:
            raise failed(i, exercise.with_wiring(problems, record, case.get("calls"), finished=True))
        gots.append(got)
    for j, messages in exercise.same_draws([c["inputs"] for c in cases], gots,
                                           [c["expected"] for c in cases]).items():
        raise failed(j + 1, list(messages.values()))
    note = ""
    if exercise.examples_axis:
        base = cases[0]["inputs"]
        key, axis = next(iter(exercise.examples_axis.items()))
        m = np.shape(base[key])[axis]
        if loops_over_examples(fn, base, exercise.scaled(base, 9), 8 * m, stubs):
            note = "\n" + YELLOW + _("Note: {name} gives the right answers but loops over the examples in Python; it "
                                      "will be slow on real data. Try to vectorize it with whole-array operations."
                                      ).format(name=exercise.name) + RESET
    print(GREEN + _("{name}: all {n} tests passed.").format(name=exercise.name, n=len(cases)) + RESET + note)


def check_function(module: str, exercise: Exercise, *, practice: bool = False) -> Callable[[Any], Any]:
    """The ``check_<name>(fn)`` a notebook calls for an exercise of ``dlutils.checks.<module>``: the
    public check (raises CheckFailed when wrong), or with ``practice`` the ungraded one (prints
    what is wrong)."""
    def check(fn):
        __tracebackhide__ = True
        if practice:
            return run_practice_check(module, exercise, fn)
        run_public_check(module, exercise, fn)
    check.__name__ = check.__qualname__ = f"check_{exercise.name}"
    check.__doc__ = (f"Check your `{exercise.name}` on a few inputs and say what is wrong, if anything (ungraded)."
                     if practice else f"Run the public tests of `{exercise.name}` and say precisely what is wrong, if anything.")
    return check
