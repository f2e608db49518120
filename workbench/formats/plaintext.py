"""Plain UTF-8 text: bytes -> numbered, NFC-normalised source lines, with clear errors for bad files."""
from __future__ import annotations

import re
import unicodedata

from workbench.errors import N_, InputError
from workbench.text.model import SourceLine

NAME = "Plain text"
EXTENSIONS = ("txt",)
BOM = b"\xef\xbb\xbf"


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _reads_as_utf16(data: bytes) -> bool:
    """Whether bytes opening with a UTF-16 byte order mark read as Latin or Cyrillic text in UTF-16 (most of
    the characters below U+0530 or general punctuation), not as binary data that happens to open with one."""
    codec = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
    text = data[2:].decode(codec, errors="replace")
    if not text:
        return True
    plain = sum(1 for ch in text if ord(ch) < 0x0530 or 0x2000 <= ord(ch) <= 0x206F)
    return plain * 2 >= len(text)


def _decode_utf16(data: bytes, path: str) -> str:
    codec = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
    body = data[2:]
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        line = body[: exc.start].decode(codec, errors="replace").count("\n") + 1
        raise InputError(N_("invalid UTF-16 text; expected UTF-8 or UTF-16 with a byte order mark"),
                         path=path, line=line) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError(N_("binary file (NUL byte); expected UTF-8 text"), path=path, line=line)
    if not text.strip():
        raise InputError(N_("file is empty; expected text"), path=path)
    return text


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8 (with or without BOM), or UTF-16 with its BOM (what Windows editors save as "Unicode"),
    or raise an error naming the line of the first bad byte."""
    if data.startswith(UTF16_BOMS) and _reads_as_utf16(data):
        return _decode_utf16(data, path)
    if data.startswith(BOM):
        data = data[len(BOM):]
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError(N_("binary file (NUL byte); expected UTF-8 text"), path=path, line=line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            N_("invalid UTF-8 byte 0x%(byte)s; expected UTF-8 text"),
            path=path, line=line, byte=f"{data[exc.start]:02x}"
        ) from None
    if not text.strip():
        raise InputError(N_("file is empty; expected text"), path=path)
    return text


def read_lines(data: bytes, path: str) -> list[SourceLine]:
    """Split decoded text into 1-based numbered lines (``\\n``, ``\\r\\n`` or ``\\r``), NFC-normalised."""
    text = decode(data, path)
    # Only real line breaks count: str.splitlines() would also split at form feeds and U+2028,
    # and the line numbers would no longer match what an editor shows.
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return [SourceLine(i, unicodedata.normalize("NFC", t)) for i, t in enumerate(lines, start=1)]
