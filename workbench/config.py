"""Application settings: defaults here, then ``instance/config.py`` if present, then the environment.

Load order (later wins): ``DEFAULTS`` → ``instance/config.py`` → environment variables
``WORKBENCH_SECRET_KEY`` and ``DATABASE_URL`` → the mapping a test passes to ``create_app``.
"""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

DEFAULTS: dict[str, object] = {
    # Replaced by a random key stored in the instance folder on first start (see create_app).
    "SECRET_KEY": None,
    # None means: SQLite file ``workbench.sqlite`` in the instance folder.
    "DATABASE_URL": None,
    # Files over this size are refused by the importer (bytes).
    "MAX_IMPORT_BYTES": 20 * 1024 * 1024,
    "MAX_CONTENT_LENGTH": 32 * 1024 * 1024,
    "CORPORA_DIR": str(PROJECT_ROOT / "corpora"),
    "GLOSSARY_DIR": str(PROJECT_ROOT / "glossary"),
    # Rows per page on long lists (edition view, review, findings, glossary).
    "PAGE_SIZE": 100,
    # Beads per page of the review workspace.
    "REVIEW_PAGE_SIZE": 50,
    # Long work runs as jobs: in a thread of ``python run.py`` (True), or only in ``python run.py worker``
    # processes (False: set it for gunicorn with several processes and run workers beside it).
    "JOBS_IN_PROCESS": True,
    # A running job whose worker has not reported for this long is queued again (seconds).
    "JOB_STALE_SECONDS": 120,
    # Anonymous visitors may read (GET) every page, for a public project; changes always need a login.
    "PUBLIC_READ": False,
    # Login throttling: this many wrong passwords within the window lock an account / an address (an
    # address may be a whole office behind one router, so it gets more room).
    "LOGIN_FAILURES_PER_ACCOUNT": 10,
    "LOGIN_FAILURES_PER_ADDRESS": 30,
    "LOGIN_WINDOW_SECONDS": 60,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
}


def from_environment() -> dict[str, object]:
    """Settings given by environment variables (only those that are set)."""
    found: dict[str, object] = {}
    if os.environ.get("DATABASE_URL"):
        found["DATABASE_URL"] = os.environ["DATABASE_URL"]
    if os.environ.get("WORKBENCH_PUBLIC_READ"):
        found["PUBLIC_READ"] = os.environ["WORKBENCH_PUBLIC_READ"].lower() in ("1", "true", "yes", "on")
    if os.environ.get("WORKBENCH_SECRET_KEY"):
        found["SECRET_KEY"] = os.environ["WORKBENCH_SECRET_KEY"]
    return found
