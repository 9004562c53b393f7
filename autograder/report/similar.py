"""The class report's "Similar answers" section (``dlcourse similarity``'s results on the page).

Per function, how many answers were compared and the threshold with what set it; the students linked by
flagged pairs; each flagged pair with what else the two share in their grading records (the same known
mistake: weak evidence, many make it; the same wrong value that no known mistake explains: stronger,
the rarer it is), and the two answers side by side with the stretches they share marked; then the
students close to a known solution. Students by id only. It says, at the top, that this is evidence to
look at, not a verdict.
"""
from __future__ import annotations

import html
from collections import defaultdict

from ..similarity import highlight, scores
from . import stats
from .data import ClassData
from .markup import ids, img, table

MAX_PAIRS_SHOWN = 40  # side-by-side views on the page; every flagged pair is in similarity.csv

STYLE = """
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem; margin: .4rem 0 1.2rem; }
.pair pre { margin: 0; padding: .5rem .6rem; background: #f7fafc; border: 1px solid #e2e8f0; font-size: .8rem;
            overflow-x: auto; white-space: pre; } .pair h4 { margin: .2rem 0; font-size: .9rem; }
.pair > div { min-width: 0; } mark { background: #fbd38d; color: inherit; } .verdict { font-weight: 600; }
ul.evidence { margin: .3rem 0; }
"""


def section(sim, data: ClassData | None, picture: bytes | None) -> list[str]:
    """The section's HTML parts; ``sim``: ``similarity.run.Similarity``; ``data``: the class's grading
    records (for what flagged pairs also share), or None."""
    e = html.escape
    out = ['<h2 id="similarity">Similar answers</h2>',
           "<p>Each graded student's own code of each function (the given code, imports and docstrings left out) "
           "is compared with every other student's. It is first put in one form (a temporary used once put in its "
           "place, independent statements in one order), then fingerprinted by its tokens with names, strings and "
           "comments set aside: renaming, rewording, reordering and splitting or inlining change nothing. A pair's "
           "score is the share of fingerprints the two answers have in common (1: the same code); code that many "
           "in the class hold counts for nothing. A pair is listed when its score is above the function's "
           "threshold, set by how alike honest, independently written answers of that function are and by the "
           "class's own typical pair: a short function that everyone writes the same way flags nobody. Marked in "
           "the answers: the stretches the two share as written.</p>",
           '<p class="verdict">This is evidence to look at, not a verdict: students may have worked together as '
           "allowed, or learned from the same source.</p>"]
    out.append(img(picture, "Histograms of the class's pair scores per function, with each function's threshold"))
    rows = [(r.function, f"{len(r.students):,}", f"{len(r.students) * (len(r.students) - 1) // 2:,}",
             r.threshold.reason(), f"{len(r.flagged):,}") for r in sim.results]
    out.append(table(["function", "answers", "pairs", "threshold", "flagged pairs"], rows, numeric={1, 2, 4}))
    flagged = sim.flagged
    code = {r.function: r for r in sim.results}
    if not flagged:
        out.append("<p>No pair of students is above a threshold.</p>")
    else:
        by_pair: dict[tuple[str, str], list[scores.Flagged]] = defaultdict(list)
        for f in flagged:
            by_pair[(f.a, f.b)].append(f)
        if sim.clusters:
            functions = {tuple(c): sorted({f.function for f in flagged if f.a in c}) for c in sim.clusters}
            out.append("<h3>Students linked by flagged pairs</h3>")
            out.append(table(["students", "functions"], [(ids(c), ", ".join(functions[tuple(c)])) for c in sim.clusters],
                             raw={0}))
        out.append(f"<h3>Flagged pairs ({len(by_pair):,})</h3>")
        order = sorted(by_pair.items(), key=lambda kv: (-len(kv[1]), -max(f.score for f in kv[1]), kv[0]))
        for n, ((a, b), pairs) in enumerate(order):
            if n == MAX_PAIRS_SHOWN:
                out.append(f'<p class="muted">{len(order) - n:,} more pairs: see {e(sim.csv.name)}.</p>')
                break
            summary = ", ".join(f"{f.function} {f.score:.2f}" for f in pairs)
            out.append(f"<details{' open' if n < 3 else ''}><summary><strong>{e(a)} ~ {e(b)}</strong>: {e(summary)}"
                       "</summary>")
            for f in pairs:
                out += _pair(f, code[f.function], data)
            out.append("</details>")
    if sim.known:
        out.append(f"<h3>Close to a known solution ({len(sim.known):,})</h3>")
        out.append(f'<p>Compared with the solutions in <code>{e(str(sim.known_dir))}</code>.</p>')
        for n, f in enumerate(sim.known[:MAX_PAIRS_SHOWN]):
            out.append(f"<details{' open' if n < 3 else ''}><summary><strong>{e(f.a)}</strong> ~ {e(f.b)}: "
                       f"{e(f.function)} {f.score:.2f}</summary>")
            out += _pair(f, code[f.function], None)
            out.append("</details>")
    if sim.known_problems:
        out.append("<p>Known solutions left out: " + e("; ".join(sim.known_problems)) + "</p>")
    return out


def _pair(f: scores.Flagged, result: scores.FunctionResult, data: ClassData | None) -> list[str]:
    e = html.escape
    left, right = highlight.side_by_side(result.code[f.a], result.code[f.b], result.given)
    out = [f"<h4>{e(f.function)}: score {f.score:.2f}, threshold {result.threshold.value:.2f}</h4>"]
    evidence = shared_evidence(data, f.a, f.b, f.function) if data is not None else []
    if evidence:
        out.append('<ul class="evidence">' + "".join(f"<li>{e(x)}</li>" for x in evidence) + "</ul>")
    out.append(f'<div class="pair"><div><h4>{e(f.a)}</h4><pre>{left}</pre></div>'
               f'<div><h4>{e(f.b)}</h4><pre>{right}</pre></div></div>')
    return out


def shared_evidence(data: ClassData, a: str, b: str, function: str) -> list[str]:
    """What ``a``'s and ``b``'s grading records of ``function`` have in common, besides the code: the same
    known mistakes (with how many made each), and the same wrong values no known mistake explains (with
    how many graded students returned them)."""
    students = {s.id: s for s in data.graded}
    if a not in students or b not in students:
        return []
    graded = len(students)
    out = []
    common = (stats.mistakes_of(students[a], function) & stats.mistakes_of(students[b], function)) - set(stats.PSEUDO_MISTAKES)
    for m in sorted(common):
        made = sum(1 for s in students.values() if m in stats.mistakes_of(s, function))
        out.append(f"Both made the known mistake \u201c{data.says.get(function, {}).get(m, m)}\u201d ({m}), as did "
                   f"{made:,} of {graded:,} graded students: weak evidence, it is a known slip.")
    mine, theirs = _outputs(students[a], function), _outputs(students[b], function)
    shared = mine & theirs
    if shared:
        returning = sum(1 for s in students.values() if _outputs(s, function) & shared)
        tests = sum(1 for t in students[a].tests.get(function, []) if t.output in shared)
        rare = "only these two" if returning == 2 else f"{returning:,} of {graded:,} graded students"
        out.append(f"Both return the same wrong value, which no known mistake explains, in {tests} hidden "
                   f"test{'s' if tests != 1 else ''}: {rare} return it.")
    if not out and all(students[s].tests.get(function) and not any(t.failed for t in students[s].tests[function])
                       for s in (a, b)):
        out.append("Both answers pass every hidden test.")
    return out


def _outputs(student, function: str) -> set[str]:
    return {t.output for t in student.tests.get(function, []) if t.output}
