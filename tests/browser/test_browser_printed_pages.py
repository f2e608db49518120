"""In headless Chromium: a page of roman front matter is typed as printed ("ii") in the edition page's jump,
the review page's Book page and the align form's page range."""
from __future__ import annotations

import re

import pytest
from browser_helpers import log_in
from printed_pdf import lay_out
from sqlalchemy import func, select

from workbench.db import transaction
from workbench.models import Segment
from workbench.services.aligning import align_editions
from workbench.services.editions import get_edition
from workbench.services.importing import import_file

pytestmark = pytest.mark.browser

TEXTS = {"kk": ["Бірінші тарау", " ".join(["Қазақстан Республикасы – демократиялық мемлекет."] * 40)],
         "ru": ["Глава первая", " ".join(["Республика Казахстан – демократическое государство."] * 40)]}


@pytest.fixture
def book(live, sessions, tmp_path):
    """A kk and a ru PDF with two roman pages of front matter, aligned."""
    ids = {}
    for lang, texts in TEXTS.items():
        layout = lay_out(texts, tmp_path / f"book.{lang}.pdf", "Кітап", headings=frozenset({0}),
                         front_matter=["Кітап", "Мазмұны"])
        with transaction(sessions) as s:
            ids[lang] = import_file(s, layout.path, lang, f"Кітап {lang}").edition.id
    with transaction(sessions) as s:
        ids["alignment"] = align_editions(s, get_edition(s, ids["kk"]), get_edition(s, ids["ru"])).alignment.id
        ids["second"] = s.scalar(select(func.min(Segment.position)).where(Segment.edition_id == ids["kk"],
                                                                          Segment.page == 2))
    return ids


def test_roman_pages_are_typed_as_printed(live, context, book):
    base, _demo = live
    page = context.new_page()
    log_in(page, base, "editor")
    page.goto(f"{base}/editions/{book['kk']}")
    page.fill("input[name=page]", "II")
    page.press("input[name=page]", "Enter")
    page.wait_for_url(re.compile(rf"start={book['second']}$"))
    page.fill("input[name=page]", "xv")
    page.press("input[name=page]", "Enter")
    assert "“Page”: no page is printed “xv”" in page.locator(".flash.error").inner_text()
    page.goto(f"{base}/alignments/{book['alignment']}")
    page.fill("#book-page", "ii")
    page.press("#book-page", "Enter")
    page.wait_for_url(re.compile(r"#b\d+$"))
    page.goto(f"{base}/editions/align")
    page.select_option("#kk-edition", str(book["kk"]))
    page.select_option("#ru-edition", str(book["ru"]))
    page.click("fieldset.side-choice:first-of-type summary")
    page.fill("input[name=kk_first_page]", "i")
    page.fill("input[name=kk_last_page]", "xv")
    page.click("#start-align")
    assert "Kazakh: “to page”: no page is printed “xv”" in page.locator(".flash.error").inner_text()
    # The refused part is shown again, as typed.
    assert page.input_value("input[name=kk_first_page]") == "i"
