"""Footnote-marker punctuation: the book writes «… сөз [12].» — the marker before the sentence's stop."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbench.checks.base import Edition, EditionCheck, Finding, word_start
from workbench.checks.lexicon import STOP_ABBREVIATIONS
from workbench.errors import N_

if TYPE_CHECKING:
    from workbench.text.model import Block

MARKER = r"\[\d+(?:\s?[-–,]\s?\d+)*\]"
# A stop (after a word, a closing quote or bracket, ?/! included) then the marker then a second stop.
STOP_BOTH_SIDES = re.compile(rf"(?P<stop>[.?!]?»?\.)\s*(?P<marker>{MARKER})\s*\.")
# The marker after the sentence's stop with no stop of its own: "… сайланды. [3]".
STOP_BEFORE_ONLY = re.compile(rf"(?<=[^\W\d_])\.\s+(?P<marker>{MARKER})(?!\s*[.,;:\w])")
# The marker glued to the word: "ұсыну[82]".
GLUED = re.compile(rf"(?<=[^\W\d_])(?P<marker>{MARKER})")


class CitationStopCheck(EditionCheck):
    """A full stop both before and after a footnote marker (… айтты. [12].)."""

    id = "citation-double-stop"
    name = N_("Full stop on both sides of a footnote marker")
    description = N_("Fires on “… айтты. [12].”: the book ends a sentence with its marker and one stop "
                      "(“айтты [12].”); a stop that belongs to an abbreviation (т.б. [14].) is left alone.")
    severity = "warning"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        text = block.text
        for m in STOP_BOTH_SIDES.finditer(text):
            head = text[word_start(text, m.start("stop") - 8):m.end("stop")]
            if any(head.endswith(a) for a in STOP_ABBREVIATIONS) and not m.group("stop").startswith("»"):
                continue
            start = word_start(text, m.start("stop") - 20)
            kept = m.group("stop")[:-1]  # drop the stop before the marker, keep ?, ! and »
            fixed = text[start:m.start("stop")] + kept + " " + m.group("marker") + "."
            found.append(self.at(edition, index, start, m.end(),
                                 N_("a full stop both before and after the footnote marker"), suggestion=fixed))
        return found


class CitationPlacementCheck(EditionCheck):
    """A footnote marker placed unlike the book's usage: glued to the word, or after the stop."""

    id = "citation-placement"
    name = N_("Footnote marker out of place")
    description = N_("Fires on a marker glued to its word (ұсыну[82]) or standing after the sentence's stop "
                      "with none of its own (сайланды. [3]); the book writes “ұсыну [82].”.")
    severity = "warning"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        text = block.text
        for m in GLUED.finditer(text):
            start = word_start(text, m.start() - 15)
            found.append(self.at(edition, index, start, m.end(), N_("the footnote marker is glued to the word"),
                                 suggestion=text[start:m.start()] + " " + m.group("marker")))
        for m in STOP_BEFORE_ONLY.finditer(text):
            start = word_start(text, m.start() - 15)
            found.append(self.at(edition, index, start, m.end(),
                                 N_("the footnote marker stands after the full stop"),
                                 suggestion=text[start:m.start()] + " " + m.group("marker") + "."))
        return found
