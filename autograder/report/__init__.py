"""``dlcourse report ASSIGNMENT``: what the class got wrong, from the gradebook and the grading records.

Writes, in ``<course>/reports/<assignment>/`` by default, ``report.html`` (one self-contained page:
scores, the most common mistakes per function with who made them, how each function and check
separates strong from weak students, what went wrong while running notebooks, every student by id)
and the CSV files ``tables.FILES`` (their columns: ``autograder.report.tables``) and ``similarity.csv``
(``autograder.similarity.run``).

Order of steps, each timed in ``Written.timings``:
1. ``load``: the gradebook, the latest run and the grading records (``data``);
2. ``stats``: summary, item analysis, mistakes, events (``stats``);
3. ``similarity``: every pair of students' answers per function (``autograder.similarity``; it writes
   ``similarity.csv``);
4. ``plots``: the pictures (``plots``);
5. ``csv``: the CSV files (``tables``);
6. ``html``: the page (``page``; the similarity section: ``similar``).
"""
from __future__ import annotations

import contextlib
import gc
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import data as class_data
from . import page, plots, stats, tables
from .data import ReportError

__all__ = ["ReportError", "Written", "write", "default_dir"]


@dataclass
class Written:
    html: Path
    csv: dict[str, Path]
    students: int
    graded: int
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def seconds(self) -> float:
        return sum(self.timings.values())


def default_dir(course_dir: Path, assignment_id: str) -> Path:
    return Path(course_dir).resolve() / "reports" / assignment_id


def write(course_dir: Path, assignment_id: str, out_dir: Path | None = None) -> Written:
    """Write the report of ``assignment_id``'s latest grading in ``course_dir``; ReportError if the
    assignment has not been graded there."""
    course_dir = Path(course_dir).resolve()
    out_dir = Path(out_dir).resolve() if out_dir else default_dir(course_dir, assignment_id)
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def step(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = now - clock
        clock = now

    with _collector_paused():
        data = class_data.load(course_dir, assignment_id)
    step("load")
    with _collector_paused():
        summary, items = stats.summary(data), stats.items(data)
        mistakes, events = stats.mistakes(data), stats.events(data)
    step("stats")
    from ..similarity import run as similarity  # copydetect and pygments load only here

    alike = similarity.compare(course_dir, assignment_id, out_dir)
    step("similarity")
    pictures = {"items": plots.item_analysis(items)}
    if data.graded:
        pictures["scores"] = plots.score_histogram([s.score for s in data.graded], data.max_score)
    everything = [c for counts in mistakes.values() for c in counts]
    if everything:
        pictures["mistakes"] = plots.common_mistakes(everything, len(data.graded))
    if any(len(r.students) > 1 for r in alike.results):
        pictures["similarity"] = plots.similarity(alike.results)
    step("plots")
    out_dir.mkdir(parents=True, exist_ok=True)
    csvs = {**tables.write(out_dir, data, items, mistakes, events), alike.csv.name: alike.csv}
    step("csv")
    html_path = out_dir / "report.html"
    tmp = out_dir / ".report.html.tmp"
    tmp.write_text(page.render(data, summary, items, mistakes, events, pictures, out_dir, course_dir, alike),
                   encoding="utf-8")
    os.replace(tmp, html_path)
    step("html")
    return Written(html_path, csvs, len(data.students), len(data.graded), timings)


@contextlib.contextmanager
def _collector_paused():
    """Python's cyclic garbage collector off while hundreds of thousands of small objects that live
    on are made (it would scan them again and again: half the loading time of 5,000 students);
    nothing made here refers to itself, so nothing is left for it to collect."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
