"""Glossary pages: search by inflected forms, entry usages, edits and approval by editors, harvest queue."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from review_builders import login
from workbench.models import GlossaryCandidate, GlossaryEntry
from workbench.services import glossary
from workbench.services.importing import import_file

from corpus_paths import BOOK, CORPORA

ROOT = CORPORA.parent
LINES = BOOK.read_text(encoding="utf-8").split("\n")


@pytest.fixture
def loaded(run_in):
    run_in(glossary.load_shipped, ROOT / "glossary")


def test_search_by_an_inflected_kazakh_form(client, loaded):
    page = client.get("/glossary/?q=партиясының&lang=kk").get_data(as_text=True)
    assert "партия" in page and "Nothing found" not in page


def test_counts_take_the_singular_for_one_and_the_reader_s_plural_forms(client, loaded):
    one = client.get("/glossary/?q=партиясының&lang=kk").get_data(as_text=True)
    assert "1 entry for" in one and "1 entries" not in one
    many = client.get("/glossary/?q=қоғам").get_data(as_text=True)
    assert "22 entries for" in many
    russian = client.get("/glossary/?q=партиясының&lang=kk", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    assert "статей: 1" in russian


def test_a_query_of_spaces_lists_every_entry_and_names_no_query(client, loaded):
    page = client.get("/glossary/?q=%20%20%20").get_data(as_text=True)
    assert "731 entries" in page and "for «" not in page
    spaced = client.get("/glossary/?q=%20азаматтық%20%20қоғам%20").get_data(as_text=True)
    assert "for «азаматтық қоғам»" in spaced


def test_search_is_paged(client, loaded, app):
    app.config["PAGE_SIZE"] = 20
    page = client.get("/glossary/").get_data(as_text=True)
    assert "731 entries" in page and "page 1 of 37" in page and 'rel="next"' in page


def test_entry_page_shows_usages_in_the_stored_book(client, loaded, run_in, tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("\n".join(LINES[1590:1700]) + "\n", encoding="utf-8")
    run_in(import_file, path, "kk", "Бөлім")
    page = client.get("/glossary/entry/term-0002").get_data(as_text=True)
    assert "<mark>Парламентте</mark>" in page


def test_viewer_cannot_approve_editor_can(client, loaded, users, session):
    token = login(client, "viewer")
    assert client.post("/glossary/entry/term-0010/approve", data={"csrf_token": token}).status_code == 403
    client.post("/auth/logout", data={"csrf_token": token})
    token = login(client, "editor")
    client.post("/glossary/entry/term-0010/approve", data={"csrf_token": token})
    session.expire_all()
    row = session.get(GlossaryEntry, "term-0010")
    assert row.approval == "approved" and row.approved_by == "editor"


def test_editor_adds_a_term_to_an_entry(client, loaded, users, session):
    token = login(client, "editor")
    row = session.get(GlossaryEntry, "term-0002")
    data = {"csrf_token": token, "category": row.category or "", "note": "",
            "lang": [t.lang for t in row.terms] + ["kk"], "text": [t.text for t in row.terms] + ["Құрылтай"],
            "type": [t.type for t in row.terms] + ["variant"],
            "status": [t.status for t in row.terms] + ["admitted"]}
    client.post("/glossary/entry/term-0002", data=data)
    session.expire_all()
    assert "Құрылтай" in [t.text for t in session.get(GlossaryEntry, "term-0002").terms]


def test_a_new_entry_with_the_terms_of_a_stored_one_is_not_added_twice(client, loaded, users, session):
    token = login(client, "editor")
    before = session.scalar(select(func.count()).select_from(GlossaryEntry))
    added = client.post("/glossary/new", data={"csrf_token": token, "kk": "Сынақ кеңесі",
                                                 "ru": "Испытательный совет"})
    assert added.status_code == 302
    first = added.headers["Location"].rsplit("/", 1)[1]
    for kk, ru in (("Сынақ кеңесі", "Испытательный совет"), ("сынақ  КЕҢЕСІ", "испытательный  совет")):
        again = client.post("/glossary/new", data={"csrf_token": token, "kk": kk, "ru": ru})
        assert again.headers["Location"].endswith(f"/glossary/entry/{first}")
        assert f"The glossary has these terms already: entry {first}." in client.get(
            again.headers["Location"]).get_data(as_text=True)
    session.commit()  # a fresh read
    assert session.scalar(select(func.count()).select_from(GlossaryEntry)) == before + 1
    # A stored concept is found by its terms whatever its id: the shipped «Парламент» / «Парламент».
    shipped = client.post("/glossary/new", data={"csrf_token": token, "kk": "Парламент", "ru": "Парламент"})
    assert "/glossary/entry/term-" in shipped.headers["Location"]


def test_a_term_typed_with_letters_of_the_other_script_is_refused_with_the_spelling_meant(client, loaded, users,
                                                                                          session):
    token = login(client, "editor")
    before = session.scalar(select(func.count()).select_from(GlossaryEntry))
    refused = client.post("/glossary/new", data={"csrf_token": token, "kk": "Mемлекеттік кеңес",  # a Latin M
                                                   "ru": "Государственный совет"}, follow_redirects=True)
    assert "«Mемлекеттік» mixes Latin and Cyrillic letters; did you mean «Мемлекеттік»?" in refused.get_data(
        as_text=True)
    row = session.get(GlossaryEntry, "term-0002")
    data = {"csrf_token": token, "category": row.category or "", "note": "",
            "lang": [t.lang for t in row.terms] + ["ru"], "text": [t.text for t in row.terms] + ["Пaрламент РК"],
            "type": [t.type for t in row.terms] + ["variant"], "status": [t.status for t in row.terms] + ["admitted"]}
    page = client.post("/glossary/entry/term-0002", data=data, follow_redirects=True).get_data(as_text=True)
    assert "did you mean «Парламент»?" in page
    session.commit()
    assert session.scalar(select(func.count()).select_from(GlossaryEntry)) == before
    assert "Пaрламент РК" not in [t.text for t in session.get(GlossaryEntry, "term-0002").terms]


def test_a_term_kept_as_printed_with_mixed_letters_does_not_block_saving_its_entry(client, loaded, users, session):
    """The book's list of abbreviations is kept as printed, errors included: its entries stay editable."""
    from workbench.models import GlossaryTerm

    token = login(client, "editor")
    term = session.scalar(select(GlossaryTerm).where(GlossaryTerm.text == "Парламент"))
    term.text = "Пaрламент"  # stored with a Latin a, as a printed error would be
    session.commit()
    row = session.get(GlossaryEntry, term.entry_id)
    data = {"csrf_token": token, "category": row.category or "", "note": "a note",
            "lang": [t.lang for t in row.terms], "text": [t.text for t in row.terms],
            "type": [t.type for t in row.terms], "status": [t.status for t in row.terms]}
    page = client.post(f"/glossary/entry/{row.id}", data=data, follow_redirects=True).get_data(as_text=True)
    assert f"Entry {row.id} saved." in page


