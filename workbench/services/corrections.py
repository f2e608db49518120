"""The editor's record: edit, delete, merge and split an edition's sentences, undo, and the list of changes.

Every operation stores a ``Correction`` (who, when, the sentences before and after, the page and line as
printed, the finding it fixes) and marks that finding fixed. A deleted sentence keeps its number (it is
flagged, not removed), so alignments that reference sentences by number stay consistent; a split inserts
a sentence and renumbers the ones after it, moving the beads of every alignment of the edition with them.
Sentences inside a confirmed bead are never deleted, merged or split: a reviewer vouched for that bead.
"""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from workbench.errors import N_, Conflict, InputError, Message, NotFound
from workbench.models import Alignment, Bead, Correction, Edition, Finding, Segment, utcnow
from workbench.text.normalise import nfc

MAX_TEXT = 5000


def _segment(session: Session, edition_id: int, segment_id: int, version: int | None) -> Segment:
    seg = session.get(Segment, segment_id)
    if seg is None or seg.edition_id != edition_id:
        raise NotFound(N_("no sentence #%(segment_id)s in edition %(edition_id)s"),
                       segment_id=segment_id, edition_id=edition_id)
    if version is not None and seg.version != version:
        raise Conflict(N_("sentence %(position)s was changed since you loaded it; nothing was saved — its "
                          "text now is: %(text)s"), position=seg.position, text=seg.text)
    if seg.deleted:
        raise InputError(N_("sentence %(position)s is deleted; undo the deletion first"),
                         position=seg.position)
    return seg


def _state(seg: Segment) -> dict[str, Any]:
    return {"id": seg.id, "position": seg.position, "text": seg.text, "deleted": seg.deleted}


def _clean(text: str) -> str:
    text = nfc(text).strip()
    if not text:
        raise InputError(N_("a sentence cannot be empty; delete it instead"))
    if len(text) > MAX_TEXT:
        raise InputError(N_("a sentence is at most %(n)s characters"), n=MAX_TEXT)
    return text


def _guard_confirmed(session: Session, edition: Edition, positions: list[int], what: str) -> None:
    """Refuse to touch sentences that a confirmed bead of an alignment holds."""
    for side, edition_col, start, end in (("kk", Alignment.kk_edition_id, Bead.kk_start, Bead.kk_end),
                                          ("ru", Alignment.ru_edition_id, Bead.ru_start, Bead.ru_end)):
        for pos in positions:
            bead = session.scalar(select(Bead).join(Alignment, Bead.alignment_id == Alignment.id).where(
                edition_col == edition.id, Bead.status == "confirmed", start <= pos, end > pos).limit(1))
            if bead is not None:
                raise Conflict(N_("sentence %(pos)s is in confirmed bead %(position)s of alignment "
                                  "%(alignment_id)s; unconfirm the bead before you %(what)s it"),
                               pos=pos, position=bead.position, alignment_id=bead.alignment_id,
                               what=Message(what))


def _fix_finding(session: Session, edition_id: int, finding_id: int | None, user: str) -> None:
    if finding_id is None:
        return
    finding = session.get(Finding, finding_id)
    if finding is None or finding.edition_id != edition_id:
        raise NotFound(N_("no finding #%(finding_id)s in this edition"), finding_id=finding_id)
    finding.status, finding.changed_by, finding.changed_at = "fixed", user, utcnow()


def _record(session: Session, edition_id: int, action: str, seg: Segment, before: list[dict[str, Any]],
            after: list[dict[str, Any]], user: str, finding_id: int | None) -> Correction:
    _fix_finding(session, edition_id, finding_id, user)
    row = Correction(edition_id=edition_id, user=user, action=action, position=seg.position, page=seg.page,
                     line=seg.start_line, before=json.dumps(before, ensure_ascii=False),
                     after=json.dumps(after, ensure_ascii=False), finding_id=finding_id)
    session.add(row)
    session.flush()
    return row


def _edition(session: Session, edition_id: int) -> Edition:
    edition = session.get(Edition, edition_id)
    if edition is None:
        raise NotFound(N_("no edition %(edition_id)s"), edition_id=edition_id)
    return edition


def edit(session: Session, edition_id: int, segment_id: int, version: int | None, text: str, user: str,
         finding_id: int | None = None) -> Correction:
    """Correct the text of one sentence."""
    seg = _segment(session, edition_id, segment_id, version)
    text = _clean(text)
    if text == seg.text:
        raise InputError(N_("the sentence is unchanged; nothing was saved"))
    before = [_state(seg)]
    seg.text = text
    session.flush()
    return _record(session, edition_id, "edit", seg, before, [_state(seg)], user, finding_id)


