"""Exports of a stored alignment hold exactly its beads, and a TMX or TSV import gives the same beads."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from sqlalchemy import select
from translate.storage import pypo, tmx as tt_tmx, xliff as tt_xliff

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "web"))
from review_builders import KK, RU, build_demo  # noqa: E402

from workbench.db import transaction  # noqa: E402
from workbench.models import Bead, Segment  # noqa: E402
from workbench.services import exporting, review  # noqa: E402


@pytest.fixture
def aid(sessions, run_in) -> int:
    """The demo with a 2-2 bead, a confirmed bead, a comment and a corrected sentence."""
    with transaction(sessions) as s:
        aid = build_demo(s).alignment_id
    with transaction(sessions) as s:
        b = {x.position: x for x in s.scalars(select(Bead).where(Bead.alignment_id == aid))}
        ids = {p: (x.id, x.version) for p, x in b.items()}
    run_in(review.merge, aid, *ids[1], ids[2][1], "ann")
    with transaction(sessions) as s:
        b3 = s.scalar(select(Bead).where(Bead.alignment_id == aid, Bead.position == 3))
        b3 = (b3.id, b3.version)
        seg = s.scalar(select(Segment).where(Segment.text == RU[5]))
        seg = (seg.id, seg.version)
    run_in(review.set_status, aid, *b3, True, "ann")
    with transaction(sessions) as s:
        b3v = s.get(Bead, b3[0]).version
    run_in(review.comment, aid, b3[0], b3v, "«тексеру» <керек>", "ann")
    run_in(review.edit_text, aid, *seg, "Последнее предложение (исправлено).", "ed")
    return aid


def beads_of(session, aid):
    """Each bead as (kk sentences, ru sentences, status, score, comment)."""
    out = []
    for pair in exporting.iter_pairs(session, aid):
        out.append((pair.kk.sentences, pair.ru.sentences, pair.status, round(pair.score, 4), pair.comment))
    return out


def export(session, aid, fmt, confirmed_only=False, **options) -> bytes:
    out = io.BytesIO()
    exporting.export(session, aid, fmt, out, confirmed_only, **options)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["tmx", "tsv"])
def test_import_of_an_export_recreates_the_same_beads(session, sessions, aid, fmt):
    data = export(session, aid, fmt, include_unpaired=True)
    with transaction(sessions) as s:
        new = exporting.import_alignment(s, data, f"demo.{fmt}").id
    assert new != aid
    assert beads_of(session, new) == beads_of(session, aid)


def test_tmx_xliff_po_hold_exactly_the_beads_of_the_page(session, aid):
    expected = [(" ".join(k), " ".join(r)) for k, r, *_ in beads_of(session, aid)]
    assert len(expected) == 6 and expected[-1][1] == "Последнее предложение (исправлено)."
    paired = [(k, r) for k, r in expected if k and r]
    tmx_units = tt_tmx.tmxfile.parsestring(export(session, aid, "tmx")).getunits()
    assert [(u.source, u.target) for u in tmx_units] == paired
    xliff_units = tt_xliff.xlifffile.parsestring(export(session, aid, "xliff")).getunits()
    assert [(u.source, u.target or "") for u in xliff_units] == expected
    po_units = [u for u in pypo.pofile.parsestring(export(session, aid, "po")).units if not u.isheader()]
    assert [(u.source, u.target) for u in po_units] == [(k, r) for k, r in expected if k]


def test_the_same_file_imported_twice_is_recognised(session, sessions, aid):
    from workbench.errors import InputError

    data = export(session, aid, "tmx")
    with transaction(sessions) as s:
        first = exporting.import_alignment(s, data, "demo.tmx").id
    with pytest.raises(InputError, match=f"again.tmx: this file was imported before as alignment {first}"):
        with transaction(sessions) as s:
            exporting.import_alignment(s, data, "again.tmx")


def test_confirmed_only_exports_only_the_confirmed_bead(session, aid):
    units = tt_tmx.tmxfile.parsestring(export(session, aid, "tmx", confirmed_only=True)).getunits()
    assert [(u.source, u.target) for u in units] == [(KK[3], RU[3])]


def test_import_keeps_pages_and_lines(session, sessions, aid):
    with transaction(sessions) as s:
        new = exporting.import_alignment(s, export(session, aid, "tmx"), "demo.tmx")
        kk_id = new.kk_edition_id
    first = session.scalar(select(Segment).where(Segment.edition_id == kk_id, Segment.position == 1))
    assert (first.page, first.start_line, first.text) == (1, 2, KK[0])


def test_unknown_import_extension_is_refused(sessions):
    from workbench.errors import InputError
    with pytest.raises(InputError, match="only .tmx and .tsv"), transaction(sessions) as s:
        exporting.import_alignment(s, b"x", "a.docx")
