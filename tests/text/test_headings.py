"""Numbered headings: their kinds, and where the part under one ends."""
from __future__ import annotations

import pytest

from workbench.text.headings import numbered_kind, part_end


@pytest.mark.parametrize("title, kind", [
    ("Раздел I Основы конституционного строя", "раздел #"),
    ("Раздел XI Заключительные и переходные положения", "раздел #"),
    ("Статья 1", "статья #"),
    ("І бөлім Конституциялық құрылыс негіздері", "# бөлім"),  # the Cyrillic І of Kazakh texts
    ("ХІ бөлім Қорытынды және өтпелі ережелер", "# бөлім"),
    ("1-бап", "#-бап"),
    ("II-тарау", "#-тарау"),
    ("1. Негізгі тенденциялар мен процестер", "#."),
    ("2.1. Даму стратегиясы", "#.#."),
    ("Алғысөз", None),
    ("Іс-әрекет бағдарламасы", None),
    ("Либерализм", None),
    ("", None),
])
def test_kinds(title, kind):
    assert numbered_kind(title) == kind


CONSTITUTION = [(3, "Раздел I Основы"), (4, "Статья 1"), (7, "Статья 2"), (19, "Раздел II Права"),
                (20, "Статья 12"), (25, "Статья 13")]
BOOK = [(394, "I-тарау"), (395, "Егемен Қазақстанның саяси ойы"), (398, "1. Негізгі тенденциялар"),
        (484, "2. Ресми тәсіл"), (535, "3. Әртүрлі балама"), (810, "II-тарау"), (816, "1. Негізгі тенденциялар"),
        (898, "2. Мемлекеттік құрылыс"), (899, "2.1. Даму стратегиясы"), (945, "2.2. Конституциялық реформа"),
        (1209, "3. Баламалы жобалар")]


@pytest.mark.parametrize("headings, chosen, end", [
    (CONSTITUTION, 3, 19),     # a section takes its articles along
    (CONSTITUTION, 4, 7),      # an article ends at the next article
    (CONSTITUTION, 7, 19),     # … or at the next section
    (CONSTITUTION, 19, None),  # the last section runs to the end
    (BOOK, 394, 810),          # a chapter runs to the next chapter
    (BOOK, 535, 810),          # the last numbered part of a chapter ends at the next chapter
    (BOOK, 898, 1209),         # a part takes its 2.1., 2.2. along
    (BOOK, 899, 945),
    (BOOK, 395, None),         # an unnumbered heading: the caller decides
])
def test_part_end(headings, chosen, end):
    assert part_end(headings, chosen) == end
