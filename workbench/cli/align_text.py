"""``align-text KK_FILE RU_FILE``: align two one-sentence-per-line files, print the beads (``[0,1]:[0]``)."""
from __future__ import annotations

from pathlib import Path

import click

from workbench.align import AlignConfig, align, format_bead, parse_beads
from workbench.align.sentences_file import read_sentences
from workbench.errors import AlignmentError, InputError


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise click.ClickException(f"{path}: cannot read: {exc.strerror}") from None


def _warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


@click.command("align-text")
@click.argument("kk_file", type=click.Path(dir_okay=False))
@click.argument("ru_file", type=click.Path(dir_okay=False))
@click.option("--scores", is_flag=True, help="Append a tab and the bead's confidence (0–1) to each line.")
@click.option("--fixed", "fixed_file", type=click.Path(dir_okay=False),
              help="A bead file of confirmed beads to keep exactly; only the stretches between them "
                   "are aligned.")
def align_text(kk_file: str, ru_file: str, scores: bool, fixed_file: str | None) -> None:
    """Align KK_FILE with RU_FILE (UTF-8, one sentence per line) and print one bead per line.

    Beads are printed as ``[kk indices]:[ru indices]`` with 0-based sentence (line) indices, the format
    a gold alignment is scored in; ``[3]:[]`` is a Kazakh sentence with no Russian counterpart. Every line
    is a sentence: a line holding several joined sentences, or a blank line, is aligned as it is, with a
    warning on stderr.
    """
    try:
        kk = read_sentences(_read(kk_file), kk_file, _warn)
        ru = read_sentences(_read(ru_file), ru_file, _warn)
        fixed = []
        if fixed_file:
            fixed = parse_beads(_read(fixed_file).decode("utf-8", errors="strict"), fixed_file)
        beads = align(kk, ru, AlignConfig(), fixed=fixed)
    except (InputError, AlignmentError) as exc:
        raise click.ClickException(str(exc)) from None
    except UnicodeDecodeError:
        raise click.ClickException(f"{fixed_file}: not UTF-8 text; expected a bead file") from None
    for b in beads:
        click.echo(f"{format_bead(b)}\t{b.score:.3f}" if scores else format_bead(b))


if __name__ == "__main__":
    align_text()
