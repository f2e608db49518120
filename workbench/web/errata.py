"""The errata page of an edition: findings grouped by check, filtered, fixed in place or given a verdict."""
from __future__ import annotations

import unicodedata

from markupsafe import Markup, escape

from flask import (Blueprint, Response, abort, current_app, flash, g, redirect, render_template, request,
                   url_for)

from workbench.db import get_session, transaction
from workbench.errors import N_, InputError, NotFound, WorkbenchError
from workbench.services import checking, corrections, editions, findings
from workbench.text.normalise import mixed_script_words, script_of
from workbench.web import jobs as job_pages
from workbench.web.auth import require
from workbench.web.i18n import gettext as _
from workbench.web.i18n import translate

bp = Blueprint("errata", __name__, url_prefix="/editions/<int:edition_id>")


def _edition(edition_id: int):
    try:
        return editions.get_edition(get_session(), edition_id)
    except NotFound:
        abort(404)


DEFAULT_STATUS = "open,fixed"  # what needs a look and what was done; verdicts that close a finding are hidden


def _filters(default: str = DEFAULT_STATUS) -> findings.Filters:
    status = request.args.get("status", default)
    return findings.Filters(check=request.args.get("check") or None,
                            severity=request.args.get("severity") or None,
                            status=None if status == "all" else status)


def _back(edition_id: int):
    return redirect(request.form.get("next") or url_for(".index", edition_id=edition_id))


@bp.get("/errata")
def index(edition_id: int):
    """Findings of the edition, grouped by check, in line order, paged."""
    session = get_session()
    edition = _edition(edition_id)
    size = current_app.config["PAGE_SIZE"]
    page = max(1, request.args.get("p", 1, type=int))
    filters = _filters()
    rows, total = findings.page(session, edition_id, filters, (page - 1) * size, size)
    context = {f.id: findings.sentence_of(session, f) for f in rows}
    from workbench.checks.registry import CHECKS_BY_ID

    return render_template(
        "errata/index.html", edition=edition, rows=rows, total=total, page=page, size=size,
        filters=filters, status_arg=request.args.get("status", DEFAULT_STATUS), counts=findings.counts(session, edition_id),
        context=context, checks=CHECKS_BY_ID, statuses=checking.STATUSES,
        job=job_pages.shown_job("check", edition=edition_id))


@bp.post("/errata/run")
@require("findings")
def run(edition_id: int):
    """Run the one-edition checks again, as a job (verdicts given earlier are kept)."""
    _edition(edition_id)  # 404 for an unknown edition
    job_id = job_pages.start("check", {"edition": edition_id})
    return redirect(url_for(".index", edition_id=edition_id, job=job_id), 303)


@bp.post("/errata/<int:finding_id>/verdict")
@require("findings")
def verdict(edition_id: int, finding_id: int):
    """Mark a finding open, intended or false alarm (or fixed), with a comment."""
    try:
        with transaction(current_app.extensions["workbench.sessions"]) as session:
            f = findings.set_verdict(session, finding_id, request.form.get("version", 0, type=int),
                                     request.form.get("status", ""), request.form.get("comment"), g.user.name)
            if f.edition_id != edition_id:
                raise NotFound(N_("no finding #%(finding_id)s in this edition"), finding_id=finding_id)
        flash(_("Finding #%(id)s marked %(status)s.", id=finding_id, status=_(f.status)))
    except WorkbenchError as error:
        flash(translate(error), "error")
    return _back(edition_id)


@bp.post("/errata/<int:finding_id>/fix")
@require("text")
def fix(edition_id: int, finding_id: int):
    """Correct the sentence in place; the finding becomes fixed, the edit is kept with its history."""
    try:
        with transaction(current_app.extensions["workbench.sessions"]) as session:
            findings.fix_sentence(session, finding_id, request.form.get("version", 0, type=int),
                                  request.form.get("segment_id", 0, type=int),
                                  request.form.get("segment_version", 0, type=int),
                                  request.form.get("text", ""), g.user.name)
        flash(_("Sentence corrected; finding #%(id)s is fixed.", id=finding_id))
    except WorkbenchError as error:
        flash(translate(error), "error")
    return _back(edition_id)


@bp.post("/errata/<int:finding_id>/correct")
@require("text")
def correct(edition_id: int, finding_id: int):
    """Delete, merge (with the next) or split the finding's sentence; the finding becomes fixed."""
    action = request.form.get("action", "")
    try:
        with transaction(current_app.extensions["workbench.sessions"]) as session:
            f = findings.get(session, finding_id)
            if f.edition_id != edition_id:
                raise NotFound(N_("no finding #%(finding_id)s in this edition"), finding_id=finding_id)
            done = findings.correct(session, finding_id, request.form.get("version", 0, type=int), action,
                                    request.form.get("segment_id", 0, type=int),
                                    request.form.get("segment_version", 0, type=int), g.user.name,
                                    at=_split_at(request.form))
            flash(_("Sentence %(n)s: %(action)s done; finding #%(f)s is fixed.", n=done.position,
                    action=_(done.action), f=finding_id))
    except WorkbenchError as error:
        flash(translate(error), "error")
    return _back(edition_id)


