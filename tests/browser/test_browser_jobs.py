"""In headless Chromium: import two editions and align them from the browser with a progress bar that
follows the job to the review page; confirm-and-next, confirm above a score, pair with… and its undo."""
from __future__ import annotations

import re

import pytest
from browser_helpers import jobs_running, log_in, shot, start_alignment
from sqlalchemy import select

from workbench.models import Alignment, Bead, Edition

from corpus_paths import CORPORA

pytestmark = pytest.mark.browser
LAW = CORPORA / "law_state_independence_1991"


def change(page, action) -> None:
    with page.expect_navigation(wait_until="load"):
        action()


def current(page) -> str:
    return page.locator("tr.bead.current").get_attribute("id")


def test_confirm_and_next_with_the_key_c(live, context, session):
    base, demo = live
    page = context.new_page()
    log_in(page, base, "translator")
    page.goto(f"{base}/alignments/{demo.alignment_id}")
    page.locator("#b1 td.num").click()
    change(page, lambda: page.keyboard.press("c"))
    assert page.locator("#b1.confirmed").count() == 1
    assert current(page) == "b2", "the next bead is selected after confirming"
    assert page.locator("#message").inner_text() == "Confirmed kk 1 · ru 1."
    change(page, lambda: page.keyboard.press("c"))
    assert page.locator("#b2.confirmed").count() == 1 and current(page) == "b3"
    session.expire_all()
    assert [b.status for b in session.scalars(select(Bead).where(Bead.alignment_id == demo.alignment_id)
                                              .order_by(Bead.position))][:3] == ["confirmed", "confirmed", "auto"]


def test_confirm_above_a_score_says_how_many_and_asks_first(live, context, session):
    base, demo = live
    page = context.new_page()
    log_in(page, base, "translator")
    page.goto(f"{base}/alignments/{demo.alignment_id}")
    page.fill("#threshold", "0.85")
    asked = []

    def dismiss(dialog):
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.click("#confirm-above")
    page.wait_for_timeout(300)
    assert asked and asked[0].startswith("Confirm 3 unconfirmed beads scored 0.85 or above?")
    assert page.locator("tr.bead.confirmed").count() == 0, "nothing happens when the answer is no"
    page.once("dialog", lambda dialog: dialog.accept())
    change(page, lambda: page.click("#confirm-above"))
    assert page.locator("tr.bead.confirmed").count() == 3


def test_pair_with_a_sentence_found_by_number_then_undo(live, context, session):
    base, demo = live
    page = context.new_page()
    log_in(page, base, "translator")
    page.goto(f"{base}/alignments/{demo.alignment_id}")
    before = page.locator("tr.bead").evaluate_all("rows => rows.map(r => r.dataset.label)")
    page.locator("#b2 .sent[data-side=kk]").click()
    page.keyboard.press("a")
    page.wait_for_selector("#pair-dialog[open]")
    assert "kk 2:" in page.locator("#pair-dialog .pair-from").inner_text()
    page.fill("#pair-query", "Конституция")
    page.wait_for_selector("button.pair-choice")
    assert page.locator("button.pair-choice").all_inner_texts() == ["ru 5 · p.2: Конституция принята в 1995 году."]
    page.fill("#pair-query", "4")
    page.wait_for_selector("button.pair-choice[data-n='6']")
    shot(page, "review-pair-dialog")
    change(page, lambda: page.keyboard.press("Enter"))
    assert page.locator("#message").inner_text() == "Paired kk 2 with ru 4 as a confirmed bead."
    assert page.locator('tr.bead.confirmed[data-label="kk 2 · ru 4"]').count() == 1
    assert re.search(r"#b\d+$", page.url)
    shot(page, "review-after-pair")
    change(page, lambda: page.keyboard.press("u"))
    assert page.locator("tr.bead").evaluate_all("rows => rows.map(r => r.dataset.label)") == before


def test_import_and_align_from_the_browser_with_progress(live, context, sessions, session, app):
    base, _demo = live
    page = context.new_page()
    log_in(page, base, "translator")
    page.click("text=Import an edition")
    with jobs_running(sessions, app.config):
        for lang in ("kk", "ru"):
            page.goto(f"{base}/editions/import")
            page.set_input_files("input[name=file]", str(LAW / f"{lang}.raw.txt"))
            page.select_option("select[name=lang]", lang)
            page.fill("input[name=title]", f"Заң {lang}")
            with page.expect_navigation(url=re.compile(r"/editions/\d+\?job=\d+$"), timeout=60_000):
                page.click("#start-import")
            assert f"Заң {lang}" in page.locator("h1").inner_text()
    kk, ru = (session.scalar(select(Edition).where(Edition.title == f"Заң {lang}")) for lang in ("kk", "ru"))

    start_alignment(page, base, kk.id, ru.id)
    assert page.locator(".job .job-state").inner_text() in ("queued", "running")
    shot(page, "align-waiting")
    seen = []
    page.expose_function("noteProgress", lambda value: seen.append(value))
    page.evaluate("""() => new MutationObserver(() => window.noteProgress(
        document.querySelector('.job-bar').value)).observe(document.querySelector('.job'),
        {subtree: true, childList: true, characterData: true, attributes: true})""")
    with jobs_running(sessions, app.config):
        page.wait_for_url(re.compile(r"/alignments/\d+"), timeout=120_000)
    alignment = session.scalar(select(Alignment).where(Alignment.kk_edition_id == kk.id))
    assert alignment is not None and page.url.split("#")[0].endswith(f"/alignments/{alignment.id}")
    assert page.locator("tr.bead").count() > 10
    assert seen and max(seen) <= 1.0
    shot(page, "align-landed-on-review")


def test_realign_runs_as_a_job_with_the_button_disabled_until_done(live, context, sessions, app):
    base, demo = live
    page = context.new_page()
    log_in(page, base, "translator")
    page.goto(f"{base}/alignments/{demo.alignment_id}")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#realign")
    page.wait_for_selector("#jobs .job progress.job-bar")
    assert page.locator("#realign").is_disabled()
    page.reload()
    assert page.locator("#realign").is_disabled(), "still disabled after a reload while the job waits"
    assert page.locator("#jobs .job").count() == 1
    with jobs_running(sessions, app.config), page.expect_navigation(wait_until="load", timeout=60_000):
        pass  # the page goes to the new alignment when the job is done
    assert re.match(rf"alignment {demo.alignment_id}: \d+ beads", page.locator("#message").inner_text())
    assert page.locator("#realign").is_enabled() and page.locator("#jobs .job").count() == 0


def test_confirm_above_with_the_score_field_emptied_asks_nothing_and_confirms_nothing(live, context, session):
    base, demo = live
    page = context.new_page()
    log_in(page, base, "translator")
    page.goto(f"{base}/alignments/{demo.alignment_id}")
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    for score in ("", "5"):
        page.fill("#threshold", score)
        page.click("#confirm-above")
        page.wait_for_selector("#message.error")
        assert "between 0 and 1" in page.locator("#message").inner_text()
    assert asked == [], "an empty field is no score: it must not offer to confirm every bead"
    assert page.locator("tr.bead.confirmed").count() == 0
