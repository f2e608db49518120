"""The team server: migrations from several processes at once, gunicorn serving with its workers."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent
UPGRADE = "import sys; from workbench.db import make_engine, upgrade; upgrade(make_engine(sys.argv[1]))"


def test_four_processes_migrating_one_postgresql_database_at_once(database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("the migration lock is PostgreSQL's (a team server's database); SQLite is one user's")
    procs = [subprocess.Popen([sys.executable, "-c", UPGRADE, database_url], cwd=ROOT, stderr=subprocess.PIPE)
             for _ in range(4)]
    results = [(p.wait(timeout=120), p.communicate()[1].decode()) for p in procs]
    assert all(code == 0 for code, _ in results), results
    engine = create_engine(database_url)
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM alembic_version")) == 1
    engine.dispose()


def _get(url: str) -> tuple[int, str, dict]:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    try:
        with urllib.request.build_opener(NoRedirect).open(url, timeout=10) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        body = error.read().decode()
        error.close()
        return error.code, body, dict(error.headers)


@pytest.mark.slow
def test_gunicorn_sets_up_once_and_serves_privately(database_url, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, DATABASE_URL=database_url, WORKBENCH_BIND=f"127.0.0.1:{port}", WORKBENCH_WORKERS="2")
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"], cwd=ROOT, env=env,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and server.poll() is None:
            try:
                if _get(f"{base}/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.5)
        status, body, _ = _get(f"{base}/healthz")
        assert status == 200 and '"ok"' in body
        status, _, headers = _get(f"{base}/alignments/")
        assert status == 302 and headers["Location"].endswith("/auth/login?next=/alignments/")
        assert _get(f"{base}/api/beads/1")[0] == 401
        assert _get(f"{base}/auth/login")[0] == 200
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        log.close()
    output = (tmp_path / "gunicorn.log").read_text()
    assert output.count("set-up done in") == 1 and "errata checks" in output
    assert output.count("Booting worker") == 2
