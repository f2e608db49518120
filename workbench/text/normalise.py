"""Normalisation shared by search, sort, alignment, checks and the glossary (pure).

Kazakh letters are first-class: ``fold`` keeps ә ғ қ ң ө ұ ү һ і distinct (a Kazakh search for
``қала`` must not find ``кала``), while ``to_russian_letters`` maps them onto their nearest Russian
letters so that shared names and loanwords (``демократиялық`` / ``демократический``) can be compared
across the two languages. Latin look-alikes are *reported* by ``mixed_script_words`` and never
silently replaced: ``fold`` leaves them as they are.
"""
from __future__ import annotations

import re
import unicodedata

from workbench import language

KAZAKH_LETTERS = language.KAZAKH_LETTERS
# Kazakh-specific letters -> the Russian letter a reader would use for the same sound.
KK_TO_RU = str.maketrans(language.KK_TO_RU_LETTERS)
# Latin letters that look like Cyrillic ones (both cases), and the reverse.
LATIN_TO_CYRILLIC = language.LATIN_TO_CYRILLIC
CYRILLIC_TO_LATIN = language.CYRILLIC_TO_LATIN

WORD_RE = re.compile(r"\w+(?:[-’']\w+)*")


def nfc(text: str) -> str:
    """Unicode NFC, the form every stored string is in."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Case- and ё-insensitive key for search and matching; Kazakh letters stay distinct."""
    return nfc(text).casefold().replace("ё", "е")


def to_russian_letters(text: str) -> str:
    """Map Kazakh-specific letters to Russian ones (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и)."""
    return nfc(text).translate(KK_TO_RU)


def sort_key(text: str) -> tuple[int, ...]:
    """Sort key in Kazakh alphabetical order (а ә б в г ғ д е ё ж з и й к қ л м н ң о ө п р с т у ұ ү ф х һ ц ч ш щ ъ ы і ь э ю я).

    Russian words sort correctly too, since the Russian alphabet is a subsequence of this order.
    Characters outside the alphabet sort after it by code point.
    """
    return tuple(_ORDER.get(ch, 1000 + ord(ch)) for ch in fold(text))


_ALPHABET = language.KAZAKH_ALPHABET
_ORDER = {ch: i for i, ch in enumerate(_ALPHABET)}


def script_of(ch: str) -> str:
    """'cyrillic', 'latin' or 'other' for one character."""
    if "\u0400" <= ch <= "\u04ff" or "\u0500" <= ch <= "\u052f":
        return "cyrillic"
    if ch.isascii() and ch.isalpha() or ch in language.LATIN_EXTRA:
        return "latin"
    return "other"


def mixed_script_words(text: str) -> list[tuple[int, str, str]]:
    """Words that mix Latin and Cyrillic letters: (offset, word, suggested spelling).

    The suggestion converts the minority script's look-alikes to the majority script of the word;
    a word whose letters are all Latin (``Facebook``) or all Cyrillic is not reported.
    """
    found = []
    for m in WORD_RE.finditer(text):
        word = m.group()
        cyr = sum(script_of(c) == "cyrillic" for c in word)
        lat = sum(script_of(c) == "latin" for c in word)
        if not cyr or not lat:
            continue
        table = LATIN_TO_CYRILLIC if cyr >= lat else CYRILLIC_TO_LATIN
        suggestion = "".join(table.get(c, c) for c in word)
        found.append((m.start(), word, suggestion))
    return found
