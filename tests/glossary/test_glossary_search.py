"""Search for a terminologist: the exact entry first, then inflected forms, then substrings; approved
before proposed; the total of all matches."""
from __future__ import annotations

import pytest

from corpus_paths import GLOSSARY
from workbench.glossary.model import Entry, Term
from workbench.services import glossary


@pytest.fixture
def loaded(run_in):
    run_in(glossary.load_shipped, GLOSSARY)
    run_in(glossary.save_entries, [Entry("abbr-emo", [Term("kk", "Еуразиялық мемлекетаралық ода"),
                                                      Term("kk", "ЕМО", "abbreviation"),
                                                      Term("ru", "Евразийское межгосударственное объединение"),
                                                      Term("ru", "ЕМО", "abbreviation")])])


def ids(run_in, query, **kw):
    rows, total = run_in(lambda s: glossary.search(s, query, **kw))
    return [r.id for r in rows], total


def test_the_exact_abbreviation_comes_first_of_all_that_contain_it(run_in, loaded):
    found, total = ids(run_in, "ЕМО")
    assert found[0] == "abbr-emo"
    assert total > 20  # демократия, меморандум … still listed after it, and counted


def test_exact_then_inflected_then_substring_and_approved_first(run_in, loaded):
    found, _ = ids(run_in, "Парламент")
    assert found[0] == "term-0002"
    found, _ = ids(run_in, "партиясының", lang="kk")
    assert found[0] == "term-0344"
    found, _ = ids(run_in, "Қазақстан")
    assert found[0] == "abbr-074"
    ranked = run_in(lambda s: [(r.approval) for r in glossary.search(s, "Қазақстан", limit=200)[0]])
    # after the exact entry, the substring matches: approved ones before proposed ones
    assert ranked[1:] == sorted(ranked[1:], key=lambda a: a != "approved")


def test_russian_kazakhstan_is_in_the_shipped_glossary(run_in, loaded):
    found, _ = ids(run_in, "Казахстан", lang="ru")
    assert found[0] == "abbr-074"


def test_paging_keeps_the_rank_order(run_in, loaded):
    everything, total = ids(run_in, "демократ", limit=500)
    pages = [ids(run_in, "демократ", offset=o, limit=7)[0] for o in range(0, total, 7)]
    assert sum(pages, []) == everything and len(everything) == total
