"""PO export of an alignment (polib), read back with translate-toolkit."""
from __future__ import annotations

import io

from test_format_tmx import pairs
from translate.storage import pypo

from workbench.formats import alignment_po


def dump(items) -> bytes:
    out = io.BytesIO()
    alignment_po.write(items, out, project="Кітап")
    return out.getvalue()


def test_translate_toolkit_reads_one_entry_per_bead_with_the_location_as_context():
    store = pypo.pofile.parsestring(dump(pairs()))
    units = [u for u in store.units if not u.isheader()]
    assert [(u.source, u.target) for u in units] == [(p.kk.text, p.ru.text) for p in pairs()]
    assert [u.getcontext() for u in units] == [p.location for p in pairs()]
    assert units[0].getcontext() == "bead 1 · kk p. 5 l. 120 · ru p. 4 l. 98"
    # Pages as printed (the 6th page of the file is printed "iv"), as the book is read.
    assert units[2].getcontext() == "bead 3 · kk p. iv-1 l. 126 · ru"


def test_automatic_beads_are_fuzzy_and_confirmed_are_not():
    units = [u for u in pypo.pofile.parsestring(dump(pairs())).units if not u.isheader()]
    # The 1-0 bead is untranslated: empty msgstr, and not fuzzy (that would mean "translated, check it").
    assert [u.isfuzzy() for u in units] == [False, True, False]
    assert [u.istranslated() for u in units] == [True, False, False] and units[2].target == ""


def test_same_kazakh_text_in_two_beads_stays_two_entries():
    from workbench.formats.aligned import AlignedPair, Side
    twice = [AlignedPair(1, Side(["Иә."]), Side(["Да."])), AlignedPair(2, Side(["Иә."]), Side(["Так."]))]
    units = [u for u in pypo.pofile.parsestring(dump(twice)).units if not u.isheader()]
    assert [u.target for u in units] == ["Да.", "Так."]


def test_header_names_the_languages():
    store = pypo.pofile.parsestring(dump(pairs()))
    assert store.gettargetlanguage() == "ru"
    assert "X-Source-Language: kk" in dump(pairs()).decode()
