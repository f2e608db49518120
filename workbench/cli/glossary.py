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
              help="Format of FILE (default: from its extension; needed when FILE is - for standard input).")
@click.option("--dry-run", is_flag=True, help="Only show what would be added, updated, left unchanged or skipped.")
@click.option("--verbose", "-v", is_flag=True, help="List every entry added or updated, not only the counts.")
@click.pass_context
def import_glossary(ctx: click.Context, file: Path, fmt: str | None, dry_run: bool, verbose: bool) -> None:
    """Import the entries of FILE (``-``: standard input) into the glossary.

    Entries are matched with the stored ones by their Kazakh and Russian terms, never by the file's
    ids: a match is updated with what the file says (nothing stored is removed), other entries are
    added (under new ids when theirs are taken), an entry matching several stored ones is reported
    and skipped. Importing a file the workbench exported changes nothing. A malformed file is refused
    whole, with the line or element that is wrong.
    """
    from workbench.cli.files import read_input
    from workbench.cli.main import AppContext, fail
    from workbench.errors import InputError, WorkbenchError
    from workbench.glossary.merging import label
    from workbench.services import glossary

    try:
        obj = ctx.ensure_object(AppContext)
        if str(file) == "-" and fmt is None:
            raise InputError("give --format when reading standard input", path="-")
        data, name = read_input(file, int(obj.app.config["MAX_IMPORT_BYTES"]))
        with obj.transaction() as session:
            plan = glossary.import_data(session, data, name, fmt, dry_run=dry_run,
                                        max_bytes=int(obj.app.config["MAX_IMPORT_BYTES"]))
            if dry_run:
                session.rollback()
    except WorkbenchError as error:
        fail(error)
        return
    if verbose or dry_run:
        for entry in plan.added:
            click.echo(f"add {entry.id}: {label(entry)}")
        for before, after in plan.updated:
            click.echo(f"update {before.id}: {label(after)}")
    for line in plan.conflicts:
        click.echo(f"conflict: {line}", err=True)
    for line in plan.notes:
        click.echo(f"note: {line}", err=True)
    click.echo(f"{name}: {'would be: ' if dry_run else ''}{plan.summary()}")


@glossary_group.command("export")
@click.option("--format", "fmt", type=click.Choice(names("glossary", writable=True)), required=True,
              help="tbx (TBX-Basic), tsv/csv (one row per entry), omegat (kk→ru), po, json.")
@click.argument("out", type=click.Path(path_type=Path))
@click.pass_context
def export_glossary(ctx: click.Context, fmt: str, out: Path) -> None:
    """Write the whole glossary to OUT (``-``: standard output) in the chosen format."""
    from workbench.cli.files import write_output
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
        write_output(out, lambda stream: stream.write(data))
    except WorkbenchError as error:
        fail(error)
        return
    if str(out) != "-":
        click.echo(f"{out}: {count} entries written as {fmt}")


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