def test_markup_in_a_term_is_shown_as_text(client, loaded, users):
    token = login(client, "editor")
    client.post("/glossary/new", data={"csrf_token": token, "kk": "<b>бас</b>", "ru": "<i>глава</i>"})
    page = client.get("/glossary/?q=бас").get_data(as_text=True)
    assert "<b>бас</b>" not in page and "&lt;b&gt;бас&lt;/b&gt;" in page


def test_harvest_queues_candidates_and_nothing_enters_until_accepted(client, users, run_in, session, tmp_path,
                                                                     run_jobs):
    path = tmp_path / "p.txt"
    path.write_text("Қазақстан халқы ассамблеясы (ҚХА) құрылды. ҚХА жұмыс істейді.\n", encoding="utf-8")
    run_in(import_file, path, "kk", "Үзінді")
    token = login(client, "editor")
    started = client.post("/glossary/harvest/run", data={"csrf_token": token})
    assert started.status_code == 303 and "job=" in started.headers["Location"]
    assert len(run_jobs()) == 1
    cand = session.scalar(select(GlossaryCandidate).where(GlossaryCandidate.kk == "ҚХА"))
    assert cand is not None and cand.status == "pending"
    assert session.scalar(select(GlossaryEntry)) is None
    page = client.get("/glossary/harvest").get_data(as_text=True)
    assert "Қазақстан халқы ассамблеясы" in page
    client.post(f"/glossary/harvest/{cand.id}", data={"csrf_token": token, "decision": "accept",
                                                      "kk": "ҚХА", "ru": "АНК"})
    session.expire_all()
    entry = session.get(GlossaryEntry, f"cand-{cand.id:04d}")
    # accepted is not approved: the entry is proposed until a person approves it on its page
    assert entry is not None and entry.approval == "proposed" and entry.approved_by is None
    assert {t.text for t in entry.terms} >= {"ҚХА", "АНК", "Қазақстан халқы ассамблеясы"}


