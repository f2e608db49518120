"""Names and terms spelled two ways in one edition (Қосанов / Косанов, Чеботарёв / Чеботарев)."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from workbench.checks.base import Edition, EditionCheck, Finding
from workbench.checks.script import foreign_passages, foreign_sections
from workbench.text.normalise import to_russian_letters

# A capitalised Cyrillic word of four letters or more, not the second half of a hyphenated word.
NAME_RE = re.compile(r"(?<![\w-])[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]{3,}(?![\w])")


def spelling_key(word: str) -> str:
    """What two spellings of one name share: Kazakh letters read as Russian ones, ё as е."""
    return to_russian_letters(word.lower()).replace("ё", "е")


class SpelledTwoWaysCheck(EditionCheck):
    """A name or term written both with and without Kazakh letters (or with ё and е)."""

    id = "spelled-two-ways"
    name = "Name spelled two ways"
    description = ("Fires when a capitalised word appears in two spellings that differ only in Kazakh "
                   "letters "
                   "(Қ/К, Ұ/У, Ә/А …) or ё/е; reported once, at the rarer spelling, suggesting the usual "
                   "one.")
    severity = "warning"

    def run(self, edition: Edition) -> list[Finding]:
        places: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
        skip = {i for first, last in foreign_sections(edition) for i in range(first, last + 1)}
        for b, block in enumerate(edition.blocks):
            if b in skip:
                continue
            # Words of a passage in the other language are spelled the other language's way.
            foreign = foreign_passages(block.text, edition.lang)
            for m in NAME_RE.finditer(block.text):
                if not any(s <= m.start() < e for s, e, _ in foreign):
                    places[spelling_key(m.group())][m.group()].append((b, m.start()))
        mixed = {k: v for k, v in places.items() if len(v) > 1}
        found = []
        for key in sorted(mixed):
            # Нұрқаділовтың / Нүркәділовтың is the same pair as Нұрқаділов / Нүркәділов: report the stem once.
            if any(key != other and key.startswith(other) for other in mixed):
                continue
            counts = Counter({w: len(p) for w, p in mixed[key].items()})
            (usual, n_usual), *rest = counts.most_common()
            for rare, n_rare in rest:
                b, start = mixed[key][rare][0]
                found.append(self.at(
                    edition, b, start, start + len(rare),
                    f"“{rare}” ({n_rare}×) is spelled “{usual}” elsewhere ({n_usual}×)", suggestion=usual,
                    other_line=_line(edition, *mixed[key][usual][0]),
                ))
        return found


def _line(edition: Edition, block: int, offset: int) -> int:
    return edition.blocks[block].anchor_at(offset).line
