"""Align two stored editions and store the beads; re-aligning keeps every confirmed bead exactly."""
from __future__ import annotations

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
from workbench.errors import AlignmentError, Conflict
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

    def summary(self) -> str:
        shapes = ", ".join(f"{k} {v}" for k, v in sorted(self.shapes.items(), key=lambda kv: -kv[1]))
        a = self.alignment
        return (f"alignment {a.id}: {a.bead_count} beads ({shapes}); {self.low_confidence} below "
                f"confidence {LOW_CONFIDENCE}; {self.kept} confirmed beads kept")


def side_of(session: Session, edition: Edition) -> aligner.Side:
    """The edition's sentences with their paragraph starts and headings, 0-based."""
    rows = session.execute(select(Segment.text, Segment.opens_block, Segment.is_heading)
                           .where(Segment.edition_id == edition.id).order_by(Segment.position)).all()
    return aligner.Side(
        sentences=[r.text for r in rows],
        paragraph_starts=frozenset(i for i, r in enumerate(rows) if r.opens_block),
        headings=frozenset(i for i, r in enumerate(rows) if r.is_heading))


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
                   progress: Callable[[float, str], None] | None = None) -> AlignPlan:
    """Align ``kk`` with ``ru`` without writing anything (the long part of an alignment).

    With ranges only those sentences are aligned with each other; every sentence outside them
    becomes a one-sided bead. Confirmed beads of an existing alignment are kept exactly; with
    ranges they must lie inside both ranges. ``progress(fraction, message)`` is handed to the aligner
    when it reports progress (a ``progress`` keyword).
    """
    if kk.lang != "kk" or ru.lang != "ru":
        raise AlignmentError(f"expected a Kazakh and a Russian edition, got {kk.lang} and {ru.lang}")
    alignment = find_alignment(session, kk, ru)
    fixed = confirmed_beads(session, alignment.id) if alignment is not None else []
    kk_side, ru_side = side_of(session, kk), side_of(session, ru)
    extra: dict[str, Any] = {"lexicon": grown_lexicon(session, config)}
    if progress is not None and "progress" in inspect.signature(aligner.align).parameters:
        extra["progress"] = progress
    if kk_range is None and ru_range is None:
        beads = aligner.align(kk_side, ru_side, config, glossary=glossary, fixed=fixed, **extra)
        return AlignPlan(kk.id, ru.id, fixed, beads)
    k0, k1 = _checked_range(kk_range, len(kk_side.sentences), kk.label)
    r0, r1 = _checked_range(ru_range, len(ru_side.sentences), ru.label)
    inside = []
    for b in fixed:
        if not (all(k0 <= i < k1 for i in b.kk) and all(r0 <= j < r1 for j in b.ru)):
            where = f"kk {b.kk[0] + 1 if b.kk else '–'} ru {b.ru[0] + 1 if b.ru else '–'}"
            raise AlignmentError(f"the confirmed bead at {where} lies outside the chosen ranges; "
                                 "align the whole editions, or choose ranges that hold it")
        inside.append(aligner.Bead(tuple(i - k0 for i in b.kk), tuple(j - r0 for j in b.ru), b.score))
    middle = aligner.align(side_part(kk_side, k0, k1), side_part(ru_side, r0, r1), config, glossary=glossary,
                           fixed=inside, **extra)
    beads = ([aligner.Bead((i,), ()) for i in range(k0)] + [aligner.Bead((), (j,)) for j in range(r0)]
             + [aligner.Bead(tuple(i + k0 for i in b.kk), tuple(j + r0 for j in b.ru), b.score)
                for b in middle]
             + [aligner.Bead((i,), ()) for i in range(k1, len(kk_side.sentences))]
             + [aligner.Bead((), (j,)) for j in range(r1, len(ru_side.sentences))])
    return AlignPlan(kk.id, ru.id, fixed, beads)


def _checked_range(given: SentenceRange | None, size: int, label: str) -> tuple[int, int]:
    """0-based [start, end) of a 1-based inclusive range (the whole side when None)."""
    if given is None:
        return 0, size
    first, last = given
    if not 1 <= first <= last <= size:
        raise AlignmentError(f"{label}: sentences {first}–{last} are not a range within 1–{size}")
    return first - 1, last


def side_part(side: aligner.Side, start: int, end: int) -> aligner.Side:
    def inside(indices: frozenset[int]) -> frozenset[int]:
        return frozenset(i - start for i in indices if start <= i < end)

    return aligner.Side(sentences=side.sentences[start:end], paragraph_starts=inside(side.paragraph_starts),
                        headings=inside(side.headings))


def apply_plan(session: Session, plan: AlignPlan) -> AlignResult:
    """Store a planned alignment, unless a bead was confirmed or unconfirmed since it was planned."""
    kk, ru = session.get(Edition, plan.kk_id), session.get(Edition, plan.ru_id)
    if kk is None or ru is None:
        raise AlignmentError("an edition of the pair was deleted while aligning")
    alignment = find_alignment(session, kk, ru)
    if alignment is None:
        if plan.fixed:
            raise Conflict("the alignment was deleted while aligning; start it again")
        alignment = Alignment(kk_edition_id=kk.id, ru_edition_id=ru.id)
        session.add(alignment)
        session.flush()
    elif [(b.kk, b.ru) for b in confirmed_beads(session, alignment.id)] != [(b.kk, b.ru) for b in plan.fixed]:
        raise Conflict("beads were confirmed or changed while aligning; nothing was stored — start it again")
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
            Segment.edition_id == edition_id, Segment.position.in_(sorted(positions))))
        text.update(((edition_id, p), t) for p, t in found)
    return [(" ".join(text[(r.kk_edition_id, p)] for p in range(r.kk_start, r.kk_end)),
             " ".join(text[(r.ru_edition_id, p)] for p in range(r.ru_start, r.ru_end))) for r in rows]


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
