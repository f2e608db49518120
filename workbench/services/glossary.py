"""The stored glossary: load the shipped files, search, edit, approve, merge, find usages, import and export."""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from workbench.errors import N_, InputError, Message, NotFound
from workbench.glossary.model import Context, Entry, Term
from workbench.models import Edition, GlossaryEntry, GlossaryTerm, Segment, utcnow
from workbench.text.normalise import fold, nfc

logger = logging.getLogger(__name__)

SHIPPED_DIR = Path(__file__).resolve().parents[2] / "glossary"


def to_entry(row: GlossaryEntry) -> Entry:
    """The pure entry of a stored row (what matching, checks, aligner and formats read)."""
    return Entry(
        id=row.id, category=row.category, note=row.note, source=row.source,
        approval=row.approval,  # type: ignore[arg-type]
        approved_by=row.approved_by,
        approved_at=row.approved_at.isoformat(timespec="seconds") if row.approved_at else None,
        terms=[Term(lang=t.lang, text=t.text, type=t.type, status=t.status, pos=t.pos, note=t.note,  # type: ignore[arg-type]
                    context=t.context) for t in row.terms])


def _parse_time(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)


def fill_row(row: GlossaryEntry, entry: Entry) -> GlossaryEntry:
    """Copy a pure entry onto a stored row, replacing its terms."""
    row.category, row.note, row.source = entry.category, entry.note, entry.source
    row.approval = entry.approval
    row.approved_by, row.approved_at = entry.approved_by, _parse_time(entry.approved_at)
    row.terms = [GlossaryTerm(lang=t.lang, text=t.text, folded=fold(t.text), type=t.type, status=t.status,
                              pos=t.pos, note=t.note, context=t.context) for t in entry.terms]
    return row


def entries(session: Session) -> list[Entry]:
    rows = session.scalars(select(GlossaryEntry).options(selectinload(GlossaryEntry.terms))
                           .order_by(GlossaryEntry.id))
    return [to_entry(r) for r in rows]


def term_pairs(session: Session) -> list[tuple[str, str]]:
    """(kk, ru) pairs of every entry's terms, for the aligner."""
    pairs = []
    for e in entries(session):
        for k in e.terms_in("kk"):
            for r in e.terms_in("ru"):
                if k.status != "forbidden" and r.status != "forbidden":
                    pairs.append((k.text, r.text))
    return pairs


_MATCHER: dict[tuple, object] = {}


def glossary_signature(session: Session) -> tuple:
    """What identifies the stored glossary's current state (database, term count, newest term, versions)."""
    return (str(session.get_bind().url),
            *session.execute(select(func.count(GlossaryTerm.id), func.max(GlossaryTerm.id),
                                    func.sum(GlossaryEntry.version)).select_from(GlossaryEntry)
                             .outerjoin(GlossaryTerm)).one())


def matcher(session: Session):
    """A TermMatcher over the stored glossary, built once per glossary state (building costs ~0.1 s)."""
    from workbench.glossary.matching import TermMatcher

    key = glossary_signature(session)
    if key not in _MATCHER:
        _MATCHER.clear()
        _MATCHER[key] = TermMatcher(entries(session))
    return _MATCHER[key]


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(GlossaryEntry)) or 0


@dataclass
class Saved:
    created: int = 0
    updated: int = 0

    def summary(self) -> str:
        return f"{self.created} {'entry' if self.created == 1 else 'entries'} added, {self.updated} updated"


def save_entries(session: Session, new: Iterable[Entry], *, keep_approval: bool = True) -> Saved:
    """Add entries, or update those whose id is already stored (an approval given here is kept)."""
    saved = Saved()
    for entry in checked_entries(list(new), None):
        row = session.get(GlossaryEntry, entry.id)
        if row is None:
            session.add(fill_row(GlossaryEntry(id=entry.id), entry))
            saved.created += 1
        else:
            approval = (row.approval, row.approved_by, row.approved_at)
            fill_row(row, entry)
            if keep_approval and approval[0] == "approved":
                row.approval, row.approved_by, row.approved_at = approval
            saved.updated += 1
    session.flush()
    return saved


