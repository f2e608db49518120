"""Editions, their blocks (paragraphs, headings, list items) and their sentences."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, WriteOnlyMapped, mapped_column, relationship

from workbench.db import Base


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Edition(Base):
    """One imported version of a book or document in one language."""

    __tablename__ = "editions"
    __table_args__ = (UniqueConstraint("title", "lang", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    lang: Mapped[str] = mapped_column(String(8))
    version: Mapped[int] = mapped_column(default=1)
    source_name: Mapped[str] = mapped_column(String(500))
    # "text", "pdf" or "docx": what a sentence's start_line/end_line count (the file's line; the line
    # within the page; the paragraph number — see workbench.text.model).
    source_format: Mapped[str] = mapped_column(String(10), default="text", server_default="text")
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    line_count: Mapped[int] = mapped_column(default=0)
    page_count: Mapped[int] = mapped_column(default=0)
    block_count: Mapped[int] = mapped_column(default=0)
    segment_count: Mapped[int] = mapped_column(default=0)
    headers_removed: Mapped[int] = mapped_column(default=0)
    hyphenations_joined: Mapped[int] = mapped_column(default=0)
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    blocks: WriteOnlyMapped[Block] = relationship(
        back_populates="edition", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Block.position")
    segments: WriteOnlyMapped[Segment] = relationship(
        back_populates="edition", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Segment.position")

    @property
    def label(self) -> str:
        suffix = f" (v{self.version})" if self.version > 1 else ""
        return f"{self.title}{suffix} [{self.lang}]"


class Block(Base):
    """A paragraph, heading or list item of an edition, with where it stands in the source file."""

    __tablename__ = "blocks"
    __table_args__ = (Index("ix_blocks_edition_position", "edition_id", "position", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("editions.id", ondelete="CASCADE"))
    position: Mapped[int]  # 1-based, reading order
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    page: Mapped[Optional[int]]
    start_line: Mapped[int]
    end_line: Mapped[int]
    # JSON list of [offset, line, page]: where each source line's text starts in ``text``,
    # so a finding at any character can name its source line.
    anchors: Mapped[str] = mapped_column(Text, default="[]")
    # JSON list of offsets in ``text`` of spaces that were two or more in a source line.
    doubled_spaces: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")

    edition: Mapped[Edition] = relationship(back_populates="blocks")


class Segment(Base):
    """A sentence of an edition. ``text`` may be corrected by an editor; ``original`` never changes."""

    __tablename__ = "segments"
    __table_args__ = (Index("ix_segments_edition_position", "edition_id", "position", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("editions.id", ondelete="CASCADE"))
    block_id: Mapped[int] = mapped_column(ForeignKey("blocks.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]  # 1-based sentence number within the edition
    text: Mapped[str] = mapped_column(Text)
    original: Mapped[str] = mapped_column(Text)
    page: Mapped[Optional[int]]  # 1-based page in the file's order
    page_label: Mapped[Optional[str]] = mapped_column(String(20))  # the page as printed ("xii", "12")
    start_line: Mapped[int]
    end_line: Mapped[int]
    is_heading: Mapped[bool] = mapped_column(default=False)
    opens_block: Mapped[bool] = mapped_column(default=False)
    # Deleted by an editor (a duplicate): kept with its number, so alignments keep their references.
    deleted: Mapped[bool] = mapped_column(default=False, server_default="0")
    version: Mapped[int] = mapped_column(default=1)

    edition: Mapped[Edition] = relationship(back_populates="segments")

    __mapper_args__ = {"version_id_col": version}
