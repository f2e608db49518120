"""Find glossary terms in running Kazakh or Russian text despite inflection (pure).

One pass over the text's words: each word looks up the terms whose first word starts with the
same (up to) three folded letters, every candidate is checked word by word, and the longest match
wins; matches never overlap. Term words match inflected text words by the rules of
``inflection`` (Kazakh suffix chains, Russian endings). Abbreviations (two or more capitals: ҚР,
ЖСДП, ҚазҰУ) match case-sensitively, so ``КО`` (Кеден одағы) is not found in Russian ``ко``, and
take case endings after a hyphen or directly (``ҚР-ның``, ``КСРО-да``, ``ЦИКа``). Quotation marks
are ignored, so the term ``«Нұр Отан» партиясы`` is found in ``«Нұр Отан» партиясының`` and in
``Нұр Отан партиясы``.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from workbench.glossary.inflection import (
    RU_ENDINGS,
    is_kk_chain,
    kk_bases,
    kk_word_matches,
    ru_stem,
    ru_word_matches,
)
from workbench.glossary.model import Context, Entry
from workbench.text.model import Block
from workbench.text.normalise import fold

# Words are runs of letters and digits (apostrophes inside); hyphens and dashes are gaps between
# words, so ``социал-демократиялық`` is two words joined by a hyphen and ``ҚР-ның`` is ``ҚР`` + ``ның``.
TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_NO_QUOTES = str.maketrans("", "", "«»\"“”„‘’'‹›")
_OPENING_QUOTES = "«\"“„‹"
_CLOSING_QUOTES = "»\"”›"
_KEY_SIZE = 3
_GLOSS_RE = re.compile(r"\s*\([^()]*\)")
_SHORT_NAME = 5


@dataclass(frozen=True)
class TermHit:
    """One occurrence of a glossary term: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    entry_id: str
    term: str
    lang: str


@dataclass(frozen=True)
class BlockHit:
    """A hit in a block of a cleaned text, with the source line and page its first letter is on."""

    block: int
    line: int
    page: int | None
    hit: TermHit


def gap_kind(gap: str) -> str:
    """What separates two words: 'hyphen' (social-democratic), 'dash' (Невада – Семей), 'space' or 'break'.

    Quotation marks do not count, so «Нұр Отан» партиясы and Нұр Отан партиясы are the same words.
    """
    bare = gap.translate(_NO_QUOTES)
    core = bare.strip()
    if not core:
        return "space"
    if core == "-":
        # Attached to the word before: a hyphen ("социал-", even with a line-break space after it).
        return "hyphen" if bare[0] == "-" else "dash"
    if core in ("–", "—"):
        return "dash"
    return "break"


