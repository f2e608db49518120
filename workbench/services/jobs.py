"""The job queue: long work (import, align, re-align, checks, harvest) stored in the database and run by
workers, with progress, and picked up exactly once however many worker processes share the database.

Why a table and not Celery or RQ: they need a broker (Redis, RabbitMQ) that a translator's machine
does not have, and the queue has to work the same on SQLite (one machine) and PostgreSQL (a team).

Claiming a job is an atomic compare-and-set, ``UPDATE jobs SET state='running' … WHERE id=? AND
state='queued'``: of several workers only one sees a row changed. On PostgreSQL the candidates are
first read with ``SELECT … FOR UPDATE SKIP LOCKED``, so workers do not even wait on each other.

A running job refreshes ``heartbeat_at`` every few seconds from a small thread of its worker. A job
whose heartbeat is stale (its worker was killed, the server restarted) is queued again; one lost
twice is marked failed with a message saying so. Nothing is ever silently dropped.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from workbench.db import transaction
from workbench.errors import N_, InputError, Message, NotFound, WorkbenchError
from workbench.models import Job, utcnow

logger = logging.getLogger(__name__)

KINDS = ("import", "align", "realign", "check", "harvest")
MAX_ATTEMPTS = 2        # a job whose worker was lost this many times is failed, not queued again
STALE_SECONDS = 120.0   # a running job without a heartbeat for this long has lost its worker
HEARTBEAT_SECONDS = 2.0

Progress = Callable[[float, "str | Message"], None]


def stored(message: str | Message) -> dict[str, str | None]:
    """The ``message`` and ``message_json`` columns for ``message`` (English, and msgid with values)."""
    if not isinstance(message, Message):
        message = Message(message)
    return {"message": str(message), "message_json": json.dumps(message.to_json(), ensure_ascii=False)}


def job_message(job: Job) -> Message:
    """The job's latest progress line or outcome, to be shown in the reader's language."""
    if job.message_json:
        try:
            return Message.from_json(json.loads(job.message_json))
        except (ValueError, KeyError, TypeError):
            pass
    return Message(job.message or "")


# --- submitting and reading ---------------------------------------------------------------------

def submit(session: Session, kind: str, arguments: Mapping[str, Any], user: str | None = None,
           payload: bytes | None = None) -> Job:
    """Queue a job; a worker picks it up once the caller's transaction is committed."""
    if kind not in KINDS:
        raise InputError(N_("unknown job kind %(kind)r; expected one of: %(kinds)s"), kind=kind,
                         kinds=", ".join(KINDS))
    job = Job(kind=kind, arguments=json.dumps(dict(arguments), ensure_ascii=False), payload=payload,
              state="queued", progress=0.0, started_by=user, **stored(N_("waiting for a worker")))
    session.add(job)
    session.flush()
    return job


def get_job(session: Session, job_id: int) -> Job:
    job = session.get(Job, job_id)
    if job is None:
        raise NotFound(N_("no job %(id)s"), id=job_id)
    return job


def describe(job: Job) -> dict[str, Any]:
    """A job as the pages and the API show it; ``message`` is a :class:`Message` (``str()``: English)."""
    return {"id": job.id, "kind": job.kind, "state": job.state, "progress": round(job.progress, 3),
            "message": job_message(job), "result": json.loads(job.result) if job.result else None,
            "arguments": json.loads(job.arguments or "{}"), "started_by": job.started_by,
            "created_at": job.created_at.isoformat(timespec="seconds"),
            "finished_at": job.finished_at.isoformat(timespec="seconds") if job.finished_at else None}


def active_job(session: Session, kind: str, **arguments: Any) -> Job | None:
    """The newest queued or running job of ``kind`` whose arguments include ``arguments`` (for buttons)."""
    rows = session.scalars(select(Job).where(Job.kind == kind, Job.state.in_(("queued", "running")))
                           .order_by(Job.id.desc()).limit(50))
    for job in rows:
        args = json.loads(job.arguments or "{}")
        if all(args.get(k) == v for k, v in arguments.items()):
            return job
    return None


def recent_jobs(session: Session, limit: int = 50) -> list[Job]:
    return list(session.scalars(select(Job).order_by(Job.id.desc()).limit(limit)))


# --- claiming, recovering -----------------------------------------------------------------------

def worker_name(suffix: str = "") -> str:
    """host:pid[:suffix] — recovery uses host and pid to see that a worker of this machine is gone."""
    return f"{socket.gethostname()}:{os.getpid()}" + (f":{suffix}" if suffix else "")


