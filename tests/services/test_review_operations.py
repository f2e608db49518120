"""The review service: every bead operation, confirmed beads, history, and optimistic locking."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "web"))
from review_builders import BEADS, KK, RU, build_demo  # noqa: E402

from workbench.db import transaction  # noqa: E402
from workbench.errors import InputError  # noqa: E402
from workbench.models import Bead, Change, Segment  # noqa: E402
from workbench.services import review  # noqa: E402


@pytest.fixture
def aid(sessions) -> int:
    with transaction(sessions) as s:
        return build_demo(s).alignment_id


def beads(sessions, aid):
    with transaction(sessions) as s:
        return [(b.position, b.kk_start, b.kk_end, b.ru_start, b.ru_end, b.status) for b in s.scalars(
            select(Bead).where(Bead.alignment_id == aid).order_by(Bead.position))]


def bead(sessions, aid, position):
    with transaction(sessions) as s:
        b = s.scalar(select(Bead).where(Bead.alignment_id == aid, Bead.position == position))
        return b.id, b.version


def covers_everything(rows) -> bool:
    """Beads are numbered 1..n and tile both editions in order, with nothing left out."""
    kk, ru = 1, 1
    for n, (pos, ks, ke, rs, re_, _) in enumerate(rows, start=1):
        if pos != n or ks != kk or rs != ru or (ks == ke and rs == re_):
            return False
        kk, ru = ke, re_
    return kk == len(KK) + 1 and ru == len(RU) + 1


def test_merge_joins_a_bead_with_the_next_and_renumbers_the_rest(run_in, sessions, aid):
    b1, v1 = bead(sessions, aid, 1)
    _, v2 = bead(sessions, aid, 2)
    run_in(review.merge, aid, b1, v1, v2, "ann")
    rows = beads(sessions, aid)
    assert rows[0] == (1, 1, 3, 1, 3, "auto")
    assert len(rows) == len(BEADS) - 1 and covers_everything(rows)


def test_merge_of_the_last_bead_is_refused(run_in, sessions, aid):
    last, v = bead(sessions, aid, len(BEADS))
    with pytest.raises(InputError, match="no next bead"):
        run_in(review.merge, aid, last, v, None, "ann")


def test_split_after_kth_kk_and_mth_ru_sentence(run_in, sessions, aid):
    b1, v1 = bead(sessions, aid, 1)
    _, v2 = bead(sessions, aid, 2)
    run_in(review.merge, aid, b1, v1, v2, "ann")
    b1, v1 = bead(sessions, aid, 1)
    run_in(review.split, aid, b1, v1, 1, 1, "ann")
    rows = beads(sessions, aid)
    assert rows[:2] == [(1, 1, 2, 1, 2, "auto"), (2, 2, 3, 2, 3, "auto")]
    assert covers_everything(rows)


@pytest.mark.parametrize("k, m", [(0, 0), (1, 1), (2, 0), (-1, 1)])
def test_split_that_leaves_a_part_empty_is_refused(run_in, sessions, aid, k, m):
    b1, v1 = bead(sessions, aid, 1)
    with pytest.raises(InputError):
        run_in(review.split, aid, b1, v1, k, m, "ann")


def test_move_sentence_to_previous_and_next_bead(run_in, sessions, aid):
    b2, v2 = bead(sessions, aid, 2)
    _, v1 = bead(sessions, aid, 1)
    run_in(review.move, aid, b2, v2, "kk", "prev", v1, "ann")
    rows = beads(sessions, aid)
    assert rows[0] == (1, 1, 3, 1, 2, "auto") and rows[1] == (2, 3, 3, 2, 3, "auto")
    b1, v1 = bead(sessions, aid, 1)
    _, v2 = bead(sessions, aid, 2)
    run_in(review.move, aid, b1, v1, "kk", "next", v2, "ann")
    assert beads(sessions, aid)[:2] == [(1, 1, 2, 1, 2, "auto"), (2, 2, 3, 2, 3, "auto")]


def test_moving_the_only_sentences_away_removes_the_bead(run_in, sessions, aid):
    b5, v5 = bead(sessions, aid, 5)  # the 1-0 bead
    _, v4 = bead(sessions, aid, 4)
    run_in(review.move, aid, b5, v5, "kk", "prev", v4, "ann")
    rows = beads(sessions, aid)
    assert len(rows) == len(BEADS) - 1 and rows[3] == (4, 4, 6, 4, 5, "auto")
    assert covers_everything(rows)


def test_detach_makes_a_sentence_stand_alone(run_in, sessions, aid):
    b1, v1 = bead(sessions, aid, 1)
    run_in(review.detach, aid, b1, v1, "ru", 0, "ann")
    rows = beads(sessions, aid)
    assert rows[:2] == [(1, 1, 1, 1, 2, "auto"), (2, 1, 2, 2, 2, "auto")]
    assert covers_everything(rows)


def test_detach_a_later_sentence_keeps_the_partner_with_the_earlier_ones(run_in, sessions, aid):
    b1, v1 = bead(sessions, aid, 1)
    _, v2 = bead(sessions, aid, 2)
    run_in(review.merge, aid, b1, v1, v2, "ann")  # 2-2
    b1, v1 = bead(sessions, aid, 1)
    run_in(review.detach, aid, b1, v1, "kk", 1, "ann")
    assert beads(sessions, aid)[:2] == [(1, 1, 2, 1, 3, "auto"), (2, 2, 3, 3, 3, "auto")]


def test_detach_of_a_lone_sentence_is_refused(run_in, sessions, aid):
    b5, v5 = bead(sessions, aid, 5)
    with pytest.raises(InputError, match="already stands alone"):
        run_in(review.detach, aid, b5, v5, "kk", 0, "ann")


def test_confirm_unconfirm_and_confirm_above_a_score(run_in, sessions, aid):
    b3, v3 = bead(sessions, aid, 3)
    run_in(review.set_status, aid, b3, v3, True, "ann")
    assert beads(sessions, aid)[2][5] == "confirmed"
    b3, v3 = bead(sessions, aid, 3)
    run_in(review.set_status, aid, b3, v3, False, "ann")
    assert beads(sessions, aid)[2][5] == "auto"
    assert run_in(review.confirm_above, aid, 0.85, "ann") == 3
    assert [r[5] for r in beads(sessions, aid)] == ["confirmed", "confirmed", "auto", "auto", "auto",
                                                    "confirmed", "auto"]


def test_comment_is_kept_on_the_bead(run_in, sessions, session, aid):
    b2, v2 = bead(sessions, aid, 2)
    run_in(review.comment, aid, b2, v2, "  проверить по PDF  ", "ann")
    assert session.get(Bead, b2).comment == "проверить по PDF"


def test_edit_text_changes_text_keeps_original_and_records_both(run_in, sessions, session, aid):
    seg = session.scalar(select(Segment).where(Segment.position == 2, Segment.text == KK[1]))
    run_in(review.edit_text, aid, seg.id, seg.version, "Астанасы — Астана.", "ed")
    session.expire_all()
    stored = session.get(Segment, seg.id)
    assert (stored.text, stored.original) == ("Астанасы — Астана.", KK[1])
    change = session.scalar(select(Change).where(Change.action == "edit-text"))
    assert (json.loads(change.before)["text"], json.loads(change.after)["text"]) == (KK[1], "Астанасы — Астана.")
    assert change.user == "ed"


def test_every_operation_is_recorded_with_who_and_before_after(run_in, sessions, session, aid):
    b1, v1 = bead(sessions, aid, 1)
    run_in(review.set_status, aid, b1, v1, True, "ann")
    change = session.scalar(select(Change))
    assert (change.user, change.action, change.target_id) == ("ann", "confirm", b1)
    assert json.loads(change.before)["beads"][0]["status"] == "auto"
    assert json.loads(change.after)["beads"][0]["status"] == "confirmed"


def test_realign_keeps_confirmed_beads_exactly(run_in, sessions, aid):
    b2, v2 = bead(sessions, aid, 2)
    b4, v4 = bead(sessions, aid, 4)
    run_in(review.set_status, aid, b2, v2, True, "ann")
    run_in(review.set_status, aid, b4, v4, True, "ann")
    before = [r for r in beads(sessions, aid) if r[5] == "confirmed"]
    run_in(review.realign, aid, "ann")
    after = beads(sessions, aid)
    assert [r[1:] for r in after if r[5] == "confirmed"] == [r[1:] for r in before]
    assert covers_everything(after)
