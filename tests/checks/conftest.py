"""Fixtures of the checks' tests: editions from literal text, and the whole Kazakh edition checked once
the way the product does it (imported into a database with the shipped glossary, checked by the service)."""
from __future__ import annotations

import pytest

from checks_builders import BOOK, build_edition  # tests/checks is on sys.path (no package, unique name)


@pytest.fixture
def edition():
    """``edition("para 1", "para 2", lang="kk")`` builds an Edition from literal text."""
    return build_edition


@pytest.fixture(scope="session")
def checked_book(tmp_path_factory):
    """The book imported into a fresh SQLite database with the shipped glossary and checked once by
    ``services.checking.check_edition``: (session factory, edition id). Read-only for the tests."""
    from workbench.db import make_engine, session_factory, transaction, upgrade
    from workbench.services import checking, glossary
    from workbench.services.importing import import_file

    from corpus_paths import GLOSSARY

    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('book') / 'book.sqlite'}")
    upgrade(engine)
    sessions = session_factory(engine)
    with transaction(sessions) as session:
        glossary.load_shipped(session, GLOSSARY)
        edition = import_file(session, BOOK, "kk", "Кітап").edition
        checking.check_edition(session, edition)
        edition_id = edition.id
    yield sessions, edition_id
    engine.dispose()


@pytest.fixture(scope="session")
def book_findings(checked_book):
    """All one-edition findings the product shows on the Kazakh edition."""
    from workbench.services.checking import current_findings

    sessions, edition_id = checked_book
    with sessions() as session:
        return current_findings(session, edition_id)
