"""The kk–ru glossary: concept entries with their terms, and the harvest queue of candidates."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.db import Base
from workbench.errors import Message, from_stored_json
from workbench.models.editions import utcnow


class GlossaryEntry(Base):
    """One concept; ``approval`` is "proposed" until a person approves it."""

    __tablename__ = "glossary_entries"

    id: Mapped[str] = mapped_column(String(60), primary_key=True)
    category: Mapped[Optional[str]] = mapped_column(String(40))
    note: Mapped[Optional[str]] = mapped_column(Text)
    source: Mapped[Optional[str]] = mapped_column(Text)
    approval: Mapped[str] = mapped_column(String(20), default="proposed")
    approved_by: Mapped[Optional[str]] = mapped_column(String(80))
    approved_at: Mapped[Optional[dt.datetime]]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    terms: Mapped[list[GlossaryTerm]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="GlossaryTerm.id")

    __mapper_args__ = {"version_id_col": version}


class GlossaryTerm(Base):
    """A term of an entry in one language: full form, abbreviation, short form or variant."""

    __tablename__ = "glossary_terms"
    __table_args__ = (Index("ix_glossary_terms_folded", "lang", "folded"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[str] = mapped_column(ForeignKey("glossary_entries.id", ondelete="CASCADE"), index=True)
    lang: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(String(400))
    folded: Mapped[str] = mapped_column(String(400))  # normalise.fold(text), for search
    type: Mapped[str] = mapped_column(String(20), default="full-form")
    status: Mapped[str] = mapped_column(String(20), default="preferred")
    pos: Mapped[Optional[str]] = mapped_column(String(20))
    note: Mapped[Optional[str]] = mapped_column(Text)
    # Where the term counts for this concept: "not before: қоғам, құқық" (see glossary.model.Context).
    context: Mapped[Optional[str]] = mapped_column(String(400))

    entry: Mapped[GlossaryEntry] = relationship(back_populates="terms")


class GlossaryCandidate(Base):
    """A harvested term pair or abbreviation definition waiting for a person's decision."""

    __tablename__ = "glossary_candidates"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # "abbreviation" | "bilingual"
    kk: Mapped[str] = mapped_column(String(400), default="")
    ru: Mapped[str] = mapped_column(String(400), default="")
    score: Mapped[float] = mapped_column(default=0.0)
    examples: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of {kk, ru, where}
    source: Mapped[Optional[str]] = mapped_column(Text)  # where it was found and why it scores so, in English
    source_json: Mapped[Optional[str]] = mapped_column(Text)  # the same as msgid and values, for the pages
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending | accepted | rejected
    decided_by: Mapped[Optional[str]] = mapped_column(String(80))
    decided_at: Mapped[Optional[dt.datetime]]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    @property
    def shown_source(self) -> Message:
        """The source as msgid and values (``translate`` renders it), else the stored English text."""
        return from_stored_json(self.source_json) or Message(self.source or "")
