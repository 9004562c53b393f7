"""`dlcourse init`: a course directory of one's own for a class, and dlcourse working from the current
folder like nbgrader (the grading from a course's folder is in test_grading.py)."""
import stat

import pytest

from autograder import cli
from autograder.course.registry import REPO_ROOT
from autograder.nbgrader_ext import commands


def test_init_makes_a_course_with_its_id_its_exchange_and_the_package_source(tmp_path, capsys):
    course, exchange = tmp_path / "nndl", tmp_path / "srv" / "exchange"
    assert cli.main(["init", str(course), "--course-id", "nndl-2026", "--exchange", str(exchange)]) == 0
    assert capsys.readouterr().out == (f"Course nndl-2026 in {course} (exchange: {exchange}). Run dlcourse and "
                                       "nbgrader in that folder.\n")
    assert commands.gradebook_of(course) == (f"sqlite:///{course / 'gradebook.db'}", "nndl-2026")
    assert sorted(p.relative_to(course).as_posix() for p in (course / "source").rglob("*.ipynb")) == sorted(
        p.relative_to(REPO_ROOT).as_posix() for p in (REPO_ROOT / "source").rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts)
    assert stat.S_IMODE(exchange.stat().st_mode) == 0o1777  # nbgrader's: every user writes, none deletes others'
    assert f"c.Exchange.root = {str(exchange)!r}" in (course / "nbgrader_config.py").read_text()
    assert commands.is_course_dir(course)


@pytest.mark.parametrize("args,message", [
    (["--course-id", "bad id"], "'bad id' is not a course id nbgrader accepts"),
    (["--course-id", "ok"], "already exists and is not an empty folder"),
])
def test_init_refuses_a_folder_with_files_or_a_bad_id_and_writes_nothing(tmp_path, capsys, args, message):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("my work")
    target = folder if args[1] == "ok" else tmp_path / "new"
    assert cli.main(["init", str(target), *args]) == 1
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["mine", "notes.txt"]


def test_the_current_folder_is_the_course_when_it_is_one_else_this_repository(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a learner's folder: never made a course
    assert cli.default_course_dir() == REPO_ROOT
    course = commands.init_course(tmp_path / "c", "c1")
    monkeypatch.chdir(course)
    assert cli.default_course_dir() == course


def test_release_names_the_assignments_when_given_one_that_does_not_exist(capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["release", "week9_nope"])
    assert e.value.code == 2
    assert capsys.readouterr().err.endswith(
        "dlcourse: error: no assignment week9_nope: the assignments are week2_logistic_regression, week2_numpy_basics, "
        "week3_shallow_network, week4_deep_network, week4_deep_network_application\n")
