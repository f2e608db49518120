"""The round-trip contract every format's tests subclass (after translate-toolkit's store tests).

A subclass says how to build items of its format and how to write and read them; the contract
checks the empty file, a lossless round trip through bytes and through a file, Kazakh letters,
markup-like text, and that malformed files are refused whole with an error naming the line.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pytest

from workbench.errors import FormatError

KAZAKH = "Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі: Қазақстан Республикасының Парламенті"
MARKUP = 'a <b>bold</b> & "quoted" \'single\' <!-- no comment --> &amp; ]]> text'


class StoreContract:
    """Subclass with ``Test…``, fill the hooks, and every format gets the same tests."""

    # (file bytes, 1-based line the error must name) for files the reader must refuse.
    malformed: ClassVar[list[tuple[bytes, int]]] = []
    path: ClassVar[str] = "sample"

    def sample(self) -> list[Any]:
        """Items using every field the format can carry."""
        raise NotImplementedError

    def item_with_text(self, text: str) -> Any:
        """One item whose main text fields hold ``text``."""
        raise NotImplementedError

    def dump(self, items: list[Any]) -> bytes:
        raise NotImplementedError

    def load(self, data: bytes) -> list[Any]:
        raise NotImplementedError

    def expected(self, items: list[Any]) -> list[Any]:
        """What reading back should give: the items, unless the format drops something on purpose."""
        return items

    def test_empty_round_trip(self) -> None:
        assert self.load(self.dump([])) == []

    def test_round_trip_through_bytes_without_loss(self) -> None:
        items = self.sample()
        assert self.load(self.dump(items)) == self.expected(items)

    def test_writing_what_was_read_gives_the_same_bytes(self) -> None:
        data = self.dump(self.sample())
        assert self.dump(self.load(data)) == data

    def test_round_trip_through_a_file(self, tmp_path: Path) -> None:
        target = tmp_path / self.path
        target.write_bytes(self.dump(self.sample()))
        assert self.load(target.read_bytes()) == self.expected(self.sample())

    def test_kazakh_letters_are_kept_as_written(self) -> None:
        items = [self.item_with_text(KAZAKH)]
        data = self.dump(items)
        assert KAZAKH.split(":")[1].strip() in data.decode("utf-8")
        assert self.load(data) == self.expected(items)

    def test_markup_like_text_survives(self) -> None:
        items = [self.item_with_text(MARKUP)]
        assert self.load(self.dump(items)) == self.expected(items)

    def test_malformed_files_are_refused_naming_the_line(self) -> None:
        assert self.malformed, "give at least one malformed file"
        for data, line in self.malformed:
            with pytest.raises(FormatError) as caught:
                self.load(data)
            assert caught.value.line == line, (data, str(caught.value))
            assert self.path in str(caught.value)
