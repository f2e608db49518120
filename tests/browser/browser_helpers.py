"""Helpers of the browser tests: logging in through the form, starting an alignment and running the job
worker while a page waits on a job, saving screenshots under /tmp/shots."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from review_builders import PASSWORD

from workbench.services import jobs

SHOTS = Path("/tmp/shots")


def log_in(page, base: str, name: str) -> None:
    page.goto(f"{base}/auth/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button")
    page.wait_for_url(f"{base}/")


def start_alignment(page, base: str, kk: int, ru: int) -> None:
    """From the home page, align editions ``kk`` and ``ru``; returns once the page shows the waiting job,
    with the button disabled while it waits or runs."""
    page.goto(f"{base}/")
    page.click("text=Align two editions")
    page.select_option("#kk-edition", str(kk))
    page.select_option("#ru-edition", str(ru))
    page.click("#start-align")
    page.wait_for_selector(".job progress.job-bar")
    assert page.locator("#start-align").is_disabled(), "the button is disabled while the job waits or runs"


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


@contextmanager
def jobs_running(sessions, config) -> Iterator[None]:
    """A job worker polling in a thread of its own while the block runs (the page waits on its job
    inside the block); stopped and joined afterwards, whatever happened."""
    worker = jobs.Worker(sessions, config, poll=0.05)
    thread, stop = worker.start_thread()
    try:
        yield
    finally:
        stop.set()
        thread.join()
