"""Import an edition from a text, PDF or DOCX file: read, clean, check, segment, store — in one transaction,
all or nothing."""
from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from workbench.errors import N_, InputError, Message
from workbench.models import Block, Edition, Segment
from workbench.text import pipeline
from workbench.text.language import language_mismatch
from workbench.text.model import LANGUAGES, CleanupReport

logger = logging.getLogger(__name__)
FORMAT_NAMES = {"text": "UTF-8 text", "pdf": "PDF", "docx": "DOCX"}


@dataclass
class ImportResult:
    """What an import did: the edition (new or already there) and what the clean-up found."""

    edition: Edition
    created: bool
    report: CleanupReport | None

    def summary(self) -> Message:
        e = self.edition
        if not self.created:
            return Message(N_("%(file)s: already imported as edition %(id)s (%(edition)s); nothing changed"),
                           file=e.source_name, id=e.id, edition=e.label)
        r = self.report
        assert r is not None
        units = Message(N_("paragraphs in the file") if e.source_format == "docx" else N_("lines"))
        notes = "".join(f"\n  note: {n}" for n in r.notes if not n.startswith("running headers learned"))
        return Message(
            N_("edition %(id)s: %(edition)s from %(file)s (%(format)s)\n"
               "  %(units)s %(lines)s, pages %(pages)s, paragraphs/headings/list items %(blocks)s, "
               "sentences %(sentences)s\n"
               "  running headers removed %(headers)s, page numbers removed %(numbers)s, "
               "hyphenations joined %(joined)s, hyphens kept %(kept)s%(notes)s"),
            id=e.id, edition=e.label, file=e.source_name, format=FORMAT_NAMES.get(e.source_format, e.source_format),
            units=units, lines=r.lines, pages=r.pages or "-", blocks=e.block_count, sentences=e.segment_count,
            headers=r.headers_removed, numbers=r.page_numbers_removed, joined=r.hyphenations_joined,
            kept=r.hyphens_kept, notes=notes)


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise InputError(N_("unknown language code %(lang)r; expected one of: %(choices)s"),
                         lang=lang, choices=", ".join(LANGUAGES))
    return lang


def read_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, or an InputError naming it when it is missing, a folder or too large."""
    name = str(path)
    if not path.exists():
        raise InputError(N_("no such file"), path=name)
    if not path.is_file():
        raise InputError(N_("not a file"), path=name)
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(N_("file is %(size)s bytes, over the import limit of %(max_bytes)s bytes"),
                         path=name, size=f"{size:,}", max_bytes=f"{max_bytes:,}")
    return path.read_bytes()


def import_file(session: Session, path: Path, lang: str, title: str | None = None,
                max_bytes: int = 20 * 1024 * 1024, *,
                progress: Callable[[float, "str | Message"], None] | None = None) -> ImportResult:
    """Import ``path`` (UTF-8 text, PDF or DOCX, told apart by content) as an edition in ``lang``.

    The same bytes imported again return the edition already stored (so nothing confirmed or
    edited is touched); changed bytes under the same title make a new version of the edition.
    Nothing is written unless the whole file was read, cleaned, checked and segmented.
    ``progress(fraction, message)``, when given, is called with fractions from 0 to 1 as the
    work goes on (reading a PDF's pages takes most of it).

    :raises InputError: one line naming the file and what is wrong with it (missing, over
        ``max_bytes``, not text/PDF/DOCX, encrypted or scanned PDF, not in ``lang``, …).
    """
    report_progress = progress or (lambda fraction, message: None)
    check_language(lang)
    name = str(path)
    data = read_file(path, max_bytes)
    report_progress(0.0, Message(N_("reading %(name)s"), name=path.name))
    digest = hashlib.sha256(data).hexdigest()
    existing = session.scalar(select(Edition).where(Edition.sha256 == digest, Edition.lang == lang))
    if existing is not None:
        report_progress(1.0, Message(N_("already imported")))
        return ImportResult(existing, False, None)
    kind = pipeline.source_kind(data, name)
    cleaned = pipeline.blocks_of(data, name, lambda f, m: report_progress(0.7 * f, m))
    del data
    mismatch = language_mismatch((b.text for b in cleaned.blocks), lang)
    if mismatch:
        raise InputError(mismatch, path=name)
    report_progress(0.7, Message(N_("splitting into sentences")))
    text = pipeline.split(cleaned, lang)
    sentences = text.sentences
    report_progress(0.9, Message(N_("storing %(n)s sentences"), n=len(sentences)))
    labels = text.page_labels
    title = (title or path.stem).strip()
    version = (session.scalar(select(func.max(Edition.version)).where(
        Edition.title == title, Edition.lang == lang)) or 0) + 1
    report = text.report
    edition = Edition(
        title=title, lang=lang, version=version, source_name=path.name, sha256=digest, source_format=kind,
        line_count=report.lines, page_count=report.pages, block_count=len(text.blocks),
        segment_count=len(sentences), headers_removed=report.headers_removed + report.page_numbers_removed,
        hyphenations_joined=report.hyphenations_joined)
    session.add(edition)
    session.flush()
    block_rows = [
        {"edition_id": edition.id, "position": i, "kind": b.kind, "text": b.text, "page": b.page,
         "start_line": b.start_line, "end_line": b.end_line,
         "anchors": json.dumps([[a.offset, a.line, a.page] for a in b.anchors]),
         "doubled_spaces": json.dumps(list(b.doubled_spaces))}
        for i, b in enumerate(text.blocks, start=1)]
    block_ids = list(session.scalars(
        insert(Block).returning(Block.id, sort_by_parameter_order=True), block_rows))
    seen_blocks: set[int] = set()
    segment_rows = []
    for n, s in enumerate(sentences, start=1):
        segment_rows.append({
            "edition_id": edition.id, "block_id": block_ids[s.block], "position": n, "text": s.text,
            "original": s.text, "page": s.page, "page_label": page_label(s.page, labels),
            "start_line": s.start_line, "end_line": s.end_line,
            "is_heading": text.blocks[s.block].kind == "heading",
            "opens_block": s.block not in seen_blocks, "version": 1})
        seen_blocks.add(s.block)
    if segment_rows:
        session.execute(insert(Segment), segment_rows)
    report_progress(1.0, Message(N_("imported %(n)s sentences"), n=len(sentences)))
    logger.info("imported %s as edition %s (%d sentences)", path, edition.id, len(sentences))
    return ImportResult(edition, True, report)


def page_label(page: int | None, labels: list[str]) -> str | None:
    """The printed label of a 1-based page: the source's own label, else the page's number."""
    if page is None:
        return None
    if 0 < page <= len(labels):
        return labels[page - 1][:20]
    return str(page)
