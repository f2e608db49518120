"""The job queue: each job is run exactly once by several workers, lost jobs come back (or fail
clearly after a second loss), failures are stored with their message, real jobs report progress."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading

import pytest
from sqlalchemy import select, update

from workbench.db import transaction
from workbench.models import Edition, Job
from workbench.services import job_kinds, jobs

from corpus_paths import CORPORA, ROOT

CONFIG = {"MAX_IMPORT_BYTES": 5 * 1024 * 1024, "JOB_HEARTBEAT_SECONDS": 0.2}


def queue(sessions, kind, arguments, payload=None, user="ann"):
    with transaction(sessions) as s:
        return jobs.submit(s, kind, arguments, user, payload).id


def job(sessions, job_id) -> Job:
    with sessions() as s:
        return s.get(Job, job_id)


def test_two_workers_run_each_job_exactly_once(sessions, monkeypatch):
    runs: list[tuple[int, str]] = []
    lock = threading.Lock()
    # Each worker's first job waits until the other worker holds a job too: both run at once, whatever the
    # scheduler does (on a busy machine one thread could otherwise drain the queue before the other starts).
    both_running = threading.Barrier(2, timeout=60)
    started: set[str] = set()

    def counted(factory, args, payload, progress, user, config):
        progress(0.5, "half way")
        name = threading.current_thread().name
        with lock:
            first = name not in started
            started.add(name)
        if first:
            both_running.wait()
        with lock:
            runs.append((args["n"], name))
        return {"summary": f"ran {args['n']}"}

    monkeypatch.setitem(job_kinds.HANDLERS, "harvest", counted)
    ids = [queue(sessions, "harvest", {"n": n}) for n in range(40)]
    workers = [jobs.Worker(sessions, CONFIG, name=f"{jobs.worker_name()}:t{i}", poll=0.01) for i in range(2)]
    threads = [threading.Thread(target=w.run_until_idle, name=f"w{i}") for i, w in enumerate(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(n for n, _ in runs) == list(range(40))
    assert {name for _, name in runs} == {"w0", "w1"}, "both workers took part"
    with sessions() as s:
        rows = s.scalars(select(Job).where(Job.id.in_(ids))).all()
    assert {r.state for r in rows} == {"done"}
    assert {r.attempts for r in rows} == {1}
    assert all(r.progress == 1.0 and r.message == f"ran {json.loads(r.arguments)['n']}" for r in rows)


@pytest.mark.slow
def test_two_worker_processes_share_one_queue(app, sessions, database_url, tmp_path):
    ids = [queue(sessions, "harvest", {}) for _ in range(6)]
    env = dict(os.environ, DATABASE_URL=database_url, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "run.py", "worker", "--until-idle", "--poll", "0.05"], cwd=ROOT,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    finished = [line for out, _ in outputs for line in out.splitlines() if line.endswith("finished")]
    assert sorted(finished) == sorted(f"job {i} finished" for i in ids)
    with sessions() as s:
        rows = s.scalars(select(Job).where(Job.id.in_(ids))).all()
    assert [(r.state, r.attempts) for r in rows] == [("done", 1)] * 6


def _lose(sessions, job_id, worker="elsewhere:1"):
    """Claim the job for a worker on another machine whose heartbeat then stops."""
    assert jobs.claim(sessions, worker) == job_id
    with transaction(sessions) as s:
        s.execute(update(Job).where(Job.id == job_id).values(
            heartbeat_at=dt.datetime(2020, 1, 1), progress=0.4))


def test_a_job_whose_worker_died_is_queued_again_then_failed_after_a_second_loss(sessions):
    job_id = queue(sessions, "harvest", {})
    _lose(sessions, job_id)
    assert jobs.recover(sessions, stale_after=60) == [
        f"job {job_id} (harvest): queued again: its worker stopped while running it (killed, or the server "
        "restarted)"]
    again = job(sessions, job_id)
    assert (again.state, again.attempts, again.progress, again.worker) == ("queued", 1, 0.0, None)

    _lose(sessions, job_id)
    jobs.recover(sessions, stale_after=60)
    lost = job(sessions, job_id)
    assert lost.state == "failed"
    assert lost.message.startswith("failed: its worker stopped 2 times while running it")
    assert jobs.claim(sessions, "another:2") is None


def test_a_running_job_with_a_fresh_heartbeat_is_left_alone(sessions):
    job_id = queue(sessions, "harvest", {})
    assert jobs.claim(sessions, "elsewhere:1") == job_id
    assert jobs.recover(sessions, stale_after=60) == []
    assert job(sessions, job_id).state == "running"


def test_a_job_of_a_dead_process_on_this_machine_is_recovered_at_once(sessions):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    job_id = queue(sessions, "harvest", {})
    assert jobs.claim(sessions, f"{jobs.worker_name().split(':')[0]}:{dead.pid}") == job_id
    jobs.recover(sessions, stale_after=3600)
    assert job(sessions, job_id).state == "queued"


def test_a_failing_import_is_stored_with_its_message_and_nothing_is_imported(sessions):
    job_id = queue(sessions, "import", {"file_name": "scan.txt", "lang": "kk"}, payload=b"\xff\xfe\x00binary\x00")
    worker = jobs.Worker(sessions, CONFIG)
    assert worker.run_until_idle() == [job_id]
    failed = job(sessions, job_id)
    assert failed.state == "failed"
    assert failed.message.startswith("scan.txt")
    assert "workbench-import-" not in failed.message
    assert failed.payload is None and failed.result is None
    with sessions() as s:
        assert s.scalars(select(Edition)).all() == []


def test_an_unexpected_error_is_stored_as_an_internal_error(sessions, monkeypatch):
    def broken(*_args):
        raise KeyError("boom")

    monkeypatch.setitem(job_kinds.HANDLERS, "harvest", broken)
    job_id = queue(sessions, "harvest", {})
    jobs.Worker(sessions, CONFIG).run_until_idle()
    assert (job(sessions, job_id).state, job(sessions, job_id).message) == ("failed", "internal error: KeyError: 'boom'")


def test_import_align_check_and_realign_jobs_run_the_services(sessions):
    folder = CORPORA / "law_state_independence_1991"
    kk = queue(sessions, "import", {"file_name": "kk.raw.txt", "lang": "kk", "title": "Заң"},
               payload=(folder / "kk.raw.txt").read_bytes())
    ru = queue(sessions, "import", {"file_name": "ru.raw.txt", "lang": "ru", "title": "Закон"},
               payload=(folder / "ru.raw.txt").read_bytes())
    worker = jobs.Worker(sessions, CONFIG)
    worker.run_until_idle()
    kk_id, ru_id = (json.loads(job(sessions, j).result)["edition"] for j in (kk, ru))
    assert job(sessions, kk).message.startswith(f"edition {kk_id}: Заң")
    align = queue(sessions, "align", {"kk": kk_id, "ru": ru_id})
    worker.run_until_idle()
    done = job(sessions, align)
    assert done.state == "done", done.message
    alignment_id = json.loads(done.result)["alignment"]
    assert done.progress == 1.0 and done.message.startswith(f"alignment {alignment_id}:")
    check = queue(sessions, "check", {"alignment": alignment_id})
    edition_check = queue(sessions, "check", {"edition": kk_id})
    realign = queue(sessions, "realign", {"alignment": alignment_id})
    worker.run_until_idle()
    for j in (check, edition_check, realign):
        assert job(sessions, j).state == "done", job(sessions, j).message
    assert json.loads(job(sessions, realign).result) == {"alignment": alignment_id}
    assert "0 confirmed beads kept" in job(sessions, realign).message


def test_align_job_with_ranges_pairs_only_the_chosen_sentences(sessions):
    folder = CORPORA / "law_state_independence_1991"
    ids = [queue(sessions, "import", {"file_name": f"{lang}.raw.txt", "lang": lang},
                 payload=(folder / f"{lang}.raw.txt").read_bytes()) for lang in ("kk", "ru")]
    worker = jobs.Worker(sessions, CONFIG)
    worker.run_until_idle()
    kk_id, ru_id = (json.loads(job(sessions, j).result)["edition"] for j in ids)
    align = queue(sessions, "align", {"kk": kk_id, "ru": ru_id, "kk_range": [3, 10], "ru_range": [3, 10]})
    worker.run_until_idle()
    assert job(sessions, align).state == "done", job(sessions, align).message
    from workbench.models import Bead
    with sessions() as s:
        beads = s.scalars(select(Bead).order_by(Bead.position)).all()
    paired = [b for b in beads if b.kk_end > b.kk_start and b.ru_end > b.ru_start]
    assert paired and all(3 <= b.kk_start and b.kk_end <= 11 and 3 <= b.ru_start and b.ru_end <= 11 for b in paired)
    bad = queue(sessions, "align", {"kk": kk_id, "ru": ru_id, "kk_range": [5, 2]})
    worker.run_until_idle()
    assert job(sessions, bad).state == "failed"
    assert "sentences 5–2 are not a range" in job(sessions, bad).message


def test_jobs_command_lists_the_latest_jobs(cli_runner, sessions):
    from workbench.cli.main import cli

    job_id = queue(sessions, "harvest", {})
    out = cli_runner.invoke(cli, ["jobs"])
    assert out.exit_code == 0
    assert out.output.splitlines() == [f"{job_id}\tharvest\tqueued\t0 %\tann\twaiting for a worker"]
    assert cli_runner.invoke(cli, ["worker", "--help"]).exit_code == 0


@pytest.mark.parametrize("args", [["jobs", "--limit", "0"], ["jobs", "--limit", "-1"],
                                  ["users", "audit", "--limit", "-2"], ["users", "audit", "--limit", "0"]])
def test_a_limit_below_one_is_refused_rather_than_listing_all_or_nothing(cli_runner, args):
    from workbench.cli.main import cli

    out = cli_runner.invoke(cli, args)
    assert out.exit_code == 2 and "Invalid value for '--limit'" in out.output, out.output
