"""The editions pages: the list with counts, and one edition paged with page and source line."""
from __future__ import annotations

from pathlib import Path

from workbench.services.importing import import_file

from corpus_paths import BOOK

LINES = BOOK.read_text(encoding="utf-8").split("\n")


def import_excerpt(tmp_path: Path, run_in, first: int, last: int, title: str, lang: str = "kk"):
    path = tmp_path / f"{title}.txt"
    path.write_text("\n".join(LINES[first - 1:last]) + "\n", encoding="utf-8")
    return run_in(import_file, path, lang, title).edition


def test_index_lists_editions_with_counts(client, tmp_path, run_in):
    edition = import_excerpt(tmp_path, run_in, 1, 120, "Кітап")
    page = client.get("/").get_data(as_text=True)
    assert "Кітап" in page
    assert f">{edition.segment_count}<" in page


def test_index_without_editions_says_how_to_import(client):
    page = client.get("/").get_data(as_text=True)
    assert "python run.py import FILE --lang kk" in page


def test_edition_view_shows_numbered_sentences_with_page_and_line(client, tmp_path, run_in, app):
    app.config["PAGE_SIZE"] = 10
    edition = import_excerpt(tmp_path, run_in, 1, 400, "Кітап")
    page = client.get(f"/editions/{edition.id}").get_data(as_text=True)
    assert "1972 жылы Алматы қаласында дүниеге келген." in page
    assert 'id="s1"' in page and 'id="s10"' in page and 'id="s11"' not in page
    assert "Next 10" in page
    second = client.get(f"/editions/{edition.id}?start=11").get_data(as_text=True)
    assert 'id="s11"' in second and "Previous 10" in second


def test_jump_to_a_page_of_the_book(client, tmp_path, run_in):
    edition = import_excerpt(tmp_path, run_in, 1, 400, "Кітап")
    response = client.get(f"/editions/{edition.id}?page=2")
    assert response.status_code == 302
    target = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "<td class=\"num\">2</td>" in target


def test_unknown_edition_is_404(client):
    response = client.get("/editions/999")
    assert response.status_code == 404
    assert "Not found" in response.get_data(as_text=True)


def test_sentence_text_with_markup_is_shown_as_text(client, tmp_path, run_in):
    path = tmp_path / "xss.txt"
    path.write_text("Бұл <script>alert(1)</script> сөйлем.\n", encoding="utf-8")
    edition = run_in(import_file, path, "kk", "XSS").edition
    page = client.get(f"/editions/{edition.id}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_edition_view_links_to_its_errata_and_alignments(client, sessions):
    from review_builders import build_demo
    from workbench.db import transaction

    with transaction(sessions) as s:
        demo = build_demo(s)
    page = client.get(f"/editions/{demo.kk_edition_id}").get_data(as_text=True)
    assert f"/editions/{demo.kk_edition_id}/errata" in page
    assert f"/alignments/{demo.alignment_id}" in page


def test_a_docx_edition_numbers_its_sentences_by_paragraph_and_says_so(client, tmp_path, run_in, users):
    """A DOCX has no lines: the number beside a sentence is its paragraph's, and the column says so."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from printed_docx import write_docx
    from review_builders import login

    from workbench.services.checking import check_edition

    texts = ["Бірінші тарау", "Қазақстан Республикасы – демократиялық мемлекет.",
             "Мемлекеттік тіл – қазақ тілі,, деп жазылған."]  # a doubled comma: a finding
    written = write_docx(texts, tmp_path / "book.docx", headings=frozenset({0}))
    edition = run_in(import_file, written.path, "kk", "Кітап").edition
    run_in(lambda s: check_edition(s, s.merge(edition)))
    login(client, "editor")
    page = client.get(f"/editions/{edition.id}").get_data(as_text=True)
    assert '<th class="num">Paragraph</th>' in page and '<th class="num">Line</th>' not in page
    errata = client.get(f"/editions/{edition.id}/errata").get_data(as_text=True)
    assert f"p. –, paragraph {written.numbers[2]}" in errata  # no page breaks in this file: no pages
    text = import_excerpt(tmp_path, run_in, 1, 40, "Мәтін")
    assert '<th class="num">Line</th>' in client.get(f"/editions/{text.id}").get_data(as_text=True)