def delete(session: Session, edition_id: int, segment_id: int, version: int | None, user: str,
           finding_id: int | None = None) -> Correction:
    """Delete a sentence (a duplicate); it keeps its number, flagged deleted, so undo can bring it back."""
    edition = _edition(session, edition_id)
    seg = _segment(session, edition_id, segment_id, version)
    _guard_confirmed(session, edition, [seg.position], "delete")
    before = [_state(seg)]
    seg.deleted = True
    session.flush()
    return _record(session, edition_id, "delete", seg, before, [_state(seg)], user, finding_id)


def _next_sentence(session: Session, seg: Segment) -> Segment | None:
    return session.scalar(select(Segment).where(Segment.edition_id == seg.edition_id,
                                                Segment.position > seg.position, Segment.deleted.is_(False))
                          .order_by(Segment.position).limit(1))


def merge(session: Session, edition_id: int, segment_id: int, version: int | None, user: str,
          finding_id: int | None = None) -> Correction:
    """Merge a sentence with the next one of its paragraph (the next is joined on and flagged deleted)."""
    edition = _edition(session, edition_id)
    seg = _segment(session, edition_id, segment_id, version)
    nxt = _next_sentence(session, seg)
    if nxt is None or nxt.block_id != seg.block_id:
        raise InputError(N_("sentence %(position)s is the last of its paragraph; there is nothing to merge "
                            "it with"), position=seg.position)
    _guard_confirmed(session, edition, [seg.position, nxt.position], "merge")
    before = [_state(seg), _state(nxt)]
    seg.text = f"{seg.text} {nxt.text}"
    nxt.deleted = True
    seg.end_line = max(seg.end_line, nxt.end_line)
    session.flush()
    return _record(session, edition_id, "merge", seg, before, [_state(seg), _state(nxt)], user, finding_id)


def _shift(session: Session, edition: Edition, after: int, delta: int) -> None:
    """Renumber sentences after position ``after`` by ``delta`` and move every bead and finding with them."""
    t = Segment.__table__
    # Two steps through negative numbers, so the unique (edition, position) index never sees a clash.
    session.execute(update(t).where(t.c.edition_id == edition.id, t.c.position > after)
                    .values(position=-(t.c.position + delta)).execution_options(synchronize_session=False))
    session.execute(update(t).where(t.c.edition_id == edition.id, t.c.position < 0)
                    .values(position=-t.c.position).execution_options(synchronize_session=False))
    b = Bead.__table__
    for edition_col, start, end in ((Alignment.kk_edition_id, b.c.kk_start, b.c.kk_end),
                                    (Alignment.ru_edition_id, b.c.ru_start, b.c.ru_end)):
        ids = select(Alignment.id).where(edition_col == edition.id).scalar_subquery()
        session.execute(update(b).where(b.c.alignment_id.in_(ids), start > after)
                        .values({start.name: start + delta}).execution_options(synchronize_session=False))
        session.execute(update(b).where(b.c.alignment_id.in_(ids), end > after)
                        .values({end.name: end + delta}).execution_options(synchronize_session=False))
    f = Finding.__table__
    session.execute(update(f).where(f.c.edition_id == edition.id, f.c.segment_position > after)
                    .values(segment_position=f.c.segment_position + delta)
                    .execution_options(synchronize_session=False))
    edition.segment_count += delta
    session.expire_all()


def split(session: Session, edition_id: int, segment_id: int, version: int | None, at: int, user: str,
          finding_id: int | None = None) -> Correction:
    """Split a sentence before character ``at``; the second part becomes a new sentence after it."""
    edition = _edition(session, edition_id)
    seg = _segment(session, edition_id, segment_id, version)
    first, second = seg.text[:at].strip(), seg.text[at:].strip()
    if not first or not second:
        raise InputError(N_("split sentence %(position)s inside its text (1 to %(n)s)"),
                         position=seg.position, n=len(seg.text) - 1)
    _guard_confirmed(session, edition, [seg.position], "split")
    before = [_state(seg)]
    pos, seg_id = seg.position, seg.id
    block_id, page, start_line, end_line = seg.block_id, seg.page, seg.start_line, seg.end_line
    _shift(session, edition, pos, +1)
    seg = session.get(Segment, seg_id)  # type: ignore[assignment]
    seg.text = first
    new = Segment(edition_id=edition_id, block_id=block_id, position=pos + 1, text=second, original=second,
                  page=page, start_line=end_line if end_line > start_line else start_line, end_line=end_line)
    session.add(new)
    session.flush()
    return _record(session, edition_id, "split", seg, before, [_state(seg), _state(new)], user, finding_id)


