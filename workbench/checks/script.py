"""Script and language checks: Latin look-alikes inside Cyrillic words, text left in the other language."""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from workbench.checks.base import Edition, EditionCheck, Finding
from workbench.errors import N_, Message
from workbench.text.normalise import KAZAKH_LETTERS, fold, mixed_script_words, script_of, to_russian_letters

if TYPE_CHECKING:
    from workbench.text.model import Block

KAZAKH = set(KAZAKH_LETTERS + KAZAKH_LETTERS.upper())
TOKEN_RE = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")

# Short Russian words that are not Kazakh words. Left out on purpose: "не", "он", "да", "ол", "а"
# (Kazakh "what", "ten", particle, "he"), and single letters that serve as list markers ("в)").
RUSSIAN_WORDS = frozenset(
    "и в во на что с со по для как это к о об от из за до но или же бы ли уже был была были было "
    "будет его её их они она мы вы так также только при между через после перед более менее всех "
    "все всё этот эта эти этого этой этом того том тем чем где когда если чтобы однако поэтому "
    "тогда раньше позднее ним нему ней которых который которая которые которого которой является "
    "являются стал стала стали может могут можно нет есть тоже даже всего свою своей своих".split()
)
# Endings of Russian adjectives, participles and nouns that Kazakh words (even loanwords) never have.
RUSSIAN_ENDINGS = (
    "ого", "его", "ому", "ему", "ыми", "ими", "ями", "ами", "ая", "яя", "ое", "ые", "ие", "ий", "ый",
    "ость", "ости", "ение", "ения", "ании", "ание", "ться", "тся", "ются", "ется", "ились", "ились",
    "ских", "ской", "ский", "ская", "ское", "ных", "ным", "ную", "ной", "ций", "цию", "ства", "ству",
    "ством", "ствам", "или", "ала", "ыли", "ыла", "ует", "уют",
)
# Frequent Kazakh words written without Kazakh letters, and endings only Kazakh words have.
KAZAKH_WORDS = frozenset(
    "мен және деп болып болды бар емес деген дейін сияқты немесе сол осы бойынша жылы жыл жылдары "
    "тиіс бар екен еді бе ма ме па пе ба ол олар мына мысалы да де та те бен пен".split()
)
KAZAKH_ENDINGS = (
    "лар", "лер", "дар", "дер", "тар", "тер", "ды", "ты", "ға", "ге", "да", "де", "та", "те", "мен",
    "пен", "бен", "сы", "ып", "уы", "луы", "ған", "ген", "кен", "ма", "ме", "ба", "бе", "па", "пе",
    "ның", "дың", "тың", "лық", "лік", "дық", "тық", "нан", "нен", "дан", "ден", "тан", "тен", "ша",
)
QUOTED_TITLE_WORDS = 8  # «…» spans up to this many words are titles of publications, kept as they are


class MixedScriptCheck(EditionCheck):
    """Latin look-alike letters inside Cyrillic words, or Cyrillic inside Latin ones."""

    id = "mixed-script"
    name = N_("Mixed Latin and Cyrillic letters")
    description = N_("Fires when a word mixes Latin and Cyrillic letters (Kазаk, елi); suggests the word in "
                      "one script.")
    severity = "error"

    def run(self, edition: Edition) -> list[Finding]:
        self._vocabulary = _vocabulary_by_russian_letters(edition)
        return super().run(edition)

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        for start, word in _words(block.text):
            for off, part, suggestion in mixed_script_words(word):
                # Look-alikes are resolved: a part still mixed after conversion is a glued word
                # (Facebookи), which the punctuation family reports.
                if _is_mixed(suggestion):
                    continue
                suggestion = self._best_spelling(suggestion)
                at = start + off
                found.append(self.at(edition, index, at, at + len(part),
                                     Message(N_("“%(word)s” mixes Latin and Cyrillic letters"), word=part),
                                     suggestion=suggestion))
        return found

    def _best_spelling(self, suggestion: str) -> str:
        # A Latin K may stand for К or Қ: prefer the spelling the edition itself uses most.
        candidates = self._vocabulary.get(to_russian_letters(fold(suggestion)))
        if not candidates:
            return suggestion
        best = candidates.most_common(1)[0][0].lower()
        return best[:1].upper() + best[1:] if suggestion[:1].isupper() else best


