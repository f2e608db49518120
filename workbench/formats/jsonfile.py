"""JSON glossaries: every field of every entry, one entry per line so that errors can name it.

    {"format": "workbench-glossary", "version": 1, "entries": [
    {"id": "abbr-001", "terms": [{"lang": "kk", "text": "ҚР", "type": "abbreviation", …}], …},
    …
    ]}

A bare JSON array of entries is read too.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any, Iterable

from workbench.errors import N_, FormatError, message
from workbench.formats.base import ALL_FIELDS, FileFormat
from workbench.formats.delimited import decode_utf8
from workbench.formats.languages import language
from workbench.formats.safe import control_character_problem
from workbench.glossary.model import APPROVALS, TERM_STATUSES, TERM_TYPES, Entry, Term

NAME = "JSON"
EXTENSIONS = ("json",)
FORMAT_ID = "workbench-glossary"
VERSION = 1
ENTRY_FIELDS = ("id", "terms", "category", "note", "source", "approval", "approved_by", "approved_at")
TERM_FIELDS = ("lang", "text", "type", "status", "pos", "note", "context")


def write(entries: Iterable[Entry]) -> bytes:
    """The document above, UTF-8, non-ASCII letters written as themselves."""
    rows = [json.dumps(_plain(entry), ensure_ascii=False, separators=(", ", ": ")) for entry in entries]
    head = f'{{"format": "{FORMAT_ID}", "version": {VERSION}, "entries": ['
    body = ",\n".join(rows)
    return (f"{head}\n{body}\n]}}\n" if rows else f"{head}]}}\n").encode("utf-8")


def _plain(entry: Entry) -> dict[str, Any]:
    """The entry as JSON data; a term's context only when it has one."""
    data = asdict(entry)
    for term in data["terms"]:
        if term.get("context") is None:
            term.pop("context", None)
    return data


def read(data: bytes, path: str) -> list[Entry]:
    """Entries of a JSON glossary; bad JSON or a bad entry raises ``FormatError`` naming the line."""
    text = decode_utf8(data, path)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(N_("not valid JSON: %(msg)s"), path=path, line=exc.lineno, msg=exc.msg) from None
    if isinstance(document, dict):
        if document.get("format", FORMAT_ID) != FORMAT_ID or not isinstance(document.get("entries"), list):
            raise FormatError(N_("expected {\"format\": \"%(format)s\", \"entries\": [...]}"),
                              path=path, line=1, format=FORMAT_ID)
        if document.get("version", VERSION) != VERSION:
            raise FormatError(N_("version %(version)r; this workbench reads %(supported)s"),
                              path=path, line=1, version=document.get("version"), supported=VERSION)
        items = document["entries"]
    elif isinstance(document, list):
        items = document
    else:
        raise FormatError(N_("expected a JSON object with entries or an array of entries"), path=path, line=1)
    lines = _item_lines(text)
    entries, seen = [], set()
    for k, item in enumerate(items):
        line = lines[k] if k < len(lines) else None
        entry = _entry(item, path, line)
        if entry.id and entry.id in seen:
            raise FormatError(N_("id %(id)r used twice"), path=path, line=line, id=entry.id)
        seen.add(entry.id)
        entries.append(entry)
    return entries


def _item_lines(text: str) -> list[int]:
    """The 1-based line on which each element of the entries array starts."""
    start = text.find("[", text.find('"entries"') + 1) if '"entries"' in text else text.find("[")
    decoder = json.JSONDecoder()
    lines, pos = [], start + 1
    while pos > 0:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            break
        lines.append(text.count("\n", 0, pos) + 1)
        _, pos = decoder.raw_decode(text, pos)
    return lines


def _entry(item: Any, path: str, line: int | None) -> Entry:
    def fail(problem: str, **values: Any) -> FormatError:
        return FormatError(N_("entry %(id)s: %(problem)s"), path=path, line=line,
                           id=item.get("id", "?") if isinstance(item, dict) else "?", problem=message(problem, **values))

    if not isinstance(item, dict):
        raise fail(N_("not a JSON object"))
    unknown = set(item) - set(ENTRY_FIELDS)
    if unknown:
        raise fail(N_("unknown field(s) %(fields)s"), fields=", ".join(sorted(unknown)))
    if not isinstance(item.get("id", ""), str):
        raise fail(N_("id must be a string"))
    for name in ENTRY_FIELDS[2:]:
        if item.get(name) is not None and not isinstance(item[name], str):
            raise fail(N_("%(name)s must be a string or null"), name=name)
    strings = [item.get(n) for n in ENTRY_FIELDS if n != "terms"]
    strings += [t.get(n) for t in item.get("terms") or [] if isinstance(t, dict) for n in TERM_FIELDS]
    problem = next((p for v in strings if isinstance(v, str) and (p := control_character_problem(v))), None)
    if problem:
        raise fail(problem)
    if item.get("approval", "proposed") not in APPROVALS:
        raise fail(N_("approval %(approval)r; expected one of %(choices)s"), approval=item["approval"],
                   choices=", ".join(APPROVALS))
    terms = item.get("terms")
    if not isinstance(terms, list) or not terms:
        raise fail(N_("terms must be a non-empty list"))
    return Entry(
        id=item.get("id", ""),
        terms=[_term(t, fail) for t in terms],
        category=item.get("category"),
        note=item.get("note"),
        source=item.get("source"),
        approval=item.get("approval", "proposed"),
        approved_by=item.get("approved_by"),
        approved_at=item.get("approved_at"),
    )


def _term(item: Any, fail: Any) -> Term:
    if not isinstance(item, dict):
        raise fail(N_("a term is not a JSON object"))
    unknown = set(item) - set(TERM_FIELDS)
    if unknown:
        raise fail(N_("unknown term field(s) %(fields)s"), fields=", ".join(sorted(unknown)))
    if not isinstance(item.get("lang"), str) or not isinstance(item.get("text"), str) or not item["text"]:
        raise fail(N_("a term needs lang and text strings"))
    if item.get("type", "full-form") not in TERM_TYPES:
        raise fail(N_("term type %(type)r; expected one of %(choices)s"), type=item["type"],
                   choices=", ".join(TERM_TYPES))
    if item.get("status", "preferred") not in TERM_STATUSES:
        raise fail(N_("term status %(status)r; expected one of %(choices)s"), status=item["status"],
                   choices=", ".join(TERM_STATUSES))
    for name in ("pos", "note", "context"):
        if item.get(name) is not None and not isinstance(item[name], str):
            raise fail(N_("term %(name)s must be a string or null"), name=name)
    lang = language(item["lang"])
    if lang is None:
        raise fail(N_("term lang %(lang)r is neither kk (Kazakh) nor ru (Russian)"), lang=item["lang"])
    return Term(lang, item["text"], item.get("type", "full-form"), item.get("status", "preferred"),
                item.get("pos"), item.get("note"), item.get("context"))


FORMATS = (FileFormat("json", "JSON", EXTENSIONS, "glossary", read, write, "application/json", ALL_FIELDS),)
