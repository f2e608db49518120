"""Errata and consistency checks (pure): one class per check, an explicit registry, and a runner.

``run_edition_checks(Edition(...))`` runs the one-edition checks; ``run_bead_checks(Pair(...))`` the
checks across an alignment. Both return ``Finding`` values sorted by source line.
"""
from __future__ import annotations

from workbench.checks.base import Edition, Finding, Pair, Severity
from workbench.checks.registry import ALL_CHECKS, BEAD_CHECKS, CHECKS_BY_ID, EDITION_CHECKS
from workbench.checks.runner import run_bead_checks, run_edition_checks

__all__ = [
    "ALL_CHECKS", "BEAD_CHECKS", "CHECKS_BY_ID", "EDITION_CHECKS", "Edition", "Finding", "Pair", "Severity",
    "run_bead_checks", "run_edition_checks",
]
