"""The JSON API for automation: editions, alignments, jobs, beads and exports.

Authenticate with ``Authorization: Bearer TOKEN`` (``python run.py users token NAME``); the roles are
those of the pages. Long work answers ``202 {"job": "/api/jobs/ID"}``; poll that job for its state,
progress and result. Every error is ``{"error": "..."}`` with 400, 401, 403, 404, 409 or 413: the text in the
caller's language (their own choice, else ``Accept-Language``, else English); errors of the services also
carry ``"error_en"``, the same text in English, for scripts that match on it. A job's ``message`` is in
the caller's language too, with ``message_en`` beside it; so are a finding's ``message`` and
``suggestion`` (``message_en``, ``suggestion_en``).
"""
from __future__ import annotations

import io
from typing import Any

from flask import Blueprint, Response, current_app, g, jsonify, request
from sqlalchemy import select

from workbench.db import get_session, transaction
from workbench.errors import N_, InputError, NotFound, WorkbenchError
from workbench.models import Alignment, Bead
from workbench.services import editions, exporting, findings, jobs, review
from workbench.web import jobs as job_pages
from workbench.web.auth import require
from workbench.web.i18n import localise, translate

bp = Blueprint("api", __name__, url_prefix="/api")
MAX_BEADS = 1000


def error(problem: WorkbenchError, status: int, **extra: Any) -> tuple[Response, int]:
    """``{"error": in the caller's language, "error_en": in English, …extra}`` with ``status``."""
    return jsonify(error=translate(problem), error_en=str(problem), **extra), status


def accepted(job_id: int) -> tuple[Response, int, dict[str, str]]:
    url = f"/api/jobs/{job_id}"
    return jsonify(job=url), 202, {"Location": url}


def _json() -> dict[str, Any]:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise InputError(N_("the request body must be a JSON object"))
    return data


def _whole(data: dict[str, Any], key: str) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(N_("%(key)s must be a whole number"), key=key)
    return value


@bp.errorhandler(InputError)
def bad_input(e: InputError):
    return error(e, 413 if isinstance(e, job_pages.TooLarge) else 400)


@bp.errorhandler(NotFound)
def not_found(e: NotFound):
    return error(e, 404)


@bp.post("/editions")
@require("beads")
def import_edition():
    """Upload a file (multipart: file, lang, optional title) to import as an edition."""
    return accepted(job_pages.start_import(request.files.get("file"), request.form.get("lang", ""),
                                           request.form.get("title")))


@bp.post("/alignments")
@require("beads")
def align():
    """Align two editions: {"kk": EDITION_ID, "ru": EDITION_ID}."""
    data = _json()
    kk, ru = _whole(data, "kk"), _whole(data, "ru")
    session = get_session()
    first, second = editions.get_edition(session, kk), editions.get_edition(session, ru)
    if {first.lang, second.lang} != {"kk", "ru"}:
        raise InputError(N_("expected a Kazakh and a Russian edition, got %(lang)s and %(lang2)s"),
                         lang=first.lang, lang2=second.lang)
    return accepted(job_pages.start("align", {"kk": kk, "ru": ru}))


@bp.get("/jobs/<int:job_id>")
@require("read")
def job(job_id: int):
    view = job_pages.translated(jobs.describe(jobs.get_job(get_session(), job_id)))
    return jsonify({k: view[k] for k in ("id", "kind", "state", "progress", "message", "message_en", "result")})


@bp.get("/editions/<int:edition_id>/sentences")
@require("read")
def sentences(edition_id: int):
    session = get_session()
    edition = editions.get_edition(session, edition_id)
    # "page" counts the file's pages from 1; "page_label" is the page as printed (xii, 12), or null.
    return jsonify([{"n": s.position, "page": s.page, "page_label": s.page_label, "text": s.text}
                    for s in editions.iter_segments(session, edition.id)])


def finding_view(row: Any) -> dict[str, Any]:
    """A finding with its message and suggestion in the caller's language, and in English beside them."""
    from workbench.checks.registry import CHECKS_BY_ID

    check = CHECKS_BY_ID.get(row.check_id)
    return {"id": row.id, "check": row.check_id, "check_name": localise(check.name) if check else row.check_id,
            "severity": row.severity, "status": row.status, "page": row.page, "line": row.line,
            "excerpt": row.excerpt, "message": translate(row.shown_message), "message_en": row.message,
            "suggestion": translate(row.shown_suggestion) or None, "suggestion_en": row.suggestion,
            "comment": row.comment, "version": row.version}


