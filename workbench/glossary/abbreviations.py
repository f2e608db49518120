"""Abbreviation definitions found in text: the list of abbreviations, ``… (ҚХА)``, ``(бұдан әрі – …)``.

``letters_fit`` says whether an abbreviation's letters can be read off its expansion's words; the
glossary checks use it to flag printed abbreviations whose letters do not fit their expansion.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Sequence

from workbench.language import ABBREVIATION_SKIPPED_WORDS, RU_PREFIXES, RU_VOWELS, UPPER
from workbench.language import LATIN_SOUNDS as LATIN_SOUND_LETTERS
from workbench.text.model import Block
from workbench.text.normalise import fold, nfc, to_russian_letters

DefinitionSource = Literal["list", "inline"]


@dataclass(frozen=True)
class AbbreviationDefinition:
    """An abbreviation and the expansion the text gives for it, with the 1-based source line."""

    abbreviation: str
    expansion: str
    line: int
    source: DefinitionSource  # "list" | "inline"


# Words that an abbreviation leaves out, and Latin letters as a Kazakh reader hears them.
FUNCTION_WORDS = ABBREVIATION_SKIPPED_WORDS
LATIN_SOUNDS = str.maketrans(LATIN_SOUND_LETTERS)
DASH = "[–—-]"
# Vowels of a reading key (Kazakh letters mapped to Russian ones, folded: no ё).
_VOWEL_KEYS = RU_VOWELS - {"ё"}
_RU_PREFIXES = RU_PREFIXES
_QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”")
_PAREN = re.compile(r"\([^()]*\)")
# Abbreviation-like token: at least two capitals (ҚР, ҚазҰУ, HAQ, РКФСР).
ABBR_TOKEN = rf"[^\W\d_]*[{UPPER}][^\W\d_]*[{UPPER}][^\W\d_]*"
_ABBR_TOKEN_RE = re.compile(rf"^{ABBR_TOKEN}$")
# A list line: optional quoted name and words, then an abbreviation, then a dash (РКФСР– has no space).
_LIST_LINE = re.compile(
    rf"^\s*(?P<abbr>(?:«[^»]{{1,40}}»\s*)?(?:[^\s–—]+\s+){{0,2}}?{ABBR_TOKEN}(?:\s+{ABBR_TOKEN})?)"
    rf"(?:\s*[–—]\s*|\s+-\s+)(?P<exp>\S.*)$"  # a hyphen needs spaces: ЕҚЫҰ-ны is a word, not an item
)
_INLINE_PAREN = re.compile(rf"\((?P<abbr>(?:«[^»]{{1,40}}»\s*)?{ABBR_TOKEN})\)")
_HEREINAFTER = re.compile(rf"\((?:бұдан\s+әрі|далее)\s*{DASH}\s*(?P<abbr>[^()]{{1,60}}?)\s*\)", re.IGNORECASE)
_WORD = re.compile(r"«[^»]*»|[\w’'-]+")
_LIST_NEIGHBOUR_LINES = 5  # a list item has another within this many source lines
_MAX_EXPANSION_WORDS = 12


def letters_fit(abbreviation: str, expansion: str, *, trailing_words: bool = True) -> bool:
    """Whether the abbreviation's letters can be read, in order, off the initials of the expansion's words.

    Allowed, as Kazakh and Russian abbreviations are made: leading words left out ("Қазақстан
    Республикасы Президентінің жанындағы Ұлттық қоғамдық сенім кеңесі" -> ҰҚСК) and, unless
    ``trailing_words`` is false, words after the last letter ("Центральная избирательная комиссия
    Республики Казахстан" -> ЦИК); function words left out (және, мен, жөніндегі; и, по); each part
    of a hyphenated word giving its initial (социал-демократиялық -> СД); lowercase letters printed
    in the abbreviation being the start of the word (ҚазҰУ -> Қаз|ақ ұлттық университеті); one
    letter from inside a compound word, where a stem starting with a vowel or after a Russian prefix
    begins (Еуразиялық -> ЕА, ЕврАзЭС, не|правительственные -> НП); one content word left out
    (Азия-Тынық мұхит өңірі -> АТӨ); quoted names in the abbreviation ignored on both sides, and an
    abbreviation of the quoted name alone («Әділетті Қазақстан үшін» … блогы -> ӘҚҮ).
    Қ/К, Ұ/У and the like count as the same letter, since abbreviations cross the two languages.
    """
    abbreviation, expansion = nfc(abbreviation).strip(), nfc(expansion).strip()
    if _QUOTED.search(abbreviation):
        # «Азат» ҚАҚ, КС «Республика»: the name is written out on both sides (maybe misspelt on one).
        abbreviation = _QUOTED.sub(" ", abbreviation)
        expansion = _QUOTED.sub(" ", expansion)
    expansion = _PAREN.sub(" ", expansion)
    pieces = _abbreviation_pieces(abbreviation)
    if not pieces:
        return False
    if _fits(pieces, _expansion_parts(expansion), trailing_words):
        return True
    # An abbreviation of the quoted name alone, the rest of the expansion saying what it names.
    return any(_fits(pieces, _expansion_parts(q.group()[1:-1]), trailing_words)
               for q in _QUOTED.finditer(expansion))


def _letter_key(text: str) -> str:
    return to_russian_letters(fold(text)).translate(LATIN_SOUNDS)


def _abbreviation_pieces(abbreviation: str) -> tuple[str, ...]:
    """ҚазҰУ -> ('қаз', 'у', 'у'); ҚР СІМ -> ('к', 'р', 'с', 'и', 'м'), as comparison keys."""
    pieces: list[str] = []
    for token in re.findall(r"[^\W\d_]+", abbreviation):
        current = ""
        for ch in token:
            if ch.isupper() or not current:
                if current:
                    pieces.append(current)
                current = ch
            else:
                current += ch
        if current:
            pieces.append(current)
    # An all-lowercase token (rare: "ж.") gives nothing useful; an all-caps one gives its letters.
    return tuple(_letter_key(p) for p in pieces)


def _expansion_parts(expansion: str) -> tuple[tuple[str, int, bool], ...]:
    """Words split at hyphens: (comparison key, index of the whole word, is a function word)."""
    parts: list[tuple[str, int, bool]] = []
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", expansion)
    for w_index, word in enumerate(words):
        is_function = fold(word) in FUNCTION_WORDS
        for part in word.split("-"):
            parts.append((_letter_key(part), w_index, is_function))
    return tuple(parts)


def _fits(pieces: tuple[str, ...], parts: tuple[tuple[str, int, bool], ...], trailing: bool) -> bool:
    n_pieces, n_parts = len(pieces), len(parts)

    @lru_cache(maxsize=None)
    def walk(i: int, j: int, started: bool, word_used: bool, skips: int, inner: int) -> bool:
        if j == n_parts:
            return i == n_pieces
        key, w_index, is_function = parts[j]
        last_part = j + 1 == n_parts or parts[j + 1][1] != w_index

        def advance(i2: int, used: bool, started2: bool, inner2: int) -> bool:
            if last_part:
                cost = 0 if used or not started2 or is_function else 1
                if cost and i2 == n_pieces:
                    # A content word after the last letter: a qualifier ("… Республики Казахстан")
                    # where allowed, else not the expansion ("… форумын құрды (ҚДКФ)").
                    if not trailing:
                        return False
                    cost = 0
                if skips - cost < 0:
                    return False
                return walk(i2, j + 1, started2, False, skips - cost, inner2)
            return walk(i2, j + 1, started2, used, skips, inner2)

        if i < n_pieces and key.startswith(pieces[i]):
            if advance(i + 1, True, True, inner):
                return True
            if inner and i + 1 < n_pieces and _inner_stem_fits(key, len(pieces[i]), pieces[i + 1]):
                if advance(i + 2, True, True, inner - 1):
                    return True
        if i == n_pieces and not started:
            return False
        return advance(i, word_used, started, inner)

    return walk(0, 0, False, False, 1, 1)


def _inner_stem_fits(key: str, start: int, piece: str) -> bool:
    """Whether ``piece`` starts a second stem inside the word: Еур|азиялық, Кәсіп|одақ, не|правительственные.

    Only stems starting with a vowel, or following a Russian prefix: consonants inside words fit far too much.
    """
    for prefix in _RU_PREFIXES:
        if key.startswith(prefix) and key.startswith(piece, len(prefix)) and len(prefix) >= start:
            return True
    return piece[0] in _VOWEL_KEYS and key.find(piece, max(start, 2)) > 0


def find_definitions(blocks: Sequence[Block]) -> list[AbbreviationDefinition]:
    """Definitions in reading order: items of a list of abbreviations, then inline ones per block.

    A list item is a source line "ABBR – expansion" (continuation lines joined) that has another
    such line within a few source lines, so a sentence that happens to open with "ЕҚЫҰ – ға" is not
    taken for a definition.
    """
    found = _list_definitions(blocks)
    for block in blocks:
        found.extend(_inline_definitions(block))
    found.sort(key=lambda d: (d.line, d.source != "list"))
    return found


def _block_lines(block: Block) -> list[tuple[int, str]]:
    """A block's text cut back into its source lines, by its anchors: (line number, text)."""
    out = []
    anchors = block.anchors
    for k, anchor in enumerate(anchors):
        end = anchors[k + 1].offset if k + 1 < len(anchors) else len(block.text)
        out.append((anchor.line, block.text[anchor.offset:end]))
    return out


def _list_definitions(blocks: Sequence[Block]) -> list[AbbreviationDefinition]:
    items: list[list] = []  # [abbreviation, expansion parts, line]
    for block in blocks:
        current: list | None = None
        for line, text in _block_lines(block):
            m = _LIST_LINE.match(text)
            if m and _splits_outside_quotes(text, m.start("exp")):
                current = [m.group("abbr"), [text[m.start("exp"):]], line]
                items.append(current)
            elif not text.strip():
                continue  # PDF text has blank lines inside an item; they neither end nor extend it
            elif current is not None and line - current[2] <= 4 and _continues(current[1], text):
                current[1].append(text)
            else:
                current = None
    lines = [item[2] for item in items]
    found = []
    for k, (abbr, parts, line) in enumerate(items):
        near = (k > 0 and line - lines[k - 1] <= _LIST_NEIGHBOUR_LINES) or (
            k + 1 < len(items) and lines[k + 1] - line <= _LIST_NEIGHBOUR_LINES
        )
        if near:
            found.append(AbbreviationDefinition(_squeeze(abbr), _join_continuations(parts), line, "list"))
    return found


def _continues(parts: list[str], text: str) -> bool:
    """A line carries on a list item: it starts in lowercase, or the item broke mid-word or mid-bracket."""
    so_far = " ".join(parts).rstrip()
    stripped = text.strip()
    return (
        stripped[:1].islower()
        or so_far.endswith("-")
        or so_far.count("(") > so_far.count(")")
        or so_far.count("«") > so_far.count("»")
    )


def _splits_outside_quotes(text: str, exp_start: int) -> bool:
    """The dash before the expansion is not inside a quoted name («Невада – Семей» ХЯҚҚ – …)."""
    head = text[:exp_start]
    return head.count("«") == head.count("»")


def _join_continuations(parts: list[str]) -> str:
    """Join an item's lines as the block has them; a raw line-end hyphen is undone unless a compound's."""
    text = "".join(parts)

    def unbreak(m: re.Match) -> str:
        return f"{m.group(1)}-{m.group(2)}" if _ends_like_word(m.group(1)) else m.group(1) + m.group(2)

    # "-" then a line break (or the space a cleaner put for it) then a lowercase letter: a broken word.
    text = re.sub(rf"(\w+)-\s+(?=[^\W\d_])([^\W\d_{UPPER}])", unbreak, text)
    return _squeeze(text).rstrip(";,. ")


def _ends_like_word(fragment: str) -> bool:
    """Whether a fragment before a line-end hyphen is a whole first half of a compound (ұлттық-, социал-)."""
    return len(fragment) >= 5 and fragment[-1] in "қкл"


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _inline_definitions(block: Block) -> list[AbbreviationDefinition]:
    found = []
    text = block.text
    for m in _INLINE_PAREN.finditer(text):
        abbr = _squeeze(m.group("abbr"))
        expansion = _expansion_before(text, m.start(), abbr)
        if expansion:
            found.append(AbbreviationDefinition(abbr, expansion, block.anchor_at(m.start()).line, "inline"))
    for m in _HEREINAFTER.finditer(text):
        abbr = _squeeze(m.group("abbr")).strip("«»\"")
        if _ABBR_TOKEN_RE.match(abbr):
            expansion = _expansion_before(text, m.start(), abbr)
        else:
            expansion = _clause_before(text, m.start())
        if expansion:
            found.append(AbbreviationDefinition(abbr, expansion, block.anchor_at(m.start()).line, "inline"))
    return found


def _words_before(text: str, end: int) -> list[tuple[int, str]]:
    """Up to a dozen words (quoted names as one) before ``end`` within its sentence: (offset, word)."""
    head = text[:end]
    stop = max(head.rfind(". "), head.rfind("; "), head.rfind(": "), head.rfind("("), head.rfind(")"))
    words = [(m.start() + stop + 1, m.group()) for m in _WORD.finditer(head[stop + 1:])]
    return words[-_MAX_EXPANSION_WORDS:]


def _expansion_before(text: str, end: int, abbreviation: str) -> str | None:
    """The shortest run of words right before ``end`` whose initials fit the abbreviation."""
    words = _words_before(text, end)
    for k in range(1, len(words) + 1):
        start = words[-k][0]
        candidate = _squeeze(text[start:end]).rstrip(",")
        if not _initial_fits(abbreviation, words[-k][1]):
            continue
        if letters_fit(abbreviation, candidate, trailing_words=False):
            # Far more words than letters: the letters fit a quoted name somewhere inside, not the run.
            content = [p for p in _expansion_parts(candidate) if not p[2]]
            letters = len(_abbreviation_pieces(abbreviation))
            return candidate if len({p[1] for p in content}) <= letters + 2 else None
    return None


def _initial_fits(abbreviation: str, first_word: str) -> bool:
    """The expansion starts with the abbreviation's first letter (or its quoted name)."""
    first_word = first_word.lstrip("«\"")
    if abbreviation.startswith("«"):
        return True
    pieces = _abbreviation_pieces(abbreviation)
    return bool(pieces) and _letter_key(first_word).startswith(pieces[0])


def _clause_before(text: str, end: int) -> str | None:
    """For a short form "(бұдан әрі – Конституция)": the words from the clause start to ``end``."""
    head = text[:end]
    stop = max(head.rfind(". "), head.rfind(", "), head.rfind("; "), head.rfind(": "), head.rfind(")"))
    words = _WORD.findall(head[stop + 1:])[-_MAX_EXPANSION_WORDS:]
    return " ".join(words) or None
