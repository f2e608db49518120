"""Accounts: create users, check passwords (scrypt hashes), roles, disable/enable, password resets and
changes, login throttling, the audit history of administrative actions, and the default local admin.

Roles are ordered: viewer < translator < editor < admin; each may do what the ones before it may.
A translator changes beads (merge, split, confirm, comment, undo); an editor also corrects sentence
text and findings; an admin also manages users.
"""
from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from workbench.errors import N_, Conflict, InputError, NotFound, WorkbenchError
from workbench.models import AuditEvent, LoginFailure, User, utcnow
from workbench.models.accounts import ROLES

# What each permission needs at least.
PERMISSIONS = {"read": "viewer", "beads": "translator", "text": "editor", "findings": "editor", "users": "admin"}
NAME_RE = re.compile(r"^[\w.@-]{1,80}$")
MIN_PASSWORD = 8
ADMIN_PASSWORD_FILE = "admin-password.txt"
# werkzeug's scrypt with its default cost (N=2**15, r=8, p=1); hashes made another way are replaced at
# the next successful login.
HASH_METHOD = "scrypt:32768:8:1"
COMMAND_LINE = "command line"  # the actor recorded for administrative commands
LANGUAGES = ("kk", "ru", "en")


@dataclass(frozen=True)
class Throttle:
    """How many wrong passwords within ``window`` seconds lock an account or an address."""

    per_account: int = 10
    per_address: int = 30
    window: int = 60


class TooManyAttempts(WorkbenchError):
    """Too many wrong passwords lately for this account or from this address."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(N_("too many wrong passwords; try again in %(n)s seconds"), n=retry_after)


# Words stored in English and shown translated (roles, audit actions, the command-line actor).
LABELS = (N_("viewer"), N_("translator"), N_("editor"), N_("admin"), N_("add user"), N_("change role"),
          N_("disable user"), N_("enable user"), N_("reset password"), N_("change own password"),
          N_("command line"), N_("backup"), N_("restore backup"))


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=HASH_METHOD)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InputError(N_("a password needs at least %(n)s characters"), n=MIN_PASSWORD)


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
        raise InputError(N_("a user name is 1–80 letters, digits, '.', '@', '_' or '-'"))
    if role not in ROLES:
        raise InputError(N_("unknown role %(role)r; expected one of: %(roles)s"), role=role,
                      roles=", ".join(ROLES))
    _check_password(password)
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise Conflict(N_("there is already a user %(name)r"), name=name)
    user = User(name=name, password_hash=hash_password(password), role=role)
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, name: str, password: str, address: str = "",
                 throttle: Throttle | None = None) -> User | None:
    """The enabled user with this name and password, or None (the same answer for either mistake).

    A wrong password is recorded; with ``throttle``, an account or an address with too many recent
    wrong passwords is refused before the password is even checked. An old-style hash is replaced by
    a current one on success.

    :raises TooManyAttempts: the account or the address is throttled.
    """
    name = name.strip()[:80]
    address = address[:64]
    if throttle is not None:
        _refuse_if_throttled(session, name, address, throttle)
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        # Spend the same time as a real check so that names cannot be probed by timing.
        check_password_hash(_DUMMY_HASH, password)
        ok = False
    else:
        ok = check_password_hash(user.password_hash, password)
    if not ok or user is None or user.disabled:
        session.add(LoginFailure(name=name, address=address))
        session.execute(delete(LoginFailure).where(LoginFailure.at < utcnow() - dt.timedelta(hours=1)))
        return None
    if not user.password_hash.startswith(HASH_METHOD + "$"):
        user.password_hash = hash_password(password)
    return user


_DUMMY_HASH = generate_password_hash("not a password", method=HASH_METHOD)


def _refuse_if_throttled(session: Session, name: str, address: str, throttle: Throttle) -> None:
    since = utcnow() - dt.timedelta(seconds=throttle.window)
    for column, value, limit in ((LoginFailure.name, name, throttle.per_account),
                                 (LoginFailure.address, address, throttle.per_address)):
        times = session.scalars(select(LoginFailure.at).where(column == value, LoginFailure.at >= since)
                                .order_by(LoginFailure.at.desc()).limit(limit)).all()
        if len(times) >= limit:
            oldest = times[-1]
            retry = int((oldest + dt.timedelta(seconds=throttle.window) - utcnow()).total_seconds()) + 1
            raise TooManyAttempts(max(retry, 1))


def active_user(session: Session, user_id: object, generation: object = None) -> User | None:
    """The user ``user_id`` if they exist and are not disabled; with ``generation`` (from a session
    cookie), only while it is still the user's current session generation."""
    if not isinstance(user_id, int):
        return None
    user = session.get(User, user_id)
    if user is None or user.disabled:
        return None
    if generation is not None and generation != user.session_generation:
        return None
    return user


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.name)))


