"""``glossary import FILE`` and ``glossary export --format F OUT``: exchange the stored glossary with CAT tools."""
from __future__ import annotations

from pathlib import Path

import click

from workbench.formats.registry import names


@click.group("glossary")
def glossary_group() -> None:
    """Import or export the stored kk–ru glossary (TBX, TSV, CSV, OmegaT, PO, JSON)."""


@glossary_group.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(names("glossary", readable=True)),
              help="Format of FILE (default: from its extension).")
@click.pass_context
def import_glossary(ctx: click.Context, file: Path, fmt: str | None) -> None:
    """Add the entries of FILE to the glossary (entries with a known id are updated).

    A malformed file is refused whole, with the line or element that is wrong.
    """
    from workbench.cli.main import AppContext, fail
    from workbench.errors import WorkbenchError
    from workbench.services import glossary

    try:
        with ctx.ensure_object(AppContext).transaction() as session:
            click.echo(f"{file}: {glossary.import_file(session, file, fmt).summary()}")
    except WorkbenchError as error:
        fail(error)


@glossary_group.command("export")
@click.option("--format", "fmt", type=click.Choice(names("glossary", writable=True)), required=True,
              help="tbx (TBX-Basic), tsv/csv (one row per entry), omegat (kk→ru), po, json.")
@click.argument("out", type=click.Path(path_type=Path))
@click.pass_context
def export_glossary(ctx: click.Context, fmt: str, out: Path) -> None:
    """Write the whole glossary to OUT in the chosen format."""
    from workbench.cli.main import AppContext, fail
    from workbench.errors import WorkbenchError
    from workbench.services import glossary

    try:
        obj = ctx.ensure_object(AppContext)
        with obj.transaction() as session:
            # A database that was never started with `python run.py` gets the shipped glossary first.
            glossary.load_shipped(session, Path(obj.app.config["GLOSSARY_DIR"]))
            data = glossary.export(session, fmt)
            count = glossary.count(session)
        out.write_bytes(data)
        click.echo(f"{out}: {count} entries written as {fmt}")
    except WorkbenchError as error:
        fail(error)


@glossary_group.command("check")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True,
              help="One readable line, or one JSON object, per issue.")
@click.pass_context
def check_glossary_command(ctx: click.Context, fmt: str) -> None:
    """List the glossary's own defects: one abbreviation with two expansions, letters that do not fit the
    expansion, a missing language, duplicate terms, mixed scripts, incomplete approvals."""
    import json

    from workbench.cli.main import AppContext, fail
    from workbench.errors import WorkbenchError
    from workbench.glossary.checks import check_glossary
    from workbench.services import glossary

    try:
        obj = ctx.ensure_object(AppContext)
        with obj.transaction() as session:
            glossary.load_shipped(session, Path(obj.app.config["GLOSSARY_DIR"]))
            issues = check_glossary(glossary.entries(session))
        for issue in issues:
            if fmt == "jsonl":
                click.echo(json.dumps({"check": issue.check, "entry": issue.entry_id, "lang": issue.lang,
                                       "term": issue.term, "message": issue.message}, ensure_ascii=False))
            else:
                term = f" «{issue.term}»" if issue.term else ""
                click.echo(f"{issue.entry_id}{term}: [{issue.check}] {issue.message}")
        click.echo(f"{len(issues)} issues", err=True)
    except WorkbenchError as error:
        fail(error)
