"""People who log in, and the record of every change they make."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import Index, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from workbench.db import Base
from workbench.models.editions import utcnow


ROLES = ("viewer", "translator", "editor", "admin")  # each role may do everything the ones before it may


class User(Base):
    """A person who logs in; ``role`` is admin, editor, translator or viewer."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20), default="viewer")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # A disabled user cannot log in, and every session of theirs ends at once.
    disabled: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Stored in each session cookie; raising it (disable, reset, password change) ends every session.
    session_generation: Mapped[int] = mapped_column(default=1, server_default="1")
    # Set by a password reset: the temporary password must be replaced at the next login.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())
    # The page language the user chose (kk, ru, en); None follows the browser's Accept-Language.
    language: Mapped[Optional[str]] = mapped_column(String(8))


class AuditEvent(Base):
    """One administrative action (users added, disabled, reset, roles changed, backups restored)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(80))  # a user name, or "command line"
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[Optional[str]] = mapped_column(String(80))
    detail: Mapped[Optional[str]] = mapped_column(Text)
    address: Mapped[Optional[str]] = mapped_column(String(64))


class LoginFailure(Base):
    """A wrong password; recent ones per account and per address throttle further attempts.

    Kept in the database so that every server process (gunicorn workers) counts the same failures.
    """

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    name: Mapped[str] = mapped_column(String(80), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)


class Change(Base):
    """One recorded change: who changed what, when, and the state before and after (JSON)."""

    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_target", "target_type", "target_id"),
                      Index("ix_changes_user_alignment", "user", "alignment_id", "state"))

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user: Mapped[Optional[str]] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    target_type: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[int]
    alignment_id: Mapped[Optional[int]] = mapped_column(index=True)
    before: Mapped[Optional[str]] = mapped_column(Text)
    after: Mapped[Optional[str]] = mapped_column(Text)
    # Undo/redo stack of the user: "done" (undoable), "undone" (redoable), "dropped" (a newer change
    # cleared the redo stack) or "log" (recorded for history only: undo, redo, re-align, bulk runs).
    state: Mapped[str] = mapped_column(String(10), default="done", server_default="done")
