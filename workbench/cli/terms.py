"""``terms FILE --lang kk``: find the shipped glossary's terms in a text file and print every hit."""
from __future__ import annotations

import json
from pathlib import Path

import click

from workbench.config import DEFAULTS
from workbench.errors import InputError
from workbench.glossary.matching import BlockHit, TermMatcher
from workbench.glossary.model import Entry
from workbench.services.glossary import load_glossary
from workbench.services.importing import read_file
from workbench.text import pipeline


def hit_record(found: BlockHit, entries: dict[str, Entry], lang: str) -> dict[str, object]:
    """One printed hit: line, page, surface, entry id, matched term, the other language's preferred term."""
    other_lang = "ru" if lang == "kk" else "kk"
    entry = entries[found.hit.entry_id]
    other = entry.preferred(other_lang)
    matched = next((t for t in entry.terms_in(lang) if t.text == found.hit.term), None)
    # An abbreviation's counterpart is the other language's abbreviation (КСРО -> СССР), if there is one.
    same_type = next((t for t in entry.terms_in(other_lang) if matched and t.type == matched.type), other)
    return {
        "line": found.line,
        "page": found.page,
        "surface": found.hit.surface,
        "entry": found.hit.entry_id,
        "term": found.hit.term,
        other_lang: other.text if other else None,
        "counterpart": same_type.text if same_type else None,
    }


@click.command("terms")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--lang", type=click.Choice(["kk", "ru"]), default="kk", show_default=True,
              help="Language of FILE.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "tsv"]), default="jsonl", show_default=True,
              help="jsonl: one JSON object per hit; tsv: line, surface, entry id, other-language term.")
@click.option("--glossary", "glossary_path", type=click.Path(exists=True),
              help="A glossary TSV file or folder of them (default: the shipped glossary/).")
def terms(file: str, lang: str, fmt: str, glossary_path: str | None) -> None:
    """Find glossary terms in FILE (UTF-8 text, PDF or DOCX) and print each hit.

    Inflected forms are found (партиясының, ҚР-ның, партией); each hit gives the source line, the
    form as written, the entry id and the entry's preferred term in the other language.
    """
    try:
        entries = load_glossary(glossary_path)
        data = read_file(Path(file), int(DEFAULTS["MAX_IMPORT_BYTES"]))  # type: ignore[call-overload]
        blocks = pipeline.blocks_of(data, file).blocks
    except InputError as exc:
        from workbench.cli.main import fail  # main registers this command: imported when it is needed

        fail(exc)  # one "error: …" line, as every other command says it
    by_id = {e.id: e for e in entries}
    other_lang = "ru" if lang == "kk" else "kk"
    for found in TermMatcher(entries).find_in_blocks(blocks, lang):
        record = hit_record(found, by_id, lang)
        if fmt == "jsonl":
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo("\t".join(str(record[k] or "") for k in ("line", "surface", "entry", other_lang)))


if __name__ == "__main__":
    terms()
