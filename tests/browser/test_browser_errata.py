"""The errata page in headless Chromium, as a new editor uses it: fix a mixed-script word, delete a
duplicated sentence, run the checks again (both stay fixed and in view), download the corrected edition
and open the corrections sheet."""
from __future__ import annotations

from pathlib import Path

import pytest
from browser_helpers import jobs_running, log_in, shot
from corpus_paths import BOOK
from sqlalchemy import select

from workbench.db import transaction
from workbench.models import Finding
from workbench.services.checking import check_edition
from workbench.services.importing import import_file

pytestmark = pytest.mark.browser


@pytest.fixture
def book_part(live, sessions, tmp_path):
    """Book lines 28-120 (the first preface, with its duplicated sentence) and 800-860 (abbreviations,
    with «Kазаk елi» in Latin letters), imported and checked."""
    lines = BOOK.read_text(encoding="utf-8").split("\n")
    path = tmp_path / "part.txt"
    path.write_text("\n".join(lines[27:120] + [""] + lines[799:860]) + "\n", encoding="utf-8")
    with transaction(sessions) as s:
        edition = import_file(s, path, "kk", "Бөлім").edition
        check_edition(s, edition)
        return edition.id


def article(page, check: str, excerpt: str):
    return page.locator(f"article.finding:has-text('{excerpt}')").filter(
        has=page.locator(f"xpath=preceding::h2[@id='check-{check}']")).first


def test_editor_fixes_deletes_reruns_and_downloads(live, context, session, sessions, app, book_part, tmp_path):
    base, _demo = live
    page = context.new_page()
    log_in(page, base, "editor")
    page.goto(f"{base}/editions/{book_part}/errata")

    # 1. The mixed word: its Latin letters are marked and named; fix the sentence in place.
    mixed = page.locator("article.finding", has=page.locator("strong mark[title='LATIN CAPITAL LETTER K']")).first
    assert mixed.locator("mark[title='LATIN SMALL LETTER K']").count() >= 1
    mixed.locator("summary", has_text="Fix the sentence").click()
    box = mixed.locator("textarea[name=text]")
    box.fill(box.input_value().replace("Kазаk", "Қазақ").replace("елi", "елі"))
    with page.expect_navigation():
        mixed.locator("button", has_text="Save the correction").click()
    assert "is fixed" in page.content()

    # 2. The duplicated sentence: delete it.
    dup = page.locator("article.finding", has_text="sentence repeated").first
    dup.locator("summary", has_text="Delete, merge or split").click()
    with page.expect_navigation():
        dup.locator("button", has_text="Delete this sentence").click()
    assert "delete done" in page.content()

    # 3. Run the checks again: both findings stay, with status fixed.
    with page.expect_navigation():
        page.locator("button", has_text="Run the checks").click()
    with jobs_running(sessions, app.config):
        page.wait_for_selector(".job[data-state=done]", timeout=120_000)
    assert "checks done" in page.locator(".job").inner_text()
    # the default view lists what is open and what was fixed
    page.goto(f"{base}/editions/{book_part}/errata")
    default = " ".join(page.locator("article.finding.fixed").all_inner_texts())
    assert "sentence repeated" in default and "Kазаk" in default.replace("\n", "")
    page.goto(f"{base}/editions/{book_part}/errata?status=fixed")
    shot(page, "errata-fixed")
    fixed = page.locator("article.finding.fixed")
    texts = " ".join(fixed.all_inner_texts())
    assert "sentence repeated" in texts and "Kазаk" in texts.replace("\n", "")
    session.expire_all()
    rows = session.scalars(select(Finding).where(Finding.edition_id == book_part, Finding.changed_by == "editor"))
    assert {(f.check_id, f.status) for f in rows} == {("mixed-script", "fixed"), ("duplicate-passage", "fixed")}

    # 4. The corrections page lists both changes; download the corrected edition and open the sheet.
    page.goto(f"{base}/editions/{book_part}/corrections")
    assert page.locator("table.corrections tbody tr").count() == 2
    with page.expect_download() as info:
        page.locator("a", has_text="corrected edition (txt)").click()
    out = Path(tmp_path / "corrected.txt")
    info.value.save_as(out)
    text = out.read_text(encoding="utf-8")
    assert "«Қазақ елі» ұлттық бірігу партиясы" in text and "Kазаk" not in text
    assert text.count("Алайда, сонымен бірге олар идеялармен") == 1
    with page.expect_download() as info:
        page.locator("a", has_text="corrected edition (docx)").click()
    assert info.value.suggested_filename.endswith(".docx")
    with page.expect_download() as info:
        page.locator("a", has_text="corrections (CSV)").click()
    sheet_csv = tmp_path / "corrections.csv"
    info.value.save_as(sheet_csv)
    rows = sheet_csv.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("page,line,sentence,change,printed,corrected") and len(rows) == 3
    assert any("Kазаk" in r and "Қазақ елі" in r for r in rows)
    page.goto(f"{base}/editions/{book_part}/corrections/sheet")
    assert page.locator("th", has_text="Printed").count() == 1 and page.locator("th", has_text="Corrected").count() == 1
    assert "Қазақ елі» ұлттық" in page.locator("tbody").inner_text()
    shot(page, "corrections-sheet")
