"""Pages, page-number lines and running headers of PDF-extracted text, learned from the file itself.

A PDF extraction marks the first line of a page with a leading space. The page furniture the
printer repeated on every page (page numbers, the author's name, the book title, the chapter's
running title) comes out as short lines of their own, standing next to a page-number line or next
to a page start, often in the middle of a sentence. Nothing here knows any book: the running
titles are learned as the short lines that stand beside page numbers, recur at page starts, or
cut a sentence in two at a page start.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from workbench.text.abbreviations import UPPER

PAGE_NUMBER_RE = re.compile(r"\d{1,4}")
_TITLE_START_RE = re.compile(rf"[{UPPER}0-9«\"(IVXLC]")
_SENTENCE_END = ".!?…:;"
_CLOSERS = "»\"')]"


@dataclass
class Layout:
    """Where the pages start and which lines are page furniture (by position in the line list)."""

    pdf_like: bool
    pages: list[int | None]
    page_numbers: set[int] = field(default_factory=set)
    headers: set[int] = field(default_factory=set)
    header_texts: set[str] = field(default_factory=set)

    @property
    def dropped(self) -> set[int]:
        return self.page_numbers | self.headers


def squeeze(text: str) -> str:
    """The line's text with runs of whitespace collapsed and the ends stripped."""
    return " ".join(text.split())


def _page_starts(raw: list[str]) -> int:
    return sum(1 for t in raw[1:] if t[:1] == " " and t.strip())


def is_pdf_like(raw: list[str]) -> bool:
    """True for printed lines (from a PDF) rather than one paragraph per line.

    Printed lines are short, and either pages start with a leading space or many lines run on
    into a next line that starts lower-case. One-paragraph-per-line files (the ``*.raw.txt``
    corpora) have long lines; a stray indented line in such a file must not turn it into pages.
    """
    text_lines = [t for t in raw if t.strip()]
    if len(text_lines) < 2:
        return False
    long_lines = sum(1 for t in text_lines if len(t) > 160)
    if long_lines > 0.02 * len(text_lines):
        return False
    run_on = sum(1 for a, b in zip(raw, raw[1:]) if a.strip() and b[:1].islower())
    return _page_starts(raw) >= 2 or run_on >= 0.3 * len(text_lines)


def page_of_lines(raw: list[str], pdf_like: bool) -> list[int | None]:
    """1-based page of every line; a line starting with a space opens a new page.

    A file without such lines has no pages (``None``), even when its lines are printed lines.
    """
    if not pdf_like or _page_starts(raw) < 2:
        return [None] * len(raw)
    pages: list[int | None] = []
    page = 1
    for i, t in enumerate(raw):
        if i > 0 and t[:1] == " ":
            page += 1
        pages.append(page)
    return pages


def title_like(text: str) -> bool:
    """A short line that could be a running title: capitalised, no final comma, stop or hyphen."""
    if not text or len(text) > 100 or len(text.split()) > 14 or PAGE_NUMBER_RE.fullmatch(text):
        return False
    return bool(_TITLE_START_RE.match(text)) and text[-1] not in ".,;:-–"


def ends_sentence(text: str) -> bool:
    """Whether the text ends with sentence-final punctuation (closing quotes/brackets allowed)."""
    stripped = re.sub(r"\s*\[\d+(?:[-–,]\s?\d+)*\]$", "", text).rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


class _Scanner:
    """Neighbourhood queries over the lines of one file."""

    def __init__(self, raw: list[str]) -> None:
        self.raw = raw
        self.text = [squeeze(t) for t in raw]
        self.n = len(raw)
        self.count = Counter(t for t in self.text if t)
        self.first: dict[str, int] = {}
        for i, t in enumerate(self.text):
            self.first.setdefault(t, i)

    def page_start(self, i: int) -> bool:
        return 0 < i < self.n and self.raw[i][:1] == " "

    def blank(self, i: int) -> bool:
        return not self.text[i]

    def standalone(self, i: int) -> bool:
        """Non-blank, with a blank line or a page boundary on both sides."""
        if self.blank(i):
            return False
        before = i == 0 or self.blank(i - 1) or self.page_start(i)
        after = i + 1 >= self.n or self.blank(i + 1) or self.page_start(i + 1)
        return before and after

    def prev_text(self, i: int, skip: set[int]) -> str | None:
        j = i - 1
        while j >= 0 and (self.blank(j) or j in skip):
            j -= 1
        return self.text[j] if j >= 0 else None

    def next_index(self, i: int, skip: set[int]) -> int | None:
        j = i + 1
        while j < self.n and (self.blank(j) or j in skip):
            j += 1
        return j if j < self.n else None


