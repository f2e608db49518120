"""The review page and its JSON API through the test client: rows, paging, filters, search, jumps,
operations, conflicts, history, exports, users and logging in and out."""
from __future__ import annotations

import io
import re

import pytest
from review_builders import KK, RU, add_alignment, add_edition, login
from sqlalchemy import select

from workbench.db import transaction
from workbench.models import Bead, Finding, Segment


def rows(html: str) -> list[str]:
    return re.findall(r'<tr id="b(\d+)"', html)


def test_alignment_list_links_the_review_page(client, demo):
    html = client.get("/alignments/").get_data(as_text=True)
    assert f"/alignments/{demo.alignment_id}" in html and "Демо" in html


def test_review_page_shows_kazakh_left_and_russian_right_with_page_line_shape_and_score(client, demo):
    html = client.get(f"/alignments/{demo.alignment_id}").get_data(as_text=True)
    assert rows(html) == [str(n) for n in range(1, 8)]
    first = html[html.index('id="b1"'):html.index('id="b2"')]
    assert first.index(KK[0]) < first.index(RU[0])
    assert '<b class="n">1</b> · p.1' in first and "kk sentence 1 · page 1 · source line 2" in first
    assert ">1-1<" in first and "0.95" in first and "conf-high" in first
    fifth = html[html.index('id="b5"'):html.index('id="b6"')]
    assert ">1-0<" in fifth and "conf-low" in fifth
    # One numbering: sentence numbers name the bead (the 1-0 bead holds kk 5 and no Russian sentence).
    assert 'data-label="kk 5 · ru –"' in fifth and "kk&nbsp;5<br>ru&nbsp;–" in fifth
    sixth = html[html.index('id="b6"'):html.index('id="b7"')]
    assert 'data-label="kk 6 · ru 5"' in sixth and '<b class="n">6</b>' in sixth and '<b class="n">5</b>' in sixth


def test_anonymous_reader_of_a_public_project_sees_no_edit_buttons(app, anonymous, demo):
    app.config["PUBLIC_READ"] = True
    html = anonymous.get(f"/alignments/{demo.alignment_id}").get_data(as_text=True)
    assert 'data-act="merge"' not in html and 'data-can-beads="0"' in html and "log in" in html


def test_viewer_sees_no_edit_buttons_and_translator_does(app, users, demo):
    viewer, translator = app.test_client(), app.test_client()
    login(viewer, "viewer")
    login(translator, "translator")
    url = f"/alignments/{demo.alignment_id}"
    assert 'data-act="merge"' not in viewer.get(url).get_data(as_text=True)
    html = translator.get(url).get_data(as_text=True)
    assert 'data-act="merge"' in html and 'data-act="edit"' not in html


def test_paging_keeps_the_page_small(app, client, demo):
    app.config["REVIEW_PAGE_SIZE"] = 3
    url = f"/alignments/{demo.alignment_id}"
    assert rows(client.get(url).get_data(as_text=True)) == ["1", "2", "3"]
    assert rows(client.get(url + "?p=3").get_data(as_text=True)) == ["7"]
    assert rows(client.get(url + "?p=99").get_data(as_text=True)) == ["7"]
    jump = client.get(url + "?bead=5")
    assert jump.status_code == 302 and jump.headers["Location"].endswith("p=2#b5")


@pytest.mark.parametrize("query, expected", [
    ("order=score", ["5", "3", "7", "4", "6", "2", "1"]),
    ("shape=skip", ["5"]),
    ("status=confirmed", []),
    ("q=астана", ["2"]),              # case-insensitive, in Kazakh and in Russian
    ("q=АСТАНА&lang=ru", ["2"]),
    ("q=казах&lang=kk", []),          # Kazakh letters stay distinct: қазақ is not казах
    ("q=қазақ&lang=kk", ["1", "3"]),  # Қазақстан and қазақ
    ("q=1995", ["6"]),
])
def test_filters_and_search(client, demo, query, expected):
    html = client.get(f"/alignments/{demo.alignment_id}?{query}").get_data(as_text=True)
    assert rows(html) == expected


def test_beads_with_findings_filter(client, sessions, demo):
    with transaction(sessions) as s:
        s.add(Finding(edition_id=demo.ru_edition_id, check_id="numbers", key="k", severity="major",
                      message="number differs", segment_position=4))
    html = client.get(f"/alignments/{demo.alignment_id}?findings=1").get_data(as_text=True)
    assert rows(html) == ["4"] and "⚑ 1" in html


