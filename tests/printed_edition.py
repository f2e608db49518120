"""Lay out a paragraph-per-line text as a PDF extraction would give it back, for end-to-end tests.

Lines are wrapped at a fixed width with a trailing space on every line but a paragraph's last; long words
are hyphenated across line ends (and compounds broken at their own hyphen); every ``page_lines`` lines a
page-number line and a running header are inserted, and the next page's first line starts with a space.
A seeded random generator decides where words break, so every run lays out the same text.
"""
from __future__ import annotations

import random

WIDTH = 72


def _pieces(word: str, room: int, rng: random.Random) -> tuple[str, str] | None:
    """Split ``word`` so that its head (with a hyphen) fits in ``room``; None when it cannot be split."""
    if "-" in word[2:-2]:  # a compound breaks at its own hyphen, as typesetters do
        cut = word.index("-", 2) + 1
        return (word[:cut], word[cut:]) if cut <= room else None
    letters = [i for i in range(3, len(word) - 2) if word[i - 1].isalpha() and word[i].isalpha()]
    fitting = [i for i in letters if i + 1 <= room]
    if len(word) < 8 or not fitting or rng.random() < 0.3:
        return None
    cut = rng.choice(fitting[-3:])
    return word[:cut] + "-", word[cut:]


def wrap(paragraph: str, rng: random.Random) -> list[str]:
    lines: list[str] = []
    current = ""
    words = paragraph.split()
    while words:
        word = words.pop(0)
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= WIDTH:
            current = candidate
            continue
        room = WIDTH - len(current) - 1
        split = _pieces(word, room, rng) if current else None
        if split:
            head, tail = split
            lines.append(f"{current} {head}")
            words.insert(0, tail)
            current = ""
            continue
        lines.append(current)
        current = word
    lines.append(current)
    return lines


def printed(paragraphs: list[str], header: str, page_lines: int = 40, seed: int = 7) -> str:
    """The paragraphs as PDF-extracted text: wrapped, hyphenated, paged with numbers and running headers."""
    rng = random.Random(seed)
    out: list[str] = []
    on_page = 0
    page = 1
    for paragraph in paragraphs:
        wrapped = wrap(paragraph, rng)
        for k, line in enumerate(wrapped):
            if on_page >= page_lines:
                out += ["", "", str(page), "", header, ""]
                page += 1
                on_page = 0
            text = line if k == len(wrapped) - 1 else line + " "
            out.append((" " + text) if on_page == 0 else text)
            on_page += 1
        out.append("")
        on_page += 1
    return "\n".join(out) + "\n"
