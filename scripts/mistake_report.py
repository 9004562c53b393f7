"""How well the hidden tests and the feedback handle each assignment's mistake corpus.

    .venv/bin/python scripts/mistake_report.py [--seeds N] [--corpus own|independent] [ASSIGNMENT ...]

Prints, per assignment, the share of mistakes detected by the hidden tests (worst and best seed),
the share named by a known-mistake message (hidden and public feedback) or explained by its operands,
correct variants that lose points, and the mistakes neither named nor explained, with the feedback
they get instead.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from autograder.course.registry import ASSIGNMENTS  # noqa: E402
from tests.mistake_corpus import measure  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    parser.add_argument("--seeds", type=int, default=10, help="grading runs (seeds 0..N-1) per entry")
    parser.add_argument("--corpus", choices=sorted(measure.CORPORA), default="own",
                        help="ours (tests/mistake_corpus/, the default) or the one written without reading the "
                             "known-mistake catalogues (tests/mistake_corpus_independent/)")
    args = parser.parse_args(argv)
    for assignment_id in args.assignments or ASSIGNMENTS:
        def progress(i, n, entry):
            print(f"\r{assignment_id}: {i}/{n} entries graded", end="", file=sys.stderr, flush=True)
        report = measure.measure(assignment_id, range(args.seeds), progress, args.corpus)
        print(file=sys.stderr)
        print(report.summary())
        for o in report.wrong:
            if not o.explained:
                first = next((l.strip() for l in o.messages.splitlines()[1:] if l.strip().startswith("-")), "")
                print(f"    not named or explained: {o.entry.exercise}: {o.entry.what} -> {first[:160]}")
        for o in report.right_losing:
            print(f"    CORRECT VARIANT LOSES POINTS: {o.entry.exercise}: {o.entry.what}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
