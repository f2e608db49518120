"""Page furniture learned from the file: page numbers, running titles, page starts."""
from __future__ import annotations

from pathlib import Path

import pytest

from workbench.text.headers import ends_sentence, find_layout, is_pdf_like, title_like

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
BOOK = CORPORA / "chebotarev-2021.kk.txt"


@pytest.fixture(scope="module")
def book_lines() -> list[str]:
    return BOOK.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def layout(book_lines):
    return find_layout(book_lines)


def test_the_book_is_pdf_like_and_the_paragraph_files_are_not(book_lines):
    assert is_pdf_like(book_lines)
    for name in ("constitution_2026", "tatoeba_kaz_rus_sample"):
        lines = (CORPORA / name / "kk.raw.txt").read_text(encoding="utf-8").splitlines()
        assert not is_pdf_like(lines)


def test_pages_are_counted_from_the_top_of_the_file(layout):
    # Positions are 0-based: line 127 is position 126.
    assert layout.pages[0] == 1 and layout.pages[26] == 1  # lines 1-27
    assert layout.pages[27] == 2  # " Алғысөз " (28)
    assert layout.pages[125] == 3 and layout.pages[126] == 4  # 126 / 127


def test_page_number_lines_are_the_18_number_blocks(layout):
    assert sorted(i + 1 for i in layout.page_numbers) == [
        1050, 1540, 2833, 3556, 4012, 5531, 5947, 6104, 7031, 8949, 9220, 9447, 11809, 12656,
        14382, 15742, 16521, 16621,
    ]


def test_running_titles_are_learned_from_the_file(layout):
    assert {"Андрей Чеботарёв", "Егемен Қазақстандағы саяси ойтаным: бастауы, дамуы, бүгіні", "Алғысөз",
            "Қорытынды", "Қысқартулар мен аббревиатуралар"} <= layout.header_texts
    chapter_titles = {t for t in layout.header_texts if "-тарау. " in t}
    assert len(chapter_titles) == 5  # chapter VI has no page-number block


def test_standalone_headers_that_cut_sentences_are_dropped(layout):
    for line in (127, 393, 425, 770, 822, 19386, 19565):
        assert line - 1 in layout.headers, line


def test_real_headings_are_not_dropped(layout):
    for line in (28, 876, 878, 891, 2116):  # " Алғысөз ", " I-тарау", its title, "1. Негізгі…", " II-тарау "
        assert line - 1 not in layout.dropped, line


def test_a_file_without_page_furniture_loses_nothing():
    text = ["Бірінші жол ", "екінші жол.", "", " Үшінші бет басталды ", "және аяқталды."]
    layout = find_layout(text)
    assert layout.dropped == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Алғысөз", True), ("I-тарау. Егемен Қазақстанның саяси ойын қалыптастыру алғышарттары", True),
     ("тиясы", False), ("сайлауды Жоғарғы кеңес жүзеге асырды.", False), ("205", False)],
)
def test_title_like(text, expected):
    assert title_like(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("болды.", True), ("деп үміттенді [80].", True), ("«…жеңдік».", True), ("деп жазды [12]", False),
     ("партияларға", False), ("мынадай:", True)],
)
def test_ends_sentence(text, expected):
    assert ends_sentence(text) is expected
