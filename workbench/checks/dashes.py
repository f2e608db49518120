"""Dashes: a hyphen where the rest of a list has a dash, a dash glued to a word, a case ending cut off
from its abbreviation or number by a dash (ҰҚК - ның, 2010 - жылы)."""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from workbench.checks.base import Edition, EditionCheck, Finding, word_end, word_start
from workbench.checks.lexicon import CASE_ENDINGS
from workbench.errors import N_, Message
from workbench.language import CYRILLIC_LOWER, CYRILLIC_UPPER

if TYPE_CHECKING:
    from workbench.text.model import Block

# The term of a list item and the mark that separates it from its definition.
ITEM_SEPARATOR = re.compile(r"^(?:\d{1,2}\)\s*|•\s*|[а-я]\)\s*|[-–—]\s+)?(?:\([^()]*\)|[^–\-—()]){1,300}?\s([–—-])\s")
# An en or em dash touching a letter on one side and a space on the other (РКФСР– Ресей), or a
# hyphen used as a dash before “ол/бұл” (еңбегі-ол).
GLUED_DASH = re.compile(rf"(?<=[{CYRILLIC_LOWER}{CYRILLIC_UPPER}])[–—](?=\s)"
                        rf"|(?<=\s)[–—](?=[{CYRILLIC_LOWER}{CYRILLIC_UPPER}])"
                        rf"|(?<=[{CYRILLIC_LOWER}]{{3}})-(?=(?:ол|бұл)(?![\w-]))"
                        rf"|(?<=[{CYRILLIC_LOWER}])[–—](?=[{CYRILLIC_LOWER}])")
DETACHED = re.compile(rf"(?<![\w-])([{CYRILLIC_UPPER}]{{2,}}|\d+%?)(\s+[-–]\s*|[-–]\s+)"
                      rf"({'|'.join(CASE_ENDINGS)})(?![\w-])")
MIN_LIST = 3


def _separator(text: str) -> re.Match[str] | None:
    """The mark between a list item's term and its definition, in the item's first sentence only."""
    m = ITEM_SEPARATOR.match(text)
    return m if m and ". " not in m.group() else None


class ListDashCheck(EditionCheck):
    """In a run of list items, the one whose term is followed by a hyphen when the others use a dash."""

    id = "list-dash"
    name = N_("Hyphen in a list of dashes")
    description = N_("Fires on a list item whose term and definition are separated by “-” (or “–”) when most "
                      "items of the same list use the other mark.")
    severity = "warning"

    def run(self, edition: Edition) -> list[Finding]:
        found: list[Finding] = []
        blocks = edition.blocks
        i = 0
        while i < len(blocks):
            j = i
            while j < len(blocks) and blocks[j].kind == "list_item":
                j += 1
            if j - i >= MIN_LIST:
                marks = {k: m.group(1) for k in range(i, j) if (m := _separator(blocks[k].text))}
                usual, n = Counter(marks.values()).most_common(1)[0] if marks else ("", 0)
                if len(marks) >= MIN_LIST and n >= 0.6 * len(marks):
                    for k, mark in marks.items():
                        if mark != usual:
                            m = _separator(blocks[k].text)
                            assert m is not None
                            piece = blocks[k].text[: m.end()]
                            fixed = piece[: m.start(1)] + usual + piece[m.end(1):]
                            found.append(self.at(edition, k, 0, m.end(), Message(N_("“%(mark)s” where the rest of the list has "
                                                            "“%(usual)s”"), mark=mark, usual=usual),
                                                 suggestion=fixed.strip()))
            i = max(j, i + 1)
        return found


class GluedDashCheck(EditionCheck):
    """A dash with a space on one side only (РКФСР– Ресей), or a hyphen for a dash (еңбегі-ол)."""

    id = "glued-dash"
    name = N_("Dash glued to a word")
    description = N_("Fires on a dash with a space on one side only (“РКФСР– Ресей”) and on a hyphen standing "
                      "for a dash before ол/бұл (“еңбегі-ол”); the book spaces its dashes on both sides.")
    severity = "warning"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        text = block.text
        for m in GLUED_DASH.finditer(text):
            start, end = word_start(text, m.start() - 12), word_end(text, m.end() + 8)
            piece = text[start:end]
            at = m.start() - start
            if text[m.start() - 1].isalpha() and text[m.end()].isalpha() and m.group() != "-":
                # өзін–өзі: a dash inside a compound stands for its hyphen
                fixed, message = piece[:at] + "-" + piece[at + 1:], N_("a dash inside a compound word")
            else:
                fixed, message = piece[:at].rstrip() + " – " + piece[at + 1:].lstrip(), N_("a dash glued to the word")
            found.append(self.at(edition, index, start, end, message, suggestion=fixed))
        return found


class DetachedEndingCheck(EditionCheck):
    """A case ending cut off from its abbreviation or number by a spaced dash (ҚДП - ны)."""

    id = "detached-ending"
    name = N_("Case ending detached by a dash")
    description = N_("Fires on “ҚДП - ны”, “ЕҚЫҰ – ға”, “2010 - жылы”: Kazakh joins an ending to an "
                      "abbreviation or a number with a hyphen and no spaces (ҚДП-ны).")
    severity = "error"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        if block.kind == "list_item" and re.match(rf"^[{CYRILLIC_UPPER}]{{2,}}\s+[-–]\s", block.text):
            return found  # an abbreviation list: “ААҚ – ашық акционерлік қоғам”
        for m in DETACHED.finditer(block.text):
            found.append(self.at(edition, index, m.start(), m.end(), N_("a case ending detached by a dash"),
                                 suggestion=f"{m.group(1)}-{m.group(3)}"))
        return found
