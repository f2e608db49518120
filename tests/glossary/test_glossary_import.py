"""Imports never overwrite by accident: entries matched by their terms, ids from files never trusted,
a preview before anything is stored, every own export re-imported unchanged, bad input refused whole."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from corpus_paths import GLOSSARY
from workbench.cli.main import AppContext
from workbench.errors import FormatError
from workbench.glossary.merging import numbered_ids, plan_import
from workbench.glossary.model import Entry, Term
from workbench.models import GlossaryEntry, GlossaryTerm
from workbench.services import glossary


def terms_of(session, entry_id):
    return [(t.lang, t.text) for t in glossary.get(session, entry_id).terms]


@pytest.fixture
def loaded(run_in):
    return run_in(glossary.load_shipped, GLOSSARY)


def test_po_then_omegat_files_without_ids_leave_every_earlier_entry_intact(run_in, loaded, session, tmp_path):
    before = run_in(glossary.entries)
    po = tmp_path / "other.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: ru-RU\\n"\n\nmsgid "Парламент"\nmsgstr "Сот"\n\n'
                  'msgid "Жаңа термин"\nmsgstr "Новый термин"\n', encoding="utf-8")
    omegat = tmp_path / "other.utf8"
    omegat.write_text("Парламент\tПарламент\n# a comment\nТексеру сөзі\tПроверочное слово\tанықтама\n",
                      encoding="utf-8")
    first = run_in(glossary.import_file, po)
    second = run_in(glossary.import_file, omegat)
    after = {e.id: e for e in run_in(glossary.entries)}
    for entry in before:
        assert after[entry.id] == entry  # nothing stored before was replaced or changed
    new_ids = [e.id for e in first.added + second.added]
    assert len(set(new_ids)) == len(new_ids) and all(i.startswith("imp-") for i in new_ids)
    assert ("kk", "Жаңа термин") in terms_of(session, first.added[-1].id)


def test_an_id_taken_by_another_concept_gets_a_new_id_and_a_note(run_in, loaded, session):
    stored = glossary.get(session, "term-0002")
    kk = next(t.text for t in stored.terms if t.lang == "kk")
    foreign = Entry("term-0002", [Term("kk", "Тексеру сөзі"), Term("ru", "Проверочное слово")])
    plan = run_in(lambda s: glossary.import_data(s, glossary_json([foreign]), "x.json"))
    assert [e.id for e in plan.added] == ["imp-0001"]
    assert any("id term-0002 belongs to another concept" in n for n in plan.notes)
    session.expire_all()
    assert kk in [t.text for t in glossary.get(session, "term-0002").terms]


def glossary_json(entries):
    from workbench.formats import jsonfile
    return jsonfile.write(entries)


def test_same_kk_and_ru_terms_update_the_stored_entry_and_keep_what_the_file_lacks():
    stored = [Entry("t-1", [Term("kk", "Мәжіліс"), Term("ru", "Мажилис")], category="parliament", source="book")]
    incoming = [Entry("", [Term("kk", "МӘЖІЛІС"), Term("ru", "Мажилис"), Term("ru", "нижняя палата", "variant",
                                                                         "admitted")], note="палата")]
    plan = plan_import(stored, incoming, frozenset({"note"}), numbered_ids("imp"))
    [(before, after)] = plan.updated
    assert after.id == "t-1" and after.category == "parliament" and after.source == "book"
    assert [t.text for t in after.terms] == ["Мәжіліс", "Мажилис", "нижняя палата"] and after.note == "палата"


def test_an_entry_matching_two_stored_entries_is_a_reported_conflict():
    stored = [Entry("a", [Term("kk", "азаматтық"), Term("ru", "гражданский")]),
              Entry("b", [Term("kk", "азаматтық"), Term("ru", "гражданский"), Term("ru", "гражданство")])]
    incoming = [Entry("", [Term("kk", "азаматтық"), Term("ru", "гражданский"), Term("ru", "гражданство"),
                           Term("kk", "азаматтығы")]), Entry("", [Term("kk", "азаматтық"), Term("ru", "гражданский")])]
    plan = plan_import(stored, incoming, frozenset(), numbered_ids("imp"))
    assert len(plan.updated) == 1 and plan.updated[0][0].id == "b"
    assert len(plan.conflicts) == 1 and "matches entries a, b" in plan.conflicts[0]


def test_tsv_export_then_import_keeps_forbidden_deprecated_pos_category_and_source(run_in, session, tmp_path):
    entry = Entry("x-1", [Term("kk", "Сот", pos="noun"), Term("ru", "Суд", note="орган"),
                          Term("ru", "Судилище", "variant", "forbidden"), Term("ru", "Суд.", "short-form", "deprecated")],
                  category="court", source="тест", note="n")
    run_in(glossary.save_entries, [entry])
    for fmt in ("tsv", "csv", "po", "tbx", "json"):
        data = run_in(glossary.export, fmt)
        # into an empty glossary: everything comes back
        run_in(lambda s: s.query(GlossaryEntry).delete())
        plan = run_in(lambda s: glossary.import_data(s, data, f"g.{fmt}"))
        assert [e.id for e in plan.added] == ["x-1"], fmt
        assert run_in(glossary.entries) == [entry], fmt
        # and again: nothing changes
        plan = run_in(lambda s: glossary.import_data(s, data, f"g.{fmt}"))
        assert (plan.added, plan.updated, len(plan.unchanged)) == ([], [], 1), fmt


def test_omegat_reimport_keeps_category_and_source(run_in, loaded, tmp_path):
    before = run_in(glossary.entries)
    data = run_in(glossary.export, "omegat")
    plan = run_in(lambda s: glossary.import_data(s, data, "g.utf8"))
    assert (plan.added, plan.updated, len(plan.unchanged)) == ([], [], 731)
    assert run_in(glossary.entries) == before


def test_tsv_in_the_export_layout_with_an_empty_id_column_is_accepted(run_in, loaded):
    header = "id\tcategory\tkk\tkk_abbr\tkk_variants\tru\tru_abbr\tru_variants\tstatus\tsource\tnote\n"
    data = (header + "\tcourt\tТексеру сөзі\t\t\tПроверочное слово\t\t\tproposed\t\t\n").encode()
    plan = run_in(lambda s: glossary.import_data(s, data, "new.tsv"))
    assert [e.id for e in plan.added] == ["imp-0001"]


@pytest.mark.parametrize(("code", "expected"), [("kk-KZ", "kk"), ("kk_KZ", "kk"), ("kaz", "kk"), ("KK", "kk"),
                                                ("ru-RU", "ru"), ("rus", "ru"), ("ru_RU", "ru")])
def test_language_codes_of_other_tools_are_read_as_kk_and_ru(code, expected):
    from workbench.formats import tbx

    other = "ru" if expected == "kk" else "kk"
    data = (f'<martif type="TBX-Basic"><text><body><termEntry><langSet xml:lang="{code}"><tig><term>A</term></tig>'
            f'</langSet><langSet xml:lang="{other}"><tig><term>B</term></tig></langSet></termEntry></body></text>'
            f'</martif>').encode()
    [entry] = tbx.read(data, "x.tbx")
    assert entry.terms[0].lang == expected


@pytest.mark.parametrize("code", ["en", "xx", "kz", ""])
def test_an_unknown_language_is_refused_with_its_element_and_line(code):
    from workbench.formats import tbx

    data = (f'<martif type="TBX-Basic"><text><body>\n<termEntry>\n<langSet xml:lang="{code}"><tig><term>A</term>'
            f'</tig></langSet></termEntry></body></text></martif>').encode()
    with pytest.raises(FormatError, match=r"x\.tbx:3: <langSet"):
        tbx.read(data, "x.tbx")


def test_json_with_an_unknown_language_is_refused():
    data = b'{"format": "workbench-glossary", "version": 1, "entries": [\n{"id": "a", "terms": [{"lang": "en", "text": "x"}]}\n]}'
    from workbench.formats import jsonfile
    with pytest.raises(FormatError, match=r"x\.json:2: .*'en' is neither kk"):
        jsonfile.read(data, "x.json")


@pytest.mark.parametrize(("name", "data", "line"), [
    ("a.tsv", "id\tcategory\tkk\tkk_abbr\tkk_variants\tru\tru_abbr\tru_variants\tstatus\tsource\tnote\n"
              "t-1\t\tСот\x01\t\t\tСуд\t\t\tproposed\t\t\n", 2),
    ("b.tsv", "id\tcategory\tkk\tkk_abbr\tkk_variants\tru\tru_abbr\tru_variants\tstatus\tsource\tnote\n"
              "t-1\t\tСот\t\t\tСуд\x0cсуд\t\t\tproposed\t\t\n", 2),
    ("c.utf8", "Сот\tСуд\n\nПарламент\x01\tПарламент\n", 3),
    ("d.po", 'msgid "Сот"\nmsgstr "Суд\x01"\n', 2),
])
def test_control_characters_are_refused_with_their_line_and_nothing_is_stored(run_in, session, name, data, line):
    with pytest.raises(FormatError, match=rf"{name}:{line}: control character U\+00"):
        run_in(lambda s: glossary.import_data(s, data.encode(), name))
    assert session.scalar(select(func.count()).select_from(GlossaryTerm)) == 0


def test_a_control_character_escaped_in_json_is_refused():
    from workbench.formats import jsonfile
    data = b'[\n{"id": "a", "terms": [{"lang": "kk", "text": "x\\u0001"}]}\n]'
    with pytest.raises(FormatError, match=r"x\.json:2: entry a: control character U\+0001"):
        jsonfile.read(data, "x.json")


def test_a_doctype_declaring_entities_is_refused_on_import(run_in, session):
    data = (b'<?xml version="1.0"?>\n<!DOCTYPE martif [\n<!ENTITY x "boom">\n]>\n<martif><text><body><termEntry>'
            b'<langSet xml:lang="kk"><tig><term>&x;</term></tig></langSet></termEntry></body></text></martif>')
    with pytest.raises(FormatError, match=r"e\.tbx:3: the DOCTYPE declares entities"):
        run_in(lambda s: glossary.import_data(s, data, "e.tbx"))


# --- the command line ---------------------------------------------------------------------------------

def invoke(cli_runner, args, **kw):
    from workbench.cli.main import cli
    return cli_runner.invoke(cli, args, obj=AppContext(), **kw)


def test_dry_run_shows_add_update_skip_and_stores_nothing(cli_runner, run_in, loaded, session, tmp_path):
    path = tmp_path / "new.utf8"
    path.write_text("Тексеру сөзі\tПроверочное слово\nПарламент\tПарламент\n", encoding="utf-8")
    result = invoke(cli_runner, ["glossary", "import", "--dry-run", str(path)])
    assert result.exit_code == 0, result.output
    assert "add imp-0001: «Тексеру сөзі» / «Проверочное слово»" in result.output
    assert "would be: 1 entry added, 0 updated, 1 unchanged, 0 skipped as conflicts" in result.output
    assert session.scalar(select(func.count()).select_from(GlossaryEntry)) == 731


def test_a_30_mb_file_is_refused_on_the_command_line(cli_runner, tmp_path):
    big = tmp_path / "big.utf8"
    line = "Парламент\tПарламент\t[omegat-1]\n".encode()
    big.write_bytes(line * (30 * 1024 * 1024 // len(line) + 1))
    result = invoke(cli_runner, ["glossary", "import", str(big)])
    assert result.exit_code == 1 and "over the import limit" in result.output and "big.utf8" in result.output
    result = invoke(cli_runner, ["import-alignment", str(big.rename(tmp_path / "big.tmx"))])
    assert result.exit_code == 1 and "over the import limit" in result.output


def test_dash_is_standard_input_for_import_and_standard_output_for_export(cli_runner, loaded, tmp_path):
    result = invoke(cli_runner, ["glossary", "export", "--format", "omegat", "-"])
    assert result.exit_code == 0 and "Парламент\tПарламент" in result.output
    result = invoke(cli_runner, ["glossary", "import", "--format", "omegat", "-"], input=result.output)
    assert result.exit_code == 0 and "731 unchanged" in result.output
    result = invoke(cli_runner, ["glossary", "import", "-"], input="x")
    assert result.exit_code == 1 and "give --format" in result.output


def test_a_missing_output_folder_is_one_clear_line(cli_runner, tmp_path):
    result = invoke(cli_runner, ["glossary", "export", "--format", "tbx", str(tmp_path / "nowhere" / "g.tbx")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (f"error: {tmp_path / 'nowhere' / 'g.tbx'}: the folder "
                                                      f"{tmp_path / 'nowhere'} does not exist")


def test_a_po_glossary_in_other_languages_is_refused_with_its_header_line():
    from workbench.formats import po

    data = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "Сот"\nmsgstr "Court"\n'.encode()
    with pytest.raises(FormatError, match=r"x\.po:3: the header's Language is 'en'"):
        po.read(data, "x.po")
    assert po.read(data.replace(b"Language: en", b"Language: ru_RU"), "x.po")[0].terms[1].text == "Court"
