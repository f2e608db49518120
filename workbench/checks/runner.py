"""Runs the enabled checks over an edition or an alignment; a crashing check becomes a finding."""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import replace
from typing import Iterable

from workbench.checks.base import BeadCheck, CheckCrash, Edition, EditionCheck, Finding, Pair, finding_key
from workbench.checks.registry import BEAD_CHECKS, EDITION_CHECKS, enabled_checks
from workbench.errors import N_, Message

logger = logging.getLogger(__name__)

CRASH_ID = "check-crashed"


def run_edition_checks(
    edition: Edition, flags: Iterable[str] = (), checks: Iterable[type[EditionCheck]] | None = None
) -> list[Finding]:
    """Run the one-edition checks enabled by ``flags`` (``ignore-<id>`` / ``<id>``) on ``edition``.

    :returns: the findings sorted by line, each with its stable ``key``.
    """
    chosen = list(checks) if checks is not None else enabled_checks(EDITION_CHECKS, flags)
    found: list[Finding] = []
    for cls in chosen:
        found.extend(_run_one(cls(), edition))
    return _finish(found)


def run_bead_checks(
    pair: Pair, flags: Iterable[str] = (), checks: Iterable[type[BeadCheck]] | None = None
) -> list[Finding]:
    """Run the checks across an alignment enabled by ``flags`` on ``pair``; findings sorted by line."""
    chosen = list(checks) if checks is not None else enabled_checks(BEAD_CHECKS, flags)
    found: list[Finding] = []
    for cls in chosen:
        found.extend(_run_one(cls(), pair))
    return _finish(found)


def _run_one(check: EditionCheck | BeadCheck, context: Edition | Pair) -> list[Finding]:
    try:
        return list(check.run(context))  # type: ignore[arg-type]
    except CheckCrash as crash:
        logger.exception("check %s crashed", check.id)
        return [_crash_finding(check.id, crash.where, crash.error)]
    except Exception as exc:  # noqa: BLE001 - one broken check must not stop the others
        logger.exception("check %s crashed", check.id)
        return [_crash_finding(check.id, Message(N_("the whole document")), exc)]


def _crash_finding(check_id: str, where: str | Message, error: BaseException) -> Finding:
    return Finding(
        check=CRASH_ID, severity="error", line=0,
        message=Message(N_("check %(check)s crashed at %(where)s: %(error)s"), check=check_id, where=where,
                        error=f"{type(error).__name__}: {error}"),
        excerpt=check_id,
    )


def _finish(found: list[Finding]) -> list[Finding]:
    found.sort(key=lambda f: (f.line, f.check, f.excerpt))
    seen: Counter[str] = Counter()
    out = []
    for f in found:
        where = f.block if f.block is not None else f.bead
        base = finding_key(f.check, f.excerpt, 0, where)
        seen[base] += 1
        out.append(replace(f, key=finding_key(f.check, f.excerpt, seen[base], where)))
    return out
