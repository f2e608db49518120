"""CSV and TSV glossaries (one row per entry, the shipped columns) and OmegaT's glossary format.

CSV and TSV carry the columns of ``glossary/*.tsv`` (see ``workbench.glossary.data``) plus
``approved_by`` and ``approved_at``, quoted as RFC 4180 says when a cell needs it (TSV with tabs
instead of commas). Term status other than preferred/admitted, part of speech and term notes do
not fit these columns.

OmegaT's glossary format (OmegaT user manual, "Glossaries") is tab-separated with three columns:
source term, target term, comment; ``.utf8`` files are UTF-8, ``.tab`` files in the system's
encoding (we read and write UTF-8 only, and skip lines starting with ``#``). We write kk→ru, one
line per Kazakh term with its Russian counterpart, the comment holding ``[entry id]`` and the
entry's note; lines with the same ``[id]`` are one entry again when read.
"""
from __future__ import annotations

import csv
import io
import re
from typing import Iterable, Literal

from workbench.errors import N_, FormatError
from workbench.formats.base import FileFormat
from workbench.formats.safe import refuse_control_characters
from workbench.glossary.data import COLUMNS, OPTIONAL_COLUMNS, check_header, entries_from_rows, entry_to_row
from workbench.glossary.model import Entry, Term

NAME = "CSV/TSV glossary"
EXTENSIONS = ("csv", "tsv", "tab", "utf8")
Dialect = Literal["csv", "tsv", "omegat"]
_ID_COMMENT = re.compile(r"^\[(?P<id>[^\]\s]+)\]\s*(?P<note>.*)$", re.S)


def decode_utf8(data: bytes, path: str) -> str:
    """UTF-8 text (BOM dropped) or ``FormatError`` naming the line of the first bad byte or control character."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FormatError(N_("invalid UTF-8 byte 0x%(byte)s"),
                          path=path, line=line, byte=f"{data[exc.start]:02x}") from None
    refuse_control_characters(text, path)
    return text


def dialect_of(path: str) -> Dialect:
    """csv for ``.csv``, omegat for ``.tab``/``.utf8``/``.txt``, tsv otherwise."""
    ext = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if ext == "csv":
        return "csv"
    if ext in ("tab", "utf8", "txt"):
        return "omegat"
    return "tsv"


def read(data: bytes, path: str, dialect: Dialect | None = None) -> list[Entry]:
    """Entries of a CSV, TSV or OmegaT file; the dialect comes from the extension unless given.

    A ``.tsv`` whose first line is not the glossary header is read as OmegaT's format.
    """
    text = decode_utf8(data, path)
    dialect = dialect or dialect_of(path)
    if dialect == "tsv" and not _has_header(text):
        dialect = "omegat"
    if dialect == "omegat":
        return read_omegat(text, path)
    return _read_table(text, path, "," if dialect == "csv" else "\t")


def write(entries: Iterable[Entry], dialect: Dialect = "tsv") -> bytes:
    """CSV/TSV with a header row and one row per entry, or OmegaT's three columns; UTF-8, ``\\n`` lines."""
    if dialect == "omegat":
        return write_omegat(entries)
    out = io.StringIO()
    writer = csv.writer(out, delimiter="," if dialect == "csv" else "\t", lineterminator="\n")
    columns = (*COLUMNS, *OPTIONAL_COLUMNS)
    writer.writerow(columns)
    for entry in entries:
        row = entry_to_row(entry)
        writer.writerow([row[c] for c in columns])
    return out.getvalue().encode("utf-8")


def _has_header(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip() and not line.startswith("#")), "")
    return {"id", "kk", "ru"} <= {cell.strip().lower() for cell in first.split("\t")}


def _read_table(text: str, path: str, delimiter: str) -> list[Entry]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = []
    columns: list[str] | None = None
    ended = 0  # the line the previous record ended on: a record (quoted fields may span lines) starts after it
    try:
        for cells in reader:
            line, ended = ended + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if columns is None:
                columns = check_header(cells, path, line)
                continue
            if len(cells) != len(columns):
                raise FormatError(N_("%(n)s fields, expected %(expected)s (one per header column)"),
                                  path=path, line=line, n=len(cells), expected=len(columns))
            rows.append((line, dict(zip(columns, cells))))
    except csv.Error as exc:
        if reader.line_num > ended and "end of data" in str(exc):
            # A quote that never closes swallows the rest of the file: the line to fix is where it opens.
            raise FormatError(N_("a quoted field opens on this line and is never closed"),
                              path=path, line=ended + 1) from None
        raise FormatError(N_("malformed %(kind)s: %(exc)s"), path=path,
                          line=reader.line_num, kind="CSV" if delimiter == "," else "TSV", exc=exc) from None
    return entries_from_rows(rows, path)


