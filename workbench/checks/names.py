"""Names: a Kazakh name in its Russian spelling inside Kazakh text (Казахстан), and a proper name in
lower case after a hyphen (Қазақстан-ресей)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbench.checks.base import Edition, EditionCheck, Finding
from workbench.checks.lexicon import COUNTRY_NAMES, RUSSIAN_SPELLINGS
from workbench.checks.name_spellings import spelling_key, usual_first, word_places
from workbench.errors import N_, Message
from workbench.language import CYRILLIC_LOWER, CYRILLIC_UPPER
from workbench.text.normalise import KAZAKH_LETTERS

if TYPE_CHECKING:
    from workbench.text.model import Block

# Казахстан with a Kazakh ending or a hyphenated number (Казахстанның, «Казахстан-2030»); Russian forms
# (Казахстанская правда, Республики Казахстан) are Russian titles and are left out.
RUSSIAN_SPELLING = re.compile(
    rf"(?<![\w-])({'|'.join(map(re.escape, RUSSIAN_SPELLINGS))})((?:-?[{CYRILLIC_LOWER}]*)|-\d+)(?![\w-])")
RUSSIAN_ENDINGS = ("ская", "ский", "ского", "ской", "ских", "ским", "ском", "скую", "а", "е", "у", "ом")
RUSSIAN_CONTEXT = re.compile(r"(?<![\w-])(?:Республики|Республика|в|и|по|при|ул|г)(?![\w-])")
QUOTED = re.compile(r"«([^«»]*)»")
LOWER_AFTER_HYPHEN = re.compile(
    rf"(?<![\w-])([{CYRILLIC_UPPER}][{CYRILLIC_LOWER}]+)-({'|'.join(COUNTRY_NAMES)})"
    rf"([{CYRILLIC_LOWER}]*)(?![\w-])")


class RussianSpellingCheck(EditionCheck):
    """Казахстан for Қазақстан in a Kazakh sentence or heading."""

    id = "russian-spelling"
    name = N_("Name in its Russian spelling")
    description = N_("Fires in a Kazakh text on “Казахстан” (and Алма-Ата) written the Russian way with a Kazakh "
                      "ending, a number or alone in a Kazakh sentence; Russian titles are left out.")
    severity = "error"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        if edition.lang != "kk":
            return []
        found = []
        for m in RUSSIAN_SPELLING.finditer(block.text):
            name, tail = m.group(1), m.group(2)
            if tail.lstrip("-") in RUSSIAN_ENDINGS:
                continue
            quoted = next((q for q in QUOTED.finditer(block.text) if q.start() < m.start() < q.end()), None)
            if quoted and not re.search(f"[{KAZAKH_LETTERS}]", quoted.group(1)) and not tail.startswith("-"):
                continue  # a title in Russian (a journal, a newspaper)
            around = block.text[max(0, m.start() - 40):m.end() + 40]
            if RUSSIAN_CONTEXT.search(around) and not tail.startswith("-"):
                continue
            found.append(self.at(edition, index, m.start(), m.end(), Message(N_("%(name)s in its Russian spelling"), name=name),
                                 suggestion=RUSSIAN_SPELLINGS[name] + tail))
        return found


class LowercaseNameAfterHyphenCheck(EditionCheck):
    """A country's name in lower case after a hyphen: Қазақстан-ресей for Қазақстан-Ресей."""

    id = "lowercase-name"
    name = N_("Proper name in lower case")
    description = N_("Fires on a country's name written in lower case after a hyphen (Қазақстан-ресей).")
    severity = "warning"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        for m in LOWER_AFTER_HYPHEN.finditer(block.text):
            found.append(self.at(edition, index, m.start(), m.end(), Message(N_("“%(name)s” is a name"), name=m.group(2)),
                                 suggestion=f"{m.group(1)}-{m.group(2).capitalize()}{m.group(3)}"))
        return found


NAME_WORD = re.compile(rf"(?<![\w-])[{CYRILLIC_UPPER}][{CYRILLIC_LOWER}]+"
                       rf"(?:-[{CYRILLIC_UPPER}{CYRILLIC_LOWER}][{CYRILLIC_LOWER}]+)?(?![\w-])")
LOWER_WORD = re.compile(rf"(?<![\w-])[{CYRILLIC_LOWER}]+(?![\w-])")
PATRONYMIC = re.compile(r"^(.{3,}?)(?:йулы|улы)")
SURNAME = re.compile(r"^(.{3,}?)(?:ов|ев)")
COMMON = 50  # a spelling this frequent names something else (Нұрсұлтан, the name; Нұр-Сұлтан, the city)


class NameVariantCheck(EditionCheck):
    """One person's name transliterated several ways: hyphenated or joined, і inserted or not, -ов or -ұлы."""

    id = "name-variant"
    name = N_("Name transliterated several ways")
    description = N_("Fires when a name (a capitalised word never written in lower case) also appears "
                      "hyphenated or joined (Қуаныш-Әли / Қуанышәлі), with or without an inserted і/ы "
                      "(Әбілязов / Әблязов), or with -ов/-ев and -ұлы (Сәрсенбаев / Сәрсенбайұлы); "
                      "reported once at the rarer spelling.")
    severity = "warning"

    def run(self, edition: Edition) -> list[Finding]:
        places = word_places(edition, NAME_WORD)
        lower = {m.group() for block in edition.blocks for m in LOWER_WORD.finditer(block.text)}
        names = [w for w in places if w.lower() not in lower]
        by_fold: dict[str, list[str]] = {}
        for w in names:
            by_fold.setdefault(spelling_key(w), []).append(w)
        pairs: dict[frozenset[str], str] = {}
        for w in names:
            f = spelling_key(w)
            variants = {f.replace("-", "")} if "-" in f else set()
            variants |= {f[:i] + f[i + 1:] for i in range(2, len(f) - 3) if f[i] in "иы"}
            for v in variants:
                for other in by_fold.get(v, []):
                    if other != w:
                        pairs.setdefault(frozenset((w, other)), "hyphen" if "-" in f else "letter")
        stems: dict[str, set[str]] = {}
        for w in names:
            m = PATRONYMIC.match(spelling_key(w)) or SURNAME.match(spelling_key(w))
            if m:
                stems.setdefault(m.group(1), set()).add(w)
        for group in stems.values():
            patronymic = usual_first([w for w in group if PATRONYMIC.match(spelling_key(w))], places)
            surname = usual_first([w for w in group if not PATRONYMIC.match(spelling_key(w))], places)
            if patronymic and surname:
                pairs.setdefault(frozenset((patronymic[0], surname[0])), "patronymic")
        found = []
        for pair, kind in sorted(pairs.items(), key=lambda p: sorted(p[0])):
            a, b = usual_first(pair, places)
            if len(places[a]) >= COMMON:
                continue
            block, start = places[b][0]
            message = Message(N_("“%(rare)s” (%(n)s×) is written “%(usual)s” elsewhere (%(m)s×)"),
                              rare=b, n=len(places[b]), usual=a, m=len(places[a]))
            # Only the letters and the hyphen are in doubt; -ов against -ұлы is the author's choice to make.
            found.append(self.at(edition, block, start, start + len(b), message,
                                 suggestion=None if kind == "patronymic" else a))
        return found
