"""Abbreviation checks: the book's list of abbreviations against itself, the glossary and the text."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from workbench.checks.base import Edition, EditionCheck, Finding
from workbench.errors import N_, Message
from workbench.glossary.abbreviations import AbbreviationDefinition, find_definitions, letters_fit
from workbench.language import CYRILLIC_LOWER, CYRILLIC_UPPER, UPPER
from workbench.text.normalise import fold, to_russian_letters

# An abbreviation as used in running text: capitals only, maybe with a Kazakh case ending glued on
# (БАҚ-тың, or БАҚтың where the hyphen was lost).
USE_RE = re.compile(rf"(?<![\w-])([{CYRILLIC_UPPER}][{CYRILLIC_UPPER}]+)(?:-?[{CYRILLIC_LOWER}]+)?(?![\w])")
# Roman numerals typed with Cyrillic look-alikes (ХХІ ғасыр) are numbers, not abbreviations.
ROMAN_LOOKALIKE = re.compile(r"^[ХІVМСLD]+$")
LIST_MIN_ITEMS = 5      # a list of abbreviations has at least this many items ...
LIST_MAX_GAP = 12       # ... each within this many source lines of the previous one
FUNCTION_WORDS = frozenset(
    "және мен бен пен жөніндегі жөнінде туралы атындағы жанындағы и в по при для".split()
)


@dataclass
class AbbreviationIndex:
    """What the edition defines and uses, computed once per edition and shared by the checks."""

    listed: list[AbbreviationDefinition]
    inline: list[AbbreviationDefinition]
    list_lines: set[int]
    uses: dict[str, list[tuple[int, int, int]]]  # abbreviation -> [(block, start, end)]
    glossary: set[str]

    def defined(self) -> set[str]:
        return {core(d.abbreviation) for d in self.listed + self.inline} | self.glossary


def core(abbreviation: str) -> str:
    """The abbreviation proper, without a quoted name or leading words («Азат» ҚАҚ -> ҚАҚ)."""
    tokens = [t for t in re.findall(r"[^\s«»]+", abbreviation) if sum(c.isupper() for c in t) >= 2]
    return " ".join(tokens[-2:]) if len(tokens) >= 2 and tokens[-2] in {"ҚР"} else (tokens[-1] if tokens else
                                                                                 abbreviation.strip())


def index_of(edition: Edition) -> AbbreviationIndex:
    """The abbreviation index of ``edition``, built once and shared by the abbreviation checks."""
    return edition.memo("abbreviations", lambda: _build_index(edition))


def _build_index(edition: Edition) -> AbbreviationIndex:
    definitions = find_definitions(edition.blocks)
    listed = _main_list([d for d in definitions if d.source == "list"])
    lines = {d.line for d in listed}
    uses: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for b, block in enumerate(edition.blocks):
        if any(a.line in lines for a in block.anchors) or block.kind == "heading" or _shouted(block.text):
            continue
        for m in USE_RE.finditer(block.text):
            word = m.group(1)
            if not ROMAN_LOOKALIKE.match(word):
                uses[word].append((b, m.start(1), m.end(1)))
    # Only the edition's own language defines: a Russian ЮАР in the glossary leaves a Kazakh ЮАР undefined.
    glossary = {core(t.text) for e in edition.glossary or [] for t in e.terms
                if t.type == "abbreviation" and t.lang == edition.lang}
    inline = [d for d in definitions if d.source == "inline"]
    return AbbreviationIndex(listed, inline, lines, dict(uses), glossary)


def _shouted(text: str) -> bool:
    """A title set in capitals (the back cover): three capitalised words in a row are not abbreviations."""
    return bool(re.search(rf"(?:\b[{UPPER}]{{5,}}\b[\s,:]+){{3}}", text))


def _main_list(items: list[AbbreviationDefinition]) -> list[AbbreviationDefinition]:
    """The items of the book's list: runs of at least five list items close together."""
    runs: list[list[AbbreviationDefinition]] = []
    for d in items:
        if runs and d.line - runs[-1][-1].line <= LIST_MAX_GAP:
            runs[-1].append(d)
        else:
            runs.append([d])
    return [d for run in runs if len(run) >= LIST_MIN_ITEMS for d in run]


