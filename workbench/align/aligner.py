"""The aligner: anchors, DP in the corridor they leave, a second pass with a lexicon learnt from the first."""
from __future__ import annotations

import functools
import logging
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from workbench.align.anchors import anchor_points, anchored_ratio, find_anchors
from workbench.align.coarse import coarse_points
from workbench.align.confidence import FEATURES, bead_features, bead_scores
from workbench.align.cost import BeadCost
from workbench.align.dp import best_path, corridor
from workbench.align.features import SideFeatures, add_translations, pair_features, side_features
from workbench.align.lexicon import glossary_keys, learn_lexicon, name_variants
from workbench.align.model import AlignConfig, Bead, Side
from workbench.align.stem_lexicon import StemLexicon, as_mapping, shipped_lexicon
from workbench.errors import N_, AlignmentError, Message

logger = logging.getLogger(__name__)

Stretch = tuple[int, int, int, int]  # kk[i0:i1] × ru[j0:j1] still to align
PathBead = tuple[int, int, int, int]  # (i, a, j, b): kk[i:i+a] ↔ ru[j:j+b]
KEY_SUPPORT = FEATURES.index("key support")
CROSSING = FEATURES.index("margin to crossing with a neighbour")
# Log difference from the whole texts' length ratio beyond which the first pass takes the ratio of the
# anchors (a quarter or more of one side missing; smaller gaps keep the whole texts' ratio).
RATIO_TRUST = 0.3
# A stretch before the first anchor or after the last at least this large follows a coarse path.
HELD_MIN_CELLS = 4000
HELD_MIN_SIDE = 8


def as_side(side: Side | Sequence[str]) -> Side:
    """A plain list of sentences is a Side without paragraph or heading marks."""
    return side if isinstance(side, Side) else Side(list(side))


def align_with_features(kk: Side | Sequence[str], ru: Side | Sequence[str],
                        config: AlignConfig | None = None,
                        lexicon: StemLexicon | Mapping[str, Iterable[str]] | None = None,
                        ) -> tuple[list[Bead], list[list[float]]]:
    """The beads of ``align`` and, for each, the features its confidence is computed from (for fitting
    the confidence coefficients; see ``confidence.FEATURES``)."""
    collect: list = []
    beads = align(kk, ru, config, lexicon=lexicon, _collect=collect)
    rows = [list(map(float, r)) for block in collect for r in block]
    if len(rows) != len(beads):
        raise RuntimeError("features and beads out of step")  # a bug
    return beads, rows


