"""Clean-up of extracted text: pages, running headers, hyphenation, paragraphs, headings, list items.

``clean`` turns the numbered source lines of one file into blocks (paragraphs, headings, list
items) whose every character can be traced back to its source line and page through the block's
anchors. Two kinds of file are told apart per file:

* PDF-like text (printed lines, a page starting at each line that begins with a space): page
  furniture is dropped (see ``headers``), hyphenated words are joined (see ``hyphenation``) and
  paragraphs are rebuilt from the wrapped lines;
* one paragraph per line (``corpora/*/kk.raw.txt``): every non-blank line is a block, no pages.

``clean_printed`` does the same for lines whose layout is already known (a PDF's lines, read with
their positions on the page): the paragraph-rebuilding and hyphenation rules are the same.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.text.abbreviations import HEADING_WORDS, LOWER, UPPER
from workbench.text.headers import Layout, ends_sentence, find_layout, squeeze
from workbench.text.hyphenation import Hyphenation, split_words
from workbench.text.model import Anchor, Block, BlockKind, CleanText, CleanupReport, PrintedLine, SourceLine
from workbench.text.normalise import nfc

# "1) …", "а) …", "- …", "• …", "1. …" (the last only as a list inside text, see _kind).
LIST_MARK_RE = re.compile(rf"^(?:\(?\d{{1,2}}\)|[{LOWER}]\)|[-–—•]\s)")
DASH_MARK_RE = re.compile(r"^[-–—•]\s")
POINT_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.\s")
LABEL_RE = re.compile(
    rf"^(?:[IVXLCІ\d]+-(?:{'|'.join(HEADING_WORDS)})|(?:{'|'.join(HEADING_WORDS)})\s+[IVXLCІ\d]+)\.?$",
    re.IGNORECASE,
)
TITLE_START_RE = re.compile(rf"^[{UPPER}0-9«\"(]")
# "ABBR – expansion", the abbreviation possibly after a quoted name: "«Невада – Семей» ХЯҚҚ – …".
ENTRY_RE = re.compile(r"^((?:«[^»]{1,40}»\s*)?[^«]{0,60}?)\s?[–—-]\s\S")
FOOTNOTE_START_RE = re.compile(r"^\[\d+")
SEPARATOR_RE = re.compile(r"[*•·\s]+")  # "* * *" between sections


@dataclass
class _Line:
    """A kept source line: squeezed text plus what the layout says about it."""

    text: str
    number: int
    page: int | None
    wrapped: bool  # ended with a space: the printed line continues on the next one
    gap: bool  # blank lines or page furniture between it and the previous kept line
    opens_page: bool = False
    entry: bool = False
    measured: bool = False  # wrapped and gap were measured on the page (a PDF), not guessed from text
    doubled: tuple[int, ...] = ()  # offsets in ``text`` of spaces that were two or more in the source

    @property
    def stands_apart(self) -> bool:
        """Set off from the line before it: a title can only start here."""
        return self.gap or self.opens_page


def is_entry(text: str) -> bool:
    """An "ABBR – expansion" line of a list of abbreviations."""
    m = ENTRY_RE.match(text)
    if not m:
        return False
    head = m.group(1).split()
    return 0 < len(head) <= 4 and sum(c.isupper() for c in head[-1]) >= 2


def _unclosed(text: str) -> bool:
    return text.count("(") > text.count(")") or text.count("«") > text.count("»")


class _Builder:
    """Accumulates the text and anchors of one block."""

    def __init__(self, line: _Line) -> None:
        self.text = line.text
        self.anchors = [Anchor(0, line.number, line.page)]
        self.first = line
        self.lines = 1
        self.doubled = list(line.doubled)

    def add(self, line: _Line, how: str) -> None:
        if how == "join":  # word split by a line-break hyphen: drop the hyphen
            self.text = self.text[:-1]
        elif how == "dash":  # a dash printed as a hyphen at the line end: "құрылымы - ол"
            self.text = self.text[:-1] + " - "
        elif how == "space":
            self.text += " "
        self.anchors.append(Anchor(len(self.text), line.number, line.page))
        self.doubled.extend(len(self.text) + d for d in line.doubled)
        self.text += line.text
        self.lines += 1

    def block(self) -> Block:
        text = nfc(self.text)
        # On a measured page, a block of one line (or a few in capitals) stands alone: with nothing
        # else to tell it by (no space around it, same font), a title-like one is a title.
        titled = title_like(text, self.lines) and (
            self.first.stands_apart or self.first.measured and (self.lines == 1 or _capitals(text)))
        return Block(_kind(text, self.first.entry, titled), text, self.anchors, tuple(self.doubled))


def _kind(text: str, entry: bool, titled: bool) -> BlockKind:
    if entry:
        return "list_item"
    if LABEL_RE.match(text) or SEPARATOR_RE.fullmatch(text):
        return "heading"
    if LIST_MARK_RE.match(text):
        return "list_item"
    if titled:
        return "heading"
    if POINT_RE.match(text):
        return "list_item"
    return "paragraph"


def title_like(text: str, n_lines: int = 1) -> bool:
    """A short capitalised text without final punctuation: a title, or a table or signature line."""
    short = n_lines <= 3 and len(text) <= 120 and len(text.split()) <= 16
    return short and bool(TITLE_START_RE.match(text)) and text[-1] not in ".,;:!?…-–"


def _capitals(text: str) -> bool:
    """Mostly capital letters (a title set in capitals)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.6 * len(letters)


