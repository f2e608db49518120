"""Bilingual term candidates harvested from the constitution's 1-1 beads (corpora/constitution_2026)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from workbench.glossary.candidates import bilingual_candidates, log_likelihood, new_candidates, stems
from workbench.glossary.matching import TermMatcher
from workbench.glossary.model import Entry, Term

CONSTITUTION = Path(__file__).resolve().parents[2] / "corpora" / "constitution_2026"


def one_to_one_pairs() -> list[tuple[str, str]]:
    kk = (CONSTITUTION / "kk.txt").read_text(encoding="utf-8").split("\n")
    ru = (CONSTITUTION / "ru.txt").read_text(encoding="utf-8").split("\n")
    pairs = []
    for line in (CONSTITUTION / "gold.txt").read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        left, right = (ast.literal_eval(side) for side in line.split(":"))
        if len(left) == 1 and len(right) == 1:
            pairs.append((kk[left[0]], ru[right[0]]))
    return pairs


@pytest.fixture(scope="module")
def harvest() -> tuple[list[tuple[str, str]], list]:
    pairs = one_to_one_pairs()
    return pairs, bilingual_candidates(pairs)


@pytest.mark.parametrize(
    ("kk", "ru"),
    [("Құрылтай", "Курулта"), ("Президент", "Президент"), ("Конституц", "Конституц"),
     ("Үкімет", "Правительств")],
)
def test_obvious_pairs_come_near_the_top(harvest: tuple, kk: str, ru: str) -> None:
    _, candidates = harvest
    top = [(c.kk.casefold(), c.ru.casefold()) for c in candidates[:15]]
    assert any(k.startswith(kk.casefold()) and r.startswith(ru.casefold()) for k, r in top), top


def test_multi_word_names_are_candidates_in_their_base_forms(harvest: tuple) -> None:
    _, candidates = harvest
    top = {(c.kk, c.ru): c for c in candidates[:5]}
    found = top[("Қазақстан Республикасы", "Республика Казахстан")]
    assert (found.kk_seen, found.ru_seen) == ("Қазақстан Республикасының", "Республики Казахстан")


def test_single_words_are_proposed_as_base_forms_not_as_seen(harvest: tuple) -> None:
    _, candidates = harvest
    pairs = {(c.kk, c.ru): c for c in candidates[:40]}
    for kk, ru, kk_seen, ru_seen in [("Құрылтай", "Курултай", "Құрылтай", "Курултая"),
                                     ("лауазым", "должность", "лауазымынан", "должности"),
                                     ("азамат", "гражданин", "азаматтарының", "граждан"),
                                     ("өкілеттік", "полномочие", "өкілеттігі", "полномочий"),
                                     ("Республика", "Республика", "Республикасының", "Республики")]:
        assert (pairs[(kk, ru)].kk_seen, pairs[(kk, ru)].ru_seen) == (kk_seen, ru_seen)


def test_everyday_words_and_insignificant_pairs_are_left_out(harvest: tuple) -> None:
    from workbench.glossary.candidates import SIGNIFICANT_G2, everyday

    _, candidates = harvest
    assert everyday("время") and everyday("человек") and not everyday("Курултай") and not everyday("Президент")
    assert all(c.score >= SIGNIFICANT_G2 for c in candidates)
    assert not any(c.kk == "сәйкес" or c.ru in ("соответствие", "соответствии") for c in candidates)


def test_examples_are_pairs_holding_both_sides(harvest: tuple) -> None:
    pairs, candidates = harvest
    for candidate in candidates[:30]:
        assert 0 < len(candidate.examples) <= 5
        for index in candidate.examples:
            kk, ru = pairs[index]
            assert contains(stems(kk, "kk"), stems(candidate.kk_seen, "kk"))
            assert contains(stems(ru, "ru"), stems(candidate.ru_seen, "ru"))


def contains(sentence: list[tuple[str, str]], ngram: list[tuple[str, str]]) -> bool:
    """The n-gram's stems occur in a row in the sentence (Республикасының and РЕСПУБЛИКАСЫНЫҢ alike)."""
    keys, want = [s for s, _ in sentence], [s for s, _ in ngram]
    return any(keys[i:i + len(want)] == want for i in range(len(keys)))


def test_candidates_are_ranked_and_each_ngram_used_once(harvest: tuple) -> None:
    _, candidates = harvest
    scores = [c.score for c in candidates]
    assert scores == sorted(scores, reverse=True)
    kk_keys = [tuple(s for s, _ in stems(c.kk_seen, "kk")) for c in candidates]
    assert len(kk_keys) == len(set(kk_keys))
    assert len({(c.kk, c.ru) for c in candidates}) == len(candidates)  # one per pair of base forms


def test_function_words_do_not_start_or_end_candidates(harvest: tuple) -> None:
    _, candidates = harvest
    for c in candidates:
        assert c.ru.split()[0].casefold() not in {"и", "в", "на", "по"}
        assert c.kk.split()[-1].casefold() not in {"және", "мен"}


def test_kazakh_letters_are_mapped_before_stemming() -> None:
    assert stems("Құрылтайдың", "kk") == [("курылт", "Құрылтайдың")]
    assert stems("Курултаем", "ru") == [("курулт", "Курултаем")]


def test_log_likelihood_is_zero_for_independent_or_negative_association() -> None:
    assert log_likelihood(1, 10, 10, 100) == 0.0  # fewer together than chance
    assert log_likelihood(10, 10, 10, 100) > log_likelihood(5, 10, 10, 100) > 0


def test_nothing_to_harvest_from_no_pairs() -> None:
    assert bilingual_candidates([]) == []


def test_pairs_already_in_the_glossary_are_left_out(harvest: tuple) -> None:
    _, candidates = harvest
    glossary = [Entry("term-0001", [Term("kk", "Құрылтай"), Term("ru", "Курултай")])]
    fresh = new_candidates(candidates[:10], TermMatcher(glossary))
    assert not any(c.kk.startswith("Құрылтай") and c.ru.startswith("Курулта") for c in fresh)
    assert len(fresh) == 9
