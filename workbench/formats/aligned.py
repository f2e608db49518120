"""The format-neutral shape of an exported alignment: one ``AlignedPair`` per bead (pure).

A bead side may hold several sentences; formats that have one text per side write them joined by a
space and keep where each sentence starts as ``breaks`` (character offsets of the 2nd, 3rd …
sentence), so that an import gives back the same sentences and therefore the same beads.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from workbench.errors import N_, FormatError


@dataclass
class Side:
    """One side of a bead: its sentences, the page(s) and source lines they come from.

    ``first_page`` and ``last_page`` are positions in the file (1, 2, …); ``first_label`` and ``last_label``
    are those pages as printed when printed otherwise (``ii``, or ``1`` for the file's third page), else None.
    """

    sentences: list[str] = field(default_factory=list)
    first_page: int | None = None
    last_page: int | None = None
    first_line: int | None = None
    last_line: int | None = None
    # The sentence numbers of the edition (1-based), the numbers the review page and its history show.
    first_number: int | None = None
    last_number: int | None = None
    first_label: str | None = None
    last_label: str | None = None

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    @property
    def breaks(self) -> list[int]:
        """Offsets in ``text`` where the 2nd, 3rd … sentence starts."""
        out, at = [], 0
        for s in self.sentences[:-1]:
            at += len(s) + 1
            out.append(at)
        return out

    @property
    def pages(self) -> str:
        """The pages as printed, the ones people find in the book: ``ii``, ``ii-1``, ``5-6``."""
        if self.first_page is None:
            return ""
        first = self.first_label or str(self.first_page)
        if self.first_page == self.last_page:
            return first
        return f"{first}-{self.last_label or self.last_page}"

    @property
    def page_positions(self) -> str:
        """The pages as positions in the file: ``2-3`` (what ``pages`` prints as ``ii-1``)."""
        if self.first_page is None:
            return ""
        return str(self.first_page) if self.first_page == self.last_page else f"{self.first_page}-{self.last_page}"

    @property
    def lines(self) -> str:
        if self.first_line is None:
            return ""
        return str(self.first_line) if self.first_line == self.last_line else f"{self.first_line}-{self.last_line}"

    @property
    def numbers(self) -> str:
        if self.first_number is None:
            return ""
        if self.first_number == self.last_number:
            return str(self.first_number)
        return f"{self.first_number}-{self.last_number}"

    def where(self, lang: str) -> str:
        """``kk 77-78 p. 5`` by sentence number; read from a file without numbers: ``kk p. 5 l. 120``."""
        if self.numbers:
            return f"{lang} {self.numbers}" + (f" p. {self.pages}" if self.pages else "")
        parts = [lang]
        if self.pages:
            parts.append(f"p. {self.pages}")
        if self.lines:
            parts.append(f"l. {self.lines}")
        return " ".join(parts)


@dataclass
class AlignedPair:
    """One bead as exported: position, both sides, status ("auto"/"confirmed"), score, comment."""

    position: int
    kk: Side
    ru: Side
    status: str = "auto"
    score: float = 0.0
    comment: str | None = None

    @property
    def location(self) -> str:
        """Where the bead stands, by the sentence numbers shown everywhere: ``kk 77-78 p. 5 · ru 75 p. 4``.

        A side without sentences reads ``ru –``; without numbers (read from a file), the bead's
        position and source lines are given instead: ``bead 12 · kk p. 5 l. 120-121 · ru p. 4 l. 98``.
        """
        if self.kk.numbers or self.ru.numbers:
            return " · ".join(side.where(lang) if side.sentences else f"{lang} –"
                              for lang, side in (("kk", self.kk), ("ru", self.ru)))
        return f"bead {self.position} · {self.kk.where('kk')} · {self.ru.where('ru')}"


def split_text(text: str, breaks: str | None, path: str, line: int | None) -> list[str]:
    """The sentences of ``text`` cut at the comma-separated offsets ``breaks`` (none: one sentence)."""
    if not text:
        return []
    if not breaks:
        return [text]
    try:
        offsets = [int(b) for b in breaks.split(",")]
    except ValueError:
        raise FormatError(N_("sentence breaks %(breaks)r are not numbers"),
                          path=path, line=line, breaks=breaks) from None
    bounds = [0, *offsets, len(text) + 1]
    if bounds != sorted(set(bounds)) or offsets[-1] > len(text):
        raise FormatError(N_("sentence breaks %(breaks)r do not fit the text"),
                          path=path, line=line, breaks=breaks)
    return [text[a:b - 1] for a, b in zip(bounds, bounds[1:])]


def parse_pages(printed: str | None, positions: str | None) -> tuple[int | None, int | None, str | None, str | None]:
    """First and last page position and printed label from a file's printed pages and page positions.

    A file without positions (written before pages were printed, or whose pages are printed as their
    positions) gives its pages as positions. A printed range is split at its middle hyphen, so labels
    such as ``A-1`` survive (``A-1-A-2``).
    """
    if not positions:
        first, last = parse_range(printed)
        return first, last, None, None
    first, last = parse_range(positions)
    if first is None or not printed:
        return first, last, None, None
    if first == last:
        labels = (printed, printed)
    else:
        hyphens = [i for i, c in enumerate(printed) if c == "-"]
        if len(hyphens) % 2 == 0:
            return first, last, None, None
        at = hyphens[len(hyphens) // 2]
        labels = (printed[:at], printed[at + 1:])
    # A page printed as its position has no label of its own (as ``Side`` keeps it).
    return (first, last, None if labels[0] == str(first) else labels[0],
            None if labels[1] == str(last) else labels[1])


def parse_range(value: str | None) -> tuple[int | None, int | None]:
    """``"5"`` → (5, 5); ``"5-7"`` → (5, 7); empty → (None, None)."""
    if not value:
        return None, None
    first, _, last = value.partition("-")
    try:
        return int(first), int(last or first)
    except ValueError:
        return None, None
