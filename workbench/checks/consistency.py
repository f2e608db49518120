"""Consistency across a whole alignment: one sentence rendered two ways, two sentences rendered one way."""
from __future__ import annotations

import re
from collections import defaultdict

from workbench.checks.base import CorpusBeadCheck, Finding, Pair
from workbench.errors import N_, Message
from workbench.text.normalise import fold

MIN_WORDS = 4  # short sentences ("Бірінші.", "Да.") are rendered differently in context on purpose


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def _pairs(pair: Pair) -> list[tuple[int, str, str]]:
    """(bead index, normalised Kazakh, normalised Russian) of the beads with both sides."""
    out = []
    for i, bead in enumerate(pair.beads):
        if bead.kk and bead.ru:
            kk, ru = pair.texts(i)
            out.append((i, _norm(kk), _norm(ru)))
    return out


class _Inconsistency(CorpusBeadCheck):
    source_side: int  # 1: group by Kazakh, 2: group by Russian

    def run(self, pair: Pair) -> list[Finding]:
        groups: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for row in _pairs(pair):
            key, other = row[self.source_side], row[3 - self.source_side]
            if len(key.split()) >= MIN_WORDS:
                groups[key][other].append(row[0])
        found = []
        for renderings in groups.values():
            if len(renderings) < 2:
                continue
            ordered = sorted(renderings.values(), key=lambda beads: beads[0])
            first = ordered[0][0]
            for beads in ordered[1:]:
                found.append(self.at(pair, beads[0], self.message(pair, first), suggestion=None))
        return found

    # What a later rendering is told about the first one; ``%(line)s`` is the first one's Kazakh line.
    template = "differs from line {line}"

    def message(self, pair: Pair, first: int) -> Message:
        return Message(self.template, line=pair.kk[pair.beads[first].kk[0]].start_line)


class InconsistentTranslationCheck(_Inconsistency):
    """The same Kazakh sentence rendered by different Russian sentences."""

    id = "inconsistent-translation"
    name = N_("Same sentence, different translation")
    description = N_("Fires when a Kazakh sentence of four or more words occurs twice and its Russian side "
                      "differs; "
                      "reported at each later rendering, naming the first.")
    severity = "warning"
    source_side = 1

    template = N_("rendered differently from the same sentence at line %(line)s")


class InconsistentSourceCheck(_Inconsistency):
    """Different Kazakh sentences rendered by the same Russian sentence."""

    id = "inconsistent-source"
    name = N_("Different sentences, same translation")
    description = N_("Fires when one Russian sentence of four or more words stands against two different "
                      "Kazakh "
                      "sentences; one of them is probably mistranslated or misaligned.")
    severity = "warning"
    source_side = 2

    template = N_("the same Russian sentence stands against a different Kazakh sentence at line %(line)s")
