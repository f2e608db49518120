"""API tokens: a random secret printed once, stored only as its SHA-256 digest, resolved to its user.

A token has 256 random bits, so a plain (unsalted) digest cannot be reversed or guessed; looking it
up by digest also makes the comparison independent of the secret's characters.
"""
from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import N_, InputError
from workbench.models import ApiToken, User

PREFIX = "wb_"


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(session: Session, name: str) -> str:
    """A new token for the user ``name`` (returned once; only its digest is stored)."""
    user = session.scalar(select(User).where(User.name == name.strip()))
    if user is None:
        raise InputError(N_("no user %(name)r; `python run.py users list` lists them"), name=name)
    token = PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, digest=digest(token)))
    session.flush()
    return token


def user_for_token(session: Session, token: str) -> User | None:
    """The user the token belongs to, in one indexed query (token joined with its user), or None for
    an unknown token. Read afresh on every request, so a revoked token or a disabled user is refused
    at once; the caller still checks ``disabled``."""
    if not token or len(token) > 200:
        return None
    return session.scalar(select(User).join(ApiToken, ApiToken.user_id == User.id)
                          .where(ApiToken.digest == digest(token)))
