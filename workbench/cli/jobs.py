"""Commands of the job queue: ``worker`` runs queued jobs, ``jobs`` lists them; ``users token`` makes an API
token."""
from __future__ import annotations

import signal
import threading

import click

from workbench.cli.main import AppContext, fail, pass_ctx
from workbench.errors import WorkbenchError


@click.command("worker")
@click.option("--until-idle", is_flag=True,
              help="Run the queued jobs, then stop (instead of waiting for more).")
@click.option("--poll", type=float, default=1.0, show_default=True,
              help="Seconds between looks at an empty queue.")
@pass_ctx
def worker(obj: AppContext, until_idle: bool, poll: float) -> None:
    """Run queued jobs (imports, alignments, checks, harvests) until stopped with Ctrl+C.

    Start as many as you like against one PostgreSQL database: each job is run exactly once.
    A job left running by a worker that was killed is queued again (failed after a second loss).
    """
    from workbench.services.jobs import Worker

    app = obj.app
    runner = Worker(app.extensions["workbench.sessions"], app.config, poll=poll)
    until = " (until the queue is empty)" if until_idle else ""
    click.echo(f"worker {runner.name} waiting for jobs{until}")
    if until_idle:
        for line in runner._recover():
            click.echo(line)
        for job_id in runner.run_until_idle():
            click.echo(f"job {job_id} finished")
        return
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        runner.run_forever(stop, echo=click.echo)
    except KeyboardInterrupt:
        stop.set()
    click.echo(f"worker {runner.name} stopped")


@click.command("jobs")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="How many of the latest jobs to list.")
@pass_ctx
def list_jobs(obj: AppContext, limit: int) -> None:
    """List the latest jobs: id, kind, state, progress, who started it, message."""
    from workbench.services.jobs import recent_jobs

    with obj.transaction() as session:
        for job in recent_jobs(session, limit):
            click.echo(f"{job.id}\t{job.kind}\t{job.state}\t{round(100 * job.progress)} %\t"
                       f"{job.started_by or '-'}\t{job.message}")


@click.command("token")
@click.argument("name")
@pass_ctx
def token(obj: AppContext, name: str) -> None:
    """Make a new API token for user NAME and print it (only its hash is kept; earlier tokens stay valid).

    Send it as ``Authorization: Bearer TOKEN``; the API allows what the user's role allows.
    """
    from workbench.services.tokens import create_token

    try:
        with obj.transaction() as session:
            click.echo(create_token(session, name))
    except WorkbenchError as error:
        fail(error)
