"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL alike."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

import workbench.models  # noqa: F401
from workbench.db import Base, upgrade


def test_migrations_match_the_models(app):
    engine = app.extensions["workbench.engine"]
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_upgrade_twice_changes_nothing(app):
    engine = app.extensions["workbench.engine"]
    before = sorted(inspect(engine).get_table_names())
    upgrade(engine)
    assert sorted(inspect(engine).get_table_names()) == before
    assert {"editions", "blocks", "segments", "alignments", "beads", "findings", "glossary_entries"} <= set(before)
