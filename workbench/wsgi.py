"""The WSGI entry point for a team server (``gunicorn -c gunicorn.conf.py``): ``workbench.wsgi:app``.

:func:`prepare_database` is run once by gunicorn's master process before it starts the workers
(``on_starting`` in ``gunicorn.conf.py``): it migrates the schema and does the first-start set-up, printing
a progress line per step. Each worker then only builds its app.
"""
from __future__ import annotations

import time
from collections.abc import Callable


def prepare_database(say: Callable[[str], None] = print) -> None:
    """Migrate the schema (under a lock on PostgreSQL) and do whatever first-start work is undone."""
    from workbench import create_app
    from workbench.db import transaction, upgrade
    from workbench.services.setup import prepare

    start = time.perf_counter()
    app = create_app()
    engine = app.extensions["workbench.engine"]
    upgrade(engine)
    say(f"schema: migrated to the newest version  ({time.perf_counter() - start:.1f} s)")
    with transaction(app.extensions["workbench.sessions"]) as session:
        for line in prepare(session, app.config, app.instance_path):
            say(line)
    engine.dispose()  # no connection may be shared with the forked workers
    say(f"set-up done in {time.perf_counter() - start:.1f} s")


def __getattr__(name: str):
    # Built on first access, in each worker after the fork (not when the master imports this module).
    if name == "app":
        from workbench import create_app

        globals()["app"] = create_app()
        return globals()["app"]
    raise AttributeError(name)
