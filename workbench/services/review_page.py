"""Read an alignment for the review page: a page of beads with their sentences, filters, search,
jumps to a page of the book or a heading, findings and glossary hits, and the history of a bead.

Only the beads of the page shown and their sentences are read, so a page costs the same at 100 or
at 10,000 beads; search folds the texts in Python (case and ё insensitive, Kazakh letters distinct).
"""
from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from workbench.errors import N_, NotFound
from workbench.models import Alignment, Bead, Change, Correction, Edition, Finding, Segment
from workbench.services.aligning import LOW_CONFIDENCE
from workbench.services.editions import first_position_on_page
from workbench.services.review import describe
from workbench.text.normalise import fold

LOW_SCORE = 0.5  # below this a bead is shown red; below LOW_CONFIDENCE (the aligner's doubt line) amber
ORDERS = ("position", "score")
SHAPES = ("all", "skip", "many")


@dataclass
class Filters:
    """What the reviewer asked to see: order, status, shape, findings only, search."""

    order: str = "position"     # position | score (low confidence first)
    status: str = "all"         # all | auto | confirmed
    shape: str = "all"          # all | skip (1-0 / 0-1) | many (2-1, 1-2, …)
    findings: bool = False
    q: str = ""
    lang: str = "both"          # where to search: both | kk | ru

    @classmethod
    def from_args(cls, args: Any) -> Filters:
        f = cls(order=args.get("order", "position"), status=args.get("status", "all"),
                shape=args.get("shape", "all"), findings=args.get("findings") == "1",
                q=args.get("q", "").strip()[:200], lang=args.get("lang", "both"))
        f.order = f.order if f.order in ORDERS else "position"
        f.status = f.status if f.status in ("all", "auto", "confirmed") else "all"
        f.shape = f.shape if f.shape in SHAPES else "all"
        f.lang = f.lang if f.lang in ("both", "kk", "ru") else "both"
        return f

    @property
    def active(self) -> bool:
        return self != Filters()

    def args(self) -> dict[str, str]:
        """The non-default filters as query arguments (for links that keep them)."""
        out = {k: str(v) for k, v in (("order", self.order), ("status", self.status), ("shape", self.shape),
                                      ("q", self.q), ("lang", self.lang)) if v != getattr(Filters, k)}
        if self.findings:
            out["findings"] = "1"
        return out


@dataclass
class Sentence:
    id: int
    position: int
    text: str
    original: str
    page: int | None
    line: int
    version: int
    is_heading: bool
    # (text, glossary title or None, search hit?) — the page marks terms and hits, escaping the text
    pieces: list[tuple[str, str | None, bool]] = field(default_factory=list)
    deleted: bool = False  # deleted by an editor: the page shows it struck through
    deleted_by: str | None = None


@dataclass
class Row:
    bead: Any
    kk: list[Sentence]
    ru: list[Sentence]
    findings: int = 0

    @property
    def shape(self) -> str:
        return f"{len(self.kk)}-{len(self.ru)}"

    @property
    def confidence(self) -> str:
        s = self.bead.score
        return "high" if s >= LOW_CONFIDENCE else "mid" if s >= LOW_SCORE else "low"


@dataclass
class Page:
    rows: list[Row]
    number: int
    pages: int
    total: int
    size: int


def get_alignment(session: Session, alignment_id: int) -> Alignment:
    alignment = session.get(Alignment, alignment_id)
    if alignment is None:
        raise NotFound(N_("no alignment %(alignment_id)s"), alignment_id=alignment_id)
    return alignment


def list_alignments(session: Session) -> list[tuple[Alignment, int]]:
    """Every alignment with its number of confirmed beads."""
    confirmed = dict(session.execute(select(Bead.alignment_id, func.count()).where(Bead.status == "confirmed")
                                     .group_by(Bead.alignment_id)).all())
    alignments = session.scalars(select(Alignment).order_by(Alignment.id))
    return [(a, confirmed.get(a.id, 0)) for a in alignments]


