"""Private by default, accounts an admin manages, login throttling, password hashes, the audit history."""
from __future__ import annotations

import re

import pytest
from review_builders import PASSWORD, csrf_of, login
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from workbench.db import transaction
from workbench.models import AuditEvent, User
from workbench.services import accounts, tokens


def _user(session, name: str) -> User:
    session.expire_all()
    return session.scalar(select(User).where(User.name == name))


def _post_login(client, name: str, password: str, address: str = "127.0.0.1"):
    return client.post("/auth/login", data={"name": name, "password": password, "csrf_token": csrf_of(client)},
                       environ_base={"REMOTE_ADDR": address})


# --- private by default ------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/editions/1", "/alignments/", "/alignments/1", "/alignments/1/export",
                                  "/glossary/", "/glossary/export.tbx", "/editions/1/errata/", "/auth/users",
                                  "/auth/account", "/auth/audit"])
def test_anonymous_get_of_any_page_or_download_goes_to_the_login_page(anonymous, path):
    response = anonymous.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login?next=")


@pytest.mark.parametrize("path", ["/api/beads/1", "/api/anything", "/alignments/1/api/beads/1/history"])
def test_anonymous_api_call_is_401_json(anonymous, path):
    for response in (anonymous.get(path), anonymous.post(path, json={"action": "confirm", "version": 1})):
        assert response.status_code == 401
        assert response.get_json() == {"error": "log in first"}


def test_only_the_login_page_static_files_and_healthz_are_open(anonymous):
    assert anonymous.get("/auth/login").status_code == 200
    static = anonymous.get("/static/style.css")
    assert static.status_code == 200
    static.close()
    health = anonymous.get("/healthz")
    assert health.status_code == 200 and health.get_json() == {"status": "ok", "database": "ok"}


