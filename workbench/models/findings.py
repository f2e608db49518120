"""Findings of the errata and consistency checks, with the editor's verdict on each."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.db import Base
from workbench.errors import Message, from_stored_json
from workbench.models.editions import utcnow

FINDING_STATUSES = ("open", "fixed", "intended", "false-alarm")


class Finding(Base):
    """One thing a check found in an edition (or in a bead of an alignment).

    ``key`` identifies the finding across re-runs (check id + offending text + occurrence), so a
    verdict given once (intended, false alarm) is kept when the checks run again; a finding whose
    key no longer comes up is closed (``resolved_at`` set) rather than deleted.

    ``message`` (and ``suggestion``) are in English; ``message_json`` keeps the message as msgid and
    values so each reader sees it in their own language, and ``suggestion_json`` the suggestion when it
    is advice rather than corrected text. Findings stored before those columns have only the English.
    """

    __tablename__ = "findings"
    __table_args__ = (Index("ix_findings_edition_key", "edition_id", "alignment_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("editions.id", ondelete="CASCADE"), index=True)
    alignment_id: Mapped[Optional[int]] = mapped_column(ForeignKey("alignments.id", ondelete="CASCADE"))
    check_id: Mapped[str] = mapped_column(String(60))
    key: Mapped[str] = mapped_column(String(400))
    severity: Mapped[str] = mapped_column(String(10))
    message: Mapped[str] = mapped_column(Text)
    excerpt: Mapped[str] = mapped_column(Text, default="")
    suggestion: Mapped[Optional[str]] = mapped_column(Text)
    message_json: Mapped[Optional[str]] = mapped_column(Text)
    suggestion_json: Mapped[Optional[str]] = mapped_column(Text)
    line: Mapped[Optional[int]]
    page: Mapped[Optional[int]]
    segment_position: Mapped[Optional[int]]
    bead_position: Mapped[Optional[int]]
    status: Mapped[str] = mapped_column(String(20), default="open")
    comment: Mapped[Optional[str]] = mapped_column(Text)
    changed_by: Mapped[Optional[str]] = mapped_column(String(80))
    changed_at: Mapped[Optional[dt.datetime]]
    first_seen: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[dt.datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[Optional[dt.datetime]]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    @property
    def shown_message(self) -> Message:
        """The message as msgid and values (``translate`` renders it), else the stored English text."""
        return from_stored_json(self.message_json) or Message(self.message or "")

    @property
    def shown_suggestion(self) -> Message | str | None:
        """The suggestion: advice as msgid and values, else the stored text (corrected text is shown as it is)."""
        return from_stored_json(self.suggestion_json) or self.suggestion