def load_glossary(path: str | Path | None = None) -> list[Entry]:
    """Entries of a glossary TSV file, or of every ``*.tsv`` in a folder (default: the shipped one).

    :raises InputError: a file cannot be read, or ``FormatError`` naming the file and line of a bad row.
    """
    from workbench.glossary.data import parse_glossary_tsv

    path = Path(path) if path is not None else SHIPPED_DIR
    files = sorted(path.glob("*.tsv")) if path.is_dir() else [path]
    if not files:
        raise InputError(N_("no glossary (*.tsv) files here"), path=str(path))
    found: list[Entry] = []
    for file in files:
        try:
            text = file.read_bytes().decode("utf-8")
        except OSError as exc:
            raise InputError(N_("cannot read glossary: %(strerror)s"),
                             path=str(file), strerror=exc.strerror) from None
        except UnicodeDecodeError:
            raise InputError(N_("glossary is not UTF-8 text"), path=str(file)) from None
        found.extend(parse_glossary_tsv(text, str(file)))
    return found


def load_shipped(session: Session, folder: Path) -> Saved:
    """Load the glossary files shipped under ``glossary/`` when the stored glossary is empty."""
    if count(session):
        return Saved()
    return save_entries(session, load_glossary(folder))


def get(session: Session, entry_id: str) -> GlossaryEntry:
    row = session.get(GlossaryEntry, entry_id)
    if row is None:
        raise NotFound(N_("no glossary entry %(entry_id)r"), entry_id=entry_id)
    return row


def entries_with_terms(session: Session, kk: str, ru: str) -> list[str]:
    """Ids of the stored entries holding both terms (compared folded, as imports match entries)."""
    def holding(lang: str, text: str):
        return select(GlossaryTerm.entry_id).where(GlossaryTerm.lang == lang,
                                                   GlossaryTerm.folded == fold(" ".join(text.split())))
    return sorted(set(session.scalars(holding("kk", kk))) & set(session.scalars(holding("ru", ru))))


EXACT, INFLECTED, SUBSTRING = 0, 1, 2  # how a search result matched, best first


def search(session: Session, query: str, lang: str | None = None, approval: str | None = None,
           offset: int = 0, limit: int = 50) -> tuple[list[GlossaryEntry], int]:
    """Entries matching ``query``, best first, and their total.

    Ranked: a term equal to the query (case, ё/е and Unicode form aside), then a term found in it as
    an inflected form (партиясының, партией), then a term containing it; within each, approved entries
    before proposed ones, then shorter terms first. An empty query lists every entry by id.
    """
    text = " ".join(query.split())
    q = fold(text)
    langs = [lang] if lang else ["kk", "ru"]
    stmt = select(GlossaryEntry)
    if approval:
        stmt = stmt.where(GlossaryEntry.approval == approval)
    if not q:
        total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
        rows = list(session.scalars(stmt.options(selectinload(GlossaryEntry.terms))
                                    .order_by(GlossaryEntry.id).offset(offset).limit(limit)))
        return rows, total
    best: dict[str, tuple[int, int]] = {}

    def consider(entry_id: str, how: int, length: int) -> None:
        if (how, length) < best.get(entry_id, (9, 0)):
            best[entry_id] = (how, length)

    for entry_id, folded in session.execute(select(GlossaryTerm.entry_id, GlossaryTerm.folded).where(
            GlossaryTerm.folded.contains(q), GlossaryTerm.lang.in_(langs))):
        consider(entry_id, EXACT if folded == q else SUBSTRING, len(folded))
    found = matcher(session)
    for code in langs:
        for hit in found.find(text, code):
            if hit.start == 0 and hit.end >= len(text):  # the whole query is a form of the term
                consider(hit.entry_id, INFLECTED, hit.end - hit.start)
            else:
                consider(hit.entry_id, SUBSTRING, hit.end - hit.start)
    approvals = dict(session.execute(select(GlossaryEntry.id, GlossaryEntry.approval)
                                     .where(GlossaryEntry.id.in_(best), *([GlossaryEntry.approval == approval]
                                                                           if approval else []))).all())
    ranked = sorted(approvals, key=lambda i: (best[i][0], approvals[i] != "approved", best[i][1], i))
    page = ranked[offset:offset + limit]
    rows = {r.id: r for r in session.scalars(select(GlossaryEntry).where(GlossaryEntry.id.in_(page))
                                             .options(selectinload(GlossaryEntry.terms)))}
    return [rows[i] for i in page], len(ranked)


