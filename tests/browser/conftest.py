"""Browser fixtures: the app served from a background thread, Debian's Chromium driven by Playwright,
users of every role and the demo alignment; helpers to log in."""
from __future__ import annotations

import functools
import sys
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "web"))
from review_builders import PASSWORD, ROLES, build_demo  # noqa: E402,F401

from workbench.db import transaction  # noqa: E402
from workbench.services.accounts import create_user  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def live(app, sessions, monkeypatch):
    """The app on 127.0.0.1 at a free port, with the demo alignment and one user per role."""
    from werkzeug.security import generate_password_hash

    from workbench.services import accounts
    monkeypatch.setattr(accounts, "generate_password_hash",
                        functools.partial(generate_password_hash, method="pbkdf2:sha256:1000"))
    with transaction(sessions) as s:
        demo = build_demo(s)
        for role in ROLES:
            create_user(s, role, PASSWORD, role)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", demo
    server.shutdown()
    thread.join()
    server.server_close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()
