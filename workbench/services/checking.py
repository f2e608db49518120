"""Run the checks on a stored edition or alignment and keep the findings, verdicts included, across re-runs."""
from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.checks import base as checks
from workbench.checks.runner import run_bead_checks, run_edition_checks
from workbench.errors import N_, InputError, Message, stored_json
from workbench.models import Alignment, Bead, Block, Edition, Finding, Segment, utcnow
from workbench.models.findings import FINDING_STATUSES
from workbench.services import editions
from workbench.text.model import Anchor, Sentence
from workbench.text.model import Block as TextBlock

logger = logging.getLogger(__name__)

STATUSES = FINDING_STATUSES  # the verdicts an editor can give, as the model defines them


@dataclass
class CheckRun:
    """What a run of the checks changed in the stored findings."""

    found: int = 0
    new: int = 0
    kept: int = 0
    closed: int = 0
    reopened: int = 0
    by_check: Counter[str] = field(default_factory=Counter)

    def summary(self) -> Message:
        per = ", ".join(f"{k} {v}" for k, v in self.by_check.most_common())
        return Message(N_("%(found)s findings (%(per)s); %(new)s new, %(kept)s still there, %(reopened)s back "
                          "again, %(closed)s no longer found"), found=self.found, per=per or Message(N_("none")),
                       new=self.new, kept=self.kept, reopened=self.reopened, closed=self.closed)


def edition_text(session: Session, edition: Edition, keep_deleted: bool = False,
                 ) -> tuple[list[TextBlock], list[Sentence]]:
    """The stored edition as the pure blocks and sentences the checks read (current, edited text);
    sentences an editor deleted are left out, or kept empty with ``keep_deleted`` (alignments number them)."""
    blocks, sentences, _ = numbered_edition_text(session, edition, keep_deleted)
    return blocks, sentences


def numbered_edition_text(session: Session, edition: Edition, keep_deleted: bool = False,
                          ) -> tuple[list[TextBlock], list[Sentence], list[int]]:
    """``edition_text`` with each sentence's number in the edition (deleted sentences keep theirs, so
    the sentences after one are not numbered by their index)."""
    blocks = list(session.scalars(select(Block).where(Block.edition_id == edition.id).order_by(Block.position)))
    index = {b.id: i for i, b in enumerate(blocks)}
    segments = list(session.scalars(select(Segment).where(Segment.edition_id == edition.id)
                                    .order_by(Segment.position)))
    # An editor deleted, merged or split sentences, or corrected one: check the paragraph as it is now.
    edited = {s.block_id for s in segments if s.text != s.original or s.deleted}
    if not keep_deleted:
        segments = [s for s in segments if not s.deleted]
    pure_blocks = []
    for b in blocks:
        anchors = [Anchor(o, line, page) for o, line, page in json.loads(b.anchors or "[]")] or \
            [Anchor(0, b.start_line, b.page)]
        text = b.text
        doubled = tuple(json.loads(b.doubled_spaces or "[]"))
        if b.id in edited:
            # An editor corrected a sentence: check the corrected paragraph (its anchors stay approximate;
            # the source's doubled spaces are gone from it).
            text = " ".join(s.text for s in segments if s.block_id == b.id and not s.deleted)
            doubled = ()
        pure_blocks.append(TextBlock(kind=b.kind, text=text, anchors=anchors,  # type: ignore[arg-type]
                                     doubled_spaces=doubled))
    # Kept deleted sentences (for alignments, which count by number) read as empty.
    sentences = [Sentence("" if s.deleted else s.text, index[s.block_id], s.page, s.start_line, s.end_line)
                 for s in segments]
    return pure_blocks, sentences, [s.position for s in segments]


def check_edition(session: Session, edition: Edition, flags: tuple[str, ...] = ()) -> CheckRun:
    """Run the one-edition checks on ``edition`` (with the stored glossary) and merge the findings into
    the stored ones."""
    from workbench.services import glossary

    blocks, sentences, positions = numbered_edition_text(session, edition)
    context = checks.Edition(lang=edition.lang, blocks=blocks, sentences=sentences,
                             glossary=glossary.entries(session),
                             page_labels=editions.printed_pages(session, edition.id))
    # A finding names the sentence by its index among the sentences read: store its number instead.
    found = [f if f.sentence is None else replace(f, sentence=positions[f.sentence] - 1)
             for f in run_edition_checks(context, flags)]
    return merge_findings(session, edition.id, None, found)


