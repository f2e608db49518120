"""A sentence an editor deleted is not aligned (it becomes a one-sided bead of its own, every number kept),
is not read by the checks (a deleted duplicate is not reported again; findings after it keep their
sentence numbers), and is left out of the corrected edition."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import select, update

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "web"))
from review_builders import KK, RU, add_alignment, add_edition

from workbench import align as aligner
from workbench.db import transaction
from workbench.errors import AlignmentError
from workbench.models import Bead, Edition, Finding, Segment
from workbench.services import corrections
from workbench.services.aligning import EditionSide, align_editions, align_sides, side_of, side_part
from workbench.services.checking import check_alignment, check_edition
from workbench.services.importing import import_file

# The Kazakh edition with sentence 3 printed twice (4 is the duplicate) and no 1-0 sentence.
KK_DUP = [KK[0], KK[1], KK[2], KK[2], KK[3], KK[5], KK[6]]


def seg(s, edition_id: int, position: int) -> Segment:
    return s.scalar(select(Segment).where(Segment.edition_id == edition_id, Segment.position == position))


def delete(sessions, edition_id: int, position: int, finding_id: int | None = None) -> None:
    with transaction(sessions) as s:
        x = seg(s, edition_id, position)
        corrections.delete(s, edition_id, x.id, x.version, "editor", finding_id=finding_id)


def beads_of(sessions, alignment_id: int) -> list[tuple[tuple[int, int], tuple[int, int], str]]:
    with transaction(sessions) as s:
        return [((b.kk_start, b.kk_end), (b.ru_start, b.ru_end), b.status) for b in s.scalars(
            select(Bead).where(Bead.alignment_id == alignment_id).order_by(Bead.position))]


@pytest.fixture
def pair(sessions):
    with transaction(sessions) as s:
        kk, ru = add_edition(s, "Қайталау", "kk", KK_DUP), add_edition(s, "Қайталау", "ru", RU)
        return kk.id, ru.id


def align(sessions, kk_id: int, ru_id: int) -> int:
    with transaction(sessions) as s:
        return align_editions(s, s.get(Edition, kk_id), s.get(Edition, ru_id)).alignment.id


def test_side_of_leaves_deleted_sentences_out_and_keeps_their_numbers(sessions, pair):
    delete(sessions, pair[0], 4)
    with transaction(sessions) as s:
        side = side_of(s, s.get(Edition, pair[0]))
    assert list(side.side.sentences) == [KK[0], KK[1], KK[2], KK[3], KK[5], KK[6]]
    assert side.indices == (0, 1, 2, 4, 5, 6) and side.size == 7
    assert side.side.headings == {0} and side.side.paragraph_starts == set(range(6))
    part = side_part(side, 2, 6)  # sentences 3-6, the deleted 4 among them
    assert list(part.side.sentences) == [KK[2], KK[3], KK[5]] and part.indices == (0, 2, 3) and part.size == 4


def test_a_deleted_duplicate_is_a_one_sided_bead_of_its_own(sessions, pair):
    delete(sessions, pair[0], 4)
    alignment_id = align(sessions, *pair)
    beads = beads_of(sessions, alignment_id)
    assert [(k, r) for k, r, _ in beads] == [
        ((1, 2), (1, 2)), ((2, 3), (2, 3)), ((3, 4), (3, 4)), ((4, 5), (4, 4)), ((5, 6), (4, 5)),
        ((6, 7), (5, 6)), ((7, 8), (6, 7))]
    # Confirm the duplicate's bead and another, then align again: both stay exactly as they are.
    with transaction(sessions) as s:
        s.execute(update(Bead).where(Bead.alignment_id == alignment_id, Bead.position.in_((4, 6)))
                  .values(status="confirmed"))
    align(sessions, *pair)
    assert beads_of(sessions, alignment_id) == [
        (k, r, "confirmed" if n in (4, 6) else "auto") for n, (k, r, _) in enumerate(beads, start=1)]


def test_without_the_deletion_the_duplicate_is_aligned_like_any_sentence(sessions, pair):
    alignment_id = align(sessions, *pair)
    kk_numbers = sorted(n for (k0, k1), _, _ in beads_of(sessions, alignment_id) for n in range(k0, k1))
    assert kk_numbers == list(range(1, 8))


def test_align_sides_keeps_fixed_beads_and_numbers_on_both_sides():
    texts = ["Бір екі үш.", "Төрт бес алты.", "Жеті сегіз тоғыз.", "Он бір.", "Он екі."]
    kk = EditionSide(aligner.Side(texts[:2] + texts[3:]), (0, 1, 3, 4), 5)  # 3 (index 2) deleted
    ru = EditionSide(aligner.Side(["Один два три.", "Четыре пять шесть.", "Одиннадцать.", "Двенадцать."]),
                     (0, 1, 3, 4), 5)                                    # 3 (index 2) deleted
    fixed = [aligner.Bead((1,), (1,), 1.0)]
    beads = align_sides(kk, ru, fixed=fixed)
    assert fixed[0] in beads
    # Every number of both sides is held exactly once, in order, the deleted ones by one-sided beads.
    assert [i for b in beads for i in b.kk] == list(range(5))
    assert [j for b in beads for j in b.ru] == list(range(5))
    assert aligner.Bead((2,), (), 1.0) in beads and aligner.Bead((), (2,), 1.0) in beads


REPEATED = "Бұл кезеңде елдің сыртқы саясаты жаңа бағытқа бет бұрды."
AGAIN = "Осы жылдары ел экономикасы біртіндеп қалпына келе бастады деп айтуға болады."


def import_repeats(tmp_path, run_in):
    """Sentences 2-3 and 4-5 are the same sentence printed twice."""
    path = tmp_path / "dup.txt"
    path.write_text(f"Кіріспе сөз.\n\n{REPEATED} {REPEATED} {AGAIN} {AGAIN}\n", encoding="utf-8")
    return run_in(import_file, path, "kk", "Қайталау").edition


def duplicates(s, edition_id: int) -> list[tuple[int, str]]:
    return [(f.segment_position, f.status) for f in s.scalars(select(Finding).where(
        Finding.edition_id == edition_id, Finding.check_id == "duplicate-passage").order_by(Finding.id))]


def test_a_deleted_duplicate_is_not_reported_again(sessions, tmp_path, run_in):
    edition = import_repeats(tmp_path, run_in)
    run_in(check_edition, edition)
    with transaction(sessions) as s:
        assert duplicates(s, edition.id) == [(3, "open"), (5, "open")]
        dup_id = s.scalar(select(Finding.id).where(Finding.check_id == "duplicate-passage",
                                                   Finding.segment_position == 3))
    delete(sessions, edition.id, 3, finding_id=dup_id)
    run = run_in(check_edition, edition)
    assert run.reopened == 0 and run.by_check["duplicate-passage"] == 1
    with transaction(sessions) as s:
        assert duplicates(s, edition.id) == [(3, "fixed"), (5, "open")]
        assert s.get(Finding, dup_id).resolved_at is not None
        assert corrections.export_edition(s, edition.id, "txt").decode("utf-8").count(REPEATED) == 1


def test_findings_after_a_deleted_sentence_name_its_number_not_its_index(sessions, tmp_path, run_in):
    edition = import_repeats(tmp_path, run_in)
    delete(sessions, edition.id, 3)
    run_in(check_edition, edition)
    with transaction(sessions) as s:
        assert duplicates(s, edition.id) == [(5, "open")]  # sentence 5, the 4th sentence read


def test_bead_checks_read_a_bead_without_its_deleted_sentence(sessions):
    with transaction(sessions) as s:
        kk, ru = add_edition(s, "Демо", "kk", KK), add_edition(s, "Демо", "ru", RU)
        beads = [((n, n + 1), (n, n + 1), 0.9) for n in range(1, 5)] + [((5, 6), (5, 5), 0.2),
                                                                         ((6, 8), (5, 7), 0.9)]
        alignment = add_alignment(s, kk, ru, beads)
        ids = alignment.id, kk.id
    delete(sessions, ids[1], 4)  # «Халқы көп ұлтты.», paired with «Население многонационально.»
    delete(sessions, ids[1], 5)  # the 1-0 bead's only sentence
    with transaction(sessions) as s:
        check_alignment(s, s.get(type(alignment), ids[0]))
        omissions = {f.bead_position: f.excerpt for f in s.scalars(
            select(Finding).where(Finding.alignment_id == ids[0], Finding.check_id == "omission"))}
    assert omissions == {4: RU[3]}  # the Russian sentence is now unpaired; the deleted one is not reported


def test_an_all_deleted_side_cannot_be_aligned(sessions, pair):
    with transaction(sessions) as s:
        s.execute(update(Segment).where(Segment.edition_id == pair[1]).values(deleted=True))
    with pytest.raises(AlignmentError, match="the Russian side has no sentences"):
        align(sessions, *pair)


def test_the_lexicon_learns_nothing_from_a_deleted_sentence(sessions):
    from workbench.services.aligning import confirmed_sentence_pairs

    with transaction(sessions) as s:
        kk, ru = add_edition(s, "Демо", "kk", KK), add_edition(s, "Демо", "ru", RU)
        alignment = add_alignment(s, kk, ru, [((n, n + 1), (n, n + 1), 0.9) for n in range(1, 5)]
                                  + [((5, 6), (5, 5), 0.2), ((6, 8), (5, 7), 0.9)])
        ids = alignment.id, kk.id
    delete(sessions, ids[1], 4)
    delete(sessions, ids[1], 7)
    with transaction(sessions) as s:
        s.execute(update(Bead).where(Bead.alignment_id == ids[0], Bead.position.in_((1, 4, 6)))
                  .values(status="confirmed"))
        assert confirmed_sentence_pairs(s) == [(KK[0], RU[0]), (KK[5], f"{RU[4]} {RU[5]}")]
