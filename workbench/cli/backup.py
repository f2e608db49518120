"""The ``backup`` and ``restore`` commands: every table in one portable zip file."""
from __future__ import annotations

from pathlib import Path

import click

from workbench.cli.main import AppContext, fail, pass_ctx
from workbench.errors import WorkbenchError


@click.command("backup")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def backup(obj: AppContext, out: Path) -> None:
    """Write every table (editions, beads, changes, findings, glossary, users, audit) to the zip file OUT.

    The file is portable: a backup of SQLite restores into PostgreSQL and back. The server may keep
    running; the backup is one consistent snapshot.
    """
    from workbench.services.accounts import COMMAND_LINE, audit
    from workbench.services.backup import backup as write

    try:
        done = write(obj.app.extensions["workbench.engine"], out)
    except (WorkbenchError, OSError) as error:
        fail(error)  # type: ignore[arg-type]
    with obj.transaction() as session:
        audit(session, COMMAND_LINE, "backup", None, str(out))
    click.echo(f"backup: {done.summary()}")


@click.command("restore")
@click.argument("source", metavar="IN", type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def restore(obj: AppContext, source: Path) -> None:
    """Load the backup IN into this workbench's database, which must be new (migrated, no rows).

    All or nothing: a damaged file or a database that already holds data changes nothing.
    Point DATABASE_URL at a new database to restore a backup there.
    """
    from workbench.services.accounts import COMMAND_LINE, audit
    from workbench.services.backup import restore as load

    try:
        done = load(obj.app.extensions["workbench.engine"], source)
    except WorkbenchError as error:
        fail(error)
    with obj.transaction() as session:
        audit(session, COMMAND_LINE, "restore backup", None, str(source))
    click.echo(f"restored {done.summary()}")
