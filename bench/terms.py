"""Benchmark of glossary recognition: load the shipped glossary, find its terms in the whole book.

Run: ``python bench/terms.py [--lang kk] [FILE]``. Prints the time and peak Python memory
(tracemalloc) of loading ``glossary/*.tsv`` and building the matcher, of cleaning the book, and of
finding every term in the cleaned book; then the number of hits, hits per second of text and the
twenty entries with most hits. Without ``workbench.text.cleanup`` the raw lines are joined instead.
"""
from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.services.glossary import load_glossary  # noqa: E402
from workbench.text import pipeline  # noqa: E402
from workbench.glossary.matching import TermMatcher  # noqa: E402

BOOK = ROOT / "corpora" / "chebotarev-2021.kk.txt"


def measured(label: str, work):  # type: ignore[no-untyped-def]
    """Run ``work()``, print its wall time and peak traced memory, return its result."""
    tracemalloc.start()
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<34} {seconds:7.3f} s   peak {peak / 2**20:7.1f} MiB")
    return result, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(BOOK))
    parser.add_argument("--lang", default="kk", choices=["kk", "ru"])
    args = parser.parse_args()
    path = Path(args.file)

    entries, _ = measured("load glossary (parse TSV)", lambda: load_glossary())
    matcher, _ = measured("  build matcher alone", lambda: TermMatcher(entries))
    blocks, _ = measured("read + clean text", lambda: pipeline.blocks_of(path.read_bytes(), str(path)).blocks)
    hits, seconds = measured("find terms (whole text)", lambda: matcher.find_in_blocks(blocks, args.lang))
    chars = sum(len(b.text) for b in blocks)
    # Once more without tracemalloc, which slows Python code down severalfold.
    start = time.perf_counter()
    matcher.find_in_blocks(blocks, args.lang)
    untraced = time.perf_counter() - start

    print()
    print(f"text: {path.name}, {len(blocks)} blocks, {chars:,} characters")
    print(f"glossary: {len(entries)} entries, {len(matcher)} distinct terms indexed")
    print(f"hits: {len(hits):,} ({len({h.hit.entry_id for h in hits})} entries found at least once)")
    print(f"find time without tracing: {untraced:.3f} s ({chars / untraced / 1e6:.2f} M chars/s)")
    print()
    by_id = {e.id: e for e in entries}
    other = "ru" if args.lang == "kk" else "kk"
    print("top 20 entries by hits:")
    for entry_id, count in Counter(h.hit.entry_id for h in hits).most_common(20):
        entry = by_id[entry_id]
        here, there = entry.preferred(args.lang), entry.preferred(other)
        print(f"{count:6d}  {entry_id:<10} {here.text if here else '':<40} {there.text if there else ''}")


if __name__ == "__main__":
    main()
