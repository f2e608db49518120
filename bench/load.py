"""Many reviewers at once against a real server: latency per kind of request, status counts, and a check
that nothing was lost (prints figures, no verdict).

N simulated reviewers (default 50, each a translator with its own login) work for a bounded time
(default 60 s) against a server on this machine only (loopback addresses; anything else is refused):
they read review pages and edition pages, confirm and unconfirm beads — a share of them the same few
beads, to force conflicts — and search the glossary. Edits go through the review page's JSON endpoint
with the session cookie and CSRF token (``--api`` switches to the JSON API with bearer tokens,
``POST /api/beads/ID {"action", "version"}``, tokens made by ``python run.py users token NAME``).

Afterwards, from the database: every accepted edit (200) must be in the bead's history exactly once,
no edit may be in the history that was not accepted, and every refused one must have been a 409
carrying the bead's current state at a newer version. Prints p50/p95/p99/max per kind, status counts,
the verification, the 5xx count, the CPU the load generator and the server used, and the load average
(other work on the machine makes every figure worse; compare runs made in the same conditions). Each
reviewer keeps one HTTP connection open, as a browser does.

    # against a gunicorn it starts itself (stopped at the end) on PostgreSQL:
    python bench/load.py --database-url postgresql+psycopg://workbench:workbench@127.0.0.1/workbench_load --start-server
    # against a server already running on this machine with the same database:
    python bench/load.py --database-url URL --url http://127.0.0.1:8000

The database gets the bundled corpora (first start) if it has no alignment, and users load01…loadNN.
"""
from __future__ import annotations

import argparse
import http.client
import ipaddress
import json
import os
import random
import re
import resource
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

PASSWORD = "load-test password"
HOT_BEADS = 8  # the first beads of the alignment, which many reviewers edit at once
SEARCHES = ["партия", "мемлекет", "Конституция", "ҚР", "парламент", "сайлау", "құқық", "депутат", "закон",
            "тәуелсіздік", "Президент", "республика"]
WEIGHTS = {"page": 35, "edit": 45, "search": 20}


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    accepted: list[tuple[str, int, str, int]] = field(default_factory=list)  # user, bead, action, new version
    refused: list[tuple[int, int, int | None]] = field(default_factory=list)  # bead, sent version, current
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, status: int) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            self.statuses[kind][status] += 1


def loopback_only(url: str) -> None:
    host = urlsplit(url).hostname or ""
    try:
        ok = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = False
    if not ok:
        sys.exit(f"error: {url}: the load test runs against this machine only (127.0.0.1, ::1 or localhost)")


def prepare_database(url: str, reviewers: int) -> tuple[int, int, list[tuple[int, int, str]]]:
    """Bundled corpora if there is no alignment yet, the reviewers' accounts; returns the alignment,
    its Kazakh edition and the beads (id, version, status)."""
    os.environ["DATABASE_URL"] = url
    from workbench import create_app
    from workbench.db import transaction, upgrade
    from workbench.models import Alignment, Bead, User
    from workbench.services import accounts
    from workbench.services.setup import prepare

    app = create_app()
    engine = app.extensions["workbench.engine"]
    upgrade(engine)
    with transaction(app.extensions["workbench.sessions"]) as s:
        if not s.scalar(select(func.count()).select_from(Alignment)):
            for line in prepare(s, app.config, app.instance_path):
                print(line, flush=True)
        for n in range(1, reviewers + 1):
            name = f"load{n:02d}"
            user = s.scalar(select(User).where(User.name == name))
            if user is None:
                accounts.create_user(s, name, PASSWORD, "translator")
            else:
                user.password_hash = accounts.hash_password(PASSWORD)
                user.disabled, user.must_change_password, user.role = False, False, "translator"
        alignment = s.scalar(select(Alignment).order_by(Alignment.bead_count.desc()))
        beads = [(b.id, b.version, b.status) for b in s.scalars(
            select(Bead).where(Bead.alignment_id == alignment.id).order_by(Bead.position))]
        result = alignment.id, alignment.kk_edition_id, beads
    engine.dispose()
    return result


