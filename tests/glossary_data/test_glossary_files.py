"""Checks on the shipped glossary data under ``glossary/`` (standard library only).

The files are UTF-8 TSV with a header row and no quoting; see ``glossary/README.md``.
``abbreviations.tsv`` reproduces the book's list of abbreviations *as printed*, errors
included, so it is exempt from the script checks but its defects must be noted.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "glossary"
CORPORA = ROOT / "corpora"
BOOK = CORPORA / "chebotarev-2021.kk.txt"
ABBR_FILE = GLOSSARY / "abbreviations.tsv"
TERMS_FILE = GLOSSARY / "political-terms.tsv"
FILES = (ABBR_FILE, TERMS_FILE)

HEADER = ["id", "category", "kk", "kk_abbr", "kk_variants", "ru", "ru_abbr", "ru_variants",
          "status", "source", "note"]
CATEGORIES = {"party", "movement", "state-body", "office", "ideology", "event", "international-org",
              "document", "concept", "organisation", "place", "economy"}
STATUSES = {"approved", "proposed"}
OFFICIAL = {"constitution_2026", "law_state_independence_1991", "declaration_independence_20y"}
LATIN = re.compile(r"[A-Za-z]")
ATTESTATION = re.compile(r"^corpora/([a-z0-9_]+) kk\.txt:(\d+) ru\.txt:(\d+)$")
BOOK_SOURCE = re.compile(r"^corpora/chebotarev-2021\.kk\.txt:(\d+)$")
BOOK_LIST_LINES = range(726, 876)  # the list of abbreviations, 1-based, inclusive


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        raw = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    header, body = raw[0], raw[1:]
    rows = [dict(zip(header, r)) for r in body]
    return header, rows, body


@pytest.fixture(scope="module")
def abbr_rows() -> list[dict[str, str]]:
    return read_rows(ABBR_FILE)[1]


@pytest.fixture(scope="module")
def term_rows() -> list[dict[str, str]]:
    return read_rows(TERMS_FILE)[1]


@pytest.fixture(scope="module")
def book_lines() -> list[str]:
    return BOOK.read_text(encoding="utf-8").split("\n")


def squash(s: str) -> str:
    return " ".join(s.split())


def stem(term: str) -> str:
    """The first five letters of a term, lower-cased, without guillemets or quotes."""
    return re.sub(r"[«»\"]", "", term).lower()[:5]


def core_abbreviation(printed: str) -> str:
    """``«Азат» ҚАҚ`` -> ``ҚАҚ``; ``Әл-Фараби атындағы ҚазҰУ`` -> ``ҚазҰУ``."""
    without_name = re.sub(r"«[^»]*»", "", printed).strip()
    words = without_name.split()
    if len(words) > 1 and not words[0].isupper():  # a descriptive prefix such as "Әл-Фараби атындағы"
        words = [w for w in words if any(c.isupper() for c in w[1:]) or w.isupper()]
    return " ".join(words)


def letters_fit(printed_abbr: str, expansion: str) -> bool:
    """Do the capital letters of the abbreviation occur, in order, among the initials of
    the expansion's words (hyphenated parts counted as words)?"""
    caps = [c for c in core_abbreviation(printed_abbr) if c.isalpha() and c.isupper()]
    text = re.sub(r"\(ағылш\.[^)]*\)", "", expansion)
    if re.match(r"^\s*«", printed_abbr):  # the quoted name is a prefix of both sides
        text = re.sub(r"«[^»]*»", "", text)
    initials: list[str] = []
    for w in re.split(r"[\s\-–,;]+", text.replace("«", "").replace("»", "")):
        if w:
            # Еуразиялық is Еур(опа)+Азия: its abbreviations take two letters, ЕА (ЕАЭО, ЕАЭҚ)
            initials.extend(["Е", "А"] if w.lower().startswith("еуразия") else [w[0].upper()])
    i = 0
    for c in caps:
        while i < len(initials) and initials[i] != c:
            i += 1
        if i == len(initials):
            return False
        i += 1
    return True


# --- shape of both files -------------------------------------------------------------------

