"""Commands of the review workspace: ``export``, ``import-alignment``, and ``alignments``."""
from __future__ import annotations

from pathlib import Path

import click

from workbench.cli.main import AppContext, fail, pass_ctx
from workbench.errors import WorkbenchError
from workbench.formats.registry import names


@click.command("export")
@click.argument("alignment", type=int)
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(names("alignment", writable=True)), default="tmx",
              show_default=True, help="TMX 1.4b, XLIFF 1.2, PO (msgctxt = where the bead is) or TSV.")
@click.option("--confirmed-only", is_flag=True, help="Only the beads a reviewer confirmed.")
@click.option("--include-unpaired", is_flag=True,
              help="TMX: also write the beads with one side only, after the pairs (left out by default, so that "
                   "a translation memory never offers an empty translation).")
@pass_ctx
def export(obj: AppContext, alignment: int, out: Path, fmt: str, confirmed_only: bool,
           include_unpaired: bool) -> None:
    """Write ALIGNMENT (its id) to the file OUT, one unit per bead; ``-`` writes to standard output.

    TMX holds the beads with both sides; XLIFF and PO mark a Kazakh sentence without a Russian side
    as untranslated; TSV holds every bead.
    """
    from workbench.cli.files import write_output
    from workbench.services.exporting import export as export_alignment

    try:
        with obj.transaction() as session:
            count = write_output(out, lambda stream: export_alignment(
                session, alignment, fmt, stream, confirmed_only, include_unpaired=include_unpaired))
    except WorkbenchError as error:
        fail(error)
        return
    if str(out) != "-":
        click.echo(f"wrote {count} units of alignment {alignment} to {out} ({fmt})")


@click.command("import-alignment")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--title", help="Title of both editions (default: from the file).")
@click.option("--format", "fmt", type=click.Choice(names("alignment", readable=True)),
              help="Format of FILE (default: from its extension; needed when FILE is - for standard input).")
@pass_ctx
def import_alignment(obj: AppContext, file: Path, title: str | None, fmt: str | None) -> None:
    """Import a TMX or TSV alignment FILE (``-``: standard input) as a Kazakh edition, a Russian edition and
    their alignment. The same file imported again is recognised and not stored twice."""
    from workbench.cli.files import read_input
    from workbench.errors import InputError
    from workbench.services.exporting import import_alignment as store

    try:
        if str(file) == "-" and fmt is None:
            raise InputError("give --format when reading standard input", path="-")
        data, name = read_input(file, int(obj.app.config["MAX_IMPORT_BYTES"]))
        with obj.transaction() as session:
            alignment = store(session, data, name, title, fmt=fmt, max_bytes=int(obj.app.config["MAX_IMPORT_BYTES"]))
            click.echo(f"alignment {alignment.id}: {alignment.bead_count} beads from {name} "
                       f"(editions {alignment.kk_edition_id} kk, {alignment.ru_edition_id} ru)")
    except WorkbenchError as error:
        fail(error)


@click.command("alignments")
@pass_ctx
def alignments(obj: AppContext) -> None:
    """List the alignments: id, beads, confirmed beads, Kazakh and Russian edition."""
    from workbench.services.review_page import list_alignments

    with obj.transaction() as session:
        for a, confirmed in list_alignments(session):
            click.echo(f"{a.id}\t{a.bead_count} beads\t{confirmed} confirmed\t{a.kk_edition.label}\t"
                       f"{a.ru_edition.label}")


COMMANDS = (export, import_alignment, alignments)