def claim(factory: sessionmaker[Session], worker: str) -> int | None:
    """Take the oldest queued job for ``worker``; None when there is none. Exactly one worker wins a job."""
    with transaction(factory) as session:
        query = select(Job.id).where(Job.state == "queued").order_by(Job.id).limit(5)
        postgres = session.get_bind().dialect.name == "postgresql"
        if postgres:
            query = query.with_for_update(skip_locked=True)
        candidates = list(session.scalars(query))
        if postgres:
            for job_id in candidates:
                if _take(session, job_id, worker):
                    return job_id
            return None
    # SQLite: each compare-and-set in a transaction of its own, begun by the UPDATE itself, so it
    # waits for the write lock instead of failing on a snapshot that another writer made stale.
    for job_id in candidates:
        with transaction(factory) as session:
            if _take(session, job_id, worker):
                return job_id
    return None


def _take(session: Session, job_id: int, worker: str) -> bool:
    now = utcnow()
    done = session.execute(update(Job).where(Job.id == job_id, Job.state == "queued").values(
        state="running", worker=worker, attempts=Job.attempts + 1, started_at=now, heartbeat_at=now,
        **stored(N_("started"))).execution_options(synchronize_session=False))
    return done.rowcount == 1


def _gone_here(worker: str | None) -> bool:
    """Whether ``worker`` ran on this machine in a process that no longer exists."""
    if not worker:
        return False
    parts = worker.split(":")
    if len(parts) < 2 or parts[0] != socket.gethostname() or not parts[1].isdigit():
        return False
    pid = int(parts[1])
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def recover(factory: sessionmaker[Session], stale_after: float = STALE_SECONDS) -> list[str]:
    """Queue again (or fail, after MAX_ATTEMPTS) every running job whose worker is gone; what was done."""
    cutoff = utcnow() - dt.timedelta(seconds=stale_after)
    lines = []
    with transaction(factory) as session:
        rows = session.execute(select(Job.id, Job.kind, Job.attempts, Job.worker, Job.heartbeat_at)
                               .where(Job.state == "running")).all()
        for r in rows:
            if not (r.heartbeat_at is None or r.heartbeat_at < cutoff or _gone_here(r.worker)):
                continue
            where = (Job.id == r.id, Job.state == "running", Job.worker == r.worker)
            if r.attempts >= MAX_ATTEMPTS:
                message = Message(N_("failed: its worker stopped %(n)s times while running it (killed, or the "
                                     "server restarted); nothing of it was stored — start it again"),
                          n=r.attempts)
                values: dict[str, Any] = {"state": "failed", "finished_at": utcnow(), "payload": None,
                                          **stored(message)}
            else:
                message = Message(N_("queued again: its worker stopped while running it (killed, or the "
                                     "server restarted)"))
                values = {"state": "queued", "worker": None, "progress": 0.0, **stored(message)}
            done = session.execute(update(Job).where(*where).values(**values)
                                   .execution_options(synchronize_session=False))
            if done.rowcount:
                lines.append(f"job {r.id} ({r.kind}): {message}")
                logger.warning("job %s (%s): %s", r.id, r.kind, message)
    return lines


# --- running --------------------------------------------------------------------------------------

class Reporter:
    """The ``progress(fraction, message)`` callback of a running job.

    The job's own thread only notes the latest value; a small thread writes it with the heartbeat, so
    a job holding SQLite's write lock is never blocked by its own progress reports.
    """

    def __init__(self, factory: sessionmaker[Session], job_id: int, worker: str,
                 every: float = HEARTBEAT_SECONDS) -> None:
        self.factory, self.job_id, self.worker, self.every = factory, job_id, worker, every
        self._lock = threading.Lock()
        self._latest: tuple[float, str | Message] | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=f"job-{job_id}-heartbeat", daemon=True)

    def __call__(self, fraction: float, message: str | Message) -> None:
        with self._lock:
            self._latest = (min(1.0, max(0.0, float(fraction))),
                            message if isinstance(message, Message) else str(message))

    def start(self) -> Reporter:
        self._flush()
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            self._flush()

    def _flush(self) -> None:
        with self._lock:
            latest, self._latest = self._latest, None
        values: dict[str, Any] = {"heartbeat_at": utcnow()}
        if latest is not None:
            values |= {"progress": latest[0], **stored(latest[1])}
        try:
            with transaction(self.factory) as session:
                session.execute(update(Job).where(Job.id == self.job_id, Job.state == "running",
                                                  Job.worker == self.worker).values(**values)
                                .execution_options(synchronize_session=False))
        except OperationalError as error:  # the database is busy: the next beat tries again
            logger.info("job %s: heartbeat not written (%s)", self.job_id, error.orig)
            with self._lock:
                self._latest = self._latest or latest


