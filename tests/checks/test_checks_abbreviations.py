"""Abbreviations: the book's list against itself and against the text (lines 726-875 of the book)."""
from __future__ import annotations

from workbench.checks.abbreviations import (
    AbbreviationLettersCheck, AbbreviationTwoExpansionsCheck, AbbreviationUndefinedCheck, AbbreviationUnusedCheck,
    AbbreviationVariantCheck, same_expansion,
)

# A piece of the list, as it is printed (lines 731-734, 748, 789-790, 843, 874).
LIST = (
    "АХМ – Алматы халық майданы\n"
    "ПӘ – Қазақстан Республикасы Президентінің Әкімшілігі\n"
    "ҚАП – Қазақстанның аграрлық партиясы\n"
    "ОСКҚ – Қазақстанның орыс, славян және казак ұйымдарының қауымдастығы\n"
    "ҚАП – Қазақстаның азаматтық партиясы\n"
    "ХҚДМ – Халықаралық қайта құру және даму банкі\n"
    "ХВҚ - Халықаралық валюта қоры\n"
    "ҚР – Қазақстан Республикасы\n"
    "ОАР – Оңтүстік-Африка республикасы\n"
    "АӨСШК - Азиядағы өзара іс-қимыл және сенім шаралары жөніндегі кеңес\n"
    "НАТО – Солтүстік Атлантикалық шарт ұйымы (ағылш. North Atlantic Treaty Organization)"
)
TEXT = (
    # line 2488: the text has the right ХҚДБ; line 8642 ЮАР for the listed ОАР; 13493 КОСКҰ for ОСКҚ
    "көпжақты ынтымақтастық – БҰҰ, ХВҚ, ХҚДБ және т.б. ҚР Президенті ПӘ мен АХМ туралы айтты.",
    "Мысалы, ЮАР тәжірибесі ҚАП үшін маңызды болды.",
    "Қазақстанның орыс, славян және казак ұйымдарының (КОСКҰ) қауымдастығына бірікті.",
    "Азиядағы өзара іс-қимыл және сенім шаралары жөніндегі кеңес (АӨІСК) отырысы өтті.",
)


def _run(cls, edition):
    ed = edition(LIST, *TEXT, first_line=731, kinds=("list_item",))
    return cls().run(ed)


def test_one_abbreviation_with_two_expansions(edition):
    found = _run(AbbreviationTwoExpansionsCheck, edition)
    assert [(f.excerpt, f.line, f.other_line) for f in found] == [("ҚАП", 735, 733)]


def test_letters_that_do_not_fit_suggest_the_spelling_of_the_text(edition):
    # НАТО fits its English name in brackets (line 793), so only ХҚДМ is reported
    found = _run(AbbreviationLettersCheck, edition)
    assert [(f.excerpt, f.line, f.suggestion) for f in found] == [("ХҚДМ", 736, "ХҚДБ")]


def test_undefined_abbreviations_are_reported_once_and_a_near_spelling_is_named_not_offered(edition):
    found = _run(AbbreviationUndefinedCheck, edition)
    # ХҚДБ is the right spelling (the list's ХҚДМ is garbled), so ХҚДМ must not be offered for it;
    # КОСКҰ and АӨІСК are defined in brackets where they are first used.
    assert {f.excerpt: f.suggestion for f in found} == {"БҰҰ": None, "ХҚДБ": None, "ЮАР": None}
    assert "ХҚДМ is defined" in next(f.message for f in found if f.excerpt == "ХҚДБ")


def test_a_russian_abbreviation_in_a_kazakh_text_names_the_kazakh_one_of_its_glossary_entry(edition):
    from workbench.glossary.model import Entry, Term

    ed = edition(LIST, *TEXT, first_line=731, kinds=("list_item",))
    ed.glossary = [Entry("sa", [Term("kk", "ОАР", type="abbreviation"), Term("ru", "ЮАР", type="abbreviation")])]
    found = AbbreviationUndefinedCheck().run(ed)
    # the Russian ЮАР does not define the Kazakh text's ЮАР; the entry's Kazakh ОАР is named, not offered
    # (the same letters may stand for another body in the text)
    yuar = next(f for f in found if f.excerpt == "ЮАР")
    assert yuar.suggestion is None and "the Russian abbreviation of ОАР" in yuar.message


def test_a_near_abbreviation_with_another_meaning_is_never_suggested(edition):
    ed = edition("КНР – Қытай Халық Республикасы", "ҚХР мен КНР туралы. Кеңестік КСР құрылды.",
                 kinds=("list_item",))
    found = AbbreviationUndefinedCheck().run(ed)
    assert all(f.suggestion is None for f in found)


def test_listed_but_unused(edition):
    assert {f.excerpt for f in _run(AbbreviationUnusedCheck, edition)} == {"ХҚДМ", "ОСКҚ", "ОАР", "АӨСШК", "НАТО"}


def test_two_abbreviations_for_one_expansion(edition):
    found = _run(AbbreviationVariantCheck, edition)
    assert {(f.excerpt, f.other_line) for f in found} == {("КОСКҰ", 734), ("АӨІСК", 740)}


def test_same_expansion_allows_case_endings_and_left_out_leading_words():
    assert same_expansion("Қазақстан халқы ассамблеясы", "Қазақстан халқы Ассамблеясының")
    assert same_expansion("Қазақстан Республикасы Президентінің жанындағы Ұлттық қоғамдық сенім кеңесі",
                          "Ұлттық қоғамдық сенім кеңесін")
    assert same_expansion("Еуразиялық экономикалық одақ", "Еуразиялық экономикалық одағы")
    assert not same_expansion("Қазақстанның аграрлық партиясы", "Қазақстаның азаматтық партиясы")
    assert not same_expansion("«Азамат» Қазақстанның демократиялық партиясы", "Қазақстанның демократиялық партиясы")
    assert not same_expansion("жалпыхалықтық азаматтық жиналыс", "Жалпыұлттық азаматтық жиналыс")


def test_without_a_list_nothing_is_undefined(edition):
    assert AbbreviationUndefinedCheck().run(edition("ҚР Президенті БҰҰ-да сөйледі.")) == []


def test_an_abbreviation_in_the_glossary_is_defined(edition):
    from workbench.glossary.model import Entry, Term

    ed = edition(LIST, *TEXT, first_line=731, kinds=("list_item",))
    ed.glossary = [Entry("un", [Term("kk", "БҰҰ", type="abbreviation"), Term("kk", "Біріккен Ұлттар Ұйымы")])]
    assert "БҰҰ" not in {f.excerpt for f in AbbreviationUndefinedCheck().run(ed)}


def test_an_abbreviation_written_with_and_without_kazakh_letters(edition):
    ed = edition("ҚР – Қазақстан Республикасы\nБҰҰ – Біріккен Ұлттар Ұйымы\nАҚШ – Америка Құрама Штаттары",
                 "ҚР Президенті мен ҚР Үкіметі БҰҰ-да.", "КР Конституциясы.", kinds=("list_item",))
    found = AbbreviationVariantCheck().run(ed)
    assert [(f.excerpt, f.suggestion, f.line) for f in found] == [("КР", "ҚР", 7)]
