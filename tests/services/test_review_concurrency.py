"""Edits of one bead made at the same moment from two sessions (two real transactions, two threads):
the version settles a race on one bead, edits of different beads do not wait for each other on
PostgreSQL, and an edit that moves beads waits for single-bead edits in flight."""
from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import select, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "web"))
from review_builders import build_demo  # noqa: E402

from workbench.db import transaction  # noqa: E402
from workbench.models import Bead, Change  # noqa: E402
from workbench.services import review  # noqa: E402


@pytest.fixture
def aid(sessions) -> int:
    with transaction(sessions) as s:
        return build_demo(s).alignment_id


def bead(sessions, aid, position):
    with transaction(sessions) as s:
        b = s.scalar(select(Bead).where(Bead.alignment_id == aid, Bead.position == position))
        return b.id, b.version


class InThread(threading.Thread):
    """``fn(session, *args)`` in a transaction of its own on another thread; ``outcome`` is the result
    or the exception."""

    def __init__(self, sessions, fn, *args) -> None:
        super().__init__(daemon=True)
        self.sessions, self.fn, self.args, self.outcome = sessions, fn, args, None
        self.pid: int | None = None

    def run(self) -> None:
        try:
            with transaction(self.sessions) as s:
                if s.get_bind().dialect.name == "postgresql":
                    self.pid = s.scalar(text("SELECT pg_backend_pid()"))
                self.outcome = self.fn(s, *self.args)
        except Exception as error:  # noqa: BLE001 - the test looks at what it was
            self.outcome = error


def waits_for_a_lock(sessions, thread: InThread) -> bool:
    """Whether the thread's PostgreSQL backend is (or soon is) waiting for a lock; False if it finished."""
    import time

    with sessions() as s:
        for _ in range(500):
            if not thread.is_alive():
                return False
            if thread.pid is not None and s.scalar(text(
                    "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = :pid"), {"pid": thread.pid}):
                return True
            s.rollback()
            time.sleep(0.01)
    return False


def is_postgres(sessions) -> bool:
    with sessions() as s:
        return s.get_bind().dialect.name == "postgresql"


def history(sessions, bead_id):
    with transaction(sessions) as s:
        return [(c.user, c.action, json.loads(c.after)["beads"][0]["version"]) for c in s.scalars(
            select(Change).where(Change.target_type == "bead", Change.target_id == bead_id).order_by(Change.id))]


def test_two_sessions_confirming_one_bead_at_once_one_wins_one_conflicts(sessions, aid):
    b, v = bead(sessions, aid, 3)
    first = sessions()
    try:
        review.set_status(first, aid, b, v, True, "ann")  # uncommitted: holds the bead (PostgreSQL: its row)
        second = InThread(sessions, review.set_status, aid, b, v, True, "bob")
        second.start()
        if is_postgres(sessions):
            assert waits_for_a_lock(sessions, second)
        first.commit()
    finally:
        first.close()
    second.join(60)
    assert isinstance(second.outcome, review.BeadConflict)
    assert second.outcome.current["version"] == v + 1 and second.outcome.current["status"] == "confirmed"
    assert "nothing was saved" in str(second.outcome)
    assert history(sessions, b) == [("ann", "confirm", v + 1)]


def test_a_stale_comment_is_refused_with_the_current_state_and_nothing_recorded(sessions, aid, run_in):
    b, v = bead(sessions, aid, 2)
    run_in(review.comment, aid, b, v, "первая", "ann")
    with pytest.raises(review.BeadConflict) as refused:
        run_in(review.comment, aid, b, v, "вторая", "bob")
    assert refused.value.current["comment"] == "первая" and refused.value.current["version"] == v + 1
    assert [h[:2] for h in history(sessions, b)] == [("ann", "comment")]


def test_confirming_different_beads_of_one_alignment_does_not_wait_on_postgresql(sessions, aid):
    if not is_postgres(sessions):
        pytest.skip("SQLite has one writer at a time: the second edit waits for the first by design")
    b1, v1 = bead(sessions, aid, 1)
    b2, v2 = bead(sessions, aid, 2)
    first = sessions()
    try:
        review.set_status(first, aid, b1, v1, True, "ann")  # uncommitted
        second = InThread(sessions, review.set_status, aid, b2, v2, True, "bob")
        second.start()
        second.join(60)
        assert not second.is_alive() and isinstance(second.outcome, dict), second.outcome
        first.commit()
    finally:
        first.close()
    assert history(sessions, b1) == [("ann", "confirm", v1 + 1)]
    assert history(sessions, b2) == [("bob", "confirm", v2 + 1)]


def test_a_merge_waits_for_a_confirm_in_flight_and_then_sees_it(sessions, aid):
    if not is_postgres(sessions):
        pytest.skip("SQLite has one writer at a time: nothing can interleave there")
    b1, v1 = bead(sessions, aid, 1)
    b2, v2 = bead(sessions, aid, 2)
    first = sessions()
    try:
        review.set_status(first, aid, b2, v2, True, "ann")  # uncommitted, alignment held shared
        merge = InThread(sessions, review.merge, aid, b1, v1, v2, "bob")
        merge.start()
        assert waits_for_a_lock(sessions, merge)
        first.commit()
    finally:
        first.close()
    merge.join(60)
    # the merge was made against the version bob saw before ann's confirm: refused, nothing lost
    assert isinstance(merge.outcome, review.BeadConflict), merge.outcome
    assert history(sessions, b2) == [("ann", "confirm", v2 + 1)]
    with transaction(sessions) as s:
        assert s.get(Bead, b2).status == "confirmed"


def test_a_confirm_waits_for_a_merge_in_flight(sessions, aid):
    if not is_postgres(sessions):
        pytest.skip("SQLite has one writer at a time: nothing can interleave there")
    b1, v1 = bead(sessions, aid, 1)
    b2, v2 = bead(sessions, aid, 2)
    b4, v4 = bead(sessions, aid, 4)
    first = sessions()
    try:
        review.merge(first, aid, b1, v1, v2, "ann")  # uncommitted: bead 4 moves to position 3
        confirm = InThread(sessions, review.set_status, aid, b4, v4, True, "bob")
        confirm.start()
        assert waits_for_a_lock(sessions, confirm)
        first.commit()
    finally:
        first.close()
    confirm.join(60)
    assert isinstance(confirm.outcome, dict), confirm.outcome
    assert confirm.outcome["position"] == 3  # the position after the merge, not the one before
    with transaction(sessions) as s:
        stored = s.get(Bead, b4)
        assert (stored.position, stored.status, stored.version) == (3, "confirmed", v4 + 1)


def test_a_conflict_shows_the_sentences_of_both_sides_in_order(sessions, aid, run_in):
    from review_builders import KK, RU

    b1, v1 = bead(sessions, aid, 1)
    _, v2 = bead(sessions, aid, 2)
    run_in(review.merge, aid, b1, v1, v2, "ann")  # a 2-2 bead now, at version v1 + 1
    with pytest.raises(review.BeadConflict) as refused:
        run_in(review.set_status, aid, b1, v1, True, "bob")
    current = refused.value.current
    assert (current["kk_text"], current["ru_text"]) == (KK[0:2], RU[0:2])
    assert (current["version"], current["status"], current["position"]) == (v1 + 1, "auto", 1)
    with transaction(sessions) as s:
        assert review.bead_seen(s, b1, v1 + 1).id == b1 and review.bead_seen(s, 99999, 1) is None
        with pytest.raises(review.BeadConflict):
            review.bead_seen(s, b1, v1)
