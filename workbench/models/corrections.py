"""The editor's record of an edition: every correction of its sentences (edit, delete, merge, split)."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.db import Base
from workbench.models.editions import utcnow

CORRECTION_ACTIONS = ("edit", "delete", "merge", "split")


class Correction(Base):
    """One change an editor made to an edition's sentences: who, when, the sentence(s) before and after
    (JSON lists of {position, text, deleted}), the page and line as printed, and the finding it fixed.

    ``undone_at`` is set when the change was undone; the row stays, so the record is complete.
    """

    __tablename__ = "edition_corrections"
    __table_args__ = (Index("ix_edition_corrections_edition", "edition_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("editions.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user: Mapped[Optional[str]] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(20))
    position: Mapped[int]
    page: Mapped[Optional[int]]
    line: Mapped[Optional[int]]
    before: Mapped[str] = mapped_column(Text, default="[]")
    after: Mapped[str] = mapped_column(Text, default="[]")
    finding_id: Mapped[Optional[int]] = mapped_column(ForeignKey("findings.id", ondelete="SET NULL"))
    undone_at: Mapped[Optional[dt.datetime]]
    undone_by: Mapped[Optional[str]] = mapped_column(String(80))
