"""The similarity check's scores (autograder/similarity/scores.py), on honest answers and disguised copies
(tests/similarity_class.py)."""
import itertools
import random

import numpy as np
import pytest

from autograder.course.registry import ASSIGNMENTS
from autograder.similarity import run, scores
from autograder.similarity.canonical import canonical
from similarity_class import _function, disguise, honest, labelled_class, partial

SAMPLED = ["week2_numpy_basics", "week4_deep_network"]


def _plain(code: str) -> str:
    """``code`` as a student's cell holds it once the given docstring is set aside (it is boilerplate)."""
    import ast

    return ast.unparse(_function(code)[0]) + "\n"


@pytest.fixture(scope="module")
def answers():
    return {a: {fn: [_plain(c) for c in codes] for fn, codes in honest(a).items()} for a in SAMPLED}


def test_pair_scores_equal_the_shares_of_fingerprints_in_common_counted_one_pair_at_a_time():
    rng = random.Random(3)
    prints = [frozenset(rng.sample(range(60), rng.randrange(0, 25))) for _ in range(12)]
    got = scores.pair_scores(prints)
    for i, j in itertools.product(range(12), repeat=2):
        a, b = prints[i], prints[j]
        expected = 0.0 if i == j else ((len(a & b) / len(a) if a else 0.0) + (len(a & b) / len(b) if b else 0.0)) / 2
        assert got[i, j] == pytest.approx(expected), (i, j)


@pytest.mark.parametrize("how", ["rename", "comments"])
def test_renaming_and_comments_hide_nothing(answers, how):
    rng = random.Random(0)
    for assignment, functions in answers.items():
        for fn, codes in functions.items():
            copy = disguise(codes[0], rng, how)
            score = scores.pair_scores([scores.fingerprint(codes[0]), scores.fingerprint(copy)])[0, 1]
            assert score == 1.0, (assignment, fn, how, copy)


def test_the_given_code_is_boilerplate():
    given = 'def f(x):\n    """Twice x."""\n    assert isinstance(x, np.ndarray), "x must be an array"\n'
    a = given + "    y = x + x\n    return y\n"
    b = given + "    doubled = np.multiply(x, 2.0)\n    doubled = doubled.astype(float)\n    return doubled\n"
    boiler = scores.fingerprint(given)
    assert scores.pair_scores([scores.fingerprint(a), scores.fingerprint(b)])[0, 1] > 0  # the docstring alone
    assert scores.pair_scores([scores.fingerprint(a, boiler), scores.fingerprint(b, boiler)])[0, 1] == 0


def test_a_function_everyone_writes_alike_flags_nobody():
    """30 students write one sigmoid: code that common is how the class writes it (more than
    scores.COMMON answers hold it), so it counts for nothing; in a class of 5, the honest answers that
    calibrate the check coincide too, and the threshold is out of reach."""
    sigmoid = "def sigmoid(x):\n    s = 1 / (1 + np.exp(-x))\n    return s\n"
    result = scores.compare_function("sigmoid", {f"s{i}": sigmoid for i in range(30)})
    assert result.flagged == [] and not result.telling.any() and result.scores.max() == 0
    honest_ = run.honest_answers("week2_numpy_basics")["sigmoid"]
    result = scores.compare_function("sigmoid", {f"s{i}": sigmoid for i in range(5)}, honest=honest_)
    assert result.scores[0, 1] == 1.0 and result.threshold.value > 1 and result.flagged == []


