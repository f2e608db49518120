"""Files named on the command line: ``-`` is standard input or output; sizes and folders checked first."""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from workbench.errors import InputError


def read_input(file: Path, max_bytes: int, stdin_name: str = "-") -> tuple[bytes, str]:
    """The bytes of ``file`` (``-``: standard input) and the name errors use; over ``max_bytes`` is refused."""
    if str(file) != "-":
        from workbench.services.importing import read_file

        return read_file(file, max_bytes), str(file)
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"standard input is over the import limit of {max_bytes:,} bytes", path=stdin_name)
    return data, stdin_name


def write_output(out: Path, write: Callable[[BinaryIO], object]) -> object:
    """Call ``write(stream)`` on ``out`` (``-``: standard output); a file appears whole or not at all.

    :raises InputError: the folder of ``out`` does not exist, or ``out`` is a folder.
    """
    if str(out) == "-":
        stream = sys.stdout.buffer
        result = write(stream)
        stream.flush()
        return result
    if out.is_dir():
        raise InputError("is a folder; name a file to write", path=str(out))
    if not out.parent.is_dir():
        raise InputError(f"the folder {out.parent} does not exist", path=str(out))
    tmp = out.with_name(out.name + ".part")
    try:
        with tmp.open("wb") as stream:
            result = write(stream)
        tmp.replace(out)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", path=str(out)) from None
    finally:
        tmp.unlink(missing_ok=True)  # a failed export leaves no half-written file behind
    return result
