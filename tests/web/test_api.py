"""The JSON API: tokens, roles, every endpoint and error, and the whole path from upload to TMX."""
from __future__ import annotations

import io
import json
import time

import pytest
from lxml import etree
from sqlalchemy import func, select

from workbench.db import transaction
from workbench.models import ApiToken, Bead, Change
from workbench.services import jobs
from workbench.services.tokens import create_token

from corpus_paths import CORPORA
from printed_pdf import lay_out


@pytest.fixture
def tokens(sessions, users) -> dict[str, str]:
    with transaction(sessions) as s:
        return {role: create_token(s, role) for role in users}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def run_jobs(app) -> list[int]:
    return jobs.Worker(app.extensions["workbench.sessions"], app.config).run_until_idle()


def test_users_token_prints_a_token_whose_hash_alone_is_stored(cli_runner, users, client, session, demo):
    out = cli_runner.invoke(__import__("workbench.cli.main", fromlist=["cli"]).cli, ["users", "token", "viewer"])
    assert out.exit_code == 0, out.output
    token = out.output.strip()
    assert token.startswith("wb_") and len(token) > 40
    stored = session.scalars(select(ApiToken.digest)).all()
    assert token not in stored and len(stored) == 1
    assert client.get(f"/api/alignments/{demo.alignment_id}/beads", headers=bearer(token)).status_code == 200
    missing = cli_runner.invoke(__import__("workbench.cli.main", fromlist=["cli"]).cli, ["users", "token", "nobody"])
    assert missing.exit_code == 1 and "no user 'nobody'" in missing.output


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wb_wrong"}, {"Authorization": "Basic YTpi"},
                                     {"Authorization": "Bearer "}])
def test_a_missing_or_wrong_token_is_401(anonymous, demo, tokens, headers):
    response = anonymous.get(f"/api/alignments/{demo.alignment_id}/beads", headers=headers)
    assert response.status_code == 401
    assert "error" in response.get_json()


def test_a_viewer_reads_but_may_not_change_a_bead_or_start_work(client, demo, tokens):
    h = bearer(tokens["viewer"])
    bead = client.get(f"/api/alignments/{demo.alignment_id}/beads", headers=h).get_json()[0]
    response = client.post(f"/api/beads/{bead['id']}", json={"action": "confirm", "version": bead["version"]}, headers=h)
    assert response.status_code == 403
    assert "your role (viewer)" in response.get_json()["error"]
    assert client.post("/api/alignments", json={"kk": demo.kk_edition_id, "ru": demo.ru_edition_id}, headers=h).status_code == 403


def test_token_requests_need_no_csrf_token_but_cookie_requests_do(client, demo, tokens, users):
    bead = client.get(f"/api/alignments/{demo.alignment_id}/beads", headers=bearer(tokens["translator"])).get_json()[0]
    body = {"action": "confirm", "version": bead["version"]}
    from review_builders import login
    login(client, "translator")
    refused = client.post(f"/api/beads/{bead['id']}", json=body)
    assert refused.status_code == 400 and "CSRF" in refused.get_json()["error"]
    ok = client.post(f"/api/beads/{bead['id']}", json=body, headers=bearer(tokens["translator"]))
    assert ok.status_code == 200 and ok.get_json()["confirmed"] is True


def test_sentences_give_the_page_as_printed_beside_its_position(client, tokens, run_in, tmp_path):
    from workbench.services.importing import import_file

    body = ["Бірінші бөлім. Мемлекет халыққа қызмет етеді.", "Екінші бөлім. Заң бәріне бірдей."]
    pdf = lay_out(body, tmp_path / "labels.pdf", "Заң", front_matter=["Заң", "Мазмұны"])
    assert pdf.labels[:3] == ["i", "ii", "1"]
    edition = run_in(import_file, pdf.path, "kk", "Заң").edition.id
    rows = client.get(f"/api/editions/{edition}/sentences", headers=bearer(tokens["viewer"])).get_json()
    assert [(r["page"], r["page_label"]) for r in rows][:2] == [(1, "i"), (2, "ii")]
    assert all(r["page_label"] == pdf.labels[r["page"] - 1] for r in rows)
    assert rows[-1]["page"] == 3 and rows[-1]["page_label"] == "1"


