"""Clean-up of the Kazakh edition (PDF-extracted) and of one-paragraph-per-line files.

Line numbers are 1-based lines of ``corpora/chebotarev-2021.kk.txt`` (see its STRUCTURE map).
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from workbench.formats.plaintext import read_lines
from workbench.text.cleanup import clean
from workbench.text.model import Block, SourceLine

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
BOOK = CORPORA / "chebotarev-2021.kk.txt"


@pytest.fixture(scope="module")
def book():
    lines = read_lines(BOOK.read_bytes(), str(BOOK))
    return lines, clean(lines)


def block_with_line(blocks: list[Block], line: int) -> Block:
    """The block one of whose anchors is source line ``line``."""
    return next(b for b in blocks if any(a.line == line for a in b.anchors))


def test_page_starts_where_a_line_begins_with_a_space(book):
    _, cleaned = book
    # Line 127 (a leading space) opens page 4: the paragraph ending at 126 is on page 3 and
    # the one starting at 129 (127 is the running title, dropped) on page 4.
    assert block_with_line(cleaned.blocks, 126).anchors[-1].page == 3
    assert block_with_line(cleaned.blocks, 129).page == 4
    assert block_with_line(cleaned.blocks, 2).page == 1
    # 444 lines start with a space; the last one (19598) is a lone space with no text.
    assert cleaned.report.pages == 444


def test_page_number_of_a_sentence_cut_by_a_page_break(book):
    _, cleaned = book
    # 391 "…саяси партияларға" (page 10) continues at 394 " айналуға …" (page 11).
    block = block_with_line(cleaned.blocks, 391)
    assert [(a.line, a.page) for a in block.anchors if a.line in (391, 394)] == [(391, 10), (394, 11)]


def test_running_headers_and_page_numbers_are_gone_from_every_block(book):
    _, cleaned = book
    running = {
        "Андрей Чеботарёв",
        "Егемен Қазақстандағы саяси ойтаным: бастауы, дамуы, бүгіні",
        "Қорытынды",
        "Қысқартулар мен аббревиатуралар",
    }
    for block in cleaned.blocks:
        assert block.text not in running
        assert not re.fullmatch(r"\d+", block.text)
        # The author's name is in the text only inflected ("Андрей Чеботарёвтің", line 32).
        assert not re.search(r"Андрей Чеботарёв(?!\w)", block.text)
        assert not re.search(r"[IV]+-тарау\. ", block.text), block.text[:80]
    assert cleaned.report.page_numbers_removed == 18
    # 18 number blocks with two header lines each, the 6 standalone headers (127, 393, 425,
    # 770, 822, 19386) and the author's name on the back cover (19565).
    assert cleaned.report.headers_removed == 18 * 2 + 6 + 1


@pytest.mark.parametrize(
    ("line", "joined"),
    [
        (391, "саяси партияларға айналуға немесе"),  # "Алғысөз" at 393
        (19384, "оппозициялық көзқарастар мен сенімдердің"),  # "Қорытынды" at 19386
        (16517, "айналуды деп үміттенді [80]. Осы диалог"),  # page 374 block at 16521-16525
        (2829, "қатысты белгілі бір шектеулерді енгізуді"),  # page 69 block at 2833-2837
    ],
)
def test_sentence_cut_by_a_header_is_whole_again(book, line, joined):
    _, cleaned = book
    assert joined in block_with_line(cleaned.blocks, line).text


def test_chapter_opening_is_a_heading_not_a_header(book):
    _, cleaned = book
    chapter = block_with_line(cleaned.blocks, 876)
    assert (chapter.kind, chapter.text) == ("heading", "I-тарау")
    title = block_with_line(cleaned.blocks, 878)
    assert (title.kind, title.text) == ("heading", "Егемен Қазақстанның саяси ойын қалыптастыру алғышарттары")
    # Chapter II's title continues across a blank line with its years (2118-2121).
    title2 = block_with_line(cleaned.blocks, 2118)
    assert title2.text.endswith("ерекшеліктері (1992-1994 жж.)")
    # The preface heading at 28 is the first copy of "Алғысөз"; the later copies are headers.
    assert block_with_line(cleaned.blocks, 28).kind == "heading"


def test_section_titles_are_headings(book):
    _, cleaned = book
    headings = [b.text for b in cleaned.blocks if b.kind == "heading"]
    assert headings.count("1. Негізгі тенденциялар мен процестер") == 6
    assert "2.1. Даму стратегиясы" in headings  # 2363
    assert "2.2. «Бейімделген жаңғырту» тұжырымдамасы" in headings  # 5765, opens a page
    assert sum(re.fullmatch(r"[IV]+-тарау", h) is not None for h in headings) == 6


def test_hyphen_at_line_end_is_joined(book):
    _, cleaned = book
    assert "Диссертация тақырыбы «Оппозиция саяси жүйе" in block_with_line(cleaned.blocks, 4).text
    # 158 ends with "бө- " (a space after the hyphen).
    assert "бірыңғай басқару жүйесін бөлісе алды" in block_with_line(cleaned.blocks, 158).text


def test_real_compound_is_kept(book):
    _, cleaned = book
    assert "студенттеріне, сондай-ақ" in block_with_line(cleaned.blocks, 718).text
    assert "айналасындағы әлеуметтік-саяси шындыққа" in block_with_line(cleaned.blocks, 470).text
    assert "сәттен бастап Қасым-Жомарт" in block_with_line(cleaned.blocks, 18448).text
    assert "КСРО-дағы қоғамның" in block_with_line(cleaned.blocks, 898).text


def test_dash_printed_as_hyphen_does_not_glue_two_words(book):
    _, cleaned = book
    text = block_with_line(cleaned.blocks, 16320).text
    assert "құрылымыол" not in text
    assert "құрылымы - ол" in text


def test_hyphenation_counts_match_the_map_of_the_book(book):
    _, cleaned = book
    report = cleaned.report
    # STRUCTURE.md: about 1,919 word splits and 174 compounds broken at a line end.
    assert 1850 <= report.hyphenations_joined <= 1950
    assert 150 <= report.hyphens_kept <= 230


def test_paragraph_rebuilt_across_blank_line_inside_a_sentence(book):
    _, cleaned = book
    entry = block_with_line(cleaned.blocks, 728)
    assert entry.text == "ҚТҚҚ – Қазақстанның тәуелсіз қоғамдық ұйымдарының қауымдастығы"
    assert entry.kind == "list_item"
    assert [a.line for a in entry.anchors] == [728, 730]
    # 743-745: the English expansion continues an open bracket across the blank line.
    expansion = block_with_line(cleaned.blocks, 745).text
    assert expansion.endswith("(ағылш. General Agreement on Tariffs and Trade)")


def test_abbreviation_entries_and_numbered_points_are_list_items(book):
    _, cleaned = book
    entries = [b for b in cleaned.blocks if 726 <= b.start_line <= 875]
    assert len(entries) == 104 and {b.kind for b in entries} == {"list_item"}  # STRUCTURE.md: 104
    # 786: a quoted name with its own dash before the abbreviation's dash.
    assert block_with_line(cleaned.blocks, 786).text.startswith("«Невада – Семей» ХЯҚҚ – «Невада")
    assert block_with_line(cleaned.blocks, 727).kind == "list_item"  # ҚХА – Қазақстан халқы ассамблеясы
    assert block_with_line(cleaned.blocks, 875).kind == "list_item"  # HAQ – «Халыққа Адал Қызмет» …
    item = block_with_line(cleaned.blocks, 1911)
    assert (item.kind, item.text) == ("list_item", "1) Қазақстанның мемлекеттік тәуелсіздігін дереу жариялау;")
    # A dash after an unfinished line continues the sentence (2074-2075).
    dash = block_with_line(cleaned.blocks, 2074).text
    assert "қызметтің жан-жақты профилі мен сипаты - осының бәрі" in dash


def test_footnote_marker_stays_in_the_text_of_its_paragraph(book):
    _, cleaned = book
    assert "айқын болды. [11]. Н. Назарбаев" in block_with_line(cleaned.blocks, 1184).text


def test_anchors_point_at_the_line_where_each_piece_stands(book):
    lines, cleaned = book
    raw = {src.number: src.text for src in lines}
    block = block_with_line(cleaned.blocks, 2)
    assert [a.line for a in block.anchors] == [2, 3, 4, 5, 6]
    five = next(a for a in block.anchors if a.line == 5)
    assert block.text[five.offset:].startswith("ция саяси жүйе")  # «Оппози- / ция
    for block in cleaned.blocks[:400]:
        for anchor in block.anchors:
            piece = block.text[anchor.offset:anchor.offset + 6]
            assert piece.strip("- ") in " ".join(raw[anchor.line].split()), (anchor, piece)


def test_text_is_nfc_with_single_spaces(book):
    _, cleaned = book
    for block in cleaned.blocks:
        assert "  " not in block.text and block.text == block.text.strip()
        assert unicodedata.is_normalized("NFC", block.text)


def test_paragraph_per_line_file_gives_one_block_per_line_without_pages():
    path = CORPORA / "constitution_2026" / "kk.raw.txt"
    lines = read_lines(path.read_bytes(), str(path))
    cleaned = clean(lines)
    assert len(cleaned.blocks) == 569
    assert all(a.page is None for b in cleaned.blocks for a in b.anchors)
    assert [b.start_line for b in cleaned.blocks[:3]] == [1, 2, 3]
    assert cleaned.blocks[0].kind == "heading"  # ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ КОНСТИТУЦИЯСЫ
    assert cleaned.blocks[2].text == "І бөлім Конституциялық құрылыс негіздері"
    assert cleaned.blocks[2].kind == "heading"
    assert cleaned.blocks[3].kind == "heading"  # "1-бап"
    assert cleaned.report.pages == 0 and cleaned.report.headers_removed == 0


def test_a_stray_indented_line_does_not_make_pages():
    lines = [SourceLine(1, "Бірінші абзац."), SourceLine(2, " Екінші абзац."), SourceLine(3, "Үшінші.")]
    cleaned = clean(lines)
    assert [b.text for b in cleaned.blocks] == ["Бірінші абзац.", "Екінші абзац.", "Үшінші."]
    assert all(b.page is None for b in cleaned.blocks)


def test_russian_printed_lines_are_rebuilt_the_same_way():
    text = [
        "Конституционная реформа 1995 года закрепила прези- ",
        "дентскую форму правления. Какой-",
        "то иной вариант социал-",
        "демократы не предложили. ",
        "",
        "17",
        "",
        "Казахстанская политическая мысль",
        "",
        " В дальнейшем социал-демократический проект обсуждался ",
        "снова, а президентская модель и какой-то ",
        "компромисс остались в центре споров.",
        "",
        "18",
        "",
        "Казахстанская политическая мысль",
        "",
        " Конец главы.",
    ]
    cleaned = clean([SourceLine(i, t) for i, t in enumerate(text, start=1)])
    assert [b.text for b in cleaned.blocks] == [
        "Конституционная реформа 1995 года закрепила президентскую форму правления. "
        "Какой-то иной вариант социал-демократы не предложили.",
        "В дальнейшем социал-демократический проект обсуждался снова, а президентская модель и "
        "какой-то компромисс остались в центре споров.",
        "Конец главы.",
    ]
    assert [b.page for b in cleaned.blocks] == [1, 2, 3]
    report = cleaned.report
    assert (report.page_numbers_removed, report.headers_removed) == (2, 2)
    assert (report.hyphenations_joined, report.hyphens_kept) == (1, 2)


def test_full_line_cut_by_a_page_break_continues_though_it_looks_like_a_title():
    """A numbered point whose first printed line fills the measure and ends the page goes on after it."""
    text = [
        "Бірінші абзацтың мәтіні бұл жолда толық енімен басылған, келесі жолға ",
        "ауысады және тағы бір толық жол болып жалғасады, сөйтіп абзац бітеді ",
        "деп айтуға болады, бұл сөйлем осымен аяқталды.",
        "",
        "1. Республикалық референдумда қабылданған Қазақстан Республикасының ",
        "",
        "17",
        "",
        "Конституция",
        "",
        " Конституциясы 2026 жылғы 1 шілдеден бастап күшіне енеді, бұған дейін ",
        "қабылданған Конституцияның қолданысы тоқтатылады.",
        "",
        "18",
        "",
        "Конституция",
        "",
        " Соңғы абзац.",
    ]
    cleaned = clean([SourceLine(i, t) for i, t in enumerate(text, start=1)])
    texts = [b.text for b in cleaned.blocks]
    assert ("1. Республикалық референдумда қабылданған Қазақстан Республикасының Конституциясы 2026 жылғы "
            "1 шілдеден бастап күшіне енеді, бұған дейін қабылданған Конституцияның қолданысы тоқтатылады.") in texts
