"""Where the shipped corpora and glossary are, for the tests (a module of its own: every test folder
may have a conftest, so ``from conftest import`` would be ambiguous)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
BOOK = CORPORA / "chebotarev-2021.kk.txt"
GLOSSARY = ROOT / "glossary"
