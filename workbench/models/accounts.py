"""People who log in, and the record of every change they make."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import Index, String, Text
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
