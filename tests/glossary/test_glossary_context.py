"""A word with several senses counts for a concept only where its context restriction allows:
«азаматтық» is «гражданство» (citizenship) but not in «азаматтық қоғам / құқық / соғыс» (civil)."""
from __future__ import annotations

import pytest

from workbench.glossary.matching import TermMatcher
from workbench.glossary.model import Context, Entry, Term

CITIZENSHIP = Entry("t-1", [Term("kk", "азаматтық", context="not before: қоғам, құқық, соғыс, сектор, бастама"),
                            Term("ru", "гражданство")], note="sense: citizenship, not «civil»")


def entries_found(text, entries=(CITIZENSHIP,)):
    return [h.entry_id for h in TermMatcher(list(entries)).find(text, "kk")]


def test_the_civil_sense_is_not_counted_as_citizenship():
    assert entries_found("Азаматтық қоғамның рөлі артты.") == []
    assert entries_found("азаматтық құқықтың нормалары") == []
    assert entries_found("Азаматтық соғыс басталды.") == []


def test_the_citizenship_sense_still_counts_in_its_inflected_forms():
    assert entries_found("Қазақстан Республикасының азаматтығы бар адам.") == ["t-1"]
    assert entries_found("Ол азаматтықты қабылдады.") == ["t-1"]
    assert entries_found("Қос азаматтық танылмайды.") == ["t-1"]


def test_only_before_restricts_to_the_listed_next_words():
    entry = Entry("t-2", [Term("kk", "сайлау", context="only before: комиссия")])
    assert entries_found("Орталық сайлау комиссиясы", [entry]) == ["t-2"]
    assert entries_found("Сайлау өтті.", [entry]) == []


@pytest.mark.parametrize("spec", ["before: x", "not after: x", "only"])
def test_a_restriction_that_does_not_parse_is_refused(spec):
    with pytest.raises(ValueError, match="expected 'not before"):
        Context.parse(spec)


def test_the_restriction_is_stored_and_refused_when_malformed(run_in):
    from workbench.errors import InputError
    from workbench.services import glossary

    run_in(glossary.save_entries, [CITIZENSHIP])
    assert run_in(glossary.entries)[0].terms[0].context == CITIZENSHIP.terms[0].context
    bad = Entry("t-9", [Term("kk", "азаматтық", context="after: қоғам")])
    with pytest.raises(InputError, match="entry 1 \\(t-9\\): term «азаматтық»: context 'after: қоғам'"):
        run_in(glossary.save_entries, [bad])
