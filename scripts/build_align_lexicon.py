"""Rebuild the aligner's shipped kk–ru stem lexicon, ``workbench/align/lexicon.kk-ru.tsv``.

Learns from the reference sentence alignments of the bundled documents and from the shipped glossary.
The 1991 law on state independence (``corpora/law_state_independence_1991``) is the aligner's held-out
document (see bench/align.py): neither its beads nor any glossary entry attested only there are used.

Run from the project root: ``python scripts/build_align_lexicon.py``.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.align import AlignConfig, parse_beads
from workbench.align.stem_lexicon import (
    SHIPPED_FILE,
    StemLexicon,
    format_lexicon,
    learn_from_pairs,
    merge_entries,
)
from workbench.services.glossary import load_glossary

LEARNT_FROM = ("constitution_2026", "declaration_independence_20y", "tatoeba_kaz_rus_sample")
HELD_OUT = "law_state_independence_1991"
CYRILLIC = re.compile("[а-яё]")


def corpus_pairs(name: str) -> list[tuple[str, str]]:
    d = ROOT / "corpora" / name
    kk = (d / "kk.txt").read_text(encoding="utf-8").splitlines()
    ru = (d / "ru.txt").read_text(encoding="utf-8").splitlines()
    beads = parse_beads((d / "gold.txt").read_text(encoding="utf-8"), str(d / "gold.txt"))
    return [(" ".join(kk[i] for i in b.kk), " ".join(ru[j] for j in b.ru)) for b in beads if b.kk and b.ru]


def glossary_pairs() -> list[tuple[str, str]]:
    pairs = []
    for entry in load_glossary(ROOT / "glossary"):
        if entry.source and HELD_OUT in entry.source and "constitution" not in entry.source \
                and "declaration" not in entry.source:
            continue
        kk = [t.text for t in entry.terms if t.lang == "kk"]
        ru = [t.text for t in entry.terms if t.lang == "ru"]
        if kk and ru:
            pairs.append((kk[0], ru[0]))
    return pairs


def build_entries(learnt_from: tuple[str, ...] = LEARNT_FROM) -> tuple[list, int, int, int]:
    """(entries, how many came from the corpora, how many from the glossary, sentence pairs read), learnt
    from the gold alignments of ``learnt_from`` and the glossary (the bench also builds lexicons that leave
    one document out, to fit the confidence on documents the lexicon never saw)."""
    stem_length = AlignConfig().stem_length
    corpus = [p for name in learnt_from for p in corpus_pairs(name)]
    from_corpus = learn_from_pairs(corpus, stem_length, "corpora", min_count=2, min_dice=0.5)
    # A one-word term and its one-word translation are a pair on their own; longer terms teach a stem only
    # when it comes back in two entries.
    glossary = glossary_pairs()
    single = [(k, r) for k, r in glossary if len(k.split()) == 1 and len(r.split()) == 1]
    from_glossary = [*learn_from_pairs(single, stem_length, "glossary", min_count=1, min_dice=0.5),
                     *learn_from_pairs(glossary, stem_length, "glossary", min_count=2, min_dice=0.5)]
    known = {e.kk for e in from_corpus}
    from_glossary = [e for e in from_glossary if e.kk not in known and CYRILLIC.search(e.kk)]
    return merge_entries(from_corpus, from_glossary), len(from_corpus), len(from_glossary), len(corpus)


def main() -> None:
    stem_length = AlignConfig().stem_length
    entries, n_corpus, n_glossary, n_pairs = build_entries()
    provenance = (
        "Kazakh-Russian stem lexicon of the sentence aligner (workbench/align/stem_lexicon.py).",
        "Built by scripts/build_align_lexicon.py from: the reference sentence alignments (gold.txt, 1-1 and",
        "n:m beads) of corpora/constitution_2026, corpora/declaration_independence_20y and",
        "corpora/tatoeba_kaz_rus_sample (sources and licences in corpora/README.md), and the first Kazakh",
        "and Russian term of every entry of glossary/*.tsv (glossary/README.md); the corpora win where both",
        "give a Kazakh stem.",
        "Held out: corpora/law_state_independence_1991 and glossary entries attested only there.",
        "A row: Kazakh stem, Russian stem (first letters after the kk->ru letter mapping), how many",
        "sentence pairs or entries hold both, Dice coefficient, what it was learnt from.",
    )
    lexicon = StemLexicon(stem_length, tuple(entries), provenance)
    out = ROOT / "workbench" / "align" / SHIPPED_FILE
    out.write_text(format_lexicon(lexicon), encoding="utf-8")
    print(f"{out}: {len(entries)} entries ({n_corpus} from the corpora, {n_glossary} from the "
          f"glossary, {n_pairs} sentence pairs)")


if __name__ == "__main__":
    main()
