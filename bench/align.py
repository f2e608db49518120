"""Benchmark of the sentence aligner: strict/lax F1 and time against NLTK's Gale–Church, on the bundled kk–ru
sets, on perturbed variants (fixed seed), and time, peak memory and F1 at 1,000 / 10,000 / 40,000 sentences a
side, on copies of the bundled documents and on numbered repetitive text, whole, lacking blocks (some longer than
a copy), holding half of the document or with inserted blocks.

HELD OUT: the 1991 constitutional law "On the State Independence" (``law_state_independence_1991``) is kept
out of all tuning and fitting: no default of ``AlignConfig``, no confidence coefficient and no entry of the
shipped lexicon (``workbench/align/lexicon.kk-ru.tsv``) was chosen or learnt by looking at it, clean or
perturbed. Its figures are printed in a section of their own; the in-sample figures (constitution,
declaration, Tatoeba) are on the documents everything was tuned on and say less about unseen documents; they
are printed twice, the second time with each document aligned with a lexicon that was not learnt from it.
Seven more official acts (``corpora/eval/``, split before any of them was aligned, see corpora/README.md): the
DEV ones may be tuned on from now on and have a section of their own; the HELD OUT 2 ones are kept out of all
tuning like the 1991 law and are printed in a section of their own.
(Hunalign, the usual baseline, is not packaged by Debian, so NLTK's Gale–Church stands in for it.)

Run from the project root: ``python bench/align.py`` (``--quick`` skips the 40,000 runs; ``--seed N [N …]``
perturbs with other seeds, for tuning away from the reported one; ``--dev-only`` prints only the DEV documents
and the perturbed in-sample runs, quickly; ``--fit`` refits the confidence coefficients on the in-sample
and DEV documents with seeds 101–106 and prints them). The held-out sections are printed only in the full report with
the reported seed: no tuning run shows them. Prints figures only.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.align import (  # noqa: E402
    Bead, Side, align, lowest_scored_error_rate, parse_beads, score_alignment,
)

SETS = ("constitution_2026", "declaration_independence_20y", "tatoeba_kaz_rus_sample")
PERTURBED = ("constitution_2026", "declaration_independence_20y")
# Never tuned or fitted on (see the module docstring): reported apart.
HELD_OUT = "law_state_independence_1991"
# corpora/eval/, split by a rule fixed before any of them was aligned (corpora/README.md): DEV may be tuned on
# from now on; HELD OUT 2 never, like HELD_OUT.
DEV = ("eval/human_rights_commissioner_2022", "eval/people_council_2026",
       "eval/defence_conversion_1993", "eval/national_pantheon_2020")
HELD_OUT_2 = ("eval/state_symbols_2007", "eval/first_president_2000", "eval/collective_agreements_1992")
FIT_SEEDS = (101, 102, 103, 104, 105, 106)
WRONG_WEIGHT = 30.0
SCORE_BANDS = (0.0, 0.5, 0.8, 0.9, 0.99, 1.0001)
SEED = 4  # not the seeds the defaults were tuned on (20260, 20261, then 101-110)
MAX_SIDE = 3  # the largest bead side a perturbation may create (the aligner's 3-1 / 1-3)


@dataclass
class Unit:
    """One gold bead while a document is being perturbed: sentences as (text, paragraph id) per side."""

    kk: list[tuple[str, int]] = field(default_factory=list)
    ru: list[tuple[str, int]] = field(default_factory=list)


def paragraph_ids(sentences: list[str], paragraphs: list[str]) -> list[int]:
    """Paragraph of each sentence, by finding the sentences in the paragraph lines in order."""
    ids, p, offset = [], 0, 0
    for s in sentences:
        while p < len(paragraphs) and paragraphs[p].find(s.strip(), offset) < 0:
            p, offset = p + 1, 0
        if p == len(paragraphs):  # not found verbatim: keep it in the last paragraph seen
            p, offset = len(paragraphs) - 1, 0
        else:
            offset = paragraphs[p].find(s.strip(), offset) + len(s.strip())
        ids.append(p)
    return ids


def load(name: str) -> tuple[list[str], list[str], list[Bead], list[Unit]]:
    d = ROOT / "corpora" / name
    kk = (d / "kk.txt").read_text(encoding="utf-8").splitlines()
    ru = (d / "ru.txt").read_text(encoding="utf-8").splitlines()
    gold = parse_beads((d / "gold.txt").read_text(encoding="utf-8"), str(d / "gold.txt"))
    kk_par = paragraph_ids(kk, (d / "kk.raw.txt").read_text(encoding="utf-8").splitlines())
    ru_par = paragraph_ids(ru, (d / "ru.raw.txt").read_text(encoding="utf-8").splitlines())
    units = [Unit([(kk[i], kk_par[i]) for i in b.kk], [(ru[j], ru_par[j]) for j in b.ru]) for b in gold]
    return kk, ru, gold, units


def emit(units: list[Unit]) -> tuple[list[str], list[str], list[Bead]]:
    """Sentences of both sides and the gold beads; a one-sided unit becomes one skip per sentence."""
    kk: list[str] = []
    ru: list[str] = []
    gold = []
    for u in units:
        if u.kk and u.ru:
            gold.append(Bead(tuple(range(len(kk), len(kk) + len(u.kk))),
                             tuple(range(len(ru), len(ru) + len(u.ru)))))
        else:
            gold.extend(Bead((len(kk) + k,), ()) for k in range(len(u.kk)))
            gold.extend(Bead((), (len(ru) + k,)) for k in range(len(u.ru)))
        kk.extend(t for t, _ in u.kk)
        ru.extend(t for t, _ in u.ru)
    return kk, ru, gold


def paragraph_starts(units: list[Unit], side: str) -> frozenset[int]:
    """Indices of the sentences of one side that open a paragraph (the paragraph id changes)."""
    ids = [p for u in units for _, p in getattr(u, side)]
    return frozenset(k for k, p in enumerate(ids) if k == 0 or p != ids[k - 1] or p < 0)


def drop_block(units: list[Unit], rng: random.Random, side: str = "ru") -> list[Unit]:
    """One contiguous block of 15–20 % of one side's sentences is missing (a chapter the edition lacks)."""
    total = sum(len(getattr(u, side)) for u in units)
    want = int(total * rng.uniform(0.15, 0.20))
    start = rng.randrange(len(units) // 10, len(units) - len(units) // 3)
    out = [Unit(list(u.kk), list(u.ru)) for u in units]
    k = start
    while want > 0 and k < len(out):
        want -= len(getattr(out[k], side))
        setattr(out[k], side, [])
        k += 1
    return out


def drop_paragraphs(units: list[Unit], rng: random.Random, rate: float = 0.05) -> list[Unit]:
    """5 % of paragraphs are missing, each on a side picked at random."""
    out = [Unit(list(u.kk), list(u.ru)) for u in units]
    for side in ("kk", "ru"):
        paras = sorted({p for u in out for _, p in getattr(u, side)})
        gone = set(rng.sample(paras, max(1, round(rate / 2 * len(paras)))))
        for u in out:
            setattr(u, side, [(t, p) for t, p in getattr(u, side) if p not in gone])
    return out


def _flat(units: list[Unit], side: str) -> list[int]:
    return [k for k, u in enumerate(units) for _ in getattr(u, side)]


def merge_pairs(units: list[Unit], rng: random.Random, side: str = "ru", rate: float = 0.08) -> list[Unit]:
    """8 % of adjacent sentence pairs of one side are joined into one sentence, and their beads with them."""
    out = [Unit(list(u.kk), list(u.ru)) for u in units]
    owner = _flat(out, side)
    picks = rng.sample(range(len(owner) - 1), round(rate * (len(owner) - 1)))
    other = "kk" if side == "ru" else "ru"
    for pos in sorted(picks, reverse=True):
        owner = _flat(out, side)
        if pos + 1 >= len(owner):
            continue
        a, b = owner[pos], owner[pos + 1]
        ua, ub = out[a], out[b]
        if a == b:
            merged = Unit(list(ua.kk), list(ua.ru))
        else:
            if b != a + 1:  # a one-sided unit lies between them: leave it
                continue
            merged = Unit(ua.kk + ub.kk, ua.ru + ub.ru)
        sents = getattr(merged, side)
        k = pos - owner.index(a)
        joined = (sents[k][0].rstrip() + " " + sents[k + 1][0].lstrip(), sents[k][1])
        sents[k:k + 2] = [joined]
        n_other = len(getattr(merged, other))
        # Keep to the shapes the aligner knows: up to 3-1 / 1-3 and 2-2.
        too_big = len(sents) > 1 and n_other > 1 and len(sents) + n_other > 4
        if n_other > MAX_SIDE or len(sents) > MAX_SIDE or too_big:
            continue
        out[a:b + 1] = [merged]
    return out


def split_commas(units: list[Unit], rng: random.Random, side: str = "kk", rate: float = 0.05) -> list[Unit]:
    """5 % of one side's sentences are cut in two at a comma near their middle."""
    out = [Unit(list(u.kk), list(u.ru)) for u in units]
    other = "kk" if side == "ru" else "ru"
    total = sum(len(getattr(u, side)) for u in out)

    def commas(text: str) -> list[int]:
        return [c for c, ch in enumerate(text) if ch == "," and 15 <= c <= len(text) - 15]

    # Only sentences whose bead stays a shape the aligner knows (1-1 -> 1-2, 2-1 -> 3-1, 1-2 -> 1-3).
    spots = [(k, s) for k, u in enumerate(out) for s, (text, _) in enumerate(getattr(u, side))
             if commas(text) and len(getattr(u, side)) < MAX_SIDE and (len(getattr(u, other)) == 1)]
    for k, s in sorted(rng.sample(spots, min(len(spots), round(rate * total))), reverse=True):
        sents = getattr(out[k], side)
        if len(sents) >= MAX_SIDE:
            continue
        text, par = sents[s]
        c = min(commas(text), key=lambda c: abs(c - len(text) / 2))
        rest = text[c + 1:].lstrip()
        sents[s:s + 1] = [(text[:c] + ".", par), (rest[:1].upper() + rest[1:], par)]
    return out


def insert_headers(units: list[Unit], rng: random.Random, side: str = "kk", rate: float = 0.03) -> list[Unit]:
    """3 % extra lines on one side: running headers (the title) and page numbers, left over from a PDF."""
    title = getattr(units[0], side)[0][0] if getattr(units[0], side) else "HEADER"
    out = [Unit(list(u.kk), list(u.ru)) for u in units]
    total = sum(len(getattr(u, side)) for u in units)
    page = 3
    for pos in sorted(rng.sample(range(1, len(out)), round(rate * total)), reverse=True):
        page += 1
        line = str(rng.randint(2, 400)) if rng.random() < 0.5 else title.upper()
        out.insert(pos, Unit([(line, -1)], []) if side == "kk" else Unit([], [(line, -1)]))
    return out


def reorder_pairs(units: list[Unit], rng: random.Random, rate: float = 0.04) -> list[Unit]:
    """Two adjacent sentences of one paragraph translated in the other order on the ru side (4 % of the beads,
    as far as there are such pairs): one 2-2 bead in the gold."""
    out = [Unit(list(u.kk), list(u.ru)) for u in units]
    spots = [k for k in range(len(out) - 1)
             if all(len(out[x].kk) == len(out[x].ru) == 1 for x in (k, k + 1))
             and out[k].kk[0][1] == out[k + 1].kk[0][1] >= 0 and out[k].ru[0][1] == out[k + 1].ru[0][1]]
    taken: set[int] = set()
    for k in sorted(rng.sample(spots, min(len(spots), round(rate * len(out)))), reverse=True):
        if k in taken or k + 1 in taken or k + 1 >= len(out):
            continue
        a, b = out[k], out[k + 1]
        out[k:k + 2] = [Unit(a.kk + b.kk, b.ru + a.ru)]
        taken.update((k, k + 1))
    return out


def all_together(units: list[Unit], rng: random.Random) -> list[Unit]:
    units = drop_block(units, rng, "ru")
    units = drop_paragraphs(units, rng)
    units = merge_pairs(units, rng, "ru")
    units = split_commas(units, rng, "kk")
    return insert_headers(units, rng, "kk")


VARIANTS = {
    "dropped block (ru)": lambda u, r: drop_block(u, r, "ru"),
    "dropped block (kk)": lambda u, r: drop_block(u, r, "kk"),
    "5% paragraphs dropped": drop_paragraphs,
    "8% pairs merged (ru)": lambda u, r: merge_pairs(u, r, "ru"),
    "5% split at comma (kk)": lambda u, r: split_commas(u, r, "kk"),
    "3% headers/pages (kk)": lambda u, r: insert_headers(u, r, "kk"),
    "4% pairs in other order (ru)": reorder_pairs,
    "all together": all_together,
}


def reorder_any(units: list[Unit], rng: random.Random, side: str = "ru", rate: float = 0.08) -> list[Unit]:
    """Two adjacent 1-1 beads, in a paragraph or across a paragraph start, with one side's sentences in the
    other order (8 % of the beads): one 2-2 bead each in the gold."""
    out = [Unit(list(u.kk), list(u.ru)) for u in units]
    spots = [k for k in range(len(out) - 1) if all(len(out[x].kk) == len(out[x].ru) == 1 for x in (k, k + 1))]
    taken: set[int] = set()
    for k in sorted(rng.sample(spots, min(len(spots), round(rate * len(out)))), reverse=True):
        if k in taken or k + 1 in taken:
            continue
        a, b = out[k], out[k + 1]
        out[k:k + 2] = [Unit(a.kk + b.kk, b.ru + a.ru) if side == "ru" else Unit(b.kk + a.kk, a.ru + b.ru)]
        taken.update((k, k + 1))
    return out


def reorder_drop_merge(units: list[Unit], rng: random.Random) -> list[Unit]:
    units = reorder_pairs(units, rng)
    units = drop_paragraphs(units, rng)
    return merge_pairs(units, rng, "ru")


# The confidence is fitted on these as well: the mirror images of the bench's perturbations and a mix, so
# that it does not learn one side's or one perturbation's habits.
FIT_VARIANTS = {
    **VARIANTS,
    "8% pairs in other order (kk)": lambda u, r: reorder_any(u, r, "kk"),
    "8% pairs in other order (ru)": lambda u, r: reorder_any(u, r, "ru"),
    "8% pairs merged (kk)": lambda u, r: merge_pairs(u, r, "kk"),
    "5% split at comma (ru)": lambda u, r: split_commas(u, r, "ru"),
    "3% headers/pages (ru)": lambda u, r: insert_headers(u, r, "ru"),
    "reordered, paragraphs dropped, merged": reorder_drop_merge,
}


def gale_church(kk: list[str], ru: list[str]) -> list[Bead]:
    """NLTK's Gale–Church on character lengths, the whole text as one block, turned into beads."""
    from nltk.translate.gale_church import align_blocks

    links = align_blocks([max(1, len(s)) for s in kk], [max(1, len(s)) for s in ru])
    groups: list[tuple[set[int], set[int]]] = []
    for i, j in sorted(links):
        if groups and (i in groups[-1][0] or j in groups[-1][1]):
            groups[-1][0].add(i)
            groups[-1][1].add(j)
        else:
            groups.append(({i}, {j}))
    beads = [Bead(tuple(sorted(a)), tuple(sorted(b))) for a, b in groups]
    linked_kk = {i for i, _ in links}
    linked_ru = {j for _, j in links}
    beads += [Bead((i,), ()) for i in range(len(kk)) if i not in linked_kk]
    beads += [Bead((), (j,)) for j in range(len(ru)) if j not in linked_ru]
    return sorted(beads, key=lambda b: (b.kk[0] if b.kk else b.ru[0] and -1, b.ru[0] if b.ru else -1))


def row(name: str, kk: list[str] | Side, ru: list[str] | Side, gold: list[Bead],
        baseline: bool = True, lexicon=None) -> list[tuple[float, bool]]:
    """Print one line of figures; return (score, wrong?) of every predicted bead."""
    t = time.perf_counter()
    pred = align(kk, ru, lexicon=lexicon)
    ours_time = time.perf_counter() - t
    s = score_alignment(gold, pred)
    rank = lowest_scored_error_rate(gold, pred)
    gc = "      -       -       -"
    kk_text = kk.sentences if isinstance(kk, Side) else kk
    ru_text = ru.sentences if isinstance(ru, Side) else ru
    if baseline:
        t = time.perf_counter()
        try:
            g = score_alignment(gold, gale_church(list(kk_text), list(ru_text)))
            gc = f"{g.strict_f1:7.3f} {g.lax_f1:7.3f} {time.perf_counter() - t:7.2f}"
        except Exception as exc:  # the baseline's own failures are a figure too
            gc = f"   failed: {type(exc).__name__}"
    print(f"{name:48s} {len(kk_text):5d} {len(ru_text):5d} | {s.strict_f1:6.3f} {s.lax_f1:6.3f} {ours_time:6.2f} "
          f"{rank.precision:5.2f} {rank.recall:5.2f} {rank.error_rate:5.3f} | {gc}", flush=True)
    right = {(b.kk, b.ru) for b in gold}
    return [(b.score, (b.kk, b.ru) not in right) for b in pred]


def pooled_ranking(title: str, scored: list[tuple[float, bool]]) -> None:
    """How the scores of all runs of a section, taken together, rank and flag the wrong beads."""
    scored = sorted(scored)
    wrong = sum(w for _, w in scored)
    print(f"{title}: {len(scored)} beads, {wrong} wrong ({wrong / max(len(scored), 1):.4f})")
    for share in (0.01, 0.05):
        count = max(1, round(share * len(scored)))
        caught = sum(w for _, w in scored[:count])
        print(f"  lowest-scored {share:.0%}: precision {caught / count:.3f}, recall {caught / max(wrong, 1):.3f}")
    print("  score band      beads  wrong  share of the wrong beads  share of the band wrong")
    for low, high in zip(SCORE_BANDS, SCORE_BANDS[1:]):
        band = [w for sc, w in scored if low <= sc < high]
        bad = sum(band)
        print(f"  [{low:4.2f}, {min(high, 1.0):4.2f}{']' if high > 1 else ')'} {len(band):7d} {bad:6d} "
              f"{bad / max(wrong, 1):25.3f} {bad / max(len(band), 1):24.4f}")
    high = sum(w for sc, w in scored if sc >= 0.9)
    print(f"  wrong beads scored >= 0.9: {high} of {wrong} ({high / max(wrong, 1):.3f})")


def documents(names: tuple[str, ...], seed: int, clean: bool = True,
              variants: dict = VARIANTS) -> list[tuple[str, list[str], list[str], list[Bead]]]:
    """(name, kk, ru, gold) of the clean documents and of every perturbed variant of them."""
    out = []
    if clean:
        for name in names:
            kk, ru, gold, _ = load(name)
            out.append((Path(name).name, kk, ru, gold))
    for name in names:
        units = load(name)[3]
        for variant, make in variants.items():
            kk, ru, gold = emit(make(units, random.Random(seed)))
            out.append((f"{Path(name).name[:20]} + {variant}", kk, ru, gold))
    return out


def lexicon_without(name: str):
    """The shipped lexicon as ``scripts/build_align_lexicon.py`` builds it, but without the gold of ``name``:
    aligning a document with a lexicon learnt from it would fit the confidence to beads far easier than
    those of an unseen document."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_align_lexicon import LEARNT_FROM, build_entries

    from workbench.align import AlignConfig
    from workbench.align.stem_lexicon import StemLexicon

    entries = build_entries(tuple(n for n in LEARNT_FROM if n != name))[0]
    return StemLexicon(AlignConfig().stem_length, tuple(entries), ())


def fit_confidence() -> None:
    """Refit the logistic coefficients of ``confidence.py`` on the in-sample and DEV documents (seeds 101-106,
    the perturbations of the bench and their mirror images), each in-sample document aligned with a lexicon
    that left it out and the DEV ones with the shipped lexicon, which was not learnt from them."""
    import numpy as np

    from workbench.align.aligner import align_with_features

    rows, labels = [], []
    lexicons = {name: lexicon_without(name) for name in SETS}
    fitted_on = SETS + DEV
    for seed in FIT_SEEDS:
        for name, kk, ru, gold in documents(fitted_on, seed, clean=seed == FIT_SEEDS[0], variants=FIT_VARIANTS):
            doc = next(n for n in fitted_on if name.startswith(Path(n).name[:20]))
            beads, feats = align_with_features(kk, ru, lexicon=lexicons.get(doc))
            right = {(b.kk, b.ru) for b in gold}
            rows.extend(feats)
            labels.extend(1.0 if (b.kk, b.ru) in right else 0.0 for b in beads)
    x = np.column_stack([np.ones(len(rows)), np.array(rows)])
    y = np.array(labels)
    # Wrong beads weigh WRONG_WEIGHT times a right one: the score is meant to send reviewers to them, so a
    # bead that is wrong one time in a hundred should already score below the doubt line (0.9).
    sample = np.where(y == 0.0, WRONG_WEIGHT, 1.0)
    w = np.zeros(x.shape[1])
    for _ in range(50):  # Newton's method with a small ridge penalty
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (sample * (y - p)) - 0.01 * w
        hess = (x * (sample * p * (1 - p))[:, None]).T @ x + 0.01 * np.eye(len(w))
        w += np.linalg.solve(hess, grad)
    p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
    wrong = y == 0.0
    print(f"{len(y)} beads, {int(wrong.sum())} wrong; on these beads: wrong beads scored >= 0.9: "
          f"{(p[wrong] >= 0.9).mean():.3f}, beads scored < 0.9: {(p < 0.9).mean():.3f}; coefficients:")
    print("COEFFICIENTS = (" + ", ".join(f"{v:.3f}" for v in w) + ")")


def _copies(size: int) -> list[Unit]:
    """Copies of the in-sample documents, each opened by a numbered heading, until ``size`` kk sentences."""
    docs = [load(name)[3] for name in SETS[:2]]
    units: list[Unit] = []
    copy = 0
    while sum(len(u.kk) for u in units) < size:
        copy += 1
        units.append(Unit([(f"Көшірме {1000 + copy}", -copy)], [(f"Копия {1000 + copy}", -copy)]))
        units.extend(Unit(list(u.kk), list(u.ru)) for u in docs[copy % len(docs)])
    while sum(len(u.kk) for u in units) > size:
        units.pop()
    return units


def _numbered(size: int) -> list[Unit]:
    """Numbered copies of one document, as the articles of a law are: every sentence opens with its number
    within its copy ("1. ", "2. " …), so numbers and words repeat once per copy and no sentence is unique."""
    kk0, ru0, gold0, _ = load("constitution_2026")
    units: list[Unit] = []
    while sum(len(u.kk) for u in units) < size:
        for k, b in enumerate(gold0):
            units.append(Unit([(f"{k + 1}. {kk0[i]}", 0) for i in b.kk], [(f"{k + 1}. {ru0[j]}", 0) for j in b.ru]))
    while sum(len(u.kk) for u in units) > size:
        units.pop()
    return units


def _drop_blocks(units: list[Unit], side: str, starts: tuple[float, ...], lengths: tuple[int, ...]) -> list[Unit]:
    """``side`` lacks the units of a block of ``lengths[k]`` units starting at the fraction ``starts[k]``."""
    for start, length in zip(starts, lengths):
        first = int(start * len(units))
        for u in units[first:first + length]:
            setattr(u, side, [])
    return units


def _insert_blocks(units: list[Unit], side: str, share: float, rng: random.Random) -> list[Unit]:
    """Blocks of sentences only ``side`` has (tatoeba sentences, untranslated), ``share`` of its sentences in
    blocks of 20 to 300."""
    foreign = [t for t, _ in (s for u in load(SETS[2])[3] for s in getattr(u, side))]
    want = int(share * sum(len(getattr(u, side)) for u in units))
    spots = sorted(rng.sample(range(1, len(units)), max(1, want // 120)), reverse=True)
    for n, spot in enumerate(spots):
        size = max(20, min(300, want // len(spots) + rng.randint(-15, 15)))
        block = [Unit(**{side: [(f"{foreign[(n * 7 + k) % len(foreign)]}", -10 - n)]}) for k in range(size)]
        units[spot:spot] = block
    return units


def scale_corpus(size: int) -> tuple[list[str], list[str], list[Bead]]:
    return emit(_copies(size))


def numbered_corpus(size: int, drop: bool = False) -> tuple[list[str], list[str], list[Bead]]:
    """Numbered copies (see ``_numbered``). With ``drop``, two blocks of 3 % each are missing from the ru side
    (a long run of one-sided beads; at 40,000 each is longer than a copy, so the gold is one of several
    equally right alignments: whole copies are interchangeable, see ``text_f1``)."""
    units = _numbered(size)
    if drop:
        _drop_blocks(units, "ru", (0.25, 2 / 3), (len(units) * 3 // 100,) * 2)
    return emit(units)


def numbered_short_blocks(size: int) -> tuple[list[str], list[str], list[Bead]]:
    """Numbered copies with the ru side missing four blocks that together hold less than a copy (6 % of the
    side, at most nine tenths of a copy): the gold is then the only right alignment. (Gaps that add up to a
    copy or more could take any whole copy instead: see ``numbered_corpus`` with ``drop``.)"""
    units = _numbered(size)
    copy = len(load("constitution_2026")[2])
    block = max(1, min(len(units) * 6 // 100, copy * 9 // 10) // 4)
    return emit(_drop_blocks(units, "ru", (0.2, 0.4, 0.6, 0.8), (block,) * 4))


def copies_dropped(size: int) -> tuple[list[str], list[str], list[Bead]]:
    """Copies with headings, 12 % of the ru side missing in four blocks: one of 1.5 copies, three shorter."""
    units = _copies(size)
    total = len(units) * 12 // 100
    long = min(total * 2 // 3, 1100)
    short = (total - long) // 3
    return emit(_drop_blocks(units, "ru", (0.1, 0.35, 0.6, 0.8), (long, short, short, short)))


def copies_half(size: int) -> tuple[list[str], list[str], list[Bead]]:
    """Copies with headings; the ru edition holds only the middle half of the document."""
    units = _copies(size)
    _drop_blocks(units, "ru", (0.0,), (len(units) // 4,))
    return emit(_drop_blocks(units, "ru", (0.75,), (len(units),)))


def copies_inserted(size: int) -> tuple[list[str], list[str], list[Bead]]:
    """Copies with headings and 10 % more kk sentences in blocks of 20–300 sentences no ru has."""
    return emit(_insert_blocks(_copies(size), "kk", 0.10, random.Random(SEED)))


def text_f1(kk: list[str], ru: list[str], gold: list[Bead], pred: list[Bead]) -> float:
    """F1 over beads compared by their texts, not their positions: in identical copies a sentence of one copy
    paired with the same sentence of another is as right as the gold (whole copies are interchangeable)."""
    from collections import Counter

    def texts(beads: list[Bead]) -> Counter:
        return Counter((tuple(kk[i] for i in b.kk), tuple(ru[j] for j in b.ru)) for b in beads)

    g, p = texts(gold), texts(pred)
    hits = sum((g & p).values())
    precision, recall = hits / max(1, sum(p.values())), hits / max(1, sum(g.values()))
    return 2 * precision * recall / (precision + recall) if hits else 0.0


CORPORA_AT_SCALE = {
    "numbered": numbered_corpus,
    "numbered, 6% ru dropped": lambda size: numbered_corpus(size, drop=True),
    "numbered, ru lacks <copy": numbered_short_blocks,
    "copies": scale_corpus,
    "copies, 12% ru dropped": copies_dropped,
    "copies, ru middle half": copies_half,
    "copies, 10% kk inserted": copies_inserted,
}


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (VmHWM: ru_maxrss would include the parent's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scale_child(kind: str, size: int) -> None:
    kk, ru, gold = CORPORA_AT_SCALE[kind](size)
    before = peak_rss_mb()
    t, cpu = time.perf_counter(), time.process_time()
    pred = align(kk, ru)
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    peak = peak_rss_mb()
    s = score_alignment(gold, pred)
    print(json.dumps({"kk": len(kk), "ru": len(ru), "seconds": seconds, "cpu": cpu, "rss_before_mb": before,
                      "rss_peak_mb": peak, "strict_f1": s.strict_f1, "text_f1": text_f1(kk, ru, gold, pred)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="skip the 40,000-sentence runs")
    parser.add_argument("--no-scale", action="store_true", help="skip all the runs at scale")
    parser.add_argument("--scale-only", action="store_true", help="only the runs at scale")
    parser.add_argument("--sizes", type=int, nargs="+", help="sentences a side of the runs at scale "
                        "(default 1000 10000 40000; 1000 10000 with --quick)")
    parser.add_argument("--seed", type=int, nargs="+", default=[SEED],
                        help=f"seeds of the perturbations (default {SEED}; tune on other seeds, e.g. 101-110; "
                        "the held-out sections are printed only with the default)")
    parser.add_argument("--dev-only", action="store_true",
                        help="only the DEV documents and the perturbed in-sample runs (no held-out document, "
                        "no runs at scale): for tuning")
    parser.add_argument("--fit", action="store_true", help="refit the confidence coefficients and print them")
    parser.add_argument("--scale-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scale_child:
        scale_child(args.scale_child[0], int(args.scale_child[1]))
        return
    if args.fit:
        fit_confidence()
        return
    if args.dev_only:
        dev_only(args.seed)
        return
    if not args.scale_only:
        for seed in args.seed:
            accuracy(seed, held_out=args.seed == [SEED])
    if not args.no_scale:
        at_scale(args)


HEADER = (f"{'set':48s} {'kk':>5s} {'ru':>5s} | {'strict':>6s} {'lax':>6s} {'sec':>6s} "
          f"{'low5%':>5s} {'rec':>5s} {'err':>5s} | {'GC str':>7s} {'GC lax':>7s} {'GC sec':>7s}")
LEGEND = ("(low5% = share of the lowest-scored 5 % of beads that are wrong; rec = share of the wrong beads "
          "found there; err = share of all beads that are wrong)")


def section(title: str, names: tuple[str, ...], seeds: list[int], pooled: str, clean: bool = True) -> None:
    """One section of documents: clean (once) and every perturbed variant for each seed, then the pooled ranking."""
    print(f"\n{title}\n{HEADER}")
    scored = []
    for k, seed in enumerate(seeds):
        if len(seeds) > 1:
            print(f"  seed {seed}")
        for name, kk, ru, gold in documents(names, seed, clean=clean and k == 0):
            scored += row(name, kk, ru, gold)
    pooled_ranking(pooled, scored)


def dev_only(seeds: list[int]) -> None:
    """The DEV documents (clean and perturbed) and the perturbed in-sample runs: what tuning may look at."""
    print(f"perturbation seeds {' '.join(map(str, seeds))}; DEV documents and perturbed in-sample runs only "
          "(no held-out document is aligned); NLTK Gale–Church (GC) as the baseline")
    print(LEGEND)
    section("DEV (tuned on from now on): " + ", ".join(Path(n).name for n in DEV), DEV, seeds,
            "dev, all runs pooled")
    section("IN-SAMPLE, perturbed", PERTURBED, seeds, "in-sample perturbed, all runs pooled", clean=False)


def accuracy(seed: int, held_out: bool = True) -> None:
    print(f"perturbation seed {seed}; NLTK Gale–Church (GC) as the baseline (hunalign is not in Debian)")
    header = HEADER
    print(LEGEND)
    print(f"\nIN-SAMPLE: documents the defaults, the confidence and the lexicon were tuned or learnt on\n{header}")
    scored = []
    for name, kk, ru, gold in documents(SETS, seed):
        scored += row(name, kk, ru, gold)
    pooled_ranking("in-sample, all runs pooled", scored)
    print(f"\nIN-SAMPLE, each document aligned with a lexicon not learnt from it (closer to an unseen document; "
          f"the defaults and the confidence were still tuned on these)\n{header}")
    lexicons = {name: lexicon_without(name) for name in SETS}
    scored = []
    for name, kk, ru, gold in documents(SETS, seed):
        doc = next(n for n in SETS if name.startswith(n[:20]))
        scored += row(name, kk, ru, gold, baseline=False, lexicon=lexicons[doc])
    pooled_ranking("in-sample without its own lexicon, all runs pooled", scored)
    section("DEV (tuned on from now on): " + ", ".join(Path(n).name for n in DEV), DEV, [seed],
            "dev, all runs pooled")
    if not held_out:
        print(f"\n(held-out sections left out: they are printed only with the reported seed {SEED})")
    else:
        print(f"\nHELD OUT: {HELD_OUT}, never tuned or fitted on\n{header}")
        held = []
        for name, kk, ru, gold in documents((HELD_OUT,), seed):
            held += row(name, kk, ru, gold)
        pooled_ranking("held out, all runs pooled", held)
        section("HELD OUT 2: " + ", ".join(Path(n).name for n in HELD_OUT_2) + ", never tuned or fitted on",
                HELD_OUT_2, [seed], "held out 2, all runs pooled")
    print("\nwith the paragraph structure of kk.raw.txt / ru.raw.txt passed in (Side.paragraph_starts):")
    for name in (*PERTURBED, *((HELD_OUT,) if held_out else ())):
        units = all_together(load(name)[3], random.Random(seed))
        kk, ru, gold = emit(units)
        row(f"{name[:20] + ' + all together'}", Side(kk, paragraph_starts(units, "kk")),
            Side(ru, paragraph_starts(units, "ru")), gold, baseline=False)


def at_scale(args: argparse.Namespace) -> None:
    print()
    print("(seconds: wall clock; cpu: processor time of the aligner, steadier on a busy machine; strict: F1 "
          "against the gold; by text: F1 of the beads compared by their texts, where whole identical copies are "
          "interchangeable and a gap longer than a copy has several equally right places)")
    print(f"{'corpus at scale':26s} {'size':>6s} {'kk':>6s} {'ru':>6s} {'seconds':>8s} {'cpu':>6s} "
          f"{'rss before MB':>14s} {'rss peak MB':>12s} {'strict':>7s} {'by text':>7s}")
    sizes = args.sizes or ((1_000, 10_000) if args.quick else (1_000, 10_000, 40_000))
    for kind in CORPORA_AT_SCALE:
        for size in sizes:
            command = [sys.executable, __file__, "--scale-child", kind, str(size)]
            out = subprocess.run(command, capture_output=True, text=True, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"{kind:26s} {size:6d} {r['kk']:6d} {r['ru']:6d} {r['seconds']:8.2f} {r['cpu']:6.2f} "
                  f"{r['rss_before_mb']:14.1f} {r['rss_peak_mb']:12.1f} {r['strict_f1']:7.3f} "
                  f"{r['text_f1']:7.3f}", flush=True)

if __name__ == "__main__":
    main()
