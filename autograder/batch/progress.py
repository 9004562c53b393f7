"""A progress line for a grading run, on standard error: counts and an estimate of the time left.

    grading [##########----------]  15/30  graded 12 · not graded 1 · in progress 4 · 0:42 left

On a terminal the line is redrawn in place; otherwise (a log file, CI) a line is written each time
another tenth of the batch is done, so a long run still shows that it moves.
"""
from __future__ import annotations

import sys
import time

WIDTH = 20


class Progress:
    def __init__(self, total: int, stream=None, enabled: bool | None = None) -> None:
        self.total, self.graded, self.failed, self.in_progress = total, 0, 0, 0
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.enabled = self.tty if enabled is None else enabled
        self.started = time.monotonic()
        self._shown_tenths = -1

    def running(self, in_progress: int) -> None:
        self.in_progress = in_progress
        if self.tty:
            self._show()

    def ended(self, ok: bool, in_progress: int) -> None:
        """One more submission done (``ok``: graded; else not graded)."""
        if ok:
            self.graded += 1
        else:
            self.failed += 1
        self.in_progress = in_progress
        self._show()

    @property
    def done(self) -> int:
        return self.graded + self.failed

    def line(self) -> str:
        filled = WIDTH * self.done // max(1, self.total)
        elapsed = time.monotonic() - self.started
        if self.done and self.done < self.total:
            left = elapsed / self.done * (self.total - self.done)
            eta = f"{int(left) // 60}:{int(left) % 60:02d} left"
        else:
            eta = f"{int(elapsed) // 60}:{int(elapsed) % 60:02d} elapsed" if self.done else "starting"
        return (f"grading [{'#' * filled}{'-' * (WIDTH - filled)}] {self.done:>{len(str(self.total))}}/{self.total}  "
                f"graded {self.graded} · not graded {self.failed} · in progress {self.in_progress} · {eta}")

    def _show(self) -> None:
        if not self.enabled:
            return
        if self.tty:
            self.stream.write("\r" + self.line() + "\x1b[K")
            self.stream.flush()
            return
        tenths = 10 * self.done // max(1, self.total)
        if tenths != self._shown_tenths:
            self._shown_tenths = tenths
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.tty:
            self.stream.write("\r" + self.line() + "\x1b[K\n")
            self.stream.flush()
