"""Commands ``check`` (run the one-edition checks on a text file) and ``checks`` (list every check)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from workbench.checks.base import Edition, Finding
from workbench.errors import InputError
from workbench.text import pipeline


def edition_from_file(path: str | Path, lang: str) -> Edition:
    """Read a plain-text edition, clean it and split it into sentences, ready for the checks.

    :raises InputError: the file is missing, too large or not UTF-8 text (the importer's own checks).
    """
    from workbench.config import DEFAULTS
    from workbench.services.importing import read_file

    path = Path(path)
    data = read_file(path, int(DEFAULTS["MAX_IMPORT_BYTES"]))  # type: ignore[call-overload]
    text = pipeline.sentences_of(data, str(path), lang)
    return Edition(lang=lang, blocks=text.blocks, sentences=text.sentences)


def check_path(path: str | Path, lang: str, flags: tuple[str, ...] = (), glossary: list | None = None,
               ) -> list[Finding]:
    """Run the enabled one-edition checks on the text file at ``path``; findings sorted by line."""
    from workbench.checks.runner import run_edition_checks

    edition = edition_from_file(path, lang)
    edition.glossary = glossary
    return run_edition_checks(edition, flags)


def print_findings(findings: list[Finding], fmt: str, where: str) -> None:
    for f in findings:
        if fmt == "jsonl":
            d = {"check": f.check, "severity": f.severity, "line": f.line, "excerpt": f.excerpt,
                 "message": f.message}
            if f.suggestion is not None:
                d["suggestion"] = f.suggestion
            click.echo(json.dumps(d, ensure_ascii=False))
        else:
            hint = f" → {f.suggestion}" if f.suggestion else ""
            click.echo(f"{where}:{f.line}: {f.severity}: [{f.check}] {f.message}: {f.excerpt}{hint}")


@click.command("check")
@click.argument("target")
@click.option("--lang", type=click.Choice(["kk", "ru"]), help="Language of FILE (not needed for a stored edition).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "text"]), default="jsonl", show_default=True,
              help="One JSON object per line, or file:line: text for editors.")
@click.option("--flag", "flags", multiple=True,
              help="ignore-<id> to switch a check off, <id> to switch one on (repeatable).")
@click.pass_context
def check_file(ctx: click.Context, target: str, lang: str | None, fmt: str, flags: tuple[str, ...]) -> None:
    """Run the one-edition checks on TARGET and print one finding per line, in line order.

    TARGET is a text file (then --lang is required; nothing is stored) or a stored edition's id or
    title (the findings are stored, keeping the verdicts given earlier, and a summary follows on
    standard error). ``line`` is the 1-based line of the source file where the offending text starts.
    """
    from workbench.cli.main import AppContext, fail
    from workbench.errors import WorkbenchError

    try:
        if Path(target).is_file():
            if lang is None:
                raise InputError("--lang kk|ru is required when checking a file", path=target)
            from workbench.services.glossary import load_glossary

            print_findings(check_path(target, lang, flags, load_glossary()), fmt, target)
            return
        from workbench.services import checking, editions

        with ctx.ensure_object(AppContext).transaction() as session:
            stored = editions.get_edition(session, target)
            run = checking.check_edition(session, stored, flags)
            findings = checking.current_findings(session, stored.id)
            print_findings(findings, fmt, stored.source_name)
            click.echo(run.summary(), err=True)
    except WorkbenchError as error:
        fail(error)


@click.command("checks")
def list_checks() -> None:
    """List every check: id, severity, whether it is on by default, name and description."""
    from workbench.checks.registry import ALL_CHECKS

    for cls in ALL_CHECKS:
        state = "on" if cls.enabled_by_default else "off"
        click.echo(f"{cls.id:28} {cls.severity:8} {state:4} {cls.name}: {cls.description}")



@click.command("check-alignment")
@click.argument("alignment_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "text"]), default="text", show_default=True,
              help="One JSON object per line, or one readable line per finding.")
@click.option("--flag", "flags", multiple=True, help="ignore-<id> or <id> (repeatable).")
@click.pass_context
def check_alignment_command(ctx: click.Context, alignment_id: int, fmt: str, flags: tuple[str, ...]) -> None:
    """Run the checks across an alignment (numbers, markers, glossary terms, omissions, consistency).

    The findings are stored with their bead, so the review page can show the beads with findings.
    """
    from workbench.cli.main import AppContext, fail
    from workbench.errors import NotFound, WorkbenchError
    from workbench.models import Alignment
    from workbench.services import checking

    try:
        with ctx.ensure_object(AppContext).transaction() as session:
            alignment = session.get(Alignment, alignment_id)
            if alignment is None:
                raise NotFound(f"no alignment {alignment_id}; `python run.py alignments` lists them")
            run = checking.check_alignment(session, alignment, flags)
            rows = checking.current_findings(session, alignment.kk_edition_id, alignment_id)
            print_findings(rows, fmt, f"alignment {alignment_id}")
            click.echo(run.summary(), err=True)
    except WorkbenchError as error:
        fail(error)
