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
    from workbench.services.accounts import COMMAND_LINE, add_user

    try:
        with obj.transaction() as session:
            add_user(session, COMMAND_LINE, name, password, role)
    except WorkbenchError as error:
        fail(error)
    click.echo(f"added {name} ({role})")


@users.command("list")
@pass_ctx
def users_list(obj: AppContext) -> None:
    """List the users: name, role, state (active or disabled) and the day they were added."""
    from workbench.services.accounts import list_users

    with obj.transaction() as session:
        for user in list_users(session):
            state = "disabled" if user.disabled else "active"
            click.echo(f"{user.name}\t{user.role}\t{state}\t{user.created_at:%Y-%m-%d}")


@users.command("reset")
@click.argument("name")
@pass_ctx
def users_reset(obj: AppContext, name: str) -> None:
    """Give NAME a new temporary password and print it; they must replace it when they log in.

    Every session of NAME ends at once.
    """
    from workbench.services.accounts import reset_password

    try:
        with obj.transaction() as session:
            temporary = reset_password(session, name)
    except WorkbenchError as error:
        fail(error)
    click.echo(f"temporary password of {name}: {temporary}")
    click.echo("it must be replaced at the next login; every session of this user has ended")


@users.command("disable")
@click.argument("name")
@pass_ctx
def users_disable(obj: AppContext, name: str) -> None:
    """Disable NAME: no more logins, and every session of theirs ends at once."""
    _set_disabled(obj, name, True)
    click.echo(f"{name} is disabled")


@users.command("enable")
@click.argument("name")
@pass_ctx
def users_enable(obj: AppContext, name: str) -> None:
    """Let the disabled user NAME log in again."""
    _set_disabled(obj, name, False)
    click.echo(f"{name} may log in again")


def _set_disabled(obj: AppContext, name: str, disabled: bool) -> None:
    from workbench.services.accounts import set_disabled

    try:
        with obj.transaction() as session:
            set_disabled(session, name, disabled)
    except WorkbenchError as error:
        fail(error)


@users.command("role")
@click.argument("name")
@click.argument("role", type=click.Choice(ROLES))
@pass_ctx
def users_role(obj: AppContext, name: str, role: str) -> None:
    """Change the ROLE of NAME."""
    from workbench.services.accounts import set_role

    try:
        with obj.transaction() as session:
            set_role(session, name, role)
    except WorkbenchError as error:
        fail(error)
    click.echo(f"{name} is now {role}")


@users.command("audit")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="How many of the newest actions to show.")
@pass_ctx
def users_audit(obj: AppContext, limit: int) -> None:
    """Print the audit history of administrative actions, newest first."""
    from workbench.services.accounts import audit_history

    with obj.transaction() as session:
        for e in audit_history(session, limit):
            click.echo(f"{e.at:%Y-%m-%d %H:%M}\t{e.actor}\t{e.action}\t{e.target or ''}\t{e.detail or ''}")
