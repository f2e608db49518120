"""Import an edition from a text file: read, clean, segment, store — in one transaction, all or nothing."""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from workbench.errors import InputError
from workbench.formats.plaintext import read_lines
from workbench.models import Block, Edition, Segment
from workbench.text.cleanup import clean
from workbench.text.model import LANGUAGES, CleanupReport
from workbench.text.segment import segment

logger = logging.getLogger(__name__)


@dataclass
class ImportResult:
    """What an import did: the edition (new or already there) and what the clean-up found."""

    edition: Edition
    created: bool
    report: CleanupReport | None

    def summary(self) -> str:
        e = self.edition
        if not self.created:
            return (f"{e.source_name}: already imported as edition {e.id} ({e.label}); nothing changed")
        r = self.report
        assert r is not None
        return (
            f"edition {e.id}: {e.label} from {e.source_name}\n"
            f"  lines {r.lines}, pages {r.pages or '-'}, paragraphs/headings/list items {e.block_count}, "
            f"sentences {e.segment_count}\n"
            f"  running headers removed {r.headers_removed}, page numbers removed {r.page_numbers_removed}, "
            f"hyphenations joined {r.hyphenations_joined}, hyphens kept {r.hyphens_kept}"
        )


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise InputError(f"unknown language code {lang!r}; expected one of: {', '.join(LANGUAGES)}")
    return lang


def read_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, or an InputError naming it when it is missing, a folder or too large."""
    name = str(path)
    if not path.exists():
        raise InputError("no such file", path=name)
    if not path.is_file():
        raise InputError("not a file", path=name)
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"file is {size:,} bytes, over the import limit of {max_bytes:,} bytes", path=name)
    return path.read_bytes()


def import_file(session: Session, path: Path, lang: str, title: str | None = None,
                max_bytes: int = 20 * 1024 * 1024) -> ImportResult:
    """Import ``path`` as an edition in ``lang``.

    The same bytes imported again return the edition already stored (so nothing confirmed or
    edited is touched); changed bytes under the same title make a new version of the edition.
    Nothing is written unless the whole file was read, cleaned and segmented.
    """
    check_language(lang)
    data = read_file(path, max_bytes)
    digest = hashlib.sha256(data).hexdigest()
    existing = session.scalar(select(Edition).where(Edition.sha256 == digest, Edition.lang == lang))
    if existing is not None:
        return ImportResult(existing, False, None)
    lines = read_lines(data, str(path))
    cleaned = clean(lines)
    if not cleaned.blocks:
        raise InputError("no text found after clean-up", path=str(path))
    sentences = segment(cleaned.blocks, lang)
    title = (title or path.stem).strip()
    version = (session.scalar(select(func.max(Edition.version)).where(
        Edition.title == title, Edition.lang == lang)) or 0) + 1
    report = cleaned.report
    edition = Edition(
        title=title, lang=lang, version=version, source_name=path.name, sha256=digest,
        line_count=report.lines, page_count=report.pages, block_count=len(cleaned.blocks),
        segment_count=len(sentences), headers_removed=report.headers_removed + report.page_numbers_removed,
        hyphenations_joined=report.hyphenations_joined)
    session.add(edition)
    session.flush()
    block_rows = [
        {"edition_id": edition.id, "position": i, "kind": b.kind, "text": b.text, "page": b.page,
         "start_line": b.start_line, "end_line": b.end_line,
         "anchors": json.dumps([[a.offset, a.line, a.page] for a in b.anchors]),
         "doubled_spaces": json.dumps(list(b.doubled_spaces))}
        for i, b in enumerate(cleaned.blocks, start=1)]
    block_ids = list(session.scalars(
        insert(Block).returning(Block.id, sort_by_parameter_order=True), block_rows))
    seen_blocks: set[int] = set()
    segment_rows = []
    for n, s in enumerate(sentences, start=1):
        segment_rows.append({
            "edition_id": edition.id, "block_id": block_ids[s.block], "position": n, "text": s.text,
            "original": s.text, "page": s.page, "start_line": s.start_line, "end_line": s.end_line,
            "is_heading": cleaned.blocks[s.block].kind == "heading",
            "opens_block": s.block not in seen_blocks, "version": 1})
        seen_blocks.add(s.block)
    if segment_rows:
        session.execute(insert(Segment), segment_rows)
    logger.info("imported %s as edition %s (%d sentences)", path, edition.id, len(sentences))
    return ImportResult(edition, True, report)
