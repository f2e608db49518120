"""Who is asking: the current user, private-by-default, CSRF, role checks, login, accounts and users pages.

* :func:`set_current_user` is the one way a request gets its user — from the session cookie or from an
  API bearer token (``services.tokens``). It refuses disabled users and sessions of an older generation, so
  disabling a user, resetting or changing a password ends their sessions at once.
* :func:`require_login` makes every page private: only the allow-list (login page, static files,
  ``/healthz``) is open; with ``PUBLIC_READ`` anonymous visitors may also read (GET). Anonymous page
  requests are sent to the login page, anonymous calls under an ``/api/`` path get 401 JSON.
* Every POST, PUT, PATCH and DELETE made with the session cookie must carry the session's CSRF token, in
  the form field ``csrf_token`` or the header ``X-CSRF-Token``; requests signed with a bearer token carry
  no cookie and need none (a browser never adds an Authorization header to a forged cross-site request).
"""
from __future__ import annotations

import functools
import hmac
import secrets
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    current_app,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.sessions import SecureCookieSessionInterface
from markupsafe import Markup, escape

from workbench.db import get_session, transaction
from workbench.errors import Conflict, InputError, NotFound
from workbench.models.accounts import ROLES
from workbench.services import accounts, tokens
from workbench.web.i18n import gettext as _
from workbench.web.i18n import translate

