"""Align two stored editions and store the beads; re-aligning keeps every confirmed bead exactly."""
from __future__ import annotations

import bisect
import datetime as dt
import inspect
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from workbench import align as aligner
from workbench.align.stem_lexicon import grown_mapping, shipped_lexicon
from workbench.errors import N_, AlignmentError, Conflict, Message
from workbench.models import Alignment, Bead, Edition, Segment, utcnow

logger = logging.getLogger(__name__)

# Beads scored below this are counted as doubtful (the review page sends translators to them first).
LOW_CONFIDENCE = aligner.AlignConfig().low_confidence


@dataclass
class AlignResult:
    alignment: Alignment
    shapes: Counter[str]
    low_confidence: int
    kept: int  # confirmed beads kept as they were

    def summary(self) -> Message:
        shapes = ", ".join(f"{k} {v}" for k, v in sorted(self.shapes.items(), key=lambda kv: -kv[1]))
        a = self.alignment
        return Message(N_("alignment %(id)s: %(n)s beads (%(shapes)s); %(low)s below confidence %(threshold)s; "
                          "%(kept)s confirmed beads kept"), id=a.id, n=a.bead_count, shapes=shapes,
                       low=self.low_confidence, threshold=LOW_CONFIDENCE, kept=self.kept)


@dataclass(frozen=True)
class EditionSide:
    """An edition as the aligner reads it: ``side`` holds the sentences an editor did not delete, and
    ``indices`` the 0-based number of each among all ``size`` sentences (deleted ones keep theirs)."""

    side: aligner.Side
    indices: tuple[int, ...]
    size: int


def side_of(session: Session, edition: Edition) -> EditionSide:
    """The edition's sentences with their paragraph starts and headings, 0-based; deleted ones left out."""
    rows = session.execute(select(Segment.text, Segment.opens_block, Segment.is_heading, Segment.deleted)
                           .where(Segment.edition_id == edition.id).order_by(Segment.position)).all()
    live = [(i, r) for i, r in enumerate(rows) if not r.deleted]
    return EditionSide(aligner.Side(
        sentences=[r.text for _, r in live],
        paragraph_starts=frozenset(k for k, (_, r) in enumerate(live) if r.opens_block),
        headings=frozenset(k for k, (_, r) in enumerate(live) if r.is_heading)),
        tuple(i for i, _ in live), len(rows))


def side_part(side: EditionSide, start: int, end: int) -> EditionSide:
    """Sentences ``start .. end-1`` (0-based, deleted ones counted) of a side, numbered from 0."""
    first = bisect.bisect_left(side.indices, start)
    last = bisect.bisect_left(side.indices, end)

    def inside(indices: frozenset[int]) -> frozenset[int]:
        return frozenset(k - first for k in indices if first <= k < last)

    s = side.side
    return EditionSide(aligner.Side(sentences=s.sentences[first:last], paragraph_starts=inside(s.paragraph_starts),
                                    headings=inside(s.headings)),
                       tuple(i - start for i in side.indices[first:last]), end - start)


def align_sides(kk: EditionSide, ru: EditionSide, config: aligner.AlignConfig | None = None,
                glossary: list[tuple[str, str]] | None = None, fixed: list[aligner.Bead] | tuple = (),
                **extra: Any) -> list[aligner.Bead]:
    """Align two sides by their sentences' numbers (deleted ones counted); only the sentences that are
    not deleted are aligned.

    ``fixed`` beads come back exactly. A deleted sentence becomes a one-sided bead of its own, unless
    the aligner joined the sentences on both sides of it into one bead, which then spans it (it
    contributes no text). A confirmed bead of deleted sentences only is kept as it is.
    """
    kk_at = {i: k for k, i in enumerate(kk.indices)}
    ru_at = {j: k for k, j in enumerate(ru.indices)}
    squeezed: dict[tuple[tuple[int, ...], tuple[int, ...]], aligner.Bead] = {}
    whole: list[aligner.Bead] = []  # confirmed beads with no sentence left to align
    for b in fixed:
        key = (tuple(kk_at[i] for i in b.kk if i in kk_at), tuple(ru_at[j] for j in b.ru if j in ru_at))
        if key[0] or key[1]:
            squeezed[key] = b
        else:
            whole.append(b)
    beads = aligner.align(kk.side, ru.side, config, glossary=glossary,
                          fixed=[aligner.Bead(k, r, b.score) for (k, r), b in squeezed.items()], **extra)
    out = []
    for b in beads:
        original = squeezed.get((b.kk, b.ru))
        if original is not None:
            out.append(original)
            continue
        k = tuple(range(kk.indices[b.kk[0]], kk.indices[b.kk[-1]] + 1)) if b.kk else ()
        r = tuple(range(ru.indices[b.ru[0]], ru.indices[b.ru[-1]] + 1)) if b.ru else ()
        out.append(aligner.Bead(k, r, b.score))
    return _with_deleted(out, whole, kk.size, ru.size)


