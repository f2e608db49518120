"""Page furniture and line pieces from positions alone (pure: lines made here, no PDF)."""
from __future__ import annotations

from workbench.text.page_layout import PageLine, mark_furniture, merge_same_baseline

BODY = "Қазақстан Республикасы өзін демократиялық, зайырлы, құқықтық және әлеуметтік мемлекет"


def page(number: int, top: str | None, body_top: float = 540.0, lines: int = 6) -> list[PageLine]:
    """A page: an optional small running title at y=570, body lines from ``body_top``, its number at y=30."""
    out = []
    if top is not None:
        out.append(PageLine(top, 150, 260, 570, 8, number))
    out += [PageLine(BODY, 48, 372, body_top - 13 * k, 10, number) for k in range(lines)]
    out.append(PageLine(str(number), 205, 212, 30, 8, number))
    return out


def test_running_title_and_page_numbers_go_a_chapter_title_stays():
    pages = [page(1, None), page(2, "Конституция"), page(3, "Конституция"),
             [PageLine("Екінші тарау", 160, 260, 520, 12, 4)] + page(4, None, body_top=480)]
    numbers, headers = mark_furniture(pages, ["1", "2", "3", "4"], pitch=13, body_size=10)
    assert (numbers, headers) == (4, 2)
    kept = [ln.text for p in pages for ln in p if not ln.furniture]
    assert "Екінші тарау" in kept and "Конституция" not in kept and not any(t.isdigit() for t in kept)


def test_a_title_that_repeats_at_another_height_is_not_furniture():
    pages = [[PageLine("Кіріспе", 160, 260, 560, 12, 1)] + page(1, None, body_top=500),
             [PageLine("Кіріспе", 160, 260, 520, 12, 2)] + page(2, None, body_top=480)]
    mark_furniture(pages, ["1", "2"], pitch=13, body_size=10)
    assert [ln.text for p in pages for ln in p if ln.furniture] == ["1", "2"]


def test_pieces_of_one_line_are_joined_in_order_and_a_raised_number_is_a_marker():
    pieces = [PageLine(". Бұл тарихи күн.", 200, 300, 500, 10, 1),
              PageLine("Жариялады", 48, 196, 500, 10, 1),
              PageLine("7", 196.5, 199.5, 504, 6, 1),
              PageLine("Келесі жол", 48, 120, 487, 10, 1)]
    assert [ln.text for ln in merge_same_baseline(pieces)] == ["Жариялады[7]. Бұл тарихи күн.", "Келесі жол"]
