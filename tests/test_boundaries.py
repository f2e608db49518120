"""The pure packages import neither Flask nor SQLAlchemy (checked in a fresh interpreter)."""
from __future__ import annotations

import subprocess
import sys

import pytest

PURE = ["workbench.text.normalise", "workbench.text.cleanup", "workbench.text.segment", "workbench.align",
        "workbench.checks", "workbench.glossary", "workbench.formats"]


@pytest.mark.parametrize("module", PURE)
def test_pure_package_pulls_in_no_framework(module):
    code = (f"import sys, {module}; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'sqlalchemy')); "
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
