"""``terms FILE``: hits of the shipped glossary in a text file, as JSON lines or TSV."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from workbench.cli.terms import terms

# Lines 11863 and 85 of corpora/chebotarev-2021.kk.txt.
TEXT = "Қазақстанның саяси аренасында ЖСДП-ның пайда болуы\nКСРО-да басталған саяси ырықтандыру жолын\n"


def run(tmp_path: Path, *args: str) -> list[str]:
    text = tmp_path / "sample.txt"
    text.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(terms, [str(text), *args])
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def test_jsonl_gives_line_surface_entry_and_russian_term(tmp_path: Path) -> None:
    records = [json.loads(line) for line in run(tmp_path, "--lang", "kk", "--format", "jsonl")]
    by_surface = {r["surface"]: r for r in records}
    assert by_surface["ЖСДП-ның"]["line"] == 1
    assert by_surface["ЖСДП-ның"]["ru"] == "Общенациональная социал-демократическая партия Казахстана"
    assert by_surface["ЖСДП-ның"]["counterpart"] == "ОСДП"
    assert by_surface["КСРО-да"]["line"] == 2 and by_surface["КСРО-да"]["counterpart"] == "СССР"


def test_tsv_has_four_columns(tmp_path: Path) -> None:
    rows = [line.split("\t") for line in run(tmp_path, "--format", "tsv")]
    assert ["2", "КСРО-да"] == rows[-1][:2] and len(rows[-1]) == 4


def test_a_bad_glossary_is_reported_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tkk\n", encoding="utf-8")
    text = tmp_path / "sample.txt"
    text.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(terms, [str(text), "--glossary", str(bad)])
    assert result.exit_code == 1 and result.output.startswith(f"error: {bad}:1:"), result.output


def test_a_missing_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(terms, [str(tmp_path / "none.txt")])
    assert result.exit_code == 1 and result.output == f"error: {tmp_path / 'none.txt'}: no such file\n", result.output
