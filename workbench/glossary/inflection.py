"""Kazakh suffix chains and Russian endings, enough to find a glossary word in its inflected forms (pure).

Kazakh is agglutinative: a noun takes plural, possessive and case suffixes in that order, each in
vowel-harmony and consonant-assimilation variants (партия, партиясы, партиясының, партиялары,
партияларының). A term word matches a running-text word when the text word is the term word (or
its stem without the 3rd-person possessive, partия|сы) followed by a chain of *inflectional*
suffixes only; derivational suffixes (-лық, -шы, -сыз) make another word and are not accepted, so
``ел`` does not match ``елші`` and ``ұлт`` does not match ``ұлтаралық``.

Russian inflects endings: a word matches when both share the stem left after removing one
ending from a closed list (партия, партии, партией, партиями; демократическая, демократической).

All functions take *folded* words (``normalise.fold``).
"""
from __future__ import annotations

import re
from functools import lru_cache

_KK_PLURAL = "лар|лер|дар|дер|тар|тер"
_KK_POSSESSIVE = "ымыз|іміз|мыз|міз|ыңыз|іңіз|ңыз|ңіз|ым|ім|м|ың|ің|ң|сы|сі|ы|і"
_KK_CASE = (
    "ның|нің|дың|дің|тың|тің"  # genitive
    "|ға|ге|қа|ке|на|не|а|е"  # dative
    "|ны|ні|ды|ді|ты|ті|н"  # accusative
    "|нда|нде|да|де|та|те"  # locative
    "|ндағы|ндегі|дағы|дегі|тағы|тегі"  # locative attributive (Қазақстандағы)
    "|нан|нен|дан|ден|тан|тен"  # ablative
    "|мен|бен|пен"  # instrumental
    "|ша|ше"  # equative (қазақша is "in Kazakh", a common form of names of languages and peoples)
)
KK_CHAIN = re.compile(rf"(?:{_KK_PLURAL})?(?:{_KK_POSSESSIVE})?(?:{_KK_CASE})?")
# After a short word (≤3 letters) one-letter suffixes and the equative make too many other words
# (ақ + ша = ақша "money"), so only these chains are accepted there.
KK_SHORT_CHAIN = re.compile(
    rf"(?:{_KK_PLURAL})?(?:ымыз|іміз|ыңыз|іңіз|ым|ім|ың|ің|сы|сі|ы|і)?"
    rf"(?:ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|на|не|ны|ні|ды|ді|ты|ті|нда|нде|да|де|та|те"
    rf"|дағы|дегі|тағы|тегі|ндағы|ндегі|нан|нен|дан|ден|тан|тен|мен|бен|пен)?"
)
_KK_POSSESSIVE_3 = ("сы", "сі", "ы", "і")
_KK_VOWELS = frozenset("аәеиоөұүыіэюяу")
# Final voiceless consonants that voice before a vowel: одақ -> одағы, блок -> блогы, кітап -> кітабы.
_KK_VOICING = {"қ": "ғ", "к": "г", "п": "б"}

# Endings only, not "ия/ии/ией": партия keeps its и (парти|я, парти|й, парти|ями), so that the
# stem парт does not also find парты.
RU_ENDINGS = frozenset(
    """а я о е ы и у ю ь й
    ой ей ою ею ом ем ам ям ах ях ов ев ью ье ья ьи ьей ьям ьями ьях ьев ьем ами ями
    ый ий ая яя ое ее ые ие ого его ому ему ым им ую юю ых их ыми ими""".split()
)
RU_ADJECTIVE_ENDINGS = frozenset(
    "ый ий ой ая яя ое ее ые ие ого его ому ему ым им ом ем ую юю ых их ыми ими ей ею ою".split()
)
_RU_HARD_MASCULINE = frozenset("а у ом е ы ов ам ами ах".split())
_RU_VELAR_SIBILANT = frozenset("кгхжшщч")
_RU_MAX_ENDING = max(len(e) for e in RU_ENDINGS)
RU_MIN_STEM = 3


