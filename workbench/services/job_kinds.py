"""What each kind of job does: import, align, realign, check, harvest — each through the existing
service, in a transaction of its own, reporting progress as ``progress(fraction, message)``.

The long computation of an alignment runs in a read-only session and only storing the beads takes
the write lock, so other users (and the progress bar) are not held up on SQLite.
"""
from __future__ import annotations

import inspect
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from workbench.db import transaction
from workbench.errors import N_, InputError, Message, NotFound, WorkbenchError

Progress = Callable[[float, "str | Message"], None]
Factory = sessionmaker[Session]
# (sessions, arguments, uploaded file, progress, user, settings) → result, with "summary" for the message
# (progress lines and summaries are Messages: each reader of the job sees them in their own language)
Handler = Callable[[Factory, dict[str, Any], bytes | None, Progress, str | None, Mapping[str, Any]],
                   dict[str, Any]]


def _accepts_progress(fn: Callable[..., Any]) -> bool:
    return "progress" in inspect.signature(fn).parameters


def run_import(factory: Factory, args: dict[str, Any], payload: bytes | None, progress: Progress,
               user: str | None, config: Mapping[str, Any]) -> dict[str, Any]:
    """Import the uploaded file (kept with the job) as an edition."""
    from workbench.services.importing import import_file

    if payload is None:
        raise InputError(N_("the uploaded file is no longer with the job; upload it again"),
                         path=args.get("file_name"))
    name = Path(str(args.get("file_name") or "upload.txt")).name
    max_bytes = int(args.get("max_bytes") or config.get("MAX_IMPORT_BYTES", 20 * 1024 * 1024))
    progress(0.05, Message(N_("reading %(name)s"), name=name))
    with tempfile.TemporaryDirectory(prefix="workbench-import-") as folder:
        path = Path(folder) / name
        path.write_bytes(payload)
        extra: dict[str, Any] = {"progress": progress} if _accepts_progress(import_file) else {}
        try:
            with transaction(factory) as session:
                result = import_file(session, path, args["lang"], args.get("title") or None, max_bytes,
                                     **extra)
                progress(0.95, Message(N_("storing the sentences")))
                summary = result.summary()
                summary = Message(summary.msgid, **{k: v.replace(str(path), name) if type(v) is str else v
                                                    for k, v in summary.values.items()})
                return {"edition": result.edition.id, "created": result.created, "summary": summary}
        except WorkbenchError as error:
            # The messages name the file as the user knows it, not the worker's temporary copy.
            raise error.renamed(str(path), name) from error


def run_align(factory: Factory, args: dict[str, Any], payload: bytes | None, progress: Progress,
              user: str | None, config: Mapping[str, Any]) -> dict[str, Any]:
    """Align two editions (optionally only a range of sentences on each side)."""
    from workbench.services import glossary
    from workbench.services.aligning import apply_plan, plan_alignment
    from workbench.services.editions import get_edition

    progress(0.05, Message(N_("reading the editions")))
    with factory() as session:
        kk, ru = get_edition(session, int(args["kk"])), get_edition(session, int(args["ru"]))
        if kk.lang == "ru" and ru.lang == "kk":
            kk, ru = ru, kk
        pairs = glossary.term_pairs(session)
        progress(0.15, Message(N_("aligning %(kk)s Kazakh with %(ru)s Russian sentences"),
                       kk=kk.segment_count,
                               ru=ru.segment_count))
        plan = plan_alignment(session, kk, ru, glossary=pairs, kk_range=_range(args.get("kk_range")),
                              ru_range=_range(args.get("ru_range")), progress=_within(progress, 0.15, 0.9))
    progress(0.9, Message(N_("storing %(n)s beads"), n=len(plan.beads)))
    with transaction(factory) as session:
        result = apply_plan(session, plan)
        return {"alignment": result.alignment.id, "summary": result.summary()}


def _within(progress: Progress, start: float, end: float) -> Progress:
    """A callback that maps a part's own 0–1 progress onto [start, end] of the job's."""
    return lambda fraction, message: progress(start + (end - start) * min(1.0, max(0.0, fraction)), message)


def _range(value: Any) -> tuple[int, int] | None:
    if value is None:
        return None
    first, last = value
    return int(first), int(last)


def run_realign(factory: Factory, args: dict[str, Any], payload: bytes | None, progress: Progress,
                user: str | None, config: Mapping[str, Any]) -> dict[str, Any]:
    """Re-align the unconfirmed stretches of an alignment (recorded in its history)."""
    from workbench.models import Alignment, Edition
    from workbench.services import glossary, review
    from workbench.services.aligning import plan_alignment

    alignment_id = int(args["alignment"])
    progress(0.05, Message(N_("reading the alignment")))
    with factory() as session:
        alignment = session.get(Alignment, alignment_id)
        if alignment is None:
            raise NotFound(N_("no alignment %(alignment_id)s"), alignment_id=alignment_id)
        kk, ru = session.get(Edition, alignment.kk_edition_id), session.get(Edition, alignment.ru_edition_id)
        progress(0.15, Message(N_("re-aligning %(kk)s Kazakh with %(ru)s Russian sentences around the confirmed "
                                  "beads"), kk=kk.segment_count, ru=ru.segment_count))
        plan = plan_alignment(session, kk, ru, glossary=glossary.term_pairs(session),
                              progress=_within(progress, 0.15, 0.9))
    progress(0.9, Message(N_("storing the beads")))
    with transaction(factory) as session:
        summary = review.realign(session, alignment_id, user or "", plan=plan)
    return {"alignment": alignment_id, "summary": summary}


def run_check(factory: Factory, args: dict[str, Any], payload: bytes | None, progress: Progress,
              user: str | None, config: Mapping[str, Any]) -> dict[str, Any]:
    """Run the errata checks of an edition, or the checks across an alignment."""
    from workbench.models import Alignment
    from workbench.services import checking
    from workbench.services.editions import get_edition

    progress(0.05, Message(N_("reading the edition and the glossary")))
    with transaction(factory) as session:
        if args.get("alignment") is not None:
            alignment = session.get(Alignment, int(args["alignment"]))
            if alignment is None:
                raise NotFound(N_("no alignment %(alignment)s"), alignment=args["alignment"])
            progress(0.2, Message(N_("checking alignment %(id)s"), id=alignment.id))
            done = checking.check_alignment(session, alignment)
            return {"alignment": alignment.id, "summary": Message(N_("checks across alignment %(id)s: %(summary)s"),
                                                                  id=alignment.id, summary=done.summary())}
        edition = get_edition(session, int(args["edition"]))
        progress(0.2, Message(N_("checking %(edition)s"), edition=edition.label))
        done = checking.check_edition(session, edition)
        return {"edition": edition.id, "summary": Message(N_("checks done: %(summary)s"),
                                                  summary=done.summary())}


def run_harvest(factory: Factory, args: dict[str, Any], payload: bytes | None, progress: Progress,
                user: str | None, config: Mapping[str, Any]) -> dict[str, Any]:
    """Queue new glossary candidates from every edition and alignment."""
    from workbench.services import harvesting

    progress(0.05, Message(N_("harvesting term candidates from every edition and alignment")))
    with transaction(factory) as session:
        done = harvesting.harvest(session)
        return {"summary": Message(N_("harvest done: %(summary)s"), summary=done.summary())}


HANDLERS: dict[str, Handler] = {"import": run_import, "align": run_align, "realign": run_realign,
                                "check": run_check, "harvest": run_harvest}
