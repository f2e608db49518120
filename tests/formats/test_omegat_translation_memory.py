"""OmegaT 3.6, run headless, translates the Kazakh text with our TMX as its translation memory: every
Kazakh sentence is in the translated document, and those with a bead come out in Russian.

The project's source document is the Kazakh text of an aligned bundled document (one paragraph per
bead, sentence segmentation off, so that OmegaT's segments are the beads' Kazakh sides) plus a
sentence that has no Russian counterpart. A TMX with an empty Russian ``seg`` makes OmegaT drop
that sentence, which the second test shows, so the check can fail.
"""
from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

from corpus_paths import CORPORA
from workbench.formats import delimited
from workbench.services import exporting
from workbench.services.aligning import align_editions
from workbench.services.exporting import iter_pairs
from workbench.services.glossary import load_glossary
from workbench.services.importing import import_file

OMEGAT = Path("/usr/share/omegat/OmegaT.jar")
JAVA = ["java", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"]
PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <source_dir_excludes/>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>kk</source_lang>
    <target_lang>ru</target_lang>
    <source_tok>org.omegat.tokenizer.DefaultTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""
UNTRANSLATED = "Бұл сөйлемнің орысша аудармасы жоқ."

pytestmark = pytest.mark.slow  # Debian's omegat and java: scripts/test-all installs them when missing


def translate(folder: Path, source: str, tmx: bytes, glossary: bytes | None = None) -> str:
    """OmegaT's translation of ``source`` (plain text) with ``tmx`` in tm/auto."""
    project = folder / "project"
    for sub in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (project / sub).mkdir(parents=True, exist_ok=True)
    (project / "omegat.project").write_text(PROJECT, encoding="utf-8")
    (project / "source" / "kk.txt").write_text(source, encoding="utf-8")
    (project / "tm" / "auto" / "alignment.tmx").write_bytes(tmx)
    if glossary is not None:
        (project / "glossary" / "glossary.utf8").write_bytes(glossary)
    done = subprocess.run([*JAVA, f"-Duser.home={folder / 'home'}", "-jar", str(OMEGAT), str(project),
                           "--mode=console-translate", "--disable-project-locking", "--no-team"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "Exception" not in done.stdout + done.stderr, done.stdout[-2000:] + done.stderr[-2000:]
    return (project / "target" / "kk.txt").read_text(encoding="utf-8")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


@pytest.fixture
def law(run_in, tmp_path):
    """The 1991 law aligned by the workbench, its Kazakh edition with one extra, untranslated sentence."""
    folder = CORPORA / "law_state_independence_1991"
    kk_file = tmp_path / "kk.txt"
    kk_file.write_text(folder.joinpath("kk.raw.txt").read_text(encoding="utf-8").rstrip("\n")
                       + f"\n\n{UNTRANSLATED}\n", encoding="utf-8")

    def setup(s):
        kk = import_file(s, kk_file, "kk", "Заң").edition
        ru = import_file(s, folder / "ru.raw.txt", "ru", "Закон").edition
        return align_editions(s, kk, ru).alignment.id
    aid = run_in(setup)
    return aid, run_in(lambda s: list(iter_pairs(s, aid)))


def test_omegat_translates_every_paired_sentence_and_loses_none(run_in, law, tmp_path):
    aid, beads = law
    assert any(b.kk.sentences and not b.ru.sentences for b in beads), "the extra sentence stands alone"
    out = io.BytesIO()
    run_in(exporting.export, aid, "tmx", out)
    glossary = delimited.write(load_glossary(), "omegat")  # our glossary export, read by OmegaT too
    source = "\n\n".join(b.kk.text for b in beads if b.kk.sentences) + "\n"
    target = paragraphs(translate(tmp_path, source, out.getvalue(), glossary))
    expected = [b.ru.text if b.ru.sentences else b.kk.text for b in beads if b.kk.sentences]
    assert len(target) == len(expected)
    assert target == expected
    assert UNTRANSLATED in target


def test_an_empty_seg_would_make_omegat_drop_the_sentence(tmp_path):
    tmx = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
           'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="kk" datatype="plaintext"/>'
           f'<body><tu><tuv xml:lang="kk"><seg>{UNTRANSLATED}</seg></tuv><tuv xml:lang="ru"><seg></seg></tuv></tu>'
           '</body></tmx>').encode()
    assert UNTRANSLATED not in translate(tmp_path, f"Бірінші.\n\n{UNTRANSLATED}\n", tmx)