@lru_cache(maxsize=65536)
def is_kk_chain(rest: str, short: bool = False) -> bool:
    """Whether ``rest`` is a chain of Kazakh inflectional suffixes (possibly empty)."""
    return (KK_SHORT_CHAIN if short else KK_CHAIN).fullmatch(rest) is not None


def kk_bases(word: str, head: bool = False) -> tuple[tuple[str, bool], ...]:
    """Stems a Kazakh term word may show in text, each with "the suffix must start with a vowel".

    ``партиясы`` (the head of a term of several words) -> (партиясы, партия); ``одақ`` -> (одақ,
    одағ + vowel). Only a head loses its possessive: in a one-word name the ending is the name's
    own (Қарағанды is not Қарағанд|ы, or it would find қарағанда "than").
    """
    bases: list[tuple[str, bool]] = [(word, False)]
    for poss in _KK_POSSESSIVE_3 if head else ():
        # Drop the 3rd-person possessive so that партиясы also finds партиялары; only after a
        # vowel for сы/сі and a consonant for ы/і, and only on words long enough to stay words.
        if word.endswith(poss) and len(word) - len(poss) >= 4:
            stem = word[: -len(poss)]
            after_vowel = stem[-1] in _KK_VOWELS
            if (len(poss) == 2) == after_vowel:
                bases.append((stem, False))
            break
    for base, _ in list(bases):
        voiced = _KK_VOICING.get(base[-1:])
        if voiced and len(base) >= 3:
            bases.append((base[:-1] + voiced, True))
    # Elision of a narrow vowel in the last syllable before a vowel: халық -> халқы, орын -> орны.
    if len(word) >= 4 and word[-2] in "ыі" and word[-1] not in _KK_VOWELS and word[-3] not in _KK_VOWELS:
        bases.append((word[:-2] + word[-1], True))
    return tuple(bases)


def kk_word_matches(bases: tuple[tuple[str, bool], ...], token: str) -> bool:
    """Whether a folded text word is one of ``bases`` plus a Kazakh inflectional chain."""
    for base, needs_vowel in bases:
        if token.startswith(base):
            rest = token[len(base):]
            if needs_vowel and (not rest or rest[0] not in _KK_VOWELS):
                continue
            if is_kk_chain(rest, len(base) <= 3):
                return True
    return False


@lru_cache(maxsize=65536)
def ru_stem(word: str) -> str:
    """The word without its longest listed ending, keeping at least three letters.

    A word in -ие is a noun (управлени|е, соглас|ие -> согласи|е) unless a velar or sibilant comes
    before it, as in the plural adjectives русск|ие, высш|ие.
    """
    if word.endswith("ие") and len(word) > RU_MIN_STEM + 2 and word[-3] not in _RU_VELAR_SIBILANT:
        return word[:-1]
    for size in range(min(_RU_MAX_ENDING, len(word) - RU_MIN_STEM), 0, -1):
        if word[-size:] in RU_ENDINGS:
            return word[:-size]
    return word


def ru_word_matches(stem: str, word: str, token: str) -> bool:
    """Whether a folded text word is an inflected form of the term word with ``stem``.

    The endings allowed depend on the term word's own: an adjective takes adjective endings only
    (правые finds правых, not права), a noun ending in a consonant takes the hard masculine ones
    (суд finds суда, судов, not судья, судей), any other word any listed ending.
    """
    if token == word:
        return True
    if len(stem) < RU_MIN_STEM or not token.startswith(stem):
        return False
    rest, own = token[len(stem):], word[len(stem):]
    if own in RU_ADJECTIVE_ENDINGS:
        return rest in RU_ADJECTIVE_ENDINGS
    if not own:
        return rest in _RU_HARD_MASCULINE or (rest == "и" and stem[-1] in _RU_VELAR_SIBILANT) or (
            rest in ("ем", "ей", "ю", "я") and stem[-1] in "жшчщц"
        )
    return rest in RU_ENDINGS
