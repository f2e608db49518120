"""Pair with…: make a Kazakh and a Russian sentence, however far apart, one confirmed bead, and re-align
the stretches around it.

The beads from the one holding the Kazakh sentence to the one holding the Russian sentence form a run;
the run's sentences are aligned again with the new pair as a fixed bead (the aligner's re-alignment
between fixed beads), and the run is replaced as one recorded change, so undo takes it back whole.
Confirmed beads inside the run are never changed: the pairing is refused until they are unconfirmed.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench import align as aligner
from workbench.errors import N_, InputError
from workbench.models import Alignment, Edition, Segment
from workbench.services.aligning import align_sides, side_of, side_part
from workbench.services.review import BEADS, _bead, _run_op, bead_name, lock_alignment, snapshot


def _holding(session: Session, alignment_id: int, lang: str, n: int) -> Any:
    start, end = BEADS.c[f"{lang}_start"], BEADS.c[f"{lang}_end"]
    row = session.execute(select(BEADS).where(BEADS.c.alignment_id == alignment_id, start <= n,
                                              end > n)).first()
    if row is None:
        raise InputError(N_("no bead holds %(lang)s sentence %(n)s"), lang=lang, n=n)
    return row


def pair(session: Session, alignment_id: int, kk: int, ru: int, user: str,
         kk_version: int | None = None, ru_version: int | None = None) -> dict[str, Any]:
    """Pair Kazakh sentence ``kk`` with Russian sentence ``ru`` (1-based numbers) as a confirmed bead.

    ``kk_version`` / ``ru_version`` are the versions of the beads holding them, as the reviewer saw
    them (None when the bead was not on the page).
    """
    lock_alignment(session, alignment_id)
    alignment = session.get(Alignment, alignment_id)
    editions = {"kk": session.get(Edition, alignment.kk_edition_id),
                "ru": session.get(Edition, alignment.ru_edition_id)}
    for lang, n in (("kk", kk), ("ru", ru)):
        size = session.scalar(select(func.max(Segment.position))
                              .where(Segment.edition_id == editions[lang].id)) or 0
        if not 1 <= n <= size:
            raise InputError(N_("there is no %(lang)s sentence %(n)s; the %(lang)s edition has sentences "
                                "1–%(size)s"), lang=lang, n=n, size=size)
        if session.scalar(select(Segment.deleted).where(Segment.edition_id == editions[lang].id,
                                                        Segment.position == n)):
            raise InputError(N_("%(lang)s sentence %(n)s was deleted by an editor; it is not paired"),
                             lang=lang, n=n)
    a = _bead(session, alignment_id, _holding(session, alignment_id, "kk", kk).id, kk_version)
    b = _bead(session, alignment_id, _holding(session, alignment_id, "ru", ru).id, ru_version)
    first, last = sorted((a.position, b.position))
    run = list(session.execute(select(BEADS).where(BEADS.c.alignment_id == alignment_id,
                                                   BEADS.c.position.between(first, last))
                               .order_by(BEADS.c.position)))
    for row in run:
        if row.status == "confirmed" and not (row.kk_start == kk and row.kk_end == kk + 1
                                              and row.ru_start == ru and row.ru_end == ru + 1):
            raise InputError(N_("the bead %(bead_name)s between them is confirmed; unconfirm it first "
                                "(pairing never changes a confirmed bead)"), bead_name=bead_name(row))
    k0, k1, r0, r1 = run[0].kk_start, run[-1].kk_end, run[0].ru_start, run[-1].ru_end
    from workbench.services.glossary import term_pairs

    fixed = aligner.Bead((kk - k0,), (ru - r0,), 1.0)
    beads = align_sides(side_part(side_of(session, editions["kk"]), k0 - 1, k1 - 1),
                        side_part(side_of(session, editions["ru"]), r0 - 1, r1 - 1),
                        glossary=term_pairs(session), fixed=[fixed])
    specs: list[dict[str, Any]] = []
    next_kk, next_ru = k0, r0
    for bead in beads:
        kk_range = [k0 + bead.kk[0], k0 + bead.kk[-1] + 1] if bead.kk else [next_kk, next_kk]
        ru_range = [r0 + bead.ru[0], r0 + bead.ru[-1] + 1] if bead.ru else [next_ru, next_ru]
        next_kk, next_ru = kk_range[1], ru_range[1]
        spec: dict[str, Any] = {"kk": kk_range, "ru": ru_range, "score": float(bead.score), "status": "auto"}
        if bead == fixed:
            spec = snapshot(a) | {"kk": kk_range, "ru": ru_range, "score": 1.0, "status": "confirmed"}
        specs.append(spec)
    return _run_op(session, alignment_id, "pair", a, run, specs, user)
