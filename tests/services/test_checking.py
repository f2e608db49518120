"""Stored findings: re-running the checks keeps verdicts, closes what is gone, reopens what comes back."""
from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from workbench.models import Finding, Segment
from workbench.services.checking import check_edition, current_findings
from workbench.services.importing import import_file

from corpus_paths import BOOK

LINES = BOOK.read_text(encoding="utf-8").split("\n")


def import_lines(tmp_path: Path, run_in, first: int, last: int):
    path = tmp_path / "part.txt"
    path.write_text("\n".join(LINES[first - 1:last]) + "\n", encoding="utf-8")
    return run_in(import_file, path, "kk", "Part").edition


def findings(session, check_id: str) -> list[Finding]:
    return list(session.scalars(select(Finding).where(Finding.check_id == check_id).order_by(Finding.line)))


def test_duplicated_passage_in_the_preface_is_stored_with_its_source_line(tmp_path, run_in, session):
    edition = import_lines(tmp_path, run_in, 28, 120)
    run = run_in(check_edition, edition)
    assert run.new == run.found > 0
    [dup] = findings(session, "duplicate-passage")
    assert dup.line == 65 - 27  # book line 65, counted in the excerpt file that starts at book line 28
    assert dup.excerpt.startswith("Алайда, сонымен бірге олар идеялармен")
    assert dup.status == "open"


def test_rerun_keeps_a_verdict_and_closes_a_fixed_erratum(tmp_path, run_in, session, sessions):
    edition = import_lines(tmp_path, run_in, 800, 860)  # part of the list of abbreviations: «Kазаk елi» at 841
    run_in(check_edition, edition)
    mixed = findings(session, "mixed-script")
    assert any("Kазаk" in f.excerpt for f in mixed)
    # an editor marks one finding intended, and corrects the sentence with «Kазаk»
    intended = next(f for f in mixed if "Kазаk" not in f.excerpt) if len(mixed) > 1 else None
    with sessions.begin() as s:
        if intended is not None:
            s.get(Finding, intended.id).status = "intended"
        seg = s.scalar(select(Segment).where(Segment.text.contains("Kазаk")))
        seg.text = seg.text.replace("Kазаk", "Қазақ").replace("елi", "елі")
    again = run_in(check_edition, edition)
    assert again.closed >= 1 and again.new == 0
    session.expire_all()
    rows = {f.excerpt: f for f in findings(session, "mixed-script")}
    fixed = next(f for e, f in rows.items() if "Kазаk" in e)
    assert fixed.status == "fixed" and fixed.resolved_at is not None and fixed.changed_by == "checks"
    if intended is not None:
        assert session.get(Finding, intended.id).status == "intended"
    assert not any("Kазаk" in f.excerpt for f in current_findings(session, edition.id))


def test_cli_check_on_a_file_prints_json_lines_with_source_lines(cli_runner, tmp_path):
    from workbench.cli.main import cli

    path = tmp_path / "list.txt"
    path.write_text("\n".join(LINES[:860]) + "\n", encoding="utf-8")
    out = cli_runner.invoke(cli, ["check", str(path), "--lang", "kk"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines()]
    mixed = [r for r in rows if r["check"] == "mixed-script" and "Kазаk" in r["excerpt"]]
    assert mixed and mixed[0]["line"] == 841 and mixed[0]["suggestion"] == "Қазақ"
    assert all(len(r["excerpt"]) <= 80 for r in rows)
    dup = [r for r in rows if r["check"] == "duplicate-passage"]
    assert dup and dup[0]["line"] == 65


def test_cli_check_on_a_stored_edition_stores_and_prints(cli_runner, tmp_path, run_in, session):
    from workbench.cli.main import cli

    edition = import_lines(tmp_path, run_in, 28, 120)
    out = cli_runner.invoke(cli, ["check", str(edition.id), "--format", "text"])
    assert out.exit_code == 0, out.output
    assert "duplicate-passage" in out.output and "new" in out.output
    assert findings(session, "duplicate-passage")


def test_cli_check_needs_a_language_for_a_file(cli_runner, tmp_path):
    from workbench.cli.main import cli

    path = tmp_path / "a.txt"
    path.write_text("Мәтін.\n", encoding="utf-8")
    out = cli_runner.invoke(cli, ["check", str(path)])
    assert out.exit_code == 1 and "--lang kk|ru is required" in out.output
