"""Errors and job messages of the services in the reader's language: pages, the JSON API, the job bar;
the command line and the logs stay English."""
from __future__ import annotations

import io
import json

from review_builders import login
from sqlalchemy import select

from workbench.cli.main import cli
from workbench.errors import N_, InputError, Message, NotFound
from workbench.models import Job
from workbench.services import jobs
from workbench.web.i18n import translate


def test_a_service_error_on_a_page_in_russian_and_kazakh(client, users):
    """The import page refuses an unknown language code (raised by the import service)."""
    token = login(client, "translator")
    for lang, expected in (("ru", "неизвестный код языка &#39;de&#39;; ожидался один из: kk, ru"),
                           ("kk", "белгісіз тіл коды &#39;de&#39;; мыналардың бірі күтілген: kk, ru"),
                           ("en", "unknown language code &#39;de&#39;; expected one of: kk, ru")):
        page = client.post("/editions/import", headers={"Accept-Language": lang},
                           data={"csrf_token": token, "lang": "de", "file": (io.BytesIO(b"x"), "a.txt")})
        assert page.status_code == 400 and expected in page.get_data(as_text=True), lang


def test_a_service_error_in_the_api_in_russian_with_the_english_beside_it(anonymous, users, demo, run_in):
    from workbench.services import tokens
    headers = {"Authorization": "Bearer " + run_in(tokens.create_token, "editor"), "Accept-Language": "ru"}
    undo = anonymous.post(f"/alignments/{demo.alignment_id}/api/undo", json={}, headers=headers)
    assert (undo.status_code, undo.get_json()) == (400, {"error": "нечего отменять", "error_en": "nothing to undo"})
    missing = anonymous.post("/api/beads/999999", json={"action": "confirm", "version": 1}, headers=headers)
    assert (missing.status_code, missing.get_json()) == (404, {"error": "нет пары 999999",
                                                               "error_en": "no bead 999999"})
    bad = anonymous.post("/api/editions", headers=headers, content_type="multipart/form-data",
                         data={"lang": "xx", "file": (io.BytesIO(b"x"), "a.txt")})
    assert bad.status_code == 400 and bad.get_json()["error"].startswith("неизвестный код языка 'xx'")
    assert bad.get_json()["error_en"].startswith("unknown language code 'xx'")


