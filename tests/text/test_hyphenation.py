"""Hyphens at line ends: word splits joined, compounds kept, decided by the file's own statistics."""
from __future__ import annotations

from pathlib import Path

import pytest

from workbench.text.hyphenation import Hyphenation, split_words

BOOK = Path(__file__).resolve().parents[2] / "corpora" / "chebotarev-2021.kk.txt"


@pytest.fixture(scope="module")
def book_stats() -> Hyphenation:
    return Hyphenation(" ".join(t.split()) for t in BOOK.read_text(encoding="utf-8").split("\n"))


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("Оппози", "ция", "join"),  # 4-5
        ("бө", "лісе", "join"),  # 158-159, "бө- " with a trailing space
        ("тұжырымдама", "сы", "join"),
        ("сондай", "ақ", "keep"),  # 718-719
        ("әлеуметтік", "саяси", "keep"),  # 470-471
        ("Қасым", "Жомарт", "keep"),  # 18448-18449
        ("КСРО", "дағы", "keep"),  # 898-899
        ("моральдық", "адамгершілік", "keep"),  # 8720: two words of the file side by side
        ("құрылымы", "ол", "dash"),  # 16320: a dash printed as a hyphen
        ("бермеу", "ден", "join"),  # a case ending, not a word
    ],
)
def test_decisions_on_the_book(book_stats, left, right, expected):
    assert book_stats.decide(left, right) == expected


def test_statistics_decide_before_the_curated_lists():
    # "бас-" is a curated compound head, but this file writes "басшылық" unbroken.
    stats = Hyphenation(["Бұл басшылық туралы.", "Ел басшылығы шешті."])
    assert stats.decide("бас", "шылық") == "join"
    assert Hyphenation(["Бір сөз."]).decide("бас", "аяғы") == "keep"


def test_compound_used_elsewhere_wins_over_join():
    stats = Hyphenation(["іс-шара өтті.", "тағы бір іс-шара."])
    assert stats.decide("іс", "шара") == "keep"
    assert Hyphenation(["ісшара"]).decide("іс", "шара") == "join"


def test_line_end_fragments_are_not_counted_as_words():
    stats = Hyphenation(["Диссертация тақырыбы «Оппози-", "ция саяси жүйе"])
    assert stats.words["оппози"] == 0 and stats.words["ция"] == 0
    assert stats.words["саяси"] == 1


def test_split_words_needs_a_hyphen_glued_to_a_word():
    assert split_words("тақырыбы «Оппози-", "ция саяси") == ("Оппози", "ция")
    assert split_words("Қазақстан -", "тәуелсіз") is None  # a spaced dash is not a break
    assert split_words("социал-демократиялық пар-", "тиясы") == ("пар", "тиясы")


@pytest.mark.parametrize(("left", "right"), [
    ("қарым", "қатынасында"),     # line 2684: қарым-қатынасы occurs elsewhere in other forms
    ("мінез", "құлқында"),        # мінез-құлық
    ("қарама", "қайшылықтарын"),  # қарама-қайшылық
    ("әл", "ауқаттың"),           # әл-ауқат
])
def test_paired_word_broken_at_its_hyphen_keeps_it_when_the_file_has_other_forms(book_stats, left, right):
    assert book_stats.decide(left, right) == "keep"


def test_other_forms_of_the_compound_speak_for_the_hyphen():
    stats = Hyphenation(["тергеп-тексеруді ұйымдастырады."])
    assert stats.decide("тергеп", "тексеру") == "keep"
    assert Hyphenation(["тергептексеруді"]).decide("тергеп", "тексеру") == "join"


def test_russian_linking_vowel_before_a_word_of_the_file_keeps_the_hyphen():
    stats = Hyphenation(["культурного наследия и культурной жизни."])
    assert stats.decide("историко", "культурного") == "keep"
    assert stats.decide("госуда", "рства") == "join"          # a plain word split
    assert Hyphenation(["самоуправления"]).decide("само", "управления") == "join"
