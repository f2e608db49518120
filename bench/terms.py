"""Benchmark of the glossary: recognition in the book, exchange files, search and harvest.

Run: ``python bench/terms.py [--lang kk] [--no-exchange] [FILE]``. Prints the time and peak Python
memory (tracemalloc) of loading ``glossary/*.tsv`` and building the matcher, of cleaning the book, and
of finding every term in the cleaned book; then the number of hits, hits per second of text and the
twenty entries with most hits, and what the context restriction of «азаматтық» changes. Then, on a
scratch SQLite database: each exchange format's export time and size and what re-importing it would
change; the rank of the expected entry for a few searches; the harvest of the 2026 Constitution's
alignment (time, candidates, the top of the queue).
"""
from __future__ import annotations

import argparse
import dataclasses
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
    parser.add_argument("--no-exchange", action="store_true", help="only the recognition figures")
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
    counts = Counter(h.hit.entry_id for h in hits)
    for entry_id, count in counts.most_common(20):
        entry = by_id[entry_id]
        here, there = entry.preferred(args.lang), entry.preferred(other)
        print(f"{count:6d}  {entry_id:<10} {here.text if here else '':<40} {there.text if there else ''}")
    if args.lang == "kk" and "term-0392" in by_id:
        free = [dataclasses.replace(e, terms=[dataclasses.replace(t, context=None) for t in e.terms])
                for e in entries]
        unrestricted = Counter(h.hit.entry_id for h in TermMatcher(free).find_in_blocks(blocks, "kk"))
        print(f"\n«азаматтық» counted as «гражданство» (term-0392): {counts['term-0392']} with its context "
              f"restriction, {unrestricted['term-0392']} without")
    if not args.no_exchange:
        exchange()


def exchange() -> None:
    """Exchange formats, search ranks and the harvest, on a scratch database."""
    import tempfile

    from workbench import create_app
    from workbench.db import transaction, upgrade
    from workbench.formats.registry import names
    from workbench.services import glossary, harvesting
    from workbench.services.aligning import align_editions
    from workbench.services.importing import import_file

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite", "SECRET_KEY": "bench"})
        upgrade(app.extensions["workbench.engine"])
        sessions = app.extensions["workbench.sessions"]
        with transaction(sessions) as s:
            glossary.load_shipped(s, ROOT / "glossary")
        print("\nexchange (the stored shipped glossary):")
        print(f"{'format':<8} {'export s':>9} {'bytes':>10} {'re-import s':>12}  re-import would")
        for fmt in names("glossary", writable=True):
            with transaction(sessions) as s:
                start = time.perf_counter()
                data = glossary.export(s, fmt)
                took = time.perf_counter() - start
                start = time.perf_counter()
                plan = glossary.import_data(s, data, f"glossary.{fmt}", fmt, dry_run=True)
                again = time.perf_counter() - start
                s.rollback()
            print(f"{fmt:<8} {took:9.3f} {len(data):10,} {again:12.3f}  {plan.summary()}")
        print("\nsearch (rank of the expected entry / matches):")
        for query, expected in [("Парламент", "term-0002"), ("партиясының", "term-0344"), ("Қазақстан", "abbr-074"),
                                ("Казахстан", "abbr-074"), ("ҚР-ның", "abbr-074"), ("ЕАИО", "abbr-001")]:
            with transaction(sessions) as s:
                start = time.perf_counter()
                rows, total = glossary.search(s, query, limit=1000)
                took = time.perf_counter() - start
                ids = [r.id for r in rows]
            rank = ids.index(expected) + 1 if expected in ids else None
            print(f"  {query:<14} {expected:<10} rank {rank} of {total}  ({took * 1000:.0f} ms)")
        folder = ROOT / "corpora" / "constitution_2026"
        with transaction(sessions) as s:
            kk = import_file(s, folder / "kk.raw.txt", "kk", "Конституция").edition
            ru = import_file(s, folder / "ru.raw.txt", "ru", "Конституция").edition
            align_editions(s, kk, ru)
        with transaction(sessions) as s:
            start = time.perf_counter()
            done = harvesting.harvest(s)
            took = time.perf_counter() - start
        with transaction(sessions) as s:
            rows, total = harvesting.queue_page(s, limit=20)
            print(f"\nharvest of the constitution alignment (glossary loaded): {took:.2f} s, {done.summary()}")
            print(f"top of the queue ({total} pending; {harvesting.SCORE_MEANING.split('.')[0]}):")
            for c in rows:
                print(f"  {c.score:7.1f}  {c.kind:<12} {c.kk:<40} {c.ru}")
        app.extensions["workbench.engine"].dispose()


if __name__ == "__main__":
    main()