def tokens_of(text: str) -> list[tuple[int, int, str]]:
    """The words of ``text`` as (start, end, word)."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


def _is_abbreviation(word: str) -> bool:
    return sum(1 for ch in word if ch.isupper()) >= 2 and len(word) <= 12


class _Word:
    """One word of a term, compiled for matching."""

    __slots__ = ("abbreviation", "capital", "folded", "bases", "stem", "lang")

    def __init__(self, word: str, lang: str, *, head: bool = False, alone: bool = True) -> None:
        self.lang = lang
        self.abbreviation = word if _is_abbreviation(word) else None
        # A short one-word name (Орал, Ресей) must keep its capital: орал|ды is "returned", not
        # "Uralsk". In a name of several words the others tell it apart: Жоғарғы кеңес is Жоғарғы Кеңес.
        self.capital = (alone and self.abbreviation is None and word[:1].isupper()
                        and len(word) <= _SHORT_NAME)
        self.folded = fold(word)
        self.bases = kk_bases(self.folded, head) if lang == "kk" else ()
        self.stem = ru_stem(self.folded) if lang == "ru" else ""

    def matches(self, token: str, folded: str) -> bool:
        """Whether a text word (as written and folded) is a form of this word.

        An abbreviation's ending after a hyphen is a word of its own, taken by ``TermMatcher._match_at``.
        """
        if self.abbreviation is not None:
            if token == self.abbreviation:
                return True
            rest = token[len(self.abbreviation):]
            # ҚРда, ЦИКа: a lowercase ending written straight after the capitals.
            return token.startswith(self.abbreviation) and rest.islower() and self.is_ending(rest)
        if self.capital and not token[:1].isupper():
            return False
        if self.lang == "kk":
            return kk_word_matches(self.bases, folded)
        if self.lang == "ru":
            return ru_word_matches(self.stem, self.folded, folded)
        return folded == self.folded

    def is_ending(self, rest: str) -> bool:
        """Whether ``rest`` can be the case ending of an abbreviation in this language."""
        if self.lang == "kk":
            return bool(rest) and is_kk_chain(rest)
        if self.lang == "ru":
            return rest in RU_ENDINGS
        return False


@dataclass
class _Term:
    entry_id: str
    text: str
    words: list[_Word]
    gaps: list[str]
    order: int
    context: Context = Context()


class TermMatcher:
    """An index of a glossary's terms for finding them in text of either language."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._index: dict[str, dict[str, list[_Term]]] = defaultdict(lambda: defaultdict(list))
        order = 0
        for entry in entries:
            seen: set[tuple[str, str]] = set()
            for term in entry.terms:
                key = (term.lang, fold(term.text))
                if key in seen:
                    continue
                seen.add(key)
                compiled = self._compile(entry.id, term.text, term.lang, order)
                if compiled is not None:
                    try:
                        compiled.context = Context.parse(term.context)
                    except ValueError:
                        pass  # a stored restriction that does not parse restricts nothing
                    order += 1
                    self._index[term.lang][compiled.words[0].folded[:_KEY_SIZE]].append(compiled)

    @staticmethod
    def _compile(entry_id: str, text: str, lang: str, order: int) -> _Term | None:
        # A bracketed gloss is not said in running text: "… шарт ұйымы (ағылш. North Atlantic …)".
        spoken = _GLOSS_RE.sub(" ", text).strip() or text
        tokens = tokens_of(spoken)
        if not tokens:
            return None
        # The last word of a Kazakh term of several words is its head: партиясы in саяси партиясы.
        last = len(tokens) - 1
        words = [_Word(word, lang, head=0 < k == last, alone=not last)
                 for k, (_, _, word) in enumerate(tokens)]
        gaps = [gap_kind(spoken[tokens[k][1]:tokens[k + 1][0]]) for k in range(len(tokens) - 1)]
        return _Term(entry_id, text, words, gaps, order)

    def __len__(self) -> int:
        return sum(len(terms) for by_key in self._index.values() for terms in by_key.values())

    def find(self, text: str, lang: str) -> list[TermHit]:
        """Terms of ``lang`` in ``text``: non-overlapping, left to right, the longest match at each word.

        Among equally long matches the term listed first in the glossary wins.
        """
        index = self._index.get(lang)
        if not index:
            return []
        tokens = tokens_of(text)
        folded = [fold(word) for _, _, word in tokens]
        gaps = [gap_kind(text[tokens[k][1]:tokens[k + 1][0]]) for k in range(len(tokens) - 1)]
        hits: list[TermHit] = []
        i, n = 0, len(tokens)
        while i < n:
            best: tuple[int, int, int, _Term] | None = None  # (words used, -order, end, term)
            first = folded[i]
            for size in range(min(_KEY_SIZE, len(first)), 0, -1):
                for term in index.get(first[:size], ()):
                    used = self._match_at(term, tokens, folded, gaps, i)
                    if used and (best is None or (used[0], -term.order) > (best[0], best[1])):
                        best = (used[0], -term.order, used[1], term)
            if best is None:
                i += 1
                continue
            used_words, _, end, term = best
            start = tokens[i][0]
            # A quoted name keeps its quotation marks when the term has them: «Нұр Отан» партиясы.
            if term.text[:1] in _OPENING_QUOTES and start and text[start - 1] in _OPENING_QUOTES:
                start -= 1
            if term.text[-1:] in _CLOSING_QUOTES and text[end:end + 1] in _CLOSING_QUOTES:
                end += 1
            hits.append(TermHit(start, end, text[start:end], term.entry_id, term.text, lang))
            i += used_words
        return hits

    @staticmethod
    def _match_at(
        term: _Term, tokens: list[tuple[int, int, str]], folded: list[str], gaps: list[str], i: int
    ) -> tuple[int, int] | None:
        """(text words used, end offset) when ``term`` matches the text from word ``i``, else None."""
        k = i
        for w, word in enumerate(term.words):
            if k >= len(tokens):
                return None
            if w and gaps[k - 1] != term.gaps[w - 1]:
                return None
            if not word.matches(tokens[k][2], folded[k]):
                return None
            k += 1
        end = tokens[k - 1][1]
        last = term.words[-1]
        # ҚР-ның, КСРО-дағы: the case ending after a hyphen is part of the hit.
        if (
            last.abbreviation is not None
            and tokens[k - 1][2] == last.abbreviation
            and k < len(tokens)
            and gaps[k - 1] == "hyphen"
            and tokens[k][2].islower()
            and last.is_ending(tokens[k][2])
        ):
            end = tokens[k][1]
            k += 1
        next_word = folded[k] if k < len(tokens) and gaps[k - 1] == "space" else None
        if not term.context.allows(next_word):
            return None
        return k - i, end

    def find_in_blocks(self, blocks: Sequence[Block], lang: str) -> list[BlockHit]:
        """Hits in every block of a cleaned text, each with its block index, source line and page."""
        found = []
        for b, block in enumerate(blocks):
            for hit in self.find(block.text, lang):
                anchor = block.anchor_at(hit.start)
                found.append(BlockHit(b, anchor.line, anchor.page, hit))
        return found