def _stems(expansion: str) -> tuple[str, ...]:
    """Expansion words compared loosely: Kazakh letters as Russian, қ/ғ and к/г alike, endings ignored."""
    words = re.findall(r"[^\W\d_]+", to_russian_letters(fold(expansion)).replace("г", "к").replace("б", "п"))
    return tuple(w for w in words if w not in FUNCTION_WORDS)


def _same_words(a: str, b: str) -> bool:
    """Two words are one with different Kazakh endings: one starts the other, or they share most of a stem."""
    if a.startswith(b) or b.startswith(a):
        return True
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= 5 and common >= 0.6 * min(len(a), len(b))


def _match(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return all(_same_words(x, y) for x, y in zip(short, long))


def same_expansion(a: str, b: str) -> bool:
    """Whether two expansions name the same thing.

    Case endings differ freely; the shorter may leave out leading words ("Қазақстан Республикасы
    Президентінің жанындағы Ұлттық қоғамдық сенім кеңесі" / "Ұлттық қоғамдық сенім кеңесі") or one final
    word that an inline definition left outside its brackets.
    """
    qa, qb = _stems(" ".join(re.findall("«([^»]*)»", a))), _stems(" ".join(re.findall("«([^»]*)»", b)))
    if len(qa) != len(qb) or not _match(qa, qb):
        return False  # «Азамат» ҚДП and ҚДП are different parties
    sa, sb = _stems(a), _stems(b)
    short, long = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    if not short:
        return False
    if len(short) == len(long):
        return _match(short, long)
    if len(short) >= 2 and _match(short, long[len(long) - len(short):]):
        return True
    return len(short) >= 3 and len(long) - len(short) == 1 and _match(short, long[: len(short)])


def _key(abbreviation: str) -> str:
    return " ".join(abbreviation.split())


class _ListCheck(EditionCheck):
    def at_line(self, edition: Edition, line: int, text: str, message: Message, **kw: object) -> Finding:
        """A finding on a source line found by number (definitions carry lines, not offsets)."""
        for b, block in enumerate(edition.blocks):
            if block.start_line <= line <= block.end_line:
                for a in block.anchors:
                    if a.line == line:
                        start = block.text.find(text, a.offset)
                        start = start if start >= 0 else a.offset
                        return self.at(edition, b, start, start + len(text), message,
                                       **kw)  # type: ignore[arg-type]
        return Finding(self.id, self.severity, message, line, excerpt=text[:80])


class AbbreviationTwoExpansionsCheck(_ListCheck):
    """One abbreviation given two different expansions."""

    id = "abbreviation-two-expansions"
    name = N_("Abbreviation with two expansions")
    description = N_("Fires when the list of abbreviations (or the text, in brackets) expands the same "
                      "abbreviation "
                      "in two ways that are not mere case forms of each other.")
    severity = "error"

    def run(self, edition: Edition) -> list[Finding]:
        idx = index_of(edition)
        by_abbr: dict[str, list[AbbreviationDefinition]] = defaultdict(list)
        for d in idx.listed + idx.inline:
            by_abbr[_key(d.abbreviation)].append(d)
        found = []
        for abbr, defs in by_abbr.items():
            defs.sort(key=lambda d: d.line)
            for k, d in enumerate(defs):
                first = next((e for e in defs[:k] if not same_expansion(e.expansion, d.expansion)), None)
                if first is None or any(same_expansion(e.expansion, d.expansion) for e in defs[:k]):
                    continue
                found.append(self.at_line(
                    edition, d.line, abbr,
                    Message(N_("%(abbr)s expanded as “%(expansion)s” here but as “%(first)s” at line %(line)s"),
                            abbr=abbr, expansion=d.expansion, first=first.expansion, line=first.line),
                    other_line=first.line))
        return found


class AbbreviationLettersCheck(_ListCheck):
    """An abbreviation in the list whose letters do not fit its expansion."""

    id = "abbreviation-letters"
    name = N_("Abbreviation does not fit its expansion")
    description = N_("Fires when the letters of an abbreviation in the list of abbreviations cannot be read "
                      "off "
                      "the initials of its expansion (a garbled or mistyped abbreviation).")
    severity = "error"

    def run(self, edition: Edition) -> list[Finding]:
        idx = index_of(edition)
        found = []
        for d in idx.listed:
            if letters_fit(d.abbreviation, d.expansion):
                continue
            # НАТО – … (ағылш. North Atlantic Treaty Organization): the letters come from the original name.
            originals = re.findall(r"\((?:ағылш|англ|орыс|рус)\.\s*([^()]+)\)", d.expansion)
            if any(letters_fit(d.abbreviation, o) for o in originals):
                continue
            suggestion = _closest_fitting(d, idx)
            found.append(self.at_line(
                edition, d.line, core(d.abbreviation),
                Message(N_("the letters of %(abbr)s do not fit “%(expansion)s”"), abbr=core(d.abbreviation),
                        expansion=d.expansion), suggestion=suggestion))
        return found


def _closest_fitting(d: AbbreviationDefinition, idx: AbbreviationIndex) -> str | None:
    """An abbreviation used in the text, one letter away, that does fit the expansion (ХҚДМ -> ХҚДБ)."""
    abbr = core(d.abbreviation)
    for used in idx.uses:
        if Levenshtein.distance(used, abbr) == 1 and letters_fit(used, d.expansion) and not any(
                core(x.abbreviation) == used and not same_expansion(x.expansion, d.expansion)
                for x in idx.listed + idx.inline):  # never another abbreviation that means something else
            return used
    return None


class AbbreviationUndefinedCheck(EditionCheck):
    """An abbreviation used in the text but defined neither in the list, in the text nor in the glossary."""

    id = "abbreviation-undefined"
    name = N_("Undefined abbreviation")
    description = N_("Fires on the first use of an abbreviation that the list of abbreviations, the text "
                      "itself "
                      "(in brackets) and the glossary all leave undefined.")
    severity = "warning"

    def run(self, edition: Edition) -> list[Finding]:
        idx = index_of(edition)
        defined = idx.defined()
        defined_letters = {to_russian_letters(a): a for a in defined}
        # The other language's abbreviation of a glossary entry (ЮАР in a Kazakh text) is named with this
        # language's one; not offered, since the same letters may stand for something else here (ТС).
        other_language: dict[str, str] = {}
        for e in edition.glossary or []:
            own = [core(t.text) for t in e.terms if t.type == "abbreviation" and t.lang == edition.lang]
            for t in e.terms:
                if t.type == "abbreviation" and t.lang != edition.lang and len(own) == 1:
                    other_language.setdefault(core(t.text), own[0])
        expansions = {core(d.abbreviation): d.expansion for d in idx.listed + idx.inline}
        found = []
        for abbr, uses in idx.uses.items():
            if abbr in defined or not idx.listed and not idx.glossary:
                continue  # without a list of abbreviations (or a glossary) nothing is "not in the list"
            # Suggest only the same letters with or without the Kazakh ones (КР -> ҚР); a spelling one letter
            # away may be another abbreviation with another meaning (КСР is not КНР), so it is named, not offered.
            suggestion = defined_letters.get(to_russian_letters(abbr))
            if suggestion and suggestion in expansions and not (
                    letters_fit(suggestion, expansions[suggestion]) and not letters_fit(abbr, expansions[suggestion])):
                suggestion = None  # only the spelling whose letters fit the expansion is offered (ҚКФ, not ҚҚФ)
            close = sorted(a for a in defined if len(a) == len(abbr) > 2 and Levenshtein.distance(a, abbr) == 1)
            hint: Message | str = (Message(N_("; %(close)s is defined"), close=", ".join(close))
                                   if close and suggestion is None else "")
            if abbr in other_language:
                hint = Message(N_("; the Russian abbreviation of %(abbr)s?") if edition.lang == "kk" else
                               N_("; the Kazakh abbreviation of %(abbr)s?"), abbr=other_language[abbr])
            b, start, end = uses[0]
            times = Message(N_(" (used %(n)s times)"), n=len(uses)) if len(uses) > 1 else ""
            found.append(self.at(edition, b, start, end,
                                 Message(N_("%(abbr)s is not in the list of abbreviations%(times)s%(hint)s"),
                                         abbr=abbr, times=times, hint=hint),
                                 suggestion=suggestion))
        return found


class AbbreviationUnusedCheck(_ListCheck):
    """An abbreviation in the list that the text never uses."""

    id = "abbreviation-unused"
    name = N_("Abbreviation never used")
    description = N_("Reports an abbreviation of the list of abbreviations that the text never uses.")
    severity = "info"

    def run(self, edition: Edition) -> list[Finding]:
        idx = index_of(edition)
        used_letters = {to_russian_letters(u) for u in idx.uses}
        found = []
        for d in idx.listed:
            abbr = core(d.abbreviation)
            if any(to_russian_letters(part) in used_letters for part in abbr.split()):
                continue
            if " " not in abbr and not re.fullmatch(rf"[{CYRILLIC_UPPER}]+", abbr):
                continue  # Latin (HAQ) and mixed forms (ҚазҰУ) are not searched for in the text
            found.append(self.at_line(edition, d.line, abbr, Message(N_("%(abbr)s is listed but never used in the text"),
                                                                            abbr=abbr)))
        return found


class AbbreviationVariantCheck(_ListCheck):
    """Two different abbreviations for one expansion (ОСКҚ and КОСКҰ)."""

    id = "abbreviation-variant"
    name = N_("Abbreviation spelled two ways")
    description = N_("Fires when two different abbreviations are defined for the same expansion, or one "
                      "abbreviation is written with and without Kazakh letters (ҚР / КР).")
    severity = "warning"

    def run(self, edition: Edition) -> list[Finding]:
        idx = index_of(edition)
        defs = sorted(idx.listed + idx.inline, key=lambda d: d.line)
        found = []
        reported: set[frozenset[str]] = set()
        for k, d in enumerate(defs):
            a = _key(d.abbreviation)
            for e in defs[:k]:
                b = _key(e.abbreviation)
                pair = frozenset((a, b))
                if a == b or pair in reported or len(_stems(d.expansion)) < 2:
                    continue
                if same_expansion(d.expansion, e.expansion) and len(_stems(e.expansion)) >= 2:
                    reported.add(pair)
                    found.append(self.at_line(
                        edition, d.line, a,
                        Message(N_("“%(expansion)s” is abbreviated %(a)s here but %(b)s at line %(line)s"),
                                expansion=d.expansion, a=a, b=b, line=e.line),
                        other_line=e.line))
        return found + self._kazakh_letters(edition, idx)

    def _kazakh_letters(self, edition: Edition, idx: AbbreviationIndex) -> list[Finding]:
        """ҚР and КР both used: the rarer spelling is reported at its first use."""
        by_letters: dict[str, list[str]] = defaultdict(list)
        for abbr in idx.uses:
            by_letters[to_russian_letters(abbr)].append(abbr)
        found = []
        for spellings in by_letters.values():
            if len(spellings) < 2:
                continue
            spellings.sort(key=lambda a: -len(idx.uses[a]))
            usual = spellings[0]
            defined = idx.defined()
            for rare in spellings[1:]:
                b, start, end = idx.uses[rare][0]
                # The usual spelling is not offered when only the rare one is defined (then it may be right).
                right = None if rare in defined and usual not in defined else usual
                if len(idx.uses[rare]) == len(idx.uses[usual]):
                    right = None  # no majority to go by
                expansion = next((d.expansion for d in idx.listed + idx.inline if core(d.abbreviation) == usual), None)
                if right and expansion and not letters_fit(usual, expansion):
                    right = None
                found.append(self.at(edition, b, start, end,
                                     Message(N_("%(rare)s (%(n)s×) is written %(usual)s elsewhere (%(m)s×)"),
                                             rare=rare, n=len(idx.uses[rare]), usual=usual, m=len(idx.uses[usual])),
                                     suggestion=right))
        return found
