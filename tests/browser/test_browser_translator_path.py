"""The translator's whole path in headless Chromium, as a new user walks it: a PDF of the Russian text and a
DOCX of the Kazakh text of an official document (written now with reportlab and python-docx) imported from
the Import page, aligned from the Align page with the progress bar, reviewed with the keyboard (j/k, ?, c,
pair with… and undo), and the TMX downloaded from the review page, confirmed only and all, with no empty
segment."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from browser_helpers import jobs_running, log_in, shot, start_alignment
from corpus_paths import CORPORA
from printed_docx import write_docx
from printed_pdf import lay_out
from sqlalchemy import select

from workbench.models import Bead, Edition

DECLARATION = CORPORA / "declaration_independence_20y"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def lines(name: str) -> list[str]:
    return [line.strip() for line in (DECLARATION / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def change(page, action) -> None:
    with page.expect_navigation(wait_until="load"):
        action()


def labels(page) -> list[str]:
    return page.locator("tr.bead").evaluate_all("rows => rows.map(r => r.dataset.label)")


def current(page) -> str:
    return page.locator("tr.bead.current").get_attribute("data-label")


def units(path) -> list[dict[str, str]]:
    """Every <tu> of a TMX file as {lang: text of its <seg>}."""
    return [{tuv.get(XML_LANG): "".join(tuv.find("seg").itertext()) for tuv in tu.iter("tuv")}
            for tu in ET.parse(path).getroot().iter("tu")]


def test_pdf_and_docx_imported_aligned_reviewed_and_delivered_as_tmx(live, context, sessions, session, app,
                                                                     tmp_path):
    base, _demo = live
    pdf = lay_out(lines("ru.raw.txt"), tmp_path / "декларация-ru.pdf", "Декларация").path
    docx = write_docx(lines("kk.raw.txt"), tmp_path / "декларация-kk.docx").path
    page = context.new_page()
    log_in(page, base, "translator")

    for path, lang, title in ((pdf, "ru", "Декларация PDF"), (docx, "kk", "Декларация DOCX")):
        page.goto(f"{base}/")
        page.click("text=Import an edition")
        page.set_input_files("input[name=file]", str(path))
        page.select_option("select[name=lang]", lang)
        page.fill("input[name=title]", title)
        page.click("#start-import")
        page.wait_for_selector(".job progress.job-bar")
        assert page.locator("#start-import").is_disabled(), "the button waits for the import"
        shot(page, f"path-import-{lang}-queued")
        with jobs_running(sessions, app.config):
            page.wait_for_url(re.compile(r"/editions/\d+\?job=\d+$"), timeout=60_000)
        assert page.locator("h1").inner_text() == title
        assert page.locator(".import-report").inner_text().startswith("edition "), "what the import did"
        shot(page, f"path-edition-{lang}")
    kk, ru = (session.scalar(select(Edition).where(Edition.title == f"Декларация {kind}")) for kind in ("DOCX", "PDF"))
    assert kk.lang == "kk" and ru.lang == "ru"
    assert abs(kk.segment_count - 81) <= 3 and abs(ru.segment_count - 80) <= 3

    start_alignment(page, base, kk.id, ru.id)
    shot(page, "path-align-queued")
    with jobs_running(sessions, app.config):
        page.wait_for_url(re.compile(r"/alignments/\d+"), timeout=120_000)
    alignment_id = int(re.search(r"/alignments/(\d+)", page.url).group(1))
    shot(page, "path-review")
    assert page.eval_on_selector("table.review th.num", "th => th.scrollWidth <= th.clientWidth"), \
        "the first column's heading fits its column"

    page.locator("#b1 td.num").click()
    assert current(page) == "kk 1 · ru 1"
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    assert current(page) == labels(page)[1]
    page.keyboard.press("?")
    assert page.locator("#help[open]").count() == 1
    page.keyboard.press("Escape")
    assert page.locator("#help[open]").count() == 0
    page.keyboard.press("k")
    change(page, lambda: page.keyboard.press("c"))
    assert page.locator("#message").inner_text() == "Confirmed kk 1 · ru 1."
    assert current(page) == labels(page)[1], "confirm-and-next"

    before = labels(page)
    page.locator("tr.bead[data-label^='kk 8 '] .sent[data-side=kk]").first.click()
    page.keyboard.press("a")
    page.wait_for_selector("#pair-dialog[open]")
    page.fill("#pair-query", "9")
    page.wait_for_selector("button.pair-choice[data-n='9']")
    change(page, lambda: page.keyboard.press("Enter"))
    assert page.locator("#message").inner_text() == "Paired kk 8 with ru 9 as a confirmed bead."
    assert page.locator('tr.bead.confirmed[data-label="kk 8 · ru 9"]').count() == 1
    shot(page, "path-paired")
    change(page, lambda: page.keyboard.press("u"))
    assert labels(page) == before, "undo puts the beads back as they were"

    files = {}
    for nth, kind in ((0, "all"), (1, "confirmed")):
        with page.expect_download() as download:
            page.locator("a[download]", has_text="TMX").nth(nth).click()
        files[kind] = tmp_path / f"{kind}.tmx"
        download.value.save_as(files[kind])
    confirmed = units(files["confirmed"])
    assert len(confirmed) == 1 and confirmed[0]["kk"] and confirmed[0]["ru"]
    everything = units(files["all"])
    paired = session.scalars(select(Bead).where(Bead.alignment_id == alignment_id)).all()
    assert len(everything) == sum(1 for b in paired if b.kk_start < b.kk_end and b.ru_start < b.ru_end)
    assert all(unit.get("kk") and unit.get("ru") for unit in everything), "no empty <seg>"
