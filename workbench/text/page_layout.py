"""Where a printed page's lines stand, and what that says: page furniture, paragraphs, titles (pure).

Works on lines already read from a page (text, left and right edge, baseline, font size), whatever read
them; ``pdf_reader`` reads them with PDFium. See ``pdf_reader`` for the rules.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from workbench.text.cleanup import LIST_MARK_RE
from workbench.text.model import PrintedLine

PAGE_NUMBER_RE = re.compile(r"[-–—\s]*(\d{1,4}|[ivxlcdm]{1,7})[-–—\s]*", re.IGNORECASE)
MARKER_RE = re.compile(r"\d{1,3}|\*{1,3}")  # a footnote marker set small and raised


@dataclass
class PageLine:
    """A text line of a page as laid out: text, left and right edge, baseline, font size."""

    text: str
    x0: float
    x1: float
    y: float  # baseline, from the bottom of the page
    size: float
    page: int  # 1-based, in file order
    first_word: float = 0.0  # width of the line's first word
    furniture: bool = False


def merge_same_baseline(pieces: list[PageLine]) -> list[PageLine]:
    """Pieces read as separate lines but that stand on one line are one line, in reading order.

    A small raised number or asterisk next to a line is its footnote marker: it joins the line as
    ``[n]``, the way the text files write markers. Small text elsewhere (a running header, a footnote)
    stays a line of its own.
    """
    if not pieces:
        return []
    sizes = sorted(p.size for p in pieces)
    normal = sizes[len(sizes) // 2]
    lines: list[list[PageLine]] = []
    small: list[PageLine] = []
    for piece in sorted(pieces, key=lambda p: (-p.y, p.x0)):
        if piece.size < 0.8 * normal and MARKER_RE.fullmatch(piece.text):
            small.append(piece)
            continue
        if lines and abs(lines[-1][0].y - piece.y) < 0.3 * max(lines[-1][0].size, 1.0):
            lines[-1].append(piece)
        else:
            lines.append([piece])
    for piece in small:
        home = next((ln for ln in lines if _beside(piece, ln)), None)
        if home is None:
            lines.append([piece])
        else:
            raised = piece.y > home[0].y + 0.15 * home[0].size
            home.append(PageLine(f"[{piece.text}]" if raised else piece.text, piece.x0, piece.x1, home[0].y,
                              home[0].size, piece.page, piece.first_word))
    merged = []
    for group in sorted(lines, key=lambda g: -g[0].y):
        group.sort(key=lambda p: p.x0)
        first = group[0]
        text = first.text
        for before, piece in zip(group, group[1:]):
            glued = piece.x0 - before.x1 < 0.2 * first.size and not text.endswith("-")
            text += piece.text if glued else " " + piece.text
        merged.append(PageLine(text, first.x0, max(p.x1 for p in group), first.y, first.size, first.page,
                            first.first_word))
    return merged


def _label_key(text: str, label: str, index: int) -> str:
    """The text of an edge line with its page's own number taken out, so "Глава 12" ≈ "Глава 13"."""
    out = text.casefold()
    for number in {label.casefold(), str(index)}:
        if number:
            out = re.sub(rf"(?<!\w){re.escape(number)}(?!\w)", "#", out)
    return " ".join(out.split())


def _beside(piece: PageLine, line: list[PageLine]) -> bool:
    """Whether a small piece stands on (or a little above) the line, within its width."""
    size = line[0].size
    if not -0.2 * size <= piece.y - line[0].y <= 0.8 * size:
        return False
    return min(p.x0 for p in line) - size <= piece.x0 <= max(p.x1 for p in line) + size


def mark_furniture(pages: list[list[PageLine]], labels: list[str], pitch: float,
                   body_size: float) -> tuple[int, int]:
    """Mark page numbers and running headers/footers; returns how many of each were marked."""
    candidates: list[tuple[PageLine, str, str]] = []  # line, edge, key
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
    indents_paragraphs: bool  # paragraphs open with an indent (else only space or nothing tells them)


def _frame(lines: list[PageLine]) -> _Frame:
    left = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0]
    rights = sorted(ln.x1 for ln in lines)
    right = rights[int(0.95 * (len(rights) - 1))]
    # The paragraph indent: where most indented lines start.
    indents = Counter(round(ln.x0) for ln in lines if ln.x0 > left + 1.0)
    if not indents:
        return _Frame(float(left), right, None, False)
    indent, count = indents.most_common(1)[0]
    return _Frame(float(left), right, float(indent), count >= max(3, 0.02 * len(lines)))


def printed_lines(pages: list[list[PageLine]], pitch: float) -> list[PrintedLine]:
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

    def frame_of(ln: PageLine) -> _Frame:
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
                # Without paragraph indents, a full line ending a clause before a list mark ("…;" then
                # "19) …") cannot be told from running text by its place: the list item opens a paragraph.
                if wrapped and not frame.indents_paragraphs and ln.text[-1:] in ";:." and \
                        LIST_MARK_RE.match(nxt.text):
                    wrapped = False
            prev = lines[k - 1] if k else None
            spaced = prev is not None and prev.y - ln.y > 1.35 * pitch
            # A centred line after running text opens a title; the next centred line goes on with it.
            gap = spaced or (centred and (prev is None or not _centred_line(prev, frame)))
            out.append(PrintedLine(ln.text, k + 1, p + 1, wrapped, gap))
    return out


def _centred_line(ln: PageLine, frame: _Frame) -> bool:
    """Indented on the left by as much as it falls short on the right, and not by the paragraph indent."""
    if frame.indent is not None and abs(ln.x0 - frame.indent) <= 1.0:
        return False
    margin_left, margin_right = ln.x0 - frame.left, frame.right - ln.x1
    return margin_left > 0.6 * ln.size and abs(margin_left - margin_right) < 0.6 * ln.size