def approve(session: Session, entry_id: str, user: str) -> GlossaryEntry:
    row = get(session, entry_id)
    row.approval, row.approved_by, row.approved_at = "approved", user, utcnow()
    return row


def merge(session: Session, keep_id: str, other_id: str) -> GlossaryEntry:
    """Move the other entry's terms that ``keep`` lacks into ``keep`` and delete the other entry."""
    if keep_id == other_id:
        raise InputError(N_("an entry cannot be merged with itself"))
    keep, other = get(session, keep_id), get(session, other_id)
    have = {(t.lang, t.folded) for t in keep.terms}
    for t in list(other.terms):
        if (t.lang, t.folded) not in have:
            keep.terms.append(GlossaryTerm(lang=t.lang, text=t.text, folded=t.folded, type=t.type,
                                           status="admitted" if t.status == "preferred" else t.status,
                                           pos=t.pos, note=t.note, context=t.context))
    notes = [n for n in (keep.note, other.note and f"merged from {other.id}: {other.note}") if n]
    keep.note = "; ".join(notes) or None
    session.delete(other)
    session.flush()
    return keep


@dataclass
class Usage:
    edition_id: int
    edition: str
    position: int
    page: int | None
    line: int
    text: str
    start: int
    end: int


def usages(session: Session, entry_id: str, limit: int = 200) -> list[Usage]:
    """Sentences of the stored editions where a term of the entry occurs (inflected forms included),
    at most ``limit`` per language so that both languages show."""
    from workbench.glossary.matching import TermMatcher

    row = get(session, entry_id)
    entry = to_entry(row)
    entry_matcher = TermMatcher([entry])
    found: list[Usage] = []
    for lang in entry.languages:
        in_lang = 0
        # A cheap filter on folded prefixes first (SQLite's lower() knows no Cyrillic), then real matching.
        prefixes = {fold(t.text)[:3] for t in entry.terms_in(lang)}
        stmt = (select(Segment, Edition.title).join(Edition, Edition.id == Segment.edition_id)
                .where(Edition.lang == lang).order_by(Segment.edition_id, Segment.position))
        for seg, title in session.execute(stmt):
            folded = fold(seg.text)
            if not any(p in folded for p in prefixes):
                continue
            hits = entry_matcher.find(seg.text, lang)
            if hits:
                found.append(Usage(seg.edition_id, title, seg.position, seg.page, seg.start_line, seg.text,
                                   hits[0].start, hits[0].end))
                in_lang += 1
                if in_lang >= limit:
                    break
    return found


def delete_entry(session: Session, entry_id: str) -> None:
    session.execute(delete(GlossaryEntry).where(GlossaryEntry.id == entry_id))


IMPORT_ID_PREFIX = "imp"


