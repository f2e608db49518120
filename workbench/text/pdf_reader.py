"""A PDF edition: its text lines read with their place on the page, page furniture dropped, pages labelled.

Read with pypdfium2 (PDFium, the PDF engine of Chromium; Apache-2.0/BSD-3 licensed), which gives each
character with its box and baseline. From the lines of each page:

* page numbers and running headers and footers are dropped by **position and repetition**: a line at the
  top or bottom edge of a page, set apart from the body (by extra space, or a smaller font), is furniture
  when it is a page number (arabic or roman, alone or between dashes, or the page's own label) or when
  the same text stands at the same edge and height of other pages (a title with the page number in it
  counts as the same text; a chapter's own title, lower on its page, does not);
* pages keep their **printed labels** (the PDF's /PageLabels, e.g. roman front matter ``i, ii, …`` then
  ``1, 2, …``), else their order in the file;
* whether a line runs on into the next one (``wrapped``) comes from its right edge (a justified line
  reaches the measure; in ragged text the next line's first word would not have fitted) and from the next
  line's indent, measured against the text frame of odd and of even pages (books mirror their margins);
  extra space above a line, or a centred line, sets it apart (a title);
* words hyphenated across line ends are left with their hyphen; ``clean_printed`` joins them with the same
  rules as text files. Footnote markers stay with their word: ``[12]`` as printed, a small raised ``12``
  written as ``[12]``.

Only the body's lines are counted for ``line`` (the line within its page). No OCR: a PDF without a text
layer (a scan) is refused with a message that says so. Multi-column pages are read in baseline order.
"""
from __future__ import annotations

import ctypes
import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from workbench.errors import InputError
from workbench.text.cleanup import clean_printed
from workbench.text.model import CleanText, CleanupReport, PrintedLine

Progress = Callable[[float, str], None]

PDF_MAGIC = b"%PDF-"
PAGE_NUMBER_RE = re.compile(r"[-–—\s]*(\d{1,4}|[ivxlcdm]{1,7})[-–—\s]*", re.IGNORECASE)
MARKER_RE = re.compile(r"\d{1,3}|\*{1,3}")  # a footnote marker set small and raised
LINE_BREAK_HYPHEN = "\ufffe"  # PDFium's mark for a hyphen that ends a line (the line break is dropped)


@dataclass
class _Line:
    """A text line of a page as laid out: text, left and right edge, baseline, font size."""

    text: str
    x0: float
    x1: float
    y: float  # baseline, from the bottom of the page
    size: float
    page: int  # 1-based, in file order
    first_word: float = 0.0  # width of the line's first word
    furniture: bool = False


def is_pdf(data: bytes) -> bool:
    """PDF files start with ``%PDF-`` (readers accept it within the first kilobyte)."""
    return PDF_MAGIC in data[:1024]


def _open(data: bytes, name: str):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError("encrypted PDF: it needs a password to be read; save a copy without the "
                             "password and import that", path=name) from None
        found = re.search(r"PDFium: ([^)]+)", str(exc))
        reason = found.group(1).lower() if found else str(exc)
        raise InputError(f"damaged PDF, cannot be read ({reason})", path=name) from None


def _page_lines(textpage, page: int) -> list[_Line]:
    """The page's text lines, top to bottom; a line-end hyphen PDFium joined is split off again."""
    import pypdfium2.raw as raw

    text = textpage.get_text_range()
    n = min(len(text), textpage.count_chars())
    x, y = ctypes.c_double(), ctypes.c_double()
    lines: list[_Line] = []

    def close(start: int, end: int, hyphen: bool) -> None:
        chars = [i for i in range(start, end) if not text[i].isspace()]
        if not chars:
            return
        first, last = chars[0], chars[-1]
        left = textpage.get_charbox(first)[0]
        right = textpage.get_charbox(last)[2]
        word_end = first
        while word_end + 1 < end and not text[word_end + 1].isspace() and text[word_end + 1] != LINE_BREAK_HYPHEN:
            word_end += 1
        first_word = textpage.get_charbox(word_end)[2] - left
        raw.FPDFText_GetCharOrigin(textpage.raw, first, ctypes.byref(x), ctypes.byref(y))
        size = raw.FPDFText_GetFontSize(textpage.raw, first)
        baseline = y.value
        body = text[start:end]
        # A small raised number inside the line is a footnote marker: written [n], as text files do.
        for m in reversed(list(MARKER_RE.finditer(body))):
            i = start + m.start()
            if i == first or raw.FPDFText_GetFontSize(textpage.raw, i) >= 0.8 * size:
                continue
            raw.FPDFText_GetCharOrigin(textpage.raw, i, ctypes.byref(x), ctypes.byref(y))
            if y.value > baseline + 0.15 * size:
                body = f"{body[:m.start()]}[{m.group(0)}]{body[m.end():]}"
        body = body.replace("\r", "").replace("\n", "").replace(LINE_BREAK_HYPHEN, "-")
        lines.append(_Line(" ".join(body.split()) + ("-" if hyphen else ""), left, right, baseline, size, page,
                           first_word))

    start = 0
    for i in range(n):
        c = text[i]
        if c == "\n":
            close(start, i, False)
            start = i + 1
        elif c == LINE_BREAK_HYPHEN:
            close(start, i, True)
            start = i + 1
    close(start, n, False)
    return _merge_same_baseline(lines)


