"""Recognition of glossary terms in inflected text, on lines of corpora/chebotarev-2021.kk.txt (cited)."""
from __future__ import annotations

import pytest

from workbench.glossary.data import parse_glossary_tsv
from workbench.glossary.matching import TermHit, TermMatcher, gap_kind
from workbench.glossary.model import Entry, Term
from workbench.text.model import Anchor, Block

HEADER = "id\tcategory\tkk\tkk_abbr\tkk_variants\tru\tru_abbr\tru_variants\tstatus\tsource\tnote"
ROWS = [
    "term-0001\tbody\tпартия\t\t\tпартия\t\t\tproposed\t\t",
    "abbr-001\tstate\tҚазақстан Республикасы\tҚР\t\tРеспублика Казахстан\tРК\t\tproposed\t\t",
    "abbr-002\tstate\tКеңестік Социалистік Республикалар Одағы\tКСРО\t\t"
    "Союз Советских Социалистических Республик"
    "\tСССР\t\tproposed\t\t",
    "abbr-003\tparty\tҚазақстанның жалпыұлттық социал-демократиялық партиясы\tЖСДП\t\t"
    "Общенациональная социал-демократическая партия\tОСДП\t\tproposed\t\t",
    "abbr-004\tparty\t«Нұр Отан» халықтық-демократиялық партиясы\t«Нұр Отан» ХДП\t«Нұр Отан» партиясы\t"
    "Народно-демократическая партия «Нур Отан»\tНДП «Нур Отан»\tпартия «Нур Отан»\tproposed\t\t",
    "abbr-005\torg\tКеден одағы\tКО\t\tТаможенный союз\tТС\t\tproposed\t\t",
    "abbr-006\torg\tАмерика құрама штаттары\tАҚШ\t\tСоединённые Штаты Америки\tСША\t\tproposed\t\t",
    "term-0002\tbody\tПарламент\t\t\tПарламент\t\t\tproposed\t\t",
    "term-0003\tconcept\tел\t\t\tстрана\t\t\tproposed\t\t",
    "term-0004\tconcept\tұлт\t\t\tнация\t\t\tproposed\t\t",
    "term-0005\tbody\tКоммунистік партия\t\t\tКоммунистическая партия\t\t\tproposed\t\t",
    "term-0006\tbody\tҚазақстан\t\t\tКазахстан\t\t\tproposed\t\t",
    "term-0007\tplace\tОрал\t\t\tУральск\t\t\tproposed\t\t",
    "term-0008\tideology\tоңшылдар\t\t\tправые\t\t\tproposed\t\t",
    "term-0009\tbody\tсот\t\t\tсуд\t\t\tproposed\t\t",
    "term-0010\tbody\tбасқару\t\t\tуправление\t\t\tproposed\t\t",
    "term-0011\tconcept\tхалық\t\t\tнарод\t\t\tproposed\t\t",
    "term-0012\tplace\tҚарағанды\t\t\tКараганда\t\t\tproposed\t\t",
]
ENTRIES = parse_glossary_tsv("\n".join([HEADER, *ROWS]) + "\n", "sample.tsv")
MATCHER = TermMatcher(ENTRIES)


def found(text: str, lang: str = "kk") -> list[tuple[str, str]]:
    return [(h.surface, h.entry_id) for h in MATCHER.find(text, lang)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # line 125: plural + possessive
        ("Соңғылардың өз партиялары болуы", [("партиялары", "term-0001")]),
        # line 1819: plural + genitive
        ("«Алаш» және «Желтоқсан» партияларының мүшелерімен бірге", [("партияларының", "term-0001")]),
        # line 1906: possessive + genitive
        ("шеңберінде өз партиясының", [("партиясының", "term-0001")]),
        # line 11863: abbreviation with a case ending after a hyphen
        ("Қазақстанның саяси аренасында ЖСДП-ның пайда болуы",
         [("Қазақстанның", "term-0006"), ("ЖСДП-ның", "abbr-003")]),
        # line 85: locative after a hyphen
        ("КСРО-да басталған саяси ырықтандыру жолын", [("КСРО-да", "abbr-002")]),
        # line 4866 and 12781
        ("алдымен, АҚШ-ты демократия мен адам құқықтарының", [("АҚШ-ты", "abbr-006")]),
        ("АҚШ-тың Иракқа қарсы жасаған тактикалық қателігі", [("АҚШ-тың", "abbr-006")]),
        # line 352: abbreviation before a word
        ("ала дайындап, ҚР Президенті қызметінен кетті.", [("ҚР", "abbr-001")]),
        # line 318: multi-word term, last word inflected; the longest match wins over Қазақстан
        ("Андрей Чеботарёвтің еңбектерін Қазақстан Республикасының саяси ой-өрісін",
         [("Қазақстан Республикасының", "abbr-001")]),
        # line 345: locative attributive
        ("«Қазақстан Республикасындағы сайлау туралы» Конституциялық заң",
         [("Қазақстан Республикасындағы", "abbr-001")]),
        # line 9299: quoted name inside a multi-word term
        ("Бұл ретте билік партиясының өзі «Нұр Отан» халықтық-демократиялық партиясы",
         [("партиясының", "term-0001"), ("«Нұр Отан» халықтық-демократиялық партиясы", "abbr-004")]),
        # line 9352: quoted name + abbreviation
        ("мұнда «Нұр Отан» ХДП, партиялық тізімдер бойынша", [("«Нұр Отан» ХДП", "abbr-004")]),
        # line 14335: consonant voicing одақ -> одағ-
        ("аумақ құру және Кеден одағын қалыптастыру туралы шартқа", [("Кеден одағын", "abbr-005")]),
        # line 14340: the abbreviation in brackets after its full form
        ("Кеден одағының (КО) жұмыс істеуінің бастауы болды.",
         [("Кеден одағының", "abbr-005"), ("КО", "abbr-005")]),
        # line 1167: multi-word term ending in the genitive
        ("1990 жылғы 8 маусымда Қазақстан Коммунистік партиясының XVII съезі",
         [("Қазақстан", "term-0006"), ("Коммунистік партиясының", "term-0005")]),
        # line 1111: a narrow vowel dropped before the possessive (халық -> халқы-)
        ("бұл қазақ халқының ұлттық сана-сезімінің өсуін", [("халқының", "term-0011")]),
        # lines 1603, 1657: locative and genitive of a loanword
        ("Парламентте және жергілікті өкілді органдарда", [("Парламентте", "term-0002")]),
        ("тәуелсіздігі, Парламенттің Үкімет құруы", [("Парламенттің", "term-0002")]),
    ],
)
def test_kazakh_inflected_forms_are_found(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Қазақстанның Италиядағы Төтенше және өкілетті елшісі",  # line 3681: ел + derivational -ші
        "ұлтаралық және конфессияаралық келісім",  # line 578: ұлт + -аралық
        "Парламенттік оппозицияның өзегі болып табылатын «Прогресс» тобы",  # line 2315: adjective
        "ақша мен ко",  # short words never take one-letter or equative suffixes
        "ол үйге оралды",  # орал|ды "returned": a short name keeps its capital (Орал, Uralsk)
        "халқынан бұрын бергеніне қарағанда әлдеқайда көп",  # қарағанда "than" is not Қарағанды
    ],
)
def test_derived_words_and_short_stems_are_not_hits(sentence: str) -> None:
    watched = ("term-0003", "term-0004", "term-0002", "abbr-005", "term-0007", "term-0012")
    assert [h for h in found(sentence) if h[1] in watched] == []


