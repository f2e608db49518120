"""Names: a Kazakh name in its Russian spelling inside Kazakh text (Казахстан), and a proper name in
lower case after a hyphen (Қазақстан-ресей)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbench.checks.base import Edition, EditionCheck, Finding
from workbench.text.normalise import KAZAKH_LETTERS
from workbench.checks.lexicon import COUNTRY_NAMES, CYR_LOWER, CYR_UPPER, RUSSIAN_SPELLINGS

if TYPE_CHECKING:
    from workbench.text.model import Block

# Казахстан with a Kazakh ending or a hyphenated number (Казахстанның, «Казахстан-2030»); Russian forms
# (Казахстанская правда, Республики Казахстан) are Russian titles and are left out.
RUSSIAN_SPELLING = re.compile(
    rf"(?<![\w-])({'|'.join(map(re.escape, RUSSIAN_SPELLINGS))})((?:-?[{CYR_LOWER}]*)|-\d+)(?![\w-])")
RUSSIAN_ENDINGS = ("ская", "ский", "ского", "ской", "ских", "ским", "ском", "скую", "а", "е", "у", "ом")
RUSSIAN_CONTEXT = re.compile(r"(?<![\w-])(?:Республики|Республика|в|и|по|при|ул|г)(?![\w-])")
QUOTED = re.compile(r"«([^«»]*)»")
LOWER_AFTER_HYPHEN = re.compile(
    rf"(?<![\w-])([{CYR_UPPER}][{CYR_LOWER}]+)-({'|'.join(COUNTRY_NAMES)})([{CYR_LOWER}]*)(?![\w-])")


class RussianSpellingCheck(EditionCheck):
    """Казахстан for Қазақстан in a Kazakh sentence or heading."""

    id = "russian-spelling"
    name = "Name in its Russian spelling"
    description = ("Fires in a Kazakh text on “Казахстан” (and Алма-Ата) written the Russian way with a Kazakh "
                   "ending, a number or alone in a Kazakh sentence; Russian titles are left out.")
    severity = "error"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        if edition.lang != "kk":
            return []
        found = []
        for m in RUSSIAN_SPELLING.finditer(block.text):
            name, tail = m.group(1), m.group(2)
            if tail.lstrip("-") in RUSSIAN_ENDINGS:
                continue
            quoted = next((q for q in QUOTED.finditer(block.text) if q.start() < m.start() < q.end()), None)
            if quoted and not re.search(f"[{KAZAKH_LETTERS}]", quoted.group(1)) and not tail.startswith("-"):
                continue  # a title in Russian (a journal, a newspaper)
            around = block.text[max(0, m.start() - 40):m.end() + 40]
            if RUSSIAN_CONTEXT.search(around) and not tail.startswith("-"):
                continue
            found.append(self.at(edition, index, m.start(), m.end(), f"{name} in its Russian spelling",
                                 suggestion=RUSSIAN_SPELLINGS[name] + tail))
        return found


class LowercaseNameAfterHyphenCheck(EditionCheck):
    """A country's name in lower case after a hyphen: Қазақстан-ресей for Қазақстан-Ресей."""

    id = "lowercase-name"
    name = "Proper name in lower case"
    description = "Fires on a country's name written in lower case after a hyphen (Қазақстан-ресей)."
    severity = "warning"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        for m in LOWER_AFTER_HYPHEN.finditer(block.text):
            found.append(self.at(edition, index, m.start(), m.end(), f"“{m.group(2)}” is a name",
                                 suggestion=f"{m.group(1)}-{m.group(2).capitalize()}{m.group(3)}"))
        return found
