"""Bead files and strict / lax scoring."""
from __future__ import annotations

import pytest

from workbench.align import Bead, format_bead, lowest_scored_error_rate, parse_beads, score_alignment
from workbench.errors import InputError

GOLD = [Bead((0,), (0,)), Bead((1, 2), (1,)), Bead((3,), ()), Bead((4,), (2, 3))]


def test_bead_is_formatted_like_the_gold_files():
    assert [format_bead(b) for b in GOLD] == ["[0]:[0]", "[1,2]:[1]", "[3]:[]", "[4]:[2,3]"]


def test_bead_file_round_trips_and_skips_comments_and_scores():
    text = "# gold\n" + "\n".join(format_bead(b) for b in GOLD) + "\n[5]:[4]\t0.25\n\n"
    beads = parse_beads(text, "gold.txt")
    assert beads[:4] == GOLD
    assert beads[4] == Bead((5,), (4,), 0.25)


@pytest.mark.parametrize("line", ["[0]-[1]", "[a]:[1]", "[]:[]", "[0]:[1]:[2]"])
def test_unreadable_bead_names_file_and_line(line):
    with pytest.raises(InputError, match=r"^gold\.txt:2: "):
        parse_beads("[0]:[0]\n" + line + "\n", "gold.txt")


def test_identical_alignment_scores_one():
    s = score_alignment(GOLD, GOLD)
    assert (s.strict_f1, s.lax_f1) == (1.0, 1.0)


def test_shifted_alignment_scores_zero():
    gold = [Bead((i,), (i,)) for i in range(5)]
    shifted = [Bead((i,), (i + 1,)) for i in range(4)]
    s = score_alignment(gold, shifted)
    assert (s.strict_f1, s.lax_f1) == (0.0, 0.0)


def test_merged_neighbours_are_wrong_strictly_but_right_laxly():
    gold = [Bead((i,), (i,)) for i in range(4)]
    merged = [Bead((0, 1), (0, 1)), Bead((2, 3), (2, 3))]
    s = score_alignment(gold, merged)
    assert s.strict_f1 == 0.0 and s.lax_f1 == 1.0


def test_skips_match_laxly_only_skips():
    gold = [Bead((0,), ()), Bead((1,), (0,))]
    pred = [Bead((0,), (0,)), Bead((1,), ())]
    # [0]:[0] shares kk 0 with the gold skip, but an empty side overlaps only an empty side.
    assert score_alignment(gold, pred).lax_p == 0.0
    assert score_alignment(gold, [Bead((0,), ())]).lax_p == 1.0


def test_lowest_scored_beads_hold_the_wrong_ones():
    gold = [Bead((i,), (i,)) for i in range(20)]
    pred = [Bead((i,), (i,), 0.9) for i in range(19)] + [Bead((19,), (18,), 0.1)]
    ranking = lowest_scored_error_rate(gold, pred)
    assert (ranking.precision, ranking.recall, ranking.error_rate) == (1.0, 1.0, 0.05)
