"""Bead operations of the review workspace: merge, split, move, detach, confirm, comment, edit text,
re-align — each checked against the version the reviewer saw (undo and redo: ``review_undo``).

Every operation replaces a *run* of consecutive beads by a new run (``replace_run``) and records a
``Change`` whose ``before``/``after`` hold the two runs as JSON snapshots; ``review_undo`` turns the
"after" run back into the "before" run (and redo the other way).

Optimistic locking: the caller passes the version of each bead it saw; every UPDATE and DELETE is
conditional on that version, so a stale request raises :class:`BeadConflict` and writes nothing (the
caller's transaction rolls back). The alignment row is locked first, which serialises edits of one
alignment on PostgreSQL and takes SQLite's write lock before anything is read. Edits of one bead alone
(confirm, unconfirm, comment) take that lock shared (:func:`share_alignment`): they run side by side,
each guarded by its bead's version, while merges, splits, moves, undo and re-aligning wait for them
and they for those.
"""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import and_, delete, insert, or_, select, update
from sqlalchemy.orm import Session

from workbench.errors import N_, Conflict, InputError, Message, NotFound
from workbench.models import Alignment, Bead, Change, Edition, Segment, utcnow
from workbench.text.normalise import nfc

BEADS = Bead.__table__
MAX_COMMENT = 2000
MAX_TEXT = 5000
RUN_ACTIONS = ("merge", "split", "move", "detach", "confirm", "unconfirm", "comment", "pair")


