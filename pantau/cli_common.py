"""What every `pantau` command shares: one clear error line instead of a traceback, database paths that are checked
before anything opens them, and validated dates and source names.

Kept free of heavy imports (no Scrapy, no spaCy): `pantau --help`, `sources` and `export` must start fast.
"""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path

import click

SQLITE_HEADER = b"SQLite format 3\x00"
CHOOSE_DB = "choose one with --db PATH or PANTAU_DB=PATH (`pantau demo` writes data/demo.db)"


class PantauGroup(click.Group):
    """A click group whose commands end with one line on stderr and a non-zero exit on any error; `pantau -v`
    shows the traceback too."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            sys.exit(130)
        except Exception as error:  # noqa: BLE001 - the one place that turns a crash into an error line
            if ctx.params.get("verbose"):
                raise
            logging.getLogger("pantau").debug("command failed", exc_info=True)
            message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise click.ClickException(f"{message} ({type(error).__name__}; run `pantau -v ...` for details)")


def default_db_path() -> Path:
    from db import default_db_path as default

    return Path(default())


def _where_looked(db_path) -> str:
    if db_path:
        return f"--db/PANTAU_DB gave {db_path}"
    return "no --db and no PANTAU_DB, so the default"


def check_sqlite(path: Path):
    """A file that exists must be a SQLite database (an empty file is a new database)."""
    if path.is_dir():
        raise click.ClickException(f"{path} is a directory, not a SQLite database file")
    if path.exists() and path.stat().st_size:
        with open(path, "rb") as handle:
            if handle.read(16) != SQLITE_HEADER:
                raise click.ClickException(f"{path} is not a SQLite database; {CHOOSE_DB}")


def existing_db(db_path) -> Path:
    """The database a reading command (export, publish, serve) opens: it must exist and be SQLite. Never creates one."""
    path = Path(db_path) if db_path else default_db_path()
    if not path.exists():
        raise click.ClickException(
            f"no database at {path} ({_where_looked(db_path)}); {CHOOSE_DB}, or build it with `pantau crawl` and "
            "`pantau extract`")
    check_sqlite(path)
    if not path.stat().st_size:
        raise click.ClickException(f"{path} is an empty file, not a Pantau database; {CHOOSE_DB}")
    return path


def writable_db(db_path) -> Path | None:
    """The database a writing command (crawl, extract, run) creates or updates: if it exists it must be SQLite."""
    path = Path(db_path) if db_path else default_db_path()
    check_sqlite(path)
    return Path(db_path) if db_path else None


def iso_day(ctx, param, value):
    """click callback: YYYY-MM-DD that is a real day ("2024-13-45" is refused with one line)."""
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a day in the form YYYY-MM-DD (e.g. 2024-01-31)")


def check_range(since: str | None, until: str | None):
    if since and until and since > until:
        raise click.UsageError(f"--since {since} is after --until {until}: nothing to collect")


def known_sources(ctx, param, values):
    """click callback: every --source must be a registered outlet."""
    if not values:
        return values
    from crawlers import registry

    known = registry.names()
    unknown = [v for v in values if v not in known]
    if unknown:
        raise click.BadParameter(f"unknown source {', '.join(unknown)}; known: {', '.join(known)} "
                                 "(see `pantau sources`)")
    return values


def port_is_free(host: str, port: int) -> bool:
    import socket

    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host if host not in ("", "0.0.0.0") else "0.0.0.0", port))
        except OSError:
            return False
    return True


def require_free_port(host: str, port: int):
    if not port_is_free(host, port):
        raise click.ClickException(f"port {port} on {host} is already in use; choose another with --port N")


def sources_that_worked(stats: dict) -> list[str]:
    """Sources whose crawl finished with at least one good response (stats as `crawlers.run.crawl` returns them)."""
    return [name for name, v in (stats or {}).items()
            if isinstance(v, dict) and v.get("status") == "finished" and (v.get("ok_responses") or 0) > 0]


def fail_if_every_source_failed(stats: dict):
    if stats and not sources_that_worked(stats):
        summary = ", ".join(f"{name}: {v.get('status') if isinstance(v, dict) else v}" for name, v in stats.items())
        raise click.ClickException(f"every source failed ({summary}); nothing new was collected")
