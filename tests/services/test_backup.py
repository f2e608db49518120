"""Backups: every row of every table survives backup → restore, between SQLite and PostgreSQL alike."""
from __future__ import annotations

import datetime as dt
import json
import sys
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "web"))
from review_builders import build_demo  # noqa: E402

from corpus_paths import GLOSSARY  # noqa: E402
from workbench import create_app  # noqa: E402
from workbench.db import transaction, upgrade  # noqa: E402
from workbench.errors import InputError  # noqa: E402
from workbench.models import Bead, Finding, Segment  # noqa: E402
from workbench.services import accounts, glossary, review  # noqa: E402
from workbench.services.backup import backup, restore, tables  # noqa: E402


def _fill(sessions) -> None:
    """A bit of everything a team produces: users, a confirmed bead and an edited sentence with their
    history, a finding with a verdict, the glossary with an approval, an audit entry."""
    with transaction(sessions) as s:
        glossary.load_shipped(s, GLOSSARY)
        demo = build_demo(s)
        accounts.add_user(s, accounts.COMMAND_LINE, "aigerim", "ұзын құпия сөз", "editor")
    with transaction(sessions) as s:
        bead = s.scalar(select(Bead).where(Bead.alignment_id == demo.alignment_id).order_by(Bead.position))
        review.set_status(s, demo.alignment_id, bead.id, bead.version, True, "aigerim")
        glossary.approve(s, "term-0010", "aigerim")
        s.add(Finding(edition_id=demo.kk_edition_id, check_id="mixed-script", key="k1", severity="error",
                      message="Latin letters in «Kазаk»", status="intended", changed_by="aigerim",
                      changed_at=dt.datetime(2026, 12, 1, 10, 30), comment="as printed"))
    with transaction(sessions) as s:
        segment = s.scalar(select(Segment).where(Segment.edition_id == demo.kk_edition_id, Segment.position == 2))
        review.edit_text(s, demo.alignment_id, segment.id, segment.version, "Астанасы — Астана қаласы!", "aigerim")


def _dump(engine) -> dict[str, list[dict]]:
    with engine.connect() as conn:
        return {t.name: [dict(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns)).mappings()]
                for t in tables()}


def _sqlite_app(path: Path):
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE_URL": f"sqlite:///{path}"})
    upgrade(app.extensions["workbench.engine"])
    return app


@pytest.fixture
def other(tmp_path):
    app = _sqlite_app(tmp_path / "other.sqlite")
    yield app
    app.extensions["workbench.engine"].dispose()


def test_round_trip_from_the_test_database_into_a_new_sqlite(app, sessions, other, tmp_path):
    _fill(sessions)
    source = app.extensions["workbench.engine"]
    done = backup(source, tmp_path / "b.zip")
    assert done.counts["changes"] >= 2 and done.counts["glossary_entries"] == 731 and done.counts["findings"] == 1
    restored = restore(other.extensions["workbench.engine"], tmp_path / "b.zip")
    assert restored.counts == done.counts
    assert _dump(other.extensions["workbench.engine"]) == _dump(source)


def test_round_trip_from_sqlite_into_the_test_database(app, sessions, other, tmp_path):
    """On the PostgreSQL run of the suite this is SQLite → PostgreSQL; new rows get fresh ids after it."""
    _fill(other.extensions["workbench.sessions"])
    backup(other.extensions["workbench.engine"], tmp_path / "b.zip")
    restore(app.extensions["workbench.engine"], tmp_path / "b.zip")
    assert _dump(app.extensions["workbench.engine"]) == _dump(other.extensions["workbench.engine"])
    with transaction(sessions) as s:  # the id sequences continue after the restored rows
        user = accounts.add_user(s, "admin", "later", "a later password", "viewer")
        assert user.id == 2
    client = app.test_client()
    from review_builders import login
    login(client, "aigerim", "ұзын құпия сөз")
    assert client.get("/").status_code == 200


def test_restore_refuses_a_database_that_is_not_empty_and_changes_nothing(app, sessions, other, tmp_path):
    _fill(sessions)
    backup(app.extensions["workbench.engine"], tmp_path / "b.zip")
    with transaction(other.extensions["workbench.sessions"]) as s:
        accounts.create_user(s, "someone", "a password", "viewer")
    before = _dump(other.extensions["workbench.engine"])
    with pytest.raises(InputError, match="the database is not empty"):
        restore(other.extensions["workbench.engine"], tmp_path / "b.zip")
    assert _dump(other.extensions["workbench.engine"]) == before


def test_a_damaged_backup_is_one_clear_error_and_restores_nothing(app, sessions, other, tmp_path):
    _fill(sessions)
    good = tmp_path / "b.zip"
    backup(app.extensions["workbench.engine"], good)
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "tables/segments.jsonl":
                lines = data.decode().splitlines()
                lines[3] = "{not json"
                data = ("\n".join(lines) + "\n").encode()
            dst.writestr(item, data)
    engine = other.extensions["workbench.engine"]
    with pytest.raises(InputError, match=r"bad\.zip: tables/segments\.jsonl line 4: "):
        restore(engine, bad)
    assert all(not rows for rows in _dump(engine).values())
    text = tmp_path / "x.zip"
    text.write_text("hello")
    with pytest.raises(InputError, match="x.zip: not a zip file"):
        restore(engine, text)
    with pytest.raises(InputError, match="no such file"):
        restore(engine, tmp_path / "missing.zip")


def test_backup_and_restore_commands(app, sessions, cli_runner, tmp_path, monkeypatch):
    from workbench.cli.main import cli
    _fill(sessions)
    out = tmp_path / "team.zip"
    result = cli_runner.invoke(cli, ["backup", str(out)])
    assert result.exit_code == 0 and "backup: " in result.output and "changes" in result.output
    manifest = json.loads(zipfile.ZipFile(out).read("manifest.json"))
    assert manifest["format"] == "workbench-backup" and manifest["tables"]["beads"] == 7
    again = cli_runner.invoke(cli, ["restore", str(out)])
    assert again.exit_code == 1 and again.output.startswith(f"error: {out}: the database is not empty")