def test_harvest_queue_is_paged_sortable_and_rejects_in_bulk(client, users, run_in, session, app):
    from workbench.services.harvesting import SCORE_MEANING

    run_in(lambda s: s.add_all([GlossaryCandidate(kind="bilingual", kk=f"сөз{n:02d}", ru=f"слово{n:02d}",
                                                  score=float(n)) for n in range(1, 8)]))
    app.config["PAGE_SIZE"] = 3
    page = client.get("/glossary/harvest").get_data(as_text=True)
    assert "7 candidates" in page and "page 1 of 3" in page and SCORE_MEANING[:40] in page
    assert page.index("сөз07") < page.index("сөз06") < page.index("сөз05") and "сөз04" not in page
    page = client.get("/glossary/harvest?sort=kk&p=1").get_data(as_text=True)
    assert page.index("сөз01") < page.index("сөз02") and "сөз07" not in page
    token = login(client, "editor")
    ids = session.scalars(select(GlossaryCandidate.id).where(GlossaryCandidate.score > 4)).all()
    client.post("/glossary/harvest/reject", data={"csrf_token": token, "ids": [str(i) for i in ids]})
    session.expire_all()
    assert session.scalars(select(GlossaryCandidate.status).where(GlossaryCandidate.score > 4)).all() == ["rejected"] * 3
    assert "4 candidates" in client.get("/glossary/harvest").get_data(as_text=True)


def test_download_every_format(client, loaded):
    for fmt in ("tbx", "tsv", "csv", "omegat", "po", "json"):
        response = client.get(f"/glossary/export.{fmt}")
        assert response.status_code == 200 and len(response.data) > 10_000, fmt


def test_upload_of_a_malformed_file_names_the_file_and_line(client, users, session):
    import io

    token = login(client, "editor")
    bad = b"id\tcategory\tkk\tkk_abbr\tkk_variants\tru\tru_abbr\tru_variants\tstatus\tsource\tnote\nx\ty\n"
    response = client.post("/glossary/import", follow_redirects=True, content_type="multipart/form-data",
                           data={"csrf_token": token, "file": (io.BytesIO(bad), "mine.tsv")})
    text = response.get_data(as_text=True)
    assert "mine.tsv:2" in text and "/tmp" not in text
    assert session.scalar(select(GlossaryEntry)) is None


def test_defects_page_shows_the_book_lists_errors(client, loaded):
    page = client.get("/glossary/defects").get_data(as_text=True)
    assert "abbr-006" in page and "abbr-015" in page            # ҚАП with two expansions
    assert "ХҚДМ" in page and "letters-do-not-fit" in page     # letters that do not fit
    assert "Kазаk" in page and "mixed-script" in page