def test_beads_sentences_and_paging(client, demo, tokens):
    h = bearer(tokens["viewer"])
    beads = client.get(f"/api/alignments/{demo.alignment_id}/beads", headers=h).get_json()
    assert len(beads) == 7
    assert set(beads[0]) == {"id", "position", "kk", "ru", "score", "confirmed", "version"}
    assert beads[0]["kk"] == [1] and beads[0]["confirmed"] is False
    assert any(b["ru"] == [] for b in beads), "the 1-0 bead has no Russian sentence"
    page = client.get(f"/api/alignments/{demo.alignment_id}/beads?offset=2&limit=3", headers=h).get_json()
    assert [b["id"] for b in page] == [b["id"] for b in beads[2:5]]
    kk = client.get(f"/api/editions/{demo.kk_edition_id}/sentences", headers=h).get_json()
    assert kk[0]["n"] == 1 and set(kk[0]) == {"n", "page", "page_label", "text"}
    numbers = sorted(n for b in beads for n in b["kk"])
    assert numbers == [s["n"] for s in kk]
    for url in ("/api/alignments/999/beads", "/api/editions/999/sentences", "/api/jobs/999",
                "/api/alignments/999/export?format=tmx", "/api/nowhere"):
        response = client.get(url, headers=h)
        assert response.status_code == 404 and "error" in response.get_json(), url
    for query in ("limit=0", "limit=5000", "offset=-1", "limit=ten"):
        assert client.get(f"/api/alignments/{demo.alignment_id}/beads?{query}", headers=h).status_code == 400


def test_confirm_and_a_stale_version_is_409_with_the_current_bead(client, demo, tokens, session):
    h = bearer(tokens["translator"])
    bead = client.get(f"/api/alignments/{demo.alignment_id}/beads", headers=h).get_json()[0]
    ok = client.post(f"/api/beads/{bead['id']}", json={"action": "confirm", "version": bead["version"]}, headers=h)
    assert ok.status_code == 200
    now = ok.get_json()
    assert now["confirmed"] is True and now["version"] == bead["version"] + 1
    stale = client.post(f"/api/beads/{bead['id']}", json={"action": "unconfirm", "version": bead["version"]}, headers=h)
    assert stale.status_code == 409
    assert stale.get_json()["bead"] == now
    assert "nothing was saved" in stale.get_json()["error"]
    changes = session.scalars(select(Change).where(Change.target_id == bead["id"], Change.target_type == "bead")).all()
    assert [(c.action, c.user) for c in changes] == [("confirm", "translator")]
    back = client.post(f"/api/beads/{bead['id']}", json={"action": "unconfirm", "version": now["version"]}, headers=h)
    assert back.status_code == 200 and back.get_json()["confirmed"] is False


@pytest.mark.parametrize("body", [{"action": "merge", "version": 1}, {"action": "confirm"},
                                  {"action": "confirm", "version": "1"}, [1, 2]])
def test_bad_bead_requests_are_400(client, demo, tokens, body):
    h = bearer(tokens["translator"])
    bead = client.get(f"/api/alignments/{demo.alignment_id}/beads", headers=h).get_json()[0]
    response = client.post(f"/api/beads/{bead['id']}", json=body, headers=h)
    assert response.status_code == 400 and response.get_json()["error"]


def test_unknown_bead_is_404(client, demo, tokens):
    response = client.post("/api/beads/99999", json={"action": "confirm", "version": 1},
                           headers=bearer(tokens["translator"]))
    assert response.status_code == 404


def test_upload_errors(client, app, demo, tokens, session):
    h = bearer(tokens["translator"])
    no_file = client.post("/api/editions", data={"lang": "kk"}, headers=h)
    assert no_file.status_code == 400 and "choose a file" in no_file.get_json()["error"]
    bad_lang = client.post("/api/editions", data={"lang": "en", "file": (io.BytesIO(b"text"), "a.txt")}, headers=h)
    assert bad_lang.status_code == 400 and "unknown language code 'en'" in bad_lang.get_json()["error"]
    app.config["MAX_IMPORT_BYTES"] = limit = 2000  # small, so the test client keeps the body in memory
    big = client.post("/api/editions", data={"lang": "kk", "file": (io.BytesIO(b"a" * (limit + 1)), "big.txt")},
                      headers=h)
    assert big.status_code == 413
    assert big.get_json()["error"] == f"big.txt: file is over the import limit of {limit:,} bytes"
    app.config["MAX_CONTENT_LENGTH"] = 1000
    huge = client.post("/api/editions", data={"lang": "kk", "file": (io.BytesIO(b"a" * 5000), "huge.txt")}, headers=h)
    assert huge.status_code == 413 and "size limit" in huge.get_json()["error"]
    assert jobs.recent_jobs(session) == []