def check_alignment(session: Session, alignment: Alignment, flags: tuple[str, ...] = ()) -> CheckRun:
    """Run the checks across an alignment (with the stored glossary); findings are stored on the Kazakh
    edition with their bead."""
    from workbench.align import Bead as PureBead
    from workbench.services import glossary

    kk = session.get(Edition, alignment.kk_edition_id)
    ru = session.get(Edition, alignment.ru_edition_id)
    if kk is None or ru is None:
        raise InputError(N_("alignment %(id)s has lost an edition"), id=alignment.id)
    _, kk_sentences = edition_text(session, kk, keep_deleted=True)
    _, ru_sentences = edition_text(session, ru, keep_deleted=True)
    rows = session.scalars(select(Bead).where(Bead.alignment_id == alignment.id).order_by(Bead.position))
    # A deleted sentence is no part of its bead for the checks: a bead whose only Kazakh sentence was
    # deleted reads as a Russian sentence with nothing on the Kazakh side.
    kk_live = {i for i, x in enumerate(kk_sentences) if x.text}
    ru_live = {i for i, x in enumerate(ru_sentences) if x.text}
    beads = [PureBead(tuple(i for i in range(b.kk_start - 1, b.kk_end - 1) if i in kk_live),
                      tuple(j for j in range(b.ru_start - 1, b.ru_end - 1) if j in ru_live), b.score)
             for b in rows]
    found = run_bead_checks(checks.Pair(kk_sentences, ru_sentences, beads, glossary.entries(session)), flags)
    return merge_findings(session, kk.id, alignment.id, found)


def stored_texts(f: checks.Finding) -> dict[str, str | None]:
    """The message and suggestion columns of a finding: the English text, and msgid with values when the
    check gave a :class:`Message` (the key, which keeps verdicts across re-runs, involves neither)."""
    return {"message": str(f.message), "message_json": stored_json(f.message),
            "suggestion": None if f.suggestion is None else str(f.suggestion),
            "suggestion_json": stored_json(f.suggestion)}


def merge_findings(session: Session, edition_id: int, alignment_id: int | None,
                   found: list[checks.Finding]) -> CheckRun:
    """Insert new findings, refresh the ones still there, close the ones gone; verdicts are never lost."""
    run = CheckRun(found=len(found))
    stored = {f.key: f for f in session.scalars(select(Finding).where(
        Finding.edition_id == edition_id,
        Finding.alignment_id.is_(None) if alignment_id is None else Finding.alignment_id == alignment_id))}
    now = utcnow()
    seen: set[str] = set()
    for f in found:
        run.by_check[f.check] += 1
        seen.add(f.key)
        row = stored.get(f.key)
        if row is None:
            session.add(Finding(
                edition_id=edition_id, alignment_id=alignment_id, check_id=f.check, key=f.key,
                severity=f.severity, excerpt=f.excerpt, **stored_texts(f),
                line=f.line, page=f.page, segment_position=None if f.sentence is None else f.sentence + 1,
                bead_position=None if f.bead is None else f.bead + 1, first_seen=now, last_seen=now))
            run.new += 1
            continue
        row.excerpt = f.excerpt
        for column, value in stored_texts(f).items():
            setattr(row, column, value)
        row.line, row.page, row.severity, row.last_seen = f.line, f.page, f.severity, now
        row.segment_position = None if f.sentence is None else f.sentence + 1
        if row.resolved_at is not None:
            row.resolved_at = None
            if row.status == "fixed":
                row.status, row.changed_by, row.changed_at = "open", "checks", now
            run.reopened += 1
        else:
            run.kept += 1
    for key, row in stored.items():
        if key not in seen and row.resolved_at is None:
            row.resolved_at = now
            if row.status == "open":
                row.status, row.changed_by, row.changed_at = "fixed", "checks", now
            run.closed += 1
    return run


def current_findings(session: Session, edition_id: int, alignment_id: int | None = None) -> list[checks.Finding]:
    """The findings that still apply (of the edition, or of one alignment), in line order, as the
    pure value the CLI prints."""
    scope = Finding.alignment_id.is_(None) if alignment_id is None else Finding.alignment_id == alignment_id
    rows = session.scalars(select(Finding).where(Finding.edition_id == edition_id, scope,
                                                 Finding.resolved_at.is_(None))
                           .order_by(Finding.line, Finding.id))
    return [checks.Finding(check=r.check_id, severity=r.severity, message=r.shown_message,  # type: ignore[arg-type]
                           line=r.line or 0, page=r.page, excerpt=r.excerpt, suggestion=r.shown_suggestion, key=r.key)
            for r in rows]


def has_findings(session: Session, edition_id: int) -> bool:
    """Whether the checks were ever run on the edition (any finding stored, open or not)."""
    return session.scalar(select(Finding.id).where(Finding.edition_id == edition_id).limit(1)) is not None
