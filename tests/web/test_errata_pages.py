"""The errata page: findings listed by check, verdicts and in-place fixes by editors only, CSV and sheet."""
from __future__ import annotations

import csv
import io
import re

import pytest
from sqlalchemy import select

from review_builders import login
from workbench.models import Correction, Finding, Segment
from workbench.services.checking import check_edition
from workbench.services.importing import import_file

from corpus_paths import BOOK

LINES = BOOK.read_text(encoding="utf-8").split("\n")


@pytest.fixture
def edition(tmp_path, run_in):
    """Book lines 28-120 (the first preface, with its duplicated passage) and 800-860 (abbreviations)."""
    path = tmp_path / "part.txt"
    path.write_text("\n".join(LINES[27:120] + [""] + LINES[799:860]) + "\n", encoding="utf-8")
    ed = run_in(import_file, path, "kk", "Бөлім").edition
    run_in(check_edition, ed)
    return ed


def finding(session, check_id: str) -> Finding:
    return session.scalar(select(Finding).where(Finding.check_id == check_id).order_by(Finding.id))


def test_errata_page_groups_findings_by_check_with_line_and_context(client, edition):
    page = client.get(f"/editions/{edition.id}/errata").get_data(as_text=True)
    assert 'id="check-duplicate-passage"' in page and 'id="check-mixed-script"' in page
    # the Latin letters of the mixed word are marked and named
    assert '<mark class="script" title="LATIN CAPITAL LETTER K">K</mark>аза<mark class="script" title="LATIN SMALL LETTER K">k</mark>' in page
    assert "→ Қазақ" in page
    assert "Алайда, сонымен бірге олар идеялармен" in page


def test_filter_by_check_and_status(client, edition):
    page = client.get(f"/editions/{edition.id}/errata?check=mixed-script").get_data(as_text=True)
    assert 'id="check-mixed-script"' in page and 'id="check-duplicate-passage"' not in page
    none = client.get(f"/editions/{edition.id}/errata?status=intended").get_data(as_text=True)
    assert "No findings with status intended" in none


def test_viewer_sees_no_forms_and_cannot_post(client, edition, users, session):
    token = login(client, "viewer")
    page = client.get(f"/editions/{edition.id}/errata").get_data(as_text=True)
    assert "Save verdict" not in page
    f = finding(session, "mixed-script")
    response = client.post(f"/editions/{edition.id}/errata/{f.id}/verdict",
                           data={"status": "intended", "version": f.version, "csrf_token": token})
    assert response.status_code == 403
    session.expire_all()
    assert session.get(Finding, f.id).status == "open"


def test_anonymous_and_missing_csrf_are_refused(client, edition, users, session):
    f = finding(session, "mixed-script")
    url = f"/editions/{edition.id}/errata/{f.id}/verdict"
    assert client.post(url, data={"status": "intended", "version": f.version}).status_code in (400, 401)
    login(client, "editor")
    assert client.post(url, data={"status": "intended", "version": f.version}).status_code == 400
    session.expire_all()
    assert session.get(Finding, f.id).status == "open"


def test_editor_marks_intended_with_a_comment(client, edition, users, session):
    token = login(client, "editor")
    f = finding(session, "duplicate-passage")
    loaded_version = f.version
    response = client.post(f"/editions/{edition.id}/errata/{f.id}/verdict", follow_redirects=True,
                           data={"status": "intended", "comment": "авторлық қайталау", "version": loaded_version,
                                 "csrf_token": token})
    assert "marked intended" in response.get_data(as_text=True)
    session.expire_all()
    row = session.get(Finding, f.id)
    assert (row.status, row.comment, row.changed_by) == ("intended", "авторлық қайталау", "editor")
    # a stale form (old version) is refused and changes nothing
    stale = client.post(f"/editions/{edition.id}/errata/{f.id}/verdict", follow_redirects=True,
                        data={"status": "false-alarm", "version": loaded_version, "csrf_token": token})
    assert "was changed by editor" in stale.get_data(as_text=True)
    session.expire_all()
    assert session.get(Finding, f.id).status == "intended"


def test_editor_fixes_the_sentence_in_place_and_history_keeps_both(client, edition, users, session, run_in):
    token = login(client, "editor")
    f = session.scalar(select(Finding).where(Finding.check_id == "mixed-script", Finding.excerpt == "Kазаk"))
    seg = session.scalar(select(Segment).where(Segment.edition_id == edition.id, Segment.text.contains("Kазаk")))
    fixed_text = seg.text.replace("Kазаk", "Қазақ").replace("елi", "елі")
    response = client.post(f"/editions/{edition.id}/errata/{f.id}/fix", follow_redirects=True,
                           data={"version": f.version, "segment_id": seg.id, "segment_version": seg.version,
                                 "text": fixed_text, "csrf_token": token})
    assert "is fixed" in response.get_data(as_text=True)
    session.expire_all()
    seg = session.get(Segment, seg.id)
    assert seg.text == fixed_text and "Kазаk" in seg.original
    change = session.scalar(select(Correction).where(Correction.edition_id == edition.id))
    assert change.user == "editor" and change.finding_id == f.id and change.action == "edit"
    assert "Kазаk" in change.before and "Қазақ" in change.after
    assert session.get(Finding, f.id).status == "fixed"
    # checking again does not bring the fixed erratum back
    run_in(check_edition, edition)
    session.expire_all()
    assert not session.scalars(select(Finding).where(Finding.excerpt == "Kазаk", Finding.resolved_at.is_(None),
                                                     Finding.status == "open")).all()
    # ... and the fixed one stays in view, with its status, on the page, in the CSV and on the sheet
    assert session.get(Finding, f.id).status == "fixed"
    page = client.get(f"/editions/{edition.id}/errata?status=fixed").get_data(as_text=True)
    assert f'id="f{f.id}"' in page
    csv_text = client.get(f"/editions/{edition.id}/errata.csv").get_data(as_text=True)
    assert any(r["status"] == "fixed" and "K" in r["excerpt"] for r in csv.DictReader(io.StringIO(csv_text.lstrip("\ufeff"))))
    assert "fixed" in client.get(f"/editions/{edition.id}/errata/sheet").get_data(as_text=True)


def test_csv_and_printable_sheet_are_ordered_by_page(client, edition):
    response = client.get(f"/editions/{edition.id}/errata.csv?status=all")
    assert response.headers["Content-Type"].startswith("text/csv")
    assert response.data.startswith("\ufeff".encode("utf-8"))  # spreadsheet programs then read UTF-8
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows and {"page", "line", "check", "excerpt", "status"} <= set(rows[0])
    assert any(r["check"] == "mixed-script" and r["excerpt"] == "Kазаk" for r in rows)
    sheet = client.get(f"/editions/{edition.id}/errata/sheet?status=all").get_data(as_text=True)
    lines = [int(m) for m in re.findall(r'<td class="num">–</td><td class="num">(\d+)</td>', sheet)] or \
        [int(m) for m in re.findall(r'<td class="num">\d+</td><td class="num">(\d+)</td>', sheet)]
    assert lines == sorted(lines) and len(lines) == len(rows)
