"""Checks of the glossary itself: defects of its entries, such as the book's list carries (pure).

Each check looks at all entries and returns issues; an empty list means the glossary passes. The
ids are kebab-case and stable, like the text checks' ids:

* ``abbreviation-two-expansions`` — one abbreviation names two concepts (ҚАП in the book's list);
* ``letters-do-not-fit`` — an abbreviation's letters cannot be read off its full form (ХҚДМ);
* ``missing-language`` — an entry has no term in Kazakh or in Russian;
* ``duplicate-term`` — the same full form (case- and ё-insensitive) in two entries;
* ``mixed-script`` — a term mixes Latin and Cyrillic letters («Kазаk елi»);
* ``approval-incomplete`` — an approved entry without approver or date, or a proposed one with them.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from workbench.errors import N_, Message
from workbench.glossary.abbreviations import letters_fit
from workbench.glossary.model import Entry
from workbench.text.normalise import fold, mixed_script_words

LANGS = ("kk", "ru")


@dataclass(frozen=True)
class GlossaryIssue:
    """One defect of one entry (and, where it concerns a term, that term); ``message`` is a
    :class:`~workbench.errors.Message` (English as a ``str``, shown in the reader's language on pages)."""

    check: str
    entry_id: str
    message: Message
    term: str | None = None
    lang: str | None = None


def abbreviation_two_expansions(entries: Sequence[Entry]) -> list[GlossaryIssue]:
    """The same abbreviation (exact letters) as a term of two entries with different full forms."""
    by_abbreviation: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        for lang in LANGS:
            for term in entry.abbreviations(lang):
                by_abbreviation[lang, term.text].append(entry)
    issues = []
    for (lang, abbreviation), owners in by_abbreviation.items():
        fulls = {fold(e.preferred(lang).text) for e in owners if e.preferred(lang)}
        if len(owners) < 2 or len(fulls) < 2:
            continue
        for entry in owners:
            others = ", ".join(f"{o.id} ({o.preferred(lang).text})" for o in owners
                               if o is not entry and o.preferred(lang))
            issues.append(GlossaryIssue("abbreviation-two-expansions", entry.id,
                                        Message(N_("%(abbreviation)s also stands for %(others)s"),
                                                abbreviation=abbreviation, others=others), abbreviation, lang))
    return issues


def letters_do_not_fit(entries: Sequence[Entry]) -> list[GlossaryIssue]:
    """Abbreviations whose letters cannot be read off the entry's full form in the same language."""
    issues = []
    for entry in entries:
        for lang in LANGS:
            full = entry.preferred(lang)
            if full is None or full.type != "full-form":
                continue
            for term in entry.abbreviations(lang):
                if not letters_fit(term.text, full.text):
                    message = Message(N_("the letters of %(abbreviation)s do not fit %(full)s"),
                                      abbreviation=term.text, full=full.text)
                    issues.append(GlossaryIssue("letters-do-not-fit", entry.id, message, term.text, lang))
    return issues


def missing_language(entries: Sequence[Entry]) -> list[GlossaryIssue]:
    """Entries without a Kazakh or without a Russian term."""
    return [GlossaryIssue("missing-language", e.id, Message(N_("no %(lang)s term"), lang=lang), lang=lang)
            for e in entries for lang in LANGS if not e.terms_in(lang)]


def duplicate_term(entries: Sequence[Entry]) -> list[GlossaryIssue]:
    """A full form that is a full form of another entry too (merge them, or tell them apart)."""
    seen: dict[tuple[str, str], str] = {}
    issues = []
    for entry in entries:
        for term in entry.terms:
            if term.type != "full-form":
                continue
            key = (term.lang, fold(term.text))
            first = seen.setdefault(key, entry.id)
            if first != entry.id:
                message = Message(N_("%(term)s is also a term of %(entry)s"), term=term.text, entry=first)
                issues.append(GlossaryIssue("duplicate-term", entry.id, message, term.text, term.lang))
    return issues


def mixed_script(entries: Sequence[Entry]) -> list[GlossaryIssue]:
    """Terms with words mixing Latin and Cyrillic look-alike letters."""
    issues = []
    for entry in entries:
        for term in entry.terms:
            for _, word, suggestion in mixed_script_words(term.text):
                message = Message(N_("%(word)s mixes Latin and Cyrillic letters; %(suggestion)s?"), word=word,
                                  suggestion=suggestion)
                issues.append(GlossaryIssue("mixed-script", entry.id, message, term.text, term.lang))
    return issues


def approval_incomplete(entries: Sequence[Entry]) -> list[GlossaryIssue]:
    """Approval fields that contradict each other."""
    issues = []
    for e in entries:
        if e.approval == "approved" and (e.approved_by is None) != (e.approved_at is None):
            issues.append(GlossaryIssue("approval-incomplete", e.id, Message(N_("approved, but approver or date missing"))))
        if e.approval == "proposed" and (e.approved_by or e.approved_at):
            issues.append(GlossaryIssue("approval-incomplete", e.id, Message(N_("proposed, yet approver or date set"))))
    return issues


CHECKS: dict[str, Callable[[Sequence[Entry]], list[GlossaryIssue]]] = {
    "abbreviation-two-expansions": abbreviation_two_expansions,
    "letters-do-not-fit": letters_do_not_fit,
    "missing-language": missing_language,
    "duplicate-term": duplicate_term,
    "mixed-script": mixed_script,
    "approval-incomplete": approval_incomplete,
}


def check_glossary(entries: Iterable[Entry], ignore: Iterable[str] = ()) -> list[GlossaryIssue]:
    """Every issue of every check not in ``ignore``, by entry order then check order."""
    entries = list(entries)
    skipped = set(ignore)
    unknown = skipped - set(CHECKS)
    if unknown:
        raise ValueError(f"unknown glossary check(s): {', '.join(sorted(unknown))}")
    order = {e.id: n for n, e in enumerate(entries)}
    found = [issue for check_id, check in CHECKS.items() if check_id not in skipped
             for issue in check(entries)]
    ids = list(CHECKS)
    return sorted(found, key=lambda i: (order.get(i.entry_id, 0), ids.index(i.check)))
