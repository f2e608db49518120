"""The review workspace: the list of alignments, the side-by-side review page, exports, the history,
and the JSON API the page calls for every bead operation.

Every API call sends the version of each bead it changes; a stale version is answered 409 with a
clear message and the bead's current state, and nothing is written. Roles and the CSRF token are
checked on the server for every call (see ``web.auth``).
"""
from __future__ import annotations

import io
import math
from collections.abc import Callable
from typing import Any

from flask import (Blueprint, Response, abort, current_app, flash, g, jsonify, make_response, redirect, render_template,
                   request, url_for)

from workbench.db import get_session, transaction
from workbench.errors import N_, Conflict, InputError, Message, NotFound, WorkbenchError
from workbench.services import exporting, review, review_pair, review_undo
from workbench.services import review_page as pages
from workbench.web import jobs as job_pages
from workbench.web.auth import require
from workbench.web.i18n import gettext as _
from workbench.web.i18n import translate

bp = Blueprint("alignments", __name__, url_prefix="/alignments")


def _alignment_or_404(alignment_id: int):
    try:
        return pages.get_alignment(get_session(), alignment_id)
    except NotFound:
        abort(404)


@bp.get("/")
def index():
    """Every alignment with its editions and how much of it is confirmed."""
    return render_template("alignments/index.html", alignments=pages.list_alignments(get_session()))


@bp.get("/<int:alignment_id>")
def review_page(alignment_id: int):
    """Kazakh left, Russian right, one row per bead, paged on the server; filters, search and jumps."""
    session = get_session()
    alignment = _alignment_or_404(alignment_id)
    filters = pages.Filters.from_args(request.args)
    size = int(current_app.config.get("REVIEW_PAGE_SIZE", 50))
    focus = None
    book_page = request.args.get("book_page", "").strip()
    if book_page:
        # A page as printed: a number, or a label of the front matter ("ii").
        try:
            focus = pages.bead_on_book_page(session, alignment, book_page)
        except NotFound:
            flash(_("“%(field)s”: no page is printed “%(page)s”", field=_("Book page"), page=book_page), "error")
            return redirect(url_for(".review_page", alignment_id=alignment_id))
    elif request.args.get("heading", "").isdigit():
        focus = pages.bead_at(session, alignment, "kk", int(request.args["heading"]))
    elif request.args.get("sentence", "").isdigit():
        side = "ru" if request.args.get("side") == "ru" else "kk"
        focus = pages.bead_at(session, alignment, side, int(request.args["sentence"]))
    elif request.args.get("bead", "").isdigit():
        focus = int(request.args["bead"])
    if focus is not None and not filters.active:
        return redirect(url_for(".review_page", alignment_id=alignment_id, p=(focus - 1) // size + 1,
                                _anchor=f"b{focus}"))
    number = request.args.get("p", 1, type=int)
    hints = pages.glossary_hints(session)
    page = pages.review_page(session, alignment, filters, number, size, hints)
    kk, ru = pages.edition_labels(session, alignment)
    return render_template("alignments/review.html", alignment=alignment, page=page, filters=filters, kk=kk,
                           ru=ru, headings=pages.headings(session, alignment), formats=exporting.FORMATS,
                           job=job_pages.shown_job("realign", alignment=alignment_id),
                           bead_name=review.bead_name, sentence_numbers=review.sentence_numbers)


@bp.get("/<int:alignment_id>/history")
def history(alignment_id: int):
    """The latest changes of the alignment: who, when, what before and after."""
    alignment = _alignment_or_404(alignment_id)
    return render_template("alignments/history.html", alignment=alignment,
                           changes=pages.recent_changes(get_session(), alignment, 300))