def test_healthz_says_503_when_the_database_is_gone(tmp_path):
    from workbench import create_app
    app = create_app({"TESTING": True, "SECRET_KEY": "t",
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'missing-dir' / 'x.sqlite'}"})
    response = app.test_client().get("/healthz")
    assert response.status_code == 503 and response.get_json()["status"] == "error"


def test_anonymous_post_to_a_page_is_refused_and_changes_nothing(anonymous, session, users):
    response = anonymous.post("/auth/users", data={"csrf_token": csrf_of(anonymous), "name": "intruder",
                                                   "password": "12345678", "role": "admin"})
    assert response.status_code == 401
    assert _user(session, "intruder") is None


def test_public_read_opens_reading_but_not_changing(app, anonymous, demo, users, session):
    app.config["PUBLIC_READ"] = True
    assert anonymous.get("/").status_code == 200
    assert anonymous.get(f"/alignments/{demo.alignment_id}/export?format=tmx").status_code == 200
    response = anonymous.post(f"/alignments/{demo.alignment_id}/api/undo", json={},
                              headers={"X-CSRF-Token": csrf_of(anonymous)})
    assert response.status_code == 401


# --- throttling ---------------------------------------------------------------------------------

def test_twelve_bad_passwords_for_one_account_in_a_minute_end_in_429(app, anonymous, users):
    codes = [_post_login(anonymous, "editor", f"wrong-{i}").status_code for i in range(12)]
    assert codes[:10] == [401] * 10 and codes[10:] == [429, 429]
    for address in ("127.0.0.1", "10.0.1.1"):
        locked = _post_login(anonymous, "editor", PASSWORD, address=address)
        assert locked.status_code == 429  # even the right password waits until the minute is over
        assert int(locked.headers["Retry-After"]) >= 1
        assert "Too many wrong passwords" in locked.get_data(as_text=True)
    assert _post_login(app.test_client(), "viewer", PASSWORD).status_code == 302  # others, same address: fine


def test_bad_passwords_from_one_address_throttle_that_address(anonymous, users):
    for i in range(30):
        assert _post_login(anonymous, f"nobody{i}", "wrong", address="192.0.2.7").status_code == 401
    assert _post_login(anonymous, "viewer", PASSWORD, address="192.0.2.7").status_code == 429
    assert _post_login(anonymous, "viewer", PASSWORD, address="192.0.2.8").status_code == 302


def test_failures_older_than_the_window_do_not_count(app, anonymous, users):
    app.config["LOGIN_WINDOW_SECONDS"] = 0
    for _ in range(12):
        assert _post_login(anonymous, "editor", "wrong").status_code == 401
    assert _post_login(anonymous, "editor", PASSWORD).status_code == 302


# --- password hashes ----------------------------------------------------------------------------

def test_passwords_are_stored_as_scrypt_hashes_and_old_hashes_are_upgraded_on_login(app, run_in, session):
    run_in(accounts.create_user, "aigerim", "ұзын құпия сөз", "translator")
    assert _user(session, "aigerim").password_hash.startswith("scrypt:")
    with transaction(app.extensions["workbench.sessions"]) as s:
        s.add(User(name="old", password_hash=generate_password_hash("old password", method="pbkdf2:sha256:1000"),
                   role="viewer"))
    login(app.test_client(), "old", "old password")
    upgraded = _user(session, "old").password_hash
    assert upgraded.startswith(accounts.HASH_METHOD + "$")
    login(app.test_client(), "old", "old password")  # the new hash checks the same password


# --- disabling ----------------------------------------------------------------------------------

def test_admin_disables_a_user_whose_session_ends_at_once(app, users, session):
    translator = app.test_client()
    token = login(translator, "translator")
    assert translator.get("/").status_code == 200
    admin = app.test_client()
    admin_token = login(admin, "admin")
    response = admin.post("/auth/users/translator/disable", data={"csrf_token": admin_token})
    assert response.status_code == 302
    assert translator.get("/").status_code == 302  # the very next request is anonymous
    assert translator.post("/alignments/1/api/undo", json={}, headers={"X-CSRF-Token": token}).status_code == 401
    assert _post_login(app.test_client(), "translator", PASSWORD).status_code == 401
    assert "disabled" in admin.get("/auth/users").get_data(as_text=True)
    admin.post("/auth/users/translator/enable", data={"csrf_token": admin_token})
    login(app.test_client(), "translator")
    actions = [e.action for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert actions[-2:] == ["disable user", "enable user"]


def test_the_last_admin_cannot_be_disabled_or_demoted(app, users, session):
    admin = app.test_client()
    token = login(admin, "admin")
    assert admin.post("/auth/users/admin/disable", data={"csrf_token": token}).status_code == 400
    response = admin.post("/auth/users/admin/role", data={"csrf_token": token, "role": "viewer"})
    assert response.status_code == 400 and "last enabled admin" in response.get_data(as_text=True)
    assert _user(session, "admin").role == "admin" and not _user(session, "admin").disabled


def test_a_token_of_a_disabled_user_is_refused(app, anonymous, users, demo, run_in, session):
    """The API's bearer tokens go through the same loader as the session cookie; a call signed with a
    token carries no cookie, so it needs no CSRF token."""
    headers = {"Authorization": "Bearer " + run_in(tokens.create_token, "editor")}
    assert anonymous.get("/auth/account", headers=headers).status_code == 200
    undo = f"/alignments/{demo.alignment_id}/api/undo"
    done = anonymous.post(undo, json={}, headers=headers)
    assert (done.status_code, done.get_json()) == (400, {"error": "nothing to undo",  # reached the view
                                                     "error_en": "nothing to undo"})
    assert anonymous.post(undo, json={}, headers={"Authorization": "Bearer forged"}).status_code == 401
    run_in(accounts.set_disabled, "editor", True)
    for response in (anonymous.get(f"/alignments/{demo.alignment_id}/api/beads/1/history", headers=headers),
                     anonymous.post(undo, json={}, headers=headers)):
        assert response.status_code == 401


def test_a_forged_bearer_token_opens_nothing(app, anonymous, users):
    """Any request signed with an unknown token is refused at once, API or page."""
    headers = {"Authorization": "Bearer whatever"}
    assert anonymous.post("/api/no-such-endpoint", json={}, headers=headers).status_code == 401
    assert anonymous.get("/alignments/", headers=headers).status_code == 401
    assert anonymous.post("/auth/users/viewer/disable", headers=headers).status_code == 401
    assert anonymous.get("/alignments/1/api/beads/1/history", headers=headers).status_code == 401


def test_only_admins_manage_users_and_see_the_audit_history(app, users, session):
    editor = app.test_client()
    token = login(editor, "editor")
    assert editor.get("/auth/audit").status_code == 403
    assert editor.post("/auth/users/viewer/disable", data={"csrf_token": token}).status_code == 403
    assert editor.post("/auth/users/viewer/reset", data={"csrf_token": token}).status_code == 403
    assert not _user(session, "viewer").disabled


# --- passwords ----------------------------------------------------------------------------------

def test_admin_resets_a_password_which_must_be_replaced_at_login(app, users, session):
    viewer = app.test_client()
    login(viewer, "viewer")
    admin = app.test_client()
    page = admin.post("/auth/users/viewer/reset", data={"csrf_token": login(admin, "admin")})
    assert page.status_code == 200
    temporary = re.search(r'<code class="temporary-password">([^<]+)</code>', page.get_data(as_text=True)).group(1)
    assert viewer.get("/").status_code == 302  # the old session ended
    assert _post_login(app.test_client(), "viewer", PASSWORD).status_code == 401
    fresh = app.test_client()
    response = _post_login(fresh, "viewer", temporary)
    assert response.status_code == 302 and response.headers["Location"] == "/auth/account"
    assert fresh.get("/").headers["Location"] == "/auth/account"  # nothing else until it is replaced
    token = csrf_of(fresh)
    response = fresh.post("/auth/account/password", data={"csrf_token": token, "current": temporary,
                                                           "new": "a new password", "repeat": "a new password"})
    assert response.status_code == 302
    assert fresh.get("/").status_code == 200
    login(app.test_client(), "viewer", "a new password")
    assert "reset password" in admin.get("/auth/audit").get_data(as_text=True)


def test_every_user_changes_their_own_password_and_other_sessions_end(app, users, session):
    here, elsewhere = app.test_client(), app.test_client()
    token = login(here, "viewer")
    login(elsewhere, "viewer")
    wrong = here.post("/auth/account/password", data={"csrf_token": token, "current": "not it",
                                                      "new": "brand new words", "repeat": "brand new words"})
    assert wrong.status_code == 400 and "current password is wrong" in wrong.get_data(as_text=True)
    differ = here.post("/auth/account/password", data={"csrf_token": token, "current": PASSWORD,
                                                       "new": "brand new words", "repeat": "brand new wordz"})
    assert differ.status_code == 400
    short = here.post("/auth/account/password", data={"csrf_token": token, "current": PASSWORD,
                                                      "new": "short", "repeat": "short"})
    assert short.status_code == 400 and "at least 8" in short.get_data(as_text=True)
    ok = here.post("/auth/account/password", data={"csrf_token": token, "current": PASSWORD,
                                                   "new": "brand new words", "repeat": "brand new words"})
    assert ok.status_code == 302
    assert here.get("/").status_code == 200
    assert elsewhere.get("/").status_code == 302
    assert _post_login(app.test_client(), "viewer", PASSWORD).status_code == 401
    login(app.test_client(), "viewer", "brand new words")


def test_admin_changes_a_role_through_the_users_page(app, users, session):
    admin = app.test_client()
    assert admin.post("/auth/users/viewer/role", data={"csrf_token": login(admin, "admin"),
                                                       "role": "editor"}).status_code == 302
    assert _user(session, "viewer").role == "editor"
    event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (event.actor, event.action, event.target, event.detail) == ("admin", "change role", "viewer",
                                                                       "viewer → editor")


# --- attacks ------------------------------------------------------------------------------------

def test_a_csrf_token_of_an_ended_session_is_refused(app, users, session):
    client = app.test_client()
    old = login(client, "admin")
    client.post("/auth/logout", data={"csrf_token": old})
    login(client, "admin")
    response = client.post("/auth/users/viewer/disable", data={"csrf_token": old})
    assert response.status_code == 400
    assert not _user(session, "viewer").disabled


def test_oversized_bodies_are_refused_with_413(app, users, session):
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    client = app.test_client()
    token = login(client, "admin")
    response = client.post("/auth/users", data={"csrf_token": token, "name": "big", "password": "x" * (2 << 20),
                                                "role": "viewer"})
    assert response.status_code == 413 and "larger than 1 MiB" in response.get_data(as_text=True)
    assert _user(session, "big") is None


@pytest.mark.parametrize("path", ["/alignments/{a}/export?format=../../instance/secret_key",
                                  "/glossary/export.%2e%2e%2fsecret_key", "/static/../../instance/secret_key",
                                  "/static/%2e%2e/%2e%2e/instance/secret_key", "/static/..%2f..%2fpyproject.toml"])
def test_path_tricks_in_download_names_are_404(client, demo, path):
    response = client.get(path.format(a=demo.alignment_id))
    assert response.status_code == 404
    assert b"[project]" not in response.data


def test_security_headers_and_cookie_flags(app, users):
    client = app.test_client()
    response = client.get("/auth/login")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    secure = app.test_client().get("/auth/login", base_url="https://localhost")
    assert "Secure" in secure.headers["Set-Cookie"]


def test_pages_have_no_inline_script_or_style(client, demo):
    for path in ("/", f"/alignments/{demo.alignment_id}", "/glossary/", "/auth/account"):
        html = client.get(path).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), path
        assert "<style" not in html and " style=" not in html, path
        assert not re.search(r"\son[a-z]+=", html), path
