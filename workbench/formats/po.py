"""Gettext PO (via polib): the glossary as one message per kk–ru term pair.

Each Kazakh term of an entry is a message: ``msgctxt`` is the entry id, ``msgid`` the Kazakh term,
``msgstr`` its Russian counterpart (the Russian term of the same type, else the Russian preferred
term). What PO has no field for rides in extracted comments (``#.``) as ``key: value`` lines:

    #. kk: abbreviation preferred        type and status of each side (kk-pos, kk-note, ru-pos, …)
    #. category: party                   entry fields, on the entry's first message
    #. ru-extra: 2 variant admitted | Народно-демократическая партия
                                         a Russian term without a Kazakh counterpart, at its
                                         place among the entry's Russian terms

The entry note is the first message's translator comment (``#``). Language headers say kk -> ru.
An entry without a Kazakh term is one untranslated message whose msgid is its first Russian term,
marked ``#. kk: none`` (its Russian terms follow as ru-extra lines). When one entry has the same
Kazakh term twice, the second message's context is ``id#2`` (ids never hold ``#``), so that every
message is unique as ``msgfmt -c`` requires; line breaks inside terms are written as spaces.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterable

import polib

from workbench.errors import N_, FormatError
from workbench.formats.base import ALL_FIELDS, FileFormat
from workbench.formats.delimited import decode_utf8
from workbench.formats.languages import language
from workbench.glossary.model import APPROVALS, TERM_STATUSES, TERM_TYPES, Entry, Term

NAME = "Gettext PO"
EXTENSIONS = ("po", "pot")
ENTRY_KEYS = ("category", "source", "approval", "approved-by", "approved-at")
TERM_KEYS = ("kk", "ru", "kk-pos", "ru-pos", "kk-note", "ru-note", "kk-context", "ru-context", "ru-extra")


def write(entries: Iterable[Entry]) -> bytes:
    """A PO file, kk source and ru target, one message per Kazakh term."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "workbench glossary",
        "PO-Revision-Date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M+0000"),
        "Last-Translator": "workbench",
        "Language-Team": "Russian",
        "Language": "ru",
        "X-Source-Language": "kk",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for entry in entries:
        seen: dict[str, int] = {}
        for message in _messages(entry):
            message.msgid, message.msgstr = _one_line(message.msgid), _one_line(message.msgstr)
            seen[message.msgid] = seen.get(message.msgid, 0) + 1
            if seen[message.msgid] > 1:
                message.msgctxt = f"{message.msgctxt}#{seen[message.msgid]}"
            po.append(message)
    return str(po).encode("utf-8")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _messages(entry: Entry) -> list[polib.POEntry]:
    kk_terms, ru_terms = entry.terms_in("kk"), entry.terms_in("ru")
    if not kk_terms:
        return [_russian_only(entry, ru_terms)]
    preferred_ru = entry.preferred("ru")
    used: set[int] = set()
    messages = []
    for kk in kk_terms:
        partner = next((t for t in ru_terms if t.type == kk.type and id(t) not in used), None)
        lines = [f"kk: {kk.type} {kk.status}"]
        lines += [f"kk-pos: {kk.pos}"] if kk.pos else []
        lines += [f"kk-note: {kk.note}"] if kk.note else []
        lines += [f"kk-context: {kk.context}"] if kk.context else []
        if partner is not None:
            used.add(id(partner))
            lines.append(f"ru: {partner.type} {partner.status}")
            lines += [f"ru-pos: {partner.pos}"] if partner.pos else []
            lines += [f"ru-note: {partner.note}"] if partner.note else []
            lines += [f"ru-context: {partner.context}"] if partner.context else []
            msgstr = partner.text
        else:
            # No Russian term of the same type: show the preferred one, which is a term of its
            # own elsewhere (its pair or a ru-extra line), so that a CAT tool still has a translation.
            msgstr = preferred_ru.text if preferred_ru else ""
            lines += ["ru: shared"] if preferred_ru else []
        messages.append(polib.POEntry(msgctxt=entry.id, msgid=kk.text, msgstr=msgstr,
                                      comment="\n".join(lines)))
    first, last = messages[0], messages[-1]
    first.comment = "\n".join([first.comment, *_entry_lines(entry)])
    first.tcomment = entry.note or ""
    # Russian terms without a Kazakh counterpart go last, so that reading keeps their order.
    tail = [f"ru-extra: {k} {t.type} {t.status} | {t.text}"
            for k, t in enumerate(ru_terms) if id(t) not in used]
    last.comment = "\n".join([last.comment, *tail])
    return messages


