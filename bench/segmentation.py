"""Benchmark of the text pipeline: sentence-boundary scores on the bilingual sets, and the book.

Run: ``python bench/segmentation.py``. For every set in ``corpora/`` the paragraph files
``kk.raw.txt``/``ru.raw.txt`` go through read_lines → clean → segment and the sentence starts are
compared with the gold one-sentence-per-line files ``kk.txt``/``ru.txt``. A boundary is the
offset, in the text with all whitespace removed (so spacing never counts), where a sentence
other than the first starts. "inner" counts only boundaries inside a paragraph (every line
break of a raw file is a boundary for free). Then the whole book is cleaned and segmented and
its time, peak memory and counts are printed.
"""
from __future__ import annotations

import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.text import pipeline  # noqa: E402

CORPORA = ROOT / "corpora"
BOOK = CORPORA / "chebotarev-2021.kk.txt"


def starts(sentences: list[str]) -> tuple[set[int], int]:
    """Whitespace-free offsets where each sentence after the first starts, and the total length."""
    found, offset = set(), 0
    for i, s in enumerate(sentences):
        if i:
            found.add(offset)
        offset += len("".join(s.split()))
    return found, offset


def paragraph_starts(paragraphs: list[str]) -> set[int]:
    return starts(paragraphs)[0]


def prf(gold: set[int], pred: set[int]) -> tuple[float, float, float, int, int, int]:
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, len(pred), len(gold)


def score_file(set_dir: Path, lang: str) -> tuple[tuple, tuple, list[str]]:
    raw = (set_dir / f"{lang}.raw.txt").read_bytes()
    gold_sents = (set_dir / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    pred_sents = [s.text for s in pipeline.sentences_of(raw, str(set_dir / f"{lang}.raw.txt"), lang).sentences]
    gold, n_gold = starts(gold_sents)
    pred, n_pred = starts(pred_sents)
    notes = [] if n_gold == n_pred else [f"text length differs: gold {n_gold}, ours {n_pred}"]
    paras = paragraph_starts([b.text for b in blocks])
    return prf(gold, pred), prf(gold - paras, pred - paras), notes


def fmt(row: tuple) -> str:
    p, r, f, tp, npred, ngold = row
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} ({tp}/{npred} pred, {ngold} gold)"


def bench_sets() -> None:
    print("Sentence boundaries (all | inside paragraphs only)")
    totals = {"kk": [0, 0, 0, 0, 0, 0], "ru": [0, 0, 0, 0, 0, 0]}
    for set_dir in sorted(p for p in CORPORA.iterdir() if (p / "gold.txt").exists()):
        for lang in ("kk", "ru"):
            full, inner, notes = score_file(set_dir, lang)
            print(f"  {set_dir.name:32s} {lang}  {fmt(full)} | inner {fmt(inner)}")
            for note in notes:
                print(f"      note: {note}")
            t = totals[lang]
            t[0] += full[3]; t[1] += full[4]; t[2] += full[5]  # noqa: E702
            t[3] += inner[3]; t[4] += inner[4]; t[5] += inner[5]  # noqa: E702
    for lang, (tp, npred, ngold, itp, inpred, ingold) in totals.items():
        p, r = tp / npred, tp / ngold
        ip, ir = (itp / inpred if inpred else 1.0), (itp / ingold if ingold else 1.0)
        print(f"  TOTAL {lang}: P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r):.3f}"
              f" | inner P {ip:.3f} R {ir:.3f} F1 {2 * ip * ir / (ip + ir) if ip + ir else 0:.3f}")


def run_book(data: bytes):
    t1 = time.perf_counter()
    cleaned = pipeline.blocks_of(data, str(BOOK))
    t2 = time.perf_counter()
    sentences = pipeline.split(cleaned, "kk").sentences
    t3 = time.perf_counter()
    return cleaned, sentences, (t2 - t1, t3 - t2)


def bench_book() -> None:
    data = BOOK.read_bytes()
    # Timing without tracemalloc (it slows Python code several times), best of three runs.
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        cleaned, sentences, (t_clean, t_segment) = run_book(data)
        runs.append((time.perf_counter() - t0, t_clean, t_segment))
    total, t_clean, t_segment = min(runs)
    tracemalloc.start()
    run_book(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rep = cleaned.report
    kinds = {k: sum(b.kind == k for b in cleaned.blocks) for k in ("paragraph", "heading", "list_item")}
    print(f"\nBook {BOOK.name}: {rep.lines} lines, {len(data):,} bytes")
    print(f"  read + clean + segment {total:.2f} s (clean {t_clean:.2f} s,"
          f" segment incl. Punkt training {t_segment:.2f} s; best of 3)")
    print(f"  peak traced memory {peak / 2**20:.0f} MiB;"
          f" max RSS of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    print(f"  pages {rep.pages}, blocks {len(cleaned.blocks)} {kinds}, sentences {len(sentences)}")
    print(f"  headers removed {rep.headers_removed}, page numbers removed {rep.page_numbers_removed},"
          f" hyphenations joined {rep.hyphenations_joined}, hyphens kept {rep.hyphens_kept}")


if __name__ == "__main__":
    bench_sets()
    bench_book()
