"""`dlcourse report` on the demo's graded samples: every number of the CSV files, the page's promises
(self-contained, the run named, students by id), old and hostile grading records.

The synthetic class of thousands is tests/test_report_synthetic.py; the page in a browser is
tests/test_browser_instructor.py."""
import base64
import html
import csv
import json
import re
import shutil

import numpy as np
import pytest

from autograder import cli, report
from autograder.batch import runs
from autograder.nbgrader_ext.commands import make_workspace
from autograder.course.registry import ASSIGNMENTS
from autograder.report import data as class_data
from autograder.nbgrader_ext.sandboxed_grading import RECORD
from helpers import ASSIGNMENT

EACH = pytest.mark.parametrize("a", list(ASSIGNMENTS.values()), ids=list(ASSIGNMENTS))
EXERCISES = ["preprocess", "sigmoid", "initialize_with_zeros", "propagate", "optimize", "predict", "model"]
POINTS = [1, 1, 1, 3, 2, 2, 2]


def rows(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@EACH
def test_the_demo_writes_each_assignments_report(demo, a):
    workdir, _ = demo
    folder = workdir / "reports" / a.id
    assert sorted(p.name for p in folder.iterdir()) == sorted(["report.html", "similarity.csv", *report.tables.FILES])


@EACH
def test_each_sample_is_reported_as_graded(demo, a):
    """The reference has no mistake, the blank one leaves every function unanswered, the bug's
    mistakes are in its own function only, and the broken file is not graded, with the grader's reason."""
    workdir, results = demo
    students = {r["student"]: r for r in rows(workdir / "reports" / a.id / "students.csv")}
    assert sorted(students) == ["ada_reference", "ben_bug", "cleo_blank", "dan_broken"]
    for name, r in results[a.id].items():
        assert students[name]["status"] == r.status
        assert students[name]["score"] == (f"{r.score:g}" if r.status == "graded" else "")
    assert students["ada_reference"]["mistakes"] == ""
    assert students["cleo_blank"]["mistakes"].split() == sorted(f"{n}:unanswered" for n in a.exercises)
    bug = a.sample_bug.grade_id
    assert students["ben_bug"]["mistakes"] and all(m.startswith(f"{bug}:") for m in students["ben_bug"]["mistakes"].split())
    assert students["dan_broken"]["status"].startswith(f"not graded: {a.notebook} is not valid JSON")


def test_students_csv_of_logistic_regression(demo):
    workdir, results = demo
    table = rows(workdir / "reports" / ASSIGNMENT / "students.csv")
    assert list(table[0]) == ["student", "status", "score", "max_score", *EXERCISES, "mistakes", "events"]
    assert [list(r.values()) for r in table] == [
        ["ada_reference", "graded", "12", "12", *map(str, POINTS), "", "0"],
        ["ben_bug", "graded", "11", "12", "1", "1", "1", "2", "2", "2", "2", "propagate:db_not_averaged", "0"],
        ["cleo_blank", "graded", "0", "12", *["0"] * 7, " ".join(sorted(f"{n}:unanswered" for n in EXERCISES)), "0"],
        ["dan_broken", results[ASSIGNMENT]["dan_broken"].status, "", "12", *[""] * 7, "", ""],
    ]


def test_mistakes_csv_says_who_made_which_mistake(demo):
    workdir, _ = demo
    assignment = ASSIGNMENTS[ASSIGNMENT]
    [db] = [m for m in assignment.mistakes if m.id == "db_not_averaged"]
    table = [list(r.values()) for r in rows(workdir / "reports" / ASSIGNMENT / "mistakes.csv")]
    unanswered = ["unanswered", "not answered: still raises NotImplementedError", "1", "0.3333", "cleo_blank"]
    expected = []
    for name in EXERCISES:
        if name == "propagate":
            expected.append([name, "db_not_averaged", db.says, "1", "0.3333", "ben_bug"])
        expected.append([name, *unanswered])
    assert table == expected


def test_functions_csv_pass_rates_and_discrimination(demo):
    """Against numpy on the samples' known results: ada right everywhere, ben wrong only in
    grads["db"] (all 3 hidden tests), cleo wrong everywhere."""
    workdir, _ = demo
    table = {(r["exercise"], r["check"]): r for r in rows(workdir / "reports" / ASSIGNMENT / "functions.csv")}
    total = np.array([12, 11, 0]) / 12
    for name, points in zip(EXERCISES, POINTS):
        earned = np.array([1.0, 2 / 3 if name == "propagate" else 1.0, 0.0])
        row = table[(name, "")]
        assert (row["points"], row["students"]) == (f"{points:g}", "3")
        assert row["pass_rate"] == f"{earned.mean():.4f}"
        assert row["discrimination"] == f"{np.corrcoef(earned, total)[0, 1]:.3f}"
        assert row["flag"] == ""
    db = table[("propagate", 'grads["db"]')]
    assert (db["students"], db["pass_rate"]) == ("3", f"{3 / 9:.4f}")
    assert db["discrimination"] == f"{np.corrcoef([1, 0, 0], total)[0, 1]:.3f}"
    assert table[("propagate", "cost")]["pass_rate"] == f"{6 / 9:.4f}"
    assert [k[1] for k in table if k[0] == "propagate"] == ["", 'grads["dw"]', 'grads["db"]', "cost"]


def test_events_csv_lists_who_was_not_graded(demo):
    workdir, results = demo
    assert [list(r.values()) for r in rows(workdir / "reports" / ASSIGNMENT / "events.csv")] == [
        ["dan_broken", "not graded", results[ASSIGNMENT]["dan_broken"].status]]


def test_the_page_is_self_contained_and_names_its_run(demo):
    workdir, _ = demo
    page = (workdir / "reports" / ASSIGNMENT / "report.html").read_text()
    run = runs.last(workdir, ASSIGNMENT)
    assert f"Grading run with seed {run['seed']} (started {run['started']}, ended {run['ended']})" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:|//)""", page, re.I)
    assert "<script" not in page.lower() and "<link" not in page.lower()
    images = re.findall(r'<img alt="([^"]+)" src="data:image/png;base64,([^"]+)">', page)
    assert [html.unescape(alt) for alt, _ in images] == [
        "Histogram of the graded students' scores",
        "Bar chart of the most common mistakes as a share of graded students",
        "Bar chart of each function's pass rate, labelled with its discrimination",
        "Histograms of the class's pair scores per function, with each function's threshold"]
    assert all(base64.b64decode(data).startswith(b"\x89PNG\r\n\x1a\n") for _, data in images)
    # students by id, each mistake linked to them, and their feedback linked from their row
    assert '<td id="s-ben_bug">ben_bug</td>' in page and '<a href="#s-ben_bug">ben_bug</a>' in page
    link = f'<a href="../../feedback/ben_bug/{ASSIGNMENT}/logistic_regression.html">feedback</a>'
    assert link in page and (workdir / "feedback" / "ben_bug" / ASSIGNMENT / "logistic_regression.html").is_file()


def test_a_record_from_before_reports_still_names_the_mistakes():
    """Records written before they listed parts and mistake ids: the messages name them."""
    catalogue = {m.id: m.says for m in ASSIGNMENTS[ASSIGNMENT].mistakes if m.exercise == "propagate"}
    message = f'grads["db"] has the wrong value. This matches a known mistake: {catalogue["db_not_averaged"]}'
    old = {"passed": 2, "total": 3, "failed": {'grads["db"]': [message]}}
    test = class_data._hidden_test(old, "propagate", catalogue)
    assert (test.mistakes, test.unanswered, test.failed, test.parts) == (["db_not_averaged"], False, {'grads["db"]'}, [])
    blank = {"passed": 0, "total": 3, "failed": {"cost": ["propagate is not implemented yet: replace "
                                                           "`raise NotImplementedError()` with your code."]}}
    assert class_data._hidden_test(blank, "propagate", catalogue).unanswered is True


@pytest.fixture
def course_copy(demo, tmp_path):
    """A copy of the demo's course directory (its settings pointing at the copy)."""
    workdir, _ = demo
    course = tmp_path / "course"
    shutil.copytree(workdir, course, ignore=shutil.ignore_patterns("reports"))
    make_workspace(course)
    return course


@pytest.mark.parametrize("record", [b"[1, 2, 3]", b"{not json", b"[" * 5000 + b"]" * 5000,
                                    json.dumps({"seed": "x", "tests": {"propagate": [{"parts": 7, "failed": []},
                                                                                   "junk"]},
                                                "events": "x", "stopped": [{"cell": "1"}]}).encode()],
                         ids=["a list", "not JSON", "nested deep", "wrong types"])
def test_a_damaged_record_costs_only_its_details(course_copy, record, capsys):
    """A grading record sits where nbgrader copies the student's files: whatever it holds, the
    report is written, the student keeps the gradebook's score, and nothing is made up."""
    (course_copy / "autograded" / "ben_bug" / ASSIGNMENT / RECORD).write_bytes(record)
    assert cli.main(["report", ASSIGNMENT, "--course-dir", str(course_copy)]) == 0
    assert f"Class report of {ASSIGNMENT} (3 of 4 students graded): {course_copy}/reports/{ASSIGNMENT}/report.html" \
        in capsys.readouterr().out
    ben = {r["student"]: r for r in rows(course_copy / "reports" / ASSIGNMENT / "students.csv")}["ben_bug"]
    assert (ben["status"], ben["score"], ben["propagate"], ben["mistakes"], ben["events"]) == ("graded", "11", "2", "", "0")


def test_report_of_every_graded_assignment_and_the_errors(course_copy, tmp_path, capsys):
    assert cli.main(["report", "--course-dir", str(course_copy)]) == 0
    said = capsys.readouterr().out
    assert [line.split(" (")[0] for line in said.splitlines()] == [f"Class report of {a}" for a in ASSIGNMENTS]
    assert cli.main(["report", "week9", "--course-dir", str(course_copy)]) == 1
    assert capsys.readouterr().err == (f"dlcourse: no assignment week9 in this course; its assignments are "
                                       f"{', '.join(sorted(ASSIGNMENTS))}.\n")
    empty = tmp_path / "empty"
    make_workspace(empty)
    assert cli.main(["report", ASSIGNMENT, "--course-dir", str(empty)]) == 1
    assert capsys.readouterr().err == (f"dlcourse: there is no gradebook at {empty}/gradebook.db: nothing has been "
                                       f"graded in {empty} yet (dlcourse grade {ASSIGNMENT} --course-dir {empty}).\n")
    assert not (empty / "gradebook.db").exists()
