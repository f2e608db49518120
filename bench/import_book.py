"""Time and peak memory of importing the whole book into a fresh SQLite database (the CLI's path).

Run: python bench/import_book.py [DATABASE_URL]. Each size is measured in a fresh process so that
the peak resident memory (ru_maxrss) belongs to the import alone.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "corpora" / "chebotarev-2021.kk.txt"

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from workbench import create_app
from workbench.db import transaction, upgrade
from workbench.services.importing import import_file
app = create_app({"DATABASE_URL": sys.argv[1], "SECRET_KEY": "bench"})
upgrade(app.extensions["workbench.engine"])
t0 = time.perf_counter()
with transaction(app.extensions["workbench.sessions"]) as s:
    r = import_file(s, Path(sys.argv[2]), "kk", "bench")
    counts = {"pages": r.edition.page_count, "blocks": r.edition.block_count, "sentences": r.edition.segment_count,
              "headers_removed": r.edition.headers_removed, "hyphenations_joined": r.edition.hyphenations_joined}
elapsed = time.perf_counter() - t0
print(json.dumps({"seconds": elapsed, "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, **counts}))
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = sys.argv[1] if len(sys.argv) > 1 else f"sqlite:///{tmp}/bench.sqlite"
        runs = []
        for i in range(3):
            run_url = url if len(sys.argv) > 1 else f"sqlite:///{tmp}/bench{i}.sqlite"
            out = subprocess.run([sys.executable, "-c", CHILD, run_url, str(BOOK)], capture_output=True,
                                 text=True, check=True, cwd=ROOT)
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
            if len(sys.argv) > 1:
                break
    best = min(runs, key=lambda r: r["seconds"])
    print(f"Import of the whole book ({BOOK.name}, {BOOK.stat().st_size:,} bytes) into {url.split(':')[0]}")
    print(f"  time: best {best['seconds']:.2f} s of {len(runs)} runs "
          "(" + ", ".join(f"{r['seconds']:.2f}" for r in runs) + ")")
    print(f"  peak memory (max RSS of the importing process): {max(r['max_rss_mb'] for r in runs):.0f} MB")
    print(f"  pages {best['pages']}, blocks {best['blocks']}, sentences {best['sentences']}, "
          f"headers and page numbers removed {best['headers_removed']}, "
          f"hyphenations joined {best['hyphenations_joined']}")


if __name__ == "__main__":
    main()
