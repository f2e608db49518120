"""Commands of the review workspace: ``export``, ``import-alignment``, and ``alignments``."""
from __future__ import annotations

from pathlib import Path

import click

from workbench.cli.main import AppContext, fail, pass_ctx
from workbench.errors import WorkbenchError


@click.command("export")
@click.argument("alignment", type=int)
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["tmx", "xliff", "po", "tsv"]), default="tmx",
              show_default=True, help="TMX 1.4b, XLIFF 1.2, PO (msgctxt = where the bead is) or TSV.")
@click.option("--confirmed-only", is_flag=True, help="Only the beads a reviewer confirmed.")
@pass_ctx
def export(obj: AppContext, alignment: int, out: Path, fmt: str, confirmed_only: bool) -> None:
    """Write ALIGNMENT (its id) to the file OUT, one unit per bead; ``-`` writes to standard output."""
    from workbench.services.exporting import export as export_alignment

    try:
        with obj.transaction() as session:
            if str(out) == "-":
                stream = click.get_binary_stream("stdout")
                count = export_alignment(session, alignment, fmt, stream, confirmed_only)
            else:
                tmp = out.with_name(out.name + ".part")
                try:
                    with tmp.open("wb") as stream:
                        count = export_alignment(session, alignment, fmt, stream, confirmed_only)
                    tmp.replace(out)
                finally:
                    tmp.unlink(missing_ok=True)  # a failed export leaves no half-written file behind
    except WorkbenchError as error:
        fail(error)
    if str(out) != "-":
        click.echo(f"wrote {count} beads of alignment {alignment} to {out} ({fmt})")


@click.command("import-alignment")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--title", help="Title of both editions (default: from the file).")
@pass_ctx
def import_alignment(obj: AppContext, file: Path, title: str | None) -> None:
    """Import a TMX or TSV alignment FILE as a Kazakh edition, a Russian edition and their alignment."""
    from workbench.services.exporting import import_alignment as store

    try:
        with obj.transaction() as session:
            alignment = store(session, file.read_bytes(), str(file), title)
            click.echo(f"alignment {alignment.id}: {alignment.bead_count} beads from {file} "
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
