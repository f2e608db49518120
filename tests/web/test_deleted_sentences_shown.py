"""A sentence an editor deleted (a duplicate) disappears from what users read and export — the edition
page, the segments command, the JSON API and the alignment exports — while every other sentence keeps its
number; the review page shows it struck through, naming who deleted it."""
from __future__ import annotations

import io
import json
import re

import polib
import pytest
from lxml import etree
from review_builders import KK, RU, add_alignment, add_edition, login
from sqlalchemy import select

from workbench.db import transaction
from workbench.models import Segment
from workbench.services import corrections, exporting
from workbench.services.tokens import create_token

# kk 2-3 ↔ ru 2-3 is a 2-2 bead; kk 4 ↔ ru 4 a 1-1 bead; kk 5 a 1-0 bead.
BEADS = [((1, 2), (1, 2), 0.95), ((2, 4), (2, 4), 0.9), ((4, 5), (4, 5), 0.7), ((5, 6), (5, 5), 0.2),
         ((6, 7), (5, 6), 0.85), ((7, 8), (6, 7), 0.6)]
TMX = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def book(sessions):
    """The demo texts with kk sentences 3 (in the 2-2 bead), 4 (alone in a 1-1 bead) and 5 (the 1-0
    bead) deleted through the corrections service, as an editor does."""
    with transaction(sessions) as s:
        kk, ru = add_edition(s, "Кітап", "kk", KK), add_edition(s, "Кітап", "ru", RU)
        alignment = add_alignment(s, kk, ru, BEADS)
        ids = (alignment.id, kk.id, ru.id)
    with transaction(sessions) as s:
        for n in (3, 4, 5):
            x = s.scalar(select(Segment).where(Segment.edition_id == ids[1], Segment.position == n))
            corrections.delete(s, ids[1], x.id, x.version, "editor")
    return ids


LIVE = [(1, KK[0]), (2, KK[1]), (6, KK[5]), (7, KK[6])]
GONE = [KK[2], KK[3], KK[4]]


def test_the_edition_page_leaves_deleted_sentences_out_and_keeps_the_numbers(client, book):
    html = client.get(f"/editions/{book[1]}").get_data(as_text=True)
    assert re.findall(r'<tr id="s(\d+)"', html) == [str(n) for n, _ in LIVE]
    assert all(text in html for _, text in LIVE) and not any(text in html for text in GONE)


def test_segments_command_leaves_deleted_sentences_out(cli_runner, book):
    from workbench.cli.main import cli

    out = cli_runner.invoke(cli, ["segments", str(book[1])])
    assert out.exit_code == 0, out.output
    assert [(r["n"], r["text"]) for r in map(json.loads, out.output.splitlines())] == LIVE
    out = cli_runner.invoke(cli, ["segments", str(book[1]), "--format", "tsv"])
    assert [(int(line.split("\t")[0]), line.split("\t")[3]) for line in out.output.splitlines()] == LIVE


def test_the_api_leaves_deleted_sentences_out(client, sessions, users, book):
    with transaction(sessions) as s:
        token = create_token(s, "viewer")
    got = client.get(f"/api/editions/{book[1]}/sentences", headers={"Authorization": f"Bearer {token}"})
    assert got.status_code == 200
    assert [(r["n"], r["text"]) for r in got.get_json()] == LIVE


def export(sessions, alignment_id: int, fmt: str, **kw) -> bytes:
    stream = io.BytesIO()
    with transaction(sessions) as s:
        exporting.export(s, alignment_id, fmt, stream, **kw)
    return stream.getvalue()


def tmx_units(data: bytes) -> list[dict[str, str]]:
    root = etree.fromstring(data)
    return [{tuv.get(TMX): tuv.findtext("seg") for tuv in tu.iter("tuv")} for tu in root.iter("tu")]


def test_the_tmx_leaves_out_a_bead_left_one_sided_and_drops_the_deleted_text(sessions, book):
    units = tmx_units(export(sessions, book[0], "tmx"))
    assert units == [{"kk": KK[0], "ru": RU[0]}, {"kk": KK[1], "ru": f"{RU[1]} {RU[2]}"},
                     {"kk": KK[5], "ru": RU[4]}, {"kk": KK[6], "ru": RU[5]}]
    # Asked for the unpaired beads too: the Russian sentence whose Kazakh one was deleted, alone;
    # the 1-0 bead whose only sentence was deleted is not written at all.
    units = tmx_units(export(sessions, book[0], "tmx", include_unpaired=True))
    assert {"ru": RU[3]} in units and len(units) == 5
    assert not any(gone in json.dumps(units, ensure_ascii=False) for gone in GONE)


def test_xliff_po_and_tsv_leave_the_deleted_sentences_out(sessions, book):
    for fmt in ("xliff", "po", "tsv"):
        text = export(sessions, book[0], fmt).decode("utf-8")
        assert KK[1] in text and (RU[3] in text) == (fmt != "po"), fmt  # a PO has no entry without Kazakh
        assert not any(gone in text for gone in GONE), fmt
    po = polib.pofile(export(sessions, book[0], "po").decode("utf-8"))
    assert [e.msgid for e in po] == [KK[0], KK[1], KK[5], KK[6]]
    rows = export(sessions, book[0], "tsv").decode("utf-8").splitlines()[1:]
    assert [r.split("\t")[:3] for r in rows] == [
        ["1", KK[0], RU[0]], ["2", KK[1], f"{RU[1]} {RU[2]}"], ["3", "", RU[3]], ["5", KK[5], RU[4]],
        ["6", KK[6], RU[5]]]


def test_the_review_page_strikes_a_deleted_sentence_through_naming_who_deleted_it(app, users, book):
    client = app.test_client()
    login(client, "translator")
    html = client.get(f"/alignments/{book[0]}").get_data(as_text=True)
    bead3 = html[html.index('id="b3"'):html.index('id="b4"')]
    assert re.search(r'<span class="sent deleted"[^>]*data-n="4"', bead3)
    assert f'<del class="text" title="deleted by editor">{KK[3]}</del>' in bead3
    bead1 = html[html.index('id="b1"'):html.index('id="b2"')]
    assert "<del" not in bead1 and f'<span class="text">{KK[0]}</span>' in bead1
    # Search finds no deleted sentence, and "pair with…" does not offer one.
    found = client.get(f"/alignments/{book[0]}?q=ұлтты").get_data(as_text=True)
    assert not re.findall(r'<tr id="b(\d+)"', found)


def test_a_deleted_sentence_cannot_be_edited_or_paired_from_the_review_page(app, users, sessions, book):
    from workbench.errors import InputError
    from workbench.services import review, review_pair

    with transaction(sessions) as s:
        x = s.scalar(select(Segment).where(Segment.edition_id == book[1], Segment.position == 4))
        with pytest.raises(InputError, match="sentence 4 was deleted"):
            review.edit_text(s, book[0], x.id, x.version, "Жаңа мәтін.", "editor")
        with pytest.raises(InputError, match="kk sentence 4 was deleted"):
            review_pair.pair(s, book[0], 4, 4, "translator")