def run_job(factory: sessionmaker[Session], job_id: int, worker: str, config: Mapping[str, Any],
            heartbeat: float = HEARTBEAT_SECONDS) -> str:
    """Run a claimed job to its end and store the outcome; returns the final state."""
    from workbench.services.job_kinds import HANDLERS

    with factory() as session:
        job = session.get(Job, job_id)
        if job is None or job.state != "running" or job.worker != worker:
            return "lost"
        kind, arguments = job.kind, json.loads(job.arguments or "{}")
        payload, user = job.payload, job.started_by
    reporter = Reporter(factory, job_id, worker, heartbeat).start()
    state, result = "failed", None
    message: str | Message = ""
    try:
        result = HANDLERS[kind](factory, arguments, payload, reporter, user, config)
        state, message = "done", result.pop("summary", None) or Message(N_("done"))
    except InputError as error:  # the file and line stay as they are; the problem is translated
        message = Message("%(where)s%(problem)s", where=error.where, problem=error.message)
    except WorkbenchError as error:
        message = error.message
    except Exception as error:  # noqa: BLE001 - stored with the job, and logged with its traceback
        logger.exception("job %s (%s) failed", job_id, kind)
        message = Message(N_("internal error: %(error)s"), error=f"{type(error).__name__}: {error}")
    finally:
        reporter.stop()
    values: dict[str, Any] = {"state": state, "finished_at": utcnow(), "payload": None, "heartbeat_at": utcnow(),
                              **stored(message)}
    if state == "done":
        values |= {"progress": 1.0, "result": json.dumps(result, ensure_ascii=False)}
    with transaction(factory) as session:
        session.execute(update(Job).where(Job.id == job_id, Job.worker == worker, Job.state == "running")
                        .values(**values).execution_options(synchronize_session=False))
    return state


class Worker:
    """Takes jobs from the queue and runs them, one at a time."""

    def __init__(self, factory: sessionmaker[Session], config: Mapping[str, Any], name: str | None = None,
                 poll: float | None = None, stale_after: float | None = None) -> None:
        self.factory = factory
        self.config = config
        self.name = name or worker_name()
        self.poll = float(poll if poll is not None else config.get("JOB_POLL_SECONDS", 1.0))
        self.stale_after = float(stale_after if stale_after is not None
                                 else config.get("JOB_STALE_SECONDS", STALE_SECONDS))
        self.heartbeat = float(config.get("JOB_HEARTBEAT_SECONDS", HEARTBEAT_SECONDS))

    def run_once(self) -> int | None:
        """Claim and run one job; its id, or None when the queue was empty."""
        job_id = claim(self.factory, self.name)
        if job_id is not None:
            run_job(self.factory, job_id, self.name, self.config, self.heartbeat)
        return job_id

    def run_until_idle(self) -> list[int]:
        done = []
        while (job_id := self.run_once()) is not None:
            done.append(job_id)
        return done

    def run_forever(self, stop: threading.Event, echo: Callable[[str], None] | None = None) -> None:
        """Run jobs until ``stop`` is set; look for lost jobs at start and every half stale period."""
        next_recovery = 0.0
        while not stop.is_set():
            if time.monotonic() >= next_recovery:
                for line in self._recover():
                    if echo:
                        echo(line)
                next_recovery = time.monotonic() + self.stale_after / 2
            try:
                job_id = self.run_once()
            except OperationalError as error:  # database restarting or busy: wait and try again
                logger.warning("worker %s: %s", self.name, error.orig)
                job_id = None
            except Exception:  # noqa: BLE001 - the worker must outlive any one failure; the job is recovered
                logger.exception("worker %s: could not take or finish a job", self.name)
                job_id = None
            if job_id is not None:
                if echo:
                    echo(f"job {job_id} finished")
                continue
            stop.wait(self.poll)

    def _recover(self) -> list[str]:
        try:
            return recover(self.factory, self.stale_after)
        except OperationalError as error:
            logger.warning("worker %s: recovery postponed: %s", self.name, error.orig)
            return []

    def start_thread(self) -> tuple[threading.Thread, threading.Event]:
        """Run in a daemon thread of this process (the single-process server)."""
        stop = threading.Event()
        thread = threading.Thread(target=self.run_forever, args=(stop,), name="job-worker", daemon=True)
        thread.start()
        return thread, stop