bp = Blueprint("auth", __name__, url_prefix="/auth")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
# Endpoints anyone may reach without logging in.
OPEN_ENDPOINTS = {"auth.login", "static", "healthz"}
# Endpoints a user who must replace a temporary password may still reach.
PASSWORD_CHANGE_ENDPOINTS = {"auth.account", "auth.change_password", "auth.logout", "auth.login", "static",
                             "healthz"}


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed cookie session, marked Secure whenever the request itself came over https."""

    def get_cookie_secure(self, app: Any) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"] or (request and request.is_secure))


def wants_json() -> bool:
    return request.is_json or request.path.startswith("/api/") or "/api/" in request.path


def refuse(message: str, status: int) -> Any:
    """One answer for a refused request: JSON for API calls, the refusal page otherwise."""
    if wants_json():
        return jsonify(error=message), status
    return render_template("auth/refused.html", message=message), status


# --- the current user ---------------------------------------------------------------------------

def set_current_user(user_id: object, generation: object = None, via: str = "session") -> Any:
    """Make ``user_id`` the request's user (``g.user``) if they may still act; return the user or None.

    ``generation`` comes from the session cookie (a token has none); ``via`` is "session" or "token".
    """
    user = accounts.active_user(get_session(), user_id, generation)
    g.user = user
    g.auth_via = via if user is not None else None
    return user


def load_user() -> Any:
    """Before every request: the user of an API bearer token, or of the session cookie.

    A request that sends ``Authorization`` to the API must name an enabled user by a valid token
    (``python run.py users token NAME``); anything else is refused with 401 at once.
    """
    g.user, g.auth_via = None, None
    header = request.headers.get("Authorization", "")
    scheme, _sep, token = header.partition(" ")
    if scheme.lower() == "bearer" or (header and request.path.startswith("/api/")):
        # the user comes with the token in one query; set_current_user finds it in the session's identity map
        user = tokens.user_for_token(get_session(), token.strip()) if scheme.lower() == "bearer" else None
        if user is None or set_current_user(user.id, via="token") is None:
            return jsonify(error="unknown or disabled API token; send 'Authorization: Bearer TOKEN' with a "
                                 "token from `python run.py users token NAME`"), 401
        return None
    user_id = session.get("user_id")
    if user_id is not None and set_current_user(user_id, session.get("generation", 1)) is None:
        session.clear()  # disabled, or the password changed: this session ends now
    return None


def require_login() -> Any:
    """Before every request: private by default (see the module's description)."""
    endpoint = request.endpoint or ""
    user = g.get("user")
    if user is not None:
        if user.must_change_password and endpoint not in PASSWORD_CHANGE_ENDPOINTS:
            if wants_json():
                return jsonify(error=_("replace your temporary password first")), 403
            flash(_("Choose a new password to replace the temporary one."), "error")
            return redirect(url_for("auth.account"))
        return None
    if endpoint in OPEN_ENDPOINTS:
        return None
    if current_app.config.get("PUBLIC_READ") and request.method in SAFE_METHODS:
        return None
    if wants_json():
        return jsonify(error=_("log in first")), 401
    if request.method in SAFE_METHODS:
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
    return render_template("auth/refused.html", message=_("log in first")), 401


# --- CSRF -------------------------------------------------------------------------------------

def csrf_token() -> str:
    """The session's CSRF token (made on first use)."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def csrf_field() -> Markup:
    return Markup('<input type="hidden" name="csrf_token" value="{}">').format(escape(csrf_token()))


def check_csrf() -> Any:
    """Refuse a mutating request without the session's CSRF token (400)."""
    if request.method in SAFE_METHODS or g.get("auth_via") == "token":
        return None
    sent = request.headers.get("X-CSRF-Token") or request.form.get("csrf_token", "")
    expected = session.get("csrf")
    if not expected or not sent or not hmac.compare_digest(str(sent), str(expected)):
        return refuse(_("the form has expired or did not come from this site (missing CSRF token); "
                        "reload the page"), 400)
    return None


# --- roles ------------------------------------------------------------------------------------

def may(permission: str) -> bool:
    """Whether the current user has ``permission`` (used by templates to show or hide controls)."""
    user = g.get("user")
    return accounts.may(user.role if user else None, permission)


def require(permission: str) -> Callable:
    """Decorate a view that needs ``permission``: anonymous → 401 (or the login page), wrong role → 403."""
    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if g.get("user") is None:
                if not wants_json() and request.method in SAFE_METHODS:
                    return redirect(url_for("auth.login", next=request.full_path))
                return refuse(_("log in first"), 401)
            if not may(permission):
                return refuse(_("your role (%(role)s) may not do this; it needs %(needed)s or above",
                                role=_(g.user.role), needed=_(accounts.PERMISSIONS[permission])), 403)
            return view(*args, **kwargs)
        return wrapped
    return decorate


# --- logging in and out -----------------------------------------------------------------------

def _safe_next(target: str | None) -> str:
    """Only local paths are followed after login (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target \
            and not urlsplit(target).netloc:
        return target
    return url_for("index")


def _throttle() -> accounts.Throttle:
    config = current_app.config
    return accounts.Throttle(int(config["LOGIN_FAILURES_PER_ACCOUNT"]), int(config["LOGIN_FAILURES_PER_ADDRESS"]),
                             int(config["LOGIN_WINDOW_SECONDS"]))


def _sessions():
    return current_app.extensions["workbench.sessions"]


@bp.route("/login", methods=["GET", "POST"])
def login():
    """The login form; a good name and password start a fresh session."""
    if request.method == "POST":
        next_ = request.form.get("next", "")
        try:
            with transaction(_sessions()) as s:
                user = accounts.authenticate(s, request.form.get("name", ""), request.form.get("password", ""),
                                             request.remote_addr or "", _throttle())
                found = (user.id, user.session_generation, user.must_change_password) if user else None
        except accounts.TooManyAttempts as error:
            message = _("Too many wrong passwords for this account or from this address. "
                        "Try again in %(n)s seconds.", n=error.retry_after)
            flash(message, "error")
            response = current_app.make_response((render_template("auth/login.html", next=next_), 429))
            response.headers["Retry-After"] = str(error.retry_after)
            return response
        if found is None:
            flash(_("Wrong user name or password."), "error")
            return render_template("auth/login.html", next=next_), 401
        session.clear()  # a new session id and CSRF token: no session fixation
        session["user_id"], session["generation"] = found[0], found[1]
        if found[2]:
            return redirect(url_for(".account"))
        return redirect(_safe_next(next_))
    return render_template("auth/login.html", next=request.args.get("next", ""))


@bp.post("/logout")
def logout():
    session.clear()
    flash(_("Logged out."))
    return redirect(url_for(".login"))


# --- one's own account ------------------------------------------------------------------------

@bp.get("/account")
@require("read")
def account():
    """Change one's own password and page language."""
    return render_template("auth/account.html", languages=accounts.LANGUAGES)


@bp.post("/account/password")
@require("read")
def change_password():
    try:
        with transaction(_sessions()) as s:
            user = s.merge(g.user)
            accounts.change_password(s, user, request.form.get("current", ""), request.form.get("new", ""),
                                     request.form.get("repeat", ""), request.remote_addr)
            generation = user.session_generation
    except InputError as error:
        flash(translate(error), "error")
        return render_template("auth/account.html", languages=accounts.LANGUAGES), 400
    session["generation"] = generation  # this session goes on; every other one of this user ends
    flash(_("Your password is changed; your other sessions have ended."))
    return redirect(url_for(".account"))


@bp.post("/account/language")
@require("read")
def set_language():
    language = request.form.get("language") or None
    try:
        with transaction(_sessions()) as s:
            accounts.set_language(s, s.merge(g.user), language)
    except InputError as error:
        return refuse(translate(error), 400)
    return redirect(url_for(".account"))


# --- users (admins) ---------------------------------------------------------------------------

def _users_page(status: int = 200, temporary: tuple[str, str] | None = None):
    return render_template("auth/users.html", users=accounts.list_users(get_session()), roles=ROLES,
                           temporary=temporary), status


@bp.get("/users")
@require("users")
def users():
    """Users, their roles and state; admins add, disable, enable and reset users here."""
    return _users_page()


def _admin_action(action: Callable[..., Any], done: str, *args: Any) -> Any:
    try:
        with transaction(_sessions()) as s:
            action(s, *args, actor=g.user.name, address=request.remote_addr)
    except (InputError, Conflict, NotFound) as error:
        flash(translate(error), "error")
        return _users_page(400)
    flash(done)
    return redirect(url_for(".users"))


@bp.post("/users")
@require("users")
def add_user():
    name = request.form.get("name", "").strip()
    return _admin_action(lambda s, **kw: accounts.add_user(
        s, kw["actor"], name, request.form.get("password", ""), request.form.get("role", "viewer"),
        kw["address"]), _("Added %(name)s.", name=name))


@bp.post("/users/<name>/role")
@require("users")
def set_role(name: str):
    role = request.form.get("role", "")
    return _admin_action(accounts.set_role, _("%(name)s is now %(role)s.", name=name, role=_(role)), name, role)


@bp.post("/users/<name>/disable")
@require("users")
def disable(name: str):
    return _admin_action(accounts.set_disabled, _("%(name)s is disabled; their sessions have ended.", name=name),
                         name, True)


@bp.post("/users/<name>/enable")
@require("users")
def enable(name: str):
    return _admin_action(accounts.set_disabled, _("%(name)s may log in again.", name=name), name, False)


@bp.post("/users/<name>/reset")
@require("users")
def reset(name: str):
    """A temporary password, shown once on the answering page (never put in a cookie or a redirect)."""
    try:
        with transaction(_sessions()) as s:
            temporary = accounts.reset_password(s, name, actor=g.user.name, address=request.remote_addr)
    except NotFound as error:
        flash(translate(error), "error")
        return _users_page(400)
    return _users_page(temporary=(name, temporary))


@bp.get("/audit")
@require("users")
def audit():
    """The audit history: every administrative action, newest first."""
    return render_template("auth/audit.html", events=accounts.audit_history(get_session()))
