"""Pages of the job queue (one job with its progress bar, the latest jobs) and the helpers the pages
and the JSON API share to start a job from a request."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, g, jsonify, render_template, request, url_for
from werkzeug.datastructures import FileStorage

from workbench.db import get_session, transaction
from workbench.errors import N_, InputError, NotFound
from workbench.models import Job
from workbench.services import jobs
from workbench.services.importing import check_language
from workbench.web.i18n import gettext as _
from workbench.web.i18n import translate


STATES = (N_("queued"), N_("running"), N_("done"), N_("failed"))  # a job's states, as the pages name them

bp = Blueprint("jobs", __name__, url_prefix="/jobs")


class TooLarge(InputError):
    """An upload over the import limit (answered 413)."""


def start(kind: str, arguments: dict[str, Any], payload: bytes | None = None) -> int:
    """Queue a job for the current user; its id."""
    with transaction(current_app.extensions["workbench.sessions"]) as session:
        user = g.user.name if g.get("user") else None
        return jobs.submit(session, kind, arguments, user, payload).id


def start_import(upload: FileStorage | None, lang: str, title: str | None) -> int:
    """Queue the import of an uploaded file; InputError (or TooLarge) names the file and the problem."""
    if upload is None or not upload.filename:
        raise InputError(N_("choose a file to import (the form field 'file')"))
    name = upload.filename
    check_language(lang)
    limit = int(current_app.config["MAX_IMPORT_BYTES"])
    try:
        data = upload.read(limit + 1)
    finally:
        upload.close()
    if len(data) > limit:
        raise TooLarge(N_("file is over the import limit of %(limit)s bytes"), path=name, limit=f"{limit:,}")
    if not data:
        raise InputError(N_("file is empty"), path=name)
    return start("import", {"file_name": name, "lang": lang, "title": (title or "").strip() or None,
                            "max_bytes": limit}, data)


def shown_job(kind: str, **arguments: Any) -> dict[str, Any] | None:
    """For a page with a job button: the job in ``?job=`` (if it is of ``kind``), else a queued or running one
    with these arguments, so the button stays disabled and the progress shows until it is done."""
    session = get_session()
    job = None
    job_id = request.args.get("job", type=int)
    if job_id is not None:
        job = session.get(Job, job_id)
        if job is not None and job.kind != kind:
            job = None
    if job is None:
        job = jobs.active_job(session, kind, **arguments)
    if job is None:
        return None
    view = translated(jobs.describe(job))
    view["url"] = request.path if view["state"] == "done" else None
    return view


def finished_import(edition_id: int) -> dict[str, Any] | None:
    """The import job in ``?job=`` when it is done and its result is this edition, for its report."""
    job_id = request.args.get("job", type=int)
    job = get_session().get(Job, job_id) if job_id is not None else None
    if job is None or job.kind != "import" or job.state != "done":
        return None
    view = translated(jobs.describe(job))
    return view if (view.get("result") or {}).get("edition") == edition_id else None


def translated(view: dict[str, Any]) -> dict[str, Any]:
    """A job as :func:`jobs.describe` gives it, with its message in the reader's language (``message``) and
    in English (``message_en``)."""
    return view | {"message": translate(view["message"]), "message_en": str(view["message"])}


def result_url(view: dict[str, Any]) -> str | None:
    """Where a finished job's result is shown."""
    result = view.get("result") or {}
    if "alignment" in result:
        return url_for("alignments.review_page", alignment_id=result["alignment"])
    if "edition" in result:
        if view["kind"] == "check":
            return url_for("errata.index", edition_id=result["edition"], job=view["id"])
        # The edition page shows what the import did (or that the file was there already).
        return url_for("editions.show", edition_id=result["edition"], job=view["id"])
    if view["kind"] == "harvest":
        return url_for("glossary.harvest_queue", job=view["id"])
    return None


@bp.get("/")
def index():
    """The latest jobs with their state."""
    rows = [translated(jobs.describe(j)) for j in jobs.recent_jobs(get_session(), 100)]
    return render_template("jobs/index.html", jobs=rows, result_url=result_url)


def job_view(job_id: int) -> dict[str, Any]:
    """The job as the pages show it, with ``url``: where its result is (when done)."""
    try:
        view = translated(jobs.describe(jobs.get_job(get_session(), job_id)))
    except NotFound:
        abort(404)
    view["url"] = result_url(view) if view["state"] == "done" else None
    return view


@bp.get("/<int:job_id>")
def show(job_id: int):
    """One job: its progress bar (kept current by jobs.js) and, when done, a link to the result."""
    view = job_view(job_id)
    return render_template("jobs/show.html", job=view, title=title_of(view))


@bp.get("/<int:job_id>/status")
def status(job_id: int):
    """The job's state, progress and message for the progress bars (polled by jobs.js)."""
    view = job_view(job_id)
    answer = {k: view[k] for k in ("id", "kind", "state", "progress", "message", "message_en", "result", "url")}
    return jsonify(answer | {"state_label": _(view["state"])})


def title_of(view: dict[str, Any]) -> str:
    args = view.get("arguments") or {}
    if view["kind"] == "import":
        return _("Import of %(name)s", name=args.get("file_name", ""))
    if view["kind"] == "align":
        return _("Alignment of editions %(kk)s and %(ru)s", kk=args.get("kk"), ru=args.get("ru"))
    if view["kind"] == "realign":
        return _("Re-alignment of alignment %(id)s", id=args.get("alignment"))
    if view["kind"] == "check":
        if args.get("alignment") is not None:
            return _("Checks across alignment %(id)s", id=args.get("alignment"))
        return _("Errata checks of edition %(id)s", id=args.get("edition"))
    return _("Harvest of glossary candidates")
