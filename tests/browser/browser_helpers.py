"""Helpers of the browser tests: logging in through the form, saving screenshots under /tmp/shots."""
from __future__ import annotations

from pathlib import Path

from review_builders import PASSWORD

SHOTS = Path("/tmp/shots")


def log_in(page, base: str, name: str) -> None:
    page.goto(f"{base}/auth/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button")
    page.wait_for_url(f"{base}/")


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)