def _filtered(alignment: Alignment, f: Filters):
    query = select(Bead).where(Bead.alignment_id == alignment.id)
    if f.status != "all":
        query = query.where(Bead.status == f.status)
    if f.shape == "skip":
        query = query.where(or_(Bead.kk_start == Bead.kk_end, Bead.ru_start == Bead.ru_end))
    elif f.shape == "many":
        query = query.where(or_(Bead.kk_end - Bead.kk_start > 1, Bead.ru_end - Bead.ru_start > 1))
    if f.findings:
        query = query.where(_has_findings(alignment))
    return query


def _has_findings(alignment: Alignment):
    """Open findings on the bead itself or on one of its sentences."""
    return exists().where(Finding.status == "open", or_(
        and_(Finding.alignment_id == alignment.id, Finding.bead_position == Bead.position),
        and_(Finding.edition_id == alignment.kk_edition_id, Finding.segment_position >= Bead.kk_start,
             Finding.segment_position < Bead.kk_end),
        and_(Finding.edition_id == alignment.ru_edition_id, Finding.segment_position >= Bead.ru_start,
             Finding.segment_position < Bead.ru_end)))


_FOLDED: dict[tuple[str, int], tuple[tuple[int, int], list[tuple[int, str]]]] = {}


def _matching_positions(session: Session, edition_id: int, needle: str) -> list[int]:
    """Sentence positions whose folded text contains ``needle``.

    The folded texts of an edition are kept in memory between requests and read again only when
    a sentence changed (every text edit raises the sentences' version sum).
    """
    key = (str(session.get_bind().url), edition_id)
    signature = tuple(session.execute(select(func.count(), func.coalesce(func.sum(Segment.version), 0))
                                      .where(Segment.edition_id == edition_id)).one())
    cached = _FOLDED.get(key)
    if cached is None or cached[0] != signature:
        rows = session.execute(select(Segment.position, Segment.text).where(Segment.edition_id == edition_id,
                                                                            Segment.deleted.is_(False)))
        cached = (signature, [(p, fold(text)) for p, text in rows])
        if len(_FOLDED) >= 8:
            _FOLDED.pop(next(iter(_FOLDED)))
        _FOLDED[key] = cached
    return [p for p, folded in cached[1] if needle in folded]


def _search(session: Session, alignment: Alignment, f: Filters) -> set[int]:
    """Ids of the beads with a sentence containing the search text (folded)."""
    needle = fold(f.q)
    t = Bead.__table__
    beads = session.execute(select(t.c.id, t.c.kk_end, t.c.ru_end).where(t.c.alignment_id == alignment.id)
                            .order_by(t.c.position)).all()
    found: set[int] = set()
    for lang, edition_id, column in (("kk", alignment.kk_edition_id, 1), ("ru", alignment.ru_edition_id, 2)):
        if f.lang in ("both", lang):
            # Bead ends grow with the position, so the bead holding sentence p is the first ending after p.
            ends = [b[column] for b in beads]
            for p in _matching_positions(session, edition_id, needle):
                i = bisect.bisect_right(ends, p)
                if i < len(beads):
                    found.add(beads[i][0])
    return found