def test_jump_to_a_page_of_the_book_and_to_a_heading(client, demo):
    url = f"/alignments/{demo.alignment_id}"
    response = client.get(url + "?book_page=2")
    assert response.status_code == 302 and response.headers["Location"].endswith("#b5")
    assert client.get(url + "?heading=1").headers["Location"].endswith("#b1")
    assert KK[0][:20] in client.get(url).get_data(as_text=True).split('name="heading"')[1]


def test_merge_through_the_api_and_the_page_shows_it(as_user, client, session, demo):
    api = as_user("translator")
    b1 = session.scalar(select(Bead).where(Bead.position == 1))
    response = api.post(f"/beads/{b1.id}/merge", {"version": b1.version, "next_version": 1})
    assert response.status_code == 200, response.get_json()
    html = client.get(f"/alignments/{demo.alignment_id}").get_data(as_text=True)
    assert len(rows(html)) == 6 and ">2-2<" in html


def test_merge_of_the_last_row_of_a_page_works_without_the_neighbours_version(as_user, session, demo):
    api = as_user("translator")
    b3 = session.scalar(select(Bead).where(Bead.position == 3))
    response = api.post(f"/beads/{b3.id}/merge", {"version": b3.version, "next_version": None})
    assert response.status_code == 200, response.get_json()


def test_stale_version_gets_409_with_message_and_current_state(as_user, session, demo):
    ann, bob = as_user("translator"), as_user("admin")
    b1 = session.scalar(select(Bead).where(Bead.position == 1))
    assert bob.post(f"/beads/{b1.id}/confirm", {"version": b1.version}).status_code == 200
    response = ann.post(f"/beads/{b1.id}/comment", {"version": b1.version, "text": "моё"})
    assert response.status_code == 409
    body = response.get_json()
    assert "changed by admin" in body["error"] and "nothing was saved" in body["error"]
    assert body["current"]["status"] == "confirmed" and body["current"]["kk_text"] == [KK[0]]
    session.expire_all()
    assert session.get(Bead, b1.id).comment is None


def test_bad_input_is_a_400_with_a_message(as_user, session, demo):
    api = as_user("translator")
    b1 = session.scalar(select(Bead).where(Bead.position == 1))
    assert api.post(f"/beads/{b1.id}/split", {"version": b1.version, "kk": 1, "ru": 1}).status_code == 400
    assert api.post(f"/beads/{b1.id}/split", {"version": "1", "kk": 1, "ru": 0}).status_code == 400
    assert api.post("/undo").get_json()["error"] == "nothing to undo"
    assert api.post("/confirm-above", {"score": "lots"}).status_code == 400


def test_edit_text_undo_and_bead_history(as_user, client, session, demo):
    editor = as_user("editor")
    seg = session.scalar(select(Segment).where(Segment.edition_id == demo.kk_edition_id, Segment.position == 1))
    assert editor.post(f"/segments/{seg.id}/text", {"version": seg.version, "text": "Түзетілді."}).status_code == 200
    b1 = session.scalar(select(Bead).where(Bead.position == 1))
    history = client.get(f"/alignments/{demo.alignment_id}/api/beads/{b1.id}/history").get_json()["changes"]
    assert history[0]["user"] == "editor" and history[0]["before"] == KK[0] and history[0]["after"] == "Түзетілді."
    html = client.get(f"/alignments/{demo.alignment_id}").get_data(as_text=True)
    assert "Түзетілді." in html and "edited" in html
    assert editor.post("/undo").status_code == 200
    assert KK[0] in client.get(f"/alignments/{demo.alignment_id}").get_data(as_text=True)
    page = client.get(f"/alignments/{demo.alignment_id}/history").get_data(as_text=True)
    assert "edit-text" in page and "undo" in page


@pytest.mark.parametrize("fmt, marker", [("tmx", b"<tmx"), ("xliff", b"<xliff"), ("po", 'msgctxt "kk 1 p. 1 · ru 1 p. 1"'.encode()),
                                         ("tsv", b"position\tkk\tru")])
def test_export_download(client, demo, fmt, marker):
    response = client.get(f"/alignments/{demo.alignment_id}/export?format={fmt}")
    assert response.status_code == 200 and marker in response.data
    assert f"alignment-{demo.alignment_id}." in response.headers["Content-Disposition"]