def _split_at(form) -> int | None:
    """Where to split: the offset of the text the second sentence should begin with."""
    starts = (form.get("second") or "").strip()
    text = form.get("sentence") or ""
    if not starts:
        return None
    at = text.find(starts)
    if at <= 0:
        raise InputError(_("“%(s)s” does not occur inside the sentence", s=starts))
    return at


@bp.get("/corrections")
def corrections_page(edition_id: int):
    """Every correction of the edition (who, when, before, after, which finding), with undo and downloads."""
    session = get_session()
    edition = _edition(edition_id)
    rows = corrections.history(session, edition_id)
    return render_template("errata/corrections.html", edition=edition, rows=rows,
                           texts={r.id: corrections.printed_and_corrected(r) for r in rows})


@bp.get("/corrections/sheet")
def corrections_sheet(edition_id: int):
    """A printable errata sheet of the corrections made: page, line, printed, corrected."""
    edition = _edition(edition_id)
    session = get_session()
    rows = [r for r in corrections.history(session, edition_id) if r.undone_at is None]
    return render_template("errata/corrections_sheet.html", edition=edition, rows=rows,
                           texts={r.id: corrections.printed_and_corrected(r) for r in rows})


@bp.get("/corrections.csv")
def corrections_csv(edition_id: int):
    """Every correction of the edition as CSV, by page."""
    edition = _edition(edition_id)
    session = get_session()
    data = corrections.to_csv(corrections.history(session, edition_id), editions.printed_pages(session, edition_id))
    return Response(data, mimetype="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="corrections-{edition.id}-{edition.lang}.csv"'})


@bp.post("/corrections/undo")
@require("text")
def undo(edition_id: int):
    """Undo the edition's latest correction."""
    try:
        with transaction(current_app.extensions["workbench.sessions"]) as session:
            row = corrections.undo(session, edition_id, g.user.name)
            flash(_("Undone: %(action)s of sentence %(n)s.", action=_(row.action), n=row.position))
    except WorkbenchError as error:
        flash(translate(error), "error")
    return redirect(request.form.get("next") or url_for(".corrections_page", edition_id=edition_id))


@bp.get("/corrected.<fmt>")
def download(edition_id: int, fmt: str):
    """The corrected edition as plain text or a Word document."""
    edition = _edition(edition_id)
    try:
        data = corrections.export_edition(get_session(), edition_id, fmt)
    except InputError:
        abort(404)
    mimetype = "text/plain; charset=utf-8" if fmt == "txt" else \
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return Response(data, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{corrections.export_name(edition, fmt)}"'})


@bp.get("/errata.csv")
def export_csv(edition_id: int):
    """The filtered errata list as CSV (page, line, check, severity, status, excerpt, …)."""
    edition = _edition(edition_id)
    rows = findings.sheet_rows(get_session(), edition_id, _filters(default="all"))
    name = f"errata-{edition.id}-{edition.lang}.csv"
    return Response(findings.to_csv(rows, editions.printed_pages(get_session(), edition_id), translate), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.get("/errata/sheet")
def sheet(edition_id: int):
    """A printable errata sheet ordered by page."""
    edition = _edition(edition_id)
    rows = findings.sheet_rows(get_session(), edition_id, _filters(default="all"))
    return render_template("errata/sheet.html", edition=edition, rows=rows)


@bp.app_template_filter("mark_scripts")
def mark_scripts(text: str) -> Markup:
    """The sentence with every letter of the minority script inside a mixed word wrapped in <mark>,
    titled with the character's Unicode name (a Latin i among Cyrillic letters is invisible otherwise)."""
    out, last = [], 0
    for offset, word, _suggestion in mixed_script_words(text):
        scripts = [script_of(c) for c in word]
        minority = "latin" if scripts.count("cyrillic") >= scripts.count("latin") else "cyrillic"
        out.append(escape(text[last:offset]))
        for ch, sc in zip(word, scripts):
            if sc == minority:
                out.append(Markup('<mark class="script" title="{}">{}</mark>').format(unicodedata.name(ch, "?"), ch))
            else:
                out.append(escape(ch))
        last = offset + len(word)
    out.append(escape(text[last:]))
    return Markup("").join(out)
