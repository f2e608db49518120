"""Value types shared by the text pipeline, the checks and the services (pure, no I/O).

Provenance convention, by kind of source:

* text file: ``line`` is the 1-based line of the file; ``page`` the 1-based page counted from the
  start of the file (a page starts at a line opening with a space), ``None`` when it has no pages;
* PDF: ``page`` is the 1-based page in the file's order (its printed label is kept beside it) and
  ``line`` the 1-based line within that page, counted from the top of the body text (running
  headers, footers and page numbers not counted), so "page 12, line 5" is found on the printed page;
* DOCX: ``line`` is the 1-based paragraph number (every paragraph of the body, empty ones and
  table cells' included, in reading order); ``page`` comes from the page breaks the file records,
  ``None`` when it records none.

Character offsets are 0-based offsets into a block's cleaned ``text``.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "heading", "list_item"]
LANGUAGES = ("kk", "ru")


@dataclass(frozen=True)
class SourceLine:
    """One line of a source file as read, without its line break."""

    number: int
    text: str


@dataclass(frozen=True)
class PrintedLine:
    """A line of a printed page (a PDF's), with what its position on the page says.

    ``line`` is the 1-based line within its page, counting the body's lines from the top (running
    headers, footers and page numbers are not counted); ``page`` is the 1-based page in the file's order.
    """

    text: str
    line: int
    page: int
    wrapped: bool  # the line runs on into the next one: the paragraph goes on
    gap: bool  # set apart from the line before by extra space, or a centred line opening a page


@dataclass(frozen=True)
class Anchor:
    """Where a stretch of a block's text starts in the source: offset in text -> line and page."""

    offset: int
    line: int
    page: int | None


@dataclass
class Block:
    """A paragraph, heading or list item rebuilt from one or more source lines.

    ``anchors`` is sorted by offset and starts at offset 0; every source line that contributes
    text to the block has one anchor, so any character can be traced to its line and page.
    """

    kind: BlockKind
    text: str
    anchors: list[Anchor]
    # Offsets of spaces in ``text`` that stand for two or more spaces inside a source line (an erratum the
    # squeezed text no longer shows).
    doubled_spaces: tuple[int, ...] = ()

    @property
    def start_line(self) -> int:
        return self.anchors[0].line

    @property
    def end_line(self) -> int:
        return self.anchors[-1].line

    @property
    def page(self) -> int | None:
        return self.anchors[0].page

    def anchor_at(self, offset: int) -> Anchor:
        """The anchor of the source line on which character ``offset`` stands."""
        keys = [a.offset for a in self.anchors]
        i = bisect.bisect_right(keys, offset) - 1
        return self.anchors[max(i, 0)]


@dataclass(frozen=True)
class Sentence:
    """A sentence of an edition with its provenance."""

    text: str
    block: int  # index of its block in the document
    page: int | None
    start_line: int
    end_line: int


@dataclass
class CleanupReport:
    """What the clean-up found and undid; printed by ``import`` and stored with the edition."""

    lines: int = 0
    pages: int = 0
    headers_removed: int = 0
    page_numbers_removed: int = 0
    hyphenations_joined: int = 0
    hyphens_kept: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class CleanText:
    """The result of cleaning one source file: blocks in reading order plus the report."""

    blocks: list[Block]
    report: CleanupReport
    # The printed label of every page, by 1-based page in file order ("iv", "12"); empty when the
    # source has no labels of its own (text files: pages are counted).
    page_labels: list[str] = field(default_factory=list)