@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_header_and_column_count(path: Path) -> None:
    header, _, body = read_rows(path)
    # the optional context columns (glossary/README.md) may follow the fixed ones
    assert header[:len(HEADER)] == HEADER and header[len(HEADER):] in ([], ["kk_context", "ru_context"])
    for n, cells in enumerate(body, start=2):
        assert len(cells) == len(header), f"{path.name}:{n} has {len(cells)} columns"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_text_is_clean_nfc(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not text.startswith("\ufeff")
    assert text.endswith("\n")
    assert unicodedata.normalize("NFC", text) == text
    assert "\r" not in text and '"' not in text  # nothing that would need quoting
    for n, line in enumerate(text.split("\n")[:-1], start=1):
        assert line.strip(), f"{path.name}:{n} is blank"
        for cell in line.split("\t"):
            assert cell == cell.strip(), f"{path.name}:{n} cell {cell!r} has outer spaces"
            assert "  " not in cell, f"{path.name}:{n} cell {cell!r} has a double space"


def test_ids_unique_and_well_formed(abbr_rows, term_rows) -> None:
    ids = [r["id"] for r in abbr_rows + term_rows]
    assert len(ids) == len(set(ids))
    assert [r["id"] for r in abbr_rows] == [f"abbr-{i:03d}" for i in range(1, len(abbr_rows) + 1)]
    assert [r["id"] for r in term_rows] == [f"term-{i:04d}" for i in range(1, len(term_rows) + 1)]
    for i in ids:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i)


def test_categories_statuses_and_both_languages(abbr_rows, term_rows) -> None:
    for r in abbr_rows + term_rows:
        assert r["category"] in CATEGORIES, r["id"]
        assert r["status"] in STATUSES, r["id"]
        assert r["kk"] or r["kk_abbr"], f"{r['id']} has no Kazakh term"
        assert r["ru"] or r["ru_abbr"], f"{r['id']} has no Russian term"
        for field in ("kk_variants", "ru_variants"):
            if r[field]:
                parts = r[field].split(" | ")
                assert all(p and p == p.strip() and "|" not in p for p in parts), (r["id"], field)


def test_no_latin_letters_in_russian_fields(abbr_rows, term_rows) -> None:
    for r in abbr_rows + term_rows:
        for field in ("ru", "ru_variants"):
            assert not LATIN.search(r[field]), f"{r['id']} {field}: {r[field]}"
        # a Latin-script abbreviation is allowed only when it is the name's own (same in kk)
        if LATIN.search(r["ru_abbr"]):
            assert r["ru_abbr"] == r["kk_abbr"], r["id"]


def test_no_latin_letters_in_kazakh_of_political_terms(term_rows) -> None:
    for r in term_rows:
        for field in ("kk", "kk_abbr", "kk_variants"):
            assert not LATIN.search(r[field]), f"{r['id']} {field}: {r[field]}"
            assert unicodedata.normalize("NFC", r[field]) == r[field]


def test_no_duplicate_concepts(abbr_rows, term_rows) -> None:
    kk = Counter((r["kk"] or r["kk_abbr"]).casefold() for r in abbr_rows + term_rows)
    dup_kk = [t for t, n in kk.items() if n > 1]
    assert dup_kk == []
    ru_abbr_list = {(r["ru"] or r["ru_abbr"]).casefold() for r in abbr_rows}
    ru_terms = Counter((r["ru"] or r["ru_abbr"]).casefold() for r in term_rows)
    assert [t for t, n in ru_terms.items() if n > 1] == []
    assert [t for t in ru_terms if t in ru_abbr_list] == []


# --- the book's list of abbreviations ------------------------------------------------------

def test_abbreviations_count_and_order(abbr_rows) -> None:
    assert len(abbr_rows) == 104
    assert len({r["kk_abbr"] for r in abbr_rows}) == 103
    lines = [int(BOOK_SOURCE.match(r["source"].split("; ")[0]).group(1)) for r in abbr_rows]
    assert lines == sorted(lines) and len(set(lines)) == 104
    assert all(n in BOOK_LIST_LINES for n in lines)


def test_abbreviations_match_the_cited_book_line(abbr_rows, book_lines) -> None:
    for r in abbr_rows:
        m = BOOK_SOURCE.match(r["source"].split("; ")[0])
        assert m, f"{r['id']} source {r['source']!r} does not cite the book"
        line = squash(book_lines[int(m.group(1)) - 1])
        assert r["kk_abbr"], r["id"]
        assert line.startswith(r["kk_abbr"]), f"{r['id']}: {r['kk_abbr']!r} not at the start of {line!r}"
        # the expansion starts on the same line, right after the dash, exactly as printed
        rest = re.sub(r"^\s*[–-]\s*", "", line[len(r["kk_abbr"]):])
        first_words = rest.split()[:2]
        assert r["kk"].split()[:len(first_words)] == first_words, f"{r['id']}: {r['kk']!r} vs {rest!r}"


def test_expansions_joined_from_continuation_lines(abbr_rows, book_lines) -> None:
    """Every word of the printed entry (up to the next entry) is in the expansion."""
    starts = [int(BOOK_SOURCE.match(r["source"].split("; ")[0]).group(1)) for r in abbr_rows]
    for r, start, nxt in zip(abbr_rows, starts, starts[1:] + [876]):
        chunk = [squash(book_lines[i - 1]) for i in range(start, nxt)]
        chunk = [c for c in chunk if c and c != "Қысқартулар мен аббревиатуралар"]
        printed = " ".join(chunk)
        # the last word of the printed entry ends the expansion (hyphenated line splits undone)
        assert r["kk"].split()[-1].rstrip(";").endswith(printed.split()[-1].rstrip(";")), r["id"]