def _merge_same_baseline(pieces: list[_Line]) -> list[_Line]:
    """Pieces PDFium gave as separate lines but that stand on one line are one line, in reading order.

    A small raised number or asterisk next to a line is its footnote marker: it joins the line as
    ``[n]``, the way the text files write markers. Small text elsewhere (a running header, a footnote)
    stays a line of its own.
    """
    if not pieces:
        return []
    sizes = sorted(p.size for p in pieces)
    normal = sizes[len(sizes) // 2]
    lines: list[list[_Line]] = []
    small: list[_Line] = []
    for piece in sorted(pieces, key=lambda p: (-p.y, p.x0)):
        if piece.size < 0.8 * normal and MARKER_RE.fullmatch(piece.text):
            small.append(piece)
            continue
        if lines and abs(lines[-1][0].y - piece.y) < 0.3 * max(lines[-1][0].size, 1.0):
            lines[-1].append(piece)
        else:
            lines.append([piece])
    for piece in small:
        home = next((ln for ln in lines if -0.2 * ln[0].size <= piece.y - ln[0].y <= 0.8 * ln[0].size
                     and min(p.x0 for p in ln) - ln[0].size <= piece.x0 <= max(p.x1 for p in ln) + ln[0].size),
                    None)
        if home is None:
            lines.append([piece])
        else:
            raised = piece.y > home[0].y + 0.15 * home[0].size
            home.append(_Line(f"[{piece.text}]" if raised else piece.text, piece.x0, piece.x1, home[0].y,
                              home[0].size, piece.page, piece.first_word))
    merged = []
    for group in sorted(lines, key=lambda g: -g[0].y):
        group.sort(key=lambda p: p.x0)
        first = group[0]
        text = first.text
        for before, piece in zip(group, group[1:]):
            glued = piece.x0 - before.x1 < 0.2 * first.size and not text.endswith("-")
            text += piece.text if glued else " " + piece.text
        merged.append(_Line(text, first.x0, max(p.x1 for p in group), first.y, first.size, first.page,
                            first.first_word))
    return merged


def _has_images(page) -> bool:
    import pypdfium2.raw as raw

    return any(True for _ in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=1))


def _label_key(text: str, label: str, index: int) -> str:
    """The text of an edge line with its page's own number taken out, so "Глава 12" ≈ "Глава 13"."""
    out = text.casefold()
    for number in {label.casefold(), str(index)}:
        if number:
            out = re.sub(rf"(?<!\w){re.escape(number)}(?!\w)", "#", out)
    return " ".join(out.split())


def _mark_furniture(pages: list[list[_Line]], labels: list[str], pitch: float, body_size: float) -> tuple[int, int]:
    """Mark page numbers and running headers/footers; returns how many of each were marked."""
    candidates: list[tuple[_Line, str, str]] = []  # line, edge, key
    for p, lines in enumerate(pages):
        if len(lines) < 2:
            continue
        for edge, ordered in (("top", lines), ("bottom", lines[::-1])):
            for k in range(min(2, len(ordered) - 1)):
                ln, nxt = ordered[k], ordered[k + 1]
                apart = abs(ln.y - nxt.y) > 1.6 * pitch or ln.size < 0.9 * body_size
                if not apart:
                    break
                # Running titles stand at the same height on every page; a chapter's own title does not.
                key = f"{_label_key(ln.text, labels[p], p + 1)}@{round(ln.y / 3)}"
                candidates.append((ln, edge, key))
    seen = Counter((edge, key) for _, edge, key in candidates)
    numbers = headers = 0
    for ln, edge, key in candidates:
        if PAGE_NUMBER_RE.fullmatch(ln.text) or key.startswith("#@"):
            ln.furniture = True
            numbers += 1
        elif seen[(edge, key)] >= 2:
            ln.furniture = True
            headers += 1
    return numbers, headers


@dataclass(frozen=True)
class _Frame:
    """Where the body text stands: its left and right edge and the paragraph indent."""

    left: float
    right: float
    indent: float | None


def _frame(lines: list[_Line]) -> _Frame:
    left = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0]
    rights = sorted(ln.x1 for ln in lines)
    right = rights[int(0.95 * (len(rights) - 1))]
    # The paragraph indent: where most indented lines start.
    indents = Counter(round(ln.x0) for ln in lines if ln.x0 > left + 1.0)
    return _Frame(float(left), right, float(indents.most_common(1)[0][0]) if indents else None)