def _with_deleted(beads: list[aligner.Bead], whole: list[aligner.Bead], n: int, m: int) -> list[aligner.Bead]:
    """``beads`` in order with a one-sided bead for each sentence none of them holds (a deleted one) and
    the ``whole`` beads put in their places: monotone beads covering all ``n`` and ``m`` sentences."""
    extra = list(whole)
    held_kk = {i for b in [*beads, *whole] for i in b.kk}
    held_ru = {j for b in [*beads, *whole] for j in b.ru}
    extra += [aligner.Bead((i,), (), 1.0) for i in range(n) if i not in held_kk]
    extra += [aligner.Bead((), (j,), 1.0) for j in range(m) if j not in held_ru]
    if not extra:
        return beads
    # Deleted sentences first wherever both could come next; the aligner's beads keep their order.
    rank = {id(b): -1 for b in extra} | {id(b): k for k, b in enumerate(beads)}
    by_kk = {b.kk[0]: b for b in [*beads, *extra] if b.kk}
    by_ru = {b.ru[0]: b for b in [*beads, *extra] if b.ru}
    out: list[aligner.Bead] = []
    i = j = 0
    while i < n or j < m:
        fits = [b for b in (by_kk.get(i), by_ru.get(j)) if b is not None
                and (not b.kk or b.kk[0] == i) and (not b.ru or b.ru[0] == j)]
        if not fits:
            raise AlignmentError(N_("a deleted sentence (kk %(n)s or ru %(n2)s) lies inside a bead the "
                                    "aligner made across a confirmed bead; unconfirm the bead of deleted "
                                    "sentences"), n=i + 1, n2=j + 1)
        b = min(fits, key=lambda x: rank[id(x)])
        out.append(b)
        i, j = (b.kk[-1] + 1 if b.kk else i), (b.ru[-1] + 1 if b.ru else j)
    if len(out) != len(beads) + len(extra):
        raise AlignmentError(N_("a confirmed bead of deleted sentences lies inside a bead the aligner made; "
                                "unconfirm it and align again"))
    return out


def find_alignment(session: Session, kk: Edition, ru: Edition) -> Alignment | None:
    return session.scalar(select(Alignment).where(
        Alignment.kk_edition_id == kk.id, Alignment.ru_edition_id == ru.id))


def confirmed_beads(session: Session, alignment_id: int) -> list[aligner.Bead]:
    rows = session.scalars(select(Bead).where(Bead.alignment_id == alignment_id, Bead.status == "confirmed")
                           .order_by(Bead.position))
    return [aligner.Bead(tuple(range(b.kk_start - 1, b.kk_end - 1)), tuple(range(b.ru_start - 1, b.ru_end - 1)),
                         b.score) for b in rows]


@dataclass
class AlignPlan:
    """Beads computed for a pair of editions, not yet stored (``apply_plan`` stores them)."""

    kk_id: int
    ru_id: int
    fixed: list[aligner.Bead]
    beads: list[aligner.Bead]


SentenceRange = tuple[int, int]  # 1-based first and last sentence position, inclusive


