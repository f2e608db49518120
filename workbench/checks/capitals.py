"""A capital in mid-sentence on a common word (“Қазақстан Ол үшін төлегеннен”)."""
from __future__ import annotations

import re
from collections import Counter

from workbench.checks.base import Edition, EditionCheck, Finding
from workbench.checks.lexicon import NAME_HEADS
from workbench.errors import N_, Message
from workbench.language import CYRILLIC_LOWER, CYRILLIC_UPPER, KK_PLURAL_SUFFIXES

MID_CAPITAL = re.compile(rf"(?<=[{CYRILLIC_LOWER},] )([{CYRILLIC_UPPER}][{CYRILLIC_LOWER}]+)(?![\w-])")
LOWER_WORD = re.compile(rf"(?<![\w-])[{CYRILLIC_LOWER}]+(?![\w-])")
QUOTED = re.compile(r"«[^«»]*»")
HEADS = re.compile("|".join(NAME_HEADS))
MIN_LOWER = 45  # the word is common: the book writes it in lower case at least this often


class MidSentenceCapitalCheck(EditionCheck):
    """A common word capitalised once in mid-sentence, where the book otherwise writes it in lower case."""

    id = "mid-sentence-capital"
    name = N_("Capital in mid-sentence")
    description = Message(N_("Fires on a word capitalised after a lower-case word or a comma, when the book writes it "
                             "in lower case at least %(n)s times and capitalised in mid-sentence nowhere else; "
                             "names of bodies and documents (… партиясы, … жөніндегі кеңес) and titles in «» are left "
                             "out, and so is a word at the start of a source line (a table cell, a lost paragraph break)."), n=MIN_LOWER)
    severity = "warning"

    def run(self, edition: Edition) -> list[Finding]:
        lower: Counter[str] = Counter()
        mid: Counter[str] = Counter()
        candidates: list[tuple[int, int, int, str]] = []
        for b, block in enumerate(edition.blocks):
            text = block.text
            lower.update(m.group() for m in LOWER_WORD.finditer(text))
            quotes = [q.span() for q in QUOTED.finditer(text)]
            for m in MID_CAPITAL.finditer(text):
                word = m.group(1)
                mid[word] += 1
                if any(a < m.start() < e for a, e in quotes):
                    continue
                if HEADS.search(" ".join(text[m.end():m.end() + 160].split()[:8]).lower()):
                    continue  # the first word of the name of a body or a document
                if any(a.offset == m.start(1) for a in block.anchors):
                    continue  # at the start of a source line: a table cell or a lost paragraph break
                candidates.append((b, m.start(1), m.end(1), word))
        found = []
        for b, start, end, word in candidates:
            if mid[word] == 1 and lower[word.lower()] >= MIN_LOWER:
                found.append(self.at(edition, b, start, end,
                                     Message(N_("“%(word)s” capitalised in mid-sentence; the book writes "
                                                "“%(lower)s” %(n)s times"), word=word, lower=word.lower(),
                                             n=lower[word.lower()]), suggestion=word.lower()))
        return found


QUOTED_NAME = re.compile(r"«([^«»]{2,60})»")
PLURAL = re.compile(f"(?:{'|'.join(KK_PLURAL_SUFFIXES)})")


class LowercaseQuotedNameCheck(EditionCheck):
    """A name in guillemets written in lower case where the book writes it capitalised («отандас» партиясы)."""

    id = "lowercase-quoted-name"
    name = N_("Name in «» in lower case")
    description = N_("Fires on a name in «» that starts in lower case before the name of a body (партиясы, "
                      "қозғалысы, қоры, блогы …) when the book writes the same name capitalised at least as often; "
                      "names of concepts (… тұжырымдамасы) are left out.")
    severity = "warning"

    def run(self, edition: Edition) -> list[Finding]:
        capitalised: Counter[str] = Counter()
        lowercase: Counter[str] = Counter()
        candidates = []
        for b, block in enumerate(edition.blocks):
            for m in QUOTED_NAME.finditer(block.text):
                name = m.group(1)
                if name[:1].isupper():
                    capitalised[name] += 1
                elif name[:1].islower():
                    lowercase[name] += 1
                    after = " ".join(block.text[m.end():m.end() + 80].split()[:3]).lower()
                    head = HEADS.search(after)
                    if head and not PLURAL.match(after[head.end():]) and head.group() != "тұжырымдама":
                        candidates.append((b, m.start(), m.end(), name))
        found = []
        for b, start, end, name in candidates:
            proper = name[0].upper() + name[1:]
            if capitalised[proper] >= lowercase[name]:  # a name of a body is capitalised unless the book says otherwise
                found.append(self.at(edition, b, start, end, Message(N_("the book writes «%(name)s» with a capital"), name=proper),
                                     suggestion=f"«{proper}»"))
        return found
