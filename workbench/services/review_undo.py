"""Undo and redo per user, from the Change records of the review workspace.

A user's undoable changes in an alignment form a stack (``Change.state`` "done"); undo takes the
newest, checks that the beads (or the sentence) are still exactly as that change left them, and
turns them back into the recorded "before" state, keeping the beads' ids (at newer versions). Redo
does the reverse for the change undone last; any new change empties the user's redo stack.
"""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from workbench.errors import N_, InputError, Message
from workbench.models import Change, Segment, utcnow
from workbench.services.review import BEADS, BeadConflict, lock_alignment, record, replace_run, same_content, set_text


def _apply(session: Session, change: Change, source: dict[str, Any], target: dict[str, Any],
           user: str) -> None:
    """Turn the state ``source`` of a change back into ``target`` if nobody changed it since."""
    alignment_id = change.alignment_id
    if change.target_type == "segment":
        seg = session.execute(select(Segment.id, Segment.text, Segment.version)
                              .where(Segment.id == change.target_id)).first()
        if seg is None or seg.text != source["text"]:
            raise BeadConflict(Message(N_("sentence %(position)s was changed since; that change cannot be "
                                          "undone"), position=source['position']))
        set_text(session, seg.id, seg.version, target["text"])
    elif change.action == "confirm-above":
        pairs = source["beads"]
        rows = {r.id: r for r in session.execute(select(BEADS.c.id, BEADS.c.version, BEADS.c.status)
                                                 .where(BEADS.c.id.in_([p[0] for p in pairs])))}
        if any(p[0] not in rows or rows[p[0]].status != source["status"] for p in pairs):
            raise BeadConflict(Message(N_("some of those beads were changed since; the bulk confirmation "
                                          "cannot be undone")))
        session.execute(update(BEADS).where(BEADS.c.id.in_([p[0] for p in pairs]))
                        .values(status=target["status"], version=BEADS.c.version + 1, updated_by=user,
                                updated_at=utcnow()))
    else:
        ids = [s["id"] for s in source["beads"]]
        rows = {r.id: r for r in session.execute(select(BEADS).where(BEADS.c.id.in_(ids),
                                                                       BEADS.c.alignment_id == alignment_id))}
        for snap in source["beads"]:
            row = rows.get(snap["id"])
            if row is None or not same_content(row, snap):
                who = Message(N_(" by %(name)s"),
                      name=row.updated_by) if row is not None and row.updated_by else ""
                raise BeadConflict(Message(N_("the beads of that %(action)s were changed since%(by)s; it "
                                              "cannot be undone or redone — nothing was changed"),
                                   action=Message(change.action), by=who))
        # Beads that come back are re-created under their old ids at a version above the one they had.
        replace_run(session, alignment_id, sorted(rows.values(), key=lambda r: r.position), target["beads"], user)


def undo(session: Session, alignment_id: int, user: str) -> Message:
    """Undo the user's latest change in this alignment; returns what was undone."""
    lock_alignment(session, alignment_id)
    change = session.scalar(select(Change).where(Change.user == user, Change.alignment_id == alignment_id,
                                                 Change.state == "done").order_by(Change.id.desc()).limit(1))
    if change is None:
        raise InputError(N_("nothing to undo"))
    before, after = json.loads(change.before), json.loads(change.after)
    _apply(session, change, after, before, user)
    change.state = "undone"
    record(session, user, "undo", change.target_type, change.target_id, alignment_id,
            {"of": change.id, "action": change.action, **after}, {"of": change.id, **before}, state="log")
    return Message(N_("undid %(action)s"), action=Message(change.action))


def redo(session: Session, alignment_id: int, user: str) -> Message:
    """Redo the change the user undid last in this alignment; returns what was redone."""
    lock_alignment(session, alignment_id)
    change = session.scalar(select(Change).where(Change.user == user, Change.alignment_id == alignment_id,
                                                 Change.state == "undone").order_by(Change.id).limit(1))
    if change is None:
        raise InputError(N_("nothing to redo"))
    before, after = json.loads(change.before), json.loads(change.after)
    _apply(session, change, before, after, user)
    change.state = "done"
    record(session, user, "redo", change.target_type, change.target_id, alignment_id,
            {"of": change.id, "action": change.action, **before}, {"of": change.id, **after}, state="log")
    return Message(N_("redid %(action)s"), action=Message(change.action))