def undo(session: Session, edition_id: int, user: str) -> Correction:
    """Undo the edition's latest correction that is not undone yet (the record keeps it, marked undone)."""
    edition = _edition(session, edition_id)
    row = session.scalar(select(Correction).where(Correction.edition_id == edition_id,
                                                  Correction.undone_at.is_(None))
                         .order_by(Correction.id.desc()).limit(1))
    if row is None:
        raise InputError(N_("no correction of this edition to undo"))
    before, after = json.loads(row.before), json.loads(row.after)
    for state in after:
        seg = session.get(Segment, state["id"])
        if seg is None or seg.text != state["text"] or seg.deleted != state["deleted"]:
            raise Conflict(N_("sentence %(position)s changed after this correction; nothing was undone"),
                           position=state["position"])
    if row.action == "split":
        kept, added = after
        session.delete(session.get(Segment, added["id"]))
        session.flush()
        _shift(session, edition, added["position"], -1)
    for state in before:
        seg = session.get(Segment, state["id"])
        assert seg is not None
        seg.text, seg.deleted = state["text"], state["deleted"]
    if row.finding_id is not None:
        finding = session.get(Finding, row.finding_id)
        if finding is not None and finding.status == "fixed":
            finding.status, finding.changed_by, finding.changed_at = "open", user, utcnow()
    row.undone_at, row.undone_by = utcnow(), user
    session.flush()
    return row


def history(session: Session, edition_id: int) -> list[Correction]:
    """Every correction of the edition, by page and line as printed, then in the order made."""
    return list(session.scalars(select(Correction).where(Correction.edition_id == edition_id)
                                .order_by(Correction.page, Correction.line, Correction.id)))


def printed_and_corrected(row: Correction) -> tuple[str, str]:
    """The text as printed and as corrected, for the corrections sheet."""
    before, after = json.loads(row.before), json.loads(row.after)
    printed = " ".join(s["text"] for s in before if not s["deleted"])
    corrected = " ".join(s["text"] for s in after if not s["deleted"])
    return printed, corrected


def corrected_paragraphs(session: Session, edition_id: int) -> list[tuple[bool, str]]:
    """The corrected edition as (is heading, paragraph text), deleted sentences left out."""
    _edition(session, edition_id)
    out: list[tuple[bool, str]] = []
    current: int | None = None
    for seg in session.scalars(select(Segment).where(Segment.edition_id == edition_id,
                                                     Segment.deleted.is_(False)).order_by(Segment.position)):
        if seg.block_id != current or seg.is_heading or (out and out[-1][0]):
            out.append((seg.is_heading, seg.text))
            current = seg.block_id
        else:
            out[-1] = (False, f"{out[-1][1]} {seg.text}")
    return out



EXPORT_FORMATS = ("txt", "docx")


def export_edition(session: Session, edition_id: int, fmt: str) -> bytes:
    """The corrected edition as a file: ``txt`` (UTF-8) or ``docx``."""
    from workbench.formats.edition_docx import write_edition_docx
    from workbench.formats.edition_txt import write_edition_txt

    if fmt not in EXPORT_FORMATS:
        raise InputError(N_("unknown format %(fmt)r; expected one of: %(choices)s"),
                         fmt=fmt, choices=", ".join(EXPORT_FORMATS))
    edition = _edition(session, edition_id)
    paragraphs = corrected_paragraphs(session, edition_id)
    if fmt == "txt":
        return write_edition_txt(paragraphs)
    return write_edition_docx(edition.title, edition.lang, paragraphs)


def export_name(edition: Edition, fmt: str) -> str:
    return f"edition-{edition.id}-{edition.lang}-corrected.{fmt}"


CSV_COLUMNS = ("page", "line", "sentence", "change", "printed", "corrected", "finding", "user", "at", "undone")


def to_csv(rows: list[Correction], printed: dict[int, str] | None = None) -> str:
    """The corrections as CSV (UTF-8 with a byte-order mark, so spreadsheets keep the Kazakh letters);
    ``printed`` maps a page's position in the file to the page as printed (``editions.printed_pages``)."""
    import csv
    import io

    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    pages = printed or {}
    for r in rows:
        printed_text, corrected = printed_and_corrected(r)
        writer.writerow([pages.get(r.page, r.page) or "", r.line or "", r.position, r.action, printed_text, corrected, r.finding_id or "",
                         r.user or "", r.at.isoformat(timespec="seconds"),
                         r.undone_at.isoformat(timespec="seconds") if r.undone_at else ""])
    return out.getvalue()
