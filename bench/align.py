"""Benchmark of the sentence aligner: strict/lax F1 and time against NLTK's Gale–Church, on the bundled kk–ru
sets, on perturbed variants (fixed seed) and at 1,000 / 10,000 / 40,000 sentences a side.

Run from the project root: ``python bench/align.py`` (``--quick`` skips the 40,000 run; ``--seed N`` perturbs
with another seed, for tuning away from the reported one). Prints figures only.
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

SETS = (
    "constitution_2026", "law_state_independence_1991", "declaration_independence_20y",
    "tatoeba_kaz_rus_sample",
)
PERTURBED = ("constitution_2026", "declaration_independence_20y")
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
    "all together": all_together,
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


def row(name: str, kk: list[str], ru: list[str], gold: list[Bead],
        baseline: bool = True) -> list[tuple[float, bool]]:
    """Print one line of figures; return (score, wrong?) of every predicted bead."""
    t = time.perf_counter()
    pred = align(kk, ru)
    ours_time = time.perf_counter() - t
    s = score_alignment(gold, pred)
    rank = lowest_scored_error_rate(gold, pred)
    gc = "      -       -       -"
    if baseline:
        t = time.perf_counter()
        try:
            g = score_alignment(gold, gale_church(kk, ru))
            gc = f"{g.strict_f1:7.3f} {g.lax_f1:7.3f} {time.perf_counter() - t:7.2f}"
        except Exception as exc:  # the baseline's own failures are a figure too
            gc = f"   failed: {type(exc).__name__}"
    print(f"{name:48s} {len(kk):5d} {len(ru):5d} | {s.strict_f1:6.3f} {s.lax_f1:6.3f} {ours_time:6.2f} "
          f"{rank.precision:5.2f} {rank.recall:5.2f} {rank.error_rate:5.3f} | {gc}", flush=True)
    right = {(b.kk, b.ru) for b in gold}
    return [(b.score, (b.kk, b.ru) not in right) for b in pred]


def pooled_ranking(scored: list[tuple[float, bool]]) -> None:
    """Precision and recall of "wrong" among the lowest-scored beads of all runs taken together."""
    scored = sorted(scored)
    wrong = sum(w for _, w in scored)
    for share in (0.01, 0.05):
        count = max(1, round(share * len(scored)))
        caught = sum(w for _, w in scored[:count])
        print(f"all runs pooled: {len(scored)} beads, {wrong} wrong ({wrong / len(scored):.4f}); "
              f"lowest-scored {share:.0%}: precision {caught / count:.3f}, "
              f"recall {caught / max(wrong, 1):.3f}")


def scale_corpus(size: int) -> tuple[list[str], list[str], list[Bead]]:
    """Copies of the bundled documents, each opened by a numbered heading, until ``size`` kk sentences."""
    docs = [load(name)[3] for name in SETS[:3]]
    units: list[Unit] = []
    copy = 0
    while sum(len(u.kk) for u in units) < size:
        copy += 1
        units.append(Unit([(f"Көшірме {1000 + copy}", 0)], [(f"Копия {1000 + copy}", 0)]))
        units.extend(docs[copy % len(docs)])
    while sum(len(u.kk) for u in units) > size:
        units.pop()
    return emit(units)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (VmHWM: ru_maxrss would include the parent's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scale_child(size: int) -> None:
    kk, ru, gold = scale_corpus(size)
    before = peak_rss_mb()
    t = time.perf_counter()
    pred = align(kk, ru)
    seconds = time.perf_counter() - t
    peak = peak_rss_mb()
    s = score_alignment(gold, pred)
    print(json.dumps({"kk": len(kk), "ru": len(ru), "seconds": seconds, "rss_before_mb": before,
                      "rss_peak_mb": peak, "strict_f1": s.strict_f1}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip the 40,000-sentence run")
    parser.add_argument("--seed", type=int, default=SEED,
                        help=f"seed of the perturbations (default {SEED}; tune on other seeds, e.g. 101-110)")
    parser.add_argument("--scale-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scale_child:
        scale_child(args.scale_child)
        return
    seed = args.seed
    print(f"perturbation seed {seed}")
    print(f"{'set':48s} {'kk':>5s} {'ru':>5s} | {'strict':>6s} {'lax':>6s} {'sec':>6s} "
          f"{'low5%':>5s} {'rec':>5s} {'err':>5s} |"
          f" {'GC str':>7s} {'GC lax':>7s} {'GC sec':>7s}")
    print("(low5% = share of the lowest-scored 5 % of beads that are wrong; rec = share of the wrong beads "
          "found there; err = share of all beads that are wrong)")
    scored = []
    for name in SETS:
        kk, ru, gold, _ = load(name)
        scored += row(name, kk, ru, gold)
    for name in PERTURBED:
        units = load(name)[3]
        for variant, make in VARIANTS.items():
            kk, ru, gold = emit(make(units, random.Random(seed)))
            scored += row(f"{name[:20]} + {variant}", kk, ru, gold)
    pooled_ranking(scored)
    print("\nwith the paragraph structure of kk.raw.txt / ru.raw.txt passed in (Side.paragraph_starts):")
    for name in PERTURBED:
        units = all_together(load(name)[3], random.Random(seed))
        kk, ru, gold = emit(units)
        t = time.perf_counter()
        pred = align(Side(kk, paragraph_starts(units, "kk")), Side(ru, paragraph_starts(units, "ru")))
        s = score_alignment(gold, pred)
        print(f"{name[:20] + ' + all together':48s} {len(kk):5d} {len(ru):5d} | "
              f"{s.strict_f1:6.3f} {s.lax_f1:6.3f} {time.perf_counter() - t:6.2f}")
    print()
    print(f"{'size':>6s} {'kk':>6s} {'ru':>6s} {'seconds':>8s} {'rss before MB':>14s} {'rss peak MB':>12s} "
          f"{'strict':>7s}")
    for size in (1_000, 10_000) if args.quick else (1_000, 10_000, 40_000):
        command = [sys.executable, __file__, "--scale-child", str(size)]
        out = subprocess.run(command, capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{size:6d} {r['kk']:6d} {r['ru']:6d} {r['seconds']:8.2f} {r['rss_before_mb']:14.1f} "
              f"{r['rss_peak_mb']:12.1f} {r['strict_f1']:7.3f}", flush=True)


if __name__ == "__main__":
    main()
