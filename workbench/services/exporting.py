"""Export an alignment as TMX, XLIFF, PO or TSV, and import a TMX or TSV alignment as two editions.

An import creates a Kazakh and a Russian edition (one sentence per sentence of the file, each its
own paragraph, with the pages (as printed, and their positions) and lines the file names) and an alignment whose beads are the file's
units, with their status, score and comment: importing an export gives back the same beads.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import BinaryIO

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from workbench.errors import N_, InputError, NotFound
from workbench.formats import registry
from workbench.formats.aligned import AlignedPair, Side
from workbench.formats.safe import CONTROL
from workbench.models import Alignment, Bead, Block, Edition, Segment, utcnow

# name -> (media type, file extension), for the pages' download links
FORMATS = {f.name: (f.media_type, f.extension) for f in registry.formats("alignment").values() if f.write}


def _side(segments: dict[int, tuple], start: int, end: int) -> Side:
    """A bead side from its sentences ``start .. end-1`` that are in ``segments`` (the ones not deleted)."""
    numbers = [p for p in range(start, end) if p in segments]
    if not numbers:
        return Side()
    rows = [segments[p] for p in numbers]
    # page → its printed label, None for a page printed as its position (as Side keeps it)
    pages = {r[1]: (r[4] if r[4] != str(r[1]) else None) for r in rows if r[1] is not None}
    first, last = (min(pages), max(pages)) if pages else (None, None)
    return Side([r[0] for r in rows], first, last, rows[0][2], rows[-1][3], numbers[0], numbers[-1],
                pages.get(first), pages.get(last))


def iter_pairs(session: Session, alignment_id: int, confirmed_only: bool = False) -> Iterator[AlignedPair]:
    """The alignment's beads in order as format-neutral pairs (sentence texts as corrected).

    Sentences an editor deleted are left out: a bead side whose only sentence was deleted is empty
    (the bead is one-sided, so a TMX leaves it out unless asked for unpaired ones), and a bead with
    nothing left on either side is not written at all.
    """
    alignment = session.get(Alignment, alignment_id)
    if alignment is None:
        raise NotFound(N_("no alignment %(alignment_id)s; `python run.py alignments` lists them"),
                       alignment_id=alignment_id)
    segments = {}
    for lang, edition_id in (("kk", alignment.kk_edition_id), ("ru", alignment.ru_edition_id)):
        segments[lang] = {r[0]: r[1:] for r in session.execute(
            select(Segment.position, Segment.text, Segment.page, Segment.start_line, Segment.end_line,
                   Segment.page_label)
            .where(Segment.edition_id == edition_id, Segment.deleted.is_(False)))}
    query = select(Bead).where(Bead.alignment_id == alignment_id).order_by(Bead.position)
    if confirmed_only:
        query = query.where(Bead.status == "confirmed")
    for b in session.scalars(query):
        kk, ru = _side(segments["kk"], b.kk_start, b.kk_end), _side(segments["ru"], b.ru_start, b.ru_end)
        if kk.sentences or ru.sentences:
            yield AlignedPair(b.position, kk, ru, b.status, b.score, b.comment)


def _printable(pair: AlignedPair) -> AlignedPair:
    """The pair without control characters (stored before imports refused them), so no export breaks on them."""
    for side in (pair.kk, pair.ru):
        side.sentences = [CONTROL.sub("", s) for s in side.sentences]
    if pair.comment:
        pair.comment = CONTROL.sub("", pair.comment)
    return pair


def export(session: Session, alignment_id: int, fmt: str, stream: BinaryIO, confirmed_only: bool = False, *,
           include_unpaired: bool = False) -> int:
    """Write the alignment to ``stream`` in ``fmt`` (tmx, xliff, po, tsv); returns the number of units written.

    A TMX holds only the beads with both sides unless ``include_unpaired`` (then the one-sided ones
    follow the pairs); XLIFF and PO mark a Kazakh sentence without a Russian side untranslated.
    """
    if fmt not in FORMATS:
        raise InputError(N_("unknown export format %(fmt)r; expected one of: %(choices)s"),
                         fmt=fmt, choices=", ".join(FORMATS))
    alignment = session.get(Alignment, alignment_id)
    if alignment is None:
        raise NotFound(N_("no alignment %(alignment_id)s; `python run.py alignments` lists them"),
                       alignment_id=alignment_id)
    pairs = (_printable(p) for p in iter_pairs(session, alignment_id, confirmed_only))
    kk, ru = session.get(Edition, alignment.kk_edition_id), session.get(Edition, alignment.ru_edition_id)
    return registry.find("alignment", fmt).write(pairs, stream, {"kk": kk.title, "ru": ru.title},
                                                 include_unpaired=include_unpaired)


def file_name(session: Session, alignment_id: int, fmt: str, confirmed_only: bool) -> str:
    suffix = "-confirmed" if confirmed_only else ""
    return f"alignment-{alignment_id}{suffix}.{FORMATS[fmt][1]}"


def read_alignment_file(data: bytes, name: str, fmt: str | None = None) -> tuple[list[AlignedPair], dict[str, str]]:
    """The pairs of a TMX or TSV file, chosen by ``fmt`` or else by its extension."""
    readable = [f for f in registry.formats("alignment").values() if f.read]
    ext = name.rsplit(".", 1)[-1].lower()
    for f in readable:
        if f.name == fmt or (fmt is None and ext in f.extensions):
            return f.read(data, name)
    raise InputError(N_("only %(choices)s alignments can be imported"),
                     path=name, choices=" and ".join("." + f.extension for f in readable))


def imported_before(session: Session, digest: str) -> Alignment | None:
    """The alignment an earlier import of the same bytes made (both its editions carry the file's digest)."""
    kk, ru = Edition.__table__.alias("kk"), Edition.__table__.alias("ru")
    return session.scalar(select(Alignment).join(kk, kk.c.id == Alignment.kk_edition_id)
                          .join(ru, ru.c.id == Alignment.ru_edition_id)
                          .where(kk.c.sha256 == digest, ru.c.sha256 == digest).order_by(Alignment.id).limit(1))


def import_alignment(session: Session, data: bytes, name: str, title: str | None = None, *,
                     fmt: str | None = None, max_bytes: int | None = None) -> Alignment:
    """Store a TMX or TSV alignment as a new kk edition, ru edition and alignment (all or nothing).

    :raises InputError: the same file was imported before (naming that alignment), or it is malformed.
    """
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(N_("file is %(size)s bytes, over the import limit of %(max_bytes)s bytes"),
                         path=name, size=f"{len(data):,}", max_bytes=f"{max_bytes:,}")
    digest = hashlib.sha256(data).hexdigest()
    earlier = imported_before(session, digest)
    if earlier is not None:
        raise InputError(N_("this file was imported before as alignment %(id)s; nothing imported"),
                         path=name, id=earlier.id)
    pairs, titles = read_alignment_file(data, name, fmt)
    if not pairs:
        raise InputError(N_("the file holds no aligned sentences"), path=name)
    base = title or name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    editions = {}
    for lang in ("kk", "ru"):
        edition_title = (title or titles.get(lang) or base).strip()[:300]
        version = (session.scalar(select(func.max(Edition.version)).where(
            Edition.title == edition_title, Edition.lang == lang)) or 0) + 1
        sides = [getattr(p, lang) for p in pairs]
        pages = [s.last_page for s in sides if s.last_page is not None]
        edition = Edition(title=edition_title, lang=lang, version=version, source_name=name[-500:],
                          sha256=digest, page_count=max(pages) if pages else 0,
                          segment_count=sum(len(s.sentences) for s in sides))
        session.add(edition)
        session.flush()
        _store_sentences(session, edition, sides)
        editions[lang] = edition
    alignment = Alignment(kk_edition_id=editions["kk"].id, ru_edition_id=editions["ru"].id, bead_count=len(pairs))
    session.add(alignment)
    session.flush()
    rows, kk_next, ru_next = [], 1, 1
    for position, p in enumerate(pairs, start=1):
        nk, nr = len(p.kk.sentences), len(p.ru.sentences)
        rows.append({"alignment_id": alignment.id, "position": position, "kk_start": kk_next,
                     "kk_end": kk_next + nk, "ru_start": ru_next, "ru_end": ru_next + nr, "score": p.score,
                     "status": p.status, "comment": p.comment, "version": 1, "updated_at": utcnow()})
        kk_next, ru_next = kk_next + nk, ru_next + nr
    session.execute(insert(Bead), rows)
    return alignment


def _store_sentences(session: Session, edition: Edition, sides: list[Side]) -> None:
    """One block per bead side (a paragraph), one segment per sentence, with the file's pages and lines."""
    block_rows, sentences = [], []
    line = 1
    for side in sides:
        if not side.sentences:
            continue
        first = side.first_line or line
        last = side.last_line or first
        block_rows.append({"edition_id": edition.id, "position": len(block_rows) + 1, "kind": "paragraph",
                           "text": side.text, "page": side.first_page, "start_line": first, "end_line": last})
        sentences.append((len(block_rows) - 1, side, first, last))
        line = last + 1
    edition.block_count = len(block_rows)
    edition.line_count = line - 1
    if not block_rows:
        return
    block_ids = list(session.scalars(insert(Block).returning(Block.id, sort_by_parameter_order=True), block_rows))
    segment_rows, n = [], 0
    for block, side, first, last in sentences:
        for i, text in enumerate(side.sentences):
            n += 1
            segment_rows.append({"edition_id": edition.id, "block_id": block_ids[block], "position": n,
                                 "text": text, "original": text, "page": side.first_page,
                                 "page_label": side.first_label,
                                 "start_line": first if i == 0 else last, "end_line": last,
                                 "is_heading": False, "opens_block": i == 0, "version": 1})
    session.execute(insert(Segment), segment_rows)
