"""First start: the bundled corpora imported and aligned, glossary loaded, book checked, admin made — once."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from workbench.models import Alignment, Edition, Finding, GlossaryEntry, User
from workbench.services.setup import prepare


# The first start imports, aligns and checks every bundled corpus: 10 s or more each; CI runs them.
@pytest.mark.slow
def test_first_start_prepares_everything_and_a_second_start_changes_nothing(app, run_in, session, tmp_path):
    lines = run_in(lambda s: list(prepare(s, app.config, str(tmp_path))))
    text = "\n".join(lines)
    assert "glossary: 731 shipped entries loaded" in text
    assert "chebotarev-2021.kk.txt: imported" in text and "errata checks" in text
    assert "Created the user admin" in text
    count = lambda model: session.scalar(select(func.count()).select_from(model))  # noqa: E731
    assert count(Edition) == 7 and count(Alignment) == 3 and count(GlossaryEntry) == 731 and count(User) == 1
    book = session.scalar(select(Edition).where(Edition.source_name == "chebotarev-2021.kk.txt"))
    assert session.scalar(select(func.count()).select_from(Finding).where(
        Finding.edition_id == book.id, Finding.check_id == "duplicate-passage")) >= 1
    constitution = session.scalar(select(Alignment).join(Edition, Edition.id == Alignment.kk_edition_id)
                                  .where(Edition.title.like("Конституция%")))
    assert constitution.bead_count >= 660
    again = run_in(lambda s: list(prepare(s, app.config, str(tmp_path))))
    assert all("imported" not in line and "loaded" not in line and "Created" not in line for line in again)
    assert count(Edition) == 7 and count(Alignment) == 3


@pytest.mark.slow
def test_cli_check_alignment_stores_bead_findings(app, run_in, cli_runner, session, tmp_path):
    from workbench.cli.main import cli
    from workbench.services.setup import PAIRS

    run_in(lambda s: list(prepare(s, app.config, str(tmp_path))))
    alignment = session.scalar(select(Alignment).order_by(Alignment.id))
    out = cli_runner.invoke(cli, ["check-alignment", str(alignment.id), "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines() if line.startswith("{")]
    assert rows and all(r["check"] for r in rows)
    assert session.scalar(select(func.count()).select_from(Finding).where(
        Finding.alignment_id == alignment.id, Finding.bead_position.is_not(None))) == len(rows)
    assert len(PAIRS) == 3
    missing = cli_runner.invoke(cli, ["check-alignment", "999"])
    assert missing.exit_code == 1 and "no alignment 999" in missing.output
