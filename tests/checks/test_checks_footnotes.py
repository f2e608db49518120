"""Footnote markers [N]: in order per chapter, restarting at [1] after a chapter heading."""
from __future__ import annotations

import pytest

from workbench.checks.footnotes import FootnoteSequenceCheck, markers


def _run(edition, *paragraphs, kinds=()):
    return [(f.message, f.suggestion) for f in FootnoteSequenceCheck().run(edition(*paragraphs, kinds=kinds))]


@pytest.mark.parametrize("paragraphs, kinds, expected", [
    # lines 17984-18025 of chapter VI: [13] [14] [14] [16]
    (("Бұл [13].", "Оның ішінде 12651 адам қайтыс болды [14].", "Нәтижесінде [14].", "ҚКХП – еск.) [16]."), (),
     [("[14] should be [15] (between [14] and [16])", "[15]")]),
    (("Бір [1]. Екі [2]. Үш [3].",), (), []),
    (("Бір [1]. Екі [2].", "I-тарау", "Бір [1]. Екі [2]."), ("paragraph", "heading"), []),   # new chapter
    (("Бір [1]. Екі [2].", "Бір [1]. Екі [2]."), (), []),    # a part without a title line restarts too
    (("Бір [1]. Екі [2]. Бес [5]. Алты [6].",), (), [("[3]…[4] missing before [5]", None)]),
    (("Бір [1]. Екі [2]. Үш [3]. Екі [2]. Бес [5].",), (), [("[2] should be [4] (between [3] and [5])", "[4]")]),
    (("Бір [1]. Екі [2]. Үш [3]. Төрт [4]. Екі [2]. Үш [3].",), (), [("[2] goes back after [4]", None)]),
    (("Бір [1]. Екі [2]. Екі [2]. Екі [2].",), (), [("[2] is repeated", None), ("[2] is repeated", None)]),
])
def test_footnote_sequence(edition, paragraphs, kinds, expected):
    assert _run(edition, *paragraphs, kinds=kinds) == expected


def test_a_range_marker_covers_each_number(edition):
    assert [m.number for m in markers(edition("Бір [1]. Екі [2–4]. [5, 6]."))] == [1, 2, 3, 4, 5, 6]
