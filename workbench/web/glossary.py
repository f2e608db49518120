"""Glossary pages: search in any form, an entry with its usages, edit, approve, merge, harvest queue, exchange."""
from __future__ import annotations

import json

from flask import (Blueprint, Response, abort, current_app, flash, g, redirect, render_template, request,
                   url_for)

from workbench.db import get_session, transaction
from workbench.errors import NotFound, WorkbenchError
from workbench.formats import registry
from workbench.glossary.model import TERM_STATUSES, TERM_TYPES, Entry, Term
from workbench.services import glossary, harvesting
from workbench.web.auth import require

bp = Blueprint("glossary", __name__, url_prefix="/glossary")


def _tx():
    return transaction(current_app.extensions["workbench.sessions"])


@bp.get("/")
def index():
    """Search the glossary in either language, by any inflected form; page through the results."""
    session = get_session()
    size = current_app.config["PAGE_SIZE"]
    page = max(1, request.args.get("p", 1, type=int))
    q = request.args.get("q", "")
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


def _terms_from_form() -> list[Term]:
    terms = []
    for lang, text, typ, status in zip(request.form.getlist("lang"), request.form.getlist("text"),
                                       request.form.getlist("type"), request.form.getlist("status")):
        if text.strip():
            terms.append(Term(lang, text.strip(), typ, status))  # type: ignore[arg-type]
    return terms


@bp.post("/entry/<entry_id>")
@require("text")
def save(entry_id: str):
    """Save an entry's terms, category and note (a new id creates the entry)."""
    try:
        terms = _terms_from_form()
        if not terms:
            raise WorkbenchError("an entry needs at least one term")
        with _tx() as session:
            existing = session.get(glossary.GlossaryEntry, entry_id)
            entry = Entry(entry_id, terms, category=request.form.get("category") or None,
                          note=request.form.get("note") or None,
                          source=existing.source if existing else "entered in the workbench")
            glossary.save_entries(session, [entry])
        flash(f"Entry {entry_id} saved.")
    except WorkbenchError as error:
        flash(str(error), "error")
    return redirect(url_for(".entry", entry_id=entry_id))


@bp.post("/new")
@require("text")
def new():
    """Create an entry from a Kazakh and a Russian term."""
    kk, ru = request.form.get("kk", "").strip(), request.form.get("ru", "").strip()
    if not kk or not ru:
        flash("Give both a Kazakh and a Russian term.", "error")
        return redirect(url_for(".index"))
    with _tx() as session:
        n = glossary.count(session) + 1
        entry_id = f"user-{n:04d}"
        while session.get(glossary.GlossaryEntry, entry_id) is not None:
            n += 1
            entry_id = f"user-{n:04d}"
        glossary.save_entries(session, [Entry(entry_id, [Term("kk", kk), Term("ru", ru)],
                                              category=request.form.get("category") or None,
                                              source=f"entered by {g.user.name}")])
    flash(f"Entry {entry_id} created (proposed until approved).")
    return redirect(url_for(".entry", entry_id=entry_id))


@bp.post("/entry/<entry_id>/approve")
@require("text")
def approve(entry_id: str):
    try:
        with _tx() as session:
            glossary.approve(session, entry_id, g.user.name)
        flash(f"Entry {entry_id} approved.")
    except WorkbenchError as error:
        flash(str(error), "error")
    return redirect(url_for(".entry", entry_id=entry_id))


@bp.post("/entry/<entry_id>/merge")
@require("text")
def merge(entry_id: str):
    """Merge another entry (a duplicate) into this one."""
    other = request.form.get("other", "").strip()
    try:
        with _tx() as session:
            glossary.merge(session, entry_id, other)
        flash(f"Entry {other} merged into {entry_id}.")
    except WorkbenchError as error:
        flash(str(error), "error")
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
    rows = harvesting.queue(get_session(), status)
    examples = {c.id: json.loads(c.examples) for c in rows}
    return render_template("glossary/harvest.html", rows=rows, examples=examples, status=status)


@bp.post("/harvest/run")
@require("text")
def harvest_run():
    with _tx() as session:
        done = harvesting.harvest(session)
    flash(f"Harvest done: {done.summary()}.")
    return redirect(url_for(".harvest_queue"))


@bp.post("/harvest/<int:candidate_id>")
@require("text")
def decide(candidate_id: int):
    accept = request.form.get("decision") == "accept"
    try:
        with _tx() as session:
            entry_id = harvesting.decide(session, candidate_id, accept, g.user.name,
                                         request.form.get("kk"), request.form.get("ru"))
        flash(f"Candidate #{candidate_id} {'accepted as ' + entry_id if entry_id else 'rejected'}.")
    except WorkbenchError as error:
        flash(str(error), "error")
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


@bp.post("/import")
@require("text")
def import_file():
    """Upload a glossary file; a malformed file is refused whole."""
    import tempfile
    from pathlib import Path

    upload = request.files.get("file")
    if upload is None or not upload.filename:
        flash("Choose a file to import.", "error")
        return redirect(url_for(".index"))
    name = Path(upload.filename).name
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        upload.save(path)
        try:
            with _tx() as session:
                saved = glossary.import_file(session, path, request.form.get("format") or None)
            flash(f"{name}: {saved.summary()}.")
        except WorkbenchError as error:
            # The file was saved under a temporary folder; the user knows it by its own name.
            flash(str(error).replace(str(path), name), "error")
    return redirect(url_for(".index"))
