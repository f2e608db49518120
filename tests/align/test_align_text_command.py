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


def test_joined_sentences_are_aligned_with_a_warning_on_stderr():
    # A translator joined sentences: the long line is one sentence of the input, never a refusal.
    raw = ROOT / "corpora" / "declaration_independence_20y" / "kk.raw.txt"
    result = CliRunner().invoke(align_text, [str(raw), str(SET / "ru.txt"), "--scores"])
    assert result.exit_code == 0, result.output
    assert f"warning: {raw}:48: line holds about" in result.stderr
    beads = parse_beads(result.stdout, "stdout")
    assert sorted(i for b in beads for i in b.kk) == list(range(len(raw.read_text(encoding="utf-8").splitlines())))
    assert sorted(j for b in beads for j in b.ru) == list(range(65))


def test_long_joined_line_among_sentences_is_paired_with_its_sentences(tmp_path):
    # Sentences 4-6 of the Kazakh file (article 1 and the start of article 2) joined into one line.
    kk = (SET / "kk.txt").read_text(encoding="utf-8").splitlines()
    joined = kk[:4] + [" ".join(kk[4:7])] + kk[7:]
    (tmp_path / "kk.txt").write_text("\n".join(joined) + "\n", encoding="utf-8")
    result = CliRunner().invoke(align_text, [str(tmp_path / "kk.txt"), str(SET / "ru.txt")])
    assert result.exit_code == 0, result.output
    beads = parse_beads(result.stdout, "stdout")
    assert beads[3:6] == parse_beads("[3]:[3]\n[4]:[4,5,6]\n[5]:[7]\n", "x")
    assert sorted(j for b in beads for j in b.ru) == list(range(65))


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
