"""gunicorn settings for a team server: ``gunicorn -c gunicorn.conf.py`` from the project folder.

The master process migrates the schema and does the first-start set-up once (``on_starting``), then
starts the workers. Settings by environment: ``DATABASE_URL`` (PostgreSQL for a team),
``WORKBENCH_BIND`` (default 127.0.0.1:8000; put a TLS proxy in front for other machines),
``WORKBENCH_WORKERS`` (default 4 processes) and ``WORKBENCH_THREADS`` (default 4 threads each).
"""
import os

wsgi_app = "workbench.wsgi:app"
bind = os.environ.get("WORKBENCH_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WORKBENCH_WORKERS", "4"))
threads = int(os.environ.get("WORKBENCH_THREADS", "4"))
worker_class = "gthread"
timeout = 120  # a large import or export may take a while; the worker is not killed meanwhile
graceful_timeout = 30
# Idle keep-alive connections stay open this long (gunicorn's 2 s default closes them while a reviewer
# reads a page, and a request sent at that moment is reset).
keepalive = 75
max_requests = 5000  # recycle workers now and then
max_requests_jitter = 500
forwarded_allow_ips = "127.0.0.1"  # trust X-Forwarded-Proto (https → Secure cookies) from a local proxy
control_socket_disable = True  # nothing here uses gunicornc; several servers on one machine do not collide
errorlog = "-"
loglevel = "info"


def on_starting(server):
    from workbench.wsgi import prepare_database

    prepare_database(server.log.info)