# Roman numerals typed with the Cyrillic letters Х and І (or the digit 1): "ХХІ ғасыр", "Х1Х-ХХ ғ.".
CYRILLIC_ROMAN = re.compile(
    r"(?<![\w-])([ХІ1]*[ХІ][ХІ1]*)"
    r"(?=(?:-[ХІXIV1]+)?\s*(?:ғасыр|ғ\.|съез|сессия|пленум|бөлім|тарау|век|в\.|раздел|глава))"
)


class CyrillicRomanNumeralCheck(EditionCheck):
    """A Roman numeral typed with Cyrillic letters (ХХІ ғасыр) instead of Latin ones (XXI)."""

    id = "cyrillic-roman-numeral"
    name = N_("Roman numeral in Cyrillic letters")
    description = N_("Fires when a Roman numeral before a word such as ғасыр, съезі or тарау is typed with the "
                      "Cyrillic letters Х and І (or the digit 1) instead of the Latin X and I.")
    severity = "warning"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        for m in CYRILLIC_ROMAN.finditer(block.text):
            numeral = m.group(1)
            if numeral.isdigit():
                continue
            latin = numeral.translate(str.maketrans("ХІ1", "XII"))
            found.append(self.at(edition, index, m.start(1), m.end(1),
                                 Message(N_("Roman numeral “%(numeral)s” typed with Cyrillic letters"),
                                         numeral=numeral), suggestion=latin))
        return found


def _words(text: str) -> list[tuple[int, str]]:
    """Words split at hyphens too, so that “I-тарау” (Latin numeral + Kazakh word) is two words."""
    return [(m.start(), m.group()) for m in re.finditer(r"\w+", text)]


def _is_mixed(word: str) -> bool:
    scripts = {script_of(c) for c in word if c.isalpha()}
    return {"latin", "cyrillic"} <= scripts


def _vocabulary_by_russian_letters(edition: Edition) -> dict[str, Counter[str]]:
    vocab: dict[str, Counter[str]] = {}
    for block in edition.blocks:
        for word in re.findall(r"\w+", block.text):
            if not _is_mixed(word):
                vocab.setdefault(to_russian_letters(fold(word)), Counter())[_case_like(word)] += 1
    return vocab


def _case_like(word: str) -> str:
    return word if word[:1].isupper() and not word.isupper() else word.lower()


def word_language(word: str) -> str:
    """'kk', 'ru', 'kk?' (only a Kazakh-looking ending) or '' (name, number, shared word) for one word."""
    low = word.lower()
    if low in RUSSIAN_WORDS:
        return "ru"
    if any(c in KAZAKH for c in word):
        return "kk"
    if word[:1].isupper():
        return ""  # mostly names, which both languages share
    if low in KAZAKH_WORDS:
        return "kk"
    if any(script_of(c) != "cyrillic" for c in low):
        return ""
    if len(low) > 4 and low.endswith(RUSSIAN_ENDINGS) or low.endswith(("ость", "ться")):
        return "ru"
    # Russian plurals and genitives (газеты, года) share these endings with Kazakh verbs (болды):
    # such a word is weak evidence only.
    if len(low) > 3 and low.endswith(KAZAKH_ENDINGS):
        return "kk?"
    return ""


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    """Spans of balanced «…» with few words: names of publications and parties, kept in any language."""
    spans, stack = [], []
    for i, ch in enumerate(text):
        if ch == "«":
            stack.append(i)
        elif ch == "»" and stack:
            start = stack.pop()
            if not stack and len(text[start:i].split()) <= QUOTED_TITLE_WORDS:
                spans.append((start, i + 1))
    return spans


