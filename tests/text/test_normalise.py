"""Normalisation: Kazakh letters kept distinct, mapped to Russian only on request, look-alikes reported."""
from __future__ import annotations

import unicodedata

import pytest

from workbench.text.normalise import fold, mixed_script_words, nfc, sort_key, to_russian_letters


def test_nfc_composes_decomposed_letters():
    decomposed = unicodedata.normalize("NFD", "Чеботарёв й")
    assert decomposed != "Чеботарёв й"
    assert nfc(decomposed) == "Чеботарёв й"


def test_fold_ignores_case_and_yo_but_keeps_kazakh_letters():
    assert fold("ЧЕБОТАРЁВ") == fold("Чеботарев")
    assert fold("ҚАЛА") == "қала"
    assert fold("қала") != fold("кала")
    assert fold("ІШКІ") == "ішкі"


def test_russian_letters_map_every_kazakh_letter():
    assert to_russian_letters("әғқңөұүһі ӘҒҚҢӨҰҮҺІ") == "агкноуухи АГКНОУУХИ"
    assert to_russian_letters("демократиялық") == "демократиялык"


def test_sort_follows_the_kazakh_alphabet():
    words = ["үкімет", "ұлт", "қала", "кеңес", "іс", "ы", "әкім", "ақ", "hаt", "я"]
    assert sorted(words, key=sort_key) == ["ақ", "әкім", "кеңес", "қала", "ұлт", "үкімет", "ы", "іс", "я", "hаt"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kазаk", [(0, "Kазаk", "Казак")]),
        ("елi мен жері", [(0, "елi", "елі")]),          # Latin i inside a Kazakh word
        ("ҚХA – Қазақстан халқы ассамблеясы", [(0, "ҚХA", "ҚХА")]),
        ("Facebook желісінде", []),                      # all-Latin words are fine
        ("Nur Otan партиясы", []),
        ("Қазақстан Республикасы", []),
        ("Mәжіліс", [(0, "Mәжіліс", "Мәжіліс")]),
    ],
)
def test_mixed_script_words_are_reported_with_a_suggestion(text, expected):
    assert mixed_script_words(text) == expected


def test_look_alikes_are_never_fixed_by_normalisation():
    assert fold("Kазаk") != fold("Казак")
    assert nfc("Kазаk") == "Kазаk"
