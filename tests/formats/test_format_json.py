"""JSON glossaries: the store contract and errors that name the entry's line."""
from __future__ import annotations

import json

from contract import StoreContract
from glossary_samples import rich_entries, with_text

from workbench.formats import jsonfile
from workbench.glossary.model import Entry

GOOD = '{"id": "t-1", "terms": [{"lang": "kk", "text": "партия"}]}'


class TestJsonStore(StoreContract):
    path = "glossary.json"
    malformed = [
        (b'{"format": "workbench-glossary", "entries": [\n{"id": "t-1",, }\n]}', 2),
        (f'{{"entries": [\n{GOOD},\n{{"id": "t-2", "terms": []}}\n]}}'.encode(), 3),
        (f'[\n{GOOD},\n\n{{"id": "t-2", "terms": '
         f'[{{"lang": "kk", "text": "x", "status": "odd"}}]}}]'.encode(),
         4),
        (f'{{"entries": [\n{GOOD},\n{GOOD}\n]}}'.encode(), 3),
        (b'"just a string"', 1),
    ]

    def sample(self) -> list[Entry]:
        return rich_entries()

    def item_with_text(self, text: str) -> Entry:
        return with_text(text)

    def dump(self, items: list[Entry]) -> bytes:
        return jsonfile.write(items)

    def load(self, data: bytes) -> list[Entry]:
        return jsonfile.read(data, self.path)


def test_one_entry_per_line_and_valid_json() -> None:
    data = jsonfile.write(rich_entries()).decode()
    document = json.loads(data)
    assert document["format"] == "workbench-glossary" and len(document["entries"]) == 4
    assert data.splitlines()[1].startswith('{"id": "abbr-001"')
    assert "Қазақстан" in data  # written as letters, not \\u escapes