@bp.get("/<int:alignment_id>/export")
def export(alignment_id: int):
    """Download the alignment as TMX, XLIFF, PO or TSV (``confirmed=1``: confirmed beads only)."""
    _alignment_or_404(alignment_id)
    fmt = request.args.get("format", "tmx")
    if fmt not in exporting.FORMATS:
        abort(404)
    confirmed = request.args.get("confirmed") == "1"
    out = io.BytesIO()
    session = get_session()
    exporting.export(session, alignment_id, fmt, out, confirmed)
    name = exporting.file_name(session, alignment_id, fmt, confirmed)
    return Response(out.getvalue(), mimetype=exporting.FORMATS[fmt][0],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.post("/import")
@require("text")
def import_file():
    """Import a TMX or TSV alignment as two new editions and an alignment."""
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        flash(_("Choose a .tmx or .tsv file to import."), "error")
        return redirect(url_for(".index"))
    data = upload.read(int(current_app.config["MAX_IMPORT_BYTES"]) + 1)
    try:
        if len(data) > int(current_app.config["MAX_IMPORT_BYTES"]):
            raise InputError(N_("the file is over the import limit"), path=upload.filename)
        with transaction(current_app.extensions["workbench.sessions"]) as s:
            alignment = exporting.import_alignment(s, data, upload.filename, request.form.get("title") or None)
            alignment_id = alignment.id
    except WorkbenchError as error:
        flash(translate(error), "error")
        return redirect(url_for(".index")), 303
    flash(_("Imported %(name)s as alignment %(id)s.", name=upload.filename, id=alignment_id))
    return redirect(url_for(".review_page", alignment_id=alignment_id))


# --- the JSON API ---------------------------------------------------------------------------------

def _call(alignment_id: int, fn: Callable[..., Any], *args: Any) -> Response | tuple[Response, int]:
    """Run one service call in one transaction and answer JSON; domain errors → 400/404/409."""
    get_session().close()  # the request's read connection goes back to the pool before the write transaction
    try:
        with transaction(current_app.extensions["workbench.sessions"]) as s:
            result = fn(s, alignment_id, *args)
    except review.BeadConflict as error:
        return jsonify(error=translate(error), error_en=str(error), current=error.current), 409
    except Conflict as error:
        return jsonify(error=translate(error), error_en=str(error)), 409
    except NotFound as error:
        return jsonify(error=translate(error), error_en=str(error)), 404
    except WorkbenchError as error:
        return jsonify(error=translate(error), error_en=str(error)), 400
    # A service's message (what undo did) is read in the page's language.
    return jsonify(ok=True, result=translate(result) if isinstance(result, Message) else result)


def _json() -> dict[str, Any]:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        abort(make_response(jsonify(error=_("expected a JSON object")), 400))
    return data


def _threshold(value: Any) -> float:
    """A score threshold (a number, or its text in a query): finite and between 0 and 1, else a 400.

    An empty field is no threshold: it must not read as 0, which would confirm every bead."""
    try:
        threshold = math.nan if isinstance(value, bool) else float(value)
    except (TypeError, ValueError):
        threshold = math.nan
    if not 0.0 <= threshold <= 1.0:  # NaN fails every comparison
        error = InputError(N_("the score threshold is between 0 and 1"))
        abort(make_response(jsonify(error=translate(error), error_en=str(error)), 400))
    return threshold

def _int(data: dict[str, Any], key: str, required: bool = True) -> int | None:
    value = data.get(key)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        abort(make_response(jsonify(error=_("%(key)s must be a whole number", key=key)), 400))
    return value


BEAD_OPS = ("merge", "split", "move", "detach", "confirm", "unconfirm", "comment")


@bp.post("/<int:alignment_id>/api/beads/<int:bead_id>/<op>")
@require("beads")
def bead_op(alignment_id: int, bead_id: int, op: str):
    """One bead operation; the body always carries ``version`` (the bead's version as loaded).

    ``next_version`` / ``neighbour_version`` are the neighbour's version when the page shows it;
    null when the neighbour is on another page (then only its existence is checked).
    """
    if op not in BEAD_OPS:
        abort(404)
    data = _json()
    version = _int(data, "version")
    user = g.user.name
    if op == "merge":
        return _call(alignment_id, review.merge, bead_id, version, _int(data, "next_version", required=False), user)
    if op == "split":
        return _call(alignment_id, review.split, bead_id, version, _int(data, "kk"), _int(data, "ru"), user)
    if op == "move":
        return _call(alignment_id, review.move, bead_id, version, str(data.get("side")),
                     str(data.get("direction")), _int(data, "neighbour_version", required=False), user)
    if op == "detach":
        return _call(alignment_id, review.detach, bead_id, version, str(data.get("side")),
                     _int(data, "index"), user)
    if op == "comment":
        return _call(alignment_id, review.comment, bead_id, version, str(data.get("text", "")), user)
    return _call(alignment_id, review.set_status, bead_id, version, op == "confirm", user)


@bp.post("/<int:alignment_id>/api/segments/<int:segment_id>/text")
@require("text")
def edit_text(alignment_id: int, segment_id: int):
    """Correct a sentence's text; the body carries ``text`` and the sentence's ``version``."""
    data = _json()
    return _call(alignment_id, review.edit_text, segment_id, _int(data, "version"), str(data.get("text", "")),
                 g.user.name)


@bp.post("/<int:alignment_id>/api/undo")
@require("beads")
def undo(alignment_id: int):
    return _call(alignment_id, review_undo.undo, g.user.name)


@bp.post("/<int:alignment_id>/api/redo")
@require("beads")
def redo(alignment_id: int):
    return _call(alignment_id, review_undo.redo, g.user.name)


@bp.post("/<int:alignment_id>/api/confirm-above")
@require("beads")
def confirm_above(alignment_id: int):
    return _call(alignment_id, review.confirm_above, _threshold(_json().get("score")), g.user.name)


@bp.get("/<int:alignment_id>/api/confirm-above/count")
def confirm_above_count(alignment_id: int):
    """How many beads "confirm all scored at or above" would confirm (the page asks before doing it)."""
    alignment = _alignment_or_404(alignment_id)
    threshold = _threshold(request.args.get("score"))
    return jsonify(count=pages.count_above(get_session(), alignment, threshold), score=threshold)


@bp.post("/<int:alignment_id>/api/pair")
@require("beads")
def pair(alignment_id: int):
    """Pair a Kazakh and a Russian sentence (by number) as a confirmed bead; the run between is re-aligned."""
    data = _json()
    return _call(alignment_id, review_pair.pair, _int(data, "kk"), _int(data, "ru"), g.user.name,
                 _int(data, "kk_version", required=False), _int(data, "ru_version", required=False))


@bp.get("/<int:alignment_id>/api/sentences")
def find_sentences(alignment_id: int):
    """Sentences of one side by number or words (``lang``, ``q``), for "pair with…"."""
    alignment = _alignment_or_404(alignment_id)
    lang = request.args.get("lang", "ru")
    if lang not in ("kk", "ru"):
        return jsonify(error="lang is kk or ru"), 400
    query = request.args.get("q", "")[:200]
    return jsonify(sentences=pages.find_sentences(get_session(), alignment, lang, query))


@bp.post("/<int:alignment_id>/api/realign")
@require("beads")
def realign(alignment_id: int):
    """Start re-aligning the unconfirmed stretches as a job; 202 with the job's status address."""
    _alignment_or_404(alignment_id)
    job_id = job_pages.start("realign", {"alignment": alignment_id})
    return jsonify(ok=True, job=f"/api/jobs/{job_id}", status=url_for("jobs.status", job_id=job_id)), 202


@bp.get("/<int:alignment_id>/api/beads/<int:bead_id>/history")
def bead_history(alignment_id: int, bead_id: int):
    """The changes of one bead and its sentences, newest first."""
    alignment = _alignment_or_404(alignment_id)
    try:
        changes = pages.history(get_session(), alignment, bead_id)
    except NotFound as error:
        return jsonify(error=translate(error), error_en=str(error)), 404
    # ``action`` is the change's id (confirm, pair, …); ``what`` names it in the reader's language.
    return jsonify(changes=[{**c, "what": _(c["action"])} for c in changes])