def test_repeated_abbreviation_is_noted(abbr_rows) -> None:
    by_abbr: dict[str, list[dict[str, str]]] = {}
    for r in abbr_rows:
        by_abbr.setdefault(r["kk_abbr"], []).append(r)
    repeated = {a: rs for a, rs in by_abbr.items() if len(rs) > 1}
    assert set(repeated) == {"ҚАП"}
    for rows in repeated.values():
        assert len({r["kk"] for r in rows}) == len(rows), "repeated with the same expansion"
        for r in rows:
            others = [o["id"] for o in rows if o is not r]
            assert "same abbreviation as" in r["note"] and all(o in r["note"] for o in others), r["id"]


def test_latin_letters_in_the_list_are_noted(abbr_rows) -> None:
    flagged = []
    for r in abbr_rows:
        printed = re.sub(r"\(ағылш\.[^)]*\)", "", r["kk_abbr"] + " " + r["kk"])
        if LATIN.search(printed):
            flagged.append(r["kk_abbr"])
            assert "Latin" in r["note"], f"{r['id']} has Latin letters but no note"
    # the garbled «Қазақ мемлекетi» (Latin i) and «Kазаk елi», and the genuinely Latin HAQ
    assert len(flagged) == 3 and "HAQ" in flagged


def test_letters_that_do_not_fit_are_noted(abbr_rows) -> None:
    misfits = []
    for r in abbr_rows:
        if LATIN.search(core_abbreviation(r["kk_abbr"])):
            continue  # HAQ: a Latin name, checked above
        fits = letters_fit(r["kk_abbr"], r["kk"])
        if not fits:
            misfits.append(r["kk_abbr"])
            assert "letters do not fit" in r["note"] or "English name" in r["note"], r["id"]
        else:
            assert "letters do not fit" not in r["note"], r["id"]
    assert "ХҚДМ" in misfits


def test_printed_misspellings_are_noted(abbr_rows) -> None:
    notes = {r["kk_abbr"] + " " + r["kk"]: r["note"] for r in abbr_rows}
    for key, note in notes.items():
        if "Қазақстаның" in key:
            assert "misspelt" in note
        if "партриоттық" in key:
            assert "misspelt" in note


# --- attestations ----------------------------------------------------------------------------

def _bead_pairs(folder: str) -> set[tuple[int, int]]:
    pairs = set()
    for line in (CORPORA / folder / "gold.txt").read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        left, right = line.split(":")
        ks = [int(x) for x in left.strip("[]").split(",") if x]
        rs = [int(x) for x in right.strip("[]").split(",") if x]
        pairs.update((k + 1, r + 1) for k in ks for r in rs)  # 1-based
    return pairs


def test_approved_rows_cite_aligned_lines_that_hold_both_terms(abbr_rows, term_rows) -> None:
    cache: dict[str, tuple[list[str], list[str], set[tuple[int, int]]]] = {}
    approved = 0
    for r in abbr_rows + term_rows:
        if r["status"] != "approved":
            continue
        approved += 1
        cite = r["source"].split("; ")[-1]
        m = ATTESTATION.match(cite)
        assert m, f"{r['id']} approved without an attestation: {r['source']!r}"
        folder, k, q = m.group(1), int(m.group(2)), int(m.group(3))
        assert folder in OFFICIAL, r["id"]
        if folder not in cache:
            cache[folder] = (
                (CORPORA / folder / "kk.txt").read_text(encoding="utf-8").split("\n"),
                (CORPORA / folder / "ru.txt").read_text(encoding="utf-8").split("\n"),
                _bead_pairs(folder),
            )
        kk_lines, ru_lines, pairs = cache[folder]
        assert (k, q) in pairs, f"{r['id']}: kk.txt:{k} and ru.txt:{q} are not aligned"
        kk_term, ru_term = r["kk"] or r["kk_abbr"], r["ru"] or r["ru_abbr"]
        assert stem(kk_term) in kk_lines[k - 1].lower(), f"{r['id']}: {kk_term!r} not in kk.txt:{k}"
        assert stem(ru_term) in ru_lines[q - 1].lower(), f"{r['id']}: {ru_term!r} not in ru.txt:{q}"
    assert approved >= 40


def test_proposed_political_terms_have_no_attestation(term_rows) -> None:
    for r in term_rows:
        if r["status"] == "proposed":
            assert not ATTESTATION.match(r["source"]), r["id"]


def test_enough_political_terms(term_rows) -> None:
    assert len(term_rows) >= 320
    assert len({r["category"] for r in term_rows}) >= 10
