"""Glossary pages: search in any form, an entry with its usages, edit, approve, merge, harvest queue, exchange."""
from __future__ import annotations

import json
import re
import secrets
import tempfile
from pathlib import Path

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)

from workbench.db import get_session, transaction
from workbench.errors import N_, InputError, NotFound, WorkbenchError
from workbench.formats import registry
from workbench.glossary.model import TERM_STATUSES, TERM_TYPES, Entry, Term
from workbench.services import glossary, harvesting
from workbench.text.normalise import mixed_script_words
from workbench.web import jobs as job_pages
from workbench.web.auth import require
from workbench.web.i18n import gettext as _
from workbench.web.i18n import ngettext
from workbench.web.i18n import translate

bp = Blueprint("glossary", __name__, url_prefix="/glossary")


def _tx():
    return transaction(current_app.extensions["workbench.sessions"])


@bp.get("/")
def index():
    """Search the glossary in either language, by any inflected form; page through the results."""
    session = get_session()
    size = current_app.config["PAGE_SIZE"]
    page = max(1, request.args.get("p", 1, type=int))
    q = " ".join(request.args.get("q", "").split())  # a query of spaces is no query: every entry, not "for « »"
    lang = request.args.get("lang") or None
    approval = request.args.get("approval") or None
    rows, total = glossary.search(session, q, lang, approval, (page - 1) * size, size)
    return render_template("glossary/index.html", rows=rows, total=total, page=page, size=size, q=q, lang=lang,
                           approval=approval, formats=registry.formats("glossary"))


@bp.get("/entry/<entry_id>")
def entry(entry_id: str):
    """One entry: its terms, where they are used in the corpora, and the forms to edit, approve, merge."""
    session = get_session()
    try:
        row = glossary.get(session, entry_id)
    except NotFound:
        abort(404)
    return render_template("glossary/entry.html", row=row, usages=glossary.usages(session, entry_id, limit=50),
                           types=TERM_TYPES, statuses=TERM_STATUSES)


def _mixed_script(texts: list[str]) -> InputError | None:
    """A term typed with letters of the other script (a Latin M in «Mемлекет»: the keyboard's layout) is
    never found in running text; it is refused with the spelling meant."""
    for text in texts:
        for _offset, word, suggestion in mixed_script_words(text):
            return InputError(N_("«%(word)s» mixes Latin and Cyrillic letters; did you mean «%(suggestion)s»? "
                                 "Nothing was saved."), word=word, suggestion=suggestion)
    return None


def _terms_from_form() -> list[Term]:
    terms = []
    contexts = request.form.getlist("context")
    for n, (lang, text, typ, status) in enumerate(zip(request.form.getlist("lang"), request.form.getlist("text"),
                                                      request.form.getlist("type"), request.form.getlist("status"))):
        if text.strip():
            context = contexts[n].strip() if n < len(contexts) else ""
            terms.append(Term(lang, text.strip(), typ, status, context=context or None))  # type: ignore[arg-type]
    return terms


@bp.post("/entry/<entry_id>")
@require("text")
def save(entry_id: str):
    """Save an entry's terms, category and note (a new id creates the entry)."""
    try:
        terms = _terms_from_form()
        if not terms:
            raise WorkbenchError(N_("an entry needs at least one term"))
        with _tx() as session:
            existing = session.get(glossary.GlossaryEntry, entry_id)
            # The form edits text, type, status and context: part of speech and term notes stay as stored.
            kept = {(t.lang, t.text): (t.pos, t.note) for t in (existing.terms if existing else [])}
            # Terms kept as printed (the book's abbreviation list, errors included) stay; new ones are checked.
            mixed = _mixed_script([t.text for t in terms if (t.lang, t.text) not in kept])
            if mixed:
                raise mixed
            for term in terms:
                term.pos, term.note = kept.get((term.lang, term.text), (None, None))
            entry = Entry(entry_id, terms, category=request.form.get("category") or None,
                          note=request.form.get("note") or None,
                          source=existing.source if existing else "entered in the workbench")
            glossary.save_entries(session, [entry])
        flash(_("Entry %(id)s saved.", id=entry_id))
    except WorkbenchError as error:
        flash(translate(error), "error")
    return redirect(url_for(".entry", entry_id=entry_id))


