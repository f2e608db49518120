"""Accounts: create users, check passwords (salted hashes), roles, and the default local admin.

Roles are ordered: viewer < translator < editor < admin; each may do what the ones before it may.
A translator changes beads (merge, split, confirm, comment, undo); an editor also corrects sentence
text and findings; an admin also manages users.
"""
from __future__ import annotations

import re
import secrets
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from workbench.errors import Conflict, InputError
from workbench.models import User
from workbench.models.accounts import ROLES

# What each permission needs at least.
PERMISSIONS = {"read": "viewer", "beads": "translator", "text": "editor", "findings": "editor", "users": "admin"}
NAME_RE = re.compile(r"^[\w.@-]{1,80}$")
MIN_PASSWORD = 8
ADMIN_PASSWORD_FILE = "admin-password.txt"


def may(role: str | None, permission: str) -> bool:
    """Whether a user with ``role`` (None: not logged in) has ``permission``."""
    if role not in ROLES:
        return False
    return ROLES.index(role) >= ROLES.index(PERMISSIONS[permission])


def create_user(session: Session, name: str, password: str, role: str) -> User:
    """Add a user; the password is stored only as a salted hash.

    :raises InputError: bad name, short password or unknown role.
    :raises Conflict: the name is taken.
    """
    name = name.strip()
    if not NAME_RE.match(name):
        raise InputError("a user name is 1–80 letters, digits, '.', '@', '_' or '-'")
    if role not in ROLES:
        raise InputError(f"unknown role {role!r}; expected one of: {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise InputError(f"a password needs at least {MIN_PASSWORD} characters")
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise Conflict(f"there is already a user {name!r}")
    user = User(name=name, password_hash=generate_password_hash(password), role=role)
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, name: str, password: str) -> User | None:
    """The user with this name and password, or None (the same answer for either mistake)."""
    user = session.scalar(select(User).where(User.name == name.strip()))
    if user is None:
        # Spend the same time as a real check so that names cannot be probed by timing.
        check_password_hash(generate_password_hash("x"), password)
        return None
    return user if check_password_hash(user.password_hash, password) else None


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.name)))


def set_role(session: Session, name: str, role: str) -> User:
    if role not in ROLES:
        raise InputError(f"unknown role {role!r}; expected one of: {', '.join(ROLES)}")
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise InputError(f"no user {name!r}")
    user.role = role
    return user


def ensure_admin(session: Session, instance_path: str | Path) -> str:
    """Create the local ``admin`` when there are no users yet; return the lines to print.

    The generated password is printed once and kept in ``instance/admin-password.txt`` (mode 0600),
    so whoever runs ``python run.py`` on this machine can log in.
    """
    path = Path(instance_path) / ADMIN_PASSWORD_FILE
    if session.scalar(select(func.count()).select_from(User)):
        if path.exists():
            return f"Log in as admin; the password is in {path}"
        return ""
    password = secrets.token_urlsafe(12)
    create_user(session, "admin", password, "admin")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(password + "\n")
    path.chmod(0o600)
    return (f"Created the user admin (role admin) with the password {password}\n"
            f"The password is kept in {path}; add more users with `python run.py users add NAME --role ROLE`.")
