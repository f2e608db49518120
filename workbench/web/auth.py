"""Log in and out, the CSRF token, the role check for every mutating route, and the users page (admins).

The logged-in user's id lives in Flask's signed session cookie (HttpOnly, SameSite=Lax, Secure when
the request came over https); ``g.user`` is loaded for every request. Every POST, PUT, PATCH and
DELETE must carry the session's CSRF token, in the form field ``csrf_token`` or the header
``X-CSRF-Token`` (JSON calls); the check is made in ``web.register`` for the whole app.
"""
from __future__ import annotations

import functools
import hmac
import secrets
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from flask import (Blueprint, current_app, flash, g, jsonify, redirect, render_template, request,
                   session, url_for)
from flask.sessions import SecureCookieSessionInterface
from markupsafe import Markup, escape

from workbench.db import get_session, transaction
from workbench.errors import Conflict, InputError
from workbench.models import User
from workbench.models.accounts import ROLES
from workbench.services import accounts, tokens

bp = Blueprint("auth", __name__, url_prefix="/auth")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed cookie session, marked Secure whenever the request itself came over https."""

    def get_cookie_secure(self, app: Any) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"] or (request and request.is_secure))


def csrf_token() -> str:
    """The session's CSRF token (made on first use)."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def csrf_field() -> Markup:
    return Markup('<input type="hidden" name="csrf_token" value="{}">').format(escape(csrf_token()))


def check_csrf() -> Any:
    """Refuse a mutating request without the session's CSRF token (400).

    A request authenticated by an API token is exempt: a browser never sends that header by itself,
    so another site cannot forge it. API calls made with the session cookie are checked like forms.
    """
    if request.method in SAFE_METHODS or g.get("token_auth"):
        return None
    sent = request.headers.get("X-CSRF-Token") or request.form.get("csrf_token", "")
    expected = session.get("csrf")
    if not expected or not sent or not hmac.compare_digest(str(sent), str(expected)):
        message = "the form has expired or did not come from this site (missing CSRF token); reload the page"
        if request.is_json or request.path.startswith("/api/") or "/api/" in request.path:
            return jsonify(error=message), 400
        return render_template("auth/refused.html", message=message), 400
    return None


def load_user() -> Any:
    """Find the current user — the one place that does, for pages and API alike.

    ``Authorization: Bearer TOKEN`` names the user by an API token (a wrong token is refused with 401);
    otherwise the signed session cookie does. ``g.token_auth`` says which.
    """
    g.token_auth = False
    user_id = session.get("user_id")
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    bearer = scheme.lower() == "bearer"
    if bearer or (header and request.path.startswith("/api/")):
        user_id = tokens.user_id_for_token(get_session(), token.strip()) if bearer else None
        if user_id is None:
            return jsonify(error="unknown API token; send 'Authorization: Bearer TOKEN' with a token from "
                                 "`python run.py users token NAME`"), 401
        g.token_auth = True
    g.user = get_session().get(User, user_id) if user_id is not None else None
    return None


def may(permission: str) -> bool:
    """Whether the current user has ``permission`` (used by templates to show or hide controls)."""
    user = g.get("user")
    return accounts.may(user.role if user else None, permission)


def require(permission: str) -> Callable:
    """Decorate a view that needs ``permission``: anonymous → 401 (or the login page), wrong role → 403."""
    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            wants_json = request.is_json or "/api/" in request.path
            if g.get("user") is None:
                if wants_json:
                    return jsonify(error="log in first"), 401
                if request.method in SAFE_METHODS:
                    return redirect(url_for("auth.login", next=request.full_path))
                return render_template("auth/refused.html", message="log in first"), 401
            if not may(permission):
                message = (f"your role ({g.user.role}) may not do this; it needs "
                           f"{accounts.PERMISSIONS[permission]} or above")
                if wants_json:
                    return jsonify(error=message), 403
                return render_template("auth/refused.html", message=message), 403
            return view(*args, **kwargs)
        return wrapped
    return decorate


def _safe_next(target: str | None) -> str:
    """Only local paths are followed after login (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("index")


@bp.route("/login", methods=["GET", "POST"])
def login():
    """The login form; a good name and password start a fresh session."""
    if request.method == "POST":
        with transaction(current_app.extensions["workbench.sessions"]) as s:
            user = accounts.authenticate(s, request.form.get("name", ""), request.form.get("password", ""))
            user_id = user.id if user else None
        if user_id is None:
            flash("Wrong user name or password.", "error")
            return render_template("auth/login.html", next=request.form.get("next", "")), 401
        session.clear()  # a new session id and CSRF token: no session fixation
        session["user_id"] = user_id
        return redirect(_safe_next(request.form.get("next")))
    return render_template("auth/login.html", next=request.args.get("next", ""))


@bp.post("/logout")
def logout():
    session.clear()
    flash("Logged out.")
    return redirect(url_for("index"))


@bp.get("/users")
@require("users")
def users():
    """Users and their roles; admins add users here."""
    return render_template("auth/users.html", users=accounts.list_users(get_session()), roles=ROLES)


@bp.post("/users")
@require("users")
def add_user():
    try:
        with transaction(current_app.extensions["workbench.sessions"]) as s:
            accounts.create_user(s, request.form.get("name", ""), request.form.get("password", ""),
                                 request.form.get("role", "viewer"))
    except (InputError, Conflict) as error:
        flash(str(error), "error")
        return render_template("auth/users.html", users=accounts.list_users(get_session()), roles=ROLES), 400
    flash(f"Added {request.form.get('name', '').strip()}.")
    return redirect(url_for(".users"))


@bp.post("/users/<name>/role")
@require("users")
def set_role(name: str):
    try:
        with transaction(current_app.extensions["workbench.sessions"]) as s:
            accounts.set_role(s, name, request.form.get("role", ""))
    except InputError as error:
        flash(str(error), "error")
        return redirect(url_for(".users")), 303
    flash(f"{name} is now {request.form.get('role')}.")
    return redirect(url_for(".users"))
