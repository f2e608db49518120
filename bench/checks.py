"""Time the one-edition checks on the whole Kazakh edition and print the findings per check.

Usage: ``python bench/checks.py [FILE] [--lang kk]``. Prints the time to read and clean the file, the
time of each check, the total time of all checks, the peak memory and the count of findings per check
and severity, all with the shipped glossary as the product runs them; then the time of the checking
service on the edition imported into a scratch SQLite database (what "Run the checks" costs). Figures,
not pass/fail.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.checks.registry import EDITION_CHECKS, enabled_checks  # noqa: E402
from workbench.checks.runner import run_edition_checks  # noqa: E402
from workbench.cli.checks import edition_from_file  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(ROOT / "corpora" / "chebotarev-2021.kk.txt"))
    parser.add_argument("--lang", default="kk", choices=["kk", "ru"])
    args = parser.parse_args()

    t0 = time.perf_counter()
    edition = edition_from_file(args.file, args.lang)
    from workbench.services.glossary import load_glossary

    edition.glossary = load_glossary()
    t_load = time.perf_counter() - t0
    print(f"file      {args.file}")
    print(f"read+clean+segment  {t_load:6.2f} s   "
          f"({len(edition.blocks)} blocks, {len(edition.sentences)} sentences)")

    # Each check alone on a fresh edition (shared analyses are not reused between checks here).
    print("\nper check (s)")
    for cls in enabled_checks(EDITION_CHECKS):
        fresh = _copy(edition)
        t = time.perf_counter()
        cls().run(fresh)
        print(f"  {cls.id:28} {time.perf_counter() - t:6.3f}")

    t, cpu = time.perf_counter(), time.process_time()
    findings = run_edition_checks(_copy(edition))
    t_all, cpu_all = time.perf_counter() - t, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nall one-edition checks  {t_all:6.2f} s wall, {cpu_all:.2f} s CPU (with reading: "
          f"{t_all + t_load:.2f} s); peak RSS {peak_mb:.0f} MB; load average {os.getloadavg()[0]:.1f}")

    print("\nfindings per check")
    by_check = Counter(f.check for f in findings)
    for cls in enabled_checks(EDITION_CHECKS):
        print(f"  {cls.id:28} {cls.severity:8} {by_check.get(cls.id, 0):5}")
    print(f"  {'total':28} {'':8} {len(findings):5}")

    print(f"\nchecking service on the imported edition: {_stored(args.file, args.lang):.2f} s "
          "(read from the database, checked, findings merged)")

    print("\nglossary-term-missing on the bundled aligned pairs (gold beads, project glossary)")
    for name, count, beads in _glossary_on_pairs():
        print(f"  {name:32} {count:5} findings in {beads} beads")


def _glossary_on_pairs():
    from workbench.align import parse_beads
    from workbench.checks.base import Pair
    from workbench.checks.bilingual import GlossaryTermMissingCheck
    from workbench.cli.terms import load_glossary
    from workbench.text.model import Sentence

    glossary = load_glossary()
    for folder in sorted(p for p in (ROOT / "corpora").iterdir() if (p / "gold.txt").is_file()):
        sides = [[Sentence(t, 0, 1, i + 1, i + 1) for i, t in enumerate(
            (folder / f"{lang}.txt").read_text(encoding="utf-8").splitlines())] for lang in ("kk", "ru")]
        gold = parse_beads((folder / "gold.txt").read_text(encoding="utf-8"), str(folder / "gold.txt"))
        found = GlossaryTermMissingCheck().run(Pair(sides[0], sides[1], gold, glossary))
        yield folder.name, len(found), len(gold)


def _stored(path: str, lang: str) -> float:
    import tempfile

    from workbench.db import make_engine, session_factory, transaction, upgrade
    from workbench.services import checking, glossary
    from workbench.services.importing import import_file

    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/bench.sqlite")
        upgrade(engine)
        sessions = session_factory(engine)
        with transaction(sessions) as session:
            glossary.load_shipped(session, ROOT / "glossary")
            edition = import_file(session, Path(path), lang).edition
        t = time.perf_counter()
        with transaction(sessions) as session:
            checking.check_edition(session, edition)
        elapsed = time.perf_counter() - t
        engine.dispose()
    return elapsed


def _copy(edition):
    from workbench.checks.base import Edition

    return Edition(edition.lang, edition.blocks, edition.sentences, edition.glossary)


if __name__ == "__main__":
    main()
