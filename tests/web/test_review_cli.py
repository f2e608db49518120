"""The review workspace's commands: export, import-alignment, alignments, users add/list; the default admin."""
from __future__ import annotations

from translate.storage import tmx as tt_tmx

from workbench.cli.main import AppContext
from workbench.cli.review import alignments, export, import_alignment
from workbench.cli.users import users
from workbench.services.accounts import authenticate, ensure_admin


def run(cli_runner, command, args, **kw):
    return cli_runner.invoke(command, args, obj=AppContext(), catch_exceptions=False, **kw)


def test_export_writes_every_bead_in_each_format(cli_runner, demo, tmp_path):
    # The demo's one one-sided bead: left out of a TMX, untranslated in XLIFF and PO, a row in TSV.
    for fmt, units in (("tmx", 6), ("xliff", 7), ("po", 7), ("tsv", 7)):
        out = tmp_path / f"a.{fmt}"
        result = run(cli_runner, export, [str(demo.alignment_id), str(out), "--format", fmt])
        assert result.exit_code == 0 and f"wrote {units} units" in result.output
        assert out.stat().st_size > 0 and not (tmp_path / f"a.{fmt}.part").exists()
    assert len(tt_tmx.tmxfile.parsestring((tmp_path / "a.tmx").read_bytes()).getunits()) == 6
    run(cli_runner, export, [str(demo.alignment_id), str(tmp_path / "all.tmx"), "--include-unpaired"])
    assert len(tt_tmx.tmxfile.parsestring((tmp_path / "all.tmx").read_bytes()).getunits()) == 7


def test_export_confirmed_only_and_unknown_alignment(cli_runner, demo, tmp_path):
    result = run(cli_runner, export, [str(demo.alignment_id), str(tmp_path / "c.tmx"), "--confirmed-only"])
    assert "wrote 0 units" in result.output
    result = run(cli_runner, export, ["99", str(tmp_path / "x.tmx")])
    assert result.exit_code == 1 and "error: no alignment 99" in result.output
    assert not (tmp_path / "x.tmx").exists()


def test_import_alignment_then_list_it(cli_runner, demo, tmp_path):
    out = tmp_path / "a.tmx"
    run(cli_runner, export, [str(demo.alignment_id), str(out), "--include-unpaired"])
    result = run(cli_runner, import_alignment, [str(out), "--title", "Қайта"])
    assert result.exit_code == 0 and "7 beads" in result.output
    listing = run(cli_runner, alignments, []).output
    assert "Қайта [kk]" in listing and "Демо [kk]" in listing


def test_import_alignment_of_a_broken_file_is_one_clear_line(cli_runner, tmp_path):
    bad = tmp_path / "bad.tmx"
    bad.write_bytes(b"<tmx>\n<body>")
    result = run(cli_runner, import_alignment, [str(bad)])
    assert result.exit_code == 1 and f"{bad}:2: not well-formed XML" in result.output


def test_users_add_and_list(cli_runner, session):
    result = run(cli_runner, users, ["add", "aigerim", "--role", "editor", "--password", "ұзын құпия сөз"])
    assert result.exit_code == 0
    assert "aigerim\teditor" in run(cli_runner, users, ["list"]).output
    assert authenticate(session, "aigerim", "ұзын құпия сөз") is not None
    assert authenticate(session, "aigerim", "wrong") is None
    again = run(cli_runner, users, ["add", "aigerim", "--password", "whatever1"])
    assert again.exit_code == 1 and "already a user" in again.output


def test_ensure_admin_creates_the_admin_once_and_says_where_the_password_is(run_in, session, tmp_path):
    first = run_in(ensure_admin, tmp_path)
    password = (tmp_path / "admin-password.txt").read_text().strip()
    assert password in first and "admin" in first
    assert (tmp_path / "admin-password.txt").stat().st_mode & 0o077 == 0
    assert authenticate(session, "admin", password).role == "admin"
    second = run_in(ensure_admin, tmp_path)
    assert password not in second and "admin-password.txt" in second
