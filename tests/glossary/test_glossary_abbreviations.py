"""Abbreviation definitions and letter fit, on entries of the book's list (corpora/chebotarev-2021.kk.txt)."""
from __future__ import annotations

from pathlib import Path

import pytest

from workbench.glossary.abbreviations import AbbreviationDefinition, find_definitions, letters_fit
from workbench.text.model import Anchor, Block

BOOK = Path(__file__).resolve().parents[2] / "corpora" / "chebotarev-2021.kk.txt"


def block_of_lines(lines: dict[int, str], kind: str = "paragraph") -> Block:
    """A block made of source lines as a cleaner keeps them: one anchor per line, lines joined by a space."""
    text, anchors = "", []
    for number, line in lines.items():
        if text:
            text += " "
        anchors.append(Anchor(len(text), number, None))
        text += line
    return Block(kind, text, anchors)  # type: ignore[arg-type]


def book_lines(first: int, last: int) -> dict[int, str]:
    lines = BOOK.read_text(encoding="utf-8").split("\n")
    return {n: lines[n - 1] for n in range(first, last + 1)}


# Entries of the book's list (lines 726–875) whose letters fit their printed expansion.
FITTING = [
    ("ҚХА", "Қазақстан халқы ассамблеясы"),  # line 727
    ("ПӘ", "Қазақстан Республикасы Президентінің Әкімшілігі"),  # 732: leading words left out
    # 743: a bracketed English gloss
    ("ТСБК", "Тарифтер мен сауда жөніндегі бас келісім (ағылш. General Agreement on Tariffs and Trade)"),
    ("«Азат» ҚАҚ", "«Азат» Қазақстанның азаматтық қозғалысы"),  # 746: shared quoted name
    ("ЕАЭО", "Еуразиялық экономикалық одақ"),  # 755: compound Еур|азия
    ("ӘҚҮ", "«Әділетті Қазақстан үшін» демократиялық күштер блогы"),  # 761: the quoted name alone
    ("Әл-Фараби атындағы ҚазҰУ", "Әл-Фараби атындағы Қазақ ұлттық университеті"),  # 765: Қаз|ақ
    ("ҚазКСР", "Қазақ кеңестік социалистік республикасы"),  # 768
    ("«Ауыл» ҚСДП", "«Ауыл» Қазақстанның социал-демократиялық партиясы"),  # 779: hyphen parts
    ("АТӨ", "Азия-Тынық мұхит өңірі"),  # 737: one content word left out
    ("ҚР СІМ", "Қазақстан Республикасының Сыртқы істер министрлігі"),  # 792
    ("«Невада – Семей» ХЯҚҚ", "«Невада – Семей» халықаралық ядроға қарсы қозғалыс"),  # 786
    ("«Қазақ елі» ҰБП", "«Kазаk елi» ұлттық бірігу партиясы"),  # 841: Latin look-alikes in the name
    ("HAQ", "«Халыққа Адал Қызмет» қозғалысы"),  # 875: Latin letters read as sounds
    ("ҚКФ", "Қазақстан Кәсіподақтар федерациясы"),  # 869
    # Russian: qualifiers after the last letter, compound stems, prefixes, a quoted name after the letters.
    ("ЦИК", "Центральная избирательная комиссия Республики Казахстан"),
    ("ЕврАзЭС", "Евразийское экономическое сообщество"),
    ("НПО", "неправительственные организации"),
    ("КС «Республика»", "Координационный совет общественных объединений «Республика»"),
]
# Entries whose letters do not fit: the checks must flag these.
NOT_FITTING = [
    ("ХҚДМ", "Халықаралық қайта құру және даму банкі"),  # 789: no word for М
    ("НАТО", "Солтүстік Атлантикалық шарт ұйымы (ағылш. North Atlantic Treaty Organization)"),  # 793
    ("ТМО", "Тәуелсіз мемлекеттер достастығы"),  # 859's expansion under 864's abbreviation
    ("ҚКП", "Коммунистік партиясы"),  # too short a window for three letters
]


@pytest.mark.parametrize(("abbreviation", "expansion"), FITTING)
def test_letters_fit_entries_of_the_book_list(abbreviation: str, expansion: str) -> None:
    assert letters_fit(abbreviation, expansion)


@pytest.mark.parametrize(("abbreviation", "expansion"), NOT_FITTING)
def test_letters_do_not_fit_defective_entries(abbreviation: str, expansion: str) -> None:
    assert not letters_fit(abbreviation, expansion)


def test_empty_abbreviation_never_fits() -> None:
    assert not letters_fit("", "Қазақстан Республикасы")


