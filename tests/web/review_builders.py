"""Builders for the review tests (imported by tests/web, tests/services and tests/browser): editions
and an alignment inserted directly, the demo texts, logging in with the CSRF token."""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import insert

from workbench.models import Alignment, Bead, Block, Edition, Segment


PASSWORD = "correct horse battery"
ROLES = ("viewer", "translator", "editor", "admin")

KK = ["Қазақстан Республикасы — тәуелсіз мемлекет.", "Астанасы — Астана қаласы.",
      "Мемлекеттік тілі — қазақ тілі.", "Халқы көп ұлтты.", "Бұл сөйлем артық.",
      "Ата заң 1995 жылы қабылданды.", "Соңғы сөйлем."]
RU = ["Республика Казахстан — независимое государство.", "Столица — город Астана.",
      "Государственный язык — казахский.", "Население многонационально.",
      "Конституция принята в 1995 году.", "Последнее предложение."]
# kk [start, end), ru [start, end), score
BEADS = [((1, 2), (1, 2), 0.95), ((2, 3), (2, 3), 0.9), ((3, 4), (3, 4), 0.4), ((4, 5), (4, 5), 0.7),
         ((5, 6), (5, 5), 0.2), ((6, 7), (5, 6), 0.85), ((7, 8), (6, 7), 0.6)]


def add_edition(session, title: str, lang: str, sentences: list[str], pages: int = 2) -> Edition:
    edition = Edition(title=title, lang=lang, source_name=f"{title}.{lang}.txt", sha256=f"{title}-{lang}",
                      segment_count=len(sentences), block_count=len(sentences), page_count=pages,
                      line_count=len(sentences) * 2)
    session.add(edition)
    session.flush()
    for i, text in enumerate(sentences, start=1):
        page = 1 + (i - 1) * pages // len(sentences)
        block = Block(edition_id=edition.id, position=i, kind="heading" if i == 1 else "paragraph", text=text,
                      page=page, start_line=2 * i, end_line=2 * i)
        session.add(block)
        session.flush()
        session.add(Segment(edition_id=edition.id, block_id=block.id, position=i, text=text, original=text,
                            page=page, start_line=2 * i, end_line=2 * i, is_heading=i == 1, opens_block=True))
    session.flush()
    return edition


def add_alignment(session, kk: Edition, ru: Edition, beads) -> Alignment:
    alignment = Alignment(kk_edition_id=kk.id, ru_edition_id=ru.id, bead_count=len(beads))
    session.add(alignment)
    session.flush()
    session.execute(insert(Bead), [
        {"alignment_id": alignment.id, "position": n, "kk_start": k[0], "kk_end": k[1], "ru_start": r[0],
         "ru_end": r[1], "score": score, "status": "auto", "version": 1}
        for n, (k, r, score) in enumerate(beads, start=1)])
    return alignment


@dataclass
class Demo:
    alignment_id: int
    kk_edition_id: int
    ru_edition_id: int


def csrf_of(client) -> str:
    html = client.get("/auth/login").get_data(as_text=True)
    return re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)


def login(client, name: str, password: str = PASSWORD) -> str:
    """Log ``client`` in; returns the session's CSRF token."""
    token = csrf_of(client)
    response = client.post("/auth/login", data={"name": name, "password": password, "csrf_token": token})
    assert response.status_code == 302, response.get_data(as_text=True)
    return csrf_of(client)


class Api:
    """JSON calls with the CSRF header, as the page makes them."""

    def __init__(self, client, token: str, alignment_id: int) -> None:
        self.client, self.token, self.base = client, token, f"/alignments/{alignment_id}/api"

    def post(self, path: str, body: dict | None = None, token: str | None = "same"):
        headers = {} if token is None else {"X-CSRF-Token": self.token if token == "same" else token}
        return self.client.post(self.base + path, json=body or {}, headers=headers)


def build_demo(session) -> Demo:
    """The seven-bead demo alignment (one 1-0 bead, all automatic) in ``session``."""
    kk = add_edition(session, "Демо", "kk", KK)
    ru = add_edition(session, "Демо", "ru", RU)
    alignment = add_alignment(session, kk, ru, BEADS)
    return Demo(alignment.id, kk.id, ru.id)
