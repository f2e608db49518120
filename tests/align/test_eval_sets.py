"""The aligner's evaluation sets (corpora/eval/): well-formed gold, split into DEV and HELD OUT 2 by
bench/align.py, never imported on first start."""
from __future__ import annotations

import importlib.util
import sys
import unicodedata

import pytest
from corpus_paths import CORPORA, ROOT

from workbench.align import parse_beads
from workbench.services.setup import BUNDLED

EVAL = CORPORA / "eval"
SETS = sorted(p.name for p in EVAL.iterdir() if p.is_dir())


def bench_align():
    spec = importlib.util.spec_from_file_location("bench_align", ROOT / "bench" / "align.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_there_are_eval_sets():
    assert len(SETS) >= 4


@pytest.mark.parametrize("name", SETS)
def test_gold_is_monotone_and_covers_every_sentence_once(name):
    d = EVAL / name
    kk = (d / "kk.txt").read_text(encoding="utf-8").splitlines()
    ru = (d / "ru.txt").read_text(encoding="utf-8").splitlines()
    gold = parse_beads((d / "gold.txt").read_text(encoding="utf-8"), str(d / "gold.txt"))
    assert [i for b in gold for i in b.kk] == list(range(len(kk)))
    assert [j for b in gold for j in b.ru] == list(range(len(ru)))
    assert all(b.kk and b.ru for b in gold)


@pytest.mark.parametrize("name", SETS)
def test_sentences_are_the_paragraphs_cut_in_order(name):
    d = EVAL / name
    for lang in ("kk", "ru"):
        raw = (d / f"{lang}.raw.txt").read_text(encoding="utf-8")
        sentences = (d / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
        assert unicodedata.normalize("NFC", raw) == raw
        assert "".join(sentences).replace(" ", "") == raw.replace("\n", "").replace(" ", "")


def test_every_eval_set_is_dev_or_held_out_2_and_none_is_both():
    bench = bench_align()
    dev = {n.removeprefix("eval/") for n in bench.DEV}
    held = {n.removeprefix("eval/") for n in bench.HELD_OUT_2}
    assert dev and held and not dev & held
    assert dev | held == set(SETS)


def test_first_start_does_not_import_the_eval_sets():
    assert BUNDLED and not [t.path for t in BUNDLED if t.path.startswith("eval/")]
