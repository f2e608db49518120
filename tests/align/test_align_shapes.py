"""Exact beads on small hand-made Kazakh–Russian texts, one test per bead shape."""
from __future__ import annotations

from workbench.align import Bead, Side, align

KK = [
    "1991 жылғы 16 желтоқсанда Қазақстан Республикасы өз тәуелсіздігін жариялады.",
    "Парламент екі палатадан тұрады: Сенат пен Мәжіліс.",
    "Конституция 1995 жылғы 30 тамызда республикалық референдумда қабылданды.",
    "Астана қаласы 1997 жылы елорда болды.",
    "Президент Сенаттың 15 депутатын тағайындайды.",
    "Демократиялық институттар мен саяси партиялар дамып келеді.",
    "Қазақстан халқы Ассамблеясы 1995 жылғы 1 наурызда құрылды.",
    "Ұлттық валюта – теңге 1993 жылғы 15 қарашада айналымға енгізілді.",
]
RU = [
    "16 декабря 1991 года Республика Казахстан провозгласила свою независимость.",
    "Парламент состоит из двух палат: Сената и Мажилиса.",
    "Конституция принята на республиканском референдуме 30 августа 1995 года.",
    "Город Астана стал столицей в 1997 году.",
    "Президент назначает 15 депутатов Сената.",
    "Развиваются демократические институты и политические партии.",
    "Ассамблея народа Казахстана создана 1 марта 1995 года.",
    "Национальная валюта – тенге введена в обращение 15 ноября 1993 года.",
]


def shapes(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.kk, b.ru) for b in beads]


def diagonal(n: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [((i,), (i,)) for i in range(n)]


def test_parallel_sentences_give_one_to_one_beads():
    assert shapes(align(KK, RU)) == diagonal(8)


def test_sentence_missing_in_russian_is_a_one_to_zero_bead():
    ru = RU[:3] + RU[4:]
    expected = diagonal(3) + [((3,), ())] + [((i,), (i - 1,)) for i in range(4, 8)]
    assert shapes(align(KK, ru)) == expected


def test_sentence_missing_in_kazakh_is_a_zero_to_one_bead():
    kk = KK[:5] + KK[6:]
    expected = diagonal(5) + [((), (5,))] + [((i - 1,), (i,)) for i in range(6, 8)]
    assert shapes(align(kk, RU)) == expected


def test_kazakh_split_in_two_gives_a_two_to_one_bead():
    kk = KK[:1] + ["Парламент екі палатадан тұрады.", "Олар Сенат пен Мәжіліс деп аталады."] + KK[2:]
    expected = diagonal(1) + [((1, 2), (1,))] + [((i + 1,), (i,)) for i in range(2, 8)]
    assert shapes(align(kk, RU)) == expected


def test_russian_split_in_two_gives_a_one_to_two_bead():
    ru = RU[:4] + ["Президент назначает депутатов Сената.", "Их число составляет 15 человек."] + RU[5:]
    expected = diagonal(4) + [((4,), (4, 5))] + [((i,), (i + 1,)) for i in range(5, 8)]
    assert shapes(align(KK, ru)) == expected


def test_swapped_sentences_give_a_two_to_two_bead():
    ru = RU[:2] + [RU[3], RU[2]] + RU[4:]
    expected = diagonal(2) + [((2, 3), (2, 3))] + diagonal(8)[4:]
    assert shapes(align(KK, ru)) == expected


def test_russian_split_in_three_gives_a_one_to_three_bead():
    kk = KK[:7] + ["Ұлттық валюта – теңге 1993 жылғы 15 қарашада айналымға енгізілді, оны Ұлттық банк "
                   "шығарады және теңгені эмиссиялау құқығы тек Ұлттық банкке тиесілі."]
    ru = RU[:7] + ["Национальная валюта – тенге введена в обращение 15 ноября 1993 года.",
                   "Ее выпускает Национальный банк.",
                   "Право эмиссии тенге принадлежит только Национальному банку."]
    assert shapes(align(kk, ru)) == diagonal(7) + [((7,), (7, 8, 9))]


def test_kazakh_split_in_three_gives_a_three_to_one_bead():
    kk = KK[:7] + ["Ұлттық валюта – теңге 1993 жылғы 15 қарашада айналымға енгізілді.",
                   "Оны Ұлттық банк шығарады.", "Теңгені эмиссиялау құқығы тек Ұлттық банкке тиесілі."]
    ru = RU[:7] + ["Национальная валюта – тенге введена в обращение 15 ноября 1993 года, ее выпускает "
                   "Национальный банк, и право эмиссии тенге принадлежит только Национальному банку."]
    assert shapes(align(kk, ru)) == diagonal(7) + [((7, 8, 9), (7,))]


def test_every_bead_has_a_score_between_zero_and_one():
    beads = align(KK[:3] + KK[4:], RU)
    assert all(0.0 <= b.score <= 1.0 for b in beads)
    assert {b.shape for b in beads} == {"1-1", "0-1"}


def test_both_sides_empty_give_no_beads():
    assert align([], []) == []


def test_paragraph_and_heading_marks_keep_an_untranslated_paragraph_out_of_its_neighbours_bead():
    kk = KK[:4] + ["Бұл абзацтың орысша аудармасы жоқ."] + KK[4:]
    side = Side(kk, paragraph_starts=frozenset({0, 4, 5}), headings=frozenset())
    expected = diagonal(4) + [((4,), ())] + [((i,), (i - 1,)) for i in range(5, 9)]
    assert shapes(align(side, Side(RU, paragraph_starts=frozenset({0, 4})))) == expected


def test_plain_lists_and_sides_without_marks_align_alike():
    assert align(KK, RU) == align(Side(KK), Side(RU))
