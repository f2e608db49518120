"""Bad editions — a scanned or encrypted PDF, a DOCX that is no zip or no Word document, a file over the size
limit, a text in the other language — each get one line naming the file and the problem, through the service
and through ``python run.py import``, and the database is left as it was."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from corpus_paths import CORPORA
from printed_docx import write_docx
from printed_pdf import lay_out
from sqlalchemy import func, select

from workbench.errors import InputError, WorkbenchError
from workbench.models import Block, Edition, Segment
from workbench.services.importing import import_file

SET = CORPORA / "constitution_2026"


def lines(lang: str, n: int = 40) -> list[str]:
    return (SET / f"{lang}.raw.txt").read_text(encoding="utf-8").splitlines()[:n]


@pytest.fixture(scope="session")
def bad_files(tmp_path_factory) -> dict[str, Path]:
    """Every kind of bad edition, written by real writers into a session folder."""
    from PIL import Image
    from pypdf import PdfWriter
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    folder = tmp_path_factory.mktemp("bad")
    files: dict[str, Path] = {}

    # A scan: every page an image of a page, no text layer.
    files["scan"] = folder / "scan.pdf"
    c = canvas.Canvas(str(files["scan"]), pagesize=A5)
    picture = Image.new("L", (300, 420), 255)
    for y in range(40, 400, 14):
        picture.paste(0, (30, y, 270, y + 6))  # grey bars where lines of print would be
    for _ in range(3):
        c.drawImage(ImageReader(picture), 20, 20, width=380, height=550)
        c.showPage()
    c.save()
    # Pages with nothing on them at all.
    files["blank"] = folder / "blank.pdf"
    c = canvas.Canvas(str(files["blank"]), pagesize=A5)
    c.showPage()
    c.showPage()
    c.save()
    # Encrypted with a user password (pypdf's writer).
    good = lay_out(lines("ru"), folder / "good.ru.pdf", "Конституция")
    writer = PdfWriter(clone_from=str(good.path))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    files["encrypted"] = folder / "encrypted.pdf"
    with open(files["encrypted"], "wb") as out:
        writer.write(out)
    # A PDF cut off half-way (a failed download).
    files["truncated"] = folder / "truncated.pdf"
    files["truncated"].write_bytes(good.path.read_bytes()[:20000])
    # Not a PDF at all, under a .pdf name.
    files["fake-pdf"] = folder / "fake.pdf"
    files["fake-pdf"].write_text("Қазақстан Республикасы\n", encoding="utf-8")
    # A .docx that is plain text, and a zip with no Word document in it.
    files["not-zip"] = folder / "notzip.docx"
    files["not-zip"].write_text("Бұл Word құжаты емес.\n", encoding="utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/styles.xml", "<styles/>")
    files["no-document"] = folder / "nodocument.docx"
    files["no-document"].write_bytes(buffer.getvalue())
    # The other language: a Russian PDF imported as Kazakh, a Kazakh DOCX imported as Russian.
    files["ru-as-kk"] = lay_out(lines("ru"), folder / "russian.pdf", "Конституция").path
    files["kk-as-ru"] = write_docx(lines("kk"), folder / "kazakh.docx").path
    files["kk-text-as-ru"] = folder / "kazakh.txt"
    files["kk-text-as-ru"].write_text("\n".join(lines("kk")) + "\n", encoding="utf-8")
    # A short text in Latin letters: too short for telling Kazakh from Russian, not too short to see it is neither.
    files["short-latin"] = folder / "notes.txt"
    files["short-latin"].write_text("hello world, this is an English text only.\n", encoding="utf-8")
    # Over the test app's limit of 5 MiB: a real PDF header, then padding.
    files["huge"] = folder / "huge.pdf"
    files["huge"].write_bytes(b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024 + 1))
    return files


CASES = [
    ("scan", "kk",
     r"PDF has no text layer \(only images on its 3 pages: a scan\?\); text recognition \(OCR\) is not done"),
    ("blank", "kk", r"PDF has no text layer \(no text on its 2 pages"),
    ("encrypted", "ru", r"encrypted PDF: it needs a password"),
    ("truncated", "ru", r"damaged PDF, cannot be read \(data format error\)"),
    ("fake-pdf", "kk", r"not a PDF file: it does not start with %PDF-"),
    ("not-zip", "kk", r"not a DOCX file: not a zip archive"),
    ("no-document", "kk", r"not a DOCX file: the zip archive has no word/document\.xml"),
    ("ru-as-kk", "kk", r"text looks Russian, not Kazakh: only 0\.\d% of its Cyrillic letters are Kazakh-.*; "
                       r"import it as Russian \(ru\)$"),
    ("kk-as-ru", "ru", r"text looks Kazakh, not Russian: 1\d\.\d% of its Cyrillic letters are Kazakh-.*; "
                       r"import it as Kazakh \(kk\)$"),
    ("kk-text-as-ru", "ru", r"text looks Kazakh, not Russian"),
    ("short-latin", "kk", r"only 0% of the letters are Cyrillic; expected a Kazakh text"),
    ("huge", "kk", r"file is 5,242,890 bytes, over the import limit of 5,242,880 bytes"),
]


def counts(session) -> tuple[int, int, int]:
    return tuple(session.scalar(select(func.count()).select_from(m)) for m in (Edition, Block, Segment))


@pytest.fixture
def stored(run_in, session, tmp_path):
    """One good edition already in the database, so "unchanged" means something."""
    path = tmp_path / "good.txt"
    path.write_text("\n".join(lines("kk", 10)) + "\n", encoding="utf-8")
    run_in(import_file, path, "kk", "Good")
    return counts(session)


@pytest.mark.parametrize(("case", "lang", "problem"), CASES, ids=[c[0] for c in CASES])
def test_bad_edition_is_one_line_naming_file_and_problem(bad_files, stored, run_in, session, app,
                                                         case, lang, problem):
    path = bad_files[case]
    with pytest.raises(InputError) as caught:
        run_in(import_file, path, lang, None, app.config["MAX_IMPORT_BYTES"])
    message = str(caught.value)
    assert isinstance(caught.value, WorkbenchError)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert re.search(problem, message), message
    assert counts(session) == stored


@pytest.mark.parametrize(("case", "lang", "problem"), CASES, ids=[c[0] for c in CASES])
def test_bad_edition_through_the_command_line(bad_files, stored, cli_runner, session, case, lang, problem):
    from workbench.cli.main import cli

    path = bad_files[case]
    out = cli_runner.invoke(cli, ["import", str(path), "--lang", lang])
    assert out.exit_code == 1
    assert out.output.count("\n") == 1 and out.output.startswith(f"error: {path}: "), out.output
    assert re.search(problem, out.output)
    assert counts(session) == stored


def test_owner_password_only_pdf_is_read(bad_files, tmp_path, run_in):
    """Encryption that only restricts printing or copying needs no password to read: the edition imports."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(bad_files["ru-as-kk"]))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    path = tmp_path / "restricted.pdf"
    with open(path, "wb") as out:
        writer.write(out)
    assert run_in(import_file, path, "ru").edition.segment_count > 30


def test_checking_a_bad_file_on_the_command_line_is_one_line_too(bad_files, cli_runner):
    from workbench.cli.main import cli

    for case in ("huge", "scan", "not-zip"):
        out = cli_runner.invoke(cli, ["check", str(bad_files[case]), "--lang", "kk"])
        assert out.exit_code == 1 and out.output.startswith(f"error: {bad_files[case]}: "), out.output


def test_scanned_page_among_text_pages_is_named_in_the_summary(bad_files, tmp_path, run_in):
    """A PDF with text imports; a page that is only an image is not read, and the summary says which."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=str(bad_files["ru-as-kk"]))
    writer.insert_page(PdfReader(bad_files["scan"]).pages[0], 1)
    path = tmp_path / "partly-scanned.pdf"
    with open(path, "wb") as out:
        writer.write(out)
    result = run_in(import_file, path, "ru")
    assert result.edition.segment_count > 30
    assert "note: pages without a text layer (images only, not read): 2" in result.summary()
