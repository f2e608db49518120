"""The corrections pages: split and delete from the errata page, undo, the record, downloads, roles."""
from __future__ import annotations

import io
import re

import pytest
from review_builders import login
from sqlalchemy import select

from workbench.models import Correction, Finding, Segment
from workbench.services.checking import check_edition
from workbench.services.importing import import_file

TEXT = ("Тәуелсіз Kазаk елi құрылды. Бұл маңызды қадам болды.\n\nБұл маңызды қадам болды. Алайда "
        "жұмыс жалғасты.\n")


@pytest.fixture
def edition(tmp_path, run_in):
    path = tmp_path / "b.txt"
    path.write_text(TEXT, encoding="utf-8")
    ed = run_in(import_file, path, "kk", "Кітап").edition
    run_in(check_edition, ed)
    return ed


def post_correct(client, session, edition, token, action, position, **extra):
    f = session.scalar(select(Finding).where(Finding.edition_id == edition.id).order_by(Finding.id))
    seg = session.scalar(select(Segment).where(Segment.edition_id == edition.id, Segment.position == position))
    return client.post(f"/editions/{edition.id}/errata/{f.id}/correct", follow_redirects=True, data={
        "version": f.version, "segment_id": seg.id, "segment_version": seg.version, "action": action,
        "csrf_token": token, "sentence": seg.text, **extra})


def test_split_delete_undo_and_the_record(client, users, session, edition):
    token = login(client, "editor")
    page = post_correct(client, session, edition, token, "split", 1, second="құрылды").get_data(as_text=True)
    assert "split done" in page, re.findall(r"<p class=\"flash[^<]*", page)
    session.expire_all()
    texts = [s.text for s in session.scalars(select(Segment).where(Segment.edition_id == edition.id)
                                             .order_by(Segment.position))]
    assert texts[:4] == ["Тәуелсіз Kазаk елi", "құрылды.", "Бұл маңызды қадам болды.", "Бұл маңызды қадам болды."]
    bad = post_correct(client, session, edition, token, "split", 1, second="жоқ сөз").get_data(as_text=True)
    assert "does not occur inside the sentence" in bad
    session.expire_all()
    assert "delete done" in post_correct(client, session, edition, token, "delete", 4).get_data(as_text=True)
    record = client.get(f"/editions/{edition.id}/corrections").get_data(as_text=True)
    assert record.count("<tr class=") == 2 and "editor" in record
    undone = client.post(f"/editions/{edition.id}/corrections/undo", data={"csrf_token": token},
                         follow_redirects=True).get_data(as_text=True)
    assert "Undone: delete of sentence 4." in undone
    session.expire_all()
    rows = session.scalars(select(Correction).order_by(Correction.id)).all()
    assert [(c.action, c.undone_by) for c in rows] == [("split", None), ("delete", "editor")]
    csv_bytes = client.get(f"/editions/{edition.id}/corrections.csv").data
    assert csv_bytes.startswith("\ufeff".encode()) and "Тәуелсіз Kазаk елi" in csv_bytes.decode("utf-8-sig")
    sheet = client.get(f"/editions/{edition.id}/corrections/sheet").get_data(as_text=True)
    assert "Printed" in sheet and "Corrected" in sheet and sheet.count("<tr><td class=\"num\">") == 1


def test_downloads_of_the_corrected_edition(client, edition):
    txt = client.get(f"/editions/{edition.id}/corrected.txt")
    assert txt.headers["Content-Type"].startswith("text/plain") and "Kазаk" in txt.get_data(as_text=True)
    docx = client.get(f"/editions/{edition.id}/corrected.docx")
    from docx import Document

    assert "Алайда жұмыс жалғасты." in [p.text for p in Document(io.BytesIO(docx.data)).paragraphs][-1]
    assert client.get(f"/editions/{edition.id}/corrected.pdf").status_code == 404


def test_a_viewer_cannot_correct_or_undo(client, users, session, edition):
    token = login(client, "viewer")
    response = post_correct(client, session, edition, token, "delete", 3)
    assert response.status_code in (302, 403) or "not allowed" in response.get_data(as_text=True).lower()
    session.expire_all()
    assert not session.scalar(select(Segment).where(Segment.position == 3)).deleted
    assert client.post(f"/editions/{edition.id}/corrections/undo", data={"csrf_token": token}).status_code in (302, 403)