def _ordinary_case(text: str) -> bool:
    """Mostly small letters (running text)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.islower() for c in letters) >= 0.5 * len(letters)


def _starts_list(prev: _Line, line: _Line) -> bool:
    """Whether ``line`` opens a list item rather than continuing ``prev``."""
    if not LIST_MARK_RE.match(line.text) and not POINT_RE.match(line.text):
        return False
    # A dash after an unfinished line is a dash inside the sentence ("блок" / "- «Республика»").
    if DASH_MARK_RE.match(line.text) or line.text.startswith("–"):
        return ends_sentence(prev.text)
    return ends_sentence(prev.text) or prev.text[-1] == "," or not prev.wrapped or line.gap


def _continues(prev: _Line, line: _Line, block: _Builder, measure: int) -> bool:
    """Whether ``line`` continues the block that ``prev`` ends (the paragraph-rebuilding rule).

    ``measure`` is the length of a full printed line of the file.
    """
    if prev.text.endswith("-") and split_words(prev.text, line.text) and line.text[:1].islower():
        return True
    if any(r.fullmatch(t) for r in (LABEL_RE, SEPARATOR_RE) for t in (line.text, block.text)):
        return False
    if line.measured:
        # A title in capitals ends before a line in ordinary case, however far it runs.
        if title_like(block.text, block.lines) and _capitals(prev.text) and _ordinary_case(line.text):
            return False
        if prev.wrapped and not line.gap:
            return True  # the line before ran to the margin and this one is not indented: same paragraph
        if not prev.wrapped and ends_sentence(prev.text):
            return False  # a short line that ends a sentence ends its paragraph, whatever comes next
    if line.entry or _starts_list(prev, line):
        return False
    starts_lower = line.text[:1].islower()
    if not line.gap:
        # In the printed lines a wrapped line ends with a space, a paragraph's last line does not.
        return prev.wrapped or prev.text.endswith(("-", "/")) or starts_lower
    # A blank line (or dropped page furniture) inside a sentence: the next line starts
    # lower-case or with the sentence's footnote marker, or a bracket or quotation is still
    # open, or a wrapped line of running text (not a title) stopped mid-sentence.
    if starts_lower or FOOTNOTE_START_RE.match(line.text):
        return True
    if ends_sentence(prev.text):
        return False
    if _unclosed(block.text):
        return True
    if prev.entry:
        return False
    if not prev.wrapped:
        return False
    # A line that fills the measure was wrapped by the typesetter: running text, not a title, even
    # when a page break cuts it off right after a numbered point's first line.
    fills_measure = len(prev.text) >= 0.9 * measure
    titled = block.first.stands_apart and title_like(block.text, block.lines) and not fills_measure
    return line.text[:1] == "(" or not titled


def _kept_lines(lines: list[SourceLine], layout: Layout) -> list[_Line]:
    kept: list[_Line] = []
    gap = False
    for i, src in enumerate(lines):
        text = squeeze(src.text)
        if not text or i in layout.dropped:
            gap = True
            continue
        wrapped = src.text.endswith((" ", "\t"))
        opens_page = i > 0 and src.text[:1] == " "
        kept.append(_Line(nfc(text), src.number, layout.pages[i], wrapped, gap, opens_page,
                          doubled=doubled_spaces(src.text)))
        gap = False
    _mark_entries(kept)
    return kept


def _mark_entries(kept: list[_Line]) -> None:
    """Mark the lines of a list of abbreviations ("ABBR – expansion" lines that come in runs)."""
    for k, line in enumerate(kept):
        if is_entry(line.text):
            near = kept[max(k - 2, 0): k] + kept[k + 1: k + 3]
            line.entry = any(is_entry(o.text) for o in near)


def doubled_spaces(raw: str) -> tuple[int, ...]:
    """Where, in the squeezed line, a space stands for two or more between words of ``raw``."""
    stripped = raw.strip()
    return tuple(len(squeeze(stripped[: m.start()])) for m in re.finditer(r"(?<=\S)[ \t]{2,}(?=\S)", stripped))


def _join_how(prev: _Line, line: _Line, hyphens: Hyphenation, report: CleanupReport) -> str:
    halves = split_words(prev.text, line.text)
    if halves:
        how = hyphens.decide(*halves)
        if how == "join":
            report.hyphenations_joined += 1
        else:
            report.hyphens_kept += 1
        return how
    if prev.text.endswith("/"):
        return "none"
    return "space"


def _measure(kept: list[_Line]) -> int:
    """The length of a full printed line: the 90th percentile of the wrapped lines' lengths."""
    lengths = sorted(len(k.text) for k in kept if k.wrapped)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 10**6


