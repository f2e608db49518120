"""The concept-oriented entry: preferred terms and linked abbreviations per language."""
from __future__ import annotations

from workbench.glossary.model import Entry, Term


def test_preferred_term_is_the_preferred_full_form_before_an_abbreviation() -> None:
    entry = Entry("abbr-074", [Term("kk", "ҚР", "abbreviation"), Term("kk", "Қазақстан Республикасы"),
                               Term("ru", "РК", "abbreviation")])
    assert entry.preferred("kk").text == "Қазақстан Республикасы"
    assert entry.preferred("ru").text == "РК"  # the only Russian term
    assert entry.preferred("en") is None
    assert [t.text for t in entry.abbreviations("kk")] == ["ҚР"]
    assert entry.languages == ["kk", "ru"]


def test_admitted_terms_come_before_deprecated_ones_when_nothing_is_preferred() -> None:
    entry = Entry("t-1", [Term("kk", "Жоғарғы Совет", "variant", "deprecated"),
                          Term("kk", "Жоғарғы Кеңес", "variant", "admitted")])
    assert entry.preferred("kk").text == "Жоғарғы Кеңес"


def test_new_entries_are_proposed() -> None:
    entry = Entry("t-1", [Term("kk", "Құрылтай")])
    assert (entry.approval, entry.approved_by, entry.approved_at) == ("proposed", None, None)
