"""TMX 1.4b of an alignment: the store contract, the header and props the spec asks for, reading back
with translate-toolkit, and safe reading of hostile files."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from contract import StoreContract
from lxml import etree
from translate.storage import tmx as tt_tmx

from workbench.errors import FormatError
from workbench.formats import tmx
from workbench.formats.aligned import AlignedPair, Side

WHEN = dt.datetime(2026, 11, 26, 1, 0, tzinfo=dt.timezone.utc)


def pairs() -> list[AlignedPair]:
    return [
        AlignedPair(1, Side(["Қазақстан Республикасы — тәуелсіз мемлекет."], 5, 5, 120, 120),
                    Side(["Республика Казахстан — независимое государство."], 4, 4, 98, 98), "confirmed", 0.95),
        AlignedPair(2, Side(["Бірінші сөйлем.", "Екінші сөйлем."], 5, 6, 121, 125),
                    Side(["Одно предложение."], 4, 4, 99, 99), "auto", 0.4321, "проверить"),
        # Pages printed otherwise than their positions in the file: the 6th page is printed "iv", the 7th "1".
        AlignedPair(3, Side(["Артық сөйлем."], 6, 7, 126, 126, first_label="iv", last_label="1"), Side(), "auto",
                    0.1),
    ]


def dump(items, **kw) -> bytes:
    out = io.BytesIO()
    tmx.write(items, out, created=WHEN, **kw)
    return out.getvalue()


class TestTmxStore(StoreContract):
    path = "alignment.tmx"
    malformed = [
        (b"<tmx version='1.4'>\n<body>\n", 3),
        (b"<?xml version='1.0'?>\n<tu/>", 2),
        (b"<tmx version='1.4'><header/>\n<body>\n<tu><prop type='x'>1</prop></tu></body></tmx>", 3),
        (b"<tmx version='1.4'><body>\n<tu><prop type='x-score'>high</prop>"
         b"<tuv xml:lang='kk'><seg>a</seg></tuv></tu></body></tmx>", 2),
    ]

    def sample(self):
        return pairs()

    def item_with_text(self, text):
        return AlignedPair(1, Side([text]), Side([text + " (ru)"]), "auto", 0.5)

    def dump(self, items):
        return dump(items, include_unpaired=True)

    def load(self, data):
        return tmx.read(data, self.path)[0]


def test_header_has_what_tmx_14b_requires():
    root = etree.fromstring(dump(pairs(), title={"kk": "Кітап", "ru": "Книга"}))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    for name, value in {"srclang": "kk", "segtype": "sentence", "creationtool": "workbench",
                        "datatype": "plaintext", "adminlang": "en", "o-tmf": "workbench",
                        "creationdate": "20261126T010000Z"}.items():
        assert header.get(name) == value
    assert header.get("creationtoolversion")
    assert tmx.read(dump(pairs(), title={"kk": "Кітап", "ru": "Книга"}))[1] == {"kk": "Кітап", "ru": "Книга"}


def test_one_tu_per_bead_with_kk_and_ru_tuv_and_props():
    root = etree.fromstring(dump(pairs(), include_unpaired=True))
    tus = root.findall("body/tu")
    assert len(tus) == 3
    langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in tus[0].findall("tuv")]
    assert langs == ["kk", "ru"]
    props = {p.get("type"): p.text for p in tus[1].findall("prop")}
    assert props == {"x-position": "2", "x-status": "auto", "x-score": "0.4321", "x-kk-pages": "5-6",
                     "x-kk-lines": "121-125", "x-ru-pages": "4", "x-ru-lines": "99", "x-kk-breaks": "16"}
    assert tus[1].find("note").text == "проверить"
    # A 1-0 bead kept on request: its one tuv, never an empty Russian seg.
    assert [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in tus[2].findall("tuv")] == ["kk"]
    assert {p.get("type"): p.text for p in tus[2].findall("prop")}["x-unpaired"] == "kk"


def test_pages_are_printed_as_the_book_prints_them_with_their_positions_beside():
    tu = etree.fromstring(dump(pairs(), include_unpaired=True)).findall("body/tu")[2]
    props = {p.get("type"): p.text for p in tu.findall("prop")}
    assert (props["x-kk-pages"], props["x-kk-page-positions"]) == ("iv-1", "6-7")
    # Pages printed as their positions need no second property.
    assert "x-kk-page-positions" not in {p.get("type") for p in etree.fromstring(dump(pairs())).iter("prop")}


@pytest.mark.parametrize(("printed", "positions", "expected"), [
    ("5-6", None, (5, 6, None, None)),  # a file without positions: its pages are positions
    ("iv-1", "6-7", (6, 7, "iv", "1")),
    ("A-1-A-2", "3-4", (3, 4, "A-1", "A-2")),  # labels with a hyphen of their own
    ("A-1", "3", (3, 3, "A-1", "A-1")),
    ("4-ii", "4-6", (4, 6, None, "ii")),
])
def test_printed_pages_read_back_with_their_positions(printed, positions, expected):
    from workbench.formats.aligned import parse_pages

    assert parse_pages(printed, positions) == expected


def test_one_sided_beads_are_left_out_by_default():
    root = etree.fromstring(dump(pairs()))
    assert [tu.get("tuid") for tu in root.findall("body/tu")] == ["1", "2"]
    assert all(seg.text for seg in root.iter("seg"))


def test_unpaired_beads_follow_the_pairs_and_read_back_in_bead_order():
    beads = [pairs()[2], *pairs()[:2]]
    for n, pair in enumerate(beads, start=1):
        pair.position = n
    root = etree.fromstring(dump(beads, include_unpaired=True))
    assert [tu.get("tuid") for tu in root.findall("body/tu")] == ["2", "3", "1"]
    assert [p.kk.text for p in tmx.read(dump(beads, include_unpaired=True))[0]] == [p.kk.text for p in beads]


def test_translate_toolkit_reads_every_bead():
    store = tt_tmx.tmxfile.parsestring(dump(pairs()))
    units = store.getunits()
    assert [(u.source, u.target) for u in units] == [(p.kk.text, p.ru.text) for p in pairs()[:2]]


def test_external_entities_are_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    data = (f'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<tmx version="1.4"><header/><body><tu><tuv xml:lang="kk"><seg>a&x;</seg></tuv>'
            '<tuv xml:lang="ru"><seg>b</seg></tuv></tu></body></tmx>').encode()
    with pytest.raises(FormatError, match="DOCTYPE declares entities"):
        tmx.read(data)


def test_tuv_languages_are_matched_by_primary_subtag():
    data = (b'<tmx version="1.4"><header/><body><tu><tuv xml:lang="KK-KZ"><seg>A</seg></tuv>'
            b'<tuv lang="ru-RU"><seg>B</seg></tuv></tu></body></tmx>')
    pair = tmx.read(data)[0][0]
    assert (pair.kk.sentences, pair.ru.sentences) == (["A"], ["B"])


def test_a_tu_without_kk_or_ru_names_its_line():
    data = b'<tmx version="1.4"><header/><body>\n<tu><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>'
    with pytest.raises(FormatError, match="x.tmx:2: <tuv xml:lang> names the language 'en'"):
        tmx.read(data, "x.tmx")
