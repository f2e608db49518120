"""The job queue under load: how many jobs per second N workers claim and finish, and a check that each ran
exactly once (prints figures, no verdict).

Queues ``--jobs`` jobs whose work is a no-op (so the figure is the queue's own cost: claim, heartbeat,
result) and runs them with ``--workers`` threads, each with its own database connection, as several
worker processes would. SQLite in a scratch file by default; ``--database-url`` for PostgreSQL.

    python bench/jobs.py [--jobs 300] [--workers 4] [--database-url postgresql+psycopg://…]
"""
from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench import create_app  # noqa: E402
from workbench.db import transaction, upgrade  # noqa: E402
from workbench.services import job_kinds, jobs  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=300)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--database-url", help="default: a scratch SQLite file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{folder}/bench.sqlite"
        app = create_app({"SECRET_KEY": "bench", "DATABASE_URL": url, "JOB_HEARTBEAT_SECONDS": 0.5})
        upgrade(app.extensions["workbench.engine"])
        factory = app.extensions["workbench.sessions"]
        runs: collections.Counter[int] = collections.Counter()
        lock = threading.Lock()

        def noop(_factory, arguments, _payload, progress, _user, _config):
            progress(0.5, "half way")
            with lock:
                runs[arguments["n"]] += 1
            return {"summary": "done"}

        job_kinds.HANDLERS["harvest"] = noop
        with transaction(factory) as session:
            for n in range(args.jobs):
                jobs.submit(session, "harvest", {"n": n}, "bench")
        workers = [jobs.Worker(factory, app.config, name=f"{jobs.worker_name()}:{i}", poll=0.01)
                   for i in range(args.workers)]
        threads = [threading.Thread(target=w.run_until_idle) for w in workers]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - start
        twice = sum(1 for v in runs.values() if v > 1)
        missing = args.jobs - len(runs)
        print(f"database: {app.extensions['workbench.engine'].dialect.name}, workers: {args.workers}, jobs: {args.jobs}")
        print(f"finished in {elapsed:.2f} s: {args.jobs / elapsed:.0f} jobs/s, "
              f"{1000 * elapsed * args.workers / args.jobs:.1f} ms of a worker per job")
        print(f"run twice: {twice}; never run: {missing}")
        if args.database_url:
            with transaction(factory) as session:
                session.execute(jobs.Job.__table__.delete())
        app.extensions["workbench.engine"].dispose()


if __name__ == "__main__":
    main()
