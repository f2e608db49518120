"""Pair with…: two sentences, near or far, become a confirmed bead, the run between is re-aligned, the
change is one undoable step; confirmed beads are never touched; the count before "confirm above"."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "web"))
from review_builders import build_demo  # noqa: E402

from workbench.db import transaction  # noqa: E402
from workbench.errors import InputError  # noqa: E402
from workbench.models import Alignment, Bead, Change  # noqa: E402
from workbench.services import review, review_page, review_pair, review_undo  # noqa: E402

from test_review_operations import covers_everything  # noqa: E402


@pytest.fixture
def aid(sessions) -> int:
    with transaction(sessions) as s:
        return build_demo(s).alignment_id


def rows(sessions, aid):
    with sessions() as s:
        return [(b.position, b.kk_start, b.kk_end, b.ru_start, b.ru_end, b.status) for b in s.scalars(
            select(Bead).where(Bead.alignment_id == aid).order_by(Bead.position))]


def shapes(sessions, aid):
    return [(k0, k1, r0, r1) for _, k0, k1, r0, r1, _ in rows(sessions, aid)]


def test_pairing_far_apart_makes_one_confirmed_bead_and_realigns_around_it(run_in, sessions, aid):
    # kk 2 with ru 4: beads 2..4 are re-aligned with (kk 2, ru 4) fixed.
    result = run_in(review_pair.pair, aid, 2, 4, "ann")
    now = rows(sessions, aid)
    assert covers_everything(now)
    paired = [r for r in now if r[5] == "confirmed"]
    assert [(k0, k1, r0, r1) for _, k0, k1, r0, r1, _ in paired] == [(2, 3, 4, 5)]
    assert result["beads"] and any(b["status"] == "confirmed" for b in result["beads"])
    # Monotone: ru 2 and ru 3 come before the pair, kk 3 and kk 4 after it.
    position = paired[0][0]
    before = [r for r in now if r[0] < position]
    after = [r for r in now if r[0] > position]
    assert max(r[4] for r in before) <= 4 and min(r[1] for r in after) >= 3
    with sessions() as s:
        change = s.scalar(select(Change).where(Change.action == "pair"))
        assert change.user == "ann" and change.state == "done"
        assert "kk 2 ru 4 (confirmed)" in review_page.change_line(change)["after"]
        assert json.loads(change.before)["beads"][0]["kk"] == [2, 3]


def test_pairing_is_undone_and_redone_as_one_step(run_in, sessions, aid):
    before = rows(sessions, aid)
    run_in(review_pair.pair, aid, 1, 3, "ann")
    paired = rows(sessions, aid)
    assert paired != before
    run_in(review_undo.undo, aid, "ann")
    assert rows(sessions, aid) == before
    run_in(review_undo.redo, aid, "ann")
    assert rows(sessions, aid) == paired


def test_pairing_an_existing_one_to_one_bead_just_confirms_it(run_in, sessions, aid):
    before = shapes(sessions, aid)
    run_in(review_pair.pair, aid, 3, 3, "ann")
    assert shapes(sessions, aid) == before
    assert rows(sessions, aid)[2][5] == "confirmed"


def test_a_confirmed_bead_between_them_is_never_changed(run_in, sessions, aid):
    with sessions() as s:
        third = s.scalar(select(Bead).where(Bead.alignment_id == aid, Bead.position == 3))
        bead_id, version = third.id, third.version
    run_in(review.set_status, aid, bead_id, version, True, "bob")
    before = rows(sessions, aid)
    with pytest.raises(InputError, match="the bead kk 3 · ru 3 between them is confirmed; unconfirm it first"):
        run_in(review_pair.pair, aid, 1, 5, "ann")
    assert rows(sessions, aid) == before


def test_bad_numbers_and_stale_versions_are_refused(run_in, sessions, aid):
    with pytest.raises(InputError, match="there is no ru sentence 99; the ru edition has sentences 1–6"):
        run_in(review_pair.pair, aid, 1, 99, "ann")
    with pytest.raises(review.BeadConflict, match="the bead kk 1 · ru 1 was changed"):
        run_in(review_pair.pair, aid, 1, 2, "ann", 7, None)


def test_count_above_and_finding_sentences(run_in, sessions, aid):
    with sessions() as s:
        alignment = s.get(Alignment, aid)
        assert review_page.count_above(s, alignment, 0.85) == 3
        assert review_page.count_above(s, alignment, 0.99) == 0
        assert [x["n"] for x in review_page.find_sentences(s, alignment, "ru", "столица")] == [2]
        assert [x["n"] for x in review_page.find_sentences(s, alignment, "kk", "4")] == [2, 3, 4, 5, 6]
        assert review_page.find_sentences(s, alignment, "kk", "") == []
    assert run_in(review.confirm_above, aid, 0.85, "ann") == 3
