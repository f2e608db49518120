"""The glossary's own checks, on small entries and on the shipped glossary (whose list has real defects)."""
from __future__ import annotations

import pytest

from workbench.services.glossary import load_glossary
from workbench.glossary.checks import CHECKS, check_glossary
from workbench.glossary.model import Entry, Term


def abbreviation_entry(entry_id: str, full: str, abbreviation: str) -> Entry:
    terms = [Term("kk", full), Term("kk", abbreviation, "abbreviation"), Term("ru", f"{full} (ru)")]
    return Entry(entry_id, terms)


def test_one_abbreviation_for_two_concepts_is_flagged_on_both() -> None:
    # The book's list, lines 733 and 748: ҚАП twice with two expansions.
    entries = [
        abbreviation_entry("a-1", "Қазақстанның аграрлық партиясы", "ҚАП"),
        abbreviation_entry("a-2", "Қазақстаның азаматтық партиясы", "ҚАП"),
        abbreviation_entry("a-3", "Қазақстан халқы ассамблеясы", "ҚХА"),
    ]
    issues = check_glossary(entries)
    assert [(i.check, i.entry_id) for i in issues] == [
        ("abbreviation-two-expansions", "a-1"), ("abbreviation-two-expansions", "a-2")
    ]
    assert "a-2 (Қазақстаның азаматтық партиясы)" in issues[0].message


def test_letters_that_do_not_fit_are_flagged() -> None:
    # Line 789 of the book: ХҚДМ – Халықаралық қайта құру және даму банкі.
    [issue] = check_glossary([abbreviation_entry("a-1", "Халықаралық қайта құру және даму банкі", "ХҚДМ")])
    assert (issue.check, issue.term, issue.lang) == ("letters-do-not-fit", "ХҚДМ", "kk")


@pytest.mark.parametrize(
    ("entry", "check"),
    [
        (Entry("t-1", [Term("kk", "Елбасы")]), "missing-language"),
        (Entry("t-1", [Term("kk", "«Kазаk елi»"), Term("ru", "x")]), "mixed-script"),
        (Entry("t-1", [Term("kk", "a"), Term("ru", "b")], approval="approved", approved_by="Ә. Қ."),
         "approval-incomplete"),
        (Entry("t-1", [Term("kk", "a"), Term("ru", "b")], approved_at="2026-11-26"), "approval-incomplete"),
    ],
)
def test_entry_defects(entry: Entry, check: str) -> None:
    assert {i.check for i in check_glossary([entry])} == {check}


def test_duplicate_full_forms_across_entries() -> None:
    entries = [Entry("t-1", [Term("kk", "Мәжіліс"), Term("ru", "Мажилис")]),
               Entry("t-2", [Term("kk", "мәжіліс"), Term("ru", "Мажлис")])]
    assert [(i.check, i.entry_id) for i in check_glossary(entries)] == [("duplicate-term", "t-2")]


def test_checks_can_be_ignored_by_id_and_unknown_ids_refused() -> None:
    assert check_glossary([Entry("t-1", [Term("kk", "Елбасы")])], ignore=["missing-language"]) == []
    with pytest.raises(ValueError, match="no-such-check"):
        check_glossary([], ignore=["no-such-check"])
    assert all(check_id == check_id.lower() and " " not in check_id for check_id in CHECKS)


def test_shipped_glossary_flags_the_defects_of_the_books_list() -> None:
    issues = {(i.check, i.entry_id, i.term) for i in check_glossary(load_glossary())}
    two = {(entry, term) for check, entry, term in issues if check == "abbreviation-two-expansions"}
    assert {term for _, term in two} >= {"ҚАП"}
    assert any(check == "letters-do-not-fit" and term == "ХҚДМ" for check, _, term in issues)
    assert any(check == "mixed-script" and "Kазаk" in (term or "") for check, _, term in issues)
