"""TBX-Basic glossaries: the store contract, TBX-Basic structure, and reading back with translate-toolkit."""
from __future__ import annotations

from contract import StoreContract
from glossary_samples import rich_entries, with_text, without
import pytest
from lxml import etree
from translate.storage import tbx as tt_tbx

from workbench.errors import FormatError
from workbench.formats import tbx
from workbench.glossary.model import Entry


class TestTbxStore(StoreContract):
    path = "glossary.tbx"
    malformed = [
        (b"<martif><text><body><termEntry id='a'>\n<langSet>\n</termEntry></body></text></martif>", 3),
        (b'<?xml version="1.0"?>\n<tmx>\n</tmx>', 2),
        (b"<martif>\n<text><body>\n<termEntry id='a'><langSet xml:lang='kk'>\n<tig><note>x</note></tig>"
         b"</langSet></termEntry></body></text></martif>", 4),
        (b"<martif>\n<text><body>\n<termEntry id='a'>\n<langSet><tig><term>x</term></tig></langSet>"
         b"</termEntry></body></text></martif>", 4),
        (b"<martif><text><body><termEntry id='a'><langSet xml:lang='kk'>\n\n<tig><term>x</term>"
         b"<termNote type='termType'>nonsense</termNote></tig></langSet></termEntry></body></text>"
         b"</martif>", 3),
        (b"<martif><text><body>\n<termEntry id='a'><langSet xml:lang='kk'><tig><term>x</term></tig></langSet>"
         b"</termEntry>\n<termEntry id='a'><langSet xml:lang='kk'><tig><term>y</term></tig></langSet>"
         b"</termEntry></body></text></martif>", 3),
    ]

    def sample(self) -> list[Entry]:
        return rich_entries()

    def item_with_text(self, text: str) -> Entry:
        return with_text(text)

    def dump(self, items: list[Entry]) -> bytes:
        return tbx.write(items)

    def load(self, data: bytes) -> list[Entry]:
        return tbx.read(data, self.path)

    def expected(self, items: list[Entry]) -> list[Entry]:
        # TBX-Basic's <date> is a date: the time of an approval is not written.
        return [without(e, approved_at=e.approved_at[:10]) if e.approved_at else e for e in items]


def test_written_file_has_the_tbx_basic_structure() -> None:
    root = etree.fromstring(tbx.write(rich_entries()))
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    entry = root.find("text/body/termEntry")
    assert entry.get("id") == "abbr-001"
    assert entry.findtext("descrip[@type='subjectField']") == "state"
    lang_sets = entry.findall("langSet")
    assert [ls.get("{http://www.w3.org/XML/1998/namespace}lang") for ls in lang_sets] == ["kk", "ru"]
    abbreviation = lang_sets[0].findall("tig")[1]
    assert abbreviation.findtext("term") == "ҚР"
    assert abbreviation.findtext("termNote[@type='termType']") == "abbreviation"
    assert abbreviation.findtext("termNote[@type='administrativeStatus']") == "preferredTerm-admn-sts"
    # TBX-Basic knows only origination and modification transactions: the approval is a note.
    assert entry.findtext("transacGrp/transac[@type='transactionType']") == "modification"
    assert entry.findtext("transacGrp/date") == "2026-11-26"
    assert "approval: approved" in [n.text for n in entry.findall("note")]


def test_translate_toolkit_reads_terms_and_statuses_back() -> None:
    store = tt_tbx.tbxfile.parsestring(tbx.write(rich_entries()), sourcelanguage="kk", targetlanguage="ru")
    units = store.units
    sources = ["Қазақстан Республикасы", "«Нұр Отан» партиясы", "Елбасы", "Жоғарғы Кеңес"]
    assert [u.source for u in units] == sources
    assert units[0].target == "Республика Казахстан"
    assert [t.text for t in units[0].get_source_terms()] == ["Қазақстан Республикасы", "ҚР"]
    assert [t.text for t in units[0].get_target_terms()] == ["Республика Казахстан", "РК"]
    deprecated = units[3].get_source_terms()[1]
    assert deprecated.text == "Жоғарғы Совет" and deprecated.deprecated


def test_a_doctype_declaring_entities_is_refused() -> None:
    data = (b'<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY x "EXPANDED">]>\n<martif><text><body>'
            b"<termEntry id='a'><langSet xml:lang='kk'><tig><term>a&x;b</term></tig></langSet></termEntry>"
            b"</body></text></martif>")
    with pytest.raises(FormatError, match="evil.tbx:2: the DOCTYPE declares entities"):
        tbx.read(data, "evil.tbx")


def test_tbx_2019_concept_entries_are_read() -> None:
    data = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="kk" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body><conceptEntry id="c1"><langSec xml:lang="kk"><termSec><term>Мәжіліс</term>
<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec></langSec>
<langSec xml:lang="ru"><termSec><term>Мажилис</term></termSec></langSec></conceptEntry></body></text></tbx>
""".encode()
    [entry] = tbx.read(data, "other.tbx")
    expected = [("kk", "Мәжіліс", "admitted"), ("ru", "Мажилис", "preferred")]
    assert [(t.lang, t.text, t.status) for t in entry.terms] == expected