def test_import_upload_creates_an_alignment(app, users, client):
    token = login(client, "editor")
    data = "position\tkk\tru\n1\tБір.\tОдин.\n2\tЕкі.\t\n".encode()
    response = client.post("/alignments/import", data={"csrf_token": token, "file": (io.BytesIO(data), "x.tsv")},
                           content_type="multipart/form-data")
    assert response.status_code == 302
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert rows(html) == ["1", "2"] and ">1-0<" in html


def test_import_of_a_broken_file_says_what_is_wrong(app, users, client):
    token = login(client, "editor")
    response = client.post("/alignments/import", data={"csrf_token": token,
                                                       "file": (io.BytesIO(b"<tmx><body>"), "x.tmx")},
                           content_type="multipart/form-data", follow_redirects=True)
    assert "x.tmx:1: not well-formed XML" in response.get_data(as_text=True)


def test_login_wrong_password_and_logout(app, users, client):
    from review_builders import csrf_of
    token = csrf_of(client)
    bad = client.post("/auth/login", data={"name": "viewer", "password": "nope", "csrf_token": token})
    assert bad.status_code == 401 and "Wrong user name or password" in bad.get_data(as_text=True)
    token = login(client, "viewer")
    assert "viewer · viewer" in client.get("/alignments/").get_data(as_text=True)
    assert client.post("/auth/logout", data={"csrf_token": token}).status_code == 302
    after = client.get("/alignments/")
    assert after.status_code == 302 and after.headers["Location"].startswith("/auth/login")


def test_login_does_not_redirect_off_site(app, users, client):
    from review_builders import csrf_of
    response = client.post("/auth/login", data={"name": "viewer", "password": "correct horse battery",
                                                "csrf_token": csrf_of(client), "next": "//evil.example/"})
    assert response.headers["Location"] == "/"


def test_admin_adds_a_user_who_can_then_log_in(app, users, client):
    token = login(client, "admin")
    response = client.post("/auth/users", data={"csrf_token": token, "name": "aigerim",
                                                "password": "ұзын құпия сөз", "role": "translator"})
    assert response.status_code == 302
    assert "aigerim" in client.get("/auth/users").get_data(as_text=True)
    login(app.test_client(), "aigerim", "ұзын құпия сөз")


def test_review_of_an_unknown_alignment_is_404(client):
    assert client.get("/alignments/999").status_code == 404


def test_big_page_of_an_imported_pair_renders(client, sessions):
    with transaction(sessions) as s:
        kk = add_edition(s, "Үлкен", "kk", [f"Сөйлем {i}." for i in range(1, 301)], pages=10)
        ru = add_edition(s, "Үлкен", "ru", [f"Предложение {i}." for i in range(1, 301)], pages=10)
        aid = add_alignment(s, kk, ru, [((i, i + 1), (i, i + 1), 0.9) for i in range(1, 301)]).id
    html = client.get(f"/alignments/{aid}?p=3").get_data(as_text=True)
    assert rows(html)[0] == "101" and "page 3 of 6" in html


def test_glossary_terms_are_marked_with_the_other_language_on_hover(client, sessions, demo):
    from workbench.models import GlossaryEntry, GlossaryTerm
    with transaction(sessions) as s:
        entry = GlossaryEntry(id="rk", approval="approved")
        entry.terms = [GlossaryTerm(lang="kk", text="Қазақстан Республикасы", folded="қазақстан республикасы"),
                       GlossaryTerm(lang="ru", text="Республика Казахстан", folded="республика казахстан")]
        s.add(entry)
    html = client.get(f"/alignments/{demo.alignment_id}").get_data(as_text=True)
    assert '<mark class="term" title="ru: Республика Казахстан">Қазақстан Республикасы</mark>' in html
    assert '<mark class="term" title="kk: Қазақстан Республикасы">Республика Казахстан</mark>' in html


def test_search_hits_are_marked_and_still_escaped(client, session, demo):
    seg = session.scalar(select(Segment).where(Segment.edition_id == demo.ru_edition_id, Segment.position == 2))
    seg.text = "Столица <b>— город</b> Астана."
    session.commit()
    html = client.get(f"/alignments/{demo.alignment_id}?q=астана").get_data(as_text=True)
    assert '<mark class="hit">Астана</mark>' in html and "&lt;b&gt;— город&lt;/b&gt;" in html


