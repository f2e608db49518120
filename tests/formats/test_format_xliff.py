"""XLIFF 1.2 of an alignment, read back with translate-toolkit."""
from __future__ import annotations

import io

from lxml import etree
from test_format_tmx import pairs
from translate.storage import xliff as tt_xliff

from workbench.formats import xliff

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


def dump(items) -> bytes:
    out = io.BytesIO()
    xliff.write(items, out, original="Кітап | Книга")
    return out.getvalue()


def test_translate_toolkit_reads_every_bead_with_source_target_and_approval():
    store = tt_xliff.xlifffile.parsestring(dump(pairs()))
    units = store.getunits()
    # The 1-0 bead is untranslated (no target), not translated as empty.
    assert [(u.source, u.target) for u in units] == [(p.kk.text, p.ru.text or None) for p in pairs()]
    assert [u.isapproved() for u in units] == [True, False, False]
    assert store.getsourcelanguage() == "kk" and store.gettargetlanguage() == "ru"


def test_file_element_and_states_follow_xliff_12():
    root = etree.fromstring(dump(pairs()))
    assert root.get("version") == "1.2"
    file = root.find("x:file", NS)
    assert (file.get("source-language"), file.get("target-language"), file.get("datatype")) == ("kk", "ru", "plaintext")
    states = [t.get("state") for t in root.iterfind(".//x:target", NS)]
    assert states == ["final", "needs-review-translation"]
    assert root.find("x:file/x:body/x:trans-unit[@id='bead-3']/x:target", NS) is None
    notes = [n.text for n in root.iterfind(".//x:trans-unit[@id='bead-2']/x:note", NS)]
    assert notes[0].startswith("bead 2 · kk p. 5-6 l. 121-125 · ru p. 4 l. 99") and notes[1] == "проверить"
    note = root.find(".//x:trans-unit[@id='bead-3']/x:note", NS).text
    assert note.startswith("bead 3 · kk p. iv-1 l. 126"), note


def test_markup_in_text_is_escaped_not_interpreted():
    from workbench.formats.aligned import AlignedPair, Side
    text = 'a <b>bold</b> & <g id="1">x</g>'
    data = dump([AlignedPair(1, Side([text]), Side(["б"]))])
    assert b"&lt;b&gt;bold&lt;/b&gt; &amp;" in data
    assert tt_xliff.xlifffile.parsestring(data).units[0].source == text
