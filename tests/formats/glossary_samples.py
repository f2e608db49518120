"""Glossary entries for the format tests: the plain sample every glossary format carries, and a rich one."""
from __future__ import annotations

import dataclasses

from workbench.glossary.model import Entry, Term


def plain_entries() -> list[Entry]:
    """Entries using only what the shipped TSV columns carry (terms, variants, entry fields)."""
    return [
        Entry(
            "abbr-001",
            [
                Term("kk", "Қазақстан Республикасы"),
                Term("kk", "ҚР", "abbreviation"),
                Term("ru", "Республика Казахстан"),
                Term("ru", "РК", "abbreviation"),
            ],
            category="state",
            note="Мемлекеттің ресми атауы (book line 843)",
            source="corpora/constitution_2026",
            approval="approved",
            approved_by="Ә. Сейітқали",
            approved_at="2026-11-26T01:00:00+00:00",
        ),
        Entry(
            "term-0001",
            [
                Term("kk", "«Нұр Отан» партиясы"),
                Term("kk", "Нұр Отан", "variant", "admitted"),
                Term("ru", "партия «Нур Отан»"),
                Term("ru", "«Нур Отан»", "variant", "admitted"),
            ],
            category="party",
        ),
        Entry("term-0002", [Term("kk", "Елбасы")], category="office", note="no Russian term yet"),
    ]


def rich_entries() -> list[Entry]:
    """Plain entries plus part of speech, term notes, short forms and every term status."""
    entries = plain_entries()
    entries[0].terms[0].pos = "noun"
    entries[0].terms[0].note = "толық атауы"
    entries[0].terms[2].pos = "noun"
    entries.append(
        Entry(
            "term-0003",
            [
                Term("kk", "Жоғарғы Кеңес", pos="noun", context="not before: төрағасы; only before: шешті, қаулы"),
                Term("kk", "Жоғарғы Совет", "variant", "deprecated", note="кеңестік кезең"),
                Term("ru", "Верховный Совет", pos="noun"),
                Term("ru", "ВС", "short-form", "admitted"),
                Term("ru", "Верх. Совет", "variant", "forbidden"),
            ],
            source="book line 1106",
        )
    )
    return entries


def with_text(text: str) -> Entry:
    """An entry whose terms and note all hold ``text``."""
    return Entry("term-9999", [Term("kk", text), Term("ru", text + " (ru)")], note=text, category=text)


def without(entry: Entry, **fields: object) -> Entry:
    """A copy of ``entry`` with some fields reset."""
    return dataclasses.replace(entry, terms=[dataclasses.replace(t) for t in entry.terms], **fields)
