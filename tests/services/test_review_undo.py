"""Undo and redo per user, and optimistic locking: a stale version changes nothing."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "web"))
from review_builders import KK, build_demo  # noqa: E402

from workbench.db import transaction  # noqa: E402
from workbench.errors import InputError  # noqa: E402
from workbench.models import Bead, Change, Segment  # noqa: E402
from workbench.services import review, review_undo  # noqa: E402


@pytest.fixture
def aid(sessions) -> int:
    with transaction(sessions) as s:
        return build_demo(s).alignment_id


def state(sessions, aid):
    with transaction(sessions) as s:
        return [(b.id, b.position, b.kk_start, b.kk_end, b.ru_start, b.ru_end, b.status, b.comment)
                for b in s.scalars(select(Bead).where(Bead.alignment_id == aid).order_by(Bead.position))]


def bead(sessions, aid, position):
    with transaction(sessions) as s:
        b = s.scalar(select(Bead).where(Bead.alignment_id == aid, Bead.position == position))
        return b.id, b.version


def merge(run_in, sessions, aid, position, user="ann"):
    b, v = bead(sessions, aid, position)
    _, nv = bead(sessions, aid, position + 1)
    run_in(review.merge, aid, b, v, nv, user)


@pytest.mark.parametrize("operation", ["merge", "split", "move", "detach", "confirm", "comment"])
def test_undo_restores_the_beads_and_redo_applies_the_change_again(run_in, sessions, aid, operation):
    original = state(sessions, aid)
    b1, v1 = bead(sessions, aid, 1)
    b2, v2 = bead(sessions, aid, 2)
    if operation == "merge":
        run_in(review.merge, aid, b1, v1, v2, "ann")
    elif operation == "split":
        merge(run_in, sessions, aid, 1)
        original = state(sessions, aid)
        b1, v1 = bead(sessions, aid, 1)
        run_in(review.split, aid, b1, v1, 1, 1, "ann")
    elif operation == "move":
        run_in(review.move, aid, b2, v2, "ru", "prev", v1, "ann")
    elif operation == "detach":
        run_in(review.detach, aid, b1, v1, "kk", 0, "ann")
    elif operation == "confirm":
        run_in(review.set_status, aid, b1, v1, True, "ann")
    else:
        run_in(review.comment, aid, b1, v1, "см. сноску", "ann")
    changed = state(sessions, aid)
    assert changed != original
    run_in(review_undo.undo, aid, "ann")
    assert state(sessions, aid) == original  # same ids, same ranges, same status
    run_in(review_undo.redo, aid, "ann")
    assert state(sessions, aid) == changed


def test_undo_walks_back_several_steps_and_redo_forward_again(run_in, sessions, aid):
    s0 = state(sessions, aid)
    merge(run_in, sessions, aid, 1)
    s1 = state(sessions, aid)
    merge(run_in, sessions, aid, 2)
    s2 = state(sessions, aid)
    run_in(review_undo.undo, aid, "ann")
    assert state(sessions, aid) == s1
    run_in(review_undo.undo, aid, "ann")
    assert state(sessions, aid) == s0
    with pytest.raises(InputError, match="nothing to undo"):
        run_in(review_undo.undo, aid, "ann")
    run_in(review_undo.redo, aid, "ann")
    run_in(review_undo.redo, aid, "ann")
    assert state(sessions, aid) == s2
    with pytest.raises(InputError, match="nothing to redo"):
        run_in(review_undo.redo, aid, "ann")


def test_a_new_change_empties_the_redo_stack(run_in, sessions, aid):
    merge(run_in, sessions, aid, 1)
    run_in(review_undo.undo, aid, "ann")
    merge(run_in, sessions, aid, 3)
    with pytest.raises(InputError, match="nothing to redo"):
        run_in(review_undo.redo, aid, "ann")


def test_undo_is_per_user(run_in, sessions, aid):
    merge(run_in, sessions, aid, 1, user="ann")
    after_ann = state(sessions, aid)
    with pytest.raises(InputError, match="nothing to undo"):
        run_in(review_undo.undo, aid, "bob")
    merge(run_in, sessions, aid, 4, user="bob")
    run_in(review_undo.undo, aid, "bob")
    assert state(sessions, aid) == after_ann


def test_undo_refuses_when_someone_else_changed_the_beads_since(run_in, sessions, aid):
    merge(run_in, sessions, aid, 1, user="ann")
    b1, v1 = bead(sessions, aid, 1)
    run_in(review.set_status, aid, b1, v1, True, "bob")
    now = state(sessions, aid)
    with pytest.raises(review.BeadConflict, match="changed since"):
        run_in(review_undo.undo, aid, "ann")
    assert state(sessions, aid) == now


def test_undo_of_a_text_edit_restores_the_text(run_in, sessions, session, aid):
    seg = session.scalar(select(Segment).where(Segment.text == KK[0]))
    run_in(review.edit_text, aid, seg.id, seg.version, "Түзетілген сөйлем.", "ed")
    run_in(review_undo.undo, aid, "ed")
    session.expire_all()
    assert session.get(Segment, seg.id).text == KK[0]
    run_in(review_undo.redo, aid, "ed")
    session.expire_all()
    assert session.get(Segment, seg.id).text == "Түзетілген сөйлем."


def test_undo_of_confirm_above_sets_the_beads_back_to_auto(run_in, sessions, aid):
    run_in(review.confirm_above, aid, 0.8, "ann")
    assert sum(1 for r in state(sessions, aid) if r[6] == "confirmed") == 3
    run_in(review_undo.undo, aid, "ann")
    assert all(r[6] == "auto" for r in state(sessions, aid))


def test_undo_and_redo_are_recorded_in_the_history(run_in, sessions, session, aid):
    merge(run_in, sessions, aid, 1)
    run_in(review_undo.undo, aid, "ann")
    run_in(review_undo.redo, aid, "ann")
    actions = list(session.scalars(select(Change.action).order_by(Change.id)))
    assert actions == ["merge", "undo", "redo"]


@pytest.mark.parametrize("operation", ["merge", "split", "confirm", "comment", "detach", "move"])
def test_a_stale_version_is_a_conflict_and_changes_nothing(run_in, sessions, aid, operation):
    b1, v1 = bead(sessions, aid, 1)
    b2, v2 = bead(sessions, aid, 2)
    run_in(review.set_status, aid, b2, v2, True, "bob")  # bob changed bead 2 since ann loaded the page
    before = state(sessions, aid)
    with pytest.raises(review.BeadConflict) as caught:
        if operation == "merge":
            run_in(review.merge, aid, b1, v1, v2, "ann")
        elif operation == "split":
            run_in(review.split, aid, b2, v2, 1, 0, "ann")
        elif operation == "confirm":
            run_in(review.set_status, aid, b2, v2, False, "ann")
        elif operation == "comment":
            run_in(review.comment, aid, b2, v2, "мой комментарий", "ann")
        elif operation == "detach":
            run_in(review.detach, aid, b2, v2, "kk", 0, "ann")
        else:
            run_in(review.move, aid, b1, v1, "kk", "next", v2, "ann")
    assert "bob" in str(caught.value) and "nothing was saved" in str(caught.value)
    assert caught.value.current["status"] == "confirmed" and caught.value.current["kk_text"] == [KK[1]]
    assert state(sessions, aid) == before


def test_an_edit_of_a_bead_that_is_gone_is_a_conflict(run_in, sessions, aid):
    b2, v2 = bead(sessions, aid, 2)
    merge(run_in, sessions, aid, 1)
    with pytest.raises(review.BeadConflict, match="no longer exists"):
        run_in(review.set_status, aid, b2, v2, True, "ann")


def test_a_stale_sentence_version_is_a_conflict(run_in, sessions, session, aid):
    seg = session.scalar(select(Segment).where(Segment.text == KK[0]))
    run_in(review.edit_text, aid, seg.id, seg.version, "Бірінші түзету.", "ed")
    with pytest.raises(review.BeadConflict, match="Бірінші түзету"):
        run_in(review.edit_text, aid, seg.id, seg.version, "Екінші түзету.", "other")
