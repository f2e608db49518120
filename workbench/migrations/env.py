"""Alembic environment: runs migrations on the engine the workbench hands over (or the configured URL)."""
from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from workbench import models  # noqa: F401  (registers the tables on Base.metadata)
from workbench.db import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine") or create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite needs batch mode for ALTER TABLE
            compare_type=True,
        )
        context.run_migrations()


run_migrations_online()
