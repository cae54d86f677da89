"""A time budget for one document's analysis, so that a pathological document becomes one error
line instead of a stuck worker.

    with time_budget(60):
        analyze(text)          # raises OutOfTime after 60 s of wall time

It uses SIGALRM, so it works in the main thread of a process (the CLI, an ingest worker); elsewhere
it does nothing (the server runs analyses in a child process it can end instead).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

DOCUMENT_SECONDS = 60.0


class OutOfTime(Exception):
    """The analysis of one document went past its time budget."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than the {seconds:g} s budget per document")


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    usable = (seconds is not None and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return
    assert seconds is not None

    def expire(signum: int, frame: FrameType | None) -> None:
        raise OutOfTime(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def die_with_parent() -> None:
    """In a worker process (Linux): be killed when the parent dies, even by SIGKILL, so that no
    worker outlives a killed ingest; elsewhere nothing."""
    import ctypes
    import os

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request took effect
        os._exit(1)