def review_page(session: Session, alignment: Alignment, f: Filters, number: int, size: int,
                matcher: Any = None) -> Page:
    """Page ``number`` (1-based) of the beads the filters select, with their sentences."""
    query = _filtered(alignment, f)
    order = (Bead.score, Bead.position) if f.order == "score" else (Bead.position,)
    if f.q:
        # Search matches are known by id; the other filters and the order are applied to light rows
        # (id, position, score) so that a common word matching thousands of beads stays cheap.
        found = _search(session, alignment, f)
        t = Bead.__table__
        light = [r for r in session.execute(query.with_only_columns(t.c.id, t.c.position, t.c.score))
                 if r.id in found]
        light.sort(key=(lambda r: (r.score, r.position)) if f.order == "score" else (lambda r: r.position))
        total = len(light)
        pages = max(1, -(-total // size))
        number = min(max(1, number), pages)
        ids = [r.id for r in light[(number - 1) * size:number * size]]
        beads = list(session.scalars(select(Bead).where(Bead.id.in_(ids)).order_by(*order))) if ids else []
    else:
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        pages = max(1, -(-total // size))
        number = min(max(1, number), pages)
        beads = list(session.scalars(query.order_by(*order).offset((number - 1) * size).limit(size)))
    needle = fold(f.q) if f.q else ""
    kk = _sentences(session, alignment.kk_edition_id, [(b.kk_start, b.kk_end) for b in beads], "kk", matcher,
                    needle if f.lang in ("both", "kk") else "")
    ru = _sentences(session, alignment.ru_edition_id, [(b.ru_start, b.ru_end) for b in beads], "ru", matcher,
                    needle if f.lang in ("both", "ru") else "")
    counts = _finding_counts(session, alignment, beads)
    rows = [Row(b, [kk[p] for p in range(b.kk_start, b.kk_end) if p in kk],
                [ru[p] for p in range(b.ru_start, b.ru_end) if p in ru], counts.get(b.id, 0)) for b in beads]
    return Page(rows, number, pages, total, size)


def _sentences(session: Session, edition_id: int, ranges: list[tuple[int, int]], lang: str,
               matcher: Any, needle: str = "") -> dict[int, Sentence]:
    wanted = sorted({p for a, b in ranges for p in range(a, b)})
    if not wanted:
        return {}
    query = select(Segment).where(Segment.edition_id == edition_id)
    if wanted[-1] - wanted[0] < 4 * len(wanted):
        query = query.where(Segment.position.between(wanted[0], wanted[-1]))
    else:
        query = query.where(Segment.position.in_(wanted))
    out = {}
    for s in session.scalars(query):
        sentence = Sentence(s.id, s.position, s.text, s.original, s.page, s.start_line, s.version, s.is_heading,
                            deleted=s.deleted)
        sentence.pieces = mark_hits(glossary_pieces(s.text, lang, matcher), needle)
        out[s.position] = sentence
    deleted = {s.id: s for s in out.values() if s.deleted}
    if deleted:
        for segment_id, user in deleted_by(session, edition_id, set(deleted)).items():
            deleted[segment_id].deleted_by = user
    return out


def deleted_by(session: Session, edition_id: int, segment_ids: set[int]) -> dict[int, str | None]:
    """Who deleted each of these sentences (by a deletion or by merging it into the one before)."""
    out: dict[int, str | None] = {}
    rows = session.execute(select(Correction.user, Correction.after).where(
        Correction.edition_id == edition_id, Correction.action.in_(("delete", "merge")),
        Correction.undone_at.is_(None)).order_by(Correction.id.desc()))
    for user, after in rows:
        for state in json.loads(after):
            if state.get("deleted") and state.get("id") in segment_ids and state["id"] not in out:
                out[state["id"]] = user
        if len(out) == len(segment_ids):
            break
    return out


def glossary_pieces(text: str, lang: str, matcher: Any) -> list[tuple[str, str | None]]:
    """The text cut into plain pieces and glossary hits (with the other language's term as title)."""
    if matcher is None:
        return [(text, None)]
    kept = getattr(matcher, "kept_pieces", None)
    if kept is not None:
        pieces = kept.get((text, lang))
        if pieces is None:
            pieces = _cut(text, lang, matcher)
            if len(kept) >= KEPT_PIECES:
                kept.clear()
            kept[(text, lang)] = pieces
        return pieces
    return _cut(text, lang, matcher)


def _cut(text: str, lang: str, matcher: Any) -> list[tuple[str, str | None]]:
    pieces: list[tuple[str, str | None]] = []
    at = 0
    for hit in matcher.find(text, lang):
        if hit.start < at:
            continue
        if hit.start > at:
            pieces.append((text[at:hit.start], None))
        pieces.append((text[hit.start:hit.end], matcher.titles.get((hit.entry_id, lang), hit.term)))
        at = hit.end
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces


def mark_hits(pieces: list[tuple[str, str | None]], needle: str) -> list[tuple[str, str | None, bool]]:
    """Cut the pieces further where the folded search text occurs (when folding keeps the length)."""
    out: list[tuple[str, str | None, bool]] = []
    for text, title in pieces:
        folded = fold(text)
        if not needle or len(folded) != len(text) or needle not in folded:
            out.append((text, title, False))
            continue
        at = 0
        while (i := folded.find(needle, at)) >= 0:
            if i > at:
                out.append((text[at:i], title, False))
            out.append((text[i:i + len(needle)], title, True))
            at = i + len(needle)
        if at < len(text):
            out.append((text[at:], title, False))
    return out


def _finding_counts(session: Session, alignment: Alignment, beads: list[Bead]) -> dict[int, int]:
    if not beads:
        return {}
    ids = [b.id for b in beads]
    rows = session.execute(select(Bead.id, func.count(Finding.id)).join(Finding, or_(
        and_(Finding.alignment_id == alignment.id, Finding.bead_position == Bead.position),
        and_(Finding.edition_id == alignment.kk_edition_id, Finding.segment_position >= Bead.kk_start,
             Finding.segment_position < Bead.kk_end),
        and_(Finding.edition_id == alignment.ru_edition_id, Finding.segment_position >= Bead.ru_start,
             Finding.segment_position < Bead.ru_end))).where(Bead.id.in_(ids), Finding.status == "open")
        .group_by(Bead.id))
    return dict(rows.all())


def bead_at(session: Session, alignment: Alignment, lang: str, position: int) -> int:
    """The position of the bead holding sentence ``position`` of the ``lang`` edition (1 if none)."""
    end = Bead.kk_end if lang == "kk" else Bead.ru_end
    found = session.scalar(select(Bead.position).where(Bead.alignment_id == alignment.id, end > position)
                           .order_by(Bead.position).limit(1))
    return found or 1


def bead_on_book_page(session: Session, alignment: Alignment, page: int | str) -> int:
    """The first bead whose Kazakh sentence stands on the page printed as ``page`` (or the next page that has
    text); ``page`` is a number or a label (``ii``), read on the Russian side when the Kazakh has no such page.

    :raises NotFound: a label that no page of either edition carries.
    """
    unknown = None
    for lang, edition_id in (("kk", alignment.kk_edition_id), ("ru", alignment.ru_edition_id)):
        try:
            first = first_position_on_page(session, edition_id, page)
        except NotFound as error:
            unknown = error
            continue
        if first is not None:
            return bead_at(session, alignment, lang, first)
    if unknown is not None:
        raise unknown
    return 1


def headings(session: Session, alignment: Alignment, limit: int = 300) -> list[tuple[int, int | None, str]]:
    """(sentence position, page, title) of the Kazakh edition's headings, for the jump list."""
    rows = session.execute(select(Segment.position, Segment.page, Segment.text).where(
        Segment.edition_id == alignment.kk_edition_id, Segment.is_heading.is_(True),
        Segment.opens_block.is_(True)).order_by(Segment.position).limit(limit))
    return [(p, page, text[:100]) for p, page, text in rows]


def history(session: Session, alignment: Alignment, bead_id: int) -> list[dict[str, Any]]:
    """Every change of a bead and of its sentences, newest first: who, when, before → after."""
    bead = session.get(Bead, bead_id)
    if bead is None or bead.alignment_id != alignment.id:
        raise NotFound(N_("no bead #%(bead_id)s in alignment %(id)s"), bead_id=bead_id, id=alignment.id)
    segment_ids = list(session.scalars(select(Segment.id).where(or_(
        and_(Segment.edition_id == alignment.kk_edition_id, Segment.position >= bead.kk_start,
             Segment.position < bead.kk_end),
        and_(Segment.edition_id == alignment.ru_edition_id, Segment.position >= bead.ru_start,
             Segment.position < bead.ru_end)))))
    changes = session.scalars(select(Change).where(Change.alignment_id == alignment.id, or_(
        and_(Change.target_type == "bead", Change.target_id == bead_id),
        and_(Change.target_type == "segment", Change.target_id.in_(segment_ids or [-1]))))
        .order_by(Change.id.desc()).limit(200))
    return [change_line(c) for c in changes]


def recent_changes(session: Session, alignment: Alignment, limit: int = 100) -> list[dict[str, Any]]:
    changes = session.scalars(select(Change).where(Change.alignment_id == alignment.id)
                              .order_by(Change.id.desc()).limit(limit))
    return [change_line(c) for c in changes]


def change_line(change: Change) -> dict[str, Any]:
    """A change as the page shows it: who, when, action, before → after in words."""
    before = json.loads(change.before or "null") or {}
    after = json.loads(change.after or "null") or {}
    return {"id": change.id, "user": change.user, "at": change.at.strftime("%Y-%m-%d %H:%M"),
            "action": change.action, "state": change.state,
            "before": _words(before), "after": _words(after)}


def _words(state: dict[str, Any]) -> str:
    if "text" in state:
        return state["text"]
    beads = state.get("beads")
    if isinstance(beads, list) and beads and isinstance(beads[0], dict):
        return " + ".join(describe(b) for b in beads)
    if isinstance(beads, list):
        return f"{len(beads)} beads {state.get('status', '')}".strip()
    if isinstance(beads, int):
        return f"{beads} beads"
    return ""


def edition_labels(session: Session, alignment: Alignment) -> tuple[Edition, Edition]:
    return session.get(Edition, alignment.kk_edition_id), session.get(Edition, alignment.ru_edition_id)


# Sentences whose glossary pieces are kept with the matcher (both editions of a book several times over).
KEPT_PIECES = 50_000


class GlossaryHints:
    """The glossary matcher with, for each (entry, language), the other language's preferred term.

    ``kept_pieces`` keeps each sentence's pieces once cut (by text and language): the page of beads
    is read far more often than the glossary changes, and a changed glossary makes a new
    GlossaryHints (see :func:`glossary_hints`), so nothing kept outlives the glossary it came from.
    """

    def __init__(self, matcher: Any, titles: dict[tuple[str, str], str]) -> None:
        self.matcher = matcher
        self.titles = titles
        self.kept_pieces: dict[tuple[str, str], list[tuple[str, str | None]]] = {}

    def find(self, text: str, lang: str) -> list[Any]:
        return self.matcher.find(text, lang)


_HINTS: dict[tuple[Any, ...], GlossaryHints] = {}


def glossary_hints(session: Session) -> GlossaryHints | None:
    """A matcher over the stored glossary (rebuilt only when the glossary changed), or None when empty."""
    from workbench.services import glossary

    signature = glossary.glossary_signature(session)
    if not signature[1]:
        return None
    if signature not in _HINTS:
        titles = {}
        for e in glossary.entries(session):
            for lang, other in (("kk", "ru"), ("ru", "kk")):
                term = e.preferred(other)
                if term is not None:
                    titles[(e.id, lang)] = f"{other}: {term.text}"
        _HINTS.clear()
        _HINTS[signature] = GlossaryHints(glossary.matcher(session), titles)
    return _HINTS[signature]


def count_above(session: Session, alignment: Alignment, threshold: float) -> int:
    """How many automatic beads "confirm all above a score" would confirm."""
    return session.scalar(select(func.count()).select_from(Bead).where(
        Bead.alignment_id == alignment.id, Bead.status == "auto", Bead.score >= threshold)) or 0


def find_sentences(session: Session, alignment: Alignment, lang: str, query: str,
                   limit: int = 20) -> list[dict[str, Any]]:
    """Sentences of one side for "pair with…": by number (``123``) or by words (folded search)."""
    edition_id = alignment.kk_edition_id if lang == "kk" else alignment.ru_edition_id
    query = query.strip()
    if query.isdigit():
        n = int(query)
        positions = list(range(max(1, n - 2), n + 3))
    else:
        needle = fold(query)
        positions = _matching_positions(session, edition_id, needle)[:limit] if needle else []
    if not positions:
        return []
    rows = session.execute(select(Segment.position, Segment.page, Segment.page_label, Segment.text).where(
        Segment.edition_id == edition_id, Segment.position.in_(positions), Segment.deleted.is_(False))
        .order_by(Segment.position))
    # "page" is the page as printed (the one the reviewer reads elsewhere on the page).
    return [{"n": p, "page": label or page, "text": text} for p, page, label, text in rows]

