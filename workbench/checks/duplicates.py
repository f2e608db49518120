"""Duplicated passages: the same sentence (exactly or nearly) printed twice in one edition."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from workbench.checks.base import Edition, EditionCheck, Finding
from workbench.errors import N_, Message
from workbench.text.normalise import fold

if TYPE_CHECKING:
    from workbench.text.model import Sentence

MIN_WORDS = 7          # shorter repeated sentences are formulas ("Бұл өте қызықты жағдай туғызады.")
MIN_SCORE = 88.0       # rapidfuzz ratio (0–100) from which two sentences count as the same text
NEAR_BLOCKS = 3        # a copy within this many paragraphs is a slip; farther away it is a quotation
SHINGLE = 3            # words per shingle used to find candidate pairs before scoring them


def _norm(text: str) -> str:
    # A list item's number ("8.", "9)") is not part of what was repeated.
    text = re.sub(r"^\s*(?:\d{1,2}|[а-яa-z])[.)]\s+", "", text)
    return " ".join(re.findall(r"\w+", fold(text)))


def _title_like(edition: Edition, sentence: Sentence) -> bool:
    """Headings, and lines standing alone without a full stop (running titles, chapter titles)."""
    block = edition.blocks[sentence.block]
    if block.kind == "heading":
        return True
    text = sentence.text.strip()
    return text == block.text.strip() and not text.endswith((".", "!", "?", "…")) and len(text.split()) <= 16


def similar_sentences(edition: Edition) -> list[tuple[int, int, float]]:
    """Pairs (i, j, score) of sentences, i < j, whose texts are the same or nearly so.

    Candidates share a run of three words; headings and sentences under ``MIN_WORDS`` words are not compared.
    """
    norms: list[str] = []
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, s in enumerate(edition.sentences):
        norm = _norm(s.text)
        norms.append(norm)
        words = norm.split()
        if len(words) < MIN_WORDS or _title_like(edition, s):
            continue
        for k in range(0, len(words) - SHINGLE + 1, 2):
            index[tuple(words[k:k + SHINGLE])].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in index.values():
        if len(ids) > 50:  # a stock phrase, not a sign of copying
            continue
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                if ids[a] != ids[b]:
                    shared[(ids[a], ids[b])] += 1
    best: dict[int, tuple[int, int, float]] = {}
    for (i, j), n in shared.items():
        if n < 2 and min(len(norms[i]), len(norms[j])) > 80:
            continue
        score = fuzz.ratio(norms[i], norms[j], score_cutoff=MIN_SCORE)
        # A sentence printed many times is paired with its closest earlier copy only.
        if score and (j not in best or best[j][0] < i):
            best[j] = (i, j, score)
    return sorted(best.values())


def _passages(pairs: list[tuple[int, int, float]]) -> list[list[tuple[int, int, float]]]:
    """Group pairs that continue each other (i+1, j+1) into one passage, reported once."""
    by_start = {(i, j): (i, j, s) for i, j, s in pairs}
    used: set[tuple[int, int]] = set()
    passages = []
    for i, j, s in pairs:
        if (i, j) in used:
            continue
        run = [(i, j, s)]
        used.add((i, j))
        while (run[-1][0] + 1, run[-1][1] + 1) in by_start:
            nxt = by_start[(run[-1][0] + 1, run[-1][1] + 1)]
            run.append(nxt)
            used.add(nxt[:2])
        passages.append(run)
    return passages


class _DuplicateBase(EditionCheck):
    near: bool

    def run(self, edition: Edition) -> list[Finding]:
        found = []
        for run in edition.memo("similar-sentences", lambda: _passages(similar_sentences(edition))):
            first, second = run[0][0], run[0][1]
            a, b = edition.sentences[first], edition.sentences[second]
            if (abs(b.block - a.block) <= NEAR_BLOCKS) != self.near:
                continue
            exact = all(s == 100 for _, _, s in run)
            if len(run) > 1:
                msgid = (N_("%(n)s sentences repeated from line %(line)s") if exact else
                         N_("%(n)s sentences repeated with small changes from line %(line)s"))
            else:
                msgid = (N_("sentence repeated from line %(line)s") if exact else
                         N_("sentence repeated with small changes from line %(line)s"))
            message = Message(msgid, n=len(run), line=a.start_line)
            if a.page:
                message = Message(N_("%(repeated)s (page %(page)s)"), repeated=message,
                                  page=edition.printed_page(a.page))
            found.append(self.at_sentence(
                edition, second, message, other_line=a.start_line,
                suggestion=Message(N_("delete one of the copies")) if self.near else None,
            ))
        return found


class DuplicatePassageCheck(_DuplicateBase):
    """The same passage twice within a few paragraphs: a copying slip."""

    id = "duplicate-passage"
    name = N_("Duplicated passage")
    description = N_("Fires when a sentence of seven or more words appears again, exactly or nearly (rapidfuzz "
                      "ratio ≥ 88), within three paragraphs; consecutive repeated sentences are one finding.")
    severity = "error"
    near = True


class RepeatedPassageCheck(_DuplicateBase):
    """The same passage in two distant places: a quotation, a summary or a forgotten copy."""

    id = "repeated-passage"
    name = N_("Passage repeated elsewhere")
    description = N_("Reports, for information, a sentence of seven or more words that appears again, exactly "
                      "or "
                      "nearly, far from the first place (a summary, a quotation or a forgotten copy).")
    severity = "info"
    near = False


def repeated_sentences(sentences: list[Sentence]) -> dict[str, list[int]]:
    """Exact repeats by folded text (used by the consistency checks across an alignment)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sentences):
        groups[_norm(s.text)].append(i)
    return {k: v for k, v in groups.items() if len(v) > 1 and k}


REORDER_WINDOW = 4       # the copy stands at most this many sentences after the first
REORDER_MIN_WORDS = 4
REORDER_SHARE = 0.85     # share of the shorter sentence's words found in the other


class ReorderedRepeatCheck(EditionCheck):
    """A sentence repeating one just before it with its words in another order, or shortened."""

    id = "reordered-repeat"
    name = N_("Sentence repeated reordered or shortened")
    description = Message(N_("Fires on a sentence whose words (at least four) are nearly all those of a sentence at "
                             "most %(n)s sentences before it, in another order or fewer of them — a copy the "
                             "duplicated-passage check, which compares the wording, does not see."), n=REORDER_WINDOW)
    severity = "warning"

    def run(self, edition: Edition) -> list[Finding]:
        sentences = edition.sentences
        words = [set(_norm(s.text).split()) for s in sentences]
        found = []
        for j, s in enumerate(sentences):
            if len(words[j]) < REORDER_MIN_WORDS or _title_like(edition, s) or \
                    edition.blocks[s.block].kind == "list_item" or not s.text.rstrip().endswith((".", "!", "?")):
                continue
            for i in range(max(0, j - REORDER_WINDOW), j):
                if len(words[i]) < REORDER_MIN_WORDS or edition.blocks[sentences[i].block].kind == "list_item":
                    continue
                share = len(words[i] & words[j]) / min(len(words[i]), len(words[j]))
                if share < REORDER_SHARE or fuzz.ratio(_norm(sentences[i].text), _norm(s.text)) >= MIN_SCORE:
                    continue
                found.append(self.at_sentence(
                    edition, j, Message(N_("repeats the sentence at line %(line)s in another word order or shortened; "
                                          "delete one of the two"), line=sentences[i].start_line),
                    other_line=sentences[i].start_line))
                break
        return found
