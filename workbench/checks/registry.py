"""The registry of checks: explicit tuples of classes, their ids validated at import, and flag parsing."""
from __future__ import annotations

import re
from typing import Iterable, TypeVar

from workbench.checks.abbreviations import (
    AbbreviationLettersCheck, AbbreviationTwoExpansionsCheck, AbbreviationUndefinedCheck,
    AbbreviationUnusedCheck, AbbreviationVariantCheck,
)
from workbench.checks.base import BeadCheck, Check, EditionCheck
from workbench.checks.bilingual import (
    ForbiddenTermCheck, GlossaryTermMissingCheck, LengthRatioCheck, MarkerMismatchCheck, NumberMismatchCheck,
    OmissionCheck, UntranslatedBeadCheck,
)
from workbench.checks.citations import CitationPlacementCheck, CitationStopCheck
from workbench.checks.dashes import DetachedEndingCheck, GluedDashCheck, ListDashCheck
from workbench.checks.dates import DateCheck
from workbench.checks.doublets import DoubledPunctuationCheck, DoubletCheck
from workbench.checks.capitals import LowercaseQuotedNameCheck, MidSentenceCapitalCheck
from workbench.checks.marks import SlashedAbbreviationCheck, YearAbbreviationStopCheck
from workbench.checks.names import LowercaseNameAfterHyphenCheck, NameVariantCheck, RussianSpellingCheck
from workbench.checks.russian_words import RussianWordCheck
from workbench.checks.spacing import DoubleSpaceCheck, SpaceBeforePunctuationCheck, SpaceInsideQuotesCheck
from workbench.checks.typos import StrayLetterCheck, VocabularyTypoCheck
from workbench.checks.consistency import InconsistentSourceCheck, InconsistentTranslationCheck
from workbench.checks.duplicates import DuplicatePassageCheck, RepeatedPassageCheck, ReorderedRepeatCheck
from workbench.checks.footnotes import FootnoteSequenceCheck
from workbench.checks.leftovers import RunningHeaderCheck, UnresolvedHyphenCheck
from workbench.checks.punctuation import (
    DoubledWordCheck, GluedWordsCheck, LowercaseSentenceStartCheck, MissingSpaceCheck,
    UnbalancedBracketsCheck, UnbalancedQuotesCheck,
)
from workbench.checks.script import (
    CyrillicRomanNumeralCheck, ForeignSectionCheck, MixedScriptCheck, UntranslatedPassageCheck,
)
from workbench.checks.spelling import SpelledTwoWaysCheck, TermSpelledSeveralWaysCheck
from workbench.errors import ConfigError

EDITION_CHECKS: tuple[type[EditionCheck], ...] = (
    DuplicatePassageCheck,
    RepeatedPassageCheck,
    ReorderedRepeatCheck,
    MixedScriptCheck,
    CyrillicRomanNumeralCheck,
    UntranslatedPassageCheck,
    ForeignSectionCheck,
    AbbreviationUndefinedCheck,
    AbbreviationUnusedCheck,
    AbbreviationTwoExpansionsCheck,
    AbbreviationLettersCheck,
    AbbreviationVariantCheck,
    SpelledTwoWaysCheck,
    TermSpelledSeveralWaysCheck,
    UnbalancedQuotesCheck,
    UnbalancedBracketsCheck,
    DoubledWordCheck,
    GluedWordsCheck,
    MissingSpaceCheck,
    LowercaseSentenceStartCheck,
    FootnoteSequenceCheck,
    UnresolvedHyphenCheck,
    RunningHeaderCheck,
    DoubleSpaceCheck,
    SpaceInsideQuotesCheck,
    SpaceBeforePunctuationCheck,
    CitationStopCheck,
    CitationPlacementCheck,
    DoubledPunctuationCheck,
    DoubletCheck,
    ListDashCheck,
    GluedDashCheck,
    DetachedEndingCheck,
    DateCheck,
    VocabularyTypoCheck,
    StrayLetterCheck,
    RussianSpellingCheck,
    LowercaseNameAfterHyphenCheck,
    NameVariantCheck,
    RussianWordCheck,
    MidSentenceCapitalCheck,
    LowercaseQuotedNameCheck,
    YearAbbreviationStopCheck,
    SlashedAbbreviationCheck,
)

BEAD_CHECKS: tuple[type[BeadCheck], ...] = (
    NumberMismatchCheck,
    MarkerMismatchCheck,
    GlossaryTermMissingCheck,
    ForbiddenTermCheck,
    OmissionCheck,
    LengthRatioCheck,
    UntranslatedBeadCheck,
    InconsistentTranslationCheck,
    InconsistentSourceCheck,
)

ALL_CHECKS: tuple[type[Check], ...] = (*EDITION_CHECKS, *BEAD_CHECKS)
ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
CHECKS_BY_ID: dict[str, type[Check]] = {c.id: c for c in ALL_CHECKS}

if len(CHECKS_BY_ID) != len(ALL_CHECKS):  # pragma: no cover - a programming error, caught by the tests too
    raise ConfigError("two checks share an id: " + ", ".join(sorted(c.id for c in ALL_CHECKS)))
for _cls in ALL_CHECKS:
    if not ID_RE.match(_cls.id):  # pragma: no cover
        raise ConfigError(f"check id is not kebab-case: {_cls.id!r}")

C = TypeVar("C", bound=Check)


def validate_flags(flags: Iterable[str]) -> tuple[set[str], set[str]]:
    """Split flags into (switched on, switched off) ids.

    :raises ConfigError: a flag names no known check.
    """
    on, off = set(), set()
    for flag in flags:
        flag = flag.strip()
        if not flag:
            continue
        name, target = (flag[len("ignore-"):], off) if flag.startswith("ignore-") else (flag, on)
        if name not in CHECKS_BY_ID:
            raise ConfigError(f"unknown check in flag {flag!r}; `checks` lists the ids")
        target.add(name)
    return on, off


def enabled_checks(checks: Iterable[type[C]], flags: Iterable[str] = ()) -> list[type[C]]:
    """The checks of ``checks`` that run under ``flags``: on by default or switched on, and not ignored."""
    on, off = validate_flags(flags)
    return [c for c in checks if (c.enabled_by_default or c.id in on) and c.id not in off]
