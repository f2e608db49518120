"""The aligner reports its progress: fractions rising from 0 to 1 at its natural steps, a few dozen at most."""
from workbench.align import align
from workbench.align.model import Bead


def test_progress_rises_from_zero_to_one_in_few_calls():
    kk = [f"Бап {k}. Азаматтың құқығы {k} жылы қорғалады." for k in range(1, 41)]
    ru = [f"Статья {k}. Право гражданина защищается в {k} году." for k in range(1, 41)]
    seen: list[tuple[float, str]] = []
    align(kk, ru, progress=lambda fraction, message: seen.append((fraction, message)))
    fractions = [f for f, _ in seen]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions) and 3 <= len(seen) <= 40
    assert any(0.0 < f < 1.0 for f in fractions) and all(message for _, message in seen)


def test_progress_counts_the_stretches_between_fixed_beads():
    kk = [f"Бап {k}. Азаматтың құқығы {k} жылы қорғалады." for k in range(1, 31)]
    ru = [f"Статья {k}. Право гражданина защищается в {k} году." for k in range(1, 31)]
    fixed = [Bead((9,), (9,), 1.0), Bead((19,), (19,), 1.0)]
    seen: list[str] = []
    beads = align(kk, ru, fixed=fixed, progress=lambda fraction, message: seen.append(message))
    assert all(b in beads for b in fixed)
    assert any("3 of 3 stretches" in message for message in seen)
