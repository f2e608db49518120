"""The Import and Align pages: upload an edition, or choose a Kazakh and a Russian edition (optionally a
page range or a heading on each) and align them — each started as a job with a progress bar."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for

from workbench.db import get_session
from workbench.errors import N_, InputError, NotFound
from workbench.services import editions, jobs
from workbench.web import jobs as job_pages
from workbench.web.auth import require
from workbench.web.i18n import gettext as _
from workbench.web.i18n import translate

bp = Blueprint("starting", __name__, url_prefix="/editions")


def _shown_job() -> dict[str, Any] | None:
    """The job named by ``?job=`` in the address, with its progress (None when there is none)."""
    job_id = request.args.get("job", type=int)
    if job_id is None:
        return None
    try:
        view = job_pages.translated(jobs.describe(jobs.get_job(get_session(), job_id)))
    except NotFound:
        return None
    return view | {"url": job_pages.result_url(view) if view["state"] == "done" else None}


@bp.route("/import", methods=["GET", "POST"])
@require("beads")
def import_page():
    """Upload a text file as an edition (language, optional title); the import runs as a job."""
    if request.method == "POST":
        try:
            job_id = job_pages.start_import(request.files.get("file"), request.form.get("lang", ""),
                                            request.form.get("title"))
        except InputError as error:
            flash(translate(error), "error")
            status = 413 if isinstance(error, job_pages.TooLarge) else 400
            return render_template("editions/import.html", job=None), status
        return redirect(url_for(".import_page", job=job_id), 303)
    return render_template("editions/import.html", job=_shown_job())


SIDES = {"kk": N_("Kazakh"), "ru": N_("Russian")}
FIELDS = {"first_page": N_("from page"), "last_page": N_("to page"), "heading": N_("or the part under a heading")}


def _range(prefix: str, edition_id: int) -> tuple[int, int] | None:
    session = get_session()

    def value(name: str, page: bool) -> int | str | None:
        given = request.form.get(f"{prefix}_{name}", "").strip()
        if not given:
            return None
        if given.isdigit():
            return int(given)
        # Named as the form names it, in the page's language: "Kazakh: “from page” …".
        side, field = _(SIDES[prefix]), _(FIELDS[name])
        if not page:
            raise InputError(_("%(side)s: “%(field)s” must be a whole number", side=side, field=field))
        if editions.labelled_page(session, edition_id, given) is None:
            # A page as printed (roman front matter: "ii") is taken as the book prints it.
            raise InputError(_("%(side)s: “%(field)s”: no page is printed “%(page)s”", side=side, field=field,
                               page=given))
        return given

    return editions.sentence_range(session, edition_id, value("first_page", True), value("last_page", True),
                                   value("heading", False))


@bp.route("/align", methods=["GET", "POST"])
@require("beads")
def align_page():
    """Choose a Kazakh and a Russian edition and align them; the page follows the job to the review."""
    session = get_session()
    all_editions = editions.list_editions(session)
    kk_list = [e for e in all_editions if e.lang == "kk"]
    ru_list = [e for e in all_editions if e.lang == "ru"]
    headings = {e.id: editions.chapters(session, e.id) for e in all_editions}
    chosen = {"kk": request.values.get("kk", type=int), "ru": request.values.get("ru", type=int)}
    if request.method == "POST":
        try:
            kk, ru = (editions.get_edition(session, chosen[lang] or 0) for lang in ("kk", "ru"))
            if kk.lang != "kk" or ru.lang != "ru":
                raise InputError(_("choose a Kazakh edition on the left and a Russian one on the right"))
            arguments = {"kk": kk.id, "ru": ru.id, "kk_range": _range("kk", kk.id),
                         "ru_range": _range("ru", ru.id)}
        except (InputError, NotFound) as error:
            flash(translate(error), "error")
            return render_template("editions/align.html", kk_list=kk_list, ru_list=ru_list, headings=headings,
                                   chosen=chosen, job=None), 400
        job_id = job_pages.start("align", arguments)
        return redirect(url_for(".align_page", job=job_id, kk=kk.id, ru=ru.id), 303)
    job = _shown_job()
    if job is None and chosen["kk"] and chosen["ru"]:
        active = jobs.active_job(session, "align", kk=chosen["kk"], ru=chosen["ru"])
        job = job_pages.translated(jobs.describe(active)) | {"url": None} if active is not None else None
    return render_template("editions/align.html", kk_list=kk_list, ru_list=ru_list, headings=headings,
                           chosen=chosen, job=job)

