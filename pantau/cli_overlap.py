"""``pantau crawl --extract``: the command-line side of ``pantau.overlap``."""

from __future__ import annotations

import json

import click

from pantau import cli_common as common


def crawl_and_extract_command(db_path, workers, crawl_args: dict):
    """Crawl with the extract stage following the archive; the extract process also runs the health check after
    its run, as `pantau extract` does."""
    from pantau.overlap import crawl_and_extract

    if crawl_args.get("redis_url"):
        raise click.UsageError("--extract needs the database: a --redis worker has none (run `pantau extract "
                               "--follow PID` beside `pantau ingest` instead)")
    crawl_stats, extract_stats = crawl_and_extract(db_path or None, workers=workers, **crawl_args)  # exits 1 with
    # one line (ExtractStageFailed) when the extract process failed
    click.echo(json.dumps({"crawl": crawl_stats, "extract": extract_stats}, indent=2, ensure_ascii=False,
                          default=str))
    common.fail_if_every_source_failed(crawl_stats)