def test_cli_glossary_check_lists_the_defects(cli_runner):
    from workbench.cli.main import cli

    out = cli_runner.invoke(cli, ["glossary", "check", "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    import json
    rows = [json.loads(line) for line in out.output.splitlines() if line.startswith("{")]
    assert {"abbreviation-two-expansions", "letters-do-not-fit", "mixed-script"} <= {r["check"] for r in rows}
    assert any(r["entry"] == "abbr-042" and r["term"] == "ХҚДМ" for r in rows)


def test_import_shows_a_preview_and_stores_only_when_confirmed(client, loaded, users, session):
    import io

    token = login(client, "editor")
    data = "Парламент\tПарламент\nТексеру сөзі\tПроверочное слово\n".encode()
    page = client.post("/glossary/import", data={"csrf_token": token, "format": "",
                                                 "file": (io.BytesIO(data), "mine.utf8")},
                       content_type="multipart/form-data").get_data(as_text=True)
    assert "1 entry will be added" in page and "1 entry is already in the glossary as it is" in page
    assert "Тексеру сөзі" in page
    assert session.scalar(select(GlossaryEntry).where(GlossaryEntry.id == "imp-0001")) is None
    held = page.split('action="/glossary/import/')[1].split('"')[0]
    done = client.post(f"/glossary/import/{held}", data={"csrf_token": token, "decision": "import"},
                       follow_redirects=True).get_data(as_text=True)
    assert ": 1 entry added, 0 updated, 1 unchanged, 0 skipped as conflicts." in done
    session.expire_all()
    assert [t.text for t in session.get(GlossaryEntry, "imp-0001").terms] == ["Тексеру сөзі", "Проверочное слово"]
    # the held file is gone: confirming twice does nothing
    again = client.post(f"/glossary/import/{held}", data={"csrf_token": token, "decision": "import"},
                        follow_redirects=True).get_data(as_text=True)
    assert "no longer waiting" in again


def test_import_page_refuses_a_control_character_with_its_line(client, loaded, users, session):
    import io

    token = login(client, "editor")
    page = client.post("/glossary/import", data={"csrf_token": token, "format": "",
                                                 "file": (io.BytesIO("Сот\tСуд\nА\x01\tБ\n".encode()), "bad.utf8")},
                       content_type="multipart/form-data", follow_redirects=True).get_data(as_text=True)
    assert "bad.utf8:2: control character U+0001" in page


def test_an_editor_sets_a_context_restriction_and_a_bad_one_is_refused(client, loaded, users, session):
    token = login(client, "editor")
    row = session.get(GlossaryEntry, "term-0392")
    base = {"csrf_token": token, "category": row.category or "", "note": row.note or "",
            "lang": [t.lang for t in row.terms], "text": [t.text for t in row.terms],
            "type": [t.type for t in row.terms], "status": [t.status for t in row.terms]}
    assert "not before: қоғам" in client.get("/glossary/entry/term-0392").get_data(as_text=True)
    client.post("/glossary/entry/term-0392", data={**base, "context": ["not before: соғыс", ""]})
    session.expire_all()
    assert [t.context for t in session.get(GlossaryEntry, "term-0392").terms] == ["not before: соғыс", None]
    page = client.post("/glossary/entry/term-0392", data={**base, "context": ["after: соғыс", ""]},
                       follow_redirects=True).get_data(as_text=True)
    assert "expected &#39;not before" in page or "expected 'not before" in page
    session.expire_all()
    assert session.get(GlossaryEntry, "term-0392").terms[0].context == "not before: соғыс"


@pytest.mark.parametrize("lang, two_expansions, mixed", [
    ("kk", "сондай-ақ", "латын мен кирилл әріптері аралас"),
    ("ru", "означает также", "смешаны латинские и кириллические буквы"),
])
def test_defects_page_speaks_the_readers_language(client, loaded, lang, two_expansions, mixed):
    page = client.get("/glossary/defects", headers={"Accept-Language": lang}).get_data(as_text=True)
    assert two_expansions in page and mixed in page and "ХҚДМ" in page
    assert "also stands for" not in page and "mixes Latin and Cyrillic letters" not in page


def test_harvest_queue_explains_scores_in_the_readers_language(client, users, run_in, session, tmp_path, run_jobs):
    path = tmp_path / "p.txt"
    path.write_text("Қазақстан халқы ассамблеясы (ҚХА) құрылды. ҚХА жұмыс істейді.\n", encoding="utf-8")
    run_in(import_file, path, "kk", "Үзінді")
    client.post("/glossary/harvest/run", data={"csrf_token": login(client, "editor")})
    run_jobs()
    run_in(lambda s: s.add(GlossaryCandidate(kind="bilingual", kk="сөз", ru="слово", score=2.0,
                                             source="an old source kept in English only")))
    cand = session.scalar(select(GlossaryCandidate).where(GlossaryCandidate.kk == "ҚХА"))
    assert cand.source == "Үзінді [kk] line 1 (inline)"  # the English text as before, for the entry's source
    page = client.get("/glossary/harvest", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    assert "Балл: свидетельства в пользу кандидата" in page and "Score: the evidence" not in page
    assert "Үзінді [kk], строка 1 (в тексте)" in page
    assert "an old source kept in English only" in page  # stored before its msgid was kept