class BeadConflict(Conflict):
    """A bead changed since the reviewer loaded it; ``current`` is its state now (None: it is gone)."""

    def __init__(self, message: str, current: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.current = current


# --- snapshots ------------------------------------------------------------------------------

def snapshot(row: Any) -> dict[str, Any]:
    """A bead row as stored in a Change: ranges, score, status, comment, id and version."""
    return {"id": row.id, "kk": [row.kk_start, row.kk_end], "ru": [row.ru_start, row.ru_end],
            "score": row.score, "status": row.status, "comment": row.comment, "version": row.version}


def same_content(row: Any, snap: dict[str, Any]) -> bool:
    return ([row.kk_start, row.kk_end] == snap["kk"] and [row.ru_start, row.ru_end] == snap["ru"]
            and row.status == snap["status"] and (row.comment or None) == (snap["comment"] or None))


def describe(snap: dict[str, Any]) -> str:
    """``2-1 kk 12–13 ru 10 (confirmed)`` for history lines."""
    def rng(r: list[int]) -> str:
        return sentence_numbers(r[0], r[1])
    shape = f"{snap['kk'][1] - snap['kk'][0]}-{snap['ru'][1] - snap['ru'][0]}"
    note = f", comment «{snap['comment']}»" if snap.get("comment") else ""
    return f"{shape} kk {rng(snap['kk'])} ru {rng(snap['ru'])} ({snap['status']}{note})"


def sentence_numbers(start: int, end: int) -> str:
    """``77``, ``77–78`` or ``–`` (no sentence): the sentence numbers users see on the page."""
    return "–" if start == end else str(start) if end - start == 1 else f"{start}–{end - 1}"


def bead_name(row: Any) -> str:
    """A bead named by its sentences, as everywhere in the workbench: ``kk 77–78 · ru 75``."""
    kk, ru = sentence_numbers(row.kk_start, row.kk_end), sentence_numbers(row.ru_start, row.ru_end)
    return f"kk {kk} · ru {ru}"


def current_state(session: Session, bead_id: int, row: Any = None) -> dict[str, Any] | None:
    """The bead as it is now, with its sentences, for a conflict answer (``row``: the bead's row as
    just read in this transaction, else it is read)."""
    if row is None:
        row = session.execute(select(BEADS).where(BEADS.c.id == bead_id)).first()
    if row is None:
        return None
    state = snapshot(row) | {"position": row.position, "updated_by": row.updated_by,
                             "updated_at": row.updated_at.isoformat(timespec="seconds")}
    # both sides' sentences in one query, the editions found through the alignment
    a, seg = Alignment.__table__, Segment.__table__
    sentences = session.execute(
        select(seg.c.edition_id == a.c.kk_edition_id, seg.c.text)
        .select_from(seg.join(a, a.c.id == row.alignment_id))
        .where(seg.c.deleted.is_(False), or_(
            and_(seg.c.edition_id == a.c.kk_edition_id, seg.c.position >= row.kk_start, seg.c.position < row.kk_end),
            and_(seg.c.edition_id == a.c.ru_edition_id, seg.c.position >= row.ru_start, seg.c.position < row.ru_end)))
        .order_by(seg.c.position)).all()
    state["kk_text"] = [text for is_kk, text in sentences if is_kk]
    state["ru_text"] = [text for is_kk, text in sentences if not is_kk]
    return state


# --- the building blocks ----------------------------------------------------------------------

def lock_alignment(session: Session, alignment_id: int) -> None:
    """Take the alignment's write lock (a no-op UPDATE); NotFound when there is no such alignment."""
    done = session.execute(update(Alignment).where(Alignment.id == alignment_id)
                           .values(bead_count=Alignment.bead_count)
                           .execution_options(synchronize_session=False))
    if done.rowcount == 0:
        raise NotFound(N_("no alignment %(alignment_id)s"), alignment_id=alignment_id)


def share_alignment(session: Session, alignment_id: int) -> None:
    """Take the alignment's lock shared, for an edit of one bead that moves no other bead.

    On PostgreSQL ``SELECT … FOR SHARE`` on the alignment row: edits of single beads do not wait for
    each other (their conditional UPDATE on the bead's version settles a race on one bead), but an
    edit holding :func:`lock_alignment` (which changes the row) excludes them until it commits, so a
    merge, split, undo or re-align never sees a bead change under it. SQLite has one writer at a time
    anyway: there the write lock is taken first, as :func:`lock_alignment` does, so that reading the
    bead never has to be upgraded to writing. NotFound when there is no such alignment.
    """
    if session.get_bind().dialect.name != "postgresql":
        lock_alignment(session, alignment_id)
        return
    found = session.execute(select(Alignment.id).where(Alignment.id == alignment_id)
                            .with_for_update(read=True)).first()
    if found is None:
        lock_alignment(session, alignment_id)  # raises NotFound


def bead_seen(session: Session, bead_id: int, version: int) -> Any:
    """The bead's row if ``version`` is still its version, None when there is no such bead; a stale
    version raises :class:`BeadConflict` with the current state at once, before any transaction locks
    or writes (the edit itself checks the version again, under its lock)."""
    row = session.execute(select(BEADS).where(BEADS.c.id == bead_id)).first()
    return None if row is None else _bead(session, row.alignment_id, bead_id, version, row)


def _bead(session: Session, alignment_id: int, bead_id: int, version: int | None, row: Any = None) -> Any:
    """The bead row, checked against the version the reviewer saw (``row``: the row just read)."""
    if row is None:
        row = session.execute(select(BEADS).where(BEADS.c.id == bead_id)).first()
    if row is None or row.alignment_id != alignment_id:
        raise BeadConflict(Message(N_("that bead no longer exists (merged, split or re-aligned since you "
                                      "loaded the page); nothing was saved — reload to see the current "
                                      "beads")))
    if version is not None and row.version != version:
        who = Message(N_(" by %(name)s"), name=row.updated_by) if row.updated_by else ""
        raise BeadConflict(
            Message(N_("the bead %(bead_name)s was changed%(by)s at %(updated_at)s since you loaded it "
                       "(version %(version)s, you had %(yours)s); nothing was saved — its current "
                       "state is shown"), bead_name=bead_name(row), by=who,
                    updated_at=f"{row.updated_at:%H:%M:%S}", version=row.version, yours=version),
            current_state(session, bead_id, row))
    return row


def _neighbour(session: Session, alignment_id: int, row: Any, step: int, version: int | None) -> Any:
    other = session.execute(select(BEADS).where(BEADS.c.alignment_id == alignment_id,
                                                BEADS.c.position == row.position + step)).first()
    if other is None:
        raise InputError(N_("the bead %(bead)s has no next bead") if step > 0 else
                         N_("the bead %(bead)s has no previous bead"), bead=bead_name(row))
    return _bead(session, alignment_id, other.id, version)


def replace_run(session: Session, alignment_id: int, old: list[Any], new: list[dict[str, Any]],
                 user: str | None) -> list[dict[str, Any]]:
    """Replace the consecutive beads ``old`` by ``new`` specs; returns the snapshots of the new run.

    A spec whose ``id`` is one of ``old`` updates that bead; a spec with another id re-creates a
    bead that undo or redo brings back (under its old id, at a newer version); a spec without id
    is a new bead.
    """
    first, last = old[0].position, old[-1].position
    if [r.position for r in old] != list(range(first, last + 1)):
        raise BeadConflict(Message(N_("the beads to change are no longer next to each other; reload the "
                                      "page")))
    kept = {spec.get("id") for spec in new}
    now = utcnow()
    for r in old:
        if r.id not in kept:
            gone = session.execute(delete(BEADS).where(BEADS.c.id == r.id, BEADS.c.version == r.version))
            if gone.rowcount != 1:
                raise BeadConflict(Message(N_("the bead %(bead_name)s changed while saving; nothing was "
                                              "saved"), bead_name=bead_name(r)),
                                   current_state(session, r.id))
    delta = len(new) - len(old)
    if delta:
        session.execute(update(BEADS).where(BEADS.c.alignment_id == alignment_id, BEADS.c.position > last)
                        .values(position=BEADS.c.position + delta))
    by_id = {r.id: r for r in old}
    result = []
    for i, spec in enumerate(new):
        values = {"position": first + i, "kk_start": spec["kk"][0], "kk_end": spec["kk"][1],
                  "ru_start": spec["ru"][0], "ru_end": spec["ru"][1], "score": float(spec.get("score", 0.0)),
                  "status": spec.get("status", "auto"), "comment": spec.get("comment") or None,
                  "updated_at": now, "updated_by": user}
        bead_id = spec.get("id")
        if bead_id in by_id:
            values["version"] = by_id[bead_id].version + 1
            done = session.execute(update(BEADS).where(BEADS.c.id == bead_id,
                                                       BEADS.c.version == by_id[bead_id].version).values(**values))
            if done.rowcount != 1:
                raise BeadConflict(Message(N_("the bead %(bead_name)s changed while saving; nothing was "
                                              "saved"), bead_name=bead_name(by_id[bead_id])),
                                   current_state(session, bead_id))
        else:
            values |= {"alignment_id": alignment_id, "version": spec.get("version", 0) + 1}
            if bead_id is not None:
                values["id"] = bead_id
            bead_id = session.execute(insert(BEADS).values(**values).returning(BEADS.c.id)).scalar_one()
        result.append({"id": bead_id, "kk": list(spec["kk"]), "ru": list(spec["ru"]), "score": values["score"],
                       "status": values["status"], "comment": values["comment"], "version": values["version"]})
    if delta:
        session.execute(update(Alignment).where(Alignment.id == alignment_id)
                        .values(bead_count=Alignment.bead_count + delta)
                        .execution_options(synchronize_session=False))
    return result


def record(session: Session, user: str | None, action: str, target_type: str, target_id: int,
            alignment_id: int, before: Any, after: Any, state: str = "done") -> Change:
    """Store a Change; a new undoable change empties the user's redo stack in this alignment."""
    if state == "done":
        session.execute(update(Change).where(Change.user == user, Change.alignment_id == alignment_id,
                                             Change.state == "undone").values(state="dropped")
                        .execution_options(synchronize_session=False))
    change = Change(user=user, action=action, target_type=target_type, target_id=target_id,
                    alignment_id=alignment_id, before=json.dumps(before, ensure_ascii=False),
                    after=json.dumps(after, ensure_ascii=False), state=state)
    session.add(change)
    session.flush()
    return change


def _run_op(session: Session, alignment_id: int, action: str, target: Any, old: list[Any],
            new: list[dict[str, Any]], user: str | None) -> dict[str, Any]:
    before = [snapshot(r) for r in old]
    after = replace_run(session, alignment_id, old, new, user)
    record(session, user, action, "bead", target.id, alignment_id, {"beads": before}, {"beads": after})
    return {"position": target.position, "beads": after}


def _spec(row: Any, **changes: Any) -> dict[str, Any]:
    spec = snapshot(row)
    spec.update(changes)
    return spec


# --- operations ---------------------------------------------------------------------------------

def merge(session: Session, alignment_id: int, bead_id: int, version: int, next_version: int | None,
          user: str) -> dict[str, Any]:
    """Merge a bead with the next one (the merged bead keeps the first bead's id, status "auto")."""
    lock_alignment(session, alignment_id)
    a = _bead(session, alignment_id, bead_id, version)
    b = _neighbour(session, alignment_id, a, 1, next_version)
    comment = " / ".join(c for c in (a.comment, b.comment) if c) or None
    merged = _spec(a, kk=[a.kk_start, b.kk_end], ru=[a.ru_start, b.ru_end], score=min(a.score, b.score),
                   status="auto", comment=comment)
    return _run_op(session, alignment_id, "merge", a, [a, b], [merged], user)


def split(session: Session, alignment_id: int, bead_id: int, version: int, kk_count: int, ru_count: int,
          user: str) -> dict[str, Any]:
    """Split a bead after its ``kk_count``-th Kazakh and ``ru_count``-th Russian sentence."""
    lock_alignment(session, alignment_id)
    a = _bead(session, alignment_id, bead_id, version)
    nk, nr = a.kk_end - a.kk_start, a.ru_end - a.ru_start
    if not (0 <= kk_count <= nk and 0 <= ru_count <= nr) or (kk_count, ru_count) in ((0, 0), (nk, nr)):
        raise InputError(N_("cannot split a %(nk)s-%(nr)s bead after %(kk_count)s kk and %(ru_count)s ru "
                            "sentences: both parts need a sentence"),
                         nk=nk, nr=nr, kk_count=kk_count, ru_count=ru_count)
    k, r = a.kk_start + kk_count, a.ru_start + ru_count
    first = _spec(a, kk=[a.kk_start, k], ru=[a.ru_start, r], status="auto")
    second = {"kk": [k, a.kk_end], "ru": [r, a.ru_end], "score": a.score, "status": "auto"}
    return _run_op(session, alignment_id, "split", a, [a], [first, second], user)


def move(session: Session, alignment_id: int, bead_id: int, version: int, side: str, direction: str,
         neighbour_version: int | None, user: str) -> dict[str, Any]:
    """Move the first sentence of ``side`` to the previous bead, or its last one to the next bead.

    A bead left with no sentence on either side disappears.
    """
    if side not in ("kk", "ru") or direction not in ("prev", "next"):
        raise InputError(N_("side is kk or ru, direction prev or next"))
    lock_alignment(session, alignment_id)
    a = _bead(session, alignment_id, bead_id, version)
    start, end = getattr(a, f"{side}_start"), getattr(a, f"{side}_end")
    if start == end:
        raise InputError(N_("the bead %(bead_name)s has no %(side)s sentence to move"),
                         bead_name=bead_name(a), side=side)
    step = -1 if direction == "prev" else 1
    b = _neighbour(session, alignment_id, a, step, neighbour_version)
    b_range = [getattr(b, f"{side}_start"), getattr(b, f"{side}_end")]
    if direction == "prev":
        mine, b_range[1] = [start + 1, end], b_range[1] + 1
    else:
        mine, b_range[0] = [start, end - 1], b_range[0] - 1
    moved = _spec(a, **{side: mine, "status": "auto"})
    other = _spec(b, **{side: b_range, "status": "auto"})
    empty = moved["kk"][0] == moved["kk"][1] and moved["ru"][0] == moved["ru"][1]
    run_old = [b, a] if direction == "prev" else [a, b]
    run_new = [other] if empty else ([other, moved] if direction == "prev" else [moved, other])
    return _run_op(session, alignment_id, "move", a, run_old, run_new, user)


def detach(session: Session, alignment_id: int, bead_id: int, version: int, side: str, index: int,
           user: str) -> dict[str, Any]:
    """Make the ``index``-th (0-based) sentence of ``side`` stand alone as a 1-0 or 0-1 bead.

    The other side's sentences stay with the sentences before the detached one (or after it, when
    it is the first); sentences after it that are left without a partner stand alone too.
    """
    if side not in ("kk", "ru"):
        raise InputError(N_("side is kk or ru"))
    other_side = "ru" if side == "kk" else "kk"
    lock_alignment(session, alignment_id)
    a = _bead(session, alignment_id, bead_id, version)
    start, end = getattr(a, f"{side}_start"), getattr(a, f"{side}_end")
    o_start, o_end = getattr(a, f"{other_side}_start"), getattr(a, f"{other_side}_end")
    if not 0 <= index < end - start:
        raise InputError(N_("the bead %(bead_name)s has no %(side)s sentence %(n)s"),
                         bead_name=bead_name(a), side=side, n=index + 1)
    if end - start == 1 and o_start == o_end:
        raise InputError(N_("that sentence already stands alone in the bead %(bead_name)s"),
                         bead_name=bead_name(a))
    pos = start + index

    def bead(mine: tuple[int, int], other: tuple[int, int], keep_id: bool = False) -> dict[str, Any]:
        spec = {side: list(mine), other_side: list(other), "score": a.score, "status": "auto"}
        return _spec(a, **spec) if keep_id else spec

    if index == 0:
        new = [bead((pos, pos + 1), (o_start, o_start), keep_id=True)]
        if pos + 1 < end or o_start < o_end:
            new.append(bead((pos + 1, end), (o_start, o_end)))
    else:
        new = [bead((start, pos), (o_start, o_end), keep_id=True), bead((pos, pos + 1), (o_end, o_end))]
        new += [bead((p, p + 1), (o_end, o_end)) for p in range(pos + 1, end)]
    return _run_op(session, alignment_id, "detach", a, [a], new, user)


def set_status(session: Session, alignment_id: int, bead_id: int, version: int, confirmed: bool,
               user: str) -> dict[str, Any]:
    """Confirm a bead (re-aligning keeps it exactly) or take the confirmation back."""
    share_alignment(session, alignment_id)
    a = _bead(session, alignment_id, bead_id, version)
    action = "confirm" if confirmed else "unconfirm"
    return _run_op(session, alignment_id, action, a, [a], [_spec(a, status="confirmed" if confirmed else "auto")],
                   user)


def comment(session: Session, alignment_id: int, bead_id: int, version: int, text: str,
            user: str) -> dict[str, Any]:
    """Set (or, with empty text, remove) the reviewer's comment on a bead."""
    text = nfc(text).strip()
    if len(text) > MAX_COMMENT:
        raise InputError(N_("a comment has at most %(n)s characters"), n=MAX_COMMENT)
    share_alignment(session, alignment_id)
    a = _bead(session, alignment_id, bead_id, version)
    return _run_op(session, alignment_id, "comment", a, [a], [_spec(a, comment=text or None)], user)


def confirm_above(session: Session, alignment_id: int, threshold: float, user: str) -> int:
    """Confirm every automatic bead scored at or above ``threshold``; returns how many (one undo step)."""
    if not 0.0 <= threshold <= 1.0:
        raise InputError(N_("the score threshold is between 0 and 1"))
    lock_alignment(session, alignment_id)
    rows = session.execute(select(BEADS.c.id, BEADS.c.version).where(
        BEADS.c.alignment_id == alignment_id, BEADS.c.status == "auto", BEADS.c.score >= threshold)).all()
    if not rows:
        return 0
    session.execute(update(BEADS).where(BEADS.c.alignment_id == alignment_id, BEADS.c.status == "auto",
                                        BEADS.c.score >= threshold)
                    .values(status="confirmed", version=BEADS.c.version + 1, updated_by=user, updated_at=utcnow()))
    record(session, user, "confirm-above", "alignment", alignment_id, alignment_id,
            {"threshold": threshold, "status": "auto", "beads": [[r.id, r.version] for r in rows]},
            {"threshold": threshold, "status": "confirmed", "beads": [[r.id, r.version + 1] for r in rows]})
    return len(rows)


def edit_text(session: Session, alignment_id: int, segment_id: int, version: int, text: str,
              user: str) -> dict[str, Any]:
    """Correct a sentence's text (an erratum fix); ``original`` stays as imported, history keeps both."""
    text = nfc(text).strip()
    if not text:
        raise InputError(N_("a sentence cannot be empty; detach or merge the bead instead"))
    if len(text) > MAX_TEXT:
        raise InputError(N_("a sentence has at most %(n)s characters"), n=MAX_TEXT)
    lock_alignment(session, alignment_id)
    seg = session.execute(select(Segment.id, Segment.edition_id, Segment.position, Segment.text,
                                 Segment.version, Segment.deleted).where(Segment.id == segment_id)).first()
    alignment = session.get(Alignment, alignment_id)
    if seg is None or seg.edition_id not in (alignment.kk_edition_id, alignment.ru_edition_id):
        raise NotFound(N_("no sentence #%(segment_id)s in alignment %(alignment_id)s"),
                       segment_id=segment_id, alignment_id=alignment_id)
    if seg.deleted:
        raise InputError(N_("sentence %(position)s was deleted by an editor; undo the deletion on the "
                            "edition's corrections page to edit it"), position=seg.position)
    if seg.version != version:
        raise BeadConflict(Message(N_("sentence %(position)s was changed since you loaded it; nothing was "
                                      "saved — its text now is: %(text)s"),
                                   position=seg.position, text=seg.text), {"segment_id": seg.id, "text": seg.text,
                                                            "version": seg.version})
    set_text(session, seg.id, seg.version, text)
    lang = "kk" if seg.edition_id == alignment.kk_edition_id else "ru"
    record(session, user, "edit-text", "segment", seg.id, alignment_id,
            {"text": seg.text, "lang": lang, "position": seg.position},
            {"text": text, "lang": lang, "position": seg.position})
    return {"segment_id": seg.id, "text": text, "version": seg.version + 1}


def set_text(session: Session, segment_id: int, version: int, text: str) -> None:
    done = session.execute(update(Segment.__table__).where(Segment.__table__.c.id == segment_id,
                                                           Segment.__table__.c.version == version)
                           .values(text=text, version=version + 1))
    if done.rowcount != 1:
        raise BeadConflict(Message(N_("the sentence changed while saving; nothing was saved")))


def realign(session: Session, alignment_id: int, user: str, plan: Any = None) -> Message:
    """Re-align the stretches between confirmed beads (confirmed beads stay exactly as they are).

    ``plan`` is an ``aligning.AlignPlan`` computed beforehand outside this transaction (the job
    queue does so, to hold the write lock only while storing); it is refused when a bead was
    confirmed since.
    """
    from workbench.services.aligning import apply_plan, plan_alignment
    from workbench.services.glossary import term_pairs

    lock_alignment(session, alignment_id)
    alignment = session.get(Alignment, alignment_id)
    before = alignment.bead_count
    if plan is None:
        plan = plan_alignment(session, session.get(Edition, alignment.kk_edition_id),
                              session.get(Edition, alignment.ru_edition_id), glossary=term_pairs(session))
    result = apply_plan(session, plan)
    record(session, user, "realign", "alignment", alignment_id, alignment_id, {"beads": before},
            {"beads": result.alignment.bead_count, "kept": result.kept}, state="log")
    return result.summary()
