"""Leftovers of the PDF: hyphens inside words, running headers inside sentences."""
from __future__ import annotations

import pytest

from workbench.checks.leftovers import RunningHeaderCheck, UnresolvedHyphenCheck


@pytest.mark.parametrize("paragraphs, expected", [
    (("Ерлан Байжанов өз пікірін білдір-ді. Біріншіден, ол айтты.",), [("білдір-ді", "білдірді")]),  # line 9885
    (("Бұл келісімнің бө- лісе алмайтын тұсы.", "Оны бөлісе алмады."), [("бө- лісе", "бөлісе")]),   # line 158
    (("сондай-ақ әлеуметтік-саяси жағдай", ), []),
    (("1990-шы жылдары БАҚ-тың рөлі өсті, 5 млн-нан астам адам.",), []),
    (("Facebook-та жазды.",), []),
])
def test_unresolved_hyphen(edition, paragraphs, expected):
    assert [(f.excerpt, f.suggestion) for f in UnresolvedHyphenCheck().run(edition(*paragraphs))] == expected


def test_running_header_inside_a_sentence(edition):
    # line 393: the header "Алғысөз" printed between "саяси партияларға" and "айналуға"
    ed = edition("Алғысөз", "Бұл қозғалыстар саяси партияларға\nАлғысөз\nайналуға тырысты.", "Алғысөз жазылды.",
                 kinds=("heading",), first_line=391)
    found = RunningHeaderCheck().run(ed)
    assert [(f.excerpt, f.line) for f in found] == [("Алғысөз", 394)]
