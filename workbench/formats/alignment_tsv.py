"""TSV export and import of an alignment: one line per bead, tab-separated, with a header line (pure).

Columns: position, kk, ru, status, score, kk_pages, kk_lines, ru_pages, ru_lines, kk_breaks,
ru_breaks, kk_page_positions, ru_page_positions, comment. Pages are printed as the book prints them
(``ii``, ``ii-1``); the page positions (the file's 1st, 2nd … page) are filled only for pages printed
otherwise. Inside a cell a backslash, tab, line feed and carriage return are written
``\\\\``, ``\\t``, ``\\n``, ``\\r``. For import only ``kk`` and ``ru`` are needed: a file without
the header line is read as two columns, Kazakh then Russian.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import BinaryIO

from workbench.errors import N_, FormatError
from workbench.formats.aligned import AlignedPair, Side, parse_pages, parse_range, split_text
from workbench.formats.base import FileFormat
from workbench.formats.safe import refuse_control_characters

NAME = "TSV"
EXTENSIONS = ("tsv", "tab")
COLUMNS = ("position", "kk", "ru", "status", "score", "kk_pages", "kk_lines", "ru_pages", "ru_lines",
           "kk_breaks", "ru_breaks", "kk_page_positions", "ru_page_positions", "comment")
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}


def escape(cell: str) -> str:
    return "".join(_ESCAPES.get(c, c) for c in cell)


def unescape(cell: str) -> str:
    out, i = [], 0
    while i < len(cell):
        if cell[i] == "\\" and i + 1 < len(cell) and cell[i + 1] in _UNESCAPES:
            out.append(_UNESCAPES[cell[i + 1]])
            i += 2
        else:
            out.append(cell[i])
            i += 1
    return "".join(out)


def write(pairs: Iterable[AlignedPair], stream: BinaryIO) -> int:
    """Write ``pairs`` as TSV (UTF-8) to ``stream``; returns how many lines of beads were written."""
    lines = ["\t".join(COLUMNS)]
    for p in pairs:
        cells = [str(p.position), p.kk.text, p.ru.text, p.status, f"{p.score:.4f}", p.kk.pages, p.kk.lines,
                 p.ru.pages, p.ru.lines, ",".join(map(str, p.kk.breaks)), ",".join(map(str, p.ru.breaks)),
                 *(s.page_positions if s.page_positions != s.pages else "" for s in (p.kk, p.ru)), p.comment or ""]
        lines.append("\t".join(escape(c) for c in cells))
    stream.write(("\n".join(lines) + "\n").encode("utf-8"))
    return len(lines) - 1


def read(data: bytes, name: str = "alignment.tsv") -> list[AlignedPair]:
    """The bead pairs of a TSV file.

    :raises FormatError: not UTF-8, or a line with fewer columns than the header names.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(N_("not UTF-8 text (byte %(start)s)"), path=name, start=exc.start) from None
    refuse_control_characters(text, name)
    lines = re.split(r"\r\n|\r|\n", text)  # only real line breaks (not U+2028, U+0085)
    columns: tuple[str, ...] = ("kk", "ru")
    start = 0
    if lines and lines[0].split("\t")[:1] in (["position"], ["kk"]):
        columns = tuple(lines[0].split("\t"))
        start = 1
    missing = {"kk", "ru"} - set(columns)
    if missing:
        raise FormatError(N_("the header has no %(choices)s column"),
                          path=name, line=1, choices=" and ".join(sorted(missing)))
    pairs = []
    for number, line in enumerate(lines[start:], start=start + 1):
        if not line.strip():
            continue
        cells = [unescape(c) for c in line.split("\t")]
        if len(cells) < len(columns):
            cells += [""] * (len(columns) - len(cells))
        row = dict(zip(columns, cells))
        if not row["kk"].strip() and not row["ru"].strip():
            raise FormatError(N_("both the kk and the ru cell are empty"), path=name, line=number)
        sides = {}
        for lang in ("kk", "ru"):
            pages = parse_pages(row.get(f"{lang}_pages"), row.get(f"{lang}_page_positions"))
            src = parse_range(row.get(f"{lang}_lines"))
            sides[lang] = Side(split_text(row[lang].strip(), row.get(f"{lang}_breaks"), name, number),
                               pages[0], pages[1], src[0], src[1], first_label=pages[2], last_label=pages[3])
        try:
            score = float(row.get("score") or 0.0)
        except ValueError:
            raise FormatError(N_("score %(score)r is not a number"),
                              path=name, line=number, score=row["score"]) from None
        pairs.append(AlignedPair(len(pairs) + 1, sides["kk"], sides["ru"],
                                 "confirmed" if row.get("status") == "confirmed" else "auto", score,
                                 row.get("comment") or None))
    return pairs


def read_alignment(data: bytes, name: str) -> tuple[list[AlignedPair], dict[str, str]]:
    return read(data, name), {}


def write_alignment(pairs: Iterable[AlignedPair], stream: BinaryIO, titles: dict[str, str],
                    include_unpaired: bool = True) -> int:
    return write(pairs, stream)


FORMATS = (FileFormat("tsv", NAME, EXTENSIONS, "alignment", read_alignment, write_alignment,
                      "text/tab-separated-values"),)
