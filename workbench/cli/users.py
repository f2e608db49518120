"""The ``users`` command group: the people who log in to the web pages."""
from __future__ import annotations

import click

from workbench.cli.main import AppContext, fail, pass_ctx
from workbench.errors import WorkbenchError
from workbench.models.accounts import ROLES


@click.group("users")
def users() -> None:
    """Manage the people who log in to the web pages."""


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="translator", show_default=True,
              help="viewer reads; translator changes beads; editor also corrects text; admin also manages users.")
@click.password_option(help="The password (asked twice when not given).")
@pass_ctx
def users_add(obj: AppContext, name: str, role: str, password: str) -> None:
    """Add the user NAME with a ROLE; the password is stored as a salted hash only."""
    from workbench.services.accounts import create_user

    try:
        with obj.transaction() as session:
            create_user(session, name, password, role)
    except WorkbenchError as error:
        fail(error)
    click.echo(f"added {name} ({role})")


@users.command("list")
@pass_ctx
def users_list(obj: AppContext) -> None:
    """List the users and their roles."""
    from workbench.services.accounts import list_users

    with obj.transaction() as session:
        for user in list_users(session):
            click.echo(f"{user.name}\t{user.role}\t{user.created_at:%Y-%m-%d}")