def test_a_disguised_whole_copy_of_a_long_function_is_flagged_and_honest_answers_are_not(answers):
    """L_model_backward: three honest answers and four students' copies of the first, each disguised
    differently; the honest answers calibrate the threshold. Only the copies' pairs are flagged."""
    codes = answers["week4_deep_network"]["L_model_backward"]
    rng = random.Random(1)
    class_ = {f"honest{i}": code for i, code in enumerate(codes)}
    for how in ("rename", "comments", "reorder", "all"):
        class_[f"copy_{how}"] = disguise(codes[0], rng, how)
    result = scores.compare_function("L_model_backward", class_, honest=codes)
    pairs = {frozenset((f.a, f.b)) for f in result.flagged}
    copies = {"honest0", *(s for s in class_ if s.startswith("copy_"))}
    assert {frozenset(p) for p in itertools.combinations(sorted(copies), 2)} <= pairs
    assert all(p <= copies for p in pairs), pairs
    assert scores.clusters(result.flagged) == [sorted(copies)]


def test_measured_scores_of_each_disguise(answers, capsys):
    """Not a threshold test: prints, per function, the honest answers' most alike pair and the least
    alike copy of each disguise (README's figures come from here, with -s)."""
    rows = []
    for assignment, functions in answers.items():
        for fn, codes in functions.items():
            prints = [scores.fingerprint(c) for c in codes]
            honest_max = scores.pair_scores(prints)[np.triu_indices(len(codes), 1)].max()
            worst = {}
            for how in ("reorder", "split", "inline", "all"):
                worst[how] = min(scores.pair_scores([prints[0], scores.fingerprint(disguise(codes[0], random.Random(s), how))])[0, 1]
                                 for s in range(5))
            worst["partial"] = scores.pair_scores([prints[0], scores.fingerprint(partial(codes[0], codes[1]))])[0, 1]
            rows.append((fn, len(prints[0]), honest_max, worst))
    with capsys.disabled():
        for fn, size, h, worst in rows:
            print(f"{fn:28s} {size:3d} fingerprints, honest max {h:.2f}; copies: "
                  + " ".join(f"{k} {v:.2f}" for k, v in worst.items()))
    assert len(rows) == sum(len(f) for f in answers.values())


def test_fingerprints_are_the_same_in_every_process():
    """Python's own string hash changes with PYTHONHASHSEED; the fingerprints must not, or one class
    would score differently in each run."""
    import json
    import os
    import subprocess
    import sys

    code = "def f(x):\n    y = np.dot(x, x.T) + 1\n    return y / np.sum(y, axis=1, keepdims=True)\n"
    here = sorted(scores.fingerprint(code))
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", "import json, sys; from autograder.similarity import scores; "
                              "print(json.dumps(sorted(scores.fingerprint(sys.argv[1]))))", code],
                             capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        assert json.loads(out.stdout) == here, seed
    assert len(here) > 5