def plan_alignment(session: Session, kk: Edition, ru: Edition,
                   glossary: list[tuple[str, str]] | None = None,
                   config: aligner.AlignConfig | None = None,
                   kk_range: SentenceRange | None = None, ru_range: SentenceRange | None = None,
                   progress: Callable[[float, "str | Message"], None] | None = None) -> AlignPlan:
    """Align ``kk`` with ``ru`` without writing anything (the long part of an alignment).

    With ranges only those sentences are aligned with each other; every sentence outside them
    becomes a one-sided bead. Confirmed beads of an existing alignment are kept exactly; with
    ranges they must lie inside both ranges. ``progress(fraction, message)`` is handed to the aligner
    when it reports progress (a ``progress`` keyword).
    """
    if kk.lang != "kk" or ru.lang != "ru":
        raise AlignmentError(N_("expected a Kazakh and a Russian edition, got %(lang)s and %(lang2)s"),
                             lang=kk.lang, lang2=ru.lang)
    alignment = find_alignment(session, kk, ru)
    fixed = confirmed_beads(session, alignment.id) if alignment is not None else []
    kk_side, ru_side = side_of(session, kk), side_of(session, ru)
    extra: dict[str, Any] = {"lexicon": grown_lexicon(session, config)}
    if progress is not None and "progress" in inspect.signature(aligner.align).parameters:
        extra["progress"] = progress
    if kk_range is None and ru_range is None:
        beads = align_sides(kk_side, ru_side, config, glossary=glossary, fixed=fixed, **extra)
        return AlignPlan(kk.id, ru.id, fixed, beads)
    k0, k1 = _checked_range(kk_range, kk_side.size, kk.label)
    r0, r1 = _checked_range(ru_range, ru_side.size, ru.label)
    inside = []
    for b in fixed:
        if not (all(k0 <= i < k1 for i in b.kk) and all(r0 <= j < r1 for j in b.ru)):
            where = f"kk {b.kk[0] + 1 if b.kk else '–'} ru {b.ru[0] + 1 if b.ru else '–'}"
            raise AlignmentError(N_("the confirmed bead at %(where)s lies outside the chosen ranges; align "
                                    "the whole editions, or choose ranges that hold it"), where=where)
        inside.append(aligner.Bead(tuple(i - k0 for i in b.kk), tuple(j - r0 for j in b.ru), b.score))
    middle = align_sides(side_part(kk_side, k0, k1), side_part(ru_side, r0, r1), config, glossary=glossary,
                         fixed=inside, **extra)
    beads = ([aligner.Bead((i,), ()) for i in range(k0)] + [aligner.Bead((), (j,)) for j in range(r0)]
             + [aligner.Bead(tuple(i + k0 for i in b.kk), tuple(j + r0 for j in b.ru), b.score)
                for b in middle]
             + [aligner.Bead((i,), ()) for i in range(k1, kk_side.size)]
             + [aligner.Bead((), (j,)) for j in range(r1, ru_side.size)])
    return AlignPlan(kk.id, ru.id, fixed, beads)


def _checked_range(given: SentenceRange | None, size: int, label: str) -> tuple[int, int]:
    """0-based [start, end) of a 1-based inclusive range (the whole side when None)."""
    if given is None:
        return 0, size
    first, last = given
    if not 1 <= first <= last <= size:
        raise AlignmentError(N_("%(label)s: sentences %(first)s–%(last)s are not a range within 1–%(size)s"),
                             label=label, first=first, last=last, size=size)
    return first - 1, last


def apply_plan(session: Session, plan: AlignPlan) -> AlignResult:
    """Store a planned alignment, unless a bead was confirmed or unconfirmed since it was planned."""
    kk, ru = session.get(Edition, plan.kk_id), session.get(Edition, plan.ru_id)
    if kk is None or ru is None:
        raise AlignmentError(N_("an edition of the pair was deleted while aligning"))
    alignment = find_alignment(session, kk, ru)
    if alignment is None:
        if plan.fixed:
            raise Conflict(N_("the alignment was deleted while aligning; start it again"))
        alignment = Alignment(kk_edition_id=kk.id, ru_edition_id=ru.id)
        session.add(alignment)
        session.flush()
    elif [(b.kk, b.ru) for b in confirmed_beads(session, alignment.id)] != [(b.kk, b.ru) for b in plan.fixed]:
        raise Conflict(N_("beads were confirmed or changed while aligning; nothing was stored — start it "
                          "again"))
    store_beads(session, alignment, plan.beads, plan.fixed)
    shapes = Counter(f"{len(b.kk)}-{len(b.ru)}" for b in plan.beads)
    low = sum(1 for b in plan.beads if b.score < LOW_CONFIDENCE)
    logger.info("aligned %s with %s: %d beads", kk.label, ru.label, len(plan.beads))
    return AlignResult(alignment, shapes, low, len(plan.fixed))


