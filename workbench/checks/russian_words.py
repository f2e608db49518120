"""Single Russian words left in a Kazakh sentence (“Клубының авторитарных мемлекеттердің”).

Passages of four words or more are the untranslated-passage check's; this one looks for a lone word
with an ending only Russian has (-ых, -ого, -ая, -ться, -ение …), which no Kazakh word or loanword
ends with.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbench.checks.base import Edition, EditionCheck, Finding
from workbench.checks.lexicon import RUSSIAN_ONLY_ENDINGS
from workbench.checks.script import foreign_passages, foreign_sections
from workbench.errors import N_, Message
from workbench.text.normalise import KAZAKH_LETTERS

if TYPE_CHECKING:
    from workbench.text.model import Block

RUSSIAN_WORD = re.compile(rf"(?<![\w-])[а-яё]{{2,}}(?:{'|'.join(RUSSIAN_ONLY_ENDINGS)})(?![\w-])")
KAZAKH_WORD = re.compile(rf"\w*[{KAZAKH_LETTERS}]\w*")
QUOTED = re.compile(r"«([^«»]*)»")
MIN_KAZAKH_SHARE = 0.3


class RussianWordCheck(EditionCheck):
    """A lone Russian word in a Kazakh sentence."""

    id = "russian-word"
    name = N_("Russian word in a Kazakh sentence")
    description = N_("Fires on a lower-case word with an ending only Russian has (-ых, -ого, -ая, -ться, "
                      "-ение …) inside a Kazakh sentence; Russian titles in «…» and longer Russian passages "
                      "(reported as untranslated passages) are left out.")
    severity = "error"

    def run(self, edition: Edition) -> list[Finding]:
        if edition.lang != "kk":
            return []
        skip = {i for first, last in foreign_sections(edition) for i in range(first, last + 1)}
        found: list[Finding] = []
        for index, block in enumerate(edition.blocks):
            if index not in skip:
                found.extend(self._block(edition, index, block))
        return found

    def _block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        text = block.text
        matches = list(RUSSIAN_WORD.finditer(text))
        passages = foreign_passages(text, "kk") if matches else []
        found = []
        for m in matches:
            if any(a <= m.start() < b for a, b, _ in passages):
                continue
            quote = next((q for q in QUOTED.finditer(text) if q.start() < m.start() < q.end()), None)
            if quote and quote.group(1)[:1].isupper() and not KAZAKH_WORD.search(quote.group(1)):
                continue  # a Russian title: «Комсомольская правда»
            start = max(text.rfind(". ", 0, m.start()), 0)
            end = text.find(". ", m.end())
            words = re.findall(r"\w+", text[start:end if end > 0 else len(text)])
            if sum(bool(KAZAKH_WORD.fullmatch(w)) for w in words) < MIN_KAZAKH_SHARE * len(words):
                continue
            found.append(self.at(edition, index, m.start(), m.end(),
                                 Message(N_("“%(word)s” is a Russian word left in a Kazakh sentence"),
                                         word=m.group())))
        return found
