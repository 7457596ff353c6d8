"""What a run tells a person while it works: stages and packages, with counts and times.

Everything goes to stderr: stdout carries what tools read (JSON events and summaries, an
extracted spec), so `--format json` output stays clean whatever the verbosity. A live spinner line
is drawn only on a terminal; logs and CI get plain lines, one per finished step.
"""

from __future__ import annotations

import contextlib
import enum
import os
import sys
import threading
import time
from collections.abc import Iterator
from typing import TextIO


class Verbosity(enum.IntEnum):
    QUIET = 0  # errors only
    NORMAL = 1  # a line per package, warnings
    VERBOSE = 2  # per-stage timings, cache hits, notes


_FRAMES = "-\\|/"
_TICK = 0.1


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


class Progress:
    def __init__(
        self,
        verbosity: Verbosity = Verbosity.NORMAL,
        stream: TextIO | None = None,
        live: bool | None = None,
    ) -> None:
        self.stream = sys.stderr if stream is None else stream
        self.verbosity = verbosity
        wants_live = _is_terminal(self.stream) if live is None else live
        self.live = wants_live and verbosity >= Verbosity.NORMAL
        self._lock = threading.Lock()
        self._status = ""
        self._since = 0.0
        self._drawn = False
        self._frame = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- plain lines ---------------------------------------------------------------------------

    def say(self, text: str) -> None:
        """A line for a person at the normal level (a package done, a file created)."""
        if self.verbosity >= Verbosity.NORMAL:
            self._line(text)

    def detail(self, text: str) -> None:
        """Per-stage timings, cache hits: only with --verbose."""
        if self.verbosity >= Verbosity.VERBOSE:
            self._line(text)

    def problem(self, text: str) -> None:
        """Errors are shown even with --quiet."""
        self._line(text)

    def _line(self, text: str) -> None:
        with self._lock:
            self._erase()
            self.stream.write(text + "\n")
            self.stream.flush()

    # -- the live line (terminals only) ---------------------------------------------------------

    def status(self, text: str) -> None:
        """What is being worked on now; redrawn with a spinner and the elapsed time."""
        if not self.live:
            return
        with self._lock:
            if text != self._status:
                self._status, self._since = text, time.perf_counter()
            self._draw()
        if self._thread is None:
            self._thread = threading.Thread(target=self._spin, name="apismith-progress")
            self._thread.daemon = True  # never keeps a finished or interrupted run alive
            self._thread.start()

    def clear_status(self) -> None:
        with self._lock:
            self._status = ""
            self._erase()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self.clear_status()

    def _spin(self) -> None:
        while not self._stop.wait(_TICK):
            with self._lock:
                self._frame += 1
                self._draw()

    def _draw(self) -> None:
        if not self._status:
            return
        elapsed = time.perf_counter() - self._since
        frame = _FRAMES[self._frame % len(_FRAMES)]
        self.stream.write(f"\r\x1b[K{frame} {self._status} {elapsed:.1f}s")
        self.stream.flush()
        self._drawn = True

    def _erase(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self._drawn = False


class Stopwatch:
    """Seconds spent per stage, in the order the stages first ran."""

    def __init__(self, progress: Progress | None = None, label: str = "") -> None:
        self.seconds: dict[str, float] = {}
        self.progress = progress
        self.label = label
        self.started = time.perf_counter()

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if self.progress is not None:
            self.progress.status(f"{self.label}: {name}")
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - start)

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds

    @property
    def total(self) -> float:
        return time.perf_counter() - self.started

    def summary(self) -> str:
        return ", ".join(f"{name} {secs:.2f}s" for name, secs in self.seconds.items())
