"""The Import and Align pages, and the buttons that now start jobs (checks, harvest, re-align)."""
from __future__ import annotations

import io

from sqlalchemy import select

from workbench.models import Alignment, Bead, Edition, Job

from corpus_paths import CORPORA
from review_builders import login

LAW = CORPORA / "law_state_independence_1991"


def upload(client, token, lang, path, title=None):
    data = {"csrf_token": token, "lang": lang, "file": (io.BytesIO(path.read_bytes()), path.name)}
    if title:
        data["title"] = title
    return client.post("/editions/import", data=data, content_type="multipart/form-data")


def test_import_page_starts_a_job_and_shows_its_progress(client, anonymous, users, session, run_jobs):
    assert anonymous.get("/editions/import").status_code == 302, "log in first"
    token = login(client, "translator")
    page = client.get("/editions/import").get_data(as_text=True)
    assert 'name="file"' in page and 'class="job-form stacked"' in page and "<script>" not in page
    assert "a PDF with a text layer or a DOCX" in page, "the page says which files it takes"
    response = upload(client, token, "kk", LAW / "kk.raw.txt", "Заң")
    assert response.status_code == 303
    job = session.scalar(select(Job))
    assert response.headers["Location"].endswith(f"/editions/import?job={job.id}")
    waiting = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f'data-status="/jobs/{job.id}/status"' in waiting and "disabled" in waiting
    assert client.get(f"/jobs/{job.id}/status").get_json()["state"] == "queued"
    russian = client.get(f"/jobs/{job.id}/status", headers={"Accept-Language": "ru"}).get_json()
    assert (russian["state"], russian["state_label"]) == ("queued", "в очереди"), "the bar names the state"
    assert "в очереди" in client.get(f"/jobs/{job.id}", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    shown = client.get(f"/jobs/{job.id}").get_data(as_text=True)
    assert "Import of kk.raw.txt" in shown and 'data-follow="1"' in shown
    run_jobs()
    status = client.get(f"/jobs/{job.id}/status").get_json()
    edition = session.scalar(select(Edition))
    assert status["state"] == "done" and status["url"] == f"/editions/{edition.id}?job={job.id}"
    assert status["progress"] == 1.0 and status["message"].startswith(f"edition {edition.id}: Заң")
    assert edition.source_name == "kk.raw.txt"


def test_an_import_lands_on_the_edition_saying_what_the_import_did(client, users, session, run_jobs):
    """The clean-up report after an import; and a file imported before (under another title) says so on the
    edition it lands on, instead of showing an edition of another title without a word."""
    token = login(client, "translator")
    first = upload(client, token, "kk", LAW / "kk.raw.txt", "Заң")
    run_jobs()
    first_job = int(first.headers["Location"].rsplit("=", 1)[1])
    landing = client.get(client.get(f"/jobs/{first_job}/status").get_json()["url"]).get_data(as_text=True)
    edition = session.scalar(select(Edition))
    assert f"edition {edition.id}: Заң [kk] from kk.raw.txt" in landing
    again = upload(client, token, "kk", LAW / "kk.raw.txt", "Басқа атау")
    run_jobs()
    job_id = int(again.headers["Location"].rsplit("=", 1)[1])
    url = client.get(f"/jobs/{job_id}/status").get_json()["url"]
    assert url.startswith(f"/editions/{edition.id}?")
    page = client.get(url, headers={"Accept-Language": "ru"}).get_data(as_text=True)
    assert f"kk.raw.txt: уже импортирован как издание {edition.id}" in page, page[:3000]
    # A job of another edition, or of another kind, adds nothing to the page.
    other = client.get(f"/editions/{edition.id}?job=999").get_data(as_text=True)
    assert "already imported" not in other and "from kk.raw.txt" not in other


def test_import_page_refuses_bad_input_with_one_line(client, app, users, session):
    token = login(client, "translator")
    bad = client.post("/editions/import", data={"csrf_token": token, "lang": "de",
                                                "file": (io.BytesIO(b"x"), "a.txt")})
    assert bad.status_code == 400 and "unknown language code" in bad.get_data(as_text=True)
    app.config["MAX_IMPORT_BYTES"] = 100
    big = client.post("/editions/import", data={"csrf_token": token, "lang": "kk",
                                                "file": (io.BytesIO(b"a" * 200), "big.txt")})
    assert big.status_code == 413 and "big.txt: file is over the import limit of 100 bytes" in big.get_data(as_text=True)
    assert session.scalar(select(Job)) is None


def test_a_viewer_may_not_import_or_align(client, users):
    login(client, "viewer")
    assert client.get("/editions/import").status_code == 403
    assert client.get("/editions/align").status_code == 403


def test_align_page_aligns_a_range_and_lands_on_the_review(client, users, session, run_jobs):
    token = login(client, "translator")
    upload(client, token, "kk", LAW / "kk.raw.txt")
    upload(client, token, "ru", LAW / "ru.raw.txt")
    run_jobs()
    kk, ru = (session.scalar(select(Edition).where(Edition.lang == lang)) for lang in ("kk", "ru"))
    page = client.get("/editions/align").get_data(as_text=True)
    assert f'<option value="{kk.id}"' in page and f'<option value="{ru.id}"' in page
    wrong = client.post("/editions/align", data={"csrf_token": token, "kk": ru.id, "ru": kk.id})
    assert wrong.status_code == 400 and "choose a Kazakh edition" in wrong.get_data(as_text=True)
    bad_range = client.post("/editions/align", data={"csrf_token": token, "kk": kk.id, "ru": ru.id,
                                                     "kk_first_page": "x"})
    assert bad_range.status_code == 400 and "no page is printed “x”" in bad_range.get_data(as_text=True)
    started = client.post("/editions/align", data={"csrf_token": token, "kk": kk.id, "ru": ru.id,
                                                   "kk_heading": "", "ru_first_page": "", "ru_last_page": ""})
    assert started.status_code == 303
    shown = client.get(started.headers["Location"]).get_data(as_text=True)
    assert 'id="start-align" data-job-button disabled' in shown
    run_jobs()
    job = session.scalar(select(Job).where(Job.kind == "align"))
    alignment = session.scalar(select(Alignment))
    status = client.get(f"/jobs/{job.id}/status").get_json()
    assert status["state"] == "done" and status["url"] == f"/alignments/{alignment.id}"
    again = client.get(started.headers["Location"]).get_data(as_text=True)
    assert 'id="start-align" data-job-button>' in again, "the button is enabled again"


def test_run_checks_harvest_and_realign_are_jobs(client, users, demo, session, run_jobs):
    token = login(client, "editor")
    checks = client.post(f"/editions/{demo.kk_edition_id}/errata/run", data={"csrf_token": token})
    assert checks.status_code == 303 and "job=" in checks.headers["Location"]
    page = client.get(checks.headers["Location"]).get_data(as_text=True)
    assert "Run the checks" in page and "disabled" in page
    realign = client.post(f"/alignments/{demo.alignment_id}/api/realign", json={}, headers={"X-CSRF-Token": token})
    assert realign.status_code == 202
    status_url = realign.get_json()["status"]
    review = client.get(f"/alignments/{demo.alignment_id}").get_data(as_text=True)
    assert 'id="realign" data-job-button' in review and f'data-status="{status_url}"' in review
    before = session.scalars(select(Bead.id)).all()
    assert len(run_jobs()) == 2
    assert {j.state for j in session.scalars(select(Job))} == {"done"}
    assert client.get(status_url).get_json()["url"] == f"/alignments/{demo.alignment_id}"
    assert session.scalars(select(Bead.id)).all() != [] and before
    jobs_page = client.get("/jobs/").get_data(as_text=True)
    assert "realign" in jobs_page and "check" in jobs_page


def test_page_and_heading_ranges_become_sentence_ranges(demo, session):
    from workbench.errors import NotFound
    from workbench.services.editions import sentence_range

    # The demo's Kazakh sentences 1–4 stand on page 1, 5–7 on page 2; sentence 1 is the only heading.
    assert sentence_range(session, demo.kk_edition_id) is None
    assert sentence_range(session, demo.kk_edition_id, 2, None) == (5, 7)
    assert sentence_range(session, demo.kk_edition_id, None, 1) == (1, 4)
    assert sentence_range(session, demo.kk_edition_id, heading=1) == (1, 7)
    try:
        sentence_range(session, demo.kk_edition_id, 9, 12)
    except NotFound as error:
        assert str(error) == f"edition {demo.kk_edition_id} has no sentence on pages 9–12"
    else:
        raise AssertionError("pages without sentences are refused")


def test_a_page_that_is_not_printed_is_named_as_the_form_names_it(client, users, demo):
    token = login(client, "translator")
    for language, expected in (("en", "Kazakh: “from page”: no page is printed “abc”"),
                               ("kk", "Қазақша: «мына беттен»: «abc» деп басылған бет жоқ"),
                               ("ru", "Русский: «по страницу»: нет страницы с номером «abc»")):
        side, field = ("ru", "last_page") if language == "ru" else ("kk", "first_page")
        page = client.post("/editions/align", headers={"Accept-Language": language}, data={
            "csrf_token": token, "kk": demo.kk_edition_id, "ru": demo.ru_edition_id, f"{side}_{field}": "abc"})
        assert page.status_code == 400 and expected in page.get_data(as_text=True), language
    heading = client.post("/editions/align", data={"csrf_token": token, "kk": demo.kk_edition_id,
                                                   "ru": demo.ru_edition_id, "kk_heading": "abc"})
    assert heading.status_code == 400
    assert "Kazakh: “or the part under a heading” must be a whole number" in heading.get_data(as_text=True)


def test_the_part_under_a_numbered_section_takes_its_articles_along(run_in, session, tmp_path):
    """«І бөлім» of the constitution runs to «II бөлім», not to its first article «1-бап»."""
    from workbench.services.editions import sentence_range
    from workbench.services.importing import import_file
    from workbench.models import Segment

    edition = run_in(import_file, CORPORA / "constitution_2026" / "kk.raw.txt", "kk", "Конституция").edition
    headings = {s.text: s.position for s in session.scalars(select(Segment).where(
        Segment.edition_id == edition.id, Segment.is_heading.is_(True)))}
    first = next(p for t, p in headings.items() if t.startswith("І бөлім"))
    second = next(p for t, p in headings.items() if t.startswith("II бөлім"))
    assert sentence_range(session, edition.id, heading=first) == (first, second - 1)
    article = headings["1-бап"]
    assert sentence_range(session, edition.id, heading=article) == (article, headings["2-бап"] - 1)


def test_a_refused_part_is_shown_again_to_be_corrected(client, users, demo):
    token = login(client, "translator")
    page = client.post("/editions/align", data={
        "csrf_token": token, "kk": demo.kk_edition_id, "ru": demo.ru_edition_id,
        "kk_first_page": "9", "kk_last_page": "12"}).get_data(as_text=True)
    assert "has no sentence on pages 9–12" in page
    assert 'name="kk_first_page" size="5" value="9"' in page
    assert 'name="kk_last_page" size="5" value="12"' in page
    assert 'name="ru_first_page" size="5" value=""' in page
    assert page.count("<details open>") == 1, "the side with the part asked for is open"
