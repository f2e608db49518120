"""Pages for editions: the list of editions and one edition's numbered sentences, paged."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for

from workbench.db import get_session
from workbench.errors import NotFound
from workbench.services import editions as service
from workbench.web import jobs as job_pages
from workbench.web.i18n import gettext as _

bp = Blueprint("editions", __name__, url_prefix="/editions")


@bp.app_template_global()
def printed_page(edition_id: int, page: int | None) -> str | int | None:
    """A page as the edition prints it (``ii``, or ``1`` for the file's third page), for every page that shows
    a page: people find it in the book by that number. Read once per edition and request."""
    if page is None:
        return None
    kept = g.setdefault("printed_pages", {})
    if edition_id not in kept:
        kept[edition_id] = service.printed_pages(get_session(), edition_id)
    return kept[edition_id].get(page, page)


def index():
    """The first page: every edition with its counts."""
    return render_template("editions/index.html", editions=service.list_editions(get_session()))


@bp.get("/<int:edition_id>")
def show(edition_id: int):
    """One edition's sentences with page and source line, paged; jump to a page or chapter."""
    session = get_session()
    try:
        edition = service.get_edition(session, edition_id)
    except NotFound:
        abort(404)
    size = current_app.config["PAGE_SIZE"]
    page = request.args.get("page", "").strip()
    if page:
        # A page as printed: a number, or a label of the front matter ("ii").
        try:
            start = service.first_position_on_page(session, edition_id, page)
        except NotFound:
            flash(_("“%(field)s”: no page is printed “%(page)s”", field=_("Page"), page=page), "error")
            return redirect(url_for(".show", edition_id=edition_id))
        return redirect(url_for(".show", edition_id=edition_id, start=start or 1))
    start = max(1, request.args.get("start", 1, type=int))
    segments = service.page_of_segments(session, edition_id, start, size)
    return render_template(
        "editions/show.html", edition=edition, segments=segments, start=start, size=size,
        imported=job_pages.finished_import(edition_id),
        chapters=service.chapters(session, edition_id), alignments=service.alignments_of(session, edition_id))