def _pairs(entry: Entry) -> list[tuple[Term, Term | None]]:
    """Each Kazakh term with its Russian counterpart: same type in order, else the Russian preferred term."""
    ru_terms = entry.terms_in("ru")
    preferred = entry.preferred("ru")
    pairs = []
    used: set[int] = set()
    for kk in entry.terms_in("kk"):
        partner = next((t for t in ru_terms if t.type == kk.type and id(t) not in used), None)
        if partner is not None:
            used.add(id(partner))
        pairs.append((kk, partner or preferred))
    return pairs


def write_omegat(entries: Iterable[Entry]) -> bytes:
    """OmegaT glossary lines ``kk<TAB>ru<TAB>[id] note``; tabs and line breaks in cells become spaces."""
    lines = []
    for entry in entries:
        for n, (kk, ru) in enumerate(_pairs(entry)):
            comment = f"[{entry.id}]"
            if n == 0 and entry.note:
                comment += f" {entry.note}"
            lines.append("\t".join(_cell(x) for x in (kk.text, ru.text if ru else "", comment)))
    return ("".join(f"{line}\n" for line in lines)).encode("utf-8")


def _cell(text: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", text).strip()


def read_omegat(text: str, path: str) -> list[Entry]:
    """Entries of an OmegaT glossary; a line's comment ``[id] note`` groups it with its entry.

    The first line of an entry gives its full forms, later lines its abbreviations (when the
    Kazakh term is written in capitals) or variants. Lines without ``[id]`` are entries of their own.
    """
    entries: dict[str, Entry] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 2 or len(cells) > 3:
            raise FormatError(N_("%(n)s tab-separated fields; expected source, target, comment"),
                              path=path, line=n, n=len(cells))
        kk, ru = cells[0].strip(), cells[1].strip()
        comment = cells[2].strip() if len(cells) == 3 else ""
        if not kk:
            raise FormatError(N_("empty source term"), path=path, line=n)
        m = _ID_COMMENT.match(comment)
        # A line without "[id]" is an entry of its own, with no id (the importer gives one).
        key, note = (m.group("id"), m.group("note").strip()) if m else (f"\0line {n}", comment)
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = Entry(m.group("id") if m else "", [Term("kk", kk)] + ([Term("ru", ru)] if ru else []),
                                              note=note or None)
            continue
        kind = "abbreviation" if sum(ch.isupper() for ch in kk) >= 2 and kk.upper() == kk else "variant"
        status = "preferred" if kind == "abbreviation" else "admitted"
        entry.terms.append(Term("kk", kk, kind, status))  # type: ignore[arg-type]
        if ru and all(t.text != ru for t in entry.terms_in("ru")):
            entry.terms.append(Term("ru", ru, kind, status))  # type: ignore[arg-type]
    for entry in entries.values():
        entry.terms = entry.terms_in("kk") + entry.terms_in("ru")
    return list(entries.values())


def _reader(dialect: Dialect):
    def read_dialect(data: bytes, path: str) -> list[Entry]:
        return read(data, path, dialect)
    return read_dialect


def _writer(dialect: Dialect):
    def write_dialect(entries: Iterable[Entry]) -> bytes:
        return write(entries, dialect)
    return write_dialect


_TABLE_FIELDS = frozenset({"category", "note", "source", "approval"})
FORMATS = (
    FileFormat("tsv", "TSV glossary", ("tsv",), "glossary", _reader("tsv"), _writer("tsv"),
               "text/tab-separated-values", _TABLE_FIELDS),
    FileFormat("csv", "CSV glossary", ("csv",), "glossary", _reader("csv"), _writer("csv"), "text/csv",
               _TABLE_FIELDS),
    FileFormat("omegat", "OmegaT glossary", ("utf8", "tab", "txt"), "glossary", _reader("omegat"),
               _writer("omegat"), "text/plain", frozenset({"note"})),
)
