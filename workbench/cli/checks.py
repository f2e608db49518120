"""Commands ``check`` (run the one-edition checks on a text file) and ``checks`` (list every check)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from workbench.checks.base import Edition, Finding
from workbench.errors import InputError
from workbench.formats.plaintext import read_lines
from workbench.text.cleanup import clean
from workbench.text.segment import segment


def edition_from_file(path: str | Path, lang: str) -> Edition:
    """Read a plain-text edition, clean it and split it into sentences, ready for the checks.

    :raises InputError: the file cannot be read or is not UTF-8 text.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path=str(path)) from None
    blocks = clean(read_lines(data, str(path))).blocks
    return Edition(lang=lang, blocks=blocks, sentences=segment(blocks, lang))


def check_path(path: str | Path, lang: str, flags: tuple[str, ...] = ()) -> list[Finding]:
    """Run the enabled one-edition checks on the text file at ``path``; findings sorted by line."""
    from workbench.checks.runner import run_edition_checks

    return run_edition_checks(edition_from_file(path, lang), flags)


@click.command("check")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--lang", type=click.Choice(["kk", "ru"]), required=True, help="Language of the edition.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "text"]), default="jsonl", show_default=True,
              help="One JSON object per line, or file:line: text for editors.")
@click.option("--flag", "flags", multiple=True,
              help="ignore-<id> to switch a check off, <id> to switch one on.")
def check_file(file: str, lang: str, fmt: str, flags: tuple[str, ...]) -> None:
    """Run the one-edition checks on FILE and print one finding per line, in line order."""
    from workbench.errors import WorkbenchError

    try:
        findings = check_path(file, lang, flags)
    except WorkbenchError as exc:
        raise click.ClickException(str(exc)) from None
    for f in findings:
        if fmt == "jsonl":
            d = {"check": f.check, "severity": f.severity, "line": f.line, "excerpt": f.excerpt,
                 "message": f.message}
            if f.suggestion is not None:
                d["suggestion"] = f.suggestion
            click.echo(json.dumps(d, ensure_ascii=False))
        else:
            hint = f" → {f.suggestion}" if f.suggestion else ""
            click.echo(f"{file}:{f.line}: {f.severity}: [{f.check}] {f.message}: {f.excerpt}{hint}")


@click.command("checks")
def list_checks() -> None:
    """List every check: id, severity, whether it is on by default, name and description."""
    from workbench.checks.registry import ALL_CHECKS

    for cls in ALL_CHECKS:
        state = "on" if cls.enabled_by_default else "off"
        click.echo(f"{cls.id:28} {cls.severity:8} {state:4} {cls.name}: {cls.description}")