def align_editions(session: Session, kk: Edition, ru: Edition,
                   glossary: list[tuple[str, str]] | None = None,
                   config: aligner.AlignConfig | None = None) -> AlignResult:
    """Align ``kk`` with ``ru``; an existing alignment of the pair is re-aligned around its confirmed beads."""
    return apply_plan(session, plan_alignment(session, kk, ru, glossary, config))


def confirmed_sentence_pairs(session: Session) -> list[tuple[str, str]]:
    """(Kazakh text, Russian text) of every confirmed bead, of every alignment, that pairs sentences."""
    rows = session.execute(
        select(Alignment.kk_edition_id, Alignment.ru_edition_id, Bead.kk_start, Bead.kk_end, Bead.ru_start,
               Bead.ru_end).join(Alignment, Bead.alignment_id == Alignment.id)
        .where(Bead.status == "confirmed", Bead.kk_end > Bead.kk_start, Bead.ru_end > Bead.ru_start)).all()
    wanted: dict[int, set[int]] = {}
    for r in rows:
        wanted.setdefault(r.kk_edition_id, set()).update(range(r.kk_start, r.kk_end))
        wanted.setdefault(r.ru_edition_id, set()).update(range(r.ru_start, r.ru_end))
    text: dict[tuple[int, int], str] = {}
    for edition_id, positions in wanted.items():
        found = session.execute(select(Segment.position, Segment.text).where(
            Segment.edition_id == edition_id, Segment.position.in_(sorted(positions)),
            Segment.deleted.is_(False)))
        text.update(((edition_id, p), t) for p, t in found)

    def joined(edition_id: int, start: int, end: int) -> str:
        """The bead side's text, its deleted sentences left out."""
        return " ".join(text[(edition_id, p)] for p in range(start, end) if (edition_id, p) in text)

    pairs = [(joined(r.kk_edition_id, r.kk_start, r.kk_end), joined(r.ru_edition_id, r.ru_start, r.ru_end))
             for r in rows]
    return [(k, r) for k, r in pairs if k and r]


def grown_lexicon(session: Session, config: aligner.AlignConfig | None) -> dict[str, set[str]] | None:
    """The shipped stem lexicon grown with what the confirmed beads teach (None: the aligner's default)."""
    config = config or aligner.AlignConfig()
    if not config.shipped_lexicon:
        return None
    pairs = confirmed_sentence_pairs(session)
    return grown_mapping(shipped_lexicon(), pairs) if pairs else None


def bead_range(indices: tuple[int, ...], before: int) -> tuple[int, int]:
    """1-based [start, end) positions of a bead side; an empty side sits just after ``before``."""
    if indices:
        return indices[0] + 1, indices[-1] + 2
    return before, before


def store_beads(session: Session, alignment: Alignment, beads: list[aligner.Bead],
                fixed: list[aligner.Bead]) -> None:
    """Replace the alignment's automatic beads; confirmed rows stay untouched, only renumbered."""
    confirmed = {(b.kk, b.ru) for b in fixed}
    existing = {(tuple(range(r.kk_start - 1, r.kk_end - 1)), tuple(range(r.ru_start - 1, r.ru_end - 1))): r
                for r in session.scalars(select(Bead).where(Bead.alignment_id == alignment.id,
                                                            Bead.status == "confirmed"))}
    session.execute(delete(Bead).where(Bead.alignment_id == alignment.id, Bead.status != "confirmed"))
    rows = []
    kk_next, ru_next = 1, 1
    for position, b in enumerate(beads, start=1):
        kk_start, kk_end = bead_range(b.kk, kk_next)
        ru_start, ru_end = bead_range(b.ru, ru_next)
        kk_next, ru_next = kk_end, ru_end
        key = (b.kk, b.ru)
        if key in confirmed and key in existing:
            existing[key].position = position
            continue
        rows.append({"alignment_id": alignment.id, "position": position, "kk_start": kk_start,
                     "kk_end": kk_end, "ru_start": ru_start, "ru_end": ru_end, "score": float(b.score),
                     "status": "auto", "version": 1, "updated_at": utcnow()})
    if rows:
        session.execute(insert(Bead), rows)
    alignment.bead_count = len(beads)
    alignment.aligned_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
