"""``python run.py [serve]``: a port that is taken or impossible is one clear line before any set-up is done,
never "running at" followed by a failure, nor another port than the one asked for."""
from __future__ import annotations

import socket

from sqlalchemy import func, select

from workbench.models import Edition


def test_a_port_in_use_is_one_line_and_nothing_is_set_up(cli_runner, session):
    from workbench.cli.main import cli

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    try:
        for args in (["--port", str(port)], ["serve", "--port", str(port)]):
            out = cli_runner.invoke(cli, args)
            assert out.exit_code == 1, out.output
            assert "running at" not in out.output and "set-up done" not in out.output
            assert out.output.strip().splitlines()[-1] == (
                f"error: 127.0.0.1:{port} is in use (is the workbench running already?); "
                f"choose another port with --port"), out.output
    finally:
        taken.close()
    assert session.scalar(select(func.count()).select_from(Edition)) == 0, "nothing was set up"


def test_a_port_outside_1_to_65535_is_refused_not_wrapped_around(cli_runner):
    from workbench.cli.main import cli

    for args in (["--port", "99999"], ["serve", "--port", "0"], ["serve", "--port", "-5"]):
        out = cli_runner.invoke(cli, args)
        assert out.exit_code == 2 and "Invalid value for '--port'" in out.output, out.output
