"""The real validators the exchange tests use: the official schemas (lxml), TBX Checker (java), msgfmt."""
from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
# A small heap and the serial collector: the JVM's defaults take minutes to start on a busy shared machine.
JAVA = ["java", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"]


@lru_cache(maxsize=None)
def _schema(name: str):
    doc = etree.parse(str(SCHEMAS / name))
    if name.endswith(".rng"):
        return etree.RelaxNG(doc)
    return etree.XMLSchema(doc)


def relaxng_errors(data: bytes, name: str = "TBXBasicRNGV02.rng") -> list[str]:
    schema = _schema(name)
    ok = schema.validate(etree.fromstring(data))
    return [] if ok else [str(e) for e in schema.error_log]


def xsd_errors(data: bytes, name: str = "xliff-core-1.2-strict.xsd") -> list[str]:
    schema = _schema(name)
    ok = schema.validate(etree.fromstring(data))
    return [] if ok else [str(e) for e in schema.error_log]


def dtd_errors(data: bytes, name: str = "tmx14.dtd") -> list[str]:
    dtd = etree.DTD(str(SCHEMAS / name))
    ok = dtd.validate(etree.fromstring(data))
    return [] if ok else [str(e) for e in dtd.error_log]


def tbx_checker(data: bytes, folder: Path) -> str:
    """TBX Checker's verdict on ``data`` (``Valid file: …`` or ``INVALID FILE: …`` with the errors)."""
    for name in ("TBXBasicXCSV02.kk-ru.xcs", "TBXBasiccoreStructV02.dtd", "tbxxcsdtd.dtd"):
        shutil.copy(SCHEMAS / name, folder / name)  # the checker reads the XCS the file names, beside it
    path = folder / "glossary.tbx"
    path.write_bytes(data)
    done = subprocess.run([*JAVA, "-cp", str(SCHEMAS / "tbxcheck-1.2.9.jar"), "org.ttt.salt.Main", path.name],
                          cwd=folder, capture_output=True, text=True, timeout=600)
    return done.stdout + done.stderr


def msgfmt_check(data: bytes, folder: Path) -> tuple[int, str]:
    path = folder / "check.po"
    path.write_bytes(data)
    done = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True,
                          timeout=120)
    return done.returncode, done.stderr
