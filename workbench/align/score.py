"""Bead files (``[0,1]:[0]`` per line, 0-based) and strict / lax P, R and F1 against a gold alignment.

strict: a predicted bead counts only if the identical bead is in the gold.
lax: a bead counts if some bead of the other alignment overlaps it on the kk side and on the ru
side, where two empty sides overlap (the scheme of the Vecalign and Bertalign papers).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench.align.model import Bead
from workbench.errors import InputError

BEAD_RE = re.compile(r"^\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\](?:\s+([-+0-9.eE]+))?$")


def format_bead(b: Bead) -> str:
    """``[0,1]:[0]``: kk indices, a colon, ru indices, no spaces."""
    return "[" + ",".join(map(str, b.kk)) + "]:[" + ",".join(map(str, b.ru)) + "]"


def parse_beads(text: str, path: str) -> list[Bead]:
    """Beads of a bead file; blank lines and ``#`` comments are skipped, a tab and a score may follow.

    :raises InputError: naming the file and line of a bead that cannot be read.
    """
    beads = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = BEAD_RE.match(line)
        if m is None:
            raise InputError(f"cannot read bead {line!r}; expected [0,1]:[0]", path=path, line=number)
        try:
            kk, ru = _indices(m.group(1)), _indices(m.group(2))
        except ValueError:
            raise InputError(f"cannot read bead {line!r}; expected [0,1]:[0]",
                             path=path, line=number) from None
        if not kk and not ru:
            raise InputError("bead with both sides empty", path=path, line=number)
        score = float(m.group(3)) if m.group(3) else 1.0
        beads.append(Bead(kk, ru, score))
    return beads


def _indices(body: str) -> tuple[int, ...]:
    body = body.strip()
    return tuple(int(x) for x in body.split(",")) if body else ()


@dataclass(frozen=True)
class Scores:
    """Strict and lax precision, recall and F1 of one predicted alignment."""

    strict_p: float
    strict_r: float
    strict_f1: float
    lax_p: float
    lax_r: float
    lax_f1: float


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _key(b: Bead | tuple[Sequence[int], Sequence[int]]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    kk, ru = (b.kk, b.ru) if isinstance(b, Bead) else b
    return tuple(kk), tuple(ru)


def _lax_hits(beads: list[tuple[tuple[int, ...], tuple[int, ...]]],
              others: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> int:
    """How many of ``beads`` overlap some bead of ``others`` on both sides."""
    by_kk: dict[int, list[int]] = defaultdict(list)
    by_ru: dict[int, list[int]] = defaultdict(list)
    for n, (kk, ru) in enumerate(others):
        for i in kk:
            by_kk[i].append(n)
        for j in ru:
            by_ru[j].append(n)

    def overlap(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
        return bool(set(a) & set(b)) if a or b else True

    hits = 0
    for kk, ru in beads:
        near = {n for i in kk for n in by_kk[i]} | {n for j in ru for n in by_ru[j]}
        if any(overlap(kk, others[n][0]) and overlap(ru, others[n][1]) for n in near):
            hits += 1
    return hits


def score_alignment(gold: Iterable[Bead | tuple[Sequence[int], Sequence[int]]],
                    predicted: Iterable[Bead | tuple[Sequence[int], Sequence[int]]]) -> Scores:
    """Strict and lax P/R/F1 of ``predicted`` against ``gold`` (beads or (kk, ru) index pairs)."""
    g = [_key(b) for b in gold]
    p = [_key(b) for b in predicted]
    gold_set = set(g)
    correct = sum(1 for b in p if b in gold_set)
    sp = correct / len(p) if p else 0.0
    sr = correct / len(g) if g else 0.0
    lp = _lax_hits(p, g) / len(p) if p else 0.0
    lr = _lax_hits(g, p) / len(g) if g else 0.0
    return Scores(sp, sr, _f1(sp, sr), lp, lr, _f1(lp, lr))


@dataclass(frozen=True)
class Ranking:
    """How well bead scores put the wrong beads first, for the lowest-scored ``share`` of beads."""

    precision: float   # share of the lowest-scored beads that are wrong
    recall: float      # share of all wrong beads that are among the lowest-scored
    error_rate: float  # share of all beads that are wrong (what a random order would give as precision)


def lowest_scored_error_rate(gold: Iterable[Bead | tuple[Sequence[int], Sequence[int]]],
                             predicted: Sequence[Bead], share: float = 0.05) -> Ranking:
    """Precision and recall of "wrong" (no strict match) among the lowest-scored ``share`` of the beads."""
    gold_set = {_key(b) for b in gold}
    if not predicted:
        return Ranking(0.0, 0.0, 0.0)
    wrong = [_key(b) not in gold_set for b in predicted]
    count = max(1, round(share * len(predicted)))
    lowest = sorted(range(len(predicted)), key=lambda k: predicted[k].score)[:count]
    caught = sum(wrong[k] for k in lowest)
    total_wrong = sum(wrong)
    return Ranking(caught / count, caught / total_wrong if total_wrong else 1.0, total_wrong / len(wrong))
