"""The kk–ru stem lexicon the aligner ships with and grows: learnt from aligned sentence pairs and glossary
entries, kept as a TSV data file with its provenance (pure: parsing and learning, no file access here
except reading the shipped file from the package).

A stem is the comparison key of ``features.stem`` (the first ``stem_length`` letters after the Kazakh→
Russian letter mapping), so an entry such as ``тауел`` → ``незав`` lets ``тәуелсіздік`` share a key with
``независимость`` although they share no letters.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources

from workbench.align.cooccurrence import Cooccurrence
from workbench.align.features import MIN_WORD, WORD_RE, stem
from workbench.errors import InputError
from workbench.language import KK_FUNCTION_WORDS, RU_FUNCTION_WORDS
from workbench.text.normalise import fold

SHIPPED_FILE = "lexicon.kk-ru.tsv"
COLUMNS = ("kk_stem", "ru_stem", "count", "dice", "source")


@dataclass(frozen=True)
class LexiconEntry:
    kk: str
    ru: str
    count: int
    dice: float
    source: str


@dataclass(frozen=True)
class StemLexicon:
    """Entries with the stem length they were cut at and the provenance lines of their file."""

    stem_length: int
    entries: tuple[LexiconEntry, ...]
    provenance: tuple[str, ...] = ()

    def mapping(self) -> dict[str, set[str]]:
        """kk stem → ru stems, as the aligner takes them."""
        out: dict[str, set[str]] = {}
        for e in self.entries:
            out.setdefault(e.kk, set()).add(e.ru)
        return out


def parse_lexicon(text: str, path: str) -> StemLexicon:
    """A lexicon file: ``#`` lines of provenance (one of them ``# stem_length: N``), a header, then rows.

    :raises InputError: naming the file and line of anything that cannot be read.
    """
    provenance, entries, stem_length, header_seen = [], [], None, False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if line.startswith("#"):
            body = line[1:].strip()
            if body.startswith("stem_length:"):
                try:
                    stem_length = int(body.split(":", 1)[1])
                except ValueError:
                    raise InputError("stem_length is not a number", path=path, line=number) from None
            provenance.append(body)
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != COLUMNS:
                raise InputError(f"expected the header {' '.join(COLUMNS)}", path=path, line=number)
            header_seen = True
            continue
        if len(cells) != len(COLUMNS):
            raise InputError(f"{len(cells)} fields, expected {len(COLUMNS)}", path=path, line=number)
        try:
            entries.append(LexiconEntry(cells[0], cells[1], int(cells[2]), float(cells[3]), cells[4]))
        except ValueError:
            raise InputError("count or dice is not a number", path=path, line=number) from None
    if stem_length is None:
        raise InputError("no '# stem_length: N' line", path=path)
    return StemLexicon(stem_length, tuple(entries), tuple(provenance))


def format_lexicon(lexicon: StemLexicon) -> str:
    """The file text of a lexicon (the inverse of ``parse_lexicon``)."""
    lines = [f"# {p}" for p in lexicon.provenance if not p.startswith("stem_length:")]
    lines.append(f"# stem_length: {lexicon.stem_length}")
    lines.append("\t".join(COLUMNS))
    lines.extend(f"{e.kk}\t{e.ru}\t{e.count}\t{e.dice:.3f}\t{e.source}" for e in lexicon.entries)
    return "\n".join(lines) + "\n"


@functools.lru_cache(maxsize=1)
def shipped_lexicon() -> StemLexicon:
    """The lexicon shipped with the aligner (``workbench/align/lexicon.kk-ru.tsv``)."""
    text = resources.files("workbench.align").joinpath(SHIPPED_FILE).read_text(encoding="utf-8")
    return parse_lexicon(text, SHIPPED_FILE)


def content_stems(text: str, stem_length: int, function_words: frozenset[str]) -> set[str]:
    """Stems of the content words of a text (function words and words under four letters left out)."""
    return {stem(w, stem_length) for w in WORD_RE.findall(text)
            if len(w) >= MIN_WORD and fold(w) not in function_words}


def learn_from_pairs(pairs: Iterable[tuple[str, str]], stem_length: int, source: str, min_count: int = 2,
                     min_dice: float = 0.5) -> list[LexiconEntry]:
    """Entries from (Kazakh text, Russian text) pairs that translate each other: for each Kazakh stem, the
    Russian stem that most often stands in the same pairs (Dice coefficient), if that is clear enough.

    Stems spelt alike on both sides (names, loanwords) match without a lexicon and are left out; so is a
    Kazakh stem whose best Russian stems tie.
    """
    counts = Cooccurrence()
    for kk_text, ru_text in pairs:
        a = content_stems(kk_text, stem_length, KK_FUNCTION_WORDS)
        b = content_stems(ru_text, stem_length, RU_FUNCTION_WORDS)
        counts.add(a - b, b - a)
    return [LexiconEntry(s, t, c, round(d, 3), source)
            for s, (t, d, c) in sorted(counts.best_partners(min_count, min_dice).items())]


def merge_entries(*groups: Iterable[LexiconEntry]) -> list[LexiconEntry]:
    """One entry per (kk, ru) pair, the first group winning; sorted."""
    seen: dict[tuple[str, str], LexiconEntry] = {}
    for group in groups:
        for e in group:
            seen.setdefault((e.kk, e.ru), e)
    return sorted(seen.values(), key=lambda e: (e.kk, e.ru))


def grown_mapping(base: StemLexicon, confirmed: Iterable[tuple[str, str]],
                  min_count: int = 2) -> dict[str, set[str]]:
    """The shipped lexicon grown with what the sentence pairs of confirmed beads teach."""
    learnt = learn_from_pairs(confirmed, base.stem_length, "confirmed beads", min_count=min_count)
    out = base.mapping()
    for e in learnt:
        out.setdefault(e.kk, set()).add(e.ru)
    return out


def as_mapping(lexicon: StemLexicon | Mapping[str, Iterable[str]], stem_length: int) -> dict[str, set[str]]:
    """A lexicon as kk stem → ru stems for an aligner comparing ``stem_length`` letters (a lexicon cut at
    another length cannot be used and gives nothing)."""
    if isinstance(lexicon, StemLexicon):
        return lexicon.mapping() if lexicon.stem_length == stem_length else {}
    return {k: set(v) for k, v in lexicon.items()}
