"""The ``align-text`` command: beads on stdout in the gold format, clear errors for bad files."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from workbench.align import parse_beads, score_alignment
from workbench.cli.align_text import align_text

ROOT = Path(__file__).resolve().parents[2]
SET = ROOT / "corpora" / "law_state_independence_1991"


def test_beads_are_printed_one_per_line_and_score_against_the_gold():
    result = CliRunner().invoke(align_text, [str(SET / "kk.txt"), str(SET / "ru.txt")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == ["[0]:[0]", "[1]:[1]"]
    gold = parse_beads((SET / "gold.txt").read_text(encoding="utf-8"), "gold.txt")
    assert score_alignment(gold, parse_beads(result.output, "stdout")).strict_f1 == 1.0


def test_scores_option_appends_a_tab_and_the_score():
    result = CliRunner().invoke(align_text, [str(SET / "kk.txt"), str(SET / "ru.txt"), "--scores"])
    bead, score = result.output.splitlines()[0].split("\t")
    assert bead == "[0]:[0]" and 0.0 <= float(score) <= 1.0


def test_fixed_beads_file_is_kept(tmp_path):
    fixed = tmp_path / "fixed.txt"
    fixed.write_text("[3]:[]\n", encoding="utf-8")
    result = CliRunner().invoke(align_text, [str(SET / "kk.txt"), str(SET / "ru.txt"), "--fixed", str(fixed)])
    assert result.exit_code == 0, result.output
    assert "[3]:[]" in result.output.splitlines()


def test_paragraph_file_is_refused_with_file_and_line():
    raw = ROOT / "corpora" / "declaration_independence_20y" / "kk.raw.txt"
    result = CliRunner().invoke(align_text, [str(raw), str(SET / "ru.txt")])
    assert result.exit_code == 1
    assert f"{raw}:48: line holds about" in result.output


def test_missing_file_is_reported(tmp_path):
    result = CliRunner().invoke(align_text, [str(tmp_path / "none.txt"), str(SET / "ru.txt")])
    assert result.exit_code == 1
    assert "none.txt: cannot read" in result.output


def test_command_runs_as_a_module():
    command = [sys.executable, "-m", "workbench.cli.align_text", str(SET / "kk.txt"), str(SET / "ru.txt")]
    out = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True)
    assert len(out.stdout.splitlines()) == 65


def test_same_files_give_the_same_beads_and_scores_on_every_run():
    # Python varies the order of set iteration from run to run (hash seed); the beads must not vary.
    decl = ROOT / "corpora" / "declaration_independence_20y"
    outputs = set()
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-m", "workbench.cli.align_text", str(decl / "kk.txt"),
                              str(decl / "ru.txt"), "--scores"], capture_output=True, text=True, cwd=ROOT,
                             check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.add(out.stdout)
    assert len(outputs) == 1
