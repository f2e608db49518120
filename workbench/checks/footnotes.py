"""Footnote markers: per chapter the markers [1] … [K] must run in order without gaps or repeats."""
from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.checks.base import Edition, EditionCheck, Finding
from workbench.errors import N_, Message

MARKER_RE = re.compile(r"\[(\d{1,4}(?:\s*[,;–-]\s*\d{1,4})*)\]")
# Headings after which numbering starts again at [1]: chapters, introduction, conclusion (kk, ru).
RESTART_HEADING = re.compile(
    r"(?:^|\s)(?:[IVXLІ]+|\d+)\s*-?\s*(?:тарау|глава)\b|^(?:глава|кіріспе|введение|қорытынды|заключение|"
    r"алғысөз|предисловие)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Marker:
    """One number of a footnote marker, where it stands, and whether a chapter began just before it."""

    number: int
    block: int
    start: int
    end: int
    after_heading: bool


def markers(edition: Edition) -> list[Marker]:
    """Every marker number in reading order; "[3, 4]" and "[3–5]" give each number they cover."""
    found: list[Marker] = []
    heading_seen = False
    for b, block in enumerate(edition.blocks):
        if block.kind == "heading" and RESTART_HEADING.search(block.text.strip()):
            heading_seen = True
        for m in MARKER_RE.finditer(block.text):
            numbers = [int(n) for n in re.findall(r"\d+", m.group(1))]
            ranged = re.search(r"[–-]", m.group(1)) and len(numbers) == 2
            if ranged and numbers[0] < numbers[1] <= numbers[0] + 20:
                numbers = list(range(numbers[0], numbers[1] + 1))
            for n in numbers:
                found.append(Marker(n, b, m.start(), m.end(), heading_seen))
                heading_seen = False
    return found


class FootnoteSequenceCheck(EditionCheck):
    """Footnote markers out of order within a chapter: a gap, a repeat or a step back."""

    id = "footnote-sequence"
    name = N_("Footnote markers out of order")
    description = N_("Fires when a footnote marker [N] does not follow the previous one by one: a number "
                      "skipped, "
                      "repeated or going back; numbering may restart at [1] at a chapter.")
    severity = "error"

    def run(self, edition: Edition) -> list[Finding]:
        ms = markers(edition)
        found: list[Finding] = []
        prev = 0
        for k, m in enumerate(ms):
            nxt = ms[k + 1].number if k + 1 < len(ms) else None
            expected = prev + 1
            if m.number == expected or (prev == 0 and k == 0):
                prev = m.number  # the first marker may be any number: an excerpt starts where it starts
                continue
            if m.number == 1 and (m.after_heading or prev == 0 or nxt == 2):
                prev = 1  # a new chapter (or a part without a title line) starts its own numbering
                continue
            if nxt == expected + 1:
                # One wrong number between two right ones: a misprint, not a gap or a restart.
                found.append(self._at(edition, m, Message(N_("[%(n)s] should be [%(expected)s] (between "
                                                             "[%(prev)s] and [%(next)s])"), n=m.number,
                                                          expected=expected, prev=prev, next=nxt), f"[{expected}]"))
                prev = expected
                continue
            if m.number == prev:
                found.append(self._at(edition, m, Message(N_("[%(n)s] is repeated"), n=m.number), None))
            elif m.number > expected:
                missing = f"[{expected}]" if m.number == expected + 1 else f"[{expected}]…[{m.number - 1}]"
                found.append(self._at(edition, m, Message(N_("%(missing)s missing before [%(n)s]"),
                                                          missing=missing, n=m.number), None,
                                      severity="warning"))
            else:
                found.append(self._at(edition, m, Message(N_("[%(n)s] goes back after [%(prev)s]"),
                                                          n=m.number, prev=prev), None))
            prev = m.number
        return found

    def _at(self, edition: Edition, m: Marker, message: Message, suggestion: str | None, **kw: object) -> Finding:
        start = max(0, m.start - 30)
        return self.at(edition, m.block, start, m.end, message, suggestion=suggestion,
                       **kw)  # type: ignore[arg-type]
