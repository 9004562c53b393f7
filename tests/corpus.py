"""Submissions that attack the grader, and correct-but-different solutions.

Each entry is built from the real release notebook of week2_logistic_regression, filled with the
reference solutions (``solved``) or with the sample bug (``buggy``: ``db`` without 1/m, worth 11/12),
and changed the way a student could change it. ``Expect`` says the exact outcome: the total score,
the grade cells that lose points, and anything else the test checks.

Placeholders in attack code, filled in by the test: COURSE (the course directory being graded),
REPO (this repository), MARK (a unique string for files and processes the attack tries to leave).
"""
from __future__ import annotations

import copy
import textwrap
from dataclasses import dataclass, field

import nbformat

from autograder.course import samples
from autograder.course.registry import ASSIGNMENTS
from helpers import ASSIGNMENT, max_score

FULL = max_score(nbformat.read(ASSIGNMENTS[ASSIGNMENT].source_path(), as_version=4))


@dataclass
class Expect:
    score: float
    lost: list[str] = field(default_factory=list)
    status: str = "graded"            # or the start of a "not graded: ..." status
    events: list[str] = field(default_factory=list)  # substrings that must appear among the run's events
    output: dict[str, str] = field(default_factory=dict)  # grade id or "attack" -> text its output must contain


def _cell(code: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_code_cell(textwrap.dedent(code).strip("\n"))


def _index(nb, grade_id: str) -> int:
    return next(i for i, c in enumerate(nb.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def insert_after(nb, grade_id: str | None, code: str, tag: str = "attack") -> nbformat.NotebookNode:
    """A copy of ``nb`` with a new (student) code cell after the cell ``grade_id`` (None: after the imports)."""
    nb = copy.deepcopy(nb)
    at = 3 if grade_id is None else _index(nb, grade_id) + 1
    cell = _cell(f"# {tag}\n" + textwrap.dedent(code).strip("\n"))
    nb.cells.insert(at, cell)
    return nb


def set_solution(nb, name: str, code: str) -> nbformat.NotebookNode:
    nb = copy.deepcopy(nb)
    nb.cells[_index(nb, name)].source = textwrap.dedent(code).strip("\n")
    return nb


def build(source_nb, release_nb) -> dict[str, tuple[object, Expect]]:
    """student name -> (notebook, or raw bytes for a damaged file; expected outcome)."""
    solved = samples.solved(source_nb, release_nb)
    buggy = samples.with_bug(source_nb, release_nb, ASSIGNMENT)
    bug_lost = ["test_propagate 2/3"]
    c: dict[str, tuple[object, Expect]] = {}

    # --- changing how checks judge, in the student's own process -----------------------------
    c["patch_numpy"] = (insert_after(buggy, None, """
        import numpy as np, numpy.testing
        np.allclose = lambda *a, **k: True
        np.isclose = lambda a, b, *r, **k: np.ones(np.broadcast(np.asarray(a), np.asarray(b)).shape, bool)
        np.array_equal = lambda *a, **k: True
        np.testing.assert_allclose = lambda *a, **k: None
        np.testing.assert_array_equal = lambda *a, **k: None
    """), Expect(FULL - 1, bug_lost))
    c["patch_builtins"] = (insert_after(buggy, None, """
        import builtins
        builtins.AssertionError = type("NeverRaised", (Exception,), {})
        builtins.all = lambda *a: True
        builtins.any = lambda *a: False
    """), Expect(FULL - 1, bug_lost))
    c["patch_dlutils_in_memory"] = (insert_after(buggy, None, """
        import dlutils.checks.compare as cmp, dlutils.checks.exercise as ex, dlutils.checks.harness as h
        cmp.compare = lambda *a, **k: []
        ex.Exercise.judge = lambda self, *a, **k: []
        ex.Exercise.judge_parts = lambda self, got, exp, **k: [("x", [])]
    """), Expect(FULL - 1, bug_lost))
    c["modify_installed_dlutils"] = (insert_after(buggy, None, """
        import dlutils, pathlib
        done = []
        for f in pathlib.Path(dlutils.__file__).parent.rglob("*.py"):
            try:
                f.write_text("def compare(*a, **k):\\n    return []\\n")
                done.append(f.name)
            except OSError as e:
                pass
        print("MODIFIED", len(done))
    """), Expect(FULL - 1, bug_lost, output={"attack": "MODIFIED 0"}))

    # --- IPython machinery -----------------------------------------------------------------------
    c["input_transformer"] = (insert_after(buggy, None, """
        def neuter(lines):
            text = "".join(lines)
            return ["pass\\n"] if ("check" in text or "harness" in text or "BEGIN HIDDEN" in text) else lines
        get_ipython().input_transformers_cleanup.append(neuter)
    """), Expect(0, [f"test_{n} {p}" for n, p in
                     sorted({"preprocess": "0/1", "sigmoid": "0/1", "initialize_with_zeros": "0/1",
                             "propagate": "0/3", "optimize": "0/2", "predict": "0/2", "model": "0/2"}.items())],
                 output={"test_propagate": "no values came back"}))
    c["custom_exception_handler"] = (insert_after(buggy, None, """
        get_ipython().set_custom_exc((BaseException,), lambda shell, etype, value, tb, tb_offset=None: None)
    """), Expect(FULL - 1, bug_lost))
    c["showtraceback_override"] = (insert_after(buggy, None, """
        ip = get_ipython()
        ip.showtraceback = lambda *a, **k: None
        ip.showsyntaxerror = lambda *a, **k: None
    """), Expect(FULL - 1, bug_lost))

    # --- values that lie ---------------------------------------------------------------------------
    lying = set_solution(buggy, "propagate", """
        import numpy as np

        class Liar(np.ndarray):
            def __eq__(self, other): return np.ones(np.shape(other), bool)
            def __ne__(self, other): return np.zeros(np.shape(other), bool)
            def __array_finalize__(self, obj): pass

        class Anything:
            shape = (1, 1)
            def __eq__(self, other): return True
            def __float__(self): return 0.0

        def propagate(w, b, X, Y):
            dw = np.zeros_like(w).view(Liar)
            return {"dw": dw, "db": Anything()}, Anything()
    """)
    c["lying_objects"] = (lying, Expect(FULL - 3, ["test_propagate 0/3"],
                                        output={"test_propagate": "not numbers, arrays, tuples or dicts"}))
    c["fake_results_file"] = (insert_after(buggy, "propagate", """
        import json, os
        import dlutils.checks.harness as h
        real_run = h.run
        def run(module, name, ns, inputs_path, results_path):
            if name != "propagate":
                return real_run(module, name, ns, inputs_path, results_path)
            cases = json.load(open(inputs_path))
            fake = [{"value": {"__tuple__": [{"dw": {"__ndarray__": [0.0], "dtype": "<f8", "shape": [1, 1]},
                                              "db": 0.0}, 0.0]}} for _ in cases]
            open(results_path, "w").write(json.dumps(fake))
        h.run = run
    """), Expect(FULL - 3, ["test_propagate 0/3"]))

    # --- the notebook's structure --------------------------------------------------------------
    edited = copy.deepcopy(buggy)
    test = edited.cells[_index(edited, "test_propagate")]
    test.source = "pass"
    test.metadata["nbgrader"]["points"] = 100
    c["edit_test_cell"] = (edited, Expect(FULL - 1, bug_lost))
    deleted = copy.deepcopy(buggy)
    for gid in ("test_propagate", "test_model"):
        del deleted.cells[_index(deleted, gid)]
    c["delete_test_cells"] = (deleted, Expect(FULL - 1, bug_lost))
    dup = copy.deepcopy(buggy)
    early = copy.deepcopy(dup.cells[_index(dup, "test_propagate")])
    early.source = "pass"
    dup.cells.insert(3, early)  # an extra copy of test_propagate before propagate is defined
    twin = copy.deepcopy(dup.cells[_index(dup, "propagate")])
    dup.cells.insert(5, twin)    # and a second cell claiming the id of propagate's solution
    c["duplicate_grade_ids"] = (dup, Expect(FULL - 1, bug_lost))

    # --- reading what a student must not see ----------------------------------------------------
    c["read_secrets"] = (insert_after(buggy, None, """
        import glob, os, sqlite3
        targets = ["COURSE/source/week2_logistic_regression/logistic_regression.ipynb",
                   "COURSE/gradebook.db", "COURSE/nbgrader_config.py",
                   "REPO/autograder/course/assignments/week2_logistic_regression/reference.py", "REPO/autograder/hidden.py",
                   "REPO/source/week2_logistic_regression/logistic_regression.ipynb", "/root/.bash_history",
                   "/etc/shadow"] + glob.glob("COURSE/submitted/*/*/*.ipynb") + glob.glob("COURSE/autograded/**",
                                                                                          recursive=True)
        leaks = []
        for t in targets:
            try:
                with open(t, "rb") as f:
                    leaks.append((t, len(f.read())))
            except OSError:
                pass
        try:
            from autograder.course.assignments.week2_logistic_regression.reference import propagate
            leaks.append(("autograder.reference", 1))
        except ImportError:
            pass
        print("LEAKS", len(leaks), leaks)
    """), Expect(FULL - 1, bug_lost, output={"attack": "LEAKS 0 []"}))
    c["write_outside"] = (insert_after(buggy, None, """
        import os, sqlite3
        wrote = []
        for t in ["COURSE/gradebook.db", "COURSE/source/week2_logistic_regression/leak_MARK.txt",
                  "COURSE/submitted/ada_reference/week2_logistic_regression/logistic_regression.ipynb",
                  "COURSE/release/MARK.txt", "REPO/MARK.txt", "/tmp/MARK.txt", "/grading/in/MARK.txt"]:
            try:
                with open(t, "a") as f:
                    f.write("MARK")
                wrote.append(t)
            except OSError:
                pass
        try:
            db = sqlite3.connect("COURSE/gradebook.db")
            db.execute("update grade set auto_score = 99")
            db.commit()
            wrote.append("gradebook rows")
        except Exception:
            pass
        print("WROTE", [w for w in wrote if w != "/tmp/MARK.txt"])
    """), Expect(FULL - 1, bug_lost, output={"attack": "WROTE []"}))
    c["cheat_with_reference"] = (insert_after(buggy, "propagate", """
        try:
            import importlib.util
            spec = importlib.util.spec_from_file_location("ref", "REPO/autograder/course/assignments/week2_logistic_regression/reference.py")
            ref = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(ref)
            propagate = ref.propagate
        except Exception as e:
            print("no reference:", type(e).__name__)
    """), Expect(FULL - 1, bug_lost, output={"attack": "no reference: FileNotFoundError"}))

    # --- stopping, hanging, flooding --------------------------------------------------------------
    c["sys_exit"] = (insert_after(buggy, "propagate", "import sys\nsys.exit(0)"), Expect(FULL - 1, bug_lost))
    c["os_exit"] = (insert_after(solved, "test_optimize", "import os\nos._exit(3)"),
                    Expect(FULL - 4, ["test_model 0/2", "test_predict 0/2"], events=["stopped the kernel"],
                           output={"test_predict": "stopped before its grade cell ran"}))
    c["endless_loop_cell"] = (insert_after(solved, "test_propagate", "while True:\n    pass"),
                              Expect(FULL, events=["was interrupted"]))
    c["sleep_cell"] = (insert_after(solved, "test_sigmoid", "import time\ntime.sleep(10**6)"),
                       Expect(FULL, events=["was interrupted"]))
    c["endless_loop_in_function"] = (set_solution(solved, "predict", """
        def predict(w, b, X):
            while True:
                pass
    """), Expect(FULL - 2, ["test_predict 0/2"], output={"test_predict": "did not finish within"}))
    c["ignore_interrupts"] = (insert_after(solved, "test_predict", """
        import signal
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        while True:
            pass
    """), Expect(FULL - 2, ["test_model 0/2"], events=["ignored the interrupt"]))
    c["memory_bomb"] = (insert_after(solved, "test_sigmoid", """
        try:
            whole = "x" * 10**12                     # one terabyte at once
        except MemoryError:
            print("MemoryError at once")
        hog = []
        try:
            while True:                               # and a gigabyte at a time (calloc'd: the limit counts
                hog.append(bytes(1 << 30))            # address space, and untouched pages keep this fast)
        except MemoryError:
            print("MemoryError after", len(hog), "GB")
        del hog
    """), Expect(FULL, output={"attack": "MemoryError at once\nMemoryError after "}))
    c["process_flood"] = (insert_after(solved, "test_sigmoid", """
        import subprocess
        procs = []
        try:
            for _ in range(5000):
                procs.append(subprocess.Popen(["sleep", "MARK1"]))
        except (OSError, BlockingIOError) as e:
            print("flood stopped after", len(procs), "processes:", type(e).__name__)
    """), Expect(FULL, output={"attack": "flood stopped after"}))
    c["orphan_processes"] = (insert_after(solved, "test_sigmoid", """
        import os, subprocess
        subprocess.Popen(["sleep", "MARK2"], start_new_session=True)
        if os.fork() == 0:          # a daemon: double fork, new session, outlives the kernel
            os.setsid()
            if os.fork() == 0:
                os.execvp("sleep", ["sleep", "MARK2"])
            os._exit(0)
        print("started")
    """), Expect(FULL))
    c["huge_output"] = (insert_after(solved, "test_sigmoid", """
        import sys
        for _ in range(200):
            sys.stdout.write("x" * 1_000_000)
        print(end="", flush=True)
    """), Expect(FULL, output={"attack": "output truncated by the grader"}))

    # --- cheating on the public checks --------------------------------------------------------------
    hard = set_solution(solved, "sigmoid", """
        import numpy as np
        from dlutils.checks.exercise import public_cases

        def sigmoid(z):
            for case in public_cases("logistic_regression")["sigmoid"]:
                if np.shape(z) == np.shape(case["inputs"]["z"]) and np.allclose(z, case["inputs"]["z"]):
                    return case["expected"]
            return np.full(np.shape(z), 0.5)
    """)
    hard = set_solution(hard, "predict", """
        import numpy as np
        from dlutils.checks.exercise import public_cases

        def predict(w, b, X):
            for case in public_cases("logistic_regression")["predict"]:
                if X.shape == case["inputs"]["X"].shape and np.allclose(X, case["inputs"]["X"]):
                    return case["expected"]
            return np.zeros((1, X.shape[1]))
    """)
    c["hard_coded_public_answers"] = (hard, Expect(FULL - 3, ["test_predict 0/2", "test_sigmoid 0/1"]))

    # --- files that are not notebooks -----------------------------------------------------------------
    text = nbformat.writes(solved)
    c["invalid_json"] = (text[: len(text) // 3].encode(), Expect(0, status="not graded: logistic_regression.ipynb is not valid JSON"))
    c["nbformat_3"] = (b'{"nbformat": 3, "nbformat_minor": 0, "worksheets": [], "metadata": {}}',
                       Expect(0, status="not graded: logistic_regression.ipynb is not a Jupyter notebook of format 4"))
    return c


# --- correct, differently written solutions: every one must get full marks ---------------------------

EQUIVALENT = {
    "loops": {
        "sigmoid": """
            import math
            import numpy as np

            def sigmoid(z):
                z = np.asarray(z, dtype=float)
                out = np.empty_like(z)
                for idx in np.ndindex(z.shape):
                    out[idx] = 1.0 / (1.0 + math.exp(-z[idx])) if z[idx] > -700 else 0.0
                return out if out.ndim else float(out)
        """,
        "propagate": """
            import math

            def propagate(w, b, X, Y):
                n, m = X.shape
                dw = [[0.0] for _ in range(n)]
                db = 0.0
                cost = 0.0
                for j in range(m):
                    z = sum(w[i, 0] * X[i, j] for i in range(n)) + b
                    a = sigmoid(z)
                    cost += -(Y[0, j] * math.log(a) + (1 - Y[0, j]) * math.log(1 - a))
                    for i in range(n):
                        dw[i][0] += X[i, j] * (a - Y[0, j]) / m
                    db += (a - Y[0, j]) / m
                return {"dw": np.array(dw), "db": db}, cost / m
        """,
        "predict": """
            def predict(w, b, X):
                m = X.shape[1]
                Y_prediction = np.zeros((1, m))
                A = sigmoid(np.dot(w.T, X) + b)
                for i in range(m):
                    Y_prediction[0, i] = 1 if A[0, i] > 0.5 else 0
                return Y_prediction
        """,
    },
    "matmul_mean_0d": {
        "propagate": """
            def propagate(w, b, X, Y):
                m = X.shape[1]
                A = sigmoid(np.matmul(w.T, X) + b)
                cost = np.array(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))   # a 0-d array
                dZ = A - Y
                dw = np.dot(X, dZ.T) / m
                db = np.float64(np.mean(dZ))
                return {"db": db, "dw": dw, "extra": "ignored"}, cost
        """,
        "preprocess": """
            def preprocess(images):
                return np.stack([im.flatten() for im in images], axis=1).astype(np.float32) / np.float32(255)
        """,
        "initialize_with_zeros": """
            def initialize_with_zeros(dim):
                return np.zeros(dim).reshape(-1, 1), 0
        """,
    },
    "noisy": {
        "sigmoid": """
            import sys, warnings

            def sigmoid(z):
                print("computing sigmoid of shape", np.shape(z))
                warnings.warn("student warning on stderr")
                sys.stderr.write("and a line on stderr\\n")
                with np.errstate(over="warn"):
                    return 1 / (1 + np.exp(-np.asarray(z, dtype=float) * 1.0))
        """,
        "optimize": """
            def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
                np.log(np.zeros(1))                      # a RuntimeWarning on stderr, every call
                np.random.seed(0); np.random.rand(3)      # random calls the exercise does not forbid
                costs = []
                for i in range(num_iterations):
                    grads, cost = propagate(w, b, X, Y)
                    w = w - learning_rate * grads["dw"]
                    b = b - learning_rate * grads["db"]
                    if i % 100 == 0:
                        costs.append(cost)
                        print("cost", cost)
                return {"w": w, "b": b}, grads, np.array(costs)
        """,
        "model": """
            def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
                rng = np.random.default_rng()             # unused randomness, in another order
                rng.normal(size=5)
                w, b = initialize_with_zeros(X_train.shape[0])
                params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations=num_iterations,
                                                learning_rate=learning_rate, print_cost=print_cost)
                d = {}
                d["Y_prediction_train"] = predict(params["w"], params["b"], X_train)
                d["Y_prediction_test"] = predict(params["w"], params["b"], X_test)
                d.update(costs=list(costs), w=params["w"], b=params["b"], learning_rate=learning_rate,
                         num_iterations=num_iterations)
                return d
        """,
    },
    "other_forms": {
        "sigmoid": """
            def sigmoid(z):
                return 0.5 * (1 + np.tanh(np.multiply(0.5, z)))
        """,
        "predict": """
            def predict(w, b, X):
                return np.where(w.T @ X + b > 0, 1, 0)               # ints, decided on z instead of A
        """,
        "propagate": """
            def propagate(w, b, X, Y):
                m = X.shape[1]
                Z = (X.T @ w).T + b
                A = sigmoid(Z)
                cost = (-(np.log(A) @ Y.T + np.log(1 - A) @ (1 - Y).T) / m).item()
                dZ = A - Y
                return {"dw": (dZ @ X.T).T / m, "db": dZ.sum() / m}, cost
        """,
    },
}


def equivalent(source_nb, release_nb) -> dict[str, tuple[object, Expect]]:
    solved = samples.solved(source_nb, release_nb)
    out = {}
    for name, solutions in EQUIVALENT.items():
        nb = solved
        for fn, code in solutions.items():
            nb = set_solution(nb, fn, code)
        if name == "noisy":  # and extra cells of the student's own
            nb = insert_after(nb, "test_sigmoid", 'print("my own experiment:", sigmoid(np.array([-1.0, 1.0])))', "extra")
            nb = insert_after(nb, None, "import sys\nsys.stderr.write('hello from an extra cell\\n')", "extra")
        out[f"ok_{name}"] = (nb, Expect(FULL))
    return out
