"""Background jobs (import, align, re-align, checks, harvest) and the API tokens of users."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.db import Base
from workbench.models.editions import utcnow

JOB_STATES = ("queued", "running", "done", "failed")


class Job(Base):
    """One piece of long work, queued by a page, the API or the command line and run by a worker.

    ``arguments`` and ``result`` are JSON; ``payload`` holds an uploaded file until the job has run.
    ``attempts`` counts how often a worker claimed the job; ``heartbeat_at`` is refreshed while it
    runs, so a job whose worker died is found and queued again (or failed after a second loss).
    ``message`` is the latest progress line or the outcome in English; ``message_json`` keeps it as a
    :class:`workbench.errors.Message` (msgid and values), so every reader sees it in their own language.
    """

    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_state_id", "state", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    arguments: Mapped[str] = mapped_column(Text, default="{}")
    payload: Mapped[Optional[bytes]] = mapped_column(LargeBinary)
    state: Mapped[str] = mapped_column(String(10), default="queued")
    progress: Mapped[float] = mapped_column(default=0.0)
    message: Mapped[str] = mapped_column(Text, default="")  # in English, for the command line and logs
    message_json: Mapped[Optional[str]] = mapped_column(Text)  # the same as msgid and values, for the pages
    result: Mapped[Optional[str]] = mapped_column(Text)
    started_by: Mapped[Optional[str]] = mapped_column(String(80))
    worker: Mapped[Optional[str]] = mapped_column(String(120))
    attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    started_at: Mapped[Optional[dt.datetime]]
    finished_at: Mapped[Optional[dt.datetime]]
    heartbeat_at: Mapped[Optional[dt.datetime]]


class ApiToken(Base):
    """A user's API token; only its SHA-256 digest is stored (the token is printed once)."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
