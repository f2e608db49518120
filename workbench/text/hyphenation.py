"""Words hyphenated across line ends: join the word (``Оппози-`` + ``ция``) or keep the compound.

The decision uses the file's own statistics first: if the joined word (``оппозиция``) or the
hyphenated compound (``сондай-ақ``, ``әлеуметтік-саяси``) occurs unbroken elsewhere in the file,
the more frequent spelling wins. When neither occurs, other forms of the joined stem
(``тұжырымдамасы`` for ``тұжырымдама-`` + ``сын``) speak for a join, then a curated list of
compound parts (particles ``-ақ``, ``-ау``; prefixes ``социал-``, ``экс-``, ``әлеуметтік-``) and
compounds the file shows with the same first part speak for the hyphen. A word split is by far
the commoner case, so it is the default.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable

from workbench.text.abbreviations import CLAUSE_WORDS, COMPOUND_PARTICLES, COMPOUND_PREFIXES, SUFFIX_WORDS

WORD_RE = re.compile(r"\w+(?:-\w+)*")
# A hyphen glued to the last word of a line: the only kind that can be a line-break hyphen.
LINE_END_HYPHEN_RE = re.compile(r"(\w+(?:-\w+)*)-$")
FIRST_WORD_RE = re.compile(r"\w+(?:-\w+)*")
# A Kazakh adjective ending, and how a Kazakh suffix (plural, case, possessive) starts.
KK_ADJECTIVE_RE = re.compile(r"\w{3,}(?:лық|лік|дық|дік|тық|тік)$")
KK_SUFFIX_START_RE = re.compile(r"(?:[лдтн][аеыі]|[ғгқк][аеыі]|[сш][ыі]|м[аеыі]з|ба|бе|па|пе)")
# The first part of a Russian compound adjective: a whole adjective stem and the linking vowel.
RU_ADJECTIVE_STEM_RE = re.compile(r"\w{3,}(?:[аио]льн|ивн|ичн|енн|онн|ческ|ск)о$")
RU_ADJECTIVE_RE = re.compile(
    r"[а-яё]{2,}(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю|ою|ей)")


class Hyphenation:
    """Word statistics of one file and the join-or-keep decision built on them."""

    def __init__(self, line_texts: Iterable[str]) -> None:
        words: Counter[str] = Counter()
        heads: Counter[str] = Counter()
        after_break = False
        previous = ""
        breaks: list[tuple[str, str]] = []
        for text in line_texts:
            if after_break:
                halves = split_words(previous, text)
                if halves:
                    breaks.append(halves)
            previous = text
            tokens = WORD_RE.findall(text)
            broken = text.endswith("-") and bool(LINE_END_HYPHEN_RE.search(text[text.rfind(" ") + 1:]))
            # The fragments around a line-break hyphen are not words of the file.
            if after_break and tokens:
                tokens = tokens[1:]
            if broken and tokens:
                tokens = tokens[:-1]
            after_break = broken
            for tok in tokens:
                low = tok.casefold()
                words[low] += 1
                if "-" in low:
                    heads[low.split("-", 1)[0]] += 1
        self.words = words
        self.heads = heads
        self._sorted = sorted(w for w in words if "-" not in w)
        self._sorted_compounds = sorted(w for w in words if "-" in w)
        self.default = self._default_for(breaks)

    def _default_for(self, breaks: list[tuple[str, str]]) -> str:
        """What a line-end hyphen with no evidence either way most likely is, in this file.

        Most printed books hyphenate words, so a join is the default. A typesetter that never
        hyphenates breaks lines only at the hyphens of compounds: when the breaks the file's own
        words decide are nearly all compounds, an undecided break is taken for one too.
        """
        keeps = joins = 0
        for left, right in breaks:
            joined = self.words[(left + right).casefold()]
            compound = self.words[(left + "-" + right).casefold()]
            if joined > compound:
                joins += 1
            elif compound > joined:
                keeps += 1
        return "keep" if keeps >= 3 and keeps >= 0.9 * (keeps + joins) else "join"

    def _has_prefix(self, prefix: str, compounds: bool = False) -> bool:
        words = self._sorted_compounds if compounds else self._sorted
        i = bisect.bisect_left(words, prefix)
        return i < len(words) and words[i].startswith(prefix)

    def decide(self, left: str, right: str) -> str:
        """How to undo a hyphen at a line end: ``"join"``, ``"keep"`` (a compound) or ``"dash"``.

        ``left`` is the last word of the line (without the hyphen), ``right`` the first word of
        the continuation.
        """
        last_part = left.rsplit("-", 1)[-1]
        # Suffixes on abbreviations and numbers keep their hyphen (КСРО-дағы, ЕАО-ға, 1990-1991),
        # and a capital after the break starts a name (Қасым-Жомарт).
        if (len(last_part) >= 2 and last_part.isupper()) or last_part[-1].isdigit() or right[0].isdigit():
            return "keep"
        if right[0].isupper():
            return "keep"
        l_low, r_low = last_part.casefold(), right.casefold()
        r_head = r_low.split("-", 1)[0]
        joined = self.words[(left + right).casefold()]
        compound = self.words[(left + "-" + right).casefold()]
        if joined != compound:
            return "keep" if compound > joined else "join"
        joined_family = len(r_low) > 1 and self._has_prefix(l_low + r_low[:2])
        # Another form of the compound occurs (тергеп-тексеруді for тергеп- + тексеру), and none of a joined word.
        if not joined_family and len(r_low) >= 3 and self._has_prefix(f"{l_low}-{r_low[:4]}", compounds=True):
            return "keep"
        if joined_family:
            return "join"  # another form of the joined word occurs
        if r_head in COMPOUND_PARTICLES or l_low in COMPOUND_PREFIXES or l_low == r_low:
            return "keep"
        left_is_word = self.words[l_low] >= 2
        if left_is_word and r_low in CLAUSE_WORDS:
            return "dash"
        # Two words of the file side by side (моральдық-адамгершілік, шығыс-батыс).
        if left_is_word and self.words[r_head] >= 2 and len(r_head) >= 3 and r_head not in SUFFIX_WORDS:
            return "keep"
        if self.heads[l_low] >= 2 and self.words[r_head] >= 1 and len(r_low) >= 3:
            return "keep"
        # A compound broken at its own hyphen, its first part no word on its own: a Russian linking
        # vowel (историко-культурного, социально-экономический) or a Kazakh converb of a paired verb
        # (тергеп-тексеру), before a word the file uses on its own (in this or another form).
        if (len(l_low) >= 4 and l_low[-1] in "оеп" and len(r_head) >= 5 and self._has_prefix(r_head)
                and r_head not in SUFFIX_WORDS):
            return "keep"
        # A Russian compound adjective seen only once (консультативно-совещательные,
        # военно-промышленный): an adjective stem with its linking -о before a whole adjective.
        if RU_ADJECTIVE_STEM_RE.search(l_low) and RU_ADJECTIVE_RE.fullmatch(r_head):
            return "keep"
        # A pair of words broken at its hyphen, each a word of the file (қаржылық-өнеркәсіптік,
        # салт-дәстүр, қыркүйек-желтоқсан), when no form of the joined word occurs (checked above).
        if (self.words[l_low] >= 1 and len(l_low) >= 3 and len(r_head) >= 5 and r_head not in SUFFIX_WORDS
                and self._has_prefix(r_head[:5])):
            return "keep"
        # A Kazakh adjective in -лық/-лік… before a word that does not start like a suffix
        # (командалық-диктаторлық, құндылық-мағыналық); a word broken before its suffix has a joined
        # form elsewhere in the file, which was found above.
        if KK_ADJECTIVE_RE.search(l_low) and len(r_head) >= 5 and r_head not in SUFFIX_WORDS \
                and not KK_SUFFIX_START_RE.match(r_head):
            return "keep"
        # An echo pair, the second word opening like the first (дәрі-дәрмек, кез-келген).
        if len(l_low) >= 3 and len(r_head) >= 4 and l_low[:2] == r_head[:2] and r_head not in SUFFIX_WORDS:
            return "keep"
        return self.default

    def keep_hyphen(self, left: str, right: str) -> bool:
        """Whether the hyphen of ``left-`` + ``right`` stays (a compound or a dash)."""
        return self.decide(left, right) != "join"


def split_words(line_before: str, line_after: str) -> tuple[str, str] | None:
    """The two halves of a word broken by a hyphen at the end of ``line_before``, or None."""
    if not line_before.endswith("-"):
        return None
    # Only the last token can hold the broken word; searching it alone keeps this linear.
    last = line_before[line_before.rfind(" ") + 1:]
    m = LINE_END_HYPHEN_RE.search(last)
    if not m:
        return None
    n = FIRST_WORD_RE.match(line_after)
    if not n:
        return None
    return m.group(1), n.group(0)
