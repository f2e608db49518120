"""PO glossaries via polib: the store contract, one message per term pair, read back by translate-toolkit."""
from __future__ import annotations

import polib
from contract import StoreContract
from glossary_samples import rich_entries, with_text
from translate.storage import pypo

from workbench.formats import po
from workbench.glossary.model import Entry, Term


class TestPoStore(StoreContract):
    path = "glossary.po"
    malformed = [
        (b'msgctxt "a"\nmsgid "x"\nmsgstr "y"\n\nmsgid "unclosed\n', 5),
        ('#. kk: nonsense preferred\nmsgctxt "a"\nmsgid "партия"\nmsgstr "партия"\n'.encode(), 3),
    ]

    def sample(self) -> list[Entry]:
        return rich_entries()

    def item_with_text(self, text: str) -> Entry:
        return with_text(text)

    def dump(self, items: list[Entry]) -> bytes:
        return po.write(items)

    def load(self, data: bytes) -> list[Entry]:
        return po.read(data, self.path)


def test_one_message_per_term_pair_with_the_entry_id_as_context() -> None:
    messages = [m for m in polib.pofile(po.write(rich_entries()).decode()) if m.msgid]
    assert [(m.msgctxt, m.msgid, m.msgstr) for m in messages[:4]] == [
        ("abbr-001", "Қазақстан Республикасы", "Республика Казахстан"),
        ("abbr-001", "ҚР", "РК"),
        ("term-0001", "«Нұр Отан» партиясы", "партия «Нур Отан»"),
        ("term-0001", "Нұр Отан", "«Нур Отан»"),
    ]
    assert [(m.msgid, m.msgstr) for m in messages if m.msgctxt == "term-0003"] == [
        ("Жоғарғы Кеңес", "Верховный Совет"), ("Жоғарғы Совет", "Верх. Совет")
    ]
    assert [(m.msgid, m.msgstr) for m in messages if m.msgctxt == "term-0002"] == [("Елбасы", "")]


def test_a_kazakh_term_without_a_russian_one_of_its_type_shows_the_preferred_term() -> None:
    entry = Entry("t-1", [Term("kk", "Құрылтай"), Term("kk", "Құрылтайы", "variant", "admitted"),
                          Term("ru", "Курултай")])
    data = po.write([entry])
    assert [(m.msgid, m.msgstr) for m in polib.pofile(data.decode()) if m.msgid] == [
        ("Құрылтай", "Курултай"), ("Құрылтайы", "Курултай")
    ]
    assert po.read(data, "x.po") == [entry]


def test_translate_toolkit_reads_the_pairs() -> None:
    store = pypo.pofile.parsestring(po.write(rich_entries()))
    units = [u for u in store.units if not u.isheader()]
    assert units[0].getcontext() == "abbr-001"
    assert (units[0].source, units[0].target) == ("Қазақстан Республикасы", "Республика Казахстан")
    assert units[0].getnotes("translator") == "Мемлекеттің ресми атауы (book line 843)"


def test_messages_without_context_are_entries_of_their_own_without_an_id() -> None:
    # The importer gives them ids; ids made from line numbers would collide between files.
    data = 'msgid "Мәжіліс"\nmsgstr "Мажилис"\n\nmsgid "Сенат"\nmsgstr "Сенат"\n'.encode()
    entries = po.read(data, "x.po")
    assert [(e.id, [t.text for t in e.terms]) for e in entries] == [
        ("", ["Мәжіліс", "Мажилис"]), ("", ["Сенат", "Сенат"])
    ]
