"""The stored glossary: shipped data loaded, inflected search, approval, merge, usages, exchange files."""
from __future__ import annotations

import polib
import pytest
from sqlalchemy import func, select
from translate.storage import tbx as tt_tbx

from workbench.errors import FormatError, InputError
from workbench.models import GlossaryEntry, GlossaryTerm
from workbench.services import glossary
from workbench.services.importing import import_file

from corpus_paths import BOOK, ROOT

LINES = BOOK.read_text(encoding="utf-8").split("\n")


@pytest.fixture
def loaded(run_in):
    return run_in(glossary.load_shipped, ROOT / "glossary")


def test_shipped_glossary_is_loaded_once(run_in, loaded, session):
    assert loaded.created == 731
    assert run_in(glossary.load_shipped, ROOT / "glossary").created == 0
    assert session.scalar(select(func.count()).select_from(GlossaryEntry)) == 731
    # every abbreviation of the book's list is there with a Russian equivalent
    abbr = session.scalars(select(GlossaryEntry).where(GlossaryEntry.id.like("abbr-%"))).all()
    assert len(abbr) == 104
    assert all(any(t.lang == "ru" for t in e.terms) for e in abbr)


@pytest.mark.parametrize(("query", "lang", "expected"), [
    ("партиясының", "kk", "партия"),     # Kazakh genitive of a possessive form
    ("партией", "ru", "партия"),          # Russian instrumental
    ("ҚР-ның", "kk", "ҚР"),               # abbreviation with a case ending
    ("мәжіліс", None, "Мәжіліс"),         # case-insensitive, Kazakh letters kept
])
def test_search_finds_entries_by_any_inflected_form(run_in, loaded, query, lang, expected):
    def texts(session):
        rows, total = glossary.search(session, query, lang)
        return total, [t.text for r in rows for t in r.terms]
    total, found = run_in(texts)
    assert total >= 1
    assert expected in found


def test_search_keeps_kazakh_letters_distinct(run_in, loaded):
    _, total_k = run_in(lambda s: glossary.search(s, "кеңес", "kk"))
    _, total_q = run_in(lambda s: glossary.search(s, "қеңес", "kk"))
    assert total_k > 0 and total_q == 0


def test_approve_records_who_and_when(run_in, loaded, session):
    run_in(glossary.approve, "term-0002", "aigerim")
    row = session.get(GlossaryEntry, "term-0002")
    assert row.approval == "approved" and row.approved_by == "aigerim" and row.approved_at is not None


def test_merge_moves_missing_terms_and_removes_the_duplicate(run_in, session):
    from workbench.glossary.model import Entry, Term
    run_in(glossary.save_entries, [
        Entry("t-a", [Term("kk", "сайлау"), Term("ru", "выборы")]),
        Entry("t-b", [Term("kk", "сайлау"), Term("ru", "избрание"), Term("kk", "сайлаулар", "variant", "admitted")]),
    ])
    run_in(glossary.merge, "t-a", "t-b")
    session.expire_all()
    kept = session.get(GlossaryEntry, "t-a")
    assert sorted(t.text for t in kept.terms) == ["выборы", "избрание", "сайлау", "сайлаулар"]
    assert session.get(GlossaryEntry, "t-b") is None
    with pytest.raises(InputError, match="merged with itself"):
        run_in(glossary.merge, "t-a", "t-a")


def test_usages_finds_inflected_forms_in_stored_editions(run_in, loaded, tmp_path):
    path = tmp_path / "part.txt"
    path.write_text("\n".join(LINES[1590:1700]) + "\n", encoding="utf-8")  # Парламентте (1603), Парламенттің (1657)
    run_in(import_file, path, "kk", "I тарау")
    found = run_in(glossary.usages, "term-0002")  # Парламент
    surfaces = {u.text[u.start:u.end] for u in found}
    assert {"Парламентте", "Парламенттің"} <= surfaces
    assert all(s.lower().startswith("парламент") for s in surfaces)


def test_exported_tbx_is_read_by_translate_toolkit(run_in, loaded, tmp_path):
    data = run_in(glossary.export, "tbx")
    path = tmp_path / "g.tbx"
    path.write_bytes(data)
    store = tt_tbx.tbxfile.parsefile(str(path))
    assert len(store.units) == 731
    sources = {u.source for u in store.units}
    assert "Қазақстан халқы ассамблеясы" in sources


def test_exported_po_has_one_message_per_term_pair_with_the_entry_id(run_in, loaded, tmp_path):
    path = tmp_path / "g.po"
    path.write_bytes(run_in(glossary.export, "po"))
    po = polib.pofile(str(path))
    contexts = {m.msgctxt for m in po}
    assert "abbr-001" in contexts and "term-0002" in contexts
    assert any(m.msgid == "Парламент" and m.msgstr == "Парламент" for m in po)


@pytest.mark.parametrize("fmt", ["tbx", "tsv", "csv", "omegat", "json", "po"])
def test_export_then_import_changes_nothing(run_in, loaded, session, tmp_path, fmt):
    before = run_in(glossary.entries)
    path = tmp_path / f"g.{fmt}"
    path.write_bytes(run_in(glossary.export, fmt))
    plan = run_in(glossary.import_file, path, fmt)
    assert (len(plan.added), len(plan.updated), len(plan.unchanged), plan.conflicts) == (0, 0, 731, [])
    assert run_in(glossary.entries) == before


def test_malformed_file_is_refused_whole(run_in, session, tmp_path):
    path = tmp_path / "bad.tsv"
    good = "t-1\tparty\tпартия\t\t\tпартия\t\t\tproposed\t\t"
    path.write_text("id\tcategory\tkk\tkk_abbr\tkk_variants\tru\tru_abbr\tru_variants\tstatus\tsource\tnote\n"
                    f"{good}\nt-2\tparty\tтек үш бағана\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad\.tsv:3"):
        run_in(glossary.import_file, path)
    assert session.scalar(select(func.count()).select_from(GlossaryTerm)) == 0


def test_unknown_extension_asks_for_a_format(run_in, tmp_path):
    path = tmp_path / "g.xyz"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="cannot tell the glossary format"):
        run_in(glossary.import_file, path)


def test_cli_glossary_export_and_import(cli_runner, tmp_path):
    from workbench.cli.main import cli

    out = tmp_path / "g.tsv"
    result = cli_runner.invoke(cli, ["glossary", "export", "--format", "tsv", str(out)])
    assert result.exit_code == 0, result.output
    assert "731 entries written as tsv" in result.output
    result = cli_runner.invoke(cli, ["glossary", "import", str(out)])
    assert result.exit_code == 0 and "0 entries added, 0 updated, 731 unchanged" in result.output
    bad = tmp_path / "bad.tbx"
    bad.write_text("<martif><text><body><termEntry>", encoding="utf-8")
    result = cli_runner.invoke(cli, ["glossary", "import", str(bad)])
    assert result.exit_code == 1 and "bad.tbx" in result.output
