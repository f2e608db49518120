"""The glossary's value types: concept entries (one concept, many terms), as TBX and MultiTerm model them."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

TermType = Literal["full-form", "abbreviation", "short-form", "variant"]
TermStatus = Literal["preferred", "admitted", "deprecated", "forbidden"]
Approval = Literal["approved", "proposed"]

TERM_TYPES: tuple[str, ...] = get_args(TermType)
TERM_STATUSES: tuple[str, ...] = get_args(TermStatus)
APPROVALS: tuple[str, ...] = get_args(Approval)
# Part of speech as TBX-Basic's picklist has it; other names people write are read as one of these.
PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "properNoun", "other")
_POS_NAMES = {
    "n": "noun", "noun": "noun", "зат есім": "noun", "существительное": "noun", "сущ.": "noun", "сущ": "noun",
    "v": "verb", "verb": "verb", "етістік": "verb", "глагол": "verb", "гл.": "verb",
    "adj": "adjective", "adjective": "adjective", "сын есім": "adjective", "прилагательное": "adjective",
    "прил.": "adjective", "adv": "adverb", "adverb": "adverb", "үстеу": "adverb", "наречие": "adverb",
    "propernoun": "properNoun", "proper noun": "properNoun", "жалқы есім": "properNoun",
    "имя собственное": "properNoun", "other": "other",
}


def part_of_speech(value: str | None) -> str | None:
    """``"зат есім"`` → ``"noun"``; a name not on the picklist → ``"other"``; empty → None."""
    if value is None or not value.strip():
        return None
    return _POS_NAMES.get(" ".join(value.strip().lower().split()), "other")


@dataclass
class Term:
    """One designation of a concept in one language."""

    lang: str
    text: str
    type: TermType = "full-form"
    status: TermStatus = "preferred"
    pos: str | None = None
    note: str | None = None
    context: str | None = None  # where the term counts for this concept; see ``Context``


@dataclass(frozen=True)
class Context:
    """A restriction on where a term counts for its concept, for a word with several senses.

    Written ``not before: қоғам, құқық, соғыс`` (the term does not count when the next word starts
    with one of these: «азаматтық қоғам» is civil society, not citizenship) and/or
    ``only before: …`` (it counts only then), the two parts separated by ``;``. Words are compared
    folded, as the start of the next word, so that their inflected forms count too.
    """

    not_before: tuple[str, ...] = ()
    only_before: tuple[str, ...] = ()

    @classmethod
    def parse(cls, spec: str | None) -> "Context":
        """The restriction ``spec`` says; ``ValueError`` naming what is wrong."""
        from workbench.text.normalise import fold

        parts: dict[str, tuple[str, ...]] = {}
        for part in (spec or "").split(";"):
            if not part.strip():
                continue
            key, sep, words = part.partition(":")
            key = " ".join(key.split()).lower()
            if not sep or key not in ("not before", "only before"):
                raise ValueError(f"context {part.strip()!r}; expected 'not before: word, word' or "
                                 f"'only before: word, word'")
            parts[key] = tuple(fold(w.strip()) for w in words.split(",") if w.strip())
        return cls(parts.get("not before", ()), parts.get("only before", ()))

    def allows(self, next_word: str | None) -> bool:
        """Whether the term counts when followed by ``next_word`` (folded; None at the end of a sentence)."""
        if self.not_before and next_word and next_word.startswith(self.not_before):
            return False
        if self.only_before:
            return bool(next_word) and next_word.startswith(self.only_before)
        return True


@dataclass
class Entry:
    """One concept with its Kazakh and Russian terms.

    An abbreviation and its full form are terms of the same entry, which is how they are linked:
    ``ҚР`` and ``Қазақстан Республикасы`` (kk), ``РК`` and ``Республика Казахстан`` (ru).
    """

    id: str
    terms: list[Term] = field(default_factory=list)
    category: str | None = None
    note: str | None = None
    source: str | None = None
    approval: Approval = "proposed"
    approved_by: str | None = None
    approved_at: str | None = None  # ISO 8601

    def terms_in(self, lang: str) -> list[Term]:
        """All terms of one language, in entry order."""
        return [t for t in self.terms if t.lang == lang]

    def preferred(self, lang: str) -> Term | None:
        """The term to use in ``lang``: the preferred full form, else a preferred, admitted or any term."""
        terms = self.terms_in(lang)
        for want in (
            lambda t: t.status == "preferred" and t.type == "full-form",
            lambda t: t.status == "preferred",
            lambda t: t.status == "admitted",
            lambda t: True,
        ):
            for term in terms:
                if want(term):
                    return term
        return None

    def abbreviations(self, lang: str) -> list[Term]:
        """The abbreviations of the concept in ``lang``."""
        return [t for t in self.terms_in(lang) if t.type == "abbreviation"]

    @property
    def languages(self) -> list[str]:
        """The languages the entry has terms in, in order of first appearance."""
        return list(dict.fromkeys(t.lang for t in self.terms))
