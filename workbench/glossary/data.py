"""The shipped glossary's TSV rows <-> entries (pure: takes and returns text, never opens files).

One concept per row, header first, tab-separated, no quoting::

    id  category  kk  kk_abbr  kk_variants  ru  ru_abbr  ru_variants  status  source  note

``*_abbr`` and ``*_variants`` hold several terms separated by `` | ``. ``status`` is the entry's
approval (``approved`` / ``proposed``). Optional columns, accepted in any file and written by the
exchange formats (CSV, TSV): ``approved_by``, ``approved_at``; ``kk_context`` and ``ru_context``, the
context restriction of the ``kk`` / ``ru`` term (``not before: қоғам, құқық``, see
``glossary.model.Context``); and ``term_details``.
``term_details`` is written only for an entry whose terms the columns cannot say in full (a
forbidden or deprecated term, a part of speech, a term note, a short form, another order): a JSON
list of its terms, ``[{"lang": "ru", "text": "…", "status": "forbidden"}, …]`` (type
``full-form`` and status ``preferred`` left out). Reading takes the terms named in the columns,
with what ``term_details`` says about each, in its order.
"""
from __future__ import annotations

import json
import re
from typing import Iterable, Mapping

from workbench.errors import N_, FormatError
from workbench.glossary.model import APPROVALS, TERM_STATUSES, TERM_TYPES, Entry, Term
from workbench.text.normalise import nfc

COLUMNS = (
    "id", "category", "kk", "kk_abbr", "kk_variants", "ru", "ru_abbr", "ru_variants",
    "status", "source", "note",
)
OPTIONAL_COLUMNS = ("approved_by", "approved_at", "kk_context", "ru_context", "term_details")
LANGS = ("kk", "ru")
SEPARATOR = " | "
ID_RE = re.compile(r"^[\w][\w.:-]*$")