def test_list_of_abbreviations_is_read_whole_from_the_book() -> None:
    definitions = find_definitions([block_of_lines(book_lines(720, 880))])
    listed = [d for d in definitions if d.source == "list"]
    assert len(listed) == 104
    first = AbbreviationDefinition("ЕАИО", "«Еңбекшілердің аграрлық-индустриялық одағы»", 726, "list")
    assert listed[0] == first
    assert listed[-1].abbreviation == "HAQ"
    by_line = {d.line: d for d in listed}
    # Items broken over lines (with blank lines between, as the PDF text has them) are joined.
    assert by_line[728].expansion == "Қазақстанның тәуелсіз қоғамдық ұйымдарының қауымдастығы"
    assert by_line[762].expansion.startswith("Қазақстан Республикасының Тұңғыш Президенті – Елбасы Қоры")
    assert by_line[786].abbreviation == "«Невада – Семей» ХЯҚҚ"
    assert by_line[852].abbreviation == "РКФСР"  # printed "РКФСР–" with no space
    # Both printed expansions of ҚАП are kept, so that a check can report the duplicate.
    assert [d.expansion for d in listed if d.abbreviation == "ҚАП"] == [
        "Қазақстанның аграрлық партиясы",
        "Қазақстаның азаматтық партиясы",
    ]


def test_list_items_in_separate_blocks_are_found() -> None:
    lines = book_lines(857, 859)
    blocks = [block_of_lines({n: t}, "list_item") for n, t in lines.items()]
    found = [(d.abbreviation, d.line) for d in find_definitions(blocks)]
    assert found == [("ЕК", 857), ("БАҚ", 858), ("ТМД", 859)]


def test_a_sentence_opening_with_an_abbreviation_and_dash_is_not_a_list_item() -> None:
    # Line 15279 of the book: "ЕҚЫҰ – ға басшылық ету шеңберіндегі Қазақстанның қызметі ту-"
    block = block_of_lines({15279: "ЕҚЫҰ – ға басшылық ету шеңберіндегі Қазақстанның қызметі туралы."})
    assert find_definitions([block]) == []


def test_inline_definition_takes_the_shortest_fitting_words() -> None:
    # Lines 1455 and 2230-2231 of the book.
    block = block_of_lines(
        {
            1455: "1988 жылғы 3 қарашада Алматы Халық майданы (АХМ) құрылды.",
            2230: "6) Қазақстанның Халық Конгресі (ҚХК) (1991 ж. қазанда құрылды);",
            2231: "7) Қазақстан Коммунистік партиясы (ҚКП) (1991 ж. қазан айында",
        }
    )
    found = [(d.abbreviation, d.expansion, d.line, d.source) for d in find_definitions([block])]
    assert found == [
        ("АХМ", "Алматы Халық майданы", 1455, "inline"),
        ("ҚХК", "Қазақстанның Халық Конгресі", 2230, "inline"),
        ("ҚКП", "Қазақстан Коммунистік партиясы", 2231, "inline"),
    ]


def test_inline_definition_keeps_the_inflected_form_and_line() -> None:
    # Lines 358-359: "… Ұлттық қоғамдық сенім кеңесін (ҰҚСК) құру туралы жарлық шығарды."
    block = block_of_lines({358: "Президент Ұлттық қоғамдық",
                            359: "сенім кеңесін (ҰҚСК) құру туралы жарлық шығарды."})
    expected = AbbreviationDefinition("ҰҚСК", "Ұлттық қоғамдық сенім кеңесін", 359, "inline")
    assert find_definitions([block]) == [expected]


def test_parenthesis_without_fitting_words_is_not_a_definition() -> None:
    block = block_of_lines({1: "Бұл туралы кейін айтылады (ҚХА) деп жазды."})
    assert find_definitions([block]) == []


def test_hereinafter_definitions_in_both_languages() -> None:
    kk = block_of_lines({10: "Қазақстан халқы ассамблеясы (бұдан әрі – ҚХА) құрылды."})
    ru = block_of_lines({20: "Принята Конституция Республики Казахстан (далее – Конституция)."})
    expected = AbbreviationDefinition("ҚХА", "Қазақстан халқы ассамблеясы", 10, "inline")
    assert find_definitions([kk]) == [expected]
    assert find_definitions([ru]) == [
        AbbreviationDefinition("Конституция", "Принята Конституция Республики Казахстан", 20, "inline")
    ]


def test_words_after_the_letters_are_not_taken_for_an_inline_expansion() -> None:
    # Line 5365: "… Қазақстанның демократиялық күштерінің форумын құрды (ҚДКФ)." - the verb is in between.
    words = "Қазақстанның демократиялық күштерінің форумын құрды"
    block = block_of_lines({5365: f"{words} (ҚДКФ). Оның құрамына"})
    assert find_definitions([block]) == []
    assert letters_fit("ҚДКФ", words)
    assert not letters_fit("ҚДКФ", words, trailing_words=False)
