"""The errata page of an edition: findings grouped by check, filtered, fixed in place or given a verdict."""
from __future__ import annotations

from flask import (Blueprint, Response, abort, current_app, flash, g, redirect, render_template, request,
                   url_for)

from workbench.db import get_session, transaction
from workbench.errors import NotFound, WorkbenchError
from workbench.services import checking, editions, findings
from workbench.web import jobs as job_pages
from workbench.web.auth import require

bp = Blueprint("errata", __name__, url_prefix="/editions/<int:edition_id>")


def _edition(edition_id: int):
    try:
        return editions.get_edition(get_session(), edition_id)
    except NotFound:
        abort(404)


def _filters() -> findings.Filters:
    status = request.args.get("status", "open")
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
        filters=filters, status_arg=request.args.get("status", "open"), counts=findings.counts(session, edition_id),
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
                raise NotFound(f"no finding #{finding_id} in this edition")
        flash(f"Finding #{finding_id} marked {f.status}.")
    except WorkbenchError as error:
        flash(str(error), "error")
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
        flash(f"Sentence corrected; finding #{finding_id} is fixed.")
    except WorkbenchError as error:
        flash(str(error), "error")
    return _back(edition_id)


@bp.get("/errata.csv")
def export_csv(edition_id: int):
    """The filtered errata list as CSV (page, line, check, severity, status, excerpt, …)."""
    edition = _edition(edition_id)
    rows = findings.sheet_rows(get_session(), edition_id, _filters())
    name = f"errata-{edition.id}-{edition.lang}.csv"
    return Response(findings.to_csv(rows), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.get("/errata/sheet")
def sheet(edition_id: int):
    """A printable errata sheet ordered by page."""
    edition = _edition(edition_id)
    rows = findings.sheet_rows(get_session(), edition_id, _filters())
    return render_template("errata/sheet.html", edition=edition, rows=rows)