def test_align_request_errors(client, demo, tokens):
    h = bearer(tokens["translator"])
    assert client.post("/api/alignments", data="kk=1", headers=h).status_code == 400
    assert client.post("/api/alignments", json={"kk": demo.kk_edition_id}, headers=h).status_code == 400
    assert client.post("/api/alignments", json={"kk": demo.kk_edition_id, "ru": 999}, headers=h).status_code == 404
    same = client.post("/api/alignments", json={"kk": demo.kk_edition_id, "ru": demo.kk_edition_id}, headers=h)
    assert same.status_code == 400 and "a Kazakh and a Russian edition" in same.get_json()["error"]


def test_export_formats_and_errors(client, demo, tokens):
    h = bearer(tokens["viewer"])
    for fmt in ("tmx", "xliff", "po", "tsv"):
        response = client.get(f"/api/alignments/{demo.alignment_id}/export?format={fmt}", headers=h)
        assert response.status_code == 200 and response.data, fmt
    bad = client.get(f"/api/alignments/{demo.alignment_id}/export?format=docx", headers=h)
    assert bad.status_code == 400 and "unknown format 'docx'" in bad.get_json()["error"]


def test_a_failed_import_job_reports_its_message(client, app, demo, tokens):
    h = bearer(tokens["translator"])
    response = client.post("/api/editions", data={"lang": "kk", "file": (io.BytesIO(b"\x00\x01\xff" * 50), "x.txt")},
                           headers=h)
    assert response.status_code == 202
    run_jobs(app)
    job = client.get(response.get_json()["job"], headers=h).get_json()
    assert job["state"] == "failed" and job["message"].startswith("x.txt") and job["result"] is None


def wait_for(client, url, headers, seen):
    deadline = time.monotonic() + 300  # a guard against a hung worker, not a speed requirement
    while time.monotonic() < deadline:
        job = client.get(url, headers=headers).get_json()
        seen.append((job["state"], job["progress"]))
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"{url} did not finish: {seen[-1]}")


def test_end_to_end_upload_align_review_and_export(client, app, tokens, session):
    h = bearer(tokens["translator"])
    worker = jobs.Worker(app.extensions["workbench.sessions"], app.config, poll=0.05)
    thread, stop = worker.start_thread()
    try:
        editions, seen = {}, []
        for lang in ("kk", "ru"):
            data = (CORPORA / "constitution_2026" / f"{lang}.raw.txt").read_bytes()
            response = client.post("/api/editions", headers=h, data={
                "lang": lang, "title": f"Конституция {lang}", "file": (io.BytesIO(data), f"constitution.{lang}.txt")})
            assert response.status_code == 202
            assert response.headers["Location"] == response.get_json()["job"]
            job = wait_for(client, response.get_json()["job"], h, seen)
            assert job["state"] == "done", job["message"]
            editions[lang] = job["result"]["edition"]
        sentences = client.get(f"/api/editions/{editions['kk']}/sentences", headers=h).get_json()
        assert len(sentences) > 100 and sentences[0]["n"] == 1
        started = client.post("/api/alignments", json={"kk": editions["kk"], "ru": editions["ru"]}, headers=h)
        assert started.status_code == 202
        seen = []
        job = wait_for(client, started.get_json()["job"], h, seen)
        assert job["state"] == "done", job["message"]
        assert job["progress"] == 1.0 and job["kind"] == "align"
        assert all(0.0 <= p <= 1.0 for _, p in seen)
        alignment = job["result"]["alignment"]
    finally:
        stop.set()
        thread.join()
    beads = client.get(f"/api/alignments/{alignment}/beads?limit=1000", headers=h).get_json()
    assert sorted(n for b in beads for n in b["kk"]) == list(range(1, len(sentences) + 1))
    first = beads[0]
    confirmed = client.post(f"/api/beads/{first['id']}", json={"action": "confirm", "version": first["version"]},
                            headers=h)
    assert confirmed.status_code == 200
    stale = client.post(f"/api/beads/{first['id']}", json={"action": "confirm", "version": first["version"]},
                        headers=h)
    assert stale.status_code == 409 and stale.get_json()["bead"]["version"] == first["version"] + 1
    assert session.scalar(select(func.count()).select_from(Change).where(
        Change.target_id == first["id"], Change.target_type == "bead")) == 1
    tmx = client.get(f"/api/alignments/{alignment}/export?format=tmx", headers=h)
    assert tmx.status_code == 200
    root = etree.fromstring(tmx.data)
    assert len(root.findall(".//tu")) > 100
    only = client.get(f"/api/alignments/{alignment}/export?format=tmx&confirmed_only=1", headers=h)
    assert len(etree.fromstring(only.data).findall(".//tu")) == 1
    assert json.loads(client.get(f"/api/alignments/{alignment}/beads?limit=1", headers=h).data)[0]["confirmed"]
    assert session.scalar(select(func.count()).select_from(Bead).where(Bead.alignment_id == alignment)) == len(beads)
