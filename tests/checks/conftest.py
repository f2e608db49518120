"""Fixtures of the checks' tests: editions from literal text, and the whole Kazakh edition checked once."""
from __future__ import annotations

import pytest

from checks_builders import BOOK, build_edition  # tests/checks is on sys.path (no package, unique name)


@pytest.fixture
def edition():
    """``edition("para 1", "para 2", lang="kk")`` builds an Edition from literal text."""
    return build_edition


@pytest.fixture(scope="session")
def book_findings():
    """All one-edition findings on the Kazakh edition (the whole pipeline, run once per test session)."""
    from workbench.cli.checks import check_path

    return check_path(BOOK, "kk")