def parse_glossary_tsv(text: str, path: str) -> list[Entry]:
    """Entries of a glossary TSV; a bad header or row raises ``FormatError`` naming the line.

    Blank lines and lines starting with ``#`` are skipped.
    """
    lines = nfc(text.removeprefix("\ufeff")).splitlines()
    header_at = next((n for n, line in enumerate(lines) if line.strip() and not line.startswith("#")), None)
    if header_at is None:
        return []
    header = lines[header_at].rstrip("\r").split("\t")
    columns = check_header(header, path, header_at + 1)
    rows = []
    for n, line in enumerate(lines[header_at + 1:], start=header_at + 2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\r").split("\t")
        if len(cells) != len(header):
            raise FormatError(N_("%(n)s fields, expected %(expected)s (one per column of the header)"),
                              path=path, line=n, n=len(cells), expected=len(header))
        rows.append((n, dict(zip(columns, cells))))
    return entries_from_rows(rows, path)


def check_header(header: list[str], path: str, line: int) -> list[str]:
    """The header's column names, or ``FormatError`` when a column is missing or unknown."""
    names = [h.strip().lower() for h in header]
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        raise FormatError(N_("header lacks column(s) %(choices)s; expected %(choices2)s"),
                          path=path, line=line, choices=", ".join(missing), choices2=" ".join(COLUMNS))
    unknown = [c for c in names if c not in COLUMNS and c not in OPTIONAL_COLUMNS]
    if unknown:
        raise FormatError(N_("unknown column(s) %(choices)s"),
                          path=path, line=line, choices=", ".join(unknown))
    if len(set(names)) != len(names):
        raise FormatError(N_("a column is named twice in the header"), path=path, line=line)
    return names


def entries_from_rows(rows: Iterable[tuple[int, Mapping[str, str]]], path: str) -> list[Entry]:
    """Entries from (line number, row mapping) pairs, checking ids, approval and terms."""
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        entry = entry_from_row(row, path, line)
        if entry.id and entry.id in seen:
            raise FormatError(N_("id %(id)r already used on line %(first)s"),
                              path=path, line=line, id=entry.id, first=seen[entry.id])
        seen[entry.id] = line
        entries.append(entry)
    return entries


def entry_from_row(row: Mapping[str, str], path: str, line: int) -> Entry:
    """One entry from one row; ``FormatError`` names the line and the bad field."""
    cell = {k: nfc((v or "").strip()) for k, v in row.items()}
    entry_id = cell.get("id", "")  # empty: the importer gives one
    if entry_id and not ID_RE.match(entry_id):
        raise FormatError(N_("id %(entry_id)r is not an id (letters, digits, '-', '.', ':')"),
                          path=path, line=line, entry_id=entry_id)
    approval = cell.get("status", "") or "proposed"
    if approval not in APPROVALS:
        raise FormatError(N_("status %(approval)r; expected one of %(choices)s"),
                          path=path, line=line, approval=approval, choices=", ".join(APPROVALS))
    terms: list[Term] = []
    for lang in LANGS:
        if cell.get(lang):
            terms.append(Term(lang, cell[lang], context=cell.get(f"{lang}_context") or None))
        terms.extend(Term(lang, t, "abbreviation") for t in split_terms(cell.get(f"{lang}_abbr", "")))
        variants = split_terms(cell.get(f"{lang}_variants", ""))
        terms.extend(Term(lang, t, "variant", "admitted") for t in variants)
    if not terms:
        raise FormatError(N_("entry %(entry_id)s has no term in any language"),
                          path=path, line=line, entry_id=entry_id)
    if cell.get("term_details"):
        terms = _with_details(terms, cell["term_details"], path, line)
    return Entry(
        id=entry_id,
        terms=terms,
        category=cell.get("category") or None,
        note=cell.get("note") or None,
        source=cell.get("source") or None,
        approval=approval,  # type: ignore[arg-type]
        approved_by=cell.get("approved_by") or None,
        approved_at=cell.get("approved_at") or None,
    )


_DETAIL_KEYS = {"lang", "text", "type", "status", "pos", "note", "context"}


def _with_details(terms: list[Term], details: str, path: str, line: int) -> list[Term]:
    """The column terms with the type, status, part of speech and note ``details`` gives them, in its order."""
    try:
        items = json.loads(details)
        if not isinstance(items, list) or not all(isinstance(i, dict) and set(i) <= _DETAIL_KEYS
                                                  and isinstance(i.get("text"), str) for i in items):
            raise ValueError("expected a list of terms")
        described = [Term(nfc(i.get("lang", "")), nfc(i["text"]), i.get("type", "full-form"),
                          i.get("status", "preferred"), i.get("pos"), i.get("note"), i.get("context")) for i in items]
    except (ValueError, TypeError) as exc:
        raise FormatError(N_("term_details is not a JSON list of terms: %(exc)s"),
                          path=path, line=line, exc=exc) from None
    for term in described:
        if term.type not in TERM_TYPES or term.status not in TERM_STATUSES:
            raise FormatError(N_("term_details: «%(text)s» has type %(type)r and status %(status)r"),
                              path=path, line=line, text=term.text, type=term.type, status=term.status)
    in_columns = {(t.lang, t.text) for t in terms}
    kept = [t for t in described if (t.lang, t.text) in in_columns]
    said = {(t.lang, t.text) for t in kept}
    rest = [t for t in terms if (t.lang, t.text) not in said]
    return [t for t in kept if t.lang == "kk"] + [t for t in rest if t.lang == "kk"] + \
        [t for t in kept if t.lang != "kk"] + [t for t in rest if t.lang != "kk"]


def split_terms(cell: str) -> list[str]:
    """``"ҚР | Қаз. Респ."`` -> ``["ҚР", "Қаз. Респ."]``; empty parts dropped."""
    return [part.strip() for part in cell.split("|") if part.strip()]


def entry_to_row(entry: Entry) -> dict[str, str]:
    """One row of the shipped columns plus ``approved_by``/``approved_at``.

    The first preferred full form of a language fills its column, abbreviations go to ``*_abbr``
    and every other term (variants, short forms, deprecated forms) to ``*_variants``; term status,
    part of speech and term notes are not carried by this layout.
    """
    row = {c: "" for c in (*COLUMNS, *OPTIONAL_COLUMNS)}
    row.update(
        id=entry.id,
        category=entry.category or "",
        status=entry.approval,
        source=entry.source or "",
        note=entry.note or "",
        approved_by=entry.approved_by or "",
        approved_at=entry.approved_at or "",
    )
    for lang in LANGS:
        terms = entry.terms_in(lang)
        main = next((t for t in terms if t.type == "full-form" and t.status == "preferred"), None)
        row[lang] = main.text if main else ""
        row[f"{lang}_context"] = (main.context or "") if main else ""
        row[f"{lang}_abbr"] = SEPARATOR.join(t.text for t in terms if t.type == "abbreviation")
        others = [t.text for t in terms if t is not main and t.type != "abbreviation"]
        row[f"{lang}_variants"] = SEPARATOR.join(others)
    implied = entry_from_row({**row, "id": entry.id or "x", "term_details": ""}, "", 0).terms
    if implied != entry.terms:
        defaults = {"type": "full-form", "status": "preferred", "pos": None, "note": None, "context": None}
        row["term_details"] = json.dumps(
            [{"lang": t.lang, "text": t.text} | {k: getattr(t, k) for k, v in defaults.items() if getattr(t, k) != v}
             for t in entry.terms], ensure_ascii=False)
    return row


def format_glossary_tsv(entries: Iterable[Entry], *, with_approvals: bool = False) -> str:
    """The shipped TSV layout (header + one row per entry); whitespace runs inside a cell become a space."""
    columns = (*COLUMNS, *OPTIONAL_COLUMNS) if with_approvals else COLUMNS
    out = ["\t".join(columns)]
    for entry in entries:
        row = entry_to_row(entry)
        out.append("\t".join(re.sub(r"\s+", " ", row[c]).strip() for c in columns))
    return "\n".join(out) + "\n"
