"""Small marks out of place: “ж” after a year without its full stop, an abbreviation set in slashes."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbench.checks.base import Edition, EditionCheck, Finding
from workbench.errors import N_, Message
from workbench.language import CYRILLIC_UPPER

if TYPE_CHECKING:
    from workbench.text.model import Block

YEAR_WITHOUT_STOP = re.compile(r"(\d{4})(\s?)(жж|ж)(?![.\w])")
SLASHED = re.compile(rf"(?<!\S)/\s*([{CYRILLIC_UPPER}]{{2,}})\s*/(?!\S)")


class YearAbbreviationStopCheck(EditionCheck):
    """“2015 ж)” for “2015 ж.)”: the abbreviation of жыл keeps its full stop."""

    id = "year-abbreviation-stop"
    name = N_("“ж” without its full stop")
    description = N_("Fires on “ж” or “жж” after a year without the full stop the book gives them (2015 ж.).")
    severity = "warning"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        return [self.at(edition, index, m.start(), m.end(), Message(N_("“%(mark)s” without its full stop"), mark=m.group(3)),
                        suggestion=f"{m.group(1)}{m.group(2)}{m.group(3)}.")
                for m in YEAR_WITHOUT_STOP.finditer(block.text)]


class SlashedAbbreviationCheck(EditionCheck):
    """“/ ДСҰ /”: an abbreviation set between slashes where the book uses brackets."""

    id = "slashed-abbreviation"
    name = N_("Abbreviation between slashes")
    description = N_("Fires on an abbreviation set between slashes (/ ДСҰ /); the book puts it in brackets.")
    severity = "warning"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        return [self.at(edition, index, m.start(), m.end(), N_("an abbreviation between slashes"),
                        suggestion=f"({m.group(1)})") for m in SLASHED.finditer(block.text)]
