"""Test databases and apps, for the fixtures of conftest.py and for module fixtures that need a database of
their own (a module under a distinct name: every test folder has a conftest of its own)."""
from __future__ import annotations

import os
from pathlib import Path

from corpus_paths import CORPORA, GLOSSARY
from sqlalchemy import create_engine, text

from workbench import create_app
from workbench.db import upgrade


def _fresh_postgres(url: str) -> str:
    """Empty the test database's public schema so every test starts from nothing."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


def fresh_database_url(folder: Path) -> str:
    """An empty test database: PostgreSQL's when ``WORKBENCH_TEST_DATABASE_URL`` names one, else SQLite in
    ``folder``."""
    url = os.environ.get("WORKBENCH_TEST_DATABASE_URL")
    if url:
        return _fresh_postgres(url)
    return f"sqlite:///{folder / 'test.sqlite'}"


def make_app(database_url: str):
    """A test app on ``database_url``, migrated to the newest schema."""
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test",
        "DATABASE_URL": database_url,
        "CORPORA_DIR": str(CORPORA),
        "GLOSSARY_DIR": str(GLOSSARY),
        "MAX_IMPORT_BYTES": 5 * 1024 * 1024,
    })
    upgrade(app.extensions["workbench.engine"])
    return app
