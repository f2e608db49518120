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
from collections.abc import Callable

from workbench.errors import N_, InputError, Message
from workbench.text.cleanup import clean_printed
from workbench.text.model import CleanText, CleanupReport
from workbench.text.page_layout import MARKER_RE, PageLine, mark_furniture, merge_same_baseline, printed_lines

Progress = Callable[[float, "str | Message"], None]

PDF_MAGIC = b"%PDF-"
LINE_BREAK_HYPHEN = "\ufffe"  # PDFium's mark for a hyphen that ends a line (the line break is dropped)
WORD_ENDS = LINE_BREAK_HYPHEN + "\r\n"


def is_pdf(data: bytes) -> bool:
    """PDF files start with ``%PDF-`` (readers accept it within the first kilobyte)."""
    return PDF_MAGIC in data[:1024]


def _open(data: bytes, name: str):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(N_("encrypted PDF: it needs a password to be read; save a copy without the "
                                "password and import that"), path=name) from None
        found = re.search(r"PDFium: ([^)]+)", str(exc))
        reason = found.group(1).lower() if found else str(exc)
        raise InputError(N_("damaged PDF, cannot be read (%(reason)s)"), path=name, reason=reason) from None


def _page_lines(textpage, page: int) -> list[PageLine]:
    """The page's text lines, top to bottom; a line-end hyphen PDFium joined is split off again."""
    import pypdfium2.raw as raw

    text = textpage.get_text_range()
    n = min(len(text), textpage.count_chars())
    x, y = ctypes.c_double(), ctypes.c_double()
    lines: list[PageLine] = []

    def close(start: int, end: int, hyphen: bool) -> None:
        first, last = start, end - 1
        while first <= last and text[first].isspace():
            first += 1
        while last >= first and text[last].isspace():
            last -= 1
        if first > last:
            return
        left = textpage.get_charbox(first)[0]
        right = textpage.get_charbox(last)[2]
        word_end = first
        while word_end + 1 < end and text[word_end + 1] not in WORD_ENDS and not text[word_end + 1].isspace():
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
        line_text = " ".join(body.split()) + ("-" if hyphen else "")
        lines.append(PageLine(line_text, left, right, baseline, size, page, first_word))

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
    return merge_same_baseline(lines)


def _has_images(page) -> bool:
    import pypdfium2.raw as raw

    return any(True for _ in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=1))


def read_pdf(data: bytes, name: str, progress: Progress | None = None) -> CleanText:
    """The blocks of a PDF edition, every one anchored to its page and line within the page.

    :raises InputError: encrypted, damaged, or without a text layer (a scan).
    """
    document = _open(data, name)
    try:
        count = len(document)
        if count == 0:
            raise InputError(N_("PDF has no pages"), path=name)
        labels: list[str] = []
        pages: list[list[PageLine]] = []
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
                progress((i + 1) / count, Message(N_("read page %(n)s of %(count)s"), n=i + 1, count=count))
    finally:
        document.close()
    if not any(pages):
        what = Message(N_("only images") if textless else N_("no text"))
        raise InputError(N_("PDF has no text layer (%(what)s on its %(count)s page: a scan?); text recognition "
                            "(OCR) is not done: import a PDF with text, or its text") if count == 1 else
                         N_("PDF has no text layer (%(what)s on its %(count)s pages: a scan?); text recognition "
                            "(OCR) is not done: import a PDF with text, or its text"),
                         path=name, what=what, count=count)
    all_lines = [ln for lines in pages for ln in lines]
    size = statistics.median(ln.size for ln in all_lines)
    steps = [a.y - b.y for lines in pages for a, b in zip(lines, lines[1:]) if a.y - b.y > 0.5 * size]
    pitch = statistics.median(steps) if steps else 1.2 * size
    numbers, headers = mark_furniture(pages, labels, pitch, size)
    printed = printed_lines(pages, pitch)
    report = CleanupReport(lines=len(printed), pages=count, headers_removed=headers,
                           page_numbers_removed=numbers)
    if textless:
        report.notes.append("pages without a text layer (images only, not read): "
                            + ", ".join(labels[p - 1] for p in textless))
    cleaned = clean_printed(printed, report)
    if not cleaned.blocks:
        raise InputError(N_("no text found in the PDF after removing page numbers and running headers"),
                         path=name)
    cleaned.page_labels = labels
    return cleaned