def _printed_lines(pages: list[list[_Line]], pitch: float) -> list[PrintedLine]:
    """Body lines with their page line number, and whether each runs on and is set apart."""
    body = [[ln for ln in lines if not ln.furniture] for lines in pages]
    flat = [ln for lines in body for ln in lines]
    if not flat:
        return []
    # Books mirror their margins: odd and even pages each get their own frame when they have lines enough.
    overall = _frame(flat)
    frames = {}
    for parity in (0, 1):
        own = [ln for lines in body[parity::2] for ln in lines]
        frames[parity] = _frame(own) if len(own) >= 20 else overall

    def frame_of(ln: _Line) -> _Frame:
        return frames[(ln.page - 1) % 2]

    out: list[PrintedLine] = []
    for p, lines in enumerate(body):
        for k, ln in enumerate(lines):
            nxt = lines[k + 1] if k + 1 < len(lines) else None
            if nxt is None and p + 1 < len(body):
                nxt = next((b[0] for b in body[p + 1:] if b), None)
            frame = frame_of(ln)
            centred = _centred_line(ln, frame)
            wrapped = False
            if nxt is not None and centred:
                # A title set on two centred lines, without extra space between them, is one title.
                wrapped = _centred_line(nxt, frame) and nxt.page == ln.page and ln.y - nxt.y <= 1.35 * pitch
            elif nxt is not None:
                # Justified lines reach the measure; a ragged line was broken because the next
                # line's first word (and a space) did not fit in what was left of it.
                indented = nxt.x0 > frame_of(nxt).left + 0.6 * nxt.size
                room = frame.right - ln.x1
                wrapped = not indented and (room < 0.8 * ln.size or room < nxt.first_word + 0.35 * ln.size)
            prev = lines[k - 1] if k else None
            spaced = prev is not None and prev.y - ln.y > 1.35 * pitch
            # A centred line after running text opens a title; the next centred line goes on with it.
            gap = spaced or (centred and (prev is None or not _centred_line(prev, frame)))
            out.append(PrintedLine(ln.text, k + 1, p + 1, wrapped, gap))
    return out


def _centred_line(ln: _Line, frame: _Frame) -> bool:
    """Indented on the left by as much as it falls short on the right, and not by the paragraph indent."""
    if frame.indent is not None and abs(ln.x0 - frame.indent) <= 1.0:
        return False
    return ln.x0 > frame.left + 0.6 * ln.size and abs((ln.x0 - frame.left) - (frame.right - ln.x1)) < 0.6 * ln.size


def read_pdf(data: bytes, name: str, progress: Progress | None = None) -> CleanText:
    """The blocks of a PDF edition, every one anchored to its page and line within the page.

    :raises InputError: encrypted, damaged, or without a text layer (a scan).
    """
    document = _open(data, name)
    try:
        count = len(document)
        if count == 0:
            raise InputError("PDF has no pages", path=name)
        labels: list[str] = []
        pages: list[list[_Line]] = []
        textless: list[int] = []
        for i in range(count):
            page = document[i]
            textpage = page.get_textpage()
            try:
                lines = _page_lines(textpage, i + 1)
                if not lines and _has_images(page):
                    textless.append(i + 1)
            finally:
                textpage.close()
                page.close()
            pages.append(lines)
            labels.append(document.get_page_label(i) or str(i + 1))
            if progress is not None and (i % 10 == 0 or i + 1 == count):
                progress((i + 1) / count, f"read page {i + 1} of {count}")
    finally:
        document.close()
    if not any(pages):
        what = "only images" if textless else "no text"
        raise InputError(f"PDF has no text layer ({what} on its {count} page{'s' if count > 1 else ''}: "
                         "a scan?); text recognition (OCR) is not done: import a PDF with text, or its text",
                         path=name)
    all_lines = [ln for lines in pages for ln in lines]
    size = statistics.median(ln.size for ln in all_lines)
    steps = [a.y - b.y for lines in pages for a, b in zip(lines, lines[1:]) if a.y - b.y > 0.5 * size]
    pitch = statistics.median(steps) if steps else 1.2 * size
    numbers, headers = _mark_furniture(pages, labels, pitch, size)
    printed = _printed_lines(pages, pitch)
    report = CleanupReport(lines=len(printed), pages=count, headers_removed=headers, page_numbers_removed=numbers)
    if textless:
        report.notes.append("pages without a text layer (images only, not read): "
                            + ", ".join(labels[p - 1] for p in textless))
    cleaned = clean_printed(printed, report)
    if not cleaned.blocks:
        raise InputError("no text found in the PDF after removing page numbers and running headers", path=name)
    cleaned.page_labels = labels
    return cleaned
