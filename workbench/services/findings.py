"""The errata list of an edition: filter and page findings, give verdicts, fix sentences, export."""
from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from workbench.errors import N_, Conflict, InputError, Message, NotFound
from workbench.models import Finding, Segment, utcnow
from workbench.services.checking import STATUSES
from workbench.services.review import record


@dataclass
class Filters:
    check: str | None = None
    severity: str | None = None
    status: str | None = "open"   # None = every status
    include_closed: bool = False  # findings the checks no longer report

    def where(self, edition_id: int) -> list:
        conds = [Finding.edition_id == edition_id]
        if self.check:
            conds.append(Finding.check_id == self.check)
        if self.severity:
            conds.append(Finding.severity == self.severity)
        if self.status:
            # one status, or several separated by commas ("open,fixed")
            conds.append(Finding.status.in_(self.status.split(",")))
        if not self.include_closed:
            # A finding an editor fixed stays in view after the checks stop reporting it.
            conds.append(or_(Finding.resolved_at.is_(None), Finding.status == "fixed"))
        return conds


def page(session: Session, edition_id: int, filters: Filters, offset: int = 0,
         limit: int = 100) -> tuple[list[Finding], int]:
    """Findings in page and line order (the order an editor walks the book), with their total."""
    conds = filters.where(edition_id)
    total = session.scalar(select(func.count()).select_from(Finding).where(*conds)) or 0
    rows = list(session.scalars(select(Finding).where(*conds)
                                .order_by(Finding.check_id, Finding.line, Finding.id).offset(offset).limit(limit)))
    return rows, total


def counts(session: Session, edition_id: int) -> dict[str, Counter[str]]:
    """Open-and-closed counts per check and per status (for the filter bar)."""
    out: dict[str, Counter[str]] = {"check": Counter(), "status": Counter(), "severity": Counter()}
    for check_id, status, severity, n in session.execute(
            select(Finding.check_id, Finding.status, Finding.severity, func.count())
            .where(*Filters(status=None).where(edition_id))
            .group_by(Finding.check_id, Finding.status, Finding.severity)):
        out["check"][check_id] += n
        out["status"][status] += n
        out["severity"][severity] += n
    return out


def get(session: Session, finding_id: int) -> Finding:
    row = session.get(Finding, finding_id)
    if row is None:
        raise NotFound(N_("no finding #%(finding_id)s"), finding_id=finding_id)
    return row


def sentence_of(session: Session, finding: Finding) -> Segment | None:
    """The sentence the finding points at: by its number, or the sentence standing on its line."""
    if finding.segment_position is not None:
        return session.scalar(select(Segment).where(Segment.edition_id == finding.edition_id,
                                                    Segment.position == finding.segment_position))
    if finding.line is None:
        return None
    return session.scalar(select(Segment).where(
        Segment.edition_id == finding.edition_id, Segment.start_line <= finding.line,
        Segment.end_line >= finding.line).order_by(Segment.position).limit(1))


def _check_version(finding: Finding, version: int) -> None:
    if finding.version != version:
        raise Conflict(N_("finding #%(id)s was changed by %(by)s since you loaded it (now: %(status)s); "
                          "nothing was saved — reload to see it"), id=finding.id,
                       by=finding.changed_by or Message(N_("someone")), status=Message(finding.status))


def set_verdict(session: Session, finding_id: int, version: int, status: str, comment: str | None,
                user: str) -> Finding:
    """Mark a finding open, fixed, intended or false alarm, with an optional comment."""
    if status not in STATUSES:
        raise InputError(N_("unknown status %(status)r; expected one of: %(choices)s"),
                         status=status, choices=", ".join(STATUSES))
    finding = get(session, finding_id)
    _check_version(finding, version)
    before = {"status": finding.status, "comment": finding.comment}
    finding.status, finding.changed_by, finding.changed_at = status, user, utcnow()
    if comment is not None:
        finding.comment = comment.strip() or None
    session.flush()
    record(session, user, "finding-verdict", "finding", finding.id, None, before,
           {"status": finding.status, "comment": finding.comment}, state="final")
    return finding


def fix_sentence(session: Session, finding_id: int, version: int, segment_id: int, segment_version: int,
                 text: str, user: str) -> Finding:
    """Correct the sentence in place; the finding becomes fixed and the edit joins the edition's record."""
    from workbench.services import corrections

    finding = get(session, finding_id)
    _check_version(finding, version)
    corrections.edit(session, finding.edition_id, segment_id, segment_version, text, user, finding_id=finding.id)
    session.flush()
    return finding


def correct(session: Session, finding_id: int, version: int, action: str, segment_id: int,
            segment_version: int, user: str, at: int | None = None):
    """Delete, merge or split the finding's sentence; the finding becomes fixed (see ``corrections``)."""
    from workbench.services import corrections

    finding = get(session, finding_id)
    _check_version(finding, version)
    if action == "delete":
        return corrections.delete(session, finding.edition_id, segment_id, segment_version, user, finding.id)
    if action == "merge":
        return corrections.merge(session, finding.edition_id, segment_id, segment_version, user, finding.id)
    if action == "split":
        if at is None:
            raise InputError(N_("say where to split the sentence"))
        return corrections.split(session, finding.edition_id, segment_id, segment_version, at, user, finding.id)
    raise InputError(N_("unknown correction %(action)r; expected delete, merge or split"), action=action)


COLUMNS = ("page", "line", "check", "severity", "status", "excerpt", "message", "suggestion", "comment",
           "changed_by")


def sheet_rows(session: Session, edition_id: int, filters: Filters) -> list[Finding]:
    """Findings ordered by page and line, for the printable errata sheet and the CSV."""
    return list(session.scalars(select(Finding).where(*filters.where(edition_id))
                                .order_by(Finding.page, Finding.line, Finding.id)))


def to_csv(rows: list[Finding], printed: dict[int, str] | None = None,
           render: Callable[[Message | str | None], str] = lambda text: "" if text is None else str(text)) -> str:
    """The rows as CSV, starting with a byte-order mark so spreadsheet programs read it as UTF-8.

    ``printed`` maps a page's position in the file to the page as printed (``editions.printed_pages``);
    ``render`` gives a message or suggestion in the reader's language (English by default)."""
    printed = printed or {}
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for f in rows:
        writer.writerow([printed.get(f.page, f.page) or "", f.line or "", f.check_id, f.severity, f.status, f.excerpt,
                         render(f.shown_message), render(f.shown_suggestion), f.comment or "", f.changed_by or ""])
    return out.getvalue()