def test_dlcourse_similarity_on_the_demo_links_the_sample_bug_to_the_reference_it_was_made_from(demo, tmp_path, capsys):
    """The demo's ben_bug is the reference solution with one bug: every long function of his is the
    reference's, so only the pair (ada_reference, ben_bug) is flagged; cleo's blank notebook holds only the
    given code (boilerplate) and is never flagged. Written beside, not into, the shared demo workspace."""
    import csv

    from autograder import cli

    workdir, _ = demo
    assert cli.main(["similarity", "week4_deep_network", "--course-dir", str(workdir), "--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    rows = list(csv.DictReader(open(tmp_path / "similarity.csv")))
    assert rows and {(r["student_a"], r["student_b"]) for r in rows} == {("ada_reference", "ben_bug")}
    assert "L_model_backward" in {r["function"] for r in rows}
    assert all(float(r["score"]) > float(r["threshold"]) >= scores.FLOOR for r in rows)
    assert "Students linked by flagged pairs: ada_reference, ben_bug" in printed
    assert printed.rstrip().endswith("This is evidence to look at, not a verdict.")
    assert "cleo_blank ~" not in printed and "~ cleo_blank" not in printed


LABELLED = {"week3_shallow_network": labelled_class("week3_shallow_network"),
            "week4_deep_network": labelled_class("week4_deep_network")}


@pytest.mark.parametrize("assignment", [a for a in sorted(ASSIGNMENTS) if ASSIGNMENTS[a].honest_answers])
def test_every_honest_answer_keeps_every_point(assignment):
    """The answers that calibrate the check (the assignment's honest.py) are correct: every hidden test
    of two seeds passes. (The corpora's correct variants are checked by test_mistake_corpus.)"""
    from autograder import hidden
    from tests.mistake_corpus import measure

    shipped = ASSIGNMENTS[assignment].honest_answers
    assert set(shipped) == set(ASSIGNMENTS[assignment].exercises) and all(len(c) >= 2 for c in shipped.values())
    for fn, codes in shipped.items():
        for code in codes:
            ns = measure.namespace(assignment, code)
            for seed in (0, 1):
                result = hidden.hidden_problems(assignment, fn, ns[fn], seed)
                assert result.passed == result.total, (fn, code, result.messages)


@pytest.mark.parametrize("assignment", sorted(LABELLED))
def test_the_labelled_class_every_whole_copy_found_no_honest_pair_flagged(assignment, capsys):
    """The check as `dlcourse similarity` runs it (calibrated by the reference and honest.py only; the
    corpora's correct variants are held out) on a labelled class of 27: honest authors, 16 copiers of
    whole functions (each disguised one of six ways), 4 partial copiers. Every copy of a whole function is
    flagged, except in the functions whose honest answers coincide among themselves, where nobody is, and
    copies of an answer too short to tell (fewer than MIN_FINGERPRINTS fingerprints not common); no
    pair of honest answers that differ is flagged. Honest answers that coincide (the same code up to
    names, layout, order and temporaries) cannot be told from a copy: they are counted apart."""
    lab = LABELLED[assignment]
    honest_ = run.honest_answers(assignment)
    totals = dict.fromkeys(("flagged", "copies", "found", "short", "honest", "honest_flagged", "coinciding",
                            "coinciding_flagged", "partial", "partial_flagged"), 0)
    silent = set()
    for fn, class_ in lab.answers.items():
        result = scores.compare_function(fn, class_, lab.given[fn], honest_[fn])
        flagged = {frozenset((f.a, f.b)) for f in result.flagged}
        copies, honest_pairs = lab.copies(fn), lab.honest_pairs(fn)
        coinciding, partial_ = lab.coinciding(fn), lab.partial.get(fn, set())
        assert flagged <= copies | coinciding | partial_, (fn, flagged - copies - coinciding - partial_)
        telling = dict(zip(result.students, result.telling))
        short = {p for p in copies if not all(telling[s] for s in p)}  # a one-liner: too short to tell
        if result.threshold.value > 1:
            silent.add(fn)
            assert not flagged
        else:
            assert copies - short <= flagged, (fn, copies - short - flagged)
        totals["short"] += len(short)
        for key, value in (("flagged", flagged), ("copies", copies), ("found", copies & flagged),
                           ("honest", honest_pairs), ("honest_flagged", honest_pairs & flagged),
                           ("coinciding", coinciding), ("coinciding_flagged", coinciding & flagged),
                           ("partial", partial_), ("partial_flagged", partial_ & flagged)):
            totals[key] += len(value)
    # which functions no check can judge: two of their calibrating honest answers coincide
    assert silent == {"week3_shallow_network": {"layer_sizes"}, "week4_deep_network": set()}[assignment]
    assert totals["honest_flagged"] == 0
    precision = (totals["flagged"] - totals["coinciding_flagged"]) / totals["flagged"]
    with capsys.disabled():
        print(f"\n{assignment}: {totals['flagged']} pairs flagged; whole copies found {totals['found']} of "
              f"{totals['copies']} (recall {totals['found'] / totals['copies']:.2f}; {totals['short']} copies of a "
              f"one-liner, too short to tell; silent functions: "
              f"{', '.join(sorted(silent)) or 'none'}); honest pairs that differ flagged {totals['honest_flagged']} "
              f"of {totals['honest']}; coinciding honest pairs flagged {totals['coinciding_flagged']} of "
              f"{totals['coinciding']}; partial copies flagged {totals['partial_flagged']} of {totals['partial']}; "
              f"precision {precision:.2f} (coinciding pairs counted as false)")


@pytest.mark.parametrize("how", ["reorder", "split", "inline", "all"])
def test_the_canonical_form_undoes_moving_code_around(how):
    """Reordering independent statements, splitting an expression into a temporary and inlining one
    give the same canonical form as the code they were made from (names aside: the filter abstracts them)."""
    for assignment, lab in LABELLED.items():
        for fn, codes in honest(assignment).items():
            for seed in range(3):
                copy = disguise(codes[0], random.Random(seed), how)
                assert scores.fingerprint(copy) == scores.fingerprint(codes[0]), (fn, how, copy)


def test_the_canonical_form_keeps_dependent_statements_in_their_order():
    a = "def f(x):\n    y = x * 2\n    x = y + 1\n    return x\n"
    b = "def f(x):\n    x = y + 1\n    y = x * 2\n    return x\n"  # swapped: another computation
    assert canonical(a) != canonical(b)
    assert canonical("def f(x):\n    q = x.T\n    p = x + 1\n    return p @ q\n") == \
        canonical("def f(x):\n    p = x + 1\n    q = x.T\n    return p @ q\n") == "def f(x):\n    return (x + 1) @ x.T\n"
    assert canonical("def f(x:\n") == "def f(x:\n"  # not Python: compared as written


def test_what_a_flagged_pair_also_shares_in_its_grading_records():
    """The report's evidence beside a flagged pair: a known mistake both made (with how many did), the
    same wrong value no known mistake explains (with how many returned it), or both right."""
    from autograder.report.data import GRADED, ClassData, HiddenTest, Student
    from autograder.report.similar import shared_evidence

    parts = ["dW", "db"]

    def student(sid, mistakes=(), outputs=(None, None, None)):
        tests = [HiddenTest(parts, {"db"} if (mistakes or out) else set(), list(mistakes), False, out) for out in outputs]
        return Student(sid, GRADED, {"f": 1.0}, {"f": tests})

    data = ClassData("week4_deep_network", "deep_network.ipynb", ["f"], {"f": 3.0},
                     {"f": {"db_rank1": "db has rank 1"}}, {}, [
                         student("a", ["db_rank1"]), student("b", ["db_rank1"]), student("c", ["db_rank1"]),
                         student("d", outputs=("x1", "x2", "x3")), student("e", outputs=("x1", "x2", "y3")),
                         student("g", outputs=("z1", "z2", "z3")), student("h"), student("i")])
    assert shared_evidence(data, "a", "b", "f") == [
        "Both made the known mistake \u201cdb has rank 1\u201d (db_rank1), as did 3 of 8 graded students: weak "
        "evidence, it is a known slip."]
    assert shared_evidence(data, "d", "e", "f") == [
        "Both return the same wrong value, which no known mistake explains, in 2 hidden tests: only these two "
        "return it."]
    assert shared_evidence(data, "d", "g", "f") == []
    assert shared_evidence(data, "h", "i", "f") == ["Both answers pass every hidden test."]
    assert shared_evidence(data, "h", "nobody", "f") == []


def test_known_solutions_are_read_from_py_and_ipynb_and_a_bad_file_costs_only_itself(tmp_path):
    import nbformat

    from autograder.similarity import answers

    (tmp_path / "repo" / "week4").mkdir(parents=True)
    (tmp_path / "repo" / "week4" / "solution.py").write_text(
        "import numpy as np\n\ndef linear_forward(A, W, b):\n    '''Doc.'''\n    Z = np.dot(W, A) + b\n"
        "    return Z, (A, W, b)\n\nclass Helper:\n    def update_parameters(self, p, g, lr):\n        return p\n")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("%matplotlib inline\nimport numpy as np"),
                                         nbformat.v4.new_code_cell("def compute_cost(AL, Y):\n    return 0.0\n")])
    nbformat.write(nb, tmp_path / "repo" / "Week 4.ipynb")
    (tmp_path / "repo" / "broken.py").write_text("def linear_forward(:\n")
    (tmp_path / "repo" / "damaged.ipynb").write_text("{not json")
    found, problems = answers.known_solutions(tmp_path / "repo", ["linear_forward", "compute_cost", "update_parameters"])
    assert found == {"linear_forward": {"week4/solution.py": "def linear_forward(A, W, b):\n    Z = np.dot(W, A) + b\n"
                                                               "    return Z, (A, W, b)"},
                     "compute_cost": {"Week 4.ipynb": "def compute_cost(AL, Y):\n    return 0.0"},
                     "update_parameters": {"week4/solution.py": "def update_parameters(self, p, g, lr):\n"
                                                                "        return p"}}
    assert problems == ["broken.py: a cell or file is not Python (line 1), left out",
                        "damaged.ipynb: not read (NotJSONError)"]
    assert answers.known_solutions(tmp_path / "nowhere", ["compute_cost"]) == ({"compute_cost": {}}, [])


