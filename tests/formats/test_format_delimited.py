"""CSV, TSV and OmegaT glossaries: the store contract per dialect, and reading back with translate-toolkit."""
from __future__ import annotations

import csv
import io

import pytest
from contract import StoreContract
from glossary_samples import plain_entries, with_text, without
from translate.storage import csvl10n, omegat

from workbench.errors import FormatError
from workbench.formats import delimited
from workbench.glossary.data import COLUMNS, parse_glossary_tsv
from workbench.glossary.model import Entry


class TestTsvStore(StoreContract):
    path = "glossary.tsv"
    malformed = [
        ("\t".join(COLUMNS) + "\nterm-1\tparty\tпартия\n").encode(),  # too few fields
        b"id\tkk\tru\n",  # header lacks columns
        ("\t".join(COLUMNS) + "\n\nterm-1\t\tпартия\t\t\tпартия\t\t\tmaybe\t\t\n").encode(),  # bad status
        ("\t".join(COLUMNS) + "\nt-1\t\tа\t\t\tа\t\t\tproposed\t\t\n"
         "t-1\t\tб\t\t\tб\t\t\tproposed\t\t\n").encode(),
        ("\t".join(COLUMNS) + "\n\xd2\x9a\n").encode("latin-1") + b"\xff\n",
    ]
    malformed = list(zip(malformed, [2, 1, 3, 3, 3]))
    dialect = "tsv"

    def sample(self) -> list[Entry]:
        return plain_entries()

    def item_with_text(self, text: str) -> Entry:
        return with_text(text)

    def dump(self, items: list[Entry]) -> bytes:
        return delimited.write(items, self.dialect)

    def load(self, data: bytes) -> list[Entry]:
        return delimited.read(data, self.path)


class TestCsvStore(TestTsvStore):
    path = "glossary.csv"
    dialect = "csv"
    malformed = [
        (",".join(COLUMNS).encode() + b'\nt-1,,"unclosed\n', 2),
        (",".join(COLUMNS).encode() + b"\nt-1,,a\n", 2),
    ]


class TestOmegatStore(TestTsvStore):
    path = "glossary.utf8"
    dialect = "omegat"
    malformed = [
        ("# comment\nпартия\tпартия\tc\textra\n".encode(), 2),
        ("партия\tпартия\n\tпартия\t[t-1]\n".encode(), 2),
    ]

    def expected(self, items: list[Entry]) -> list[Entry]:
        # OmegaT carries terms, the entry id and its note; nothing else.
        dropped = {"category": None, "source": None, "approval": "proposed",
                   "approved_by": None, "approved_at": None}
        return [without(e, **dropped) for e in items]


def test_tsv_written_for_exchange_is_read_as_shipped_data() -> None:
    data = delimited.write(plain_entries(), "tsv").decode()
    assert parse_glossary_tsv(data, "x.tsv") == plain_entries()


def test_csv_loads_in_translate_toolkit_with_our_columns() -> None:
    data = delimited.write(plain_entries(), "csv")
    rows = list(csv.DictReader(io.StringIO(data.decode())))
    assert rows[0]["kk"] == "Қазақстан Республикасы" and rows[0]["kk_abbr"] == "ҚР"
    store = csvl10n.csvfile(io.BytesIO(data))
    assert len(store.units) == 3


def test_omegat_glossary_loads_in_translate_toolkit_kk_to_ru() -> None:
    data = delimited.write(plain_entries(), "omegat")
    store = omegat.OmegaTFile(io.BytesIO(data))
    pairs = [(u.source, u.target) for u in store.units]
    assert pairs[:3] == [("Қазақстан Республикасы", "Республика Казахстан"), ("ҚР", "РК"),
                         ("«Нұр Отан» партиясы", "партия «Нур Отан»")]
    assert store.units[0].getnotes() == "[abbr-001] Мемлекеттің ресми атауы (book line 843)"


def test_tsv_without_our_header_is_read_as_omegat() -> None:
    [entry] = delimited.read("Мәжіліс\tМажилис\tнижняя палата\n".encode(), "from-omegat.tsv")
    assert [(t.lang, t.text) for t in entry.terms] == [("kk", "Мәжіліс"), ("ru", "Мажилис")]
    assert entry.note == "нижняя палата"


def test_a_csv_quote_never_closed_is_reported_on_the_line_it_opens() -> None:
    """The reader only notices at the end of the file; the line to fix is where the quote opens."""
    data = (",".join(COLUMNS) + '\nt-1,,а,,,а,,,proposed,,\nt-2,,"бұзылған,,,б,,,proposed,,\n'
            "t-3,,в,,,в,,,proposed,,\nt-4,,г,,,г,,,proposed,,\n").encode()
    with pytest.raises(FormatError) as caught:
        delimited.read(data, "g.csv")
    assert caught.value.line == 3 and str(caught.value).startswith("g.csv:3: ")
    assert "never closed" in str(caught.value) and "unexpected end of data" not in str(caught.value)


def test_a_csv_record_spanning_lines_is_named_by_its_first_line() -> None:
    data = (",".join(COLUMNS) + '\nt-1,,"а\nа",,,а,,,proposed,,\nt-2,,"б\nб\nб",,,б,,,proposed\n').encode()
    with pytest.raises(FormatError) as caught:
        delimited.read(data, "g.csv")
    assert caught.value.line == 4, str(caught.value)