def find_layout(raw: list[str]) -> Layout:
    """Pages and page furniture of a file given as its raw line texts."""
    pdf_like = is_pdf_like(raw)
    layout = Layout(pdf_like, page_of_lines(raw, pdf_like))
    if not pdf_like:
        return layout
    scan = _Scanner(raw)
    for i in range(scan.n):
        if PAGE_NUMBER_RE.fullmatch(scan.text[i]) and scan.standalone(i):
            layout.page_numbers.add(i)
    _learn_from_page_numbers(scan, layout)
    _learn_from_page_starts(scan, layout)
    _drop_every_standalone_copy(scan, layout)
    return layout


def _learn_from_page_numbers(scan: _Scanner, layout: Layout) -> None:
    """Short standalone lines right after (or, if they recur, right before) a page number."""
    for i in sorted(layout.page_numbers):
        for step in (1, -1):
            taken, j = 0, i + step
            while 0 <= j < scan.n and abs(j - i) <= 6 and taken < 2:
                if scan.blank(j):
                    j += step
                    continue
                t = scan.text[j]
                recurs = scan.count[t] >= 2
                first_after = step == 1 and taken == 0
                if not (scan.standalone(j) and title_like(t) and (recurs or first_after)):
                    break
                layout.headers.add(j)
                layout.header_texts.add(t)
                taken += 1
                j += step


def _page_start_candidates(scan: _Scanner) -> list[int]:
    """Standalone title-like lines that open a page or stand just before a page start."""
    found = []
    for i in range(1, scan.n):
        if not scan.page_start(i):
            continue
        for j in (i - 1, i):
            if scan.standalone(j) and title_like(scan.text[j]) and j not in found:
                found.append(j)
    return found


def _learn_from_page_starts(scan: _Scanner, layout: Layout) -> None:
    """Running titles at page starts: known from page-number blocks, recurring, or cutting a sentence."""
    candidates = _page_start_candidates(scan)
    at_starts = Counter(scan.text[j] for j in candidates)
    skip = layout.dropped
    for j in candidates:
        t = scan.text[j]
        before = scan.prev_text(j, skip)
        nxt = scan.next_index(j, skip | {j})
        after = scan.text[nxt] if nxt is not None else ""
        # A wrapped prose line ends with a space; a title standing in a sentence's way does not.
        wrapped = scan.raw[j].endswith(" ")
        cuts_sentence = (
            not wrapped and before is not None and not ends_sentence(before) and after[:1].islower()
        )
        if t in layout.header_texts or at_starts[t] >= 2 or cuts_sentence:
            if not _opens_section(scan, j, skip):
                layout.headers.add(j)
                layout.header_texts.add(t)


def _opens_section(scan: _Scanner, j: int, skip: set[int]) -> bool:
    """The first occurrence of a title, after a finished paragraph and followed by a title line.

    Running titles repeat the heading of the part they belong to, so the real heading is the
    first copy, and a title or subtitle (not running prose) follows it.
    """
    t = scan.text[j]
    if scan.first[t] != j:
        return False
    before = scan.prev_text(j, skip)
    if before is not None and not ends_sentence(before) and not title_like(before):
        return False
    nxt = scan.next_index(j, skip | {j})
    return nxt is not None and scan.standalone(nxt) and len(scan.text[nxt]) <= 100


def _drop_every_standalone_copy(scan: _Scanner, layout: Layout) -> None:
    """Once a line is known as a running title, every standalone copy of it is furniture too."""
    for i in range(scan.n):
        if i in layout.dropped or scan.text[i] not in layout.header_texts or not scan.standalone(i):
            continue
        if not _opens_section(scan, i, layout.dropped):
            layout.headers.add(i)