def _rebuild(kept: list[_Line], report: CleanupReport) -> list[Block]:
    hyphens = Hyphenation(k.text for k in kept)
    measure = _measure(kept)
    blocks: list[Block] = []
    current: _Builder | None = None
    prev: _Line | None = None
    for line in kept:
        if current is not None and prev is not None and _continues(prev, line, current, measure):
            current.add(line, _join_how(prev, line, hyphens, report))
        else:
            if current is not None:
                blocks.append(current.block())
            current = _Builder(line)
        prev = line
    if current is not None:
        blocks.append(current.block())
    return blocks


def paragraph_kind(text: str) -> BlockKind:
    """Heading, list item or paragraph, for a paragraph that stands alone (one per line, a DOCX's)."""
    return _kind(text, False, title_like(text))


def _one_block_per_line(lines: list[SourceLine]) -> list[Block]:
    blocks = []
    for src in lines:
        text = nfc(squeeze(src.text))
        if text:
            blocks.append(Block(paragraph_kind(text), text, [Anchor(0, src.number, None)]))
    return blocks


def clean_printed(lines: list[PrintedLine], report: CleanupReport) -> CleanText:
    """Blocks of lines whose pages, wrapping and spacing were read from the page itself (a PDF).

    The page furniture is already gone; ``report`` (pages, furniture removed) is completed with the
    hyphenations joined and kept.
    """
    kept = [_Line(nfc(squeeze(p.text)), p.line, p.page, p.wrapped, p.gap, measured=True)
            for p in lines if p.text.strip()]
    if kept:
        kept[0].opens_page = True  # nothing stands before the first line: a title can start there
    _mark_entries(kept)
    return CleanText(_rebuild(kept, report), report)


def clean(lines: list[SourceLine]) -> CleanText:
    """Blocks of one file in reading order, with the report of what was removed and joined."""
    layout = find_layout([src.text for src in lines])
    report = CleanupReport(lines=len(lines))
    if layout.pdf_like:
        blocks = _rebuild(_kept_lines(lines, layout), report)
        report.headers_removed = len(layout.headers)
        report.page_numbers_removed = len(layout.page_numbers)
        report.pages = max((p for p, src in zip(layout.pages, lines) if src.text.strip() and p), default=0)
        report.notes.append(f"running headers learned: {len(layout.header_texts)}")
    else:
        blocks = _one_block_per_line(lines)
    return CleanText(blocks, report)
