"""TSV of an alignment: the store contract, escapes, and the two-column form without a header."""
from __future__ import annotations

import io

import pytest
from contract import StoreContract
from test_format_tmx import pairs

from workbench.errors import FormatError
from workbench.formats import alignment_tsv
from workbench.formats.aligned import AlignedPair, Side


def dump(items) -> bytes:
    out = io.BytesIO()
    alignment_tsv.write(items, out)
    return out.getvalue()


class TestAlignmentTsvStore(StoreContract):
    path = "alignment.tsv"
    malformed = [
        (b"position\tkk\tru\tscore\n1\ta\tb\thigh\n", 2),
        (b"position\tkk\tru\n1\ta\tb\n2\t\t\n", 3),
        (b"position\tru\n1\tb\n", 1),
        (b"position\tkk\tru\tkk_breaks\n1\tab\tc\t9\n", 2),
    ]

    def sample(self):
        return pairs()

    def item_with_text(self, text):
        return AlignedPair(1, Side([text]), Side([text + " (ru)"]), "auto", 0.5)

    def dump(self, items):
        return dump(items)

    def load(self, data):
        return alignment_tsv.read(data, self.path)


@pytest.mark.parametrize("text", ["tab\there", "line\nbreak", "back\\slash", "\\t literal", "cr\rend"])
def test_tabs_line_breaks_and_backslashes_survive(text):
    item = [AlignedPair(1, Side([text]), Side(["б"]))]
    data = dump(item)
    assert data.count(b"\n") == 2 and alignment_tsv.read(data)[0].kk.sentences == [text]


def test_pages_are_printed_with_their_positions_beside_when_printed_otherwise():
    rows = [dict(zip(alignment_tsv.COLUMNS, line.split("\t"))) for line in dump(pairs()).decode().splitlines()[1:]]
    assert [(r["kk_pages"], r["kk_page_positions"]) for r in rows] == [("5", ""), ("5-6", ""), ("iv-1", "6-7")]


def test_two_columns_without_a_header_are_kazakh_then_russian():
    got = alignment_tsv.read("Бір.\tОдин.\nЕкі.\t\n\tТри.\n".encode())
    assert [(p.kk.sentences, p.ru.sentences) for p in got] == [(["Бір."], ["Один."]), (["Екі."], []), ([], ["Три."])]


def test_not_utf8_is_refused():
    with pytest.raises(FormatError, match="not UTF-8"):
        alignment_tsv.read(b"\xff\xfe\x00a", "x.tsv")
