"""The class report as one self-contained HTML page: styles inline, pictures as data: URLs, no
script, nothing loaded from anywhere. Students appear by id only; every text from a record or the
gradebook is escaped."""
from __future__ import annotations

import html
import os
import time
from pathlib import Path

from . import similar, stats
from .data import ABSENT, ClassData
from .markup import ids as _ids, img as _img, num as _num, table as _table

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 1100px;
       padding: 1.5rem; color: #1a202c; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #cbd5e0; }
h3 { margin-bottom: .3rem; } .run { color: #4a5568; margin-top: 0; }
nav a { margin-right: 1rem; } img { max-width: 100%; height: auto; display: block; margin: .8rem 0; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #e2e8f0; padding: .25rem .55rem; text-align: left; vertical-align: top; }
th { background: #f7fafc; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.check td:first-child { padding-left: 1.6rem; color: #4a5568; }
.flag { color: #c53030; font-weight: 600; } .muted { color: #718096; }
details summary { cursor: pointer; } .ids a { margin-right: .45rem; white-space: nowrap; }
table.students { font-size: .82rem; } .wide { overflow-x: auto; max-width: 100%; }
td.made { min-width: 14rem; } td.status { white-space: nowrap; }
table.students th.fn { writing-mode: vertical-rl; transform: rotate(180deg); text-align: left; white-space: nowrap; }
"""


def render(data: ClassData, summary: stats.Summary, items: list[stats.Item],
           mistakes: dict[str, list[stats.MistakeCount]], events: list[tuple[str, str, str]],
           pictures: dict[str, bytes], out_dir: Path, course_dir: Path, similarity=None) -> str:
    """The page; ``similarity``: ``similarity.run.Similarity`` of the class, for its section (None: none)."""
    e = html.escape
    run = data.run
    seed = run.get("seed", "unknown")
    when = (f"started {run.get('started', '?')}, ended {run['ended']}" if run.get("ended")
            else f"started {run.get('started', '?')}, finished" if run.get("finished")
            else f"started {run['started']}, not finished: interrupted, or still running" if run.get("started")
            else "no run recorded")
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Class report: {e(data.assignment_id)}</title><style>{STYLE}{similar.STYLE}</style></head><body>",
        f"<h1>Class report: {e(data.assignment_id)}</h1>",
        f'<p class="run">Grading run with seed {e(str(seed))} ({e(when)}). '
        f"Report written {time.strftime('%Y-%m-%d %H:%M:%S')} by <code>dlcourse report</code>. "
        "Students are listed by id.</p>",
        '<nav><a href="#scores">Scores</a><a href="#mistakes">Common mistakes</a><a href="#functions">Functions '
        'and checks</a><a href="#events">Events</a>'
        + ('<a href="#similarity">Similar answers</a>' if similarity is not None else "")
        + '<a href="#students">Students</a></nav>',
    ]
    parts += _scores(summary, pictures, data.other_entries)
    parts += _mistakes(data, summary, mistakes, pictures)
    parts += _functions(items, pictures)
    parts += _events(events)
    if similarity is not None:
        parts += similar.section(similarity, data, pictures.get("similarity"))
    parts += _students(data, out_dir, course_dir)
    parts.append("</body></html>")
    return "\n".join(parts)


def _scores(s: stats.Summary, pictures, other_entries: dict[str, str]) -> list[str]:
    out = ['<h2 id="scores">Scores</h2>']
    if not s.graded:
        out.append("<p>No submission of this assignment has been graded yet.</p>")
    else:
        def share(n):
            return f"{n:,} ({100 * n / s.graded:.0f}%)"
        rows = [("graded students", f"{s.graded:,} of {s.students:,}"), ("mean", _num(s.mean)),
                ("median", _num(s.median)), ("quartiles (25%, 75%)", f"{_num(s.q1)}, {_num(s.q3)}"),
                ("lowest, highest", f"{_num(s.lowest)}, {_num(s.highest)}"),
                (f"full marks ({s.max_score:g})", share(s.full_marks)), ("zero", share(s.zero)),
                ("no submission", f"{len(s.no_submission):,}")]
        out.append(_table(["", f"out of {s.max_score:g} points"], rows, numeric={1}))
        out.append(_img(pictures.get("scores"), "Histogram of the graded students' scores"))
        if s.other_seeds:
            out.append(f'<p class="flag">{s.other_seeds:,} graded students were graded by another run (another '
                       "seed): their hidden tests differ from the others'.</p>")
    if s.not_graded:
        out.append(f'<h3 id="not-graded">Not graded ({sum(map(len, s.not_graded.values())):,})</h3>')
        out.append(_table(["why", "students"], [(why, _ids(ids)) for why, ids in
                                                 sorted(s.not_graded.items(), key=lambda kv: -len(kv[1]))],
                          raw={1}))
    if other_entries:
        out.append(f"<p>The submissions folder also held {len(other_entries):,} "
                   f"entr{'ies' if len(other_entries) != 1 else 'y'} that {'are' if len(other_entries) != 1 else 'is'} "
                   "no student, not graded:</p>")
        out.append(_table(["entry", "why"], sorted(other_entries.items())))
    return out


def _mistakes(data: ClassData, s: stats.Summary, mistakes, pictures) -> list[str]:
    out = ['<h2 id="mistakes">Common mistakes</h2>',
           "<p>Per function, the known mistakes the hidden tests recognised in graded submissions (a student "
           "counts once per mistake), with the share of the graded students who made them.</p>"]
    if pictures.get("mistakes"):
        out.append(_img(pictures["mistakes"], "Bar chart of the most common mistakes as a share of graded students"))
    for name in data.exercises:
        counts = mistakes[name]
        out.append(f"<h3>{html.escape(name)}</h3>")
        if not counts:
            out.append('<p class="muted">Every graded student passed every check.</p>')
            continue
        rows = [(c.says if c.mistake in stats.PSEUDO_MISTAKES else f"{c.says} ({c.mistake})", f"{len(c.students):,}",
                 f"{100 * len(c.students) / s.graded:.1f}%", _ids(c.students)) for c in counts]
        out.append(_table(["mistake", "students", "share", "who"], rows, numeric={1, 2}, raw={3}))
    return out


def _functions(items: list[stats.Item], pictures) -> list[str]:
    out = ['<h2 id="functions">Functions and checks</h2>',
           "<p>Pass rate: the share of points earned (a function) or of hidden tests passed (a check). "
           "Discrimination: the correlation of the item's score with the total score; "
           f"below {stats.LOW_DISCRIMINATION:g} it is flagged (an item nearly everyone passes or fails, "
           "or one that measures something else than the rest).</p>"]
    out.append(_img(pictures.get("items"), "Bar chart of each function's pass rate, labelled with its discrimination"))
    head = ["function / check", "points", "students", "pass rate", "discrimination", "flag"]
    body = []
    for i in items:
        cls = ' class="check"' if i.check else ""
        cells = [html.escape(i.check or i.exercise), "" if i.points is None else f"{i.points:g}", f"{i.students:,}",
                 "" if i.pass_rate is None else f"{100 * i.pass_rate:.1f}%",
                 "—" if i.discrimination is None else f"{i.discrimination:.2f}",
                 f'<span class="flag">{i.flag}</span>' if i.flag else ""]
        body.append(f"<tr{cls}>" + "".join(f'<td{" class=n" if k in (1, 2, 3, 4) else ""}>{c}</td>'
                                            for k, c in enumerate(cells)) + "</tr>")
    out.append("<table><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>" + "".join(body) + "</table>")
    return out


def _events(events) -> list[str]:
    out = ['<h2 id="events">Events</h2>']
    if not events:
        return out + ["<p>No notebook timed out, crashed its kernel or failed to be read.</p>"]
    counts = stats.event_counts(events)
    out.append("<p>" + "; ".join(f"{kind}: {n:,} student{'s' if n != 1 else ''}" for kind, n in sorted(counts.items()))
               + ".</p>")
    out.append('<div class="wide">' + _table(["student", "kind", "what happened"],
                                              [(_ids([s]), k.replace(" ", "\u00a0"), what) for s, k, what in events],
                                              raw={0}) + "</div>")  # a kind on one line
    return out


def _students(data: ClassData, out_dir: Path, course_dir: Path) -> list[str]:
    e = html.escape
    notebook = data.notebook.removesuffix(".ipynb")
    # The feedback link comes right after the student, and the functions' names stand upright, so that
    # the table fits a 1280-pixel page and the link is never scrolled out of sight.
    head = ["student", "feedback", "status", "score", *data.exercises, "mistakes"]
    body = []
    for s in data.students:
        status = e(s.status) if s.graded or s.status in ABSENT else '<a href="#not-graded">not graded</a>'
        cells = [f'<td id="s-{e(s.id)}">{e(s.id)}</td>']
        if s.graded:
            made = _mistakes_in_short(data, s)
            page = course_dir / "feedback" / s.id / data.assignment_id / f"{notebook}.html"
            link = (f'<a href="{e(Path(os.path.relpath(page, out_dir)).as_posix())}">feedback</a>'
                    if page.is_file() else "")
            cells += [f"<td>{link}</td>", f'<td class="status">{status}</td>', f'<td class="n">{s.score:g}</td>']
            cells += [f'<td class="n">{s.points[n]:g}</td>' for n in data.exercises]
            cells += [f'<td class="made">{e("; ".join(made))}</td>']
        else:
            cells += ["<td></td>", f'<td class="status">{status}</td>'] + ["<td></td>"] * (len(data.exercises) + 2)
        body.append("<tr>" + "".join(cells) + "</tr>")
    headers = "".join(f"<th{' class=fn' if h in data.exercises else ''}>{e(h)}</th>" for h in head)
    return ['<h2 id="students">Students</h2>',
            f'<div class="wide"><table class="students"><tr>{headers}</tr>{"".join(body)}</table></div>']


def _mistakes_in_short(data: ClassData, student) -> list[str]:
    """"propagate: db_not_averaged" per known mistake; "unanswered: sigmoid, propagate" for the others."""
    named, pseudo = [], {}
    for n in data.exercises:
        for m in sorted(stats.mistakes_of(student, n)):
            if m in stats.PSEUDO_MISTAKES:
                pseudo.setdefault(m, []).append(n)
            else:
                named.append(f"{n}: {m}")
    return named + [f"{m}: {', '.join(names)}" for m, names in pseudo.items()]
