"""Backups: every table of the workbench in one portable zip file, restored into an empty database.

The file holds ``manifest.json`` (format, schema revision, row count per table) and one
``tables/NAME.jsonl`` per table, a JSON object per row, column names as keys; moments are ISO 8601
text. It does not depend on the database it came from, so a backup of SQLite restores into PostgreSQL
and back. Everything is read in one transaction (a consistent snapshot) and restored in one transaction
(all or nothing). Wrong passwords counted for login throttling are not kept.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from alembic.migration import MigrationContext
from sqlalchemy import Connection, Date, DateTime, Integer, Table, func, select, text
from sqlalchemy.engine import Engine

from workbench import models  # noqa: F401  (registers every table on Base.metadata)
from workbench.db import Base
from workbench.errors import N_, InputError

FORMAT = "workbench-backup"
FORMAT_VERSION = 1
SKIPPED = {"login_failures"}
CHUNK = 2000


@dataclass(frozen=True)
class BackupSummary:
    path: str
    revision: str | None
    counts: dict[str, int]

    def summary(self) -> str:
        rows = sum(self.counts.values())
        shown = ", ".join(f"{name} {n}" for name, n in self.counts.items() if n)
        return f"{self.path}: {rows} rows in {len(self.counts)} tables at schema {self.revision} ({shown})"


def tables() -> list[Table]:
    """The tables kept in a backup, parents before children."""
    return [t for t in Base.metadata.sorted_tables if t.name not in SKIPPED]


def _revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def _plain(value: object) -> object:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return value


def backup(engine: Engine, out: Path) -> BackupSummary:
    """Write every table to the zip file ``out`` (written beside it first, then moved into place)."""
    counts: dict[str, int] = {}
    tmp = out.with_name(out.name + ".part")
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "postgresql":
                conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))
            revision = _revision(conn)
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for table in tables():
                    order = list(table.primary_key.columns) or list(table.columns)
                    with archive.open(f"tables/{table.name}.jsonl", "w") as member:
                        stream = io.TextIOWrapper(member, encoding="utf-8")
                        count = 0
                        for row in conn.execute(select(table).order_by(*order)).mappings():
                            stream.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False))
                            stream.write("\n")
                            count += 1
                        stream.flush()
                        stream.detach()
                    counts[table.name] = count
                manifest = {"format": FORMAT, "version": FORMAT_VERSION, "revision": revision,
                            "created_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                            "tables": counts}
                archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
            conn.rollback()
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return BackupSummary(str(out), revision, counts)


def _manifest(archive: zipfile.ZipFile, name: str) -> dict:
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except KeyError:
        raise InputError(N_("not a workbench backup (no manifest.json)"), path=name) from None
    except ValueError as error:
        raise InputError(N_("manifest.json is not valid JSON (%(error)s)"), path=name, error=error) from None
    if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
        raise InputError(N_("not a workbench backup of format version %(version)s"),
                         path=name, version=FORMAT_VERSION)
    return manifest


def _rows(archive: zipfile.ZipFile, name: str, table: Table) -> Iterator[dict]:
    member = f"tables/{table.name}.jsonl"
    converters = {c.name: (dt.datetime.fromisoformat if isinstance(c.type, DateTime)
                           else dt.date.fromisoformat if isinstance(c.type, Date) else None)
                  for c in table.columns}
    try:
        handle = archive.open(member)
    except KeyError:
        raise InputError(N_("%(member)s is missing"), path=name, member=member) from None
    with handle, io.TextIOWrapper(handle, encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            try:
                row = json.loads(line)
                unknown = set(row) - set(converters)
                if unknown:
                    raise ValueError(f"unknown column {min(unknown)!r}")
                for key, convert in converters.items():
                    if convert is not None and row.get(key) is not None:
                        row[key] = convert(row[key])
            except (ValueError, TypeError) as error:
                raise InputError(N_("%(member)s line %(number)s: %(error)s"),
                                 path=name, member=member, number=number, error=error) from None
            yield row


def restore(engine: Engine, source: Path) -> BackupSummary:
    """Load the backup ``source`` into this database, which must be migrated to the same schema
    revision and hold no rows yet; all or nothing.

    :raises InputError: not a backup, damaged, another schema revision, or the database is not empty.
    """
    name = str(source)
    try:
        archive = zipfile.ZipFile(source)
    except FileNotFoundError:
        raise InputError(N_("no such file"), path=name) from None
    except zipfile.BadZipFile:
        raise InputError(N_("not a zip file (a workbench backup is one)"), path=name) from None
    with archive:
        manifest = _manifest(archive, name)
        counts: dict[str, int] = {}
        with engine.begin() as conn:
            revision = _revision(conn)
            if manifest.get("revision") != revision:
                raise InputError(N_("the backup is of schema %(schema)s, this database is at %(revision)s; "
                                    "restore with the workbench version that made it"), path=name,
                                 schema=manifest.get("revision"), revision=revision)
            for table in tables():
                if conn.scalar(select(func.count()).select_from(table)):
                    raise InputError(N_("the database is not empty (table %(name)s has rows); restore into a "
                                        "new database"), path=name, name=table.name)
            for table in tables():
                count = 0
                batch: list[dict] = []
                for row in _rows(archive, name, table):
                    batch.append(row)
                    if len(batch) >= CHUNK:
                        conn.execute(table.insert(), batch)
                        count, batch = count + len(batch), []
                if batch:
                    conn.execute(table.insert(), batch)
                    count += len(batch)
                expected = manifest.get("tables", {}).get(table.name)
                if expected is not None and expected != count:
                    raise InputError(N_("tables/%(name)s.jsonl holds %(count)s rows, the manifest says "
                                        "%(expected)s"),
                                     path=name, name=table.name, count=count, expected=expected)
                counts[table.name] = count
            if engine.dialect.name == "postgresql":
                _advance_sequences(conn)
    return BackupSummary(name, revision, counts)


def _advance_sequences(conn: Connection) -> None:
    """After rows were inserted with their ids, PostgreSQL's id sequences must continue after them."""
    for table in tables():
        key = list(table.primary_key.columns)
        if len(key) == 1 and isinstance(key[0].type, Integer):
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', '{key[0].name}'), "
                              f"coalesce((SELECT max({key[0].name}) FROM {table.name}), 0) + 1, false)"))
