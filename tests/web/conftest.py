"""Fixtures for the review tests: the demo alignment, users of every role, logged-in API clients."""
from __future__ import annotations

import pytest

from review_builders import PASSWORD, ROLES, Api, Demo, build_demo, login  # noqa: F401
from workbench.db import transaction
from workbench.services.accounts import create_user


@pytest.fixture(autouse=True)
def quick_password_hashes(monkeypatch):
    """Salted hashes still, but with few rounds: the tests log in hundreds of times."""
    import functools

    from werkzeug.security import generate_password_hash

    from workbench.services import accounts
    monkeypatch.setattr(accounts, "generate_password_hash",
                        functools.partial(generate_password_hash, method="pbkdf2:sha256:1000"))


@pytest.fixture
def demo(sessions) -> Demo:
    """A seven-bead alignment of a small Kazakh and Russian text (one 1-0 bead), all automatic."""
    with transaction(sessions) as s:
        return build_demo(s)


@pytest.fixture
def users(sessions) -> dict[str, str]:
    """One user per role, named after the role; all share PASSWORD."""
    with transaction(sessions) as s:
        for role in ROLES:
            create_user(s, role, PASSWORD, role)
    return {role: role for role in ROLES}


@pytest.fixture
def as_user(app, users, demo):
    """``as_user("translator")`` → an Api for a fresh client logged in with that role."""
    def make(role: str) -> Api:
        client = app.test_client()
        return Api(client, login(client, role), demo.alignment_id)
    return make