def _russian_only(entry: Entry, ru_terms: list[Term]) -> polib.POEntry:
    """The one, untranslated, message of an entry without a Kazakh term."""
    lines = ["kk: none", *_entry_lines(entry)]
    lines += [f"ru-extra: {k} {t.type} {t.status} | {t.text}" for k, t in enumerate(ru_terms)]
    return polib.POEntry(msgctxt=entry.id, msgid=ru_terms[0].text if ru_terms else entry.id, msgstr="",
                         comment="\n".join(lines), tcomment=entry.note or "")


def _entry_lines(entry: Entry) -> list[str]:
    head = [f"category: {entry.category}"] if entry.category else []
    head += [f"source: {entry.source}"] if entry.source else []
    head.append(f"approval: {entry.approval}")
    head += [f"approved-by: {entry.approved_by}"] if entry.approved_by else []
    head += [f"approved-at: {entry.approved_at}"] if entry.approved_at else []
    return head


def read(data: bytes, path: str) -> list[Entry]:
    """Entries of a PO glossary: messages grouped by ``msgctxt`` (one without is an entry of its own)."""
    text = decode_utf8(data, path)
    _check_lines(text, path)
    try:
        po = polib.pofile(text if "\n" in text else text + "\n", wrapwidth=0)
    except (OSError, ValueError) as exc:
        raise FormatError(N_("malformed PO: %(exc)s"), path=path, line=_line_of(str(exc)), exc=exc) from None
    for header, side in (("Language", "target"), ("X-Source-Language", "source")):
        code = po.metadata.get(header)
        if code and language(code) != ("ru" if side == "target" else "kk"):
            line = next((n for n, raw in enumerate(text.splitlines(), start=1) if raw.startswith(f'"{header}:')), None)
            raise FormatError(N_("the header's %(header)s is %(code)r; a glossary PO has Kazakh source and "
                                 "Russian target (kk-KZ, kaz, ru-RU, rus are read as those)"),
                              path=path, line=line, header=header, code=code)
    msgid_lines = [n for n, raw in enumerate(text.splitlines(), start=1) if raw.startswith("msgid ")]
    if po.metadata or (msgid_lines and text.splitlines()[msgid_lines[0] - 1].strip() == 'msgid ""'):
        msgid_lines = msgid_lines[1:]  # the header entry, which polib keeps as metadata
    entries: dict[str, Entry] = {}
    live = [m for m in po if not m.obsolete]
    for k, message in enumerate(live):
        line = msgid_lines[k] if k < len(msgid_lines) else message.linenum
        entry_id = (message.msgctxt or "").split("#")[0]  # "id#2": the same Kazakh term again
        key = entry_id or f"\0line {line}"  # a message without msgctxt is an entry of its own
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = Entry(entry_id, note=message.tcomment or None)
        _read_message(entry, message, path, line)
    return list(entries.values())


_PO_LINE = re.compile(
    r'^(?:#.*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)?\s*"(?:[^"\\]|\\.)*"\s*|\s*)$'
)


def _check_lines(text: str, path: str) -> None:
    """Every line is blank, a comment, or a keyword with one closed string (polib lets an open quote pass)."""
    for n, raw in enumerate(text.splitlines(), start=1):
        if not _PO_LINE.match(raw):
            raise FormatError(N_("not a PO line: %(text)r"), path=path, line=n, text=raw[:60])


def _line_of(message: str) -> int | None:
    """polib says "… (line 12)"; the number is the line of the problem."""
    m = re.search(r"line (\d+)", message)
    return int(m.group(1)) if m else None


