"""Punctuation checks: unbalanced quotes and brackets, doubled and glued words, missing spaces, case."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbench.checks.base import Edition, EditionCheck, Finding
from workbench.text.normalise import script_of

if TYPE_CHECKING:
    from workbench.text.model import Block

LOWER = "a-zа-яёәғқңөұүһі"
UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
# List markers "1)", "а)", "12)" close a bracket nobody opened, on purpose.
LIST_MARKER = re.compile(rf"(?:^\s*|(?<=[;:.,]\s))(?:\d{{1,2}}|[{LOWER}{UPPER}])\)")
DOUBLED = re.compile(r"(?<![\w-])(\w{2,})\s+(\1)(?![\w-])", re.IGNORECASE)
# A lowercase run followed by a capitalised word inside one token (жатырБұл), or a Latin word with a
# Cyrillic ending glued on without the hyphen Kazakh spelling asks for (Facebookи, Twitterде).
GLUED_CASE = re.compile(rf"(?<![\w-])[{UPPER}]?[{LOWER}]{{3,}}[{UPPER}][{LOWER}]{{2,}}(?![\w-])")
GLUED_LATIN = re.compile(r"(?<![\w-])[A-Za-z]{2,}[а-яёәғқңөұүһі]+(?![\w-])")
MISSING_SPACE = re.compile(rf"(?<![\w.])([{LOWER}]{{3,}})([.,;])([{UPPER}{LOWER}]{{2,}})")
# Words of two spellings that Kazakh repeats on purpose ("әр түрлі" is not doubled, but "жыл жыл" is rare).
LEGITIMATE_DOUBLES = frozenset({"тағы", "әлі", "бірте", "жай", "кей", "ақырын", "баяу", "тез", "әр"})


class UnbalancedQuotesCheck(EditionCheck):
    """Guillemets that do not pair up within a paragraph."""

    id = "unbalanced-quotes"
    name = "Unbalanced quotation marks"
    description = ("Fires when a paragraph closes a «» quotation it never opened, opens one it never "
                   "closes, or "
                   "turns a guillemet the wrong way (байланысты»экономикалық); quotations running over "
                   "several "
                   "paragraphs and nested quotes sharing one mark are left out.")
    severity = "warning"

    def run(self, edition: Edition) -> list[Finding]:
        states = [quote_state(edition, i) for i in range(len(edition.blocks))]
        found = []
        for i, (unopened, unclosed, reversed_at, _) in enumerate(states):
            for at in reversed_at:
                found.append(self.at(edition, i, max(0, at - 30), at + 20, "» stands where « belongs",
                                     suggestion="«", severity="error"))
            # A quotation of several paragraphs: opened in one, closed in one of the next few.
            carried = any(states[k][1] is not None for k in range(max(0, i - QUOTE_SPAN), i))
            if unopened is not None and not carried:
                found.append(self.at(edition, i, max(0, unopened - 40), unopened + 1,
                                     "» closes a quotation that was not opened"))
            closes_later = any(states[k][0] is not None or edition.blocks[k].text.lstrip().startswith("«")
                               for k in range(i + 1, min(len(states), i + 1 + QUOTE_SPAN)))
            if unclosed is not None and not closes_later:
                found.append(self.at(edition, i, unclosed, unclosed + 60,
                                     "« opens a quotation that is never closed"))
        return found


QUOTE_SPAN = 6       # paragraphs a quotation may run over
TITLE_TAIL = 12      # words after a quoted name within which a lone » closes a title that begins with it


def _quote_state(text: str) -> tuple[int | None, int | None, list[int], list[int]]:
    """Where the guillemets of a paragraph go wrong.

    :returns: (offset of a » closing nothing, offset of a « left open, offsets of a » standing where a «
        belongs, offsets of a closing » with no space before the next word).
    """
    depth, deepest, opened, unopened, last_pair_end = 0, 0, [], None, -1
    reversed_at: list[int] = []
    glued: list[int] = []
    for i, ch in enumerate(text):
        between_letters = 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()
        if ch == "«" or (ch == "»" and between_letters and depth == 0):
            if ch == "»":
                reversed_at.append(i)  # байланысты»экономикалық: an opening mark typed the wrong way
            depth += 1
            deepest = max(deepest, depth)
            opened.append(i)
        elif ch == "»":
            if between_letters:
                glued.append(i)
            if depth:
                depth -= 1
                opened.pop()
                last_pair_end = i
            elif unopened is None:
                # «Гүлді төңкерістер» табиғаты … туралы»: a title that opens with a quoted name prints one «.
                tail = text[last_pair_end:i]
                if last_pair_end >= 0 and len(tail.split()) <= TITLE_TAIL and not re.search(r"[.!?]\s", tail):
                    continue
                unopened = i
    # «… «…» …: nested quotes sharing the closing mark leave one « open on purpose.
    unclosed = opened[-1] if depth and deepest < 2 else None
    return unopened, unclosed, reversed_at, glued


def quote_state(edition: Edition, index: int) -> tuple[int | None, int | None, list[int], list[int]]:
    """``_quote_state`` of block ``index``, computed once per edition."""
    states = edition.memo("quote-states", lambda: [_quote_state(b.text) for b in edition.blocks])
    return states[index]


class UnbalancedBracketsCheck(EditionCheck):
    """Round or square brackets that do not pair up within a paragraph."""

    id = "unbalanced-brackets"
    name = "Unbalanced brackets"
    description = ("Fires when a paragraph closes a ( or [ bracket it never opened or leaves one open; "
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
                                             f"{close} closes a bracket that was not opened"))
                        break
            else:
                if stack:
                    found.append(self.at(edition, index, stack[-1], stack[-1] + 60,
                                         f"{open_} opens a bracket that is never closed"))
        return found


class DoubledWordCheck(EditionCheck):
    """The same word twice in a row."""

    id = "doubled-word"
    name = "Doubled word"
    description = ("Fires when a word is immediately repeated (“партиясы партиясы”); intended Kazakh "
                   "repetitions are left out.")
    severity = "error"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        for m in DOUBLED.finditer(block.text):
            word = m.group(1)
            if word.lower() in LEGITIMATE_DOUBLES or word.isdigit():
                continue
            found.append(self.at(edition, index, m.start(), m.end(), f"“{word}” is written twice",
                                 suggestion=word))
        return found


class GluedWordsCheck(EditionCheck):
    """Two words run together, or a Latin word with a Cyrillic ending glued on."""

    id = "glued-words"
    name = "Words run together"
    description = ("Fires on a lowercase word running into a capitalised one (жатырБұл) and on a Latin word "
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
                                 f"“{m.group()}” looks like two words run together",
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
                                 f"“{word}”: a Latin word with Cyrillic letters glued on",
                                 suggestion=suggestion))
        return found


def _inside_quotes(text: str, offset: int) -> bool:
    return text.count("«", 0, offset) > text.count("»", 0, offset)


class MissingSpaceCheck(EditionCheck):
    """No space after a full stop, comma or semicolon between two words."""

    id = "missing-space"
    name = "Missing space after punctuation"
    description = ("Fires when a full stop, comma, semicolon or closing » sits between two words without a "
                   "space (береді.қоғамдағы, корпорацияға»айналдырды); abbreviations such as т.б. and web "
                   "addresses are left out.")
    severity = "error"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        for m in MISSING_SPACE.finditer(block.text):
            left, mark, right = m.groups()
            if script_of(left[0]) == "latin" or script_of(right[0]) == "latin":
                continue  # web addresses, e-mail, file names
            found.append(self.at(edition, index, m.start(), m.end(), f"no space after “{mark}”",
                                 suggestion=f"{left}{mark} {right}"))
        text = block.text
        for at in quote_state(edition, index)[3]:
            start = max(text.rfind(" ", 0, at) + 1, 0)
            end = at + 1 + len(re.match(r"\w*", text[at + 1:]).group())  # type: ignore[union-attr]
            found.append(self.at(edition, index, start, end, "no space after “»”",
                                 suggestion=f"{text[start:at + 1]} {text[at + 1:end]}"))
        return sorted(found, key=lambda f: f.excerpt)


class LowercaseSentenceStartCheck(EditionCheck):
    """A sentence that starts with a lowercase letter after a full stop."""

    id = "lowercase-sentence-start"
    name = "Sentence starts in lower case"
    description = ("Fires when a word ends with a full stop, exclamation or question mark and the next "
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
            found.append(self.at(edition, index, start, m.end(), f"sentence starts in lower case: “{nxt}”",
                                 suggestion=nxt[:1].upper() + nxt[1:]))
        return found
