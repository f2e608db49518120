"""What the workbench writes passes the official validators and is read by translate-toolkit.

The stored glossary is the shipped one plus entries that used to break exports: no Kazakh term, a
forbidden term with a part of speech, the same Kazakh term twice, a line break in a term, and
control characters stored before imports refused them. The alignment is a bundled document aligned
by the workbench, with a control character put into a stored sentence the same way.
"""
from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlalchemy import select, update
from translate.storage import omegat as tt_omegat
from translate.storage import po as tt_po
from translate.storage import tbx as tt_tbx
from translate.storage import tmx as tt_tmx
from translate.storage import xliff as tt_xliff
from validators import dtd_errors, msgfmt_check, relaxng_errors, tbx_checker, xsd_errors

from corpus_paths import CORPORA, GLOSSARY
from workbench.models import GlossaryEntry, GlossaryTerm, Segment
from workbench.services import exporting, glossary
from workbench.services.aligning import align_editions
from workbench.services.importing import import_file


def _awkward_rows(s):
    """Rows written straight to the database, as data stored by earlier versions could be."""
    def row(entry_id, terms, **fields):
        entry = GlossaryEntry(id=entry_id, **fields)
        entry.terms = [GlossaryTerm(lang=lang, text=text, folded=text.lower(), type=kind, status=status, pos=pos)
                       for lang, text, kind, status, pos in terms]
        s.add(entry)
    row("odd-1", [("ru", "Только по-русски", "full-form", "preferred", None)])
    row("odd-2", [("kk", "Сот", "full-form", "preferred", "зат есім"), ("ru", "Суд", "full-form", "preferred", None),
                  ("ru", "Судилище", "variant", "forbidden", "noun")],
        approval="approved", approved_by="admin", approved_at=dt.datetime(2026, 11, 26, 10, 30))
    row("odd-3", [("kk", "ҚР", "full-form", "preferred", None), ("kk", "ҚР", "abbreviation", "preferred", None),
                  ("ru", "РК", "full-form", "preferred", None)])
    row("odd-4", [("kk", "екі\nжол", "full-form", "preferred", None), ("ru", "две\nстроки", "full-form", "preferred", None)])
    row("odd-5", [("kk", "қоңырау\x07 бар\x01", "full-form", "preferred", None),
                  ("ru", "звонок\x0c", "full-form", "preferred", None)],
        note="stx\x02 and \x1b escape")  # not NUL: PostgreSQL cannot hold it at all


@pytest.fixture
def stored_glossary(run_in):
    run_in(glossary.load_shipped, GLOSSARY)
    run_in(_awkward_rows)


def test_tbx_passes_tbx_checker_and_the_tbx_basic_relaxng_schema(run_in, stored_glossary, tmp_path):
    data = run_in(glossary.export, "tbx")
    assert b"<p type=\"XCSURI\">TBXBasicXCSV02.kk-ru.xcs</p>" in data
    assert relaxng_errors(data) == []
    verdict = tbx_checker(data, tmp_path)
    assert "Valid file:" in verdict and "INVALID" not in verdict, verdict
    for banned in (b"approval</transac>", b'type="usageNote"', "зат есім".encode()):
        assert banned not in data
    store = tt_tbx.tbxfile.parsestring(data)
    assert len(store.units) > 700


def test_tbx_checker_refuses_what_tbx_basic_does_not_allow(tmp_path):
    """The checker is not a rubber stamp: a free-text part of speech is refused."""
    from workbench.formats import tbx
    from workbench.glossary.model import Entry, Term

    data = tbx.write([Entry("a", [Term("kk", "Сот"), Term("ru", "Суд")])])
    bad = data.replace(b"<termNote type=\"termType\">fullForm</termNote>",
                       b"<termNote type=\"partOfSpeech\">\xd0\xb7\xd0\xb0\xd1\x82</termNote>", 1)
    assert "INVALID" in tbx_checker(bad, tmp_path)


def test_po_glossary_passes_msgfmt_check_for_any_stored_glossary(run_in, stored_glossary, tmp_path):
    data = run_in(glossary.export, "po")
    code, errors = msgfmt_check(data, tmp_path)
    assert code == 0 and "error" not in errors, errors
    units = [u for u in tt_po.pofile.parsestring(data).units if not u.isheader()]
    assert any(u.source == "Только по-русски" and not u.istranslated() for u in units)


@pytest.mark.parametrize("fmt", ["tbx", "tsv", "csv", "omegat", "po", "json"])
def test_stored_control_characters_cannot_break_an_export_and_it_reimports_unchanged(run_in, stored_glossary,
                                                                                     tmp_path, fmt):
    data = run_in(glossary.export, fmt)
    for bad in (b"\x00", b"\x01", b"\x07", b"\x0c", b"\x1b"):
        assert bad not in data
    path = tmp_path / f"g.{fmt}"
    path.write_bytes(data)
    plan = run_in(glossary.import_file, path, fmt, dry_run=True)
    assert plan.added == [] and plan.conflicts == []


def test_omegat_glossary_is_read_by_translate_toolkit(run_in, stored_glossary):
    store = tt_omegat.OmegaTFile.parsestring(run_in(glossary.export, "omegat"))
    pairs = {(u.source, u.target) for u in store.units}
    assert ("Парламент", "Парламент") in pairs


@pytest.fixture
def aligned(run_in):
    """The 1991 law aligned by the workbench, with a control character stored in one sentence."""
    def setup(s):
        folder = CORPORA / "law_state_independence_1991"
        kk = import_file(s, folder / "kk.raw.txt", "kk", "Заң").edition
        ru = import_file(s, folder / "ru.raw.txt", "ru", "Закон").edition
        alignment = align_editions(s, kk, ru).alignment
        first = s.scalar(select(Segment.id).where(Segment.edition_id == kk.id).order_by(Segment.position).limit(1))
        s.execute(update(Segment).where(Segment.id == first).values(text=Segment.text + "\x01\ufffe"))
        return alignment.id
    return run_in(setup)


def _export(run_in, aid, fmt, **options) -> bytes:
    out = io.BytesIO()
    run_in(exporting.export, aid, fmt, out, **options)
    return out.getvalue()


def test_tmx_validates_against_the_tmx_14_dtd_with_and_without_unpaired_beads(run_in, aligned):
    for options in ({}, {"include_unpaired": True}, {"confirmed_only": True}):
        data = _export(run_in, aligned, "tmx", **options)
        assert dtd_errors(data) == [], options
        assert b"\x01" not in data
    units = tt_tmx.tmxfile.parsestring(_export(run_in, aligned, "tmx")).getunits()
    assert units and all(u.source and u.target for u in units)


def test_xliff_validates_against_the_xliff_12_strict_schema(run_in, aligned):
    data = _export(run_in, aligned, "xliff")
    assert xsd_errors(data) == []
    assert tt_xliff.xlifffile.parsestring(data).getunits()


def test_alignment_po_passes_msgfmt_check(run_in, aligned, tmp_path):
    data = _export(run_in, aligned, "po")
    code, errors = msgfmt_check(data, tmp_path)
    assert code == 0 and "error" not in errors, errors