@bp.post("/new")
@require("text")
def new():
    """Create an entry from a Kazakh and a Russian term."""
    kk, ru = request.form.get("kk", "").strip(), request.form.get("ru", "").strip()
    if not kk or not ru:
        flash(_("Give both a Kazakh and a Russian term."), "error")
        return redirect(url_for(".index"))
    mixed = _mixed_script([kk, ru])
    if mixed:
        flash(translate(mixed), "error")
        return redirect(url_for(".index"))
    with _tx() as session:
        same = glossary.entries_with_terms(session, kk, ru)
        if same:  # an entry of the same two terms is the same concept: add to it, do not repeat it
            flash(_("The glossary has these terms already: entry %(id)s.", id=", ".join(same)), "error")
            return redirect(url_for(".entry", entry_id=same[0]))
        n = glossary.count(session) + 1
        entry_id = f"user-{n:04d}"
        while session.get(glossary.GlossaryEntry, entry_id) is not None:
            n += 1
            entry_id = f"user-{n:04d}"
        glossary.save_entries(session, [Entry(entry_id, [Term("kk", kk), Term("ru", ru)],
                                              category=request.form.get("category") or None,
                                              source=f"entered by {g.user.name}")])
    flash(_("Entry %(id)s created (proposed until approved).", id=entry_id))
    return redirect(url_for(".entry", entry_id=entry_id))


@bp.post("/entry/<entry_id>/approve")
@require("text")
def approve(entry_id: str):
    try:
        with _tx() as session:
            glossary.approve(session, entry_id, g.user.name)
        flash(_("Entry %(id)s approved.", id=entry_id))
    except WorkbenchError as error:
        flash(translate(error), "error")
    return redirect(url_for(".entry", entry_id=entry_id))


@bp.post("/entry/<entry_id>/merge")
@require("text")
def merge(entry_id: str):
    """Merge another entry (a duplicate) into this one."""
    other = request.form.get("other", "").strip()
    try:
        with _tx() as session:
            glossary.merge(session, entry_id, other)
        flash(_("Entry %(other)s merged into %(id)s.", other=other, id=entry_id))
    except WorkbenchError as error:
        flash(translate(error), "error")
    return redirect(url_for(".entry", entry_id=entry_id))


@bp.get("/defects")
def defects():
    """The glossary's own defects (two expansions, letters that do not fit, mixed scripts, …)."""
    from workbench.glossary.checks import check_glossary

    issues = check_glossary(glossary.entries(get_session()))
    return render_template("glossary/defects.html", issues=issues)


@bp.get("/harvest")
def harvest_queue():
    """Candidates waiting for a decision: abbreviation definitions and bilingual term pairs."""
    status = request.args.get("status", "pending")
    sort = request.args.get("sort", "score")
    if sort not in harvesting.SORTS:
        sort = "score"
    size = current_app.config["PAGE_SIZE"]
    page = max(1, request.args.get("p", 1, type=int))
    rows, total = harvesting.queue_page(get_session(), status, sort, (page - 1) * size, size)
    examples = {c.id: json.loads(c.examples) for c in rows}
    return render_template("glossary/harvest.html", rows=rows, examples=examples, status=status, sort=sort,
                           sorts=harvesting.SORTS, page=page, size=size, total=total,
                           meaning=harvesting.SCORE_MEANING, job=job_pages.shown_job("harvest"))


@bp.post("/harvest/reject")
@require("text")
def reject_many():
    """Reject the candidates ticked on the queue page."""
    ids = [int(i) for i in request.form.getlist("ids") if i.isdigit()]
    with _tx() as session:
        done = harvesting.reject_many(session, ids, g.user.name)
    flash(ngettext("%(num)s candidate rejected.", "%(num)s candidates rejected.", done))
    return redirect(url_for(".harvest_queue", sort=request.form.get("sort") or "score"))


