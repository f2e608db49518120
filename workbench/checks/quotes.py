"""Guillemets «» that do not pair up: across paragraphs, nested, typed the wrong way (pure).

The scan runs over the blocks of an edition in order. A quotation left open at the end of a paragraph is
carried into the next ones (a quotation of several paragraphs, or a paragraph break the PDF put inside a
sentence) and is reported only if nothing closes it within ``QUOTE_SPAN`` paragraphs or before a heading.
Russian and Kazakh typesetting prints one mark where two of the same kind meet: «…«Нұр Отан»» is set as
«…«Нұр Отан», and ««Гүлді төңкерістер» табиғаты туралы» as «Гүлді төңкерістер» табиғаты туралы». Both are
accepted; everything else that does not pair up is reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbench.checks.base import Edition, EditionCheck, Finding
from workbench.errors import N_

if TYPE_CHECKING:
    from workbench.text.model import Block

QUOTE_SPAN = 3       # following paragraphs a quotation may run over
TITLE_TAIL = 12      # words after a quoted name within which a lone » closes a title that begins with it
MIRROR_SPAN = 8      # words between a » and a « that are a quotation typed the wrong way round
# Where a quotation may end: the end of the paragraph, a footnote marker, punctuation, "деп"/"деген"
# (says), or "атты" (entitled) after a title.
QUOTE_END = re.compile(r"\s*(?:$|\[\d|[.,;:!?…)]|(?:деп|деген|делінген|дейді|делінеді|атты)\b)")

# A paragraph that ends with a footnote marker ends its citation: a quotation still open is not carried.
CITED = re.compile(r"\[\d{1,3}\][.;]?\s*$")


@dataclass
class QuoteState:
    """How the guillemets of one paragraph pair up, given the quotations carried into it."""

    unopened: int | None = None        # a » that closes nothing
    unclosed: list[int] = field(default_factory=list)   # « still open at the end (-1: carried in)
    reversed_at: list[int] = field(default_factory=list)  # a » standing where « belongs
    mirrored: list[tuple[int, int]] = field(default_factory=list)  # » … « typed the wrong way round
    glued: list[int] = field(default_factory=list)      # a closing » with no space before the next word


def scan_quotes(text: str, carried: int = 0) -> QuoteState:
    """Pair the guillemets of ``text``, ``carried`` quotations being open when it starts."""
    st = QuoteState()
    opened: list[int] = [-1] * carried
    shared: set[int] = set()        # levels an inner quotation closed at a place where they may end too
    last_pair_end, skip = -1, -1
    lead = len(text) - len(text.lstrip())
    for m in re.finditer("[«»]", text):
        i = m.start()
        if i == skip:
            continue
        if text[i] == "«":
            opened.append(i)
            continue
        prev_letter = i > 0 and text[i - 1].isalpha()
        next_letter = i + 1 < len(text) and text[i + 1].isalpha()
        if opened:
            level = len(opened) - 1
            start = opened.pop()
            if prev_letter and next_letter:
                st.glued.append(i)
            shared.discard(level)
            # A quotation carried in from an earlier paragraph shares its mark only with one that
            # reopens it at the start of this paragraph (each paragraph of a long quotation opens with «).
            # A footnote marker inside ends the outer citation before this point.
            if (level and QUOTE_END.match(text, i + 1) and (level > carried or start == lead)
                    and "[" not in text[max(0, opened[-1]):i]):
                shared.add(level - 1)
            last_pair_end = i
        elif next_letter:
            # байланысты»экономикалық, пікірінше,»қазақтардың: an opening mark typed the wrong way
            st.reversed_at.append(i)
            opened.append(i)
        elif (j := _mirror_end(text, i)) is not None:
            st.mirrored.append((i, j))  # уақытта» Назарбаев моделі « өзінің
            skip = j
        elif not _closes_a_title(text, last_pair_end, i) and st.unopened is None:
            st.unopened = i
    while opened and len(opened) - 1 in shared:
        shared.discard(len(opened) - 1)
        opened.pop()  # «… «…» sharing the closing mark
    st.unclosed = opened
    return st


_UNTIL_MARK = re.compile(r"[^«».!?]*")


def _mirror_end(text: str, at: int) -> int | None:
    """The offset of the « that closes a » … « quotation typed the wrong way round, if ``at`` opens one."""
    if not (at > 0 and text[at - 1].isalpha() and text[at + 1:at + 2].isspace()):
        return None
    j = _UNTIL_MARK.match(text, at + 1).end()  # type: ignore[union-attr]
    if j >= len(text) or text[j] != "«" or not text[j - 1].isspace():
        return None
    return j if len(text[at + 1:j].split()) <= MIRROR_SPAN else None


def _closes_a_title(text: str, last_pair_end: int, at: int) -> bool:
    """«Гүлді төңкерістер» табиғаты … туралы»: a title that opens with a quoted name prints one «."""
    tail = text[last_pair_end:at]
    return last_pair_end >= 0 and len(tail.split()) <= TITLE_TAIL and not re.search(r"[.!?]\s", tail)


def quote_states(edition: Edition) -> tuple[list[QuoteState], list[tuple[int, int]]]:
    """The state of every block, and the (block, offset) of every « that nothing closes."""
    def compute() -> tuple[list[QuoteState], list[tuple[int, int]]]:
        states: list[QuoteState] = []
        pending: list[tuple[int, int]] = []   # open quotations carried over, outermost first
        never_closed: list[tuple[int, int]] = []
        for index, block in enumerate(edition.blocks):
            if pending and (block.kind == "heading" or index - pending[-1][0] > QUOTE_SPAN):
                never_closed += pending
                pending = []
            st = scan_quotes(block.text, len(pending))
            still = sum(1 for off in st.unclosed if off < 0)
            pending = pending[:still] + [(index, off) for off in st.unclosed if off >= 0]
            if pending and CITED.search(block.text):
                never_closed += pending  # «… бар [83]. : the citation ended here without its »
                pending = []
            states.append(st)
        return states, never_closed + pending

    return edition.memo("quote-states", compute)


class UnbalancedQuotesCheck(EditionCheck):
    """Guillemets that do not pair up."""

    id = "unbalanced-quotes"
    name = N_("Unbalanced quotation marks")
    description = N_("Fires when a «» quotation is closed but never opened, opened but never closed (within "
                      "the next three paragraphs), or typed the wrong way (байланысты»экономикалық, "
                      "уақытта» Назарбаев моделі « өзінің); quotations running over several paragraphs and "
                      "nested quotes sharing one mark are left out.")
    severity = "warning"

    def run(self, edition: Edition) -> list[Finding]:
        states, never_closed = quote_states(edition)
        found = []
        for i, st in enumerate(states):
            for at in st.reversed_at:
                found.append(self.at(edition, i, max(0, at - 30), at + 20, N_("» stands where « belongs"),
                                     suggestion="«", severity="error"))
            for at, end in st.mirrored:
                text = edition.blocks[i].text
                found.append(self.at(edition, i, max(0, at - 20), end + 20,
                                     N_("quotation marks turned the wrong way round (» … «)"),
                                     suggestion="«" + text[at + 1:end].strip() + "»", severity="error"))
            if st.unopened is not None:
                found.append(self.at(edition, i, max(0, st.unopened - 40), st.unopened + 1,
                                     N_("» closes a quotation that was not opened")))
        for i, at in never_closed:
            found.append(self.at(edition, i, at, at + 60, N_("« opens a quotation that is never closed")))
        return found


def glued_closing_quotes(edition: Edition, index: int, block: Block) -> list[int]:
    """Offsets of closing » in block ``index`` with a word glued on (корпорацияға»айналдырды)."""
    return quote_states(edition)[0][index].glued