@bp.get("/editions/<int:edition_id>/findings")
@require("read")
def edition_findings(edition_id: int):
    """The findings of an edition's checks, in check and line order; ``check``, ``severity``, ``status``
    (default ``open``; ``all`` for every one) filter them, ``offset`` and ``limit`` (at most 1000) page them."""
    session = get_session()
    editions.get_edition(session, edition_id)
    offset, limit = _window()
    status = request.args.get("status", "open")
    filters = findings.Filters(check=request.args.get("check") or None, severity=request.args.get("severity") or None,
                               status=None if status == "all" else status)
    rows, total = findings.page(session, edition_id, filters, offset, limit)
    return jsonify({"total": total, "findings": [finding_view(f) for f in rows]})


def _window() -> tuple[int, int]:
    """``offset`` (default 0) and ``limit`` (default 100, at most 1000) of a listing."""
    try:
        offset = int(request.args.get("offset", 0))
        limit = int(request.args.get("limit", 100))
    except ValueError:
        raise InputError(N_("offset and limit must be whole numbers")) from None
    if offset < 0 or not 1 <= limit <= MAX_BEADS:
        raise InputError(N_("offset must be 0 or more and limit between 1 and %(n)s"), n=MAX_BEADS)
    return offset, limit


def bead_view(row: Any) -> dict[str, Any]:
    return {"id": row.id, "position": row.position, "kk": list(range(row.kk_start, row.kk_end)),
            "ru": list(range(row.ru_start, row.ru_end)), "score": row.score,
            "confirmed": row.status == "confirmed", "version": row.version}


def _alignment(alignment_id: int) -> Alignment:
    alignment = get_session().get(Alignment, alignment_id)
    if alignment is None:
        raise NotFound(N_("no alignment %(alignment_id)s"), alignment_id=alignment_id)
    return alignment


@bp.get("/alignments/<int:alignment_id>/beads")
@require("read")
def beads(alignment_id: int):
    """The beads in order; ``offset`` (default 0) and ``limit`` (default 100, at most 1000)."""
    _alignment(alignment_id)
    offset, limit = _window()
    rows = get_session().scalars(select(Bead).where(Bead.alignment_id == alignment_id)
                                 .order_by(Bead.position).offset(offset).limit(limit))
    return jsonify([bead_view(b) for b in rows])


@bp.post("/beads/<int:bead_id>")
@require("beads")
def change_bead(bead_id: int):
    """{"action": "confirm"|"unconfirm", "version": V}: 200 with the bead, 409 with it when V is stale."""
    data = _json()
    action = data.get("action")
    if action not in ("confirm", "unconfirm"):
        raise InputError(N_("action must be confirm or unconfirm"))
    version = _whole(data, "version")
    try:
        seen = review.bead_seen(get_session(), bead_id, version)  # a stale version is answered from here
        if seen is None:
            raise NotFound(N_("no bead %(bead_id)s"), bead_id=bead_id)
        alignment_id, user = seen.alignment_id, g.user.name
        get_session().close()  # the change is made in a transaction of its own; this one's connection goes back
        with transaction(current_app.extensions["workbench.sessions"]) as s:
            done = review.set_status(s, alignment_id, bead_id, version, action == "confirm", user)
    except review.BeadConflict as conflict:
        if conflict.current is not None:  # the bead as the refused transaction found it, already committed
            return error(conflict, 409, bead=bead_view(_StoredBead(conflict.current)))
        current = get_session().get(Bead, bead_id)
        return error(conflict, 409, bead=bead_view(current) if current is not None else None)
    return jsonify(bead_view(_StoredBead(done["beads"][0] | {"position": done["position"]})))


class _StoredBead:
    """A bead snapshot of ``services.review`` (ranges as [start, end]) read as a row by :func:`bead_view`."""

    def __init__(self, snap: dict[str, Any]) -> None:
        self.id, self.position, self.score = snap["id"], snap["position"], snap["score"]
        self.kk_start, self.kk_end = snap["kk"]
        self.ru_start, self.ru_end = snap["ru"]
        self.status, self.version = snap["status"], snap["version"]


@bp.get("/alignments/<int:alignment_id>/export")
@require("read")
def export(alignment_id: int):
    """The alignment as a file: format=tmx|xliff|po|tsv, confirmed_only=1 for confirmed beads only."""
    _alignment(alignment_id)
    fmt = request.args.get("format", "tmx")
    if fmt not in exporting.FORMATS:
        raise InputError(N_("unknown format %(fmt)r; expected one of: %(choices)s"),
                         fmt=fmt, choices=", ".join(exporting.FORMATS))
    confirmed = request.args.get("confirmed_only", "0") in ("1", "true", "yes")
    out = io.BytesIO()
    session = get_session()
    exporting.export(session, alignment_id, fmt, out, confirmed)
    name = exporting.file_name(session, alignment_id, fmt, confirmed)
    return Response(out.getvalue(), mimetype=exporting.FORMATS[fmt][0],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def json_error(status: int, message: str) -> tuple[Response, int] | None:
    """For the app's error handlers: the JSON answer when the request was for the API."""
    if request.path.startswith("/api/"):
        return error(message, status)
    return None

