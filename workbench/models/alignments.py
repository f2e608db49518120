"""Alignments of two editions and their beads."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, WriteOnlyMapped, mapped_column, relationship

from workbench.db import Base
from workbench.models.editions import Edition, utcnow


class Alignment(Base):
    """A sentence alignment of a Kazakh and a Russian edition."""

    __tablename__ = "alignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    kk_edition_id: Mapped[int] = mapped_column(ForeignKey("editions.id", ondelete="CASCADE"))
    ru_edition_id: Mapped[int] = mapped_column(ForeignKey("editions.id", ondelete="CASCADE"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    aligned_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    bead_count: Mapped[int] = mapped_column(default=0)

    kk_edition: Mapped[Edition] = relationship(foreign_keys=[kk_edition_id])
    ru_edition: Mapped[Edition] = relationship(foreign_keys=[ru_edition_id])
    beads: WriteOnlyMapped[Bead] = relationship(
        back_populates="alignment", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Bead.position")


class Bead(Base):
    """One link of an alignment: sentences ``kk_start..kk_end-1`` with ``ru_start..ru_end-1``.

    Positions are the 1-based ``Segment.position`` numbers; an empty side (start == end) is a
    1-0 or 0-1 bead. ``status`` is "auto" until a reviewer confirms it ("confirmed").
    """

    __tablename__ = "beads"
    __table_args__ = (Index("ix_beads_alignment_position", "alignment_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    alignment_id: Mapped[int] = mapped_column(ForeignKey("alignments.id", ondelete="CASCADE"))
    position: Mapped[int]
    kk_start: Mapped[int]
    kk_end: Mapped[int]
    ru_start: Mapped[int]
    ru_end: Mapped[int]
    score: Mapped[float] = mapped_column(default=0.0)
    status: Mapped[str] = mapped_column(String(20), default="auto")
    comment: Mapped[Optional[str]] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by: Mapped[Optional[str]] = mapped_column(String(80))

    alignment: Mapped[Alignment] = relationship(back_populates="beads")

    __mapper_args__ = {"version_id_col": version}

    @property
    def shape(self) -> str:
        return f"{self.kk_end - self.kk_start}-{self.ru_end - self.ru_start}"
