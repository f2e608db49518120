"""Pages as printed: a PDF edition with roman front matter shows and takes its pages by their printed
numbers (its third page is printed "1") on the edition page, the review page, the errata pages and the
align form, not by their position in the file."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from printed_pdf import lay_out
from review_builders import login
from sqlalchemy import func, select

from workbench.db import transaction
from workbench.models import Alignment, Finding, Segment
from workbench.services import editions, review_page
from workbench.services.importing import import_file

TEXTS = {
    "kk": ["Бірінші тарау", "Қазақстан Республикасы – демократиялық мемлекет.", "Екінші тарау",
           "Мемлекеттік тіл – қазақ тілі (мемлекеттiк тіл).", "Үшінші тарау", "Астана – елдің астанасы."],
    "ru": ["Глава первая", "Республика Казахстан – демократическое государство.", "Глава вторая",
           "Государственный язык – казахский язык.", "Глава третья", "Астана – столица страны."],
}
HEADINGS = frozenset({0, 2, 4})


@pytest.fixture
def printed(tmp_path, sessions):
    """A kk and a ru PDF, two roman pages of front matter each, then one body page per paragraph pair."""
    ids = {}
    for lang, texts in TEXTS.items():
        # Long paragraphs so that each pair of paragraphs fills a page of its own.
        body = [t if i in HEADINGS else " ".join([t] * 40) for i, t in enumerate(texts)]
        layout = lay_out(body, tmp_path / f"book.{lang}.pdf", "Кітап", headings=HEADINGS,
                         front_matter=["Кітап", "Мазмұны"])
        assert layout.labels[:3] == ["i", "ii", "1"]
        with transaction(sessions) as s:
            ids[lang] = import_file(s, layout.path, lang, f"Кітап {lang}").edition.id
    return ids


def first_on(sessions, edition_id: int, position_in_file: int) -> int:
    with transaction(sessions) as s:
        return s.scalar(select(Segment.position).where(Segment.edition_id == edition_id,
                                                       Segment.page == position_in_file).order_by(Segment.position))


def test_page_position_reads_the_printed_number(printed, sessions):
    with transaction(sessions) as s:
        assert editions.page_position(s, printed["kk"], 1) == 3
        labels = editions.printed_pages(s, printed["kk"])
    assert labels[1] == "i" and labels[2] == "ii" and labels[3] == "1"


def test_the_edition_page_shows_and_jumps_to_printed_pages(client, users, printed, sessions):
    login(client, "viewer")
    html = client.get(f"/editions/{printed['kk']}").get_data(as_text=True)
    first_body = first_on(sessions, printed["kk"], 3)
    row = re.search(rf'<tr id="s{first_body}"[^>]*>(.*?)</tr>', html, re.S).group(1)
    assert re.findall(r'<td class="num">([^<]*)</td>', row)[1] == "1", row
    front = re.search(r'<tr id="s1"[^>]*>(.*?)</tr>', html, re.S).group(1)
    assert re.findall(r'<td class="num">([^<]*)</td>', front)[1] == "i", front
    assert client.get(f"/editions/{printed['kk']}?page=1").headers["Location"].endswith(f"start={first_body}")


def test_a_range_of_printed_pages_1_to_1_is_the_third_page_of_the_file(printed, sessions):
    with transaction(sessions) as s:
        first, last = editions.sentence_range(s, printed["kk"], 1, 1)
        on_third = list(s.scalars(select(Segment.position).where(Segment.edition_id == printed["kk"],
                                                                 Segment.page == 3)))
    assert (first, last) == (min(on_third), max(on_third))


def test_the_review_page_shows_and_jumps_to_printed_pages(client, users, printed, sessions):
    from workbench.services.aligning import align_editions

    with transaction(sessions) as s:
        alignment_id = align_editions(s, editions.get_edition(s, printed["kk"]),
                                      editions.get_edition(s, printed["ru"])).alignment.id
    login(client, "editor")
    html = client.get(f"/alignments/{alignment_id}").get_data(as_text=True)
    pages = re.findall(r'<b class="n">\d+</b> · p\.([^<\s]+)</small>', html)
    assert pages[:2] == ["i", "i"] and "1" in pages and "3" not in pages[:4], pages
    first_body = first_on(sessions, printed["kk"], 3)
    with transaction(sessions) as s:
        expected = review_page.bead_at(s, s.get(Alignment, alignment_id), "kk", first_body)
    assert client.get(f"/alignments/{alignment_id}?book_page=1").headers["Location"].endswith(f"#b{expected}")


def test_errata_sheets_and_the_align_form_give_printed_pages(client, users, printed, sessions):
    from workbench.services.corrections import edit

    first_body = first_on(sessions, printed["kk"], 3)
    with transaction(sessions) as s:
        seg = s.scalar(select(Segment).where(Segment.edition_id == printed["kk"], Segment.position == first_body))
        edit(s, printed["kk"], seg.id, seg.version, seg.text + " Түзетілді.", "editor")
    login(client, "editor")
    for url in (f"/editions/{printed['kk']}/corrections", f"/editions/{printed['kk']}/corrections/sheet"):
        html = client.get(url).get_data(as_text=True)
        assert re.search(r'<tr[^>]*><td class="num">1</td>', html), url
    form = client.get("/editions/align").get_data(as_text=True)
    assert "p. 1 · Бірінші тарау" in form and "p. 3 · Бірінші тарау" not in form


def test_the_corrections_csv_gives_printed_pages(client, users, printed, sessions):
    from workbench.services.corrections import edit

    first_body = first_on(sessions, printed["kk"], 3)
    with transaction(sessions) as s:
        seg = s.scalar(select(Segment).where(Segment.edition_id == printed["kk"], Segment.position == first_body))
        edit(s, printed["kk"], seg.id, seg.version, seg.text + " Түзетілді.", "editor")
    login(client, "editor")
    rows = client.get(f"/editions/{printed['kk']}/corrections.csv").get_data(as_text=True).splitlines()
    assert rows[1].split(",")[0] == "1", rows


def test_the_errata_csv_gives_printed_pages(client, users, printed, sessions):
    from workbench.services.checking import check_edition

    with transaction(sessions) as s:
        check_edition(s, editions.get_edition(s, printed["kk"]))
        on_body_pages = s.scalar(select(func.count()).select_from(Finding).where(
            Finding.edition_id == printed["kk"], Finding.page >= 3))
    assert on_body_pages, "the Latin i in мемлекеттiк is found on the body pages"
    login(client, "editor")
    rows = client.get(f"/editions/{printed['kk']}/errata.csv").get_data(as_text=True).lstrip("\ufeff").splitlines()
    pages = {row.split(",")[0] for row in rows[1:]}
    assert pages and pages <= {"i", "ii", "1", "2", "3"}, pages


def test_exports_give_printed_pages_and_an_import_keeps_them(printed, sessions, cli_runner):
    import io

    from lxml import etree

    from workbench.cli.main import cli
    from workbench.services import exporting
    from workbench.services.aligning import align_editions

    with transaction(sessions) as s:
        alignment_id = align_editions(s, editions.get_edition(s, printed["kk"]),
                                      editions.get_edition(s, printed["ru"])).alignment.id
    out = {}
    for fmt in ("tmx", "tsv", "po", "xliff"):
        out[fmt] = io.BytesIO()
        with transaction(sessions) as s:
            exporting.export(s, alignment_id, fmt, out[fmt])
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "formats"))
    from validators import dtd_errors, xsd_errors

    # The page positions beside printed pages keep the TMX valid against the TMX 1.4 DTD.
    assert dtd_errors(out["tmx"].getvalue()) == [] and xsd_errors(out["xliff"].getvalue()) == []
    tu = etree.fromstring(out["tmx"].getvalue()).find("body/tu")
    props = {p.get("type"): p.text for p in tu.findall("prop")}
    assert (props["x-kk-pages"], props["x-kk-page-positions"]) == ("i", "1"), props
    assert any("\t1\t" in line and "\t3\t" in line for line in out["tsv"].getvalue().decode().splitlines())
    assert 'msgctxt "kk 1 p. i · ru 1 p. i"' in out["po"].getvalue().decode()
    assert '<note from="workbench">kk 1 p. i · ru 1 p. i ·' in out["xliff"].getvalue().decode()
    with transaction(sessions) as s:
        new = exporting.import_alignment(s, out["tmx"].getvalue(), "book.tmx")
        kk_id = new.kk_edition_id
        assert editions.printed_pages(s, kk_id)[1] == "i" and editions.page_position(s, kk_id, 1) == 3
    tsv = cli_runner.invoke(cli, ["segments", str(printed["kk"]), "--format", "tsv"]).output.splitlines()
    first_body = first_on(sessions, printed["kk"], 3)
    assert tsv[0].split("\t")[1] == "i" and tsv[first_body - 1].split("\t")[1] == "1"


def test_a_page_is_found_by_its_printed_label_whatever_its_case(printed, sessions):
    from workbench.errors import NotFound

    with transaction(sessions) as s:
        assert editions.page_position(s, printed["kk"], "ii") == editions.page_position(s, printed["kk"], "II") == 2
        assert editions.sentence_range(s, printed["kk"], "i", "I") == editions.sentence_range(s, printed["kk"], "i", "i")
        with pytest.raises(NotFound, match="no page printed xv"):
            editions.page_position(s, printed["kk"], "xv")


def test_the_page_jumps_take_a_printed_label(client, users, printed, sessions):
    from workbench.services.aligning import align_editions

    login(client, "editor")
    second = first_on(sessions, printed["kk"], 2)
    assert client.get(f"/editions/{printed['kk']}?page=II").headers["Location"].endswith(f"start={second}")
    refused = client.get(f"/editions/{printed['kk']}?page=xv", follow_redirects=True).get_data(as_text=True)
    assert "“Page”: no page is printed “xv”" in refused
    with transaction(sessions) as s:
        alignment_id = align_editions(s, editions.get_edition(s, printed["kk"]),
                                      editions.get_edition(s, printed["ru"])).alignment.id
        expected = review_page.bead_at(s, s.get(Alignment, alignment_id), "kk", second)
    assert client.get(f"/alignments/{alignment_id}?book_page=ii").headers["Location"].endswith(f"#b{expected}")
    refused = client.get(f"/alignments/{alignment_id}?book_page=xv", follow_redirects=True).get_data(as_text=True)
    assert "“Book page”: no page is printed “xv”" in refused


def test_the_align_form_takes_printed_labels_and_names_an_unknown_one(client, users, printed, sessions):
    from workbench.models import Job

    token = login(client, "editor")
    form = {"csrf_token": token, "kk": printed["kk"], "ru": printed["ru"]}
    for language, expected in (("en", "Kazakh: “to page”: no page is printed “xv”"),
                               ("kk", "Қазақша: «мына бетке дейін»: «xv» деп басылған бет жоқ"),
                               ("ru", "Русский: «по страницу»: нет страницы с номером «xv»")):
        side = "ru" if language == "ru" else "kk"
        page = client.post("/editions/align", headers={"Accept-Language": language},
                           data=form | {f"{side}_first_page": "i", f"{side}_last_page": "xv"})
        assert page.status_code == 400 and expected in page.get_data(as_text=True), language
    started = client.post("/editions/align", data=form | {"kk_first_page": "I", "kk_last_page": "ii",
                                                          "ru_first_page": "ii", "ru_last_page": "1"})
    assert started.status_code == 303
    with transaction(sessions) as s:
        arguments = json.loads(s.scalar(select(Job.arguments).where(Job.kind == "align")))
        last_on_1 = s.scalar(select(func.max(Segment.position)).where(Segment.edition_id == printed["ru"],
                                                                      Segment.page == 3))
    # kk pages i–ii: the front matter; ru pages ii–1: the second and third page of the file.
    assert arguments["kk_range"] == [1, first_on(sessions, printed["kk"], 3) - 1], arguments
    assert arguments["ru_range"] == [first_on(sessions, printed["ru"], 2), last_on_1], arguments
