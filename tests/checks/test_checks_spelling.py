"""Names spelled two ways: with and without Kazakh letters (real pairs of the book)."""
from __future__ import annotations

import pytest

from workbench.checks.spelling import SpelledTwoWaysCheck, spelling_key


@pytest.mark.parametrize("paragraphs, expected", [
    # lines 11694: "Әміржан Косанов. Әміржан Қосанов саясатқа 1998 жылы ..."
    (("Әміржан Косанов. Әміржан Қосанов саясатқа 1998 жылы келді.", "Қосанов пен Қосановтың ойы."),
     [("Косанов", "Қосанов")]),
    # lines 8052 / 8071: Нұрқаділов and Нүркәділов; the inflected pair is the same finding
    (("Заманбек Нұрқаділов сөйледі. Нұрқаділовтың пікірі.", "Нүркәділов айтты. Нүркәділовтың пікірі."),
     [("Нүркәділов", "Нұрқаділов")]),
    # Чеботарёв / Чеботарев: ё and е
    (("Андрей Чеботарёвтің кітабы. Чеботарёвтің еңбегі.", "Чеботаревтің мақаласы."),
     [("Чеботаревтің", "Чеботарёвтің")]),
    # a Russian name inside an untranslated Russian passage is not a Kazakh spelling (line 17029)
    (("«Амансаулық» бірлестігі.", "С данной инициативой в сентябре 2012 года выступили представители "
      "общественных объединений «Амансаулык» и различные общественные деятели."), []),
    # words that differ in more than Kazakh letters are different words
    (("Қазақстан мен Ресей.", "Қазақ пен орыс."), []),
])
def test_spelled_two_ways(edition, paragraphs, expected):
    found = SpelledTwoWaysCheck().run(edition(*paragraphs))
    assert [(f.excerpt, f.suggestion) for f in found] == expected


def test_spelling_key_reads_kazakh_letters_as_russian():
    assert spelling_key("Сәрсенбайұлы") == spelling_key("Сарсенбайулы") == "сарсенбайулы"


def test_the_spelling_with_more_kazakh_letters_is_named_not_offered(edition):
    # line 16841: Ғабиден Жәкей once, Жакей three times — the Kazakh spelling may well be the right one
    found = SpelledTwoWaysCheck().run(edition("Ғабиден Жәкей келді.", "Жакей айтты. Жакей кетті. Жакей қайтты."))
    assert [(f.excerpt, f.suggestion) for f in found] == [("Жәкей", None)]
