"""Progress of a long import on the terminal: one line rewritten in place, only when stderr is a terminal."""
from __future__ import annotations

import sys
from collections.abc import Callable


def progress_printer() -> Callable[[float, str], None] | None:
    """A ``progress(fraction, message)`` that redraws one status line on stderr, or None off a terminal."""
    stream = sys.stderr
    if not stream.isatty():
        return None

    def show(fraction: float, message: str) -> None:
        end = "\n" if fraction >= 1.0 else ""
        stream.write(f"\r\x1b[K{fraction:4.0%} {message}{end}")
        stream.flush()

    return show