def foreign_passages(text: str, lang: str, min_words: int = 4) -> list[tuple[int, int, int]]:
    """Passages of ``text`` in the other language: (start, end, number of its words).

    A passage is a run of tokens starting and ending on a word of the other language, holding at
    least ``min_words`` of them and broken only by a word that is surely in ``lang`` (or two that
    merely look like it).
    """
    other = "ru" if lang == "kk" else "kk"
    titles = _quoted_titles(text)
    runs: list[tuple[int, int, int]] = []
    start = end = -1
    count = weak = 0
    for m in TOKEN_RE.finditer(text):
        if any(a <= m.start() < b for a, b in titles):
            continue
        language = word_language(m.group())
        if lang == "ru" and language == "kk?":
            language = ""  # Kazakh-looking endings say nothing inside Russian text
        if language == other:
            if start < 0:
                start = m.start()
            end, count, weak = m.end(), count + 1, 0
        elif language == lang or (language == "kk?" and weak >= 1):
            if count >= min_words:
                runs.append((start, end, count))
            start, count, weak = -1, 0, 0
        elif language == "kk?":
            weak += 1
    if count >= min_words:
        runs.append((start, end, count))
    return runs


class UntranslatedPassageCheck(EditionCheck):
    """A passage in the other language left inside the text (Russian in the Kazakh edition, or back)."""

    id = "untranslated-passage"
    name = N_("Untranslated passage")
    description = N_("Fires on a run of four or more words of the other language inside the text of this "
                      "edition; titles of publications in «…» and whole pages in the other language are left "
                      "out.")
    severity = "error"

    def run(self, edition: Edition) -> list[Finding]:
        skip = {i for first, last in foreign_sections(edition) for i in range(first, last + 1)}
        msgid = (N_("%(n)s words in Russian left untranslated: “%(text)s”") if edition.lang == "kk" else
                 N_("%(n)s words in Kazakh left untranslated: “%(text)s”"))
        found = []
        for index, block in enumerate(edition.blocks):
            if index in skip:
                continue
            for start, end, count in foreign_passages(block.text, edition.lang):
                found.append(self.at(edition, index, start, end,
                                     Message(msgid, n=count, text=block.text[start:end][:400])))
        return found


class ForeignSectionCheck(EditionCheck):
    """Several consecutive paragraphs wholly in the other language (a page kept in both languages)."""

    id = "foreign-section"
    name = N_("Section in the other language")
    description = N_("Reports, for information, three or more consecutive paragraphs written wholly in the "
                      "other "
                      "language, such as an institute's page printed in several languages.")
    severity = "info"

    def run(self, edition: Edition) -> list[Finding]:
        found = []
        for first, last in foreign_sections(edition):
            block = edition.blocks[first]
            found.append(self.at(edition, first, 0, len(block.text),
                                 Message(N_("%(n)s paragraphs in the other language (lines %(first)s–%(last)s)"),
                                         n=last - first + 1, first=block.start_line,
                                         last=edition.blocks[last].end_line)))
        return found


def foreign_sections(edition: Edition) -> list[tuple[int, int]]:
    """Runs of blocks (first, last) wholly in the other language, three or more of them; blocks without
    words of either language (addresses, numbers) do not break a run."""
    return edition.memo("foreign-sections", lambda: _foreign_sections(edition))


def _foreign_sections(edition: Edition, min_blocks: int = 3) -> list[tuple[int, int]]:
    other = "ru" if edition.lang == "kk" else "kk"
    sections: list[tuple[int, int]] = []
    first, last, count = -1, -1, 0
    for index, block in enumerate(edition.blocks):
        titles = _quoted_titles(block.text)
        langs = Counter(word_language(m.group()) for m in TOKEN_RE.finditer(block.text)
                        if not any(a <= m.start() < b for a, b in titles))
        if langs[other] >= 2 and langs[edition.lang] <= langs[other] // 10:
            first = index if first < 0 else first
            last, count = index, count + 1
        elif langs[edition.lang] or langs[other]:
            if count >= min_blocks:
                sections.append((first, last))
            first, last, count = -1, -1, 0
    if count >= min_blocks:
        sections.append((first, last))
    return sections
