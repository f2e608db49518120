"""Write paragraphs as a real DOCX with python-docx: headings in Word's heading styles, numbered points as
list items, a hard page break before every ``page_every``-th paragraph, empty paragraphs between sections."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK


@dataclass
class WrittenDocx:
    """The file and, for every paragraph given, its 1-based paragraph number in the body and its page."""

    path: Path
    numbers: list[int] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)


def write_docx(paragraphs: list[str], path: Path, *, headings: frozenset[int] = frozenset(),
               list_items: frozenset[int] = frozenset(), page_every: int = 0) -> WrittenDocx:
    document = docx.Document()
    result = WrittenDocx(path)
    number, page = 0, 1
    for i, text in enumerate(paragraphs):
        if i in headings and i:
            document.add_paragraph("")  # an empty paragraph before a heading: counted, not read
            number += 1
        if page_every and i and i % page_every == 0:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            number += 1
            page += 1
        if i in headings:
            document.add_heading(text, level=1)
        elif i in list_items:
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
        number += 1
        result.numbers.append(number)
        result.pages.append(page)
    document.save(str(path))
    return result
