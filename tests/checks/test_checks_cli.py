"""The ``check FILE`` and ``checks`` commands, and the errata they find on the Kazakh edition."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from workbench.checks.registry import ALL_CHECKS
from workbench.cli.checks import check_file, list_checks

# Lines 838-842 of the book: a piece of the list of abbreviations with Latin letters in «Kазаk елi».
SAMPLE = (
    "ТЖК – тұрақты жұмыс істейтін кеңес\n"
    "\n"
    "ҚХБП – Қазақстанның халық бірлігі партиясы\n"
    " «Қазақ елі» ҰБП – «Kазаk елi» ұлттық бірігу партиясы\n"
    " «Алаш» ҰАП – «Алаш» ұлт-азаттық партиясы\n"
)


def test_check_prints_one_json_finding_per_line_with_the_file_line(tmp_path):
    path = tmp_path / "sample.txt"
    path.write_bytes(SAMPLE.encode())
    result = CliRunner().invoke(check_file, [str(path), "--lang", "kk"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    mixed = [r for r in rows if r["check"] == "mixed-script"]
    assert mixed == [
        {"check": "mixed-script", "severity": "error", "line": 4, "excerpt": "Kазаk",
         "message": "“Kазаk” mixes Latin and Cyrillic letters", "suggestion": "Қазақ"},
        {"check": "mixed-script", "severity": "error", "line": 4, "excerpt": "елi",
         "message": "“елi” mixes Latin and Cyrillic letters", "suggestion": "елі"},
    ]
    assert SAMPLE.splitlines()[mixed[0]["line"] - 1].find(mixed[0]["excerpt"]) >= 0


def test_check_text_format_and_flags(tmp_path):
    path = tmp_path / "sample.txt"
    path.write_bytes(SAMPLE.encode())
    result = CliRunner().invoke(check_file, [str(path), "--lang", "kk", "--format", "text"])
    assert f"{path}:4: error: [mixed-script]" in result.output
    quiet = CliRunner().invoke(check_file, [str(path), "--lang", "kk", "--flag", "ignore-mixed-script"])
    assert "mixed-script" not in quiet.output


def test_check_reports_a_bad_file_with_its_name(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"ok\n\xff\n")
    result = CliRunner().invoke(check_file, [str(path), "--lang", "kk"])
    assert result.exit_code == 1
    assert "bad.txt:2: invalid UTF-8 byte 0xff" in result.output


def test_checks_lists_every_check_with_its_description():
    result = CliRunner().invoke(list_checks)
    assert result.exit_code == 0
    for cls in ALL_CHECKS:
        assert cls.id in result.output and cls.description in result.output


@pytest.mark.parametrize("check, line, excerpt", [
    ("duplicate-passage", 65, "Алайда, сонымен бірге олар идеялармен"),        # the erratum of preface 1
    ("duplicate-passage", 7523, "9. Істерге өз бетінше бастамашылық"),
    ("abbreviation-two-expansions", 748, "ҚАП"),
    ("abbreviation-letters", 789, "ХҚДМ"),
    ("abbreviation-variant", 13493, "КОСКҰ"),
    ("mixed-script", 841, "Kазаk"),
    ("mixed-script", 8597, "сontra"),
    ("untranslated-passage", 15841, "в результате которых"),
    ("untranslated-passage", 17026, "С данной инициативой"),
    ("spelled-two-ways", 11694, "Косанов"),
    ("footnote-sequence", 17986, "шінде 12651 адам қайтыс болды [14]"),
    ("missing-space", 4266, "береді.қоғамдағы"),
    ("missing-space", 13291, "корпорацияға»айналдырды"),
    ("unbalanced-quotes", 10282, "дәлел болды. Осыған байланысты»экономикалық"),
    ("abbreviation-variant", 2316, "ҚҚФ"),
    ("abbreviation-undefined", 8642, "ЮАР"),
    ("glued-words", 19499, "Facebookи"),
    ("unresolved-hyphen", 9885, "білдір-ді"),
    ("cyrillic-roman-numeral", 16018, "Х1Х"),
    ("foreign-section", 19480, "Казахстанский институт"),
])
def test_the_errata_of_the_kazakh_edition_are_found(book_findings, check, line, excerpt):
    assert any(f.check == check and f.line == line and f.excerpt.startswith(excerpt) for f in book_findings)


def test_legitimate_repetition_of_the_book_is_not_an_erratum(book_findings):
    errors = [f for f in book_findings if f.check == "duplicate-passage"]
    assert {f.line for f in errors} == {65, 7523}
    # the bio on the back cover and preface 2's summary of chapter VI are information only
    assert {f.severity for f in book_findings if f.check == "repeated-passage"} == {"info"}
    assert not any(f.check == "untranslated-passage" and f.line >= 19480 for f in book_findings)
