"""Lay out paragraphs as a printed book in a real PDF (reportlab, Debian's DejaVu fonts).

Body text is justified (every word placed on its own, as typesetters' PDFs do, so no space characters are
written), the first line of each paragraph is indented, long words are hyphenated across line ends (a compound
breaks at its own hyphen), every page has a running header at the top and its page number at the bottom, and
headings are set bold with space around them. A seeded random generator decides where words break, so every
run lays out the same text. Optional front matter pages carry roman page labels, the body is labelled 1, 2, …
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A5
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONTS = Path("/usr/share/fonts/truetype/dejavu")
REGULAR, BOLD = "DejaVuSerif", "DejaVuSerif-Bold"
SIZE, LEADING, INDENT = 10.0, 13.0, 14.0
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 48.0, 60.0, 56.0


def _register() -> None:
    if REGULAR not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(REGULAR, str(FONTS / "DejaVuSerif.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(FONTS / "DejaVuSerif-Bold.ttf")))


@dataclass
class PrintedPdf:
    """What was laid out: the file, its page count, the page (1-based) each paragraph starts on, labels."""

    path: Path
    pages: int
    start_pages: list[int] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)


def _width(text: str, font: str = REGULAR) -> float:
    return pdfmetrics.stringWidth(text, font, SIZE)


def _split(word: str, room: float, rng: random.Random, hyphenate: bool = True) -> tuple[str, str] | None:
    """Split ``word`` so that its head with a hyphen fits in ``room`` points; None when it cannot be split.

    Without ``hyphenate`` only compounds are split, at their own hyphen.
    """
    if "-" in word[2:-2]:
        cut = word.index("-", 2) + 1
        return (word[:cut], word[cut:]) if _width(word[:cut]) <= room else None
    if not hyphenate or len(word) < 8 or rng.random() < 0.3:
        return None
    cuts = [i for i in range(3, len(word) - 2)
            if word[i - 1].isalpha() and word[i].isalpha() and _width(word[:i] + "-") <= room]
    if not cuts:
        return None
    cut = rng.choice(cuts[-3:])
    return word[:cut] + "-", word[cut:]


def wrap(paragraph: str, measure: float, rng: random.Random, font: str = REGULAR,
         indent: float = INDENT, hyphenate: bool = True) -> list[list[str]]:
    """The paragraph's lines, each a list of words, hyphenating where a word does not fit."""
    space = _width(" ", font)
    lines: list[list[str]] = []
    current: list[str] = []
    used = indent
    words = paragraph.split()
    while words:
        word = words.pop(0)
        w = pdfmetrics.stringWidth(word, font, SIZE)
        if used + (space if current else 0) + w <= measure:
            used += (space if current else 0) + w
            current.append(word)
            continue
        room = measure - used - space
        pieces = _split(word, room, rng, hyphenate) if current and font == REGULAR else None
        if pieces:
            current.append(pieces[0])
            words.insert(0, pieces[1])
        else:
            words.insert(0, word)
            if not current:  # a word longer than the line: set it alone
                current.append(words.pop(0))
        lines.append(current)
        current, used = [], 0.0
    if current:
        lines.append(current)
    return lines


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out


def lay_out(paragraphs: list[str], path: Path, header: str, *, headings: frozenset[int] = frozenset(),
            front_matter: list[str] = (), max_pages: int | None = None, seed: int = 7,
            encrypt: str | None = None, hyphenate: bool = True, mirror: float = 0.0) -> PrintedPdf:
    """Write ``paragraphs`` to ``path`` as a printed book; ``headings`` index the paragraphs set as headings.

    ``front_matter`` paragraphs come first, one page each, labelled i, ii, …; the body's pages are labelled
    from 1. With ``max_pages`` the layout stops at the page limit (the paragraphs laid out are the first
    ``len(result.start_pages)``). Without ``hyphenate`` lines break only between words and at the hyphens
    of compounds, as a typesetter without hyphenation does. ``mirror`` shifts the even pages' text block right
    by that many points (a book's inner and outer margins).
    """
    _register()
    rng = random.Random(seed)
    width, height = A5
    measure = width - 2 * MARGIN_X
    c = canvas.Canvas(str(path), pagesize=A5, encrypt=encrypt, invariant=True)
    c.setTitle(header)
    result = PrintedPdf(path, 0)
    body_page = 0

    def furniture() -> None:
        c.setFont(REGULAR, 8)
        c.drawCentredString(width / 2, height - 36, header)
        c.drawCentredString(width / 2, 30, str(body_page))

    for k, text in enumerate(front_matter):
        c.setFont(BOLD, 14)
        c.drawCentredString(width / 2, height / 2, text)
        c.setFont(REGULAR, 8)
        c.drawCentredString(width / 2, 30, _roman(k + 1))
        c.showPage()
        result.pages += 1
        result.labels.append(_roman(k + 1))
    if front_matter:
        c.addPageLabel(0, "ROMAN_LOWER", 1)
        c.addPageLabel(len(front_matter), "ARABIC", 1)

    def new_page() -> float:
        nonlocal body_page
        if result.pages > len(front_matter) or body_page:
            c.showPage()
        body_page += 1
        result.pages += 1
        result.labels.append(str(body_page))
        furniture()
        return height - MARGIN_TOP

    y = new_page()
    for i, paragraph in enumerate(paragraphs):
        heading = i in headings
        font = BOLD if heading else REGULAR
        lines = wrap(paragraph, measure, rng, font, 0 if heading else INDENT, hyphenate)
        if heading:
            y -= LEADING / 2
            if y - LEADING * 3 < MARGIN_BOTTOM:  # keep a heading with the text after it
                y = MARGIN_BOTTOM - 1
        for n, words in enumerate(lines):
            if y < MARGIN_BOTTOM:
                if max_pages is not None and result.pages >= max_pages:
                    c.showPage()
                    c.save()
                    result.start_pages = result.start_pages[:i]
                    return result
                y = new_page()
            if n == 0:
                result.start_pages.append(result.pages)
            c.setFont(font, SIZE)
            shift = mirror if body_page % 2 == 0 else 0.0
            if heading:
                c.drawCentredString(width / 2 + shift, y, " ".join(words))
            else:
                x = MARGIN_X + (INDENT if n == 0 else 0) + shift
                natural = sum(_width(w) for w in words)
                last = n == len(lines) - 1
                gap = _width(" ") if last or len(words) == 1 else \
                    (MARGIN_X + shift + measure - x - natural) / (len(words) - 1)
                for w in words:
                    c.drawString(x, y, w)
                    x += _width(w) + gap
            y -= LEADING
        if heading:
            y -= LEADING / 2
    c.showPage()
    c.save()
    return result
