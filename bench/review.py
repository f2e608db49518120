"""Server time of the review page and of bead edits on a 10,000-bead alignment (prints figures, no verdict).

Builds a scratch SQLite database with a Kazakh and a Russian edition of 10,000+ sentences each and a
10,000-bead alignment (mostly 1-1, some 2-1 and 1-0), then times through Flask's test client:
the first page, a middle page, a filtered page (low confidence first, unconfirmed), a search,
a bead confirmation, and a merge in the middle of the book followed by its undo (the merge renumbers
every later bead). Aims from issue 7: page under 150 ms, edit under 50 ms.

    python bench/review.py [--beads 10000] [--repeat 25]
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402

from workbench import create_app  # noqa: E402
from workbench.db import transaction, upgrade  # noqa: E402
from workbench.models import Alignment, Bead, Block, Edition, Segment  # noqa: E402
from workbench.services.accounts import create_user  # noqa: E402

KK_WORDS = "мемлекет тәуелсіздік қоғам саясат халық ел заң билік даму жаңа тарих ұлт еркіндік".split()
RU_WORDS = "государство независимость общество политика народ страна закон власть развитие новый".split()


def sentence(rng: random.Random, words: list[str], n: int) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(6, 22))).capitalize() + f" {n}."


def build(sessions, beads: int) -> tuple[int, int]:
    """Store the editions and the alignment; returns (alignment id, number of Kazakh sentences)."""
    rng = random.Random(7)
    shapes = [(1, 1)] * 90 + [(2, 1)] * 5 + [(1, 2)] * 3 + [(1, 0)] + [(0, 1)]
    plan = [rng.choice(shapes) for _ in range(beads)]
    with transaction(sessions) as s:
        ids = {}
        for lang, words, count in (("kk", KK_WORDS, sum(k for k, _ in plan)), ("ru", RU_WORDS, sum(r for _, r in plan))):
            edition = Edition(title="Бенчмарк", lang=lang, source_name=f"bench.{lang}.txt", sha256=f"bench-{lang}",
                              segment_count=count, block_count=count // 5 + 1, page_count=count // 30 + 1)
            s.add(edition)
            s.flush()
            block_ids = list(s.scalars(insert(Block).returning(Block.id, sort_by_parameter_order=True), [
                {"edition_id": edition.id, "position": i + 1, "kind": "heading" if i % 40 == 0 else "paragraph",
                 "text": "…", "page": i * 5 // 30 + 1, "start_line": i * 10 + 1, "end_line": i * 10 + 9}
                for i in range(count // 5 + 1)]))
            s.execute(insert(Segment), [
                {"edition_id": edition.id, "block_id": block_ids[(n - 1) // 5], "position": n,
                 "text": (t := sentence(rng, words, n)), "original": t, "page": (n - 1) // 30 + 1,
                 "start_line": 2 * n, "end_line": 2 * n, "is_heading": (n - 1) % 200 == 0,
                 "opens_block": (n - 1) % 5 == 0, "version": 1} for n in range(1, count + 1)])
            ids[lang] = edition.id
        alignment = Alignment(kk_edition_id=ids["kk"], ru_edition_id=ids["ru"], bead_count=beads)
        s.add(alignment)
        s.flush()
        rows, k, r = [], 1, 1
        for position, (nk, nr) in enumerate(plan, start=1):
            rows.append({"alignment_id": alignment.id, "position": position, "kk_start": k, "kk_end": k + nk,
                         "ru_start": r, "ru_end": r + nr, "score": round(rng.random(), 3), "status": "auto",
                         "version": 1})
            k, r = k + nk, r + nr
        s.execute(insert(Bead), rows)
        create_user(s, "bench", "bench-password", "editor")
        return alignment.id, k - 1


def timed(fn, repeat: int) -> tuple[float, float]:
    """(median, max) milliseconds of ``fn()`` over ``repeat`` runs after one warm-up run."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--beads", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"TESTING": True, "SECRET_KEY": "bench", "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite"})
        upgrade(app.extensions["workbench.engine"])
        sessions = app.extensions["workbench.sessions"]
        start = time.perf_counter()
        aid, sentences = build(sessions, args.beads)
        print(f"built {args.beads} beads over {sentences} Kazakh sentences in {time.perf_counter() - start:.1f} s "
              f"(SQLite, page size {app.config.get('REVIEW_PAGE_SIZE', 50)})")
        client = app.test_client()
        html = client.get("/auth/login").get_data(as_text=True)
        token = html.split('name="csrf-token" content="')[1].split('"')[0]
        client.post("/auth/login", data={"name": "bench", "password": "bench-password", "csrf_token": token})
        token = client.get("/auth/login").get_data(as_text=True).split('name="csrf-token" content="')[1].split('"')[0]
        base = f"/alignments/{aid}"
        middle = args.beads // 50 // 2

        def get(url):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        print(f"{'what':44} {'median ms':>10} {'max ms':>8}")
        for label, url in (("review page: first page", base), (f"review page: middle page (p={middle})", f"{base}?p={middle}"),
                           ("review page: low confidence first, unconfirmed", f"{base}?order=score&status=auto"),
                           ("review page: 1-0 / 0-1 only, page 2", f"{base}?shape=skip&p=2"),
                           ("review page: search «тәуелсіздік» in kk", f"{base}?q=тәуелсіздік&lang=kk&p=3")):
            median, worst = timed(lambda: get(url), args.repeat)
            print(f"{label:44} {median:10.1f} {worst:8.1f}")

        with transaction(sessions) as s:
            bead = s.scalar(select(Bead).where(Bead.alignment_id == aid, Bead.position == args.beads // 2))
            bead_id, version = bead.id, bead.version
        state = {"version": version, "confirmed": False}

        def confirm():
            op = "unconfirm" if state["confirmed"] else "confirm"
            response = client.post(f"{base}/api/beads/{bead_id}/{op}", json={"version": state["version"]},
                                   headers={"X-CSRF-Token": token})
            assert response.status_code == 200, response.get_json()
            state["version"] += 1
            state["confirmed"] = not state["confirmed"]

        median, worst = timed(confirm, args.repeat)
        print(f"{'bead edit: confirm / unconfirm (middle)':44} {median:10.1f} {worst:8.1f}")

        def merge_and_undo():
            with transaction(sessions) as s:
                a, b = s.execute(select(Bead.id, Bead.version).where(
                    Bead.alignment_id == aid, Bead.position.in_([args.beads // 3, args.beads // 3 + 1]))
                    .order_by(Bead.position)).all()
            t0 = time.perf_counter()
            response = client.post(f"{base}/api/beads/{a.id}/merge", json={"version": a.version, "next_version": b.version},
                                   headers={"X-CSRF-Token": token})
            merge_ms.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, response.get_json()
            t0 = time.perf_counter()
            response = client.post(f"{base}/api/undo", json={}, headers={"X-CSRF-Token": token})
            undo_ms.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, response.get_json()

        merge_ms: list[float] = []
        undo_ms: list[float] = []
        for _ in range(args.repeat + 1):
            merge_and_undo()
        print(f"{'bead edit: merge (renumbers ~6,700 beads)':44} {statistics.median(merge_ms[1:]):10.1f} "
              f"{max(merge_ms[1:]):8.1f}")
        print(f"{'bead edit: undo of that merge':44} {statistics.median(undo_ms[1:]):10.1f} {max(undo_ms[1:]):8.1f}")
        app.extensions["workbench.engine"].dispose()


if __name__ == "__main__":
    main()