@bp.post("/harvest/run")
@require("text")
def harvest_run():
    """Harvest candidates from every edition and alignment, as a job."""
    job_id = job_pages.start("harvest", {})
    return redirect(url_for(".harvest_queue", job=job_id), 303)


@bp.post("/harvest/<int:candidate_id>")
@require("text")
def decide(candidate_id: int):
    accept = request.form.get("decision") == "accept"
    try:
        with _tx() as session:
            entry_id = harvesting.decide(session, candidate_id, accept, g.user.name,
                                         request.form.get("kk"), request.form.get("ru"))
        flash(_("Candidate #%(id)s accepted as %(entry)s.", id=candidate_id, entry=entry_id) if entry_id
              else _("Candidate #%(id)s rejected.", id=candidate_id))
    except WorkbenchError as error:
        flash(translate(error), "error")
    return redirect(url_for(".harvest_queue"))


@bp.get("/export.<fmt>")
def export(fmt: str):
    """Download the whole glossary as TBX, TSV, CSV, OmegaT, PO or JSON."""
    known = registry.formats("glossary")
    if fmt not in known or known[fmt].write is None:
        abort(404)
    data = glossary.export(get_session(), fmt)
    return Response(data, mimetype=known[fmt].media_type,
                    headers={"Content-Disposition": f'attachment; filename="glossary.{known[fmt].extension}"'})


def _held_imports() -> Path:
    """Where uploaded glossary files wait between their preview and the person's confirmation."""
    folder = Path(tempfile.gettempdir()) / "workbench-glossary-imports"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


@bp.post("/import")
@require("text")
def import_file():
    """Upload a glossary file: show what it would add, update, leave unchanged and skip, then ask."""
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        flash(_("Choose a file to import."), "error")
        return redirect(url_for(".index"))
    name = Path(upload.filename).name
    fmt = request.form.get("format") or None
    limit = int(current_app.config["MAX_IMPORT_BYTES"])
    data = upload.read(limit + 1)
    try:
        if len(data) > limit:
            raise InputError(N_("file is over the import limit of %(limit)s bytes"),
                             path=name, limit=f"{limit:,}")
        plan = glossary.import_data(get_session(), data, name, fmt, dry_run=True, max_bytes=limit)
    except WorkbenchError as error:
        flash(translate(error), "error")
        return redirect(url_for(".index"))
    finally:
        get_session().rollback()
    token = secrets.token_hex(16)
    (_held_imports() / f"{token}.bin").write_bytes(data)
    (_held_imports() / f"{token}.json").write_text(json.dumps({"name": name, "format": fmt, "user": g.user.name}))
    return render_template("glossary/import_preview.html", plan=plan, name=name, token=token)


@bp.post("/import/<token>")
@require("text")
def import_confirmed(token: str):
    """Carry out an import the person has seen the preview of (or drop it)."""
    if not re.fullmatch(r"[0-9a-f]{32}", token):
        abort(404)
    data_path, info_path = _held_imports() / f"{token}.bin", _held_imports() / f"{token}.json"
    if not data_path.exists() or not info_path.exists():
        flash(_("This import is no longer waiting; upload the file again."), "error")
        return redirect(url_for(".index"))
    info = json.loads(info_path.read_text())
    try:
        if request.form.get("decision") != "import":
            flash(_("Import of %(name)s cancelled; nothing changed.", name=info["name"]))
            return redirect(url_for(".index"))
        with _tx() as session:
            plan = glossary.import_data(session, data_path.read_bytes(), info["name"], info["format"])
        flash(ngettext("%(name)s: %(num)s entry added, %(updated)s updated, %(unchanged)s unchanged, "
                       "%(conflicts)s skipped as conflicts.",
                       "%(name)s: %(num)s entries added, %(updated)s updated, %(unchanged)s unchanged, "
                       "%(conflicts)s skipped as conflicts.", len(plan.added),
                       name=info["name"], updated=len(plan.updated), unchanged=len(plan.unchanged),
                       conflicts=len(plan.conflicts)))
    except WorkbenchError as error:
        flash(translate(error), "error")
    finally:
        data_path.unlink(missing_ok=True)
        info_path.unlink(missing_ok=True)
    return redirect(url_for(".index"))
