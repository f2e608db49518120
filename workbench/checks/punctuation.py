"""Punctuation checks: unbalanced brackets, doubled and glued words, missing spaces, lower-case starts.

Unbalanced quotes live in ``quotes`` and are re-exported here.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbench.checks.base import Edition, EditionCheck, Finding
from workbench.checks.quotes import UnbalancedQuotesCheck, glued_closing_quotes
from workbench.errors import N_, Message
from workbench.language import CYRILLIC_LOWER, LOWER, UPPER
from workbench.text.normalise import script_of

__all__ = ["UnbalancedQuotesCheck", "UnbalancedBracketsCheck", "DoubledWordCheck", "GluedWordsCheck",
           "MissingSpaceCheck", "LowercaseSentenceStartCheck"]

if TYPE_CHECKING:
    from workbench.text.model import Block

# List markers "1)", "а)", "12)" close a bracket nobody opened, on purpose.
LIST_MARKER = re.compile(rf"(?:^\s*|(?<=[;:.,]\s))(?:\d{{1,2}}|[{LOWER}{UPPER}])\)")
DOUBLED = re.compile(r"(?<![\w-])(\w{2,})\s+(\1)(?![\w-])", re.IGNORECASE)
# A lowercase run followed by a capitalised word inside one token (жатырБұл), or a Latin word with a
# Cyrillic ending glued on without the hyphen Kazakh spelling asks for (Facebookи, Twitterде).
GLUED_CASE = re.compile(rf"(?<![\w-])[{UPPER}]?[{LOWER}]{{3,}}[{UPPER}][{LOWER}]{{2,}}(?![\w-])")
GLUED_LATIN = re.compile(rf"(?<![\w-])[A-Za-z]{{2,}}[{CYRILLIC_LOWER}]+(?![\w-])")
MISSING_SPACE = re.compile(rf"(?<![\w.])([{LOWER}]{{3,}})([.,;])([{UPPER}{LOWER}]{{2,}})")
# Words of two spellings that Kazakh repeats on purpose ("әр түрлі" is not doubled, but "жыл жыл" is rare).
LEGITIMATE_DOUBLES = frozenset({"тағы", "әлі", "бірте", "жай", "кей", "ақырын", "баяу", "тез", "әр"})


class UnbalancedBracketsCheck(EditionCheck):
    """Round or square brackets that do not pair up within a paragraph."""

    id = "unbalanced-brackets"
    name = N_("Unbalanced brackets")
    description = N_("Fires when a paragraph closes a ( or [ bracket it never opened or leaves one open; "
                      "list markers such as “1)” and “а)” are not brackets.")
    severity = "warning"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        text = LIST_MARKER.sub(lambda m: " " * len(m.group()), block.text)
        found = []
        for open_, close in ("()", "[]"):
            stack: list[int] = []
            for i, ch in enumerate(text):
                if ch == open_:
                    stack.append(i)
                elif ch == close:
                    if stack:
                        stack.pop()
                    elif open_ == "(" and re.search(rf"\s(?:\d{{1,2}}|[{LOWER}])$", text[:i]):
                        continue  # a reference to a list item: "подпунктом 17)", "тармағының 4)"
                    else:
                        found.append(self.at(edition, index, max(0, i - 40), i + 1,
                                             Message(N_("%(close)s closes a bracket that was not opened"),
                                                     close=close)))
                        break
            else:
                if stack:
                    found.append(self.at(edition, index, stack[-1], stack[-1] + 60,
                                         Message(N_("%(open)s opens a bracket that is never closed"),
                                                 open=open_)))
        return found


class DoubledWordCheck(EditionCheck):
    """The same word twice in a row."""

    id = "doubled-word"
    name = N_("Doubled word")
    description = N_("Fires when a word is immediately repeated (“партиясы партиясы”); intended Kazakh "
                      "repetitions are left out.")
    severity = "error"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        for m in DOUBLED.finditer(block.text):
            word = m.group(1)
            if word.lower() in LEGITIMATE_DOUBLES or word.isdigit():
                continue
            found.append(self.at(edition, index, m.start(), m.end(), Message(N_("“%(word)s” is written twice"), word=word),
                                 suggestion=word))
        return found


class GluedWordsCheck(EditionCheck):
    """Two words run together, or a Latin word with a Cyrillic ending glued on."""

    id = "glued-words"
    name = N_("Words run together")
    description = N_("Fires on a lowercase word running into a capitalised one (жатырБұл) and on a Latin word "
                      "with a Cyrillic ending and no hyphen (Facebookи); names in «» and CamelCase brands are "
                      "left out.")
    severity = "error"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        text = block.text
        for m in GLUED_CASE.finditer(text):
            if _inside_quotes(text, m.start()):
                continue
            cut = next(i for i in range(m.start() + 1, m.end()) if text[i].isupper())
            found.append(self.at(edition, index, m.start(), m.end(),
                                 Message(N_("“%(word)s” looks like two words run together"), word=m.group()),
                                 suggestion=f"{text[m.start():cut]} {text[cut:m.end()]}"))
        for m in GLUED_LATIN.finditer(text):
            word = m.group()
            cut = next(i for i, c in enumerate(word) if script_of(c) == "cyrillic")
            tail = word[cut:]
            # A lone Russian conjunction (Facebookи Twitter) is a missing space;
            # a Kazakh ending wants a hyphen (Twitter-де).
            glue = " " if tail in {"и", "в", "с", "к", "а"} else "-"
            suggestion = f"{word[:cut]}{glue}{tail}"
            found.append(self.at(edition, index, m.start(), m.end(),
                                 Message(N_("“%(word)s”: a Latin word with Cyrillic letters glued on"), word=word),
                                 suggestion=suggestion))
        return found


def _inside_quotes(text: str, offset: int) -> bool:
    return text.count("«", 0, offset) > text.count("»", 0, offset)


class MissingSpaceCheck(EditionCheck):
    """No space after a full stop, comma or semicolon between two words."""

    id = "missing-space"
    name = N_("Missing space after punctuation")
    description = N_("Fires when a full stop, comma, semicolon or closing » sits between two words without a "
                      "space (береді.қоғамдағы, корпорацияға»айналдырды); abbreviations such as т.б. and web "
                      "addresses are left out.")
    severity = "error"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        for m in MISSING_SPACE.finditer(block.text):
            left, mark, right = m.groups()
            if script_of(left[0]) == "latin" or script_of(right[0]) == "latin":
                continue  # web addresses, e-mail, file names
            found.append(self.at(edition, index, m.start(), m.end(), Message(N_("no space after “%(mark)s”"), mark=mark),
                                 suggestion=f"{left}{mark} {right}"))
        text = block.text
        for at in glued_closing_quotes(edition, index, block):
            start = max(text.rfind(" ", 0, at) + 1, 0)
            end = at + 1 + len(re.match(r"\w*", text[at + 1:]).group())  # type: ignore[union-attr]
            found.append(self.at(edition, index, start, end, Message(N_("no space after “%(mark)s”"), mark="»"),
                                 suggestion=f"{text[start:at + 1]} {text[at + 1:end]}"))
        return sorted(found, key=lambda f: f.excerpt)


class LowercaseSentenceStartCheck(EditionCheck):
    """A sentence that starts with a lowercase letter after a full stop."""

    id = "lowercase-sentence-start"
    name = N_("Sentence starts in lower case")
    description = N_("Fires when a word ends with a full stop, exclamation or question mark and the next "
                      "sentence "
                      "starts with a lowercase letter; abbreviations (ж., т.б., б.з.д.) and list items are "
                      "left out.")
    severity = "warning"

    PATTERN = re.compile(rf"(?<![\w.])([{UPPER}{LOWER}]{{3,}})([.!?])\s+([{LOWER}][{LOWER}-]+)")
    # Words that end a sentence only in form: abbreviations with a full stop in both languages.
    ABBREVIATED = frozenset({"жж", "т.б", "т.с.с", "бет", "мыс", "ағылш", "орыс", "қаз", "см", "стр", "млн",
                             "млрд", "тыс", "руб", "обл", "проф", "акад", "им", "ред", "изд", "авт", "еск"})

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        for m in self.PATTERN.finditer(block.text):
            word, mark, nxt = m.groups()
            if word.lower() in self.ABBREVIATED or (mark == "." and word[:1].isupper() and len(word) <= 4):
                continue
            start = m.start(3)
            found.append(self.at(edition, index, start, m.end(), Message(N_("sentence starts in lower case: “%(word)s”"), word=nxt),
                                 suggestion=nxt[:1].upper() + nxt[1:]))
        return found
