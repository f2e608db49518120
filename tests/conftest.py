"""Shared fixtures: an app on a fresh database (SQLite by default, PostgreSQL when
``WORKBENCH_TEST_DATABASE_URL`` names one), its client, a CLI runner and a session."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from databases import fresh_database_url, make_app

from workbench.db import transaction


@pytest.fixture(autouse=True)
def quick_scrypt(monkeypatch):
    """Still scrypt, but with a small cost: the tests create and log in users hundreds of times."""
    from workbench.services import accounts
    monkeypatch.setattr(accounts, "HASH_METHOD", "scrypt:1024:8:1")


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return fresh_database_url(tmp_path)


@pytest.fixture
def app(database_url: str, tmp_path: Path):
    app = make_app(database_url)
    yield app
    app.extensions["workbench.engine"].dispose()


READER = ("reader", "a reader's password")


@pytest.fixture
def anonymous(app):
    """A client that has not logged in (the workbench is private by default)."""
    return app.test_client()


@pytest.fixture
def client(app):
    """A client logged in as ``reader`` (role viewer): pages are private by default."""
    import re

    from workbench.services.accounts import create_user

    with transaction(app.extensions["workbench.sessions"]) as s:
        create_user(s, READER[0], READER[1], "viewer")
    client = app.test_client()
    page = client.get("/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    response = client.post("/auth/login", data={"name": READER[0], "password": READER[1], "csrf_token": token})
    assert response.status_code == 302
    return client


@pytest.fixture
def sessions(app):
    """The app's session factory."""
    return app.extensions["workbench.sessions"]


@pytest.fixture
def session(sessions):
    """A session for reading what services stored (commits happen in the services' transactions)."""
    s = sessions()
    yield s
    s.close()


@pytest.fixture
def run_in(sessions):
    """Run ``fn(session, *args)`` in one transaction, as the CLI and the web do."""
    def run(fn, *args, **kwargs):
        with transaction(sessions) as s:
            return fn(s, *args, **kwargs)
    return run


@pytest.fixture
def cli_runner(app, monkeypatch):
    """A CLI runner whose commands use the test app (same database)."""
    from workbench.cli import main as cli_main

    monkeypatch.setattr(cli_main.AppContext, "app", property(lambda self: app))
    return CliRunner()


@pytest.fixture
def run_jobs(app):
    """Run every queued job now, as ``python run.py worker --until-idle`` would; the ids run."""
    from workbench.services.jobs import Worker

    return lambda: Worker(app.extensions["workbench.sessions"], app.config).run_until_idle()
