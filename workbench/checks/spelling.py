"""Names and terms spelled two ways in one edition (Қосанов / Косанов, Чеботарёв / Чеботарев)."""
from __future__ import annotations

import re
from collections import defaultdict

from workbench.checks.base import Edition, EditionCheck, Finding
from workbench.checks.name_spellings import spelling_key, usual_first, word_places
from workbench.checks.script import foreign_passages, foreign_sections
from workbench.errors import N_, Message
from workbench.language import CYRILLIC_LOWER, CYRILLIC_UPPER
from workbench.text.normalise import KAZAKH_LETTERS

# A capitalised Cyrillic word of four letters or more, not the second half of a hyphenated word.
NAME_RE = re.compile(rf"(?<![\w-])[{CYRILLIC_UPPER}][{CYRILLIC_LOWER}]{{3,}}(?![\w])")


class SpelledTwoWaysCheck(EditionCheck):
    """A name or term written both with and without Kazakh letters (or with ё and е)."""

    id = "spelled-two-ways"
    name = N_("Name spelled two ways")
    description = N_("Fires when a capitalised word appears in two spellings that differ only in Kazakh "
                      "letters "
                      "(Қ/К, Ұ/У, Ә/А …) or ё/е; reported once, at the rarer spelling, suggesting the usual "
                      "one.")
    severity = "warning"

    def run(self, edition: Edition) -> list[Finding]:
        skip = {i for first, last in foreign_sections(edition) for i in range(first, last + 1)}
        # Words of a passage in the other language are spelled the other language's way.
        foreign = {b: foreign_passages(block.text, edition.lang) for b, block in enumerate(edition.blocks)
                   if b not in skip}

        def keep(b: int, m: re.Match[str]) -> bool:
            return b not in skip and not any(s <= m.start() < e for s, e, _ in foreign[b])

        places = word_places(edition, NAME_RE, keep)
        by_key: dict[str, list[str]] = defaultdict(list)
        for word in places:
            by_key[spelling_key(word)].append(word)
        mixed = {k: v for k, v in by_key.items() if len(v) > 1}
        found = []
        for key in sorted(mixed):
            # Нұрқаділовтың / Нүркәділовтың is the same pair as Нұрқаділов / Нүркәділов: report the stem once.
            if any(key != other and key.startswith(other) for other in mixed):
                continue
            usual, *rest = usual_first(mixed[key], places)
            for rare in rest:
                b, start = places[rare][0]
                # In a Kazakh text the spelling with more Kazakh letters may be the right one (Жәкей / Жакей):
                # then the majority is named but not offered.
                kazakh = edition.lang == "kk" and _kazakh_letters(rare) > _kazakh_letters(usual)
                found.append(self.at(
                    edition, b, start, start + len(rare),
                    Message(N_("“%(rare)s” (%(n)s×) is spelled “%(usual)s” elsewhere (%(m)s×)"),
                            rare=rare, n=len(places[rare]), usual=usual, m=len(places[usual])),
                    suggestion=None if kazakh else usual,
                    other_line=_line(edition, *places[usual][0]),
                ))
        return found


def _kazakh_letters(word: str) -> int:
    return sum(ch in KAZAKH_LETTERS for ch in word.lower())


def _line(edition: Edition, block: int, offset: int) -> int:
    return edition.blocks[block].anchor_at(offset).line


WORD = re.compile(rf"(?<![\w-])[{CYRILLIC_LOWER}{CYRILLIC_UPPER}]+(?![\w-])")
COMPOUND = re.compile(rf"(?<![\w-])([{CYRILLIC_LOWER}]+)-([{CYRILLIC_LOWER}]+)(?![\w-])")
TERM_MIN_USUAL = 5   # the usual spelling occurs at least this often ...
TERM_RATIO = 5       # ... and this many times as often as the rare one


class TermSpelledSeveralWaysCheck(EditionCheck):
    """A compound written hyphenated, spaced or joined, against the book's usual way (алдын-алу / алдын алу)."""

    id = "term-spelling"
    name = N_("Compound spelled several ways")
    description = Message(N_("Fires on the rare spelling of a compound that the book writes hyphenated, as two words or "
                             "as one (бара-бар / барабар) when the usual spelling is at least %(ratio)s times as "
                             "frequent and occurs %(n)s times or more; reported once, suggesting the usual one."),
                             ratio=TERM_RATIO, n=TERM_MIN_USUAL)
    severity = "warning"

    def run(self, edition: Edition) -> list[Finding]:
        hyphenated: dict[tuple[str, str], list[tuple[int, int, int]]] = defaultdict(list)
        other: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        for b, block in enumerate(edition.blocks):
            for m in COMPOUND.finditer(block.text):
                hyphenated[(m.group(1).lower(), m.group(2).lower())].append((b, m.start(), m.end()))
        firsts = {a for a, _ in hyphenated}
        joined = {a + c for a, c in hyphenated}
        for b, block in enumerate(edition.blocks):
            words = list(WORD.finditer(block.text))
            for k, m in enumerate(words):
                word = m.group().lower()
                if word in joined:
                    other[word].append((b, m.start(), m.end()))
                if word in firsts and k + 1 < len(words) and block.text[m.end():words[k + 1].start()] == " ":
                    other[f"{word} {words[k + 1].group().lower()}"].append((b, m.start(), words[k + 1].end()))
        found = []
        for (a, c), places in hyphenated.items():
            if len(c) < 3:
                continue  # a case ending cut off by a hyphen is the unresolved-hyphen check's
            for variant in (f"{a} {c}", a + c):
                rare, usual = (other.get(variant, []), places)
                usual_text = f"{a}-{c}"
                if len(rare) > len(usual):
                    rare, usual, usual_text = usual, rare, variant
                if not rare or len(usual) < TERM_MIN_USUAL or len(usual) < TERM_RATIO * len(rare):
                    continue
                b, start, end = rare[0]
                printed = edition.blocks[b].text[start:end]
                found.append(self.at(edition, b, start, end,
                                     Message(N_("“%(rare)s” (%(n)s×) is written “%(usual)s” elsewhere (%(m)s×)"),
                                             rare=printed, n=len(rare), usual=usual_text, m=len(usual)),
                                     suggestion=usual_text))
        return found
