"""The users commands: add, list, reset (a printed temporary password), disable, enable, role, audit."""
from __future__ import annotations

import re

from review_builders import PASSWORD, login
from sqlalchemy import select

from workbench.cli.main import cli
from workbench.models import User


def run(cli_runner, *args):
    return cli_runner.invoke(cli, ["users", *args], catch_exceptions=False)


def test_reset_prints_a_temporary_password_that_logs_in_once(app, cli_runner, users):
    result = run(cli_runner, "reset", "editor")
    assert result.exit_code == 0, result.output
    temporary = re.search(r"temporary password of editor: (\S+)", result.output).group(1)
    client = app.test_client()
    login(client, "editor", temporary)
    assert client.get("/").headers["Location"] == "/auth/account"


def test_disable_enable_role_and_the_audit_history(app, cli_runner, users, session):
    assert run(cli_runner, "disable", "translator").exit_code == 0
    assert "translator\ttranslator\tdisabled" in run(cli_runner, "list").output
    assert run(cli_runner, "enable", "translator").exit_code == 0
    assert run(cli_runner, "role", "translator", "editor").output == "translator is now editor\n"
    session.expire_all()
    user = session.scalar(select(User).where(User.name == "translator"))
    assert user.role == "editor" and not user.disabled
    login(app.test_client(), "translator", PASSWORD)
    audit = run(cli_runner, "audit").output.splitlines()
    assert [line.split("\t")[1:4] for line in audit[:3]] == [
        ["command line", "change role", "translator"], ["command line", "enable user", "translator"],
        ["command line", "disable user", "translator"]]


def test_unknown_user_is_one_clear_line(cli_runner, users):
    for command in ("reset", "disable", "enable"):
        result = cli_runner.invoke(cli, ["users", command, "nobody"])
        assert result.exit_code == 1 and result.output == "error: no user 'nobody'\n"
