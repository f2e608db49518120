"""Every mutating route refuses anonymous users, the wrong role and requests without the CSRF token;
sentence text with markup is shown as text; cookies are HttpOnly and SameSite=Lax."""
from __future__ import annotations

import io
import re

import pytest
from review_builders import csrf_of, login
from sqlalchemy import select

from workbench.models import Bead, Segment

# (path under /alignments/<id>, JSON body builder(bead_id, version, segment_id), least role)
ROUTES = [
    ("/api/beads/{bead}/merge", lambda b, v, s: {"version": v, "next_version": 1}, "translator"),
    ("/api/beads/{bead}/split", lambda b, v, s: {"version": v, "kk": 1, "ru": 0}, "translator"),
    ("/api/beads/{bead}/move", lambda b, v, s: {"version": v, "side": "kk", "direction": "next",
                                                 "neighbour_version": 1}, "translator"),
    ("/api/beads/{bead}/detach", lambda b, v, s: {"version": v, "side": "kk", "index": 0}, "translator"),
    ("/api/beads/{bead}/confirm", lambda b, v, s: {"version": v}, "translator"),
    ("/api/beads/{bead}/unconfirm", lambda b, v, s: {"version": v}, "translator"),
    ("/api/beads/{bead}/comment", lambda b, v, s: {"version": v, "text": "x"}, "translator"),
    ("/api/segments/{segment}/text", lambda b, v, s: {"version": 1, "text": "Жаңа мәтін."}, "editor"),
    ("/api/undo", lambda b, v, s: {}, "translator"),
    ("/api/redo", lambda b, v, s: {}, "translator"),
    ("/api/confirm-above", lambda b, v, s: {"score": 0.9}, "translator"),
    ("/api/realign", lambda b, v, s: {}, "translator"),
]
ORDER = ("viewer", "translator", "editor", "admin")


@pytest.fixture
def target(session, demo):
    bead = session.scalar(select(Bead).where(Bead.alignment_id == demo.alignment_id, Bead.position == 1))
    segment = session.scalar(select(Segment).where(Segment.edition_id == demo.kk_edition_id,
                                                   Segment.position == 1))
    return bead.id, bead.version, segment.id


def _call(client, demo, target, route, token):
    path, body, _ = route
    bead, version, segment = target
    url = f"/alignments/{demo.alignment_id}" + path.format(bead=bead, segment=segment)
    headers = {"X-CSRF-Token": token} if token else {}
    return client.post(url, json=body(bead, version, segment), headers=headers)


def bead_rows(session, demo):
    session.expire_all()
    return [(b.id, b.version, b.status) for b in session.scalars(
        select(Bead).where(Bead.alignment_id == demo.alignment_id).order_by(Bead.position))]


@pytest.mark.parametrize("route", ROUTES, ids=[r[0] for r in ROUTES])
def test_anonymous_user_is_refused(anonymous, session, demo, target, route):
    before = bead_rows(session, demo)
    response = _call(anonymous, demo, target, route, csrf_of(anonymous))
    assert response.status_code == 401
    assert bead_rows(session, demo) == before


@pytest.mark.parametrize("route", ROUTES, ids=[r[0] for r in ROUTES])
def test_a_role_below_the_one_needed_is_refused(app, users, session, demo, target, route):
    below = ORDER[:ORDER.index(route[2])]
    before = bead_rows(session, demo)
    for role in below:
        client = app.test_client()
        response = _call(client, demo, target, route, login(client, role))
        assert response.status_code == 403, role
        assert "may not" in response.get_json()["error"]
    assert bead_rows(session, demo) == before


@pytest.mark.parametrize("route", ROUTES, ids=[r[0] for r in ROUTES])
def test_request_without_or_with_a_wrong_csrf_token_is_refused(app, users, session, demo, target, route):
    client = app.test_client()
    login(client, "admin")
    before = bead_rows(session, demo)
    for token in (None, "forged-token"):
        response = _call(client, demo, target, route, token)
        assert response.status_code == 400
        assert "CSRF" in response.get_json()["error"]
    assert bead_rows(session, demo) == before


@pytest.mark.parametrize("route", [r for r in ROUTES if r[0].startswith("/api/beads/{bead}/c")],
                         ids=lambda r: r[0])
def test_the_right_role_with_the_token_is_allowed(app, users, demo, target, route):
    client = app.test_client()
    response = _call(client, demo, target, route, login(client, route[2]))
    assert response.status_code == 200, response.get_json()


def test_forms_refuse_a_missing_csrf_token(app, users, demo):
    client = app.test_client()
    login(client, "admin")
    assert client.post("/auth/users", data={"name": "x", "password": "12345678", "role": "viewer"}).status_code == 400
    assert client.post("/auth/logout").status_code == 400
    upload = {"file": (io.BytesIO(b"kk\tru\n"), "a.tsv")}
    assert client.post("/alignments/import", data=upload, content_type="multipart/form-data").status_code == 400


def test_login_form_itself_needs_the_csrf_token(client, users):
    response = client.post("/auth/login", data={"name": "admin", "password": "correct horse battery"})
    assert response.status_code == 400


@pytest.mark.parametrize("path, role", [("/auth/users", "editor"), ("/alignments/import", "translator")])
def test_admin_and_editor_forms_refuse_lower_roles(app, users, demo, path, role):
    client = app.test_client()
    token = login(client, role)
    data = {"csrf_token": token, "name": "mallory", "password": "12345678", "role": "admin"}
    assert client.post(path, data=data).status_code == 403


def test_markup_in_a_sentence_is_shown_as_text(app, client, session, demo):
    seg = session.scalar(select(Segment).where(Segment.edition_id == demo.ru_edition_id, Segment.position == 1))
    seg.text = '<script>alert("x")</script><b onmouseover="evil()">жирный</b>'
    seg.original = '<img src=x onerror="evil()">'
    session.commit()
    html = client.get(f"/alignments/{demo.alignment_id}").get_data(as_text=True)
    assert "<script>alert" not in html and "<b onmouseover" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


def test_session_cookie_is_httponly_and_samesite_lax(app, users):
    client = app.test_client()
    token = csrf_of(client)
    response = client.post("/auth/login", data={"name": "viewer", "password": "correct horse battery",
                                                "csrf_token": token})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


def test_session_cookie_is_secure_over_https(app, users):
    client = app.test_client()
    html = client.get("/auth/login", base_url="https://localhost").get_data(as_text=True)
    token = re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)
    response = client.post("/auth/login", base_url="https://localhost", data={
        "name": "viewer", "password": "correct horse battery", "csrf_token": token})
    assert response.status_code == 302 and "Secure" in response.headers["Set-Cookie"]
