"""The ``python run.py`` command group: set-up and serving, import, listing and export of sentences."""
from __future__ import annotations

import errno
import json
import socket
import sys
from pathlib import Path

import click
from flask import Flask

from workbench import create_app
from workbench.db import transaction, upgrade
from workbench.errors import N_, InputError, WorkbenchError


class AppContext:
    """Builds the app (settings, engine) lazily so ``--help`` needs no database."""

    def __init__(self) -> None:
        self._app: Flask | None = None

    @property
    def app(self) -> Flask:
        if self._app is None:
            self._app = create_app()
            upgrade(self._app.extensions["workbench.engine"])
        return self._app

    def transaction(self):
        return transaction(self.app.extensions["workbench.sessions"])


pass_ctx = click.make_pass_decorator(AppContext, ensure=True)


def fail(error: WorkbenchError) -> None:
    """Print one clear line for a user's mistake and exit non-zero (no traceback)."""
    click.echo(f"error: {error}", err=True)
    sys.exit(1)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (serving only).")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535),
              help="Port to listen on (serving only).")
@click.pass_context
def cli(ctx: click.Context, host: str, port: int) -> None:
    """Kazakh–Russian alignment workbench.

    With no command: create the database if missing, import the bundled corpora if not yet
    imported, and start the web server on 127.0.0.1, printing its address.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(serve, host=host, port=port)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@pass_ctx
def serve(obj: AppContext, host: str, port: int) -> None:
    """Set up the database and the bundled corpora, then serve the workbench."""
    import time

    from werkzeug.serving import make_server

    from workbench.services.setup import prepare

    start = time.perf_counter()
    app = obj.app
    # The address is tried first: a port in use is said at once, in one line, before any set-up or job
    # thread (werkzeug would print its own lines and exit).
    try:
        family, kind, _proto, _name, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
            probe.bind(address)
    except OSError as error:
        fail(InputError(N_("%(address)s is in use (is the workbench running already?); choose another port "
                           "with --port") if error.errno == errno.EADDRINUSE else
                        N_("cannot listen on %(address)s: %(reason)s"),
                        address=f"{host}:{port}", reason=error.strerror or str(error)))
    server = make_server(host, port, app, threaded=True)
    with obj.transaction() as session:
        for line in prepare(session, app.config, app.instance_path):
            click.echo(line)
    click.echo(f"set-up done in {time.perf_counter() - start:.1f} s")
    if app.config.get("JOBS_IN_PROCESS", True):
        from workbench.services.jobs import Worker

        Worker(app.extensions["workbench.sessions"], app.config).start_thread()
        click.echo("Jobs run in a background thread of this server (JOBS_IN_PROCESS; for a team: run.py worker)")
    click.echo(f"Workbench running at http://{host}:{port}/  (Ctrl+C stops it)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@cli.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--lang", required=True, help="Language of the edition: kk or ru.")
@click.option("--title", help="Title of the edition (default: the file name without extension).")
@pass_ctx
def import_(obj: AppContext, file: Path, lang: str, title: str | None) -> None:
    """Import FILE (UTF-8 text, PDF or DOCX) as an edition and print what the clean-up found.

    From a PDF: the text with its printed page labels, without running headers, footers and page
    numbers; from a DOCX: paragraphs, headings (by style) and list items. Importing the same file
    again changes nothing; a changed file under the same title becomes a new version of the edition.
    """
    from workbench.cli.import_progress import progress_printer
    from workbench.services.importing import import_file

    try:
        with obj.transaction() as session:
            result = import_file(session, file, lang, title, obj.app.config["MAX_IMPORT_BYTES"],
                                 progress=progress_printer())
            click.echo(result.summary())
    except WorkbenchError as error:
        if sys.stderr.isatty():
            click.echo("\r\x1b[K", err=True, nl=False)  # clear the progress line
        fail(error)


@cli.command()
@pass_ctx
def editions(obj: AppContext) -> None:
    """List the stored editions with their ids and counts."""
    from workbench.services.editions import list_editions

    with obj.transaction() as session:
        for e in list_editions(session):
            click.echo(f"{e.id}\t{e.lang}\tv{e.version}\t{e.segment_count} sentences\t{e.title}")


@cli.command()
@click.argument("doc")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "tsv"]), default="jsonl", show_default=True,
              help="jsonl: {\"n\", \"page\", \"page_label\", \"line\", \"text\"} per line; tsv: n, page as "
                   "printed, line, text.")
@pass_ctx
def segments(obj: AppContext, doc: str, fmt: str) -> None:
    """Print every sentence of a stored edition DOC (id or title) in order.

    ``line`` is the 1-based line of the source file where the sentence starts (for a PDF: the line
    within its page; for a DOCX: the paragraph number); ``page`` is the page's position in the file and
    ``page_label`` the page as printed (``ii``, or ``1`` for the file's third page), which the tsv gives.
    """
    from workbench.services.editions import get_edition, iter_segments

    try:
        with obj.transaction() as session:
            edition = get_edition(session, doc)
            for s in iter_segments(session, edition.id):
                if fmt == "jsonl":
                    click.echo(json.dumps({"n": s.position, "page": s.page, "page_label": s.page_label,
                                           "line": s.start_line, "text": s.text}, ensure_ascii=False))
                else:
                    click.echo(f"{s.position}\t{s.page_label or s.page or ''}\t{s.start_line}\t{s.text}")
    except WorkbenchError as error:
        fail(error)


@cli.command()
@click.argument("doc_kk")
@click.argument("doc_ru")
@pass_ctx
def align(obj: AppContext, doc_kk: str, doc_ru: str) -> None:
    """Align the Kazakh edition DOC_KK with the Russian edition DOC_RU (ids or titles) and store the beads.

    Re-running keeps every confirmed bead exactly and re-aligns only the stretches between them.
    Prints the counts by bead shape and the number of low-confidence beads.
    """
    from workbench.services import glossary
    from workbench.services.aligning import align_editions
    from workbench.services.editions import get_edition

    try:
        with obj.transaction() as session:
            kk, ru = get_edition(session, doc_kk), get_edition(session, doc_ru)
            if kk.lang == "ru" and ru.lang == "kk":
                kk, ru = ru, kk
            result = align_editions(session, kk, ru, glossary=glossary.term_pairs(session))
            click.echo(result.summary())
    except WorkbenchError as error:
        fail(error)


def register(group: click.Group) -> None:
    """Add the commands that live in the other modules of this package."""
    from workbench.cli import align_text, backup, checks, export_edition, glossary, jobs, review, terms, users

    group.add_command(align_text.align_text)
    group.add_command(checks.check_file)
    group.add_command(checks.list_checks)
    group.add_command(checks.check_alignment_command)
    group.add_command(export_edition.export_edition)
    group.add_command(terms.terms)
    group.add_command(glossary.glossary_group)
    for command in review.COMMANDS:
        group.add_command(command)
    group.add_command(users.users)
    group.add_command(backup.backup)
    group.add_command(backup.restore)
    group.add_command(jobs.worker)
    group.add_command(jobs.list_jobs)
    users.users.add_command(jobs.token)


register(cli)


def main() -> None:
    cli(prog_name="run.py")