def test_dlcourse_similarity_lists_students_close_to_a_known_solution(demo, tmp_path, capsys):
    """A folder of solutions found elsewhere (here the course's own source notebook, solutions and all,
    as a public repository would hold it, and a file that is not Python): ada_reference and ben_bug, who
    submitted it, are listed close to it; cleo_blank is not; the bad file is named and left out."""
    import csv
    import shutil

    from autograder import cli

    workdir, _ = demo
    known = tmp_path / "known"
    known.mkdir()
    shutil.copy(ASSIGNMENTS["week4_deep_network"].source_path(), known / "solutions.ipynb")
    (known / "notes.py").write_text("Notes: see the lecture\n")
    assert cli.main(["similarity", "week4_deep_network", "--course-dir", str(workdir), "--out", str(tmp_path / "out"),
                     "--known", str(known)]) == 0
    printed = capsys.readouterr().out
    rows = list(csv.DictReader(open(tmp_path / "out" / "similarity.csv")))
    close = {(r["student_a"], r["function"]) for r in rows if r["student_b"] == "known_solutions/solutions.ipynb"}
    assert {s for s, _ in close} == {"ada_reference", "ben_bug"}
    assert ("ada_reference", "L_model_backward") in close and ("ben_bug", "L_model_backward") in close
    assert f"Close to a known solution (in {known}):" in printed
    assert "  notes.py: a cell or file is not Python (line 1), left out" in printed
    assert cli.main(["similarity", "week4_deep_network", "--course-dir", str(workdir), "--out", str(tmp_path / "out"),
                     "--known", str(tmp_path / "missing")]) == 0
    assert f"{tmp_path / 'missing'}: there is no such folder (give a folder of .py or .ipynb files)" in capsys.readouterr().out


def test_many_students_holding_one_solution_from_elsewhere_are_all_listed_close_to_it(answers):
    """Code more than scores.COMMON students hold counts for nothing between students (it is how the class
    writes it), but a known solution is compared as it is: twelve students who hand in one solution found
    elsewhere, each disguised, are each listed close to it, and the other students are not."""
    codes = answers["week4_deep_network"]["L_model_backward"]
    rng = random.Random(4)
    class_ = {f"copy{k:02d}": disguise(codes[1], rng, how) for k, how in
              enumerate(["rename", "comments", "reorder", "all"] * 3)}
    class_.update({f"honest{i}": code for i, code in enumerate(codes) if i != 1})
    result = scores.compare_function("L_model_backward", class_, honest=codes[:1], known={"public/solution.py": codes[1]})
    assert result.flagged == []  # twelve alike: common code
    assert {f.a for f in result.known} == {s for s in class_ if s.startswith("copy")}
    assert {f.b for f in result.known} == {"public/solution.py"} and all(f.score == 1.0 for f in result.known)
