"""Command ``export-edition``: the corrected edition (deletions, merges, splits and edits applied)."""
from __future__ import annotations

import sys

import click


@click.command("export-edition")
@click.argument("doc")
@click.option("--format", "fmt", type=click.Choice(["txt", "docx"]), default="txt", show_default=True,
              help="Plain UTF-8 text (one paragraph per line) or a Word document.")
@click.argument("out", type=click.Path(dir_okay=False, allow_dash=True))
@click.pass_context
def export_edition(ctx: click.Context, doc: str, fmt: str, out: str) -> None:
    """Write the corrected edition DOC (id or title) to OUT (``-`` writes text to standard output)."""
    from workbench.cli.main import AppContext, fail
    from workbench.errors import InputError, WorkbenchError
    from workbench.services import corrections, editions

    try:
        if out == "-" and fmt == "docx":
            raise InputError("a Word document cannot go to standard output; name a file", path=out)
        with ctx.ensure_object(AppContext).transaction() as session:
            edition = editions.get_edition(session, doc)
            data = corrections.export_edition(session, edition.id, fmt)
        if out == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return
        try:
            with open(out, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror}", path=out) from exc
        click.echo(f"{out}: {len(data)} bytes ({fmt})", err=True)
    except WorkbenchError as error:
        fail(error)