def get_user(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise NotFound(N_("no user %(name)r"), name=name)
    return user


def audit(session: Session, actor: str, action: str, target: str | None = None, detail: str | None = None,
          address: str | None = None) -> None:
    """Record one administrative action in the audit history."""
    session.add(AuditEvent(actor=actor, action=action, target=target, detail=detail, address=address))


def audit_history(session: Session, limit: int = 500) -> Sequence[AuditEvent]:
    return session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)).all()


def add_user(session: Session, actor: str, name: str, password: str, role: str,
             address: str | None = None) -> User:
    """An admin adds a user (recorded in the audit history)."""
    user = create_user(session, name, password, role)
    audit(session, actor, "add user", user.name, f"role {role}", address)
    return user


def set_role(session: Session, name: str, role: str, actor: str = COMMAND_LINE,
             address: str | None = None) -> User:
    if role not in ROLES:
        raise InputError(N_("unknown role %(role)r; expected one of: %(roles)s"), role=role,
                      roles=", ".join(ROLES))
    user = get_user(session, name)
    if user.role == "admin" and role != "admin":
        _keep_one_admin(session, user)
    before, user.role = user.role, role
    audit(session, actor, "change role", name, f"{before} → {role}", address)
    return user


def _keep_one_admin(session: Session, user: User) -> None:
    others = session.scalar(select(func.count()).select_from(User).where(
        User.role == "admin", User.disabled.is_(False), User.id != user.id))
    if not others:
        raise InputError(N_("%(name)s is the last enabled admin; make another admin first"),
                      name=user.name)


def set_disabled(session: Session, name: str, disabled: bool, actor: str = COMMAND_LINE,
                 address: str | None = None) -> User:
    """Disable (every session ends at once, no new login) or re-enable a user."""
    user = get_user(session, name)
    if disabled and user.role == "admin":
        _keep_one_admin(session, user)
    if user.disabled != disabled:
        user.disabled = disabled
        user.session_generation += 1
    audit(session, actor, "disable user" if disabled else "enable user", name, None, address)
    return user


def reset_password(session: Session, name: str, actor: str = COMMAND_LINE, address: str | None = None) -> str:
    """Give the user a random temporary password (returned once, to be handed over) that must be
    replaced at the next login; every session of theirs ends."""
    user = get_user(session, name)
    temporary = secrets.token_urlsafe(12)
    user.password_hash = hash_password(temporary)
    user.must_change_password = True
    user.session_generation += 1
    audit(session, actor, "reset password", name, None, address)
    return temporary


def change_password(session: Session, user: User, current: str, new: str, repeated: str | None = None,
                    address: str | None = None) -> None:
    """A user changes their own password; their other sessions end (the caller keeps this one)."""
    if not check_password_hash(user.password_hash, current):
        raise InputError(N_("the current password is wrong"))
    if repeated is not None and new != repeated:
        raise InputError(N_("the new password and its repetition differ"))
    _check_password(new)
    if new == current:
        raise InputError(N_("the new password is the same as the current one"))
    user.password_hash = hash_password(new)
    user.must_change_password = False
    user.session_generation += 1
    audit(session, user.name, "change own password", user.name, None, address)


def set_language(session: Session, user: User, language: str | None) -> None:
    if language not in (None, *LANGUAGES):
        raise InputError(N_("unknown language %(language)r; expected one of: %(languages)s"),
                      language=language, languages=", ".join(LANGUAGES))
    user.language = language


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
    audit(session, COMMAND_LINE, "add user", "admin", "role admin (first start)")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(password + "\n")
    path.chmod(0o600)
    return (f"Created the user admin (role admin) with the password {password}\n"
            f"The password is kept in {path}; add more users with `python run.py users add NAME --role ROLE`.")
