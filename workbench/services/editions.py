"""Read editions and their sentences for listing, paging and export."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.errors import N_, NotFound
from workbench.models import Alignment, Block, Edition, Segment
from workbench.text.headings import numbered_kind, part_end


def list_editions(session: Session) -> list[Edition]:
    return list(session.scalars(select(Edition).order_by(Edition.title, Edition.lang, Edition.version)))


def get_edition(session: Session, ref: str | int) -> Edition:
    """An edition by id, or by title (newest version); NotFound names what was asked for."""
    edition = None
    if isinstance(ref, int) or str(ref).isdigit():
        edition = session.get(Edition, int(ref))
    if edition is None:
        edition = session.scalar(select(Edition).where(Edition.title == str(ref))
                                 .order_by(Edition.version.desc()).limit(1))
    if edition is None:
        raise NotFound(N_("no edition %(ref)r; `python run.py editions` lists them"), ref=ref)
    return edition


def iter_segments(session: Session, edition_id: int) -> Iterator[Segment]:
    """The edition's sentences in order; those an editor deleted are left out (the others keep their numbers)."""
    yield from session.scalars(
        select(Segment).where(Segment.edition_id == edition_id, Segment.deleted.is_(False))
        .order_by(Segment.position).execution_options(yield_per=2000))


@dataclass
class Chapter:
    """A heading of an edition that opens a chapter-like part, for the jump list."""

    position: int  # the heading's first sentence number
    page: int | None
    title: str


def chapters(session: Session, edition_id: int, limit: int = 200) -> list[Chapter]:
    rows = session.execute(
        select(Segment.position, Segment.page, Segment.text)
        .where(Segment.edition_id == edition_id, Segment.is_heading.is_(True), Segment.opens_block.is_(True),
               Segment.deleted.is_(False))
        .order_by(Segment.position).limit(limit))
    return [Chapter(p, page, text[:120]) for p, page, text in rows]


def page_of_segments(session: Session, edition_id: int, start: int, size: int) -> list[Segment]:
    """Sentences ``start .. start+size-1`` (1-based positions), those an editor deleted left out."""
    return list(session.scalars(
        select(Segment).where(Segment.edition_id == edition_id, Segment.position >= start,
                              Segment.position < start + size, Segment.deleted.is_(False))
        .order_by(Segment.position)))


def _page_labels(session: Session, edition_id: int) -> list[tuple[int, str]]:
    """(position in the file, label as printed) of every page of the edition that holds text."""
    return list(session.execute(select(Segment.page, Segment.page_label).where(
        Segment.edition_id == edition_id, Segment.page.is_not(None), Segment.page_label.is_not(None)).distinct()))


def printed_pages(session: Session, edition_id: int) -> dict[int, str]:
    """Page position in the file → the page as printed, for the pages printed otherwise (a PDF's roman front
    matter, a body numbered from its third page); a page missing here is printed as its position."""
    rows = _page_labels(session, edition_id)
    return {page: label for page, label in rows if label != str(page)}


def labelled_page(session: Session, edition_id: int, label: str) -> int | None:
    """The position in the file of the first page printed as ``label`` (``ii``, ``IV``: case does not
    matter), or None when no page with text is printed so."""
    wanted = label.strip().casefold()
    rows = _page_labels(session, edition_id)
    return min((page for page, printed in rows if printed.casefold() == wanted), default=None)


def page_position(session: Session, edition_id: int, printed: int | str) -> int:
    """The position in the file (1, 2, …) of the page printed as ``printed``: a number, or a label (``ii``).

    People give pages as printed: in a PDF with two roman pages of front matter, page 1 is the file's third
    page and page "ii" its second. A number that no page with text carries (a blank page, past the end) is
    placed by the nearest numbered page; an edition without printed numbers has its pages printed as their
    positions.

    :raises NotFound: a label that no page with text carries.
    """
    if isinstance(printed, str):
        if not printed.strip().isdigit():
            page = labelled_page(session, edition_id, printed)
            if page is None:
                raise NotFound(N_("edition %(edition_id)s has no page printed %(page)s"),
                               edition_id=edition_id, page=printed.strip())
            return page
        printed = int(printed)
    rows = _page_labels(session, edition_id)
    numbered = [(int(label), page) for page, label in rows if label.isdigit()]
    if not numbered:
        return printed
    label, page = min(numbered, key=lambda lp: (abs(lp[0] - printed), lp[1]))
    return page + printed - label


def first_position_on_page(session: Session, edition_id: int, page: int | str) -> int | None:
    """The first sentence on the page printed as ``page`` (or on the next page that has text).

    :raises NotFound: ``page`` is a label that no page with text carries.
    """
    return session.scalar(select(func.min(Segment.position)).where(
        Segment.edition_id == edition_id, Segment.page >= page_position(session, edition_id, page)))


def blocks_count(session: Session, edition_id: int) -> int:
    return session.scalar(select(func.count()).select_from(Block).where(Block.edition_id == edition_id)) or 0


def alignments_of(session: Session, edition_id: int) -> list[Alignment]:
    """The alignments the edition takes part in (either side)."""
    return list(session.scalars(select(Alignment).where(
        (Alignment.kk_edition_id == edition_id) | (Alignment.ru_edition_id == edition_id)).order_by(Alignment.id)))


def sentence_range(session: Session, edition_id: int, first_page: int | str | None = None,
                   last_page: int | str | None = None, heading: int | None = None) -> tuple[int, int] | None:
    """1-based first and last sentence of a page range or of the part a heading opens (None: the whole).

    ``heading`` is the sentence number of a heading; its part ends before the next heading that opens
    a paragraph, or, for a numbered heading («Раздел I», «2.»), before the next heading of its kind or of
    a higher one (``workbench.text.headings``), so that a section takes its articles along. Pages are the
    book's pages as printed (a number, or a label such as ``ii``), inclusive.
    """
    base = select(func.min(Segment.position), func.max(Segment.position)).where(Segment.edition_id == edition_id)
    if heading is not None:
        first, last = session.execute(base.where(Segment.position >= heading)).one()
        if first is None:
            raise NotFound(N_("edition %(edition_id)s has no sentence %(heading)s"),
                           edition_id=edition_id, heading=heading)
        titles = [(p, t) for p, t in session.execute(select(Segment.position, Segment.text).where(
            Segment.edition_id == edition_id, Segment.is_heading.is_(True), Segment.opens_block.is_(True))
            .order_by(Segment.position))]
        if numbered_kind(dict(titles).get(heading, "")) is not None:
            # A numbered heading («Раздел I», «2.») runs to the next of its kind or of a higher one.
            end = part_end(titles, heading)
            return first, (end - 1) if end else last
        next_heading = next((p for p, _title in titles if p > heading + 1), None)
        return first, (next_heading - 1) if next_heading else last
    if first_page is None and last_page is None:
        return None
    query = base
    if first_page is not None:
        query = query.where(Segment.page >= page_position(session, edition_id, first_page))
    if last_page is not None:
        query = query.where(Segment.page <= page_position(session, edition_id, last_page))
    first, last = session.execute(query).one()
    if first is None:
        raise NotFound(N_("edition %(edition_id)s has no sentence on pages %(first)s–%(last)s"),
                       edition_id=edition_id, first=first_page or "…", last=last_page or "…")
    return first, last
