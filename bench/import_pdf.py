"""Time and peak memory of importing a 400-page PDF edition into a fresh SQLite database (the CLI's path).

The PDF is the Kazakh book (corpora/chebotarev-2021.kk.txt, cleaned by the text pipeline) laid out as a
printed A5 book with reportlab and Debian's DejaVu Serif: justified, hyphenated, running header and page
numbers, headings set apart (tests/printed_pdf.py). Each run imports it in a fresh process so that the peak
resident memory (ru_maxrss) belongs to the import alone; the phases come from the importer's progress calls.

Run: python bench/import_pdf.py [PAGES]   (default 400)
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

BOOK = ROOT / "corpora" / "chebotarev-2021.kk.txt"

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from workbench import create_app
from workbench.db import transaction, upgrade
from workbench.services.importing import import_file
app = create_app({"DATABASE_URL": sys.argv[1], "SECRET_KEY": "bench"})
upgrade(app.extensions["workbench.engine"])
marks = []
t0 = time.perf_counter()
def progress(fraction, message):
    marks.append((time.perf_counter() - t0, fraction, message))
with transaction(app.extensions["workbench.sessions"]) as s:
    r = import_file(s, Path(sys.argv[2]), "kk", "bench", 50 * 1024 * 1024, progress=progress)
    e = r.edition
    counts = {"pages": e.page_count, "blocks": e.block_count, "sentences": e.segment_count,
              "furniture_removed": e.headers_removed, "hyphenations_joined": e.hyphenations_joined}
elapsed = time.perf_counter() - t0
read = next(t for t, f, m in marks if m == "splitting into sentences")
store = next(t for t, f, m in marks if m.startswith("storing"))
print(json.dumps({"seconds": elapsed, "read": read, "split": store - read, "store": elapsed - store,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, **counts}))
"""


def build(path: Path, pages: int) -> tuple[int, float]:
    from printed_pdf import lay_out
    from workbench.text import pipeline

    blocks = pipeline.blocks_of(BOOK.read_bytes(), str(BOOK)).blocks
    headings = frozenset(i for i, b in enumerate(blocks) if b.kind == "heading")
    start = time.perf_counter()
    result = lay_out([b.text for b in blocks], path, "Егемен Қазақстандағы саяси ойтаным", headings=headings,
                     max_pages=pages)
    return result.pages, time.perf_counter() - start


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "book.kk.pdf"
        laid_out, build_seconds = build(pdf, pages)
        runs = []
        for i in range(3):
            out = subprocess.run([sys.executable, "-c", CHILD, f"sqlite:///{tmp}/bench{i}.sqlite", str(pdf)],
                                 capture_output=True, text=True, check=True, cwd=ROOT)
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        size = pdf.stat().st_size
    best = min(runs, key=lambda r: r["seconds"])
    print(f"Import of a {laid_out}-page PDF ({size:,} bytes; the book laid out with reportlab in "
          f"{build_seconds:.1f} s) into SQLite")
    print(f"  time: best {best['seconds']:.2f} s of {len(runs)} runs ("
          + ", ".join(f"{r['seconds']:.2f}" for r in runs) + ")")
    print(f"    read the PDF (pages, furniture, paragraphs, hyphens) {best['read']:.2f} s, "
          f"split into sentences {best['split']:.2f} s, store {best['store']:.2f} s")
    print(f"  peak memory (max RSS of the importing process): {max(r['max_rss_mb'] for r in runs):.0f} MB")
    print(f"  pages {best['pages']}, blocks {best['blocks']}, sentences {best['sentences']}, "
          f"running headers and page numbers removed {best['furniture_removed']}, "
          f"hyphenations joined {best['hyphenations_joined']}")


if __name__ == "__main__":
    main()