def align(kk: Side | Sequence[str], ru: Side | Sequence[str], config: AlignConfig | None = None,
          glossary: Sequence[tuple[str, str]] | None = None, fixed: Sequence[Bead] = (),
          lexicon: StemLexicon | Mapping[str, Iterable[str]] | None = None, _collect: list | None = None,
          progress: Callable[[float, "str | Message"], None] | None = None) -> list[Bead]:
    """Align the sentences of a Kazakh and a Russian edition.

    :param glossary: (kk term, ru term) pairs; inflected forms match by stem.
    :param lexicon: kk stem → ru stems to start from; by default the shipped stem lexicon
        (``AlignConfig.shipped_lexicon`` turns it off).
    :param fixed: beads a reviewer confirmed; they come back exactly as given and only the stretches
        between them are aligned.
    :param progress: called as ``progress(fraction, message)`` with fractions from 0 to 1 at the
        natural steps (features, each pass by stretches, lexicon, done); a few dozen calls at most.
    :returns: monotone beads covering every sentence of both sides exactly once.
    :raises AlignmentError: on an empty side or fixed beads out of range, overlapping or out of order.
    """
    config = config or AlignConfig()
    kk_side, ru_side = as_side(kk), as_side(ru)
    n, m = len(kk_side.sentences), len(ru_side.sentences)
    if n == 0 and m == 0 and not fixed:
        return []
    if n == 0 or m == 0:
        raise AlignmentError(N_("the Kazakh side has no sentences; nothing to align it with") if n == 0 else
                             N_("the Russian side has no sentences; nothing to align it with"))
    report = progress or (lambda fraction, message: None)
    report(0.0, Message(N_("reading sentences")))
    stretches = stretches_between(fixed, n, m)
    kk_f = side_features(kk_side.sentences, config.stem_length)
    ru_f = side_features(ru_side.sentences, config.stem_length)
    # Word correspondences known before aligning: name variants, then the stem lexicon.
    known: dict[str, set[str]] = {}
    if config.fuzzy_names:
        known = name_variants(kk_side.sentences, ru_side.sentences, config.stem_length,
                              config.fuzzy_min_ratio)
    if lexicon is None and config.shipped_lexicon:
        lexicon = shipped_lexicon()
    if lexicon is not None:
        for s, ts in as_mapping(lexicon, config.stem_length).items():
            known.setdefault(s, set()).update(ts)
    extra_kk: Sequence[frozenset[str]] = ()
    extra_ru: Sequence[frozenset[str]] = ()
    if glossary:
        extra_kk, extra_ru = glossary_keys(glossary, kk_side.sentences, ru_side.sentences, config.stem_length)

    passes = config.lexicon_passes if config.learn_lexicon else 0
    share = 0.9 / (passes + 1)  # of the bar, per pass; features before, scoring after

    def run(lexicon: dict[str, set[str]], pass_config: AlignConfig, n_pass: int, ratio: float | None = None,
            guide: Sequence[Bead] = (), collect: list | None = None) -> list[Bead]:
        start = 0.05 + n_pass * share
        name = Message(N_("first pass")) if n_pass == 0 else Message(N_("pass %(n)s with the lexicon"),
               n=n_pass + 1)
        report(start, Message(N_("%(name)s: anchors and corridors"), name=name))
        bc = _bead_cost(kk_f, ru_f, lexicon, extra_kk, extra_ru, kk_side, ru_side, pass_config, ratio)
        if ratio is None and n * m > config.max_rectangle_cells:
            # The whole texts' length ratio is off by as much as one edition lacks; where that is a lot
            # (half the document), the ratio of the anchors found by their keys alone replaces it.
            matched = anchored_ratio(bc, pass_config)
            if matched is not None and abs(math.log(matched) - bc.log_ratio) > RATIO_TRUST:
                logger.debug("length ratio %.3f of the anchors instead of %.3f", matched, bc.pf.ratio)
                bc = _bead_cost(kk_f, ru_f, lexicon, extra_kk, extra_ru, kk_side, ru_side, pass_config, matched)

        def stretch_done(done: int, total: int) -> None:
            report(start + share * done / total,
                   Message(N_("%(name)s: %(done)s of %(total)s stretches"),
                   name=name, done=done, total=total))

        return _align_all(bc, stretches, pass_config, corners(guide) if guide else None, collect,
                          stretch_done)

    # A pass that only has to find confident 1-1 beads to learn from makes do with the simple shapes.
    first = replace(config, shapes=tuple(s for s in config.shapes if sum(s) <= 3)) if passes else config
    beads = run(known, first, 0, collect=None if passes else _collect)
    confirmed = set(fixed)
    for n_pass in range(passes):
        confident = [(b.kk[0], b.ru[0]) for b in [*beads, *fixed] if len(b.kk) == len(b.ru) == 1
                     and (b.score >= config.lexicon_min_score or b in confirmed)]
        if len(confident) > config.lexicon_max_pairs:  # evenly spread: a long book teaches no less
            step = len(confident) / config.lexicon_max_pairs
            confident = [confident[int(k * step)] for k in range(config.lexicon_max_pairs)]
        report(0.05 + (n_pass + 1) * share, Message(N_("learning the lexicon from confident beads")))
        learnt = learn_lexicon(confident, kk_f, ru_f, config.lexicon_min_count, config.lexicon_min_dice)
        logger.debug("lexicon: %d learnt entries from %d beads", len(learnt), len(confident))
        for s, ts in known.items():
            learnt.setdefault(s, set()).update(ts)
        beads = run(learnt, config, n_pass + 1, aligned_ratio([*beads, *fixed], kk_f, ru_f), guide=beads,
                    collect=_collect if n_pass == passes - 1 else None)
    report(1.0, Message(N_("aligned")))
    return beads