def test_short_names_match_with_their_capital() -> None:
    assert found("Оралға барды") == [("Оралға", "term-0007")]


def test_abbreviations_match_only_in_capitals() -> None:
    assert found("Бұл ко және Ко", "kk") == []
    assert found("СССР и Таможенный союз", "ru") == [("СССР", "abbr-002"), ("Таможенный союз", "abbr-005")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("роль партии, руководство партией, встречи с партиями", ["партии", "партией", "партиями"]),
        ("Конституция Республики Казахстан", ["Республики Казахстан"]),
        ("в Таможенном союзе", ["Таможенном союзе"]),
        ("Коммунистической партии", ["Коммунистической партии"]),
        ("съезд партии «Нур Отан»", ["партии «Нур Отан»"]),
        ("парты и партитуры", []),
        # an adjective takes adjective endings only: права (rights) is not a form of правые
        ("права граждан и голоса правых", ["правых"]),
        # суд is not судья; управление keeps its -и- (управления, управлением)
        ("решения судов и судей", ["судов"]),
        ("органы управления и управлением", ["управления", "управлением"]),
    ],
)
def test_russian_inflected_forms_are_found(sentence: str, expected: list[str]) -> None:
    assert [s for s, _ in found(sentence, "ru")] == expected


def test_hit_offsets_give_the_surface_and_the_matched_term() -> None:
    text = "Бұрынғы КСРО-да мұның бірі де"  # line 168
    [hit] = MATCHER.find(text, "kk")
    assert hit == TermHit(8, 15, "КСРО-да", "abbr-002", "КСРО", "kk")
    assert text[hit.start:hit.end] == hit.surface


def test_words_across_punctuation_are_not_one_term() -> None:
    assert found("Қазақстан, Республикасы") == [("Қазақстан", "term-0006")]


def test_equally_long_terms_go_to_the_entry_listed_first() -> None:
    matcher = TermMatcher([Entry("a", [Term("kk", "ҚАП")]), Entry("b", [Term("kk", "ҚАП")])])
    assert [h.entry_id for h in matcher.find("ҚАП-тың", "kk")] == ["a"]


def test_hits_in_blocks_carry_source_lines() -> None:
    block = Block("paragraph", "Бұрынғы КСРО-да мұның бірі де болған жоқ.",
                  [Anchor(0, 168, 9), Anchor(16, 169, 9)])
    [hit] = MATCHER.find_in_blocks([block], "kk")
    assert (hit.block, hit.line, hit.page, hit.hit.surface) == (0, 168, 9, "КСРО-да")


def test_language_without_terms_finds_nothing() -> None:
    assert MATCHER.find("партия", "en") == []


@pytest.mark.parametrize(
    ("gap", "kind"),
    [(" ", "space"), ("» ", "space"), ("-", "hyphen"), ("- ", "hyphen"), (" – ", "dash"), (", ", "break")],
)
def test_gap_kinds(gap: str, kind: str) -> None:
    assert gap_kind(gap) == kind


def test_a_bracketed_gloss_in_the_term_is_not_required_in_text() -> None:
    term = Term("kk", "Солтүстік Атлантикалық шарт ұйымы (ағылш. North Atlantic Treaty Organization)")
    matcher = TermMatcher([Entry("abbr-046", [term])])
    [hit] = matcher.find("Солтүстік Атлантикалық шарт ұйымының кеңейуі", "kk")
    assert hit.surface == "Солтүстік Атлантикалық шарт ұйымының"
    assert hit.term.endswith("Treaty Organization)")  # the term as the glossary has it
