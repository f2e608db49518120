"""gunicorn settings for a team server: ``gunicorn -c gunicorn.conf.py`` from the project folder.

The master process migrates the schema and does the first-start set-up once (``on_starting``), then
starts the workers. Settings by environment: ``DATABASE_URL`` (PostgreSQL for a team),
``WORKBENCH_BIND`` (default 127.0.0.1:8000; put a TLS proxy in front for other machines),
``WORKBENCH_WORKERS`` (default 3 processes) and ``WORKBENCH_THREADS`` (default 2 threads each).

Why 3 × 2 on a machine of 2 cores (measured with ``bench/load.py --api``, 50 reviewers without pauses,
PostgreSQL on the same machine, other work running beside it): Python runs one thread at a time per
process, so processes, not threads, use the cores; one more process than cores keeps both busy while
one waits for PostgreSQL, and a second thread lets a process run Python while a request waits for the
database. Each kept-alive connection stays with the worker that accepted it, so many threads per
worker only queue requests behind one another: confirm/unconfirm alone answered p95 209 ms at
3 × 2 and 218 ms at 4 × 2, against 328 ms at 4 × 4, 404 ms at 4 × 1 and 467 ms at 6 × 2; with
pages and searches mixed in, 3 × 2 did best as well. On more cores, raise WORKBENCH_WORKERS to
cores + 1. Database connections: each thread holds at most two (its request's and a write
transaction's), so a worker needs threads × 2; SQLAlchemy's default pool (5, overflow 10) per worker
covers that, and workers × 15 stays below PostgreSQL's default max_connections of 100, with room for
the job worker and psql.
"""
import os

wsgi_app = "workbench.wsgi:app"
bind = os.environ.get("WORKBENCH_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WORKBENCH_WORKERS", "3"))
threads = int(os.environ.get("WORKBENCH_THREADS", "2"))
worker_class = "gthread"
timeout = 120  # a large import or export may take a while; the worker is not killed meanwhile
graceful_timeout = 30
# Idle keep-alive connections stay open this long (gunicorn's 2 s default closes them while a reviewer
# reads a page, and a request sent at that moment is reset).
keepalive = 75
# Recycle workers now and then; not too often: a new worker spends a second or two of CPU starting
# (imports, catalogues, the glossary matcher) and closes its kept-alive connections.
max_requests = 100_000
max_requests_jitter = 10_000
forwarded_allow_ips = "127.0.0.1"  # trust X-Forwarded-Proto (https → Secure cookies) from a local proxy
control_socket_disable = True  # nothing here uses gunicornc; several servers on one machine do not collide
errorlog = "-"
loglevel = "info"


def on_starting(server):
    from workbench.wsgi import prepare_database

    prepare_database(server.log.info)