def aligned_ratio(beads: Sequence[Bead], kk_f: SideFeatures, ru_f: SideFeatures) -> float | None:
    """Ru characters per kk character over the beads that pair sentences (None if there are none).

    The ratio of the whole texts is off by as much as a missing chapter: a fifth of one side missing
    shifts it by most of a standard deviation of the length model, which then favours merges.
    """
    kk_chars = sum(kk_f.lengths[i] for b in beads if b.kk and b.ru for i in b.kk)
    ru_chars = sum(ru_f.lengths[j] for b in beads if b.kk and b.ru for j in b.ru)
    return (ru_chars + 1) / (kk_chars + 1) if kk_chars and ru_chars else None


def corners(beads: Sequence[Bead]) -> list[tuple[int, int]]:
    """The DP states a bead path passes through: (0, 0) and the state after each bead."""
    points = [(0, 0)]
    i = j = 0
    for b in beads:
        i, j = b.kk[-1] + 1 if b.kk else i, b.ru[-1] + 1 if b.ru else j
        points.append((i, j))
    return points


def _align_all(bc: BeadCost, stretches: list[tuple[Stretch, Bead | None]], config: AlignConfig,
               guide: list[tuple[int, int]] | None = None, collect: list | None = None,
               stretch_done: Callable[[int, int], None] | None = None) -> list[Bead]:
    """Beads of every stretch, with the fixed bead that closes it, in order.

    :param guide: the states of an earlier pass's path; the DP then only searches near it.
    """
    beads = []
    total, step = len(stretches), max(1, len(stretches) // 8)  # at most about eight reports a pass
    for k, (stretch, closing) in enumerate(stretches, 1):
        beads.extend(_align_stretch(bc, stretch, config, guide, collect))
        if closing is not None:
            beads.append(closing)
        if stretch_done is not None and (k % step == 0 or k == total):
            stretch_done(k, total)
    return beads


def _before(x: Bead, y: Bead) -> int:
    """Order of two monotone beads by a side they both use (cmp-style)."""
    if x.kk and y.kk:
        return x.kk[0] - y.kk[0]
    if x.ru and y.ru:
        return x.ru[0] - y.ru[0]
    return 0


def _bead_cost(kk_f: SideFeatures, ru_f: SideFeatures, lexicon: dict[str, set[str]],
               extra_kk: Sequence[frozenset[str]], extra_ru: Sequence[frozenset[str]],
               kk: Side, ru: Side, config: AlignConfig, ratio: float | None = None) -> BeadCost:
    kk_keys = add_translations(kk_f, lexicon) if lexicon else None
    pf = pair_features(kk_f, ru_f, config.key_recall, kk_keys, extra_kk, extra_ru, ratio)
    return BeadCost(pf, kk, ru, config)


def _align_stretch(bc: BeadCost, stretch: Stretch, config: AlignConfig,
                   guide: list[tuple[int, int]] | None = None, collect: list | None = None) -> list[Bead]:
    i0, i1, j0, j1 = stretch
    n, m = i1 - i0, j1 - j0
    if n == 0 or m == 0:
        # Nothing on the other side: every sentence is a certain skip.
        skips = [Bead((i,), ()) for i in range(i0, i1)] + [Bead((), (j,)) for j in range(j0, j1)]
        if collect is not None:
            collect.append(bead_features(bc, [(b.kk[0] if b.kk else i1, len(b.kk), b.ru[0] if b.ru else j1,
                                               len(b.ru)) for b in skips]))
        return skips
    if guide is not None:
        # A later pass moves beads by a few sentences at most: search a narrow corridor around the path
        # of the pass before instead of the anchors' wide one.
        points = [(i - i0, j - j0) for i, j in guide if i0 <= i <= i1 and j0 <= j <= j1]
        lo, hi = corridor(points, n, m, replace(config, anchor_slack=config.refine_slack))
        close_skip_runs(points, lo, hi, config.refine_slack)
    else:
        anchors = find_anchors(bc, i0, i1, j0, j1, config)
        points, slack = follow_coarse_paths(bc, anchor_points(anchors, i0, j0, n, m), i0, j0, config)
        lo, hi = corridor(points, n, m, replace(config, anchor_slack=slack))
        close_skip_runs(points, lo, hi, slack)
    path = [(i + i0, a, j + j0, b) for i, a, j, b in best_path(n, m, lo, hi, config.shapes, bc.arrays.block, i0, j0)]
    if config.isolated_pair_max_llr is not None:
        path = unpair_isolated(bc, path, config.isolated_pair_max_llr)
    swapped: set[int] = set()
    if config.swap_min_llr is not None and (2, 2) in config.shapes:
        path, swapped = join_swaps(bc, path, config.swap_min_llr)
    features = bead_features(bc, path)
    if collect is not None:
        collect.append(features)
    scores = bead_scores(bc, path, features)
    for k, (i, a, j, b) in enumerate(path):
        if k in swapped or a == b == 2 and bc.priced_as_swap(i, j) or features[k][CROSSING] < 0.0:
            # Sentences translated in the other order: right as a 2-2 bead, but a reviewer should look; and
            # two 1-1 beads whose crossed pairs cost less than the straight ones (only the price of a swap
            # kept them straight) may well be such a pair.
            scores[k] = min(scores[k], config.swap_score)
        if a and b and features[k][KEY_SUPPORT] < 0.0:
            # No key speaks for the pair and some against it: only the lengths made it cheap.
            scores[k] = min(scores[k], config.unsupported_score)
    return [Bead(tuple(range(i, i + a)), tuple(range(j, j + b)), round(s, 4))
            for (i, a, j, b), s in zip(path, scores)]


def close_skip_runs(points: list[tuple[int, int]], lo: list[int], hi: list[int], slack: int) -> None:
    """Narrow the corridor ``lo, hi`` to the single column of a long run of kk sentences without ru ones.

    Where the coarse path skips many kk sentences at one ru position, the corridor's slack leaves a band a
    few ru sentences wide along the whole run, and in repeated text a few ru sentences can pair as cheaply
    with a copy at the far end of the run as with the one before it: the band lets them float there.
    Inside the run (``slack`` rows in from either end, where the fine DP may still correct the coarse
    path) only the run's own column stays open. Runs of ru sentences without kk ones need nothing: they
    lie in one row of the DP, whose neighbours keep their narrow bands.
    """
    k = 0
    while k < len(points):
        end = k
        while end + 1 < len(points) and points[end + 1][1] == points[k][1]:
            end += 1
        first, last, column = points[k][0], points[end][0], points[k][1]
        for i in range(first + slack, last - slack + 1):
            if lo[i] <= column <= hi[i]:
                lo[i] = hi[i] = column
        k = end + 1


def follow_coarse_paths(bc: BeadCost, points: list[tuple[int, int]], i0: int, j0: int,
                        config: AlignConfig) -> tuple[list[tuple[int, int]], int]:
    """Corridor points with every gap between anchors too large for a full rectangle replaced by the
    corners of a coarse path through it (see ``coarse.py``), and the slack the corridor then needs."""
    out = [points[0]]
    slack = config.anchor_slack
    for (ia, ja), (ib, jb) in zip(points, points[1:]):
        first = ia + i0 == 0 and ja + j0 == 0
        last = ib + i0 == bc.n and jb + j0 == bc.m
        held = "end" if first and not last else "start" if last and not first else None
        # Before the first anchor and after the last, one edition may lack the beginning or the end of the
        # other: in repeated text a full rectangle holds several equally cheap paths, the coarse path one
        # that keeps to the anchor.
        cells = (ib - ia + 1) * (jb - ja + 1)
        held_gap = held is not None and cells > HELD_MIN_CELLS and min(ib - ia, jb - ja) >= HELD_MIN_SIDE
        if (cells > config.max_rectangle_cells or held_gap) and ib > ia and jb > ja:
            coarse, size = coarse_points(bc, ia + i0, ib + i0, ja + j0, jb + j0, held)
            out.extend((i - i0, j - j0) for i, j in coarse[1:])
            slack = max(slack, 2 * size)
        else:
            out.append((ib, jb))
    return out, slack


def join_swaps(bc: BeadCost, path: list[PathBead], min_llr: float) -> tuple[list[PathBead], set[int]]:
    """The path with two sentences translated in the other order joined into one 2-2 bead, and the
    positions of those beads.

    A monotone path cannot cross: kk A B translated as ru B' A' comes out of the DP as A:-, B:B', -:A' (or
    as the straight pairs A:B', B:A'). When the crossed pairs A–A' and B–B' are both supported by their keys
    and better than the straight ones, the beads covering those four sentences become one 2-2 bead.
    """
    out: list[PathBead] = []
    swapped: set[int] = set()
    k = 0
    while k < len(path):
        joined = None
        for size in (2, 3):
            window = path[k:k + size]
            if len(window) < size:
                break
            i, j = window[0][0], window[0][2]
            if sum(a for _, a, _, _ in window) != 2 or sum(b for _, _, _, b in window) != 2:
                continue
            crossed = (bc.pair_llr(i, j + 1), bc.pair_llr(i + 1, j))
            straight = bc.pair_llr(i, j) + bc.pair_llr(i + 1, j + 1)
            if min(crossed) >= min_llr and sum(crossed) > straight + min_llr:
                joined = (size, (i, 2, j, 2))
                break
        if joined is None:
            out.append(path[k])
            k += 1
        else:
            swapped.add(len(out))
            out.append(joined[1])
            k += joined[0]
    return out, swapped


def unpair_isolated(bc: BeadCost, path: list[PathBead], max_llr: float) -> list[PathBead]:
    """The path with every 1-1 bead that sits between two skips and has no lexical support split
    into a 1-0 and a 0-1.

    Inside a run of skips (a paragraph or block one edition lacks) the DP pairs a left-over kk sentence
    with a left-over ru sentence as soon as the pair costs less than two skips, which an unrelated pair
    of short sentences easily does; when its keys speak against it, two skips are the likelier story.
    The neighbours are judged on the DP's path, so a pair inside a run of 1-1 beads is never touched.
    """
    skips = [a == 0 or b == 0 for _, a, _, b in path]
    out: list[PathBead] = []
    for k, (i, a, j, b) in enumerate(path):
        between_skips = 0 < k < len(path) - 1 and skips[k - 1] and skips[k + 1]
        if a == b == 1 and between_skips and bc.pair_llr(i, j) <= max_llr:
            out.extend([(i, 1, j, 0), (i + 1, 0, j, 1)])
        else:
            out.append((i, a, j, b))
    return out


def stretches_between(fixed: Sequence[Bead], n: int, m: int) -> list[tuple[Stretch, Bead | None]]:
    """Each stretch left between fixed beads with the fixed bead that closes it (None for the last).

    Checks first that the fixed beads can be kept exactly as given.
    """
    stretches: list[tuple[Stretch, Bead | None]] = []
    next_kk = next_ru = 0
    for b in sorted(fixed, key=functools.cmp_to_key(_before)):
        where = f"fixed bead {list(b.kk)}:{list(b.ru)}"
        if not b.kk and not b.ru:
            raise AlignmentError(N_("%(where)s is empty"), where=where)
        for side, idx, size in (("kk", b.kk, n), ("ru", b.ru, m)):
            if any(y != x + 1 for x, y in zip(idx, idx[1:])):
                raise AlignmentError(N_("%(where)s: %(side)s indices are not contiguous and increasing"),
                                     where=where, side=side)
            if idx and (idx[0] < 0 or idx[-1] >= size):
                raise AlignmentError(N_("%(where)s: %(side)s index out of range 0..%(n)s"),
                                     where=where, side=side, n=size - 1)
        start_kk = b.kk[0] if b.kk else next_kk
        start_ru = b.ru[0] if b.ru else next_ru
        if start_kk < next_kk or start_ru < next_ru:
            raise AlignmentError(N_("%(where)s overlaps or crosses another fixed bead"), where=where)
        stretches.append(((next_kk, start_kk, next_ru, start_ru), b))
        next_kk = b.kk[-1] + 1 if b.kk else next_kk
        next_ru = b.ru[-1] + 1 if b.ru else next_ru
    stretches.append(((next_kk, n, next_ru, m), None))
    return stretches
