"""Bad requests to the aligner fail with an AlignmentError that says what is wrong."""
from __future__ import annotations

import pytest

from workbench.align import Bead, align
from workbench.errors import AlignmentError

KK = ["Бірінші сөйлем.", "Екінші сөйлем 2020 жылы.", "Үшінші сөйлем."]
RU = ["Первое предложение.", "Второе предложение в 2020 году.", "Третье предложение."]


@pytest.mark.parametrize("kk, ru, side", [([], RU, "Kazakh"), (KK, [], "Russian")])
def test_empty_side_is_refused(kk, ru, side):
    with pytest.raises(AlignmentError, match=f"the {side} side has no sentences"):
        align(kk, ru)


@pytest.mark.parametrize("fixed, message", [
    ([Bead((3,), (0,))], r"kk index out of range 0\.\.2"),
    ([Bead((0,), (5,))], r"ru index out of range 0\.\.2"),
    ([Bead((0, 1), (0,)), Bead((1,), (1,))], "overlaps or crosses"),
    ([Bead((0,), (1,)), Bead((1,), (0,))], "overlaps or crosses"),
    ([Bead((0, 2), (0,))], "not contiguous"),
    ([Bead((), ())], "is empty"),
])
def test_inconsistent_fixed_beads_are_refused(fixed, message):
    with pytest.raises(AlignmentError, match=message):
        align(KK, RU, fixed=fixed)


def test_fixed_bead_on_an_empty_pair_of_sides_is_refused():
    with pytest.raises(AlignmentError):
        align([], [], fixed=[Bead((0,), (0,))])