def _read_message(entry: Entry, message: polib.POEntry, path: str, line: int) -> None:
    info: dict[str, list[str]] = {}
    key = None
    for raw in (message.comment or "").split("\n"):
        head, sep, value = raw.partition(": ")
        if sep and head in ENTRY_KEYS + TERM_KEYS:
            key = head
            info.setdefault(key, []).append(value)
        elif key is not None and info[key]:
            info[key][-1] += "\n" + raw  # a note that ran over several lines
    if _one(info, "kk") != "none":
        kk_type, kk_status = _type_status(info.get("kk", ["full-form preferred"])[0], path, line)
        entry.terms.append(Term("kk", message.msgid, kk_type, kk_status,  # type: ignore[arg-type]
                                _one(info, "kk-pos"), _one(info, "kk-note"), _one(info, "kk-context")))
    ru_info = info.get("ru", ["full-form preferred"])[0]
    known = message.msgstr in (t.text for t in entry.terms_in("ru"))
    # A PO file from elsewhere repeats the Russian term for each Kazakh variant: keep it once.
    if message.msgstr and ru_info != "shared" and not ("ru" not in info and known):
        ru_type, ru_status = _type_status(ru_info, path, line)
        entry.terms.append(Term("ru", message.msgstr, ru_type, ru_status,  # type: ignore[arg-type]
                                _one(info, "ru-pos"), _one(info, "ru-note"), _one(info, "ru-context")))
    extras = []
    for extra in info.get("ru-extra", []):
        spec, sep, text = extra.partition(" | ")
        position, _, spec = spec.partition(" ")
        if not sep or not text or not position.isdigit():
            raise FormatError(N_("ru-extra comment %(extra)r; expected '<position> <type> <status> | <term>'"),
                              path=path, line=line, extra=extra)
        ru_type, ru_status = _type_status(spec, path, line)
        extras.append((int(position), Term("ru", text, ru_type, ru_status)))  # type: ignore[arg-type]
    if extras:
        # Back at the places they had among the Russian terms, so that the order round-trips.
        ru = [t for t in entry.terms if t.lang == "ru"]
        for position, term in sorted(extras, key=lambda x: x[0]):
            ru.insert(position, term)
        entry.terms = [t for t in entry.terms if t.lang != "ru"] + ru
    if "category" in info:
        entry.category = _one(info, "category")
    if "source" in info:
        entry.source = _one(info, "source")
    if "approval" in info:
        approval = _one(info, "approval")
        if approval not in APPROVALS:
            raise FormatError(N_("approval %(approval)r; expected one of %(choices)s"),
                              path=path, line=line, approval=approval, choices=", ".join(APPROVALS))
        entry.approval = approval  # type: ignore[assignment]
    entry.approved_by = _one(info, "approved-by") or entry.approved_by
    entry.approved_at = _one(info, "approved-at") or entry.approved_at
    _order_terms(entry)


def _one(info: dict[str, list[str]], key: str) -> str | None:
    values = info.get(key)
    return values[0] if values else None


def _type_status(spec: str, path: str, line: int) -> tuple[str, str]:
    parts = spec.split()
    if len(parts) != 2 or parts[0] not in TERM_TYPES or parts[1] not in TERM_STATUSES:
        raise FormatError(N_("term comment %(spec)r; expected '<type> <status>' (types %(choices)s; statuses "
                             "%(choices2)s)"),
                          path=path, line=line, spec=spec, choices=", ".join(TERM_TYPES),
                          choices2=", ".join(TERM_STATUSES))
    return parts[0], parts[1]


def _order_terms(entry: Entry) -> None:
    """Kazakh terms first, then Russian, each in the order read (as the other formats keep them)."""
    entry.terms = entry.terms_in("kk") + [t for t in entry.terms if t.lang != "kk"]


FORMATS = (FileFormat("po", "Gettext PO", EXTENSIONS, "glossary", read, write, "text/x-gettext-translation",
                      ALL_FIELDS),)