def test_confirm_above_count_pair_and_sentence_search_endpoints(app, client, demo, users):
    from review_builders import login

    base = f"/alignments/{demo.alignment_id}/api"
    assert client.get(f"{base}/confirm-above/count?score=0.85").get_json()["count"] == 3
    assert client.get(f"{base}/confirm-above/count?score=x").status_code == 400
    found = client.get(f"{base}/sentences?lang=ru&q=Астана").get_json()["sentences"]
    assert [s["n"] for s in found] == [2]
    assert client.get(f"{base}/sentences?lang=de&q=1").status_code == 400
    token = login(client, "translator")
    paired = client.post(f"{base}/pair", json={"kk": 2, "ru": 4}, headers={"X-CSRF-Token": token})
    assert paired.status_code == 200, paired.get_json()
    refused = client.post(f"{base}/pair", json={"kk": 2, "ru": "4"}, headers={"X-CSRF-Token": token})
    assert refused.status_code == 400
    # The jump by sentence number lands on the bead holding it.
    from workbench.db import transaction
    from workbench.models import Bead
    from sqlalchemy import select
    with transaction(app.extensions["workbench.sessions"]) as s:
        pair = s.scalar(select(Bead).where(Bead.alignment_id == demo.alignment_id, Bead.status == "confirmed"))
        assert (pair.kk_start, pair.ru_start) == (2, 4)
        position = pair.position
    jump = client.get(f"/alignments/{demo.alignment_id}?side=ru&sentence=4")
    assert jump.status_code == 302 and jump.headers["Location"].endswith(f"#b{position}")


def test_exports_name_beads_by_the_sentence_numbers_of_the_page(client, demo):
    po = client.get(f"/alignments/{demo.alignment_id}/export?format=po").get_data(as_text=True)
    assert 'msgctxt "kk 5 p. 2 · ru –"' in po and 'msgctxt "kk 6 p. 2 · ru 5 p. 2"' in po
    tmx = client.get(f"/alignments/{demo.alignment_id}/export?format=tmx").get_data(as_text=True)
    assert '<prop type="x-kk-sentences">6</prop>' in tmx and '<prop type="x-ru-sentences">5</prop>' in tmx
    page = client.get(f"/alignments/{demo.alignment_id}").get_data(as_text=True)
    assert 'data-label="kk 6 · ru 5"' in page


@pytest.mark.parametrize("score", ["nan", "inf", "-1", "5", "", "1e400"])
def test_confirm_above_refuses_a_score_outside_0_to_1_on_both_endpoints(client, demo, users, score):
    base = f"/alignments/{demo.alignment_id}/api"
    counted = client.get(f"{base}/confirm-above/count?score={score}")
    assert counted.status_code == 400 and "between 0 and 1" in counted.get_json()["error"]
    token = login(client, "translator")
    confirmed = client.post(f"{base}/confirm-above", json={"score": score}, headers={"X-CSRF-Token": token})
    assert confirmed.status_code == 400 and "between 0 and 1" in confirmed.get_json()["error"]


def test_confirm_above_errors_are_in_the_readers_language(client, demo, users):
    base = f"/alignments/{demo.alignment_id}/api"
    answer = client.get(f"{base}/confirm-above/count?score=x", headers={"Accept-Language": "ru"}).get_json()
    assert answer["error_en"] == "the score threshold is between 0 and 1"
    assert answer["error"] != answer["error_en"]


def test_undo_redo_and_the_history_name_the_change_in_the_readers_language(as_user, client, session, demo):
    api = as_user("translator")
    api.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ru"
    b1 = session.scalar(select(Bead).where(Bead.position == 1))
    assert api.post(f"/beads/{b1.id}/confirm", {"version": b1.version}).status_code == 200
    assert api.post("/undo").get_json()["result"] == "отменено: подтверждение"
    assert api.post("/redo").get_json()["result"] == "повторено: подтверждение"
    page = api.client.get(f"/alignments/{demo.alignment_id}/history").get_data(as_text=True)
    assert "<td>подтверждение</td>" in page and "<td>отменить</td>" in page and ">confirm<" not in page
    history = api.client.get(f"/alignments/{demo.alignment_id}/api/beads/{b1.id}/history").get_json()["changes"]
    whats = {c["action"]: c["what"] for c in history}
    assert whats["confirm"] == "подтверждение" and whats["redo"] == "повторить"
    # English readers get the English words, the command line and scripts the action's id.
    assert client.post(f"/alignments/{demo.alignment_id}/api/undo").status_code in (400, 401, 403)
    english = as_user("translator")
    assert english.post("/undo").get_json()["result"] == "undid confirm"
