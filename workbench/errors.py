"""The workbench's error hierarchy: every error a user can cause names the file, line and problem."""
from __future__ import annotations


class WorkbenchError(Exception):
    """Base of every error the workbench raises on purpose."""


class InputError(WorkbenchError):
    """A file or argument a user gave cannot be used.

    The message always names the file (when there is one), the 1-based line (when it is known)
    and what was wrong, in that order: ``book.txt:12: invalid UTF-8 byte 0xff``.
    """

    def __init__(self, problem: str, *, path: str | None = None, line: int | None = None) -> None:
        self.problem = problem
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(f"{where}{problem}")


class FormatError(InputError):
    """A file is not valid in the format it claims to be (TMX, TBX, PO, TSV, …)."""


class AlignmentError(WorkbenchError):
    """Two editions cannot be aligned as asked (an empty side, an unknown alignment, …)."""


class ConfigError(WorkbenchError):
    """A setting or a flag is wrong; raised at start-up with the offending name."""


class NotFound(WorkbenchError):
    """A document, alignment, term or finding that was asked for does not exist."""


class Conflict(WorkbenchError):
    """Somebody else changed the record since it was read (optimistic locking)."""
