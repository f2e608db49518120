"""The editor's record: delete, merge, split and edit an edition's sentences with undo; alignments stay
consistent; fixed findings stay in view after the checks run again; the corrected edition is exported."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, update

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "web"))
from review_builders import BEADS, build_demo

from workbench.db import transaction
from workbench.errors import Conflict, InputError
from workbench.models import Bead, Correction, Finding, Segment
from workbench.services import corrections
from workbench.services.checking import check_edition
from workbench.services.findings import Filters, page
from workbench.services.importing import import_file


@pytest.fixture
def demo(sessions):
    with transaction(sessions) as s:
        return build_demo(s)


def seg(s, edition_id, position) -> Segment:
    return s.scalar(select(Segment).where(Segment.edition_id == edition_id, Segment.position == position))


def texts(sessions, edition_id):
    with transaction(sessions) as s:
        return [(x.position, x.text, x.deleted) for x in s.scalars(
            select(Segment).where(Segment.edition_id == edition_id).order_by(Segment.position))]


def bead_ranges(sessions, aid):
    with transaction(sessions) as s:
        return [((b.kk_start, b.kk_end), (b.ru_start, b.ru_end)) for b in s.scalars(
            select(Bead).where(Bead.alignment_id == aid).order_by(Bead.position))]


def test_delete_keeps_the_number_and_undo_brings_the_sentence_back(sessions, demo):
    before = texts(sessions, demo.kk_edition_id)
    with transaction(sessions) as s:
        s5 = seg(s, demo.kk_edition_id, 5)
        corrections.delete(s, demo.kk_edition_id, s5.id, s5.version, "editor")
    after = texts(sessions, demo.kk_edition_id)
    assert after[4] == (5, "Бұл сөйлем артық.", True) and len(after) == len(before)
    assert bead_ranges(sessions, demo.alignment_id) == [(k, r) for k, r, _ in BEADS]  # beads untouched
    with transaction(sessions) as s:
        paragraphs = corrections.corrected_paragraphs(s, demo.kk_edition_id)
        assert "Бұл сөйлем артық." not in [t for _, t in paragraphs]
        row = corrections.undo(s, demo.kk_edition_id, "editor")
        assert row.action == "delete" and row.undone_by == "editor"
    assert texts(sessions, demo.kk_edition_id) == before
    with transaction(sessions) as s:  # the record keeps the undone change
        assert [c.action for c in corrections.history(s, demo.kk_edition_id)] == ["delete"]


def test_split_renumbers_and_moves_the_beads_and_undo_restores_them(sessions, demo):
    original = bead_ranges(sessions, demo.alignment_id)
    with transaction(sessions) as s:
        s2 = seg(s, demo.kk_edition_id, 2)
        corrections.split(s, demo.kk_edition_id, s2.id, s2.version, s2.text.rindex("Астана"), "editor")
    rows = texts(sessions, demo.kk_edition_id)
    assert rows[1][1] == "Астанасы —" and rows[2][1] == "Астана қаласы." and rows[3][0] == 4
    # the bead holding sentence 2 now holds 2-3, every later bead moved by one, the Russian side as it was
    assert bead_ranges(sessions, demo.alignment_id) == [original[0], ((2, 4), (2, 3))] + [
        ((k0 + 1, k1 + 1), r) for (k0, k1), r in original[2:]]
    with transaction(sessions) as s:
        corrections.undo(s, demo.kk_edition_id, "editor")
    assert bead_ranges(sessions, demo.alignment_id) == original
    assert texts(sessions, demo.kk_edition_id)[1][1] == "Астанасы — Астана қаласы."


def test_merge_joins_within_a_paragraph_only(sessions, tmp_path, run_in):
    path = tmp_path / "p.txt"
    path.write_text("Бірінші сөйлем. Екінші сөйлем.\n\nҮшінші абзац.\n", encoding="utf-8")
    ed = run_in(import_file, path, "kk", "Үш").edition
    with transaction(sessions) as s:
        first = seg(s, ed.id, 1)
        corrections.merge(s, ed.id, first.id, first.version, "editor")
    assert texts(sessions, ed.id)[:2] == [(1, "Бірінші сөйлем. Екінші сөйлем.", False), (2, "Екінші сөйлем.", True)]
    with transaction(sessions) as s, pytest.raises(InputError, match="last of its paragraph"):
        first = seg(s, ed.id, 1)
        corrections.merge(s, ed.id, first.id, first.version, "editor")
    with transaction(sessions) as s:
        corrections.undo(s, ed.id, "editor")
    assert texts(sessions, ed.id)[1] == (2, "Екінші сөйлем.", False)


def test_a_sentence_in_a_confirmed_bead_is_not_deleted_merged_or_split(sessions, demo):
    with transaction(sessions) as s:
        s.execute(update(Bead).where(Bead.alignment_id == demo.alignment_id, Bead.position == 5)
                  .values(status="confirmed"))
    for op in (lambda s, x: corrections.delete(s, demo.kk_edition_id, x.id, x.version, "editor"),
               lambda s, x: corrections.split(s, demo.kk_edition_id, x.id, x.version, 3, "editor")):
        with pytest.raises(Conflict, match="confirmed bead 5"), transaction(sessions) as s:
            op(s, seg(s, demo.kk_edition_id, 5))
    assert texts(sessions, demo.kk_edition_id)[4] == (5, "Бұл сөйлем артық.", False)


def test_a_stale_version_saves_nothing(sessions, demo):
    with pytest.raises(Conflict, match="changed since you loaded it"), transaction(sessions) as s:
        x = seg(s, demo.kk_edition_id, 3)
        corrections.edit(s, demo.kk_edition_id, x.id, x.version + 1, "Жаңа мәтін.", "editor")
    with transaction(sessions) as s:
        assert s.scalar(select(Correction)) is None


BOOK_PART = ("Тәуелсіз Kазаk елi құрылды. Бұл маңызды қадам болды.\n\nБұл маңызды қадам болды. Алайда "
             "жұмыс жалғасты.\n")


def test_fixed_findings_stay_fixed_and_visible_after_the_checks_run_again(sessions, tmp_path, run_in):
    path = tmp_path / "b.txt"
    path.write_text(BOOK_PART, encoding="utf-8")
    ed = run_in(import_file, path, "kk", "Кітап").edition
    run_in(check_edition, ed)
    with transaction(sessions) as s:
        mixed = s.scalar(select(Finding).where(Finding.check_id == "mixed-script"))
        x = seg(s, ed.id, 1)
        corrections.edit(s, ed.id, x.id, x.version, "Тәуелсіз Қазақ елі құрылды.", "editor", finding_id=mixed.id)
        x3 = seg(s, ed.id, 3)
        corrections.delete(s, ed.id, x3.id, x3.version, "editor")
        ids = [mixed.id]
    run_in(check_edition, ed)
    with transaction(sessions) as s:
        rows, _total = page(s, ed.id, Filters(status="fixed"))
        assert ids[0] in [r.id for r in rows] and all(r.status == "fixed" for r in rows)
        assert s.get(Finding, ids[0]).resolved_at is not None  # the checks no longer report it ...
        rows, _ = page(s, ed.id, Filters(status=None))
        assert ids[0] in [r.id for r in rows]                   # ... and it is still listed
        history = corrections.history(s, ed.id)
        assert [(c.action, c.finding_id) for c in history] == [("edit", ids[0]), ("delete", None)]
        assert corrections.printed_and_corrected(history[0]) == ("Тәуелсіз Kазаk елi құрылды.",
                                                                 "Тәуелсіз Қазақ елі құрылды.")
        assert json.loads(history[1].after)[0]["deleted"] is True


def test_export_edition_txt_to_stdout_and_docx_to_a_file(sessions, tmp_path, run_in, cli_runner):
    from docx import Document

    from workbench.cli.export_edition import export_edition

    path = tmp_path / "b.txt"
    path.write_text(BOOK_PART, encoding="utf-8")
    ed = run_in(import_file, path, "kk", "Кітап").edition
    with transaction(sessions) as s:
        x3 = seg(s, ed.id, 3)
        corrections.delete(s, ed.id, x3.id, x3.version, "editor")
    result = cli_runner.invoke(export_edition, [str(ed.id), "--format", "txt", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.decode("utf-8") == ("Тәуелсіз Kазаk елi құрылды. Бұл маңызды қадам болды.\n\n"
                                                   "Алайда жұмыс жалғасты.\n")
    out = tmp_path / "out.docx"
    result = cli_runner.invoke(export_edition, [str(ed.id), "--format", "docx", str(out)])
    assert result.exit_code == 0, result.output
    doc = Document(io.BytesIO(out.read_bytes()))
    assert [p.text for p in doc.paragraphs][1:] == ["Тәуелсіз Kазаk елi құрылды. Бұл маңызды қадам болды.",
                                                    "Алайда жұмыс жалғасты."]
    bad = cli_runner.invoke(export_edition, [str(ed.id), "--format", "docx", "-"])
    assert bad.exit_code != 0 and "name a file" in bad.output
