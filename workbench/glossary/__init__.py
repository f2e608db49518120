"""The kk–ru glossary: concept entries, the shipped TSV data, recognition in inflected text, harvesting."""
from __future__ import annotations

from workbench.glossary.abbreviations import AbbreviationDefinition, find_definitions, letters_fit
from workbench.glossary.candidates import Candidate, bilingual_candidates, new_candidates
from workbench.glossary.checks import GlossaryIssue, check_glossary
from workbench.glossary.data import format_glossary_tsv, parse_glossary_tsv
from workbench.glossary.matching import BlockHit, TermHit, TermMatcher
from workbench.glossary.model import Entry, Term, TermStatus, TermType

__all__ = [
    "AbbreviationDefinition",
    "BlockHit",
    "Candidate",
    "Entry",
    "GlossaryIssue",
    "Term",
    "TermHit",
    "TermMatcher",
    "TermStatus",
    "TermType",
    "bilingual_candidates",
    "check_glossary",
    "find_definitions",
    "format_glossary_tsv",
    "letters_fit",
    "new_candidates",
    "parse_glossary_tsv",
]