def checked_entries(found: list[Entry], path: str | None) -> list[Entry]:
    """Entries fit to store: known languages only, no control characters, terms within the column sizes,
    parts of speech on the TBX-Basic picklist; ``InputError`` names the entry otherwise."""
    from workbench.formats.languages import language
    from workbench.formats.safe import control_character_problem
    from workbench.glossary.data import ID_RE
    from workbench.glossary.model import part_of_speech

    for number, entry in enumerate(found, start=1):
        name = (Message(N_("entry %(n)s (%(id)s)"), n=number, id=entry.id) if entry.id else
                Message(N_("entry %(n)s"), n=number))
        if entry.id and (len(entry.id) > 60 or not ID_RE.match(entry.id)):
            raise InputError(N_("%(name)s: id %(id)r is not an id (at most 60 letters, digits, '-', '.', "
                                "':')"),
                             path=path, name=name, id=entry.id[:80])
        values = [entry.category, entry.note, entry.source, entry.approved_by]
        for term in entry.terms:
            lang = language(term.lang)
            if lang is None:
                raise InputError(N_("%(name)s: term «%(term)s» is in the language %(lang)r; only kk and ru "
                                    "are kept"), path=path, name=name, term=term.text[:60], lang=term.lang)
            term.lang = lang
            term.text = nfc(" ".join(term.text.split()))  # a term is one line: no line breaks inside
            term.pos = part_of_speech(term.pos)
            if len(term.text) > 400:
                raise InputError(N_("%(name)s: term «%(term)s…» is longer than 400 characters"),
                                 path=path, name=name, term=term.text[:60])
            values += [term.text, term.note, term.context]
            if term.context:
                try:
                    Context.parse(term.context)
                except ValueError as exc:
                    raise InputError(N_("%(name)s: term «%(term)s»: %(exc)s"),
                                     path=path, name=name, term=term.text[:60], exc=exc) from None
        for value in values:
            problem = value and control_character_problem(value)
            if problem:
                raise InputError(N_("%(name)s: %(problem)s in «%(value)s»"),
                                 path=path, name=name, problem=problem, value=value[:60])
    return found


def import_data(session: Session, data: bytes, name: str, fmt: str | None = None, *,
                dry_run: bool = False, max_bytes: int | None = None):
    """Plan (and unless ``dry_run``, carry out) the import of a glossary file's bytes.

    Entries are matched with the stored ones by their terms, never by the file's ids (see
    ``workbench.glossary.merging``); a malformed file raises ``InputError`` and changes nothing.
    :param max_bytes: refuse bigger data (every caller passes the app's ``MAX_IMPORT_BYTES``).
    :returns: the ``ImportPlan``: what was (or would be) added, updated, left unchanged, skipped.
    """
    from workbench.formats.registry import find
    from workbench.glossary.merging import numbered_ids, plan_import

    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(N_("file is %(size)s bytes, over the import limit of %(max_bytes)s bytes"),
                         path=name, size=f"{len(data):,}", max_bytes=f"{max_bytes:,}")
    form = find("glossary", fmt, name, for_reading=True)
    found = checked_entries(form.read(data, name), name)
    if not found:
        raise InputError(N_("no glossary entries in this file"), path=name)
    plan = plan_import(entries(session), found, form.carries, numbered_ids(IMPORT_ID_PREFIX))
    if not dry_run:
        for entry in plan.added:
            session.add(fill_row(GlossaryEntry(id=entry.id), entry))
        for before, after in plan.updated:
            fill_row(get(session, before.id), after)
        session.flush()
    return plan


def import_file(session: Session, path: Path, fmt: str | None = None, *, max_bytes: int = 20 * 1024 * 1024,
                dry_run: bool = False):
    """Read a glossary file (at most ``max_bytes``) and import it as ``import_data`` does."""
    from workbench.services.importing import read_file

    return import_data(session, read_file(path, max_bytes), str(path), fmt, dry_run=dry_run)


def export(session: Session, fmt: str) -> bytes:
    """The whole stored glossary in ``fmt`` (tbx, tsv, csv, omegat, po, json).

    Control characters that reached the database before imports refused them are left out, so that
    no stored text can break an export.
    """
    from workbench.formats.registry import find
    from workbench.formats.safe import CONTROL

    def clean(value):
        return CONTROL.sub("", value) if isinstance(value, str) else value

    found = entries(session)
    for entry in found:
        for name in ("id", "category", "note", "source", "approved_by", "approved_at"):
            setattr(entry, name, clean(getattr(entry, name)))
        for term in entry.terms:
            term.text, term.note, term.pos = clean(term.text), clean(term.note), clean(term.pos)
    return find("glossary", fmt).write(found)
