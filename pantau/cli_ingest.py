"""``pantau ingest``: the single database writer of a distributed crawl (see :mod:`pantau.ingest`)."""

from __future__ import annotations

import json

import click

DB_HELP = "SQLite database file (default: $PANTAU_DB or data/pantau.db)."  # as in pantau.cli


@click.command("ingest")
@click.option("--redis", "redis_url", envvar="PANTAU_REDIS", required=True, metavar="URL",
              help="Redis of the distributed crawl, e.g. redis://10.0.0.5:6379/0 (env PANTAU_REDIS).")
@click.option("--db", "db_path", envvar="PANTAU_DB", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--warc-dir", type=click.Path(file_okay=False), help="Directory for WARC files (default: <db dir>/warc).")
@click.option("--idle-exit", type=float, metavar="SECONDS",
              help="Exit once nothing was left to ingest and no worker was alive for this long "
                   "(default: run as a service).")
@click.option("--batch", default=100, show_default=True, help="Stream entries read (and acknowledged) at a time.")
def ingest(redis_url, db_path, warc_dir, idle_exit, batch):
    """Archive what `pantau crawl --redis URL` workers fetched: the one process that writes the database.

    Reads the Redis stream pantau:pages through a consumer group and stores every page (database + WARC) and
    every run record. An entry is acknowledged only after its transaction committed, so an ingest killed at any
    moment is simply started again; a page pushed twice is stored once. Only one ingest runs at a time.
    """
    import redis

    from crawlers.distributed import connect, safe_url
    from pantau.ingest import Ingest, IngestLocked, IngestStoreError

    try:
        server = connect(redis_url)
    except redis.RedisError as error:
        raise click.ClickException(f"cannot reach Redis at {safe_url(redis_url)}: {error}")
    try:
        stats = Ingest(server, db_path or None, warc_dir=warc_dir, batch=batch, idle_exit=idle_exit).run()
    except (IngestLocked, IngestStoreError) as error:
        raise click.ClickException(str(error))
    except redis.RedisError as error:
        raise click.ClickException(f"lost Redis at {safe_url(redis_url)}: {error}; run `pantau ingest` again")
    click.echo(json.dumps(stats, indent=2, sort_keys=True))