def test_job_progress_is_shown_in_the_readers_language_whoever_started_it(client, users, run_in, sessions):
    """A job is stored as msgid and values: whoever started it, each reader follows it in their own language."""
    job_id = run_in(lambda s: jobs.submit(s, "harvest", {}, user="editor").id)
    login(client, "viewer")
    kk = client.get(f"/jobs/{job_id}/status", headers={"Accept-Language": "kk"}).get_json()
    assert (kk["message"], kk["message_en"]) == ("өңдеушіні күтуде", "waiting for a worker")
    worker = jobs.worker_name("test")
    assert jobs.claim(sessions, worker) == job_id
    reporter = jobs.Reporter(sessions, job_id, worker)
    reporter(0.4, Message(N_("%(name)s: %(done)s of %(total)s stretches"), name=Message(N_("first pass")),
                          done=3, total=8))
    reporter._flush()
    kk = client.get(f"/jobs/{job_id}/status", headers={"Accept-Language": "kk"}).get_json()
    assert kk["message"] == "бірінші өту: 8 аралықтың 3-і өңделді"
    assert kk["message_en"] == "first pass: 3 of 8 stretches"
    ru = client.get(f"/jobs/{job_id}", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    assert "первый проход: 3 из 8 участков" in ru
    listing = client.get("/jobs/", headers={"Accept-Language": "kk"}).get_data(as_text=True)
    assert "бірінші өту: 8 аралықтың 3-і өңделді" in listing
    with sessions() as s:  # the column read by the command line and the logs stays English
        assert s.get(Job, job_id).message == "first pass: 3 of 8 stretches"


def test_a_finished_and_a_failed_job_in_kazakh_through_the_api(anonymous, users, run_in, run_jobs, session):
    from workbench.services import tokens
    headers = {"Authorization": "Bearer " + run_in(tokens.create_token, "editor"), "Accept-Language": "kk"}
    harvest = run_in(lambda s: jobs.submit(s, "harvest", {}, user="editor").id)
    broken = run_in(lambda s: jobs.submit(s, "import", {"file_name": "x.txt", "lang": "kk"}, user="editor",
                                          payload=b"\xff\xfe not text").id)
    run_jobs()
    done = anonymous.get(f"/api/jobs/{harvest}", headers=headers).get_json()
    assert done["state"] == "done" and done["message"].startswith("жинау аяқталды: Кезекке ")
    assert done["message_en"].startswith("harvest done: ")
    failed = anonymous.get(f"/api/jobs/{broken}", headers=headers).get_json()
    assert failed["state"] == "failed"
    # the file name and line stay as they are; the problem is translated
    assert failed["message"].startswith("x.txt:") and "жарамсыз UTF-8 байты 0xff" in failed["message"]
    assert failed["message_en"].startswith("x.txt:") and "invalid UTF-8 byte 0xff" in failed["message_en"]
    stored = session.scalar(select(Job).where(Job.id == broken))
    assert "workbench-import-" not in stored.message and json.loads(stored.message_json)["values"]["where"].startswith("x.txt")


def test_the_command_line_stays_english(app, cli_runner, users):
    result = cli_runner.invoke(cli, ["users", "token", "nobody"], env={"LANG": "ru_RU.UTF-8", "LANGUAGE": "ru"})
    assert result.exit_code != 0
    assert "no user 'nobody'; `python run.py users list` lists them" in result.output


def test_a_message_keeps_msgid_values_and_english():
    message = Message(N_("sentence %(n)s is in confirmed bead %(bead)s"), n=5, bead="3 (1-1)")
    assert message == "sentence 5 is in confirmed bead 3 (1-1)" and isinstance(message, str)
    kazakh = {message.msgid: "%(n)s-сөйлем расталған %(bead)s жұбында тұр"}.get
    assert Message.from_json(json.loads(json.dumps(message.to_json()))).render(kazakh) == \
        "5-сөйлем расталған 3 (1-1) жұбында тұр"
    nested = Message(N_("checks done: %(summary)s"), summary=Message(N_("none")))
    assert nested.render({"checks done: %(summary)s": "тексерулер аяқталды: %(summary)s", "none": "жоқ"}.get) == \
        "тексерулер аяқталды: жоқ"
    broken = Message(N_("%(n)s beads"), n=2)
    assert broken.render(lambda msgid: "%(m)s жұп") == "2 beads", "a broken translation falls back to English"


def test_an_input_error_keeps_file_and_line_out_of_the_translation():
    error = InputError(N_("invalid UTF-8 byte 0x%(byte)s"), path="кітап.txt", line=12, byte="ff")
    assert str(error) == "кітап.txt:12: invalid UTF-8 byte 0xff"
    assert error.render(lambda msgid: "недопустимый байт UTF-8 0x%(byte)s") == \
        "кітап.txt:12: недопустимый байт UTF-8 0xff"
    assert str(error.renamed("кітап.txt", "book.txt")) == "book.txt:12: invalid UTF-8 byte 0xff"
    assert translate(NotFound(N_("no job %(id)s"), id=4)) == "no job 4", "outside a request: English"
    assert translate("plain text") == "plain text" and translate(None) == ""


def test_dates_are_shown_in_one_format_on_the_job_pages(client, run_in):
    import re

    from workbench.web import i18n
    job_id = run_in(lambda s: jobs.submit(s, "harvest", {}, user="editor").id)
    for url in ("/jobs/", f"/jobs/{job_id}"):
        page = client.get(url, headers={"Accept-Language": "kk"}).get_data(as_text=True)
        assert re.search(r"\b\d{4}-\d\d-\d\d \d\d:\d\d\b", page) and not re.search(r"\d\dT\d\d:", page), url
    assert i18n.when("2026-12-05T09:07:03") == "2026-12-05 09:07" and i18n.day("2026-12-05T09:07:03") == "2026-12-05"


def test_the_jobs_page_names_each_kind_of_job_in_the_readers_language(client, users, sessions):
    from review_builders import login

    login(client, "viewer")
    with sessions.begin() as s:
        for kind in ("import", "align", "realign", "check", "harvest"):
            jobs.submit(s, kind, {}, user="editor")
    listing = client.get("/jobs/", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    for word in ("<td>импорт</td>", "<td>выравнивание</td>", "<td>повторное выравнивание</td>",
                 "<td>проверка</td>", "<td>сбор терминов</td>"):
        assert word in listing
    assert "<td>harvest</td>" not in listing
