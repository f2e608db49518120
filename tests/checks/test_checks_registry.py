"""Contract of every check in the registry, the flags and the runner."""
from __future__ import annotations

import pytest

from workbench.checks.base import SEVERITIES, EditionCheck, Pair
from workbench.checks.registry import ALL_CHECKS, BEAD_CHECKS, CHECKS_BY_ID, EDITION_CHECKS, ID_RE, enabled_checks
from workbench.checks.runner import CRASH_ID, run_bead_checks, run_edition_checks
from workbench.errors import ConfigError
from workbench.text.model import Sentence

from checks_builders import build_edition  # noqa: E402  (tests/checks is on sys.path: no package)


@pytest.mark.parametrize("cls", ALL_CHECKS, ids=lambda c: c.id)
def test_check_declares_its_identity(cls):
    assert ID_RE.match(cls.id)
    assert cls.name.strip() and cls.description.strip()
    assert cls.__doc__ and "\n" not in cls.__doc__.strip()
    assert cls.severity in SEVERITIES
    assert CHECKS_BY_ID[cls.id] is cls


def test_ids_are_unique():
    assert len({c.id for c in ALL_CHECKS}) == len(ALL_CHECKS) == len(EDITION_CHECKS) + len(BEAD_CHECKS)


@pytest.mark.parametrize("cls", EDITION_CHECKS, ids=lambda c: c.id)
@pytest.mark.parametrize("paragraphs", [
    (),
    ("",),
    # Plain, correct Kazakh prose (line 2 of the book) gives no finding.
    ("1972 жылы Алматы қаласында дүниеге келген.",),
])
def test_edition_check_is_quiet_on_clean_text(cls, paragraphs):
    assert cls().run(build_edition(*paragraphs)) == []


class _Bead:
    def __init__(self, kk, ru):
        self.kk, self.ru, self.score = kk, ru, 1.0


def _pair(kk: list[str], ru: list[str], beads: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> Pair:
    def side(texts):
        return [Sentence(t, i, 1, 10 + i, 10 + i) for i, t in enumerate(texts)]
    return Pair(side(kk), side(ru), [_Bead(a, b) for a, b in beads])


@pytest.mark.parametrize("cls", BEAD_CHECKS, ids=lambda c: c.id)
def test_bead_check_is_quiet_on_empty_and_on_matching_numbers(cls):
    assert cls().run(_pair([], [], [])) == []
    assert cls().run(_pair(["2015"], ["2015"], [((0,), (0,))])) == []


def test_ignore_flag_switches_a_check_off():
    ed = build_edition("Бұл сөз Kазаk елi туралы.")
    assert {f.check for f in run_edition_checks(ed)} == {"mixed-script"}
    assert run_edition_checks(ed, flags=["ignore-mixed-script"]) == []


def test_unknown_flag_is_a_config_error_naming_it():
    with pytest.raises(ConfigError, match="ignore-no-such-check"):
        enabled_checks(EDITION_CHECKS, ["ignore-no-such-check"])


def test_flag_switches_on_a_check_that_is_off_by_default(monkeypatch):
    cls = EDITION_CHECKS[0]
    monkeypatch.setattr(cls, "enabled_by_default", False)
    assert cls not in enabled_checks(EDITION_CHECKS)
    assert cls in enabled_checks(EDITION_CHECKS, [cls.id])


class _Crashing(EditionCheck):
    """Raises on the second block."""

    id = "crashing"
    name = "crashing"
    description = "raises"

    def check_block(self, edition, index, block):
        if index == 1:
            raise ValueError("boom")
        return []


def test_a_crashing_check_becomes_a_finding_naming_the_check_and_block():
    ed = build_edition("Бірінші абзац.", "Екінші абзац.", first_line=7)
    findings = run_edition_checks(ed, checks=[_Crashing, EDITION_CHECKS[2]])
    assert [f.check for f in findings] == [CRASH_ID]
    assert "crashing" in findings[0].message and "block 1 (line 9)" in findings[0].message
    assert "ValueError: boom" in findings[0].message


def test_findings_are_sorted_by_line_and_keys_count_occurrences_per_block():
    ed = build_edition("Kазаk елi туралы. Kазаk тағы.", "Тағы да Kазаk елi.")
    findings = run_edition_checks(ed)
    assert [f.line for f in findings] == sorted(f.line for f in findings)
    keys = [f.key for f in findings]
    assert len(set(keys)) == len(keys)
    assert {"mixed-script|kазаk@0|1", "mixed-script|kазаk@0|2", "mixed-script|kазаk@1|1"} <= set(keys)
    assert [f.key for f in run_edition_checks(ed)] == keys  # stable across runs


def test_fixing_one_copy_does_not_renumber_the_copies_elsewhere():
    before = {f.key for f in run_edition_checks(build_edition("Kазаk елi туралы.", "Тағы да Kазаk елi."))}
    after = {f.key for f in run_edition_checks(build_edition("Қазақ елі туралы.", "Тағы да Kазаk елi."))}
    assert "mixed-script|kазаk@1|1" in before and "mixed-script|kазаk@1|1" in after
    assert after < before


def test_bead_runner_sorts_findings_and_keeps_going():
    pair = _pair(["2015 жылы 10 партия.", "Бұл сөйлем."], ["В 2016 году 10 партий.", "Это."],
                 [((0,), (0,)), ((1,), ())])
    findings = run_bead_checks(pair)
    assert [f.check for f in findings] == ["number-mismatch", "omission"]
