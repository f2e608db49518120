"""The shipped glossary TSV: parsing, errors naming the line, and the files under glossary/."""
from __future__ import annotations

from pathlib import Path

import pytest

from workbench.errors import FormatError
from workbench.glossary.data import COLUMNS, entry_to_row, format_glossary_tsv, parse_glossary_tsv
from workbench.glossary.model import Entry, Term

GLOSSARY = Path(__file__).resolve().parents[2] / "glossary"
HEADER = "\t".join(COLUMNS)


def test_a_row_becomes_a_concept_with_linked_abbreviations() -> None:
    text = (f"{HEADER}\nabbr-001\tstate\tҚазақстан Республикасы\tҚР\tҚазақстан | Қазақ елі\t"
            "Республика Казахстан\tРК\t\tapproved\tcorpora/constitution_2026\tofficial name\n")
    [entry] = parse_glossary_tsv(text, "g.tsv")
    assert entry.id == "abbr-001" and entry.approval == "approved" and entry.category == "state"
    assert entry.preferred("kk") == Term("kk", "Қазақстан Республикасы")
    assert entry.abbreviations("kk") == [Term("kk", "ҚР", "abbreviation")]
    assert [t.text for t in entry.terms_in("kk") if t.type == "variant"] == ["Қазақстан", "Қазақ елі"]
    assert entry.preferred("ru").text == "Республика Казахстан" and entry.abbreviations("ru")[0].text == "РК"


def test_blank_and_comment_lines_are_skipped() -> None:
    text = f"# shipped glossary\n{HEADER}\n\n# a comment\nt-1\t\tпартия\t\t\tпартия\t\t\tproposed\t\t\n"
    assert [e.id for e in parse_glossary_tsv(text, "g.tsv")] == ["t-1"]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (f"{HEADER}\nt-1\tпартия\n", 2, "2 fields"),
        ("id\tkk\tru\n", 1, "lacks column"),
        (f"{HEADER}\tcolour\n", 1, "unknown column"),
        (f"{HEADER}\nt 1\t\tа\t\t\tа\t\t\tproposed\t\t\n", 2, "not an id"),
        (f"{HEADER}\nt-1\t\tа\t\t\tа\t\t\tsure\t\t\n", 2, "status"),
        (f"{HEADER}\nt-1\t\t\t\t\t\t\t\tproposed\t\t\n", 2, "no term"),
        (f"{HEADER}\nt-1\t\tа\t\t\tа\t\t\tproposed\t\t\n\nt-1\t\tб\t\t\tб\t\t\tproposed\t\t\n", 4,
         "already used"),
    ],
)
def test_bad_rows_are_refused_naming_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(FormatError) as caught:
        parse_glossary_tsv(text, "g.tsv")
    assert caught.value.line == line and caught.value.path == "g.tsv"
    assert words in str(caught.value)


def test_formatting_and_parsing_round_trip() -> None:
    entries = [
        Entry("t-1", [Term("kk", "Мәжіліс"), Term("kk", "Парламент Мәжілісі", "variant", "admitted"),
                      Term("ru", "Мажилис")], category="state-body", note="lower chamber"),
    ]
    assert parse_glossary_tsv(format_glossary_tsv(entries), "g.tsv") == entries
    assert entry_to_row(entries[0])["kk_variants"] == "Парламент Мәжілісі"


@pytest.mark.parametrize("name", ["abbreviations.tsv", "political-terms.tsv"])
def test_shipped_files_parse(name: str) -> None:
    entries = parse_glossary_tsv((GLOSSARY / name).read_text(encoding="utf-8"), name)
    assert entries and all(e.preferred("kk") and e.preferred("ru") for e in entries)