def start_server(url: str, workers: int | None) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, DATABASE_URL=url, WORKBENCH_BIND=f"127.0.0.1:{port}")
    if workers:
        env["WORKBENCH_WORKERS"] = str(workers)
    log = open(Path(os.environ.get("TMPDIR", "/tmp")) / f"workbench-load-{port}.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"], cwd=ROOT, env=env,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if Client(base).request("GET", "/healthz")[0] == 200:
                print(f"gunicorn ({env.get('WORKBENCH_WORKERS', 'default')} workers, "
                      f"{env.get('WORKBENCH_THREADS', 'default')} threads) at {base}, log {log.name}", flush=True)
                return server, base
        except OSError:
            pass
        if server.poll() is not None:
            sys.exit(f"error: gunicorn stopped at start (exit {server.returncode}); see {log.name}")
        time.sleep(0.5)
    stop_server(server)
    sys.exit("error: gunicorn did not answer /healthz within 120 s")


def stop_server(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def api_tokens(database_url: str, names: list[str]) -> dict[str, str]:
    """A new API token for each reviewer, made in the server's database before the clock starts (as
    ``python run.py users token NAME`` does)."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import sessionmaker

    from workbench.db import transaction
    from workbench.services.tokens import create_token

    engine = create_engine(database_url)
    try:
        with transaction(sessionmaker(engine)) as session:
            return {name: create_token(session, name) for name in names}
    finally:
        engine.dispose()


class Client:
    """One keep-alive HTTP/1.1 connection (``http.client``), as a browser keeps one per reviewer; the
    session cookie kept by hand. Light on purpose: the load generator shares the machine's CPU with the
    server, and what it spends is not spent serving."""

    def __init__(self, base: str, timeout: float = 30) -> None:
        parts = urlsplit(base)
        self.host, self.port, self.timeout = parts.hostname, parts.port or 80, timeout
        self.connection: http.client.HTTPConnection | None = None
        self.headers: dict[str, str] = {}
        self.cookie = ""

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, bytes, http.client.HTTPResponse]:
        """(status, body, response); one retry on a fresh connection when a kept one was closed."""
        sent = dict(self.headers, **(headers or {}))
        if self.cookie:
            sent["Cookie"] = self.cookie
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.connection.request(method, path, body=body, headers=sent)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.connection.close()
                self.connection = None
                if attempt == 2 or method != "GET":  # an edit is never sent twice
                    raise
        cookie = response.getheader("Set-Cookie")
        if cookie and cookie.startswith("session="):
            self.cookie = cookie.split(";", 1)[0]
        if response.getheader("Connection", "").lower() == "close":
            self.connection.close()
            self.connection = None
        return response.status, data, response


class Reviewer(threading.Thread):
    def __init__(self, n: int, args: argparse.Namespace, base: str, alignment: int, edition: int,
                 beads: list[tuple[int, int, str]], tally: Tally, deadline: float) -> None:
        super().__init__(daemon=True)
        self.name_ = f"load{n:02d}"
        self.args, self.base, self.alignment, self.edition = args, base, alignment, edition
        self.known = {bead_id: (version, status) for bead_id, version, status in beads}
        self.ids = [b[0] for b in beads]
        self.tally, self.deadline = tally, deadline
        self.random = random.Random(n)
        self.http = Client(base)
        self.csrf = ""

    def log_in(self) -> None:
        if self.args.api:
            self.http.headers["Authorization"] = f"Bearer {self.args.tokens[self.name_]}"
            return
        page = self.http.request("GET", "/auth/login")[1].decode()
        token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
        form = urlencode({"name": self.name_, "password": PASSWORD, "csrf_token": token}).encode()
        status = self.http.request("POST", "/auth/login", form,
                                   {"Content-Type": "application/x-www-form-urlencoded"})[0]
        if status != 302:
            raise RuntimeError(f"{self.name_}: login answered {status}")
        page = self.http.request("GET", "/")[1].decode()
        self.csrf = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)

    def timed(self, kind: str, method: str, path: str, payload: dict | None = None,
              headers: dict[str, str] | None = None) -> tuple[int, bytes] | None:
        body = None
        if payload is not None:
            body = json.dumps(payload).encode()
            headers = dict(headers or {}, **{"Content-Type": "application/json"})
        start = time.perf_counter()
        try:
            status, data, _response = self.http.request(method, path, body, headers)
        except (OSError, http.client.HTTPException) as error:
            with self.tally.lock:
                self.tally.errors.append(f"{kind} {path}: {error!r}")
            return None
        self.tally.add(kind, time.perf_counter() - start, status)
        return status, data

    def run(self) -> None:
        try:
            self.log_in()
        except (RuntimeError, AttributeError, OSError, http.client.HTTPException) as error:
            with self.tally.lock:  # counted and reported; the other reviewers go on
                self.tally.errors.append(f"{self.name_}: {error}")
            return
        kinds = [k for k in WEIGHTS if k in self.args.kinds]
        weights = [WEIGHTS[k] for k in kinds]
        while time.monotonic() < self.deadline:
            kind = self.random.choices(kinds, weights)[0]
            getattr(self, kind)()
            if self.args.think:
                time.sleep(self.random.uniform(0, 2 * self.args.think))

    def page(self) -> None:
        if self.random.random() < 0.7:
            number = self.random.randint(1, max(1, len(self.ids) // 50))
            self.timed("page", "GET", f"/alignments/{self.alignment}?p={number}")
        else:
            start = self.random.randint(1, 6000)
            self.timed("page", "GET", f"/editions/{self.edition}?start={start}")

    def search(self) -> None:
        self.timed("search", "GET", "/glossary/?" + urlencode({"q": self.random.choice(SEARCHES)}))

    def edit(self) -> None:
        hot = self.random.random() < 0.4
        bead = self.random.choice(self.ids[:HOT_BEADS] if hot else self.ids)
        version, status = self.known[bead]
        action = "unconfirm" if status == "confirmed" else "confirm"
        if self.args.api:
            response = self.timed("edit", "POST", f"/api/beads/{bead}", {"action": action, "version": version})
        else:
            response = self.timed("edit", "POST", f"/alignments/{self.alignment}/api/beads/{bead}/{action}",
                                  {"version": version}, {"X-CSRF-Token": self.csrf})
        if response is None:
            return
        status, data = response
        if status == 200:
            body = json.loads(data)
            # the API answers with the bead itself; the page's endpoint with the beads it changed
            after = body if self.args.api else next(
                b for b in body.get("result", body).get("beads", []) if b["id"] == bead)
            self.known[bead] = (after["version"], bead_status(after))
            with self.tally.lock:
                self.tally.accepted.append((self.name_, bead, action, after["version"]))
        elif status == 409:
            body = json.loads(data) or {}
            current = body.get("bead") if self.args.api else body.get("current")
            with self.tally.lock:
                self.tally.refused.append((bead, version, current["version"] if current else None))
            if current:
                self.known[bead] = (current["version"], bead_status(current))


def bead_status(bead: dict) -> str:
    """A bead's status as the page's endpoint names it; the API says ``confirmed`` true or false."""
    if "status" in bead:
        return bead["status"]
    return "confirmed" if bead["confirmed"] else "auto"


def process_group_cpu(pgid: int) -> float:
    """CPU seconds (user + system) used so far by the processes of a process group (the server), with
    those of children they have reaped (workers that were replaced)."""
    total, tick = 0.0, os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # after the name: state, ppid, pgrp, …, utime, stime, cutime, cstime
            total += sum(int(v) for v in fields[11:15]) / tick
    return total


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def verify(url: str, tally: Tally, since_id: int) -> list[str]:
    """Compare the accepted and refused edits with the history in the database."""
    from sqlalchemy import create_engine

    from workbench.models import Bead, Change

    engine = create_engine(url)
    problems = []
    with engine.connect() as conn:
        rows = conn.execute(select(Change.user, Change.target_id, Change.action, Change.after)
                            .where(Change.id > since_id, Change.user.like("load%"),
                                   Change.action.in_(("confirm", "unconfirm")))).all()
        history = Counter()
        for user, target, action, after in rows:
            version = next(b["version"] for b in json.loads(after)["beads"] if b["id"] == target)
            history[(user, target, action, version)] += 1
        accepted = Counter(tally.accepted)
        for edit, n in accepted.items():
            if history[edit] != 1 or n != 1:
                problems.append(f"accepted edit {edit} is in the history {history[edit]} times")
        for edit in history:
            if edit not in accepted:
                problems.append(f"history holds {edit}, which no reviewer was told was accepted")
        versions = dict(conn.execute(select(Bead.id, Bead.version)).all())
        for bead, sent, current in tally.refused:
            if current is None or current == sent:
                problems.append(f"409 for bead {bead} (sent version {sent}) without a newer current state")
            elif current > versions.get(bead, 0):
                problems.append(f"409 for bead {bead} showed version {current}, newer than the stored one")
    engine.dispose()
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="the server's database (read to verify)")
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="the server (loopback only)")
    parser.add_argument("--start-server", action="store_true", help="start gunicorn on a free port, stop it after")
    parser.add_argument("--workers", type=int, help="gunicorn workers with --start-server (default: gunicorn.conf.py's)")
    parser.add_argument("--reviewers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--think", type=float, default=0.0, help="mean pause between a reviewer's requests (s)")
    parser.add_argument("--api", action="store_true", help="edit through POST /api/beads/ID with bearer tokens")
    parser.add_argument("--kinds", default="page,edit,search", type=lambda v: v.split(","),
                        help="which kinds of request the reviewers make (default: page,edit,search)")
    args = parser.parse_args()
    if not 1 <= args.reviewers <= 200 or not 1 <= args.seconds <= 600:
        sys.exit("error: --reviewers must be 1–200 and --seconds 1–600")
    if not args.kinds or set(args.kinds) - set(WEIGHTS):
        sys.exit(f"error: --kinds takes a comma-separated choice of {', '.join(WEIGHTS)}")
    loopback_only(args.url)
    alignment, edition, beads = prepare_database(args.database_url, args.reviewers)
    from sqlalchemy import create_engine

    from workbench.models import Change
    probe = create_engine(args.database_url)
    with probe.connect() as conn:
        since_id = conn.scalar(select(func.coalesce(func.max(Change.id), 0)))
    probe.dispose()

    args.tokens = (api_tokens(args.database_url, [f"load{n:02d}" for n in range(1, args.reviewers + 1)])
                   if args.api else {})
    server, base = start_server(args.database_url, args.workers) if args.start_server else (None, args.url)
    try:
        tally = Tally()
        print(f"{args.reviewers} reviewers for {args.seconds:.0f} s against {base}, alignment {alignment} "
              f"({len(beads)} beads, {HOT_BEADS} of them hot), edits via "
              f"{'the API with bearer tokens' if args.api else 'the review page endpoint (cookie + CSRF)'}",
              flush=True)
        load_before = os.getloadavg()
        server_cpu, client_cpu, wall = (process_group_cpu(server.pid) if server else 0.0), own_cpu(), time.monotonic()
        deadline = time.monotonic() + args.seconds
        reviewers = [Reviewer(n, args, base, alignment, edition, beads, tally, deadline)
                     for n in range(1, args.reviewers + 1)]
        for r in reviewers:
            r.start()
        for r in reviewers:
            r.join(timeout=args.seconds + 60)
        wall = time.monotonic() - wall
        client_cpu = own_cpu() - client_cpu
        server_cpu = process_group_cpu(server.pid) - server_cpu if server else None
        load_after = os.getloadavg()
    finally:
        if server is not None:
            stop_server(server)

    cores = os.cpu_count() or 1
    print(f"\nCPU over {wall:.0f} s on {cores} cores: this load generator {client_cpu:.0f} s "
          f"({100 * client_cpu / (wall * cores):.0f}% of the machine)"
          + (f", the server (gunicorn) {server_cpu:.0f} s ({100 * server_cpu / (wall * cores):.0f}%)"
             if server_cpu is not None else "")
          + f"; load average {load_before[0]:.1f} before, {load_after[0]:.1f} at the end")
    print(f"\n{'kind':8} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}  statuses")
    total = Counter()
    for kind in WEIGHTS:
        values = tally.latencies.get(kind, [])
        total.update(tally.statuses[kind])
        if values:
            print(f"{kind:8} {len(values):8d} {1000 * statistics.median(values):8.0f} "
                  f"{1000 * percentile(values, 0.95):8.0f} {1000 * percentile(values, 0.99):8.0f} "
                  f"{1000 * max(values):8.0f}  {dict(sorted(tally.statuses[kind].items()))}")
    seconds = args.seconds
    print(f"all      {sum(total.values()):8d} requests, {sum(total.values()) / seconds:.0f}/s; statuses "
          f"{dict(sorted(total.items()))}; 5xx: {sum(n for s, n in total.items() if s >= 500)}; "
          f"transport errors: {len(tally.errors)}")
    for line in tally.errors[:5]:
        print("  ", line)
    problems = verify(args.database_url, tally, since_id)
    print(f"edits: {len(tally.accepted)} accepted (200), {len(tally.refused)} refused (409); "
          f"history check: {'every accepted edit exactly once, nothing else' if not problems else 'PROBLEMS'}; "
          f"every 409 carried the newer current state: {not any('409' in p for p in problems)}")
    for line in problems[:20]:
        print("  ", line)


if __name__ == "__main__":
    main()
