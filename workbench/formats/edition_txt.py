"""An edition as plain UTF-8 text: one paragraph or heading per line, a blank line between them."""
from __future__ import annotations

from typing import Iterable


def write_edition_txt(paragraphs: Iterable[tuple[bool, str]]) -> bytes:
    """``paragraphs`` are (is heading, text) in reading order."""
    return ("\n\n".join(text for _heading, text in paragraphs) + "\n").encode("utf-8")
