"""The ``pantau`` command line. Every stage of the pipeline is a subcommand; ``pantau COMMAND --help`` explains it."""

from __future__ import annotations

import csv
import json
import logging
import os
import sys
from pathlib import Path

import click

from pantau import __version__
from pantau import cli_common as common

DB_HELP = "SQLite database file (default: $PANTAU_DB or data/pantau.db)."


def _store(db_path):
    from db import Store

    return Store(db_path)


def _setup_logging(verbose: bool):
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


@click.group(cls=common.PantauGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pantau")
@click.option("-v", "--verbose", is_flag=True, help="Log debug messages and show tracebacks of errors.")
def cli(verbose):
    """Pantau monitors Indonesian news about UMKM digitalization and turns every stated figure and target
    into a sourced claim, published with Datasette.

    The stages run in order: crawl (fetch and archive raw pages) -> extract (articles and claims from the
    archive, offline) -> serve/publish. `pantau run` does all of it; `pantau demo` does it offline against
    the bundled fixture sites.
    """
    _setup_logging(verbose)


# -- crawling -------------------------------------------------------------------------------------------


@cli.command()
@click.option("--source", "sources", multiple=True, callback=common.known_sources,
              help="Outlet to crawl (repeatable; default: all). See `pantau sources`.")
@click.option("--since", callback=common.iso_day, help="First publication day to collect, YYYY-MM-DD (default: yesterday).")
@click.option("--until", callback=common.iso_day, help="Last publication day to collect, YYYY-MM-DD (default: today).")
@click.option("--mirror", envvar="PANTAU_MIRROR", help="Fetch https://HOST/PATH from MIRROR/HOST/PATH instead (saved sites; env PANTAU_MIRROR).")
@click.option("--ignore-robots", "ignore_robots", multiple=True, metavar="SOURCE",
              help="Explicit, logged opt-in to ignore robots.txt for SOURCE. Only with the publisher's permission.")
@click.option("--contact", envvar="PANTAU_CONTACT", help="Contact URL put in the User-Agent (env PANTAU_CONTACT).")
@click.option("--refetch", is_flag=True,
              help="Re-request articles already archived, conditionally (ETag/Last-Modified); edits become new revisions.")
@click.option("--methods", help="Also use these opt-in discovery methods, comma-separated: `search,tag` for every "
              "source or `kompas:search` for one. See `pantau sources`.")
@click.option("--topic-prefilter", is_flag=True,
              help="Skip listing links whose title is plainly off topic (counted as skipped:off_topic_title).")
@click.option("--db", "db_path", envvar="PANTAU_DB", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--redis", "redis_url", envvar="PANTAU_REDIS", metavar="URL",
              help="Be one worker of a distributed crawl sharing this Redis (env PANTAU_REDIS); the pages go to "
                   "`pantau ingest`, not to --db. Start every worker with the same arguments.")
@click.option("--idle-exit", type=float, metavar="SECONDS",
              help="With --redis: exit once the shared queue has been empty this long (default: run as a service).")
@click.option("--extract", "and_extract", is_flag=True,
              help="Extract articles and claims while crawling (a `pantau extract` process follows the archive), "
                   "instead of running `pantau extract` afterwards; prints the stats of both.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="With --extract: extract processes (default: the number of cores).")
def crawl(sources, since, until, mirror, ignore_robots, contact, refetch, methods, topic_prefilter, db_path,
          redis_url, idle_exit, and_extract, workers):
    """Discover and fetch articles, archiving every raw response in the database.

    Re-running a range fetches only what is new or changed. A crawl killed at any moment can simply be
    started again. Republika disallows Scrapy-based crawlers in robots.txt, so it is reported as blocked
    unless you pass --ignore-robots republika with the publisher's permission.
    """
    common.check_range(since, until)
    db_path = common.writable_db(db_path)
    from crawlers.run import crawl as run_crawl

    args = dict(sources=list(sources) or None, since=since, until=until, mirror=mirror,
                ignore_robots=tuple(ignore_robots), contact_url=contact, refetch=refetch,
                methods=[m.strip() for m in methods.split(",") if m.strip()] if methods else None,
                topic_prefilter=topic_prefilter or None, **_distributed(redis_url, idle_exit))
    if workers and not and_extract:
        raise click.UsageError("--workers applies to --extract")
    if and_extract:
        from pantau.cli_overlap import crawl_and_extract_command

        crawl_and_extract_command(db_path, workers, args)
        return
    stats = run_crawl(db_path or None, **args)
    click.echo(json.dumps(stats, indent=2, ensure_ascii=False, default=str))
    common.fail_if_every_source_failed(stats)


def _distributed(redis_url, idle_exit) -> dict:
    if idle_exit is not None and not redis_url:
        raise click.UsageError("--idle-exit only applies to a distributed crawl (--redis URL)")
    if not redis_url:
        return {}
    import redis

    from crawlers.distributed import connect, safe_url

    try:
        connect(redis_url)
    except redis.RedisError as error:
        raise click.ClickException(f"cannot reach Redis at {safe_url(redis_url)}: {error}")
    return {"redis_url": redis_url, "idle_exit": idle_exit}


@cli.command()
def sources():
    """List the outlets Pantau knows, with their discovery methods and what needs JavaScript."""
    from crawlers.registry import describe_sources

    for source in describe_sources():
        click.echo(f"{source['name']:<14} {source.get('label', '')}")
        for key in ("hosts", "methods", "needs_js", "notes"):
            value = source.get(key)
            if value:
                shown = ", ".join(value) if isinstance(value, (list, tuple)) else str(value)
                click.echo(f"    {key}: {shown}")


# -- extraction -----------------------------------------------------------------------------------------


@cli.command()
@click.option("--db", "db_path", envvar="PANTAU_DB", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--rebuild", is_flag=True, help="Re-extract every archived page, not only new ones.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes that parse pages and extract claims (default: the number of cores); one writer.")
@click.option("--follow", "follow_pid", type=click.IntRange(min=1), metavar="PID",
              help="Extract pages as they are archived while process PID (a running `pantau crawl` or `pantau "
                   "ingest`) lives, then finish the rest. `pantau crawl --extract` does this for you.")
@click.option("--follow-stdin", is_flag=True, hidden=True, help="Follow the archive until standard input closes.")
def extract(db_path, rebuild, workers, follow_pid, follow_stdin):
    """Extract articles and claims from the archived raw pages. Never fetches anything."""
    from extract.stage import extract_pages

    from pantau.cli_health import check_health
    from pantau.overlap import follower

    if rebuild and (follow_pid or follow_stdin):
        raise click.UsageError("--rebuild re-extracts the whole archive; it cannot --follow a running crawl")
    store = _store(common.writable_db(db_path))
    stats = extract_pages(store, rebuild=rebuild, workers=workers, follow=follower(follow_pid, follow_stdin))
    check_health(store.path)  # each extract run closes a source-health window (`pantau health` reports it)
    click.echo(json.dumps(stats, indent=2, ensure_ascii=False))


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, allow_dash=True))
def claims(files):
    """Read articles as JSONL (FILES or stdin) and print their claims as JSONL.

    Each input line: {"id", "text", "published"?, "url"?, "outlet"?, "title"?}. Output fields are those of
    the claim schema (article_id, claim_type, subject, metric, value, ... confidence) and the seam keys
    claim_id, scope, scope_name and source_kind (a "source_kind" field of the input line is passed through).
    A line that cannot be read (not UTF-8, not JSON, no text, too long) is reported on stderr with its number and
    skipped; the exit status is then 1.
    """
    from pantau.cli_claims import run_claims

    skipped, total = run_claims(files, out=click.echo, err=lambda line: click.echo(line, err=True))
    if skipped:
        raise click.ClickException(f"{skipped} of {total} input lines skipped (see above)")


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--url", required=True, help="The URL the page was fetched from (decides the outlet rules).")
def article(file, url):
    """Extract one saved HTML page and print the article as JSON."""
    from extract.article import ExtractionError, extract_article

    try:
        result = extract_article(Path(file).read_bytes(), url)
    except ExtractionError as error:
        raise click.ClickException(f"cannot extract {file}: {error}")
    click.echo(json.dumps(result, indent=2, ensure_ascii=False))


# -- output ---------------------------------------------------------------------------------------------

ARTICLE_EXPORT_FIELDS = ["id", "url", "canonical_url", "outlet", "title", "published", "text"]


def _export_rows(store, kind):
    from extract.claims import CLAIM_FIELDS

    if kind == "articles":
        columns = ", ".join(ARTICLE_EXPORT_FIELDS)
        sql = f"select {columns} from articles where status = 'ok' order by published, id"
        return ARTICLE_EXPORT_FIELDS, store.db.query(sql)
    fields = [f for f in CLAIM_FIELDS if f != "article_id"] + ["scope", "scope_name", "source_kind"]
    columns = ", ".join(f"claims.{f}" for f in fields)
    sql = (
        f"select claims.id as claim_id, claims.article_id, {columns}, articles.canonical_url as url "
        "from claims join articles on articles.id = claims.article_id order by claims.stated_on, claims.id"
    )
    return ["claim_id", "article_id", *fields, "url"], store.db.query(sql)


@cli.command()
@click.argument("kind", type=click.Choice(["articles", "claims"]))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--db", "db_path", envvar="PANTAU_DB", type=click.Path(dir_okay=False), help=DB_HELP)
def export(kind, fmt, db_path):
    """Write all articles or claims to stdout as JSONL or CSV (what researchers take away)."""
    fields, rows = _export_rows(_store(common.existing_db(db_path)), kind)
    out = click.get_text_stream("stdout")
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


@cli.command()
@click.option("--db", "db_path", envvar="PANTAU_DB", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--port", default=8001, show_default=True, help="Port on 127.0.0.1.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--editors", is_flag=True, help="Editor mode: editors from $PANTAU_EDITORS sign in at /-/login and "
              "verify, correct or reject claims on their pages (docs/review.md). Opens the database writable for "
              "the review route only.")
def serve(db_path, port, host, editors):
    """Serve the database (full or public) with Datasette and Pantau's metadata, facets and queries.

    Stops cleanly on Ctrl-C or SIGTERM (Datasette with it); exits non-zero when Datasette cannot serve."""
    from pantau.serve import serve as run_server

    path = common.existing_db(db_path)
    common.require_free_port(host, port)
    click.echo(f"Serving {path} at http://{host}:{port}/" + (" (editor mode)" if editors else ""))
    try:
        code = run_server(path, port, host=host, editors=editors)
    except ValueError as error:  # editor accounts missing or malformed, or a public build: refuse to start
        raise click.ClickException(str(error)) from None
    if code:
        raise click.ClickException(f"Datasette stopped with exit status {code}")


@cli.command()
@click.option("--db", "db_path", envvar="PANTAU_DB", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--out", "out_path", default="data/public.db", show_default=True, type=click.Path(dir_okay=False),
              help="Where to write the public database.")
def publish(db_path, out_path):
    """Build the public database (claims, their sentence and a link; no article bodies or crawler state)
    and print the commands that deploy it."""
    from pantau.publish import publish as build_public

    result = build_public(common.existing_db(db_path), Path(out_path))
    click.echo(json.dumps(result, indent=2, ensure_ascii=False, default=str))


@cli.command()
@click.option("--out", "out_path", default="datasette_metadata.json", show_default=True,
              type=click.Path(dir_okay=False))
def metadata(out_path):
    """Regenerate datasette_metadata.json from code (descriptions, facets, canned queries, plugins), and the
    claim-quality figures in README.md and docs/claims.md from nlp_models/eval_scores.json."""
    from pantau.metadata import write_metadata

    from pantau.doc_figures import update_docs

    write_metadata(out_path)
    click.echo(f"wrote {out_path}")
    for path in update_docs():  # the same figures in README.md and docs/claims.md
        click.echo(f"updated the claim-quality figures in {path}")


@cli.command()
@click.option("--source", "sources", multiple=True, callback=common.known_sources,
              help="Outlet to crawl (repeatable; default: all).")
@click.option("--since", callback=common.iso_day, help="First publication day, YYYY-MM-DD (default: yesterday).")
@click.option("--until", callback=common.iso_day, help="Last publication day, YYYY-MM-DD (default: today).")
@click.option("--mirror", envvar="PANTAU_MIRROR", help="Crawl a saved site served at this URL.")
@click.option("--db", "db_path", envvar="PANTAU_DB", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--public-out", default="data/public.db", show_default=True, type=click.Path(dir_okay=False),
              help="Where to write the public database.")
def run(sources, since, until, mirror, db_path, public_out):
    """Crawl, extract, check source health and publish in one go: what a scheduler (cron, systemd timer) calls.

    Publishes only when the articles or claims changed since the last publish. Exits non-zero when a stage
    fails or every source failed, and with status 3 when a source is broken (`pantau health` says why), so the
    scheduler reports it.
    """
    common.check_range(since, until)
    db_path = common.writable_db(db_path)
    from pantau.cli_health import EXIT_UNHEALTHY
    from pantau.jobs import run_all

    result = run_all(db_path, sources=list(sources) or None, since=since, until=until, mirror=mirror,
                     public_out=public_out)
    click.echo(json.dumps(result, indent=2, ensure_ascii=False, default=str))
    common.fail_if_every_source_failed(result.get("crawl"))
    if result["broken"]:
        click.echo(f"pantau run: broken source(s): {', '.join(result['broken'])} (see `pantau health`)", err=True)
        raise SystemExit(EXIT_UNHEALTHY)


# -- mirror and demo ------------------------------------------------------------------------------------


@cli.group()
def mirror():
    """Replay saved web sites on 127.0.0.1 (for offline crawls and tests)."""


@mirror.command("serve")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--port", default=8765, show_default=True, help="Port on 127.0.0.1 (0 = any free port).")
@click.option("--faults", default=0.0, show_default=True, help="Share of requests (0-1) answered with a fault.")
@click.option("--fault-kinds", default="500,slow,truncate,reset", show_default=True,
              help="Comma-separated faults to inject: 500, slow, truncate, reset.")
@click.option("--fault-seed", default=0, show_default=True, help="Seed, so a fault run can be repeated.")
def mirror_serve(directory, port, faults, fault_kinds, fault_seed):
    """Serve DIRECTORY so that /HOST/PATH?QUERY answers with DIRECTORY/HOST/PATH?QUERY.

    Crawl it with `pantau crawl --mirror http://127.0.0.1:PORT`. See the README for the mapping of query
    strings and directory indexes.
    """
    from pantau.mirror import base_url, make_server

    plan = None
    if faults:
        from pantau.faults import FaultPlan

        plan = FaultPlan(faults, fault_seed, [k.strip() for k in fault_kinds.split(",") if k.strip()])
    server = make_server(directory, port, fault_plan=plan)
    click.echo(f"Mirror of {directory} at {base_url(server)}/" + (f" (faults {faults:.0%})" if faults else ""))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


@cli.command()
@click.option("--no-serve", is_flag=True, help="Stop after building the database instead of serving it.")
@click.option("--db", "db_path", default="data/demo.db", show_default=True, type=click.Path(dir_okay=False),
              help="Database to build.")
@click.option("--port", default=8001, show_default=True, help="Datasette port.")
def demo(no_serve, db_path, port):
    """Offline end-to-end run: serve the fixture sites on loopback, crawl them, extract articles and claims,
    and serve the result with Datasette at http://127.0.0.1:PORT/. Ctrl-C or SIGTERM stops it (and Datasette)."""
    if not no_serve:
        common.require_free_port("127.0.0.1", port)
    common.check_sqlite(Path(db_path))
    from pantau.jobs import demo as run_demo

    result = run_demo(Path(db_path), serve=not no_serve, port=port, echo=click.echo)
    if result.get("serve_exit"):
        raise click.ClickException(f"Datasette stopped with exit status {result['serve_exit']}")


# -- evaluation -----------------------------------------------------------------------------------------


@cli.group("eval")
def eval_group():
    """Measure extraction quality against gold files."""


@eval_group.command("articles")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
def eval_articles(gold):
    """Date exact match, title match and body token F1 on GOLD (JSONL of pages with gold fields),
    beside trafilatura alone."""
    from extract.article_eval import main

    main(gold, out=click.echo)


@eval_group.command("claims")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("articles", type=click.Path(exists=True, dir_okay=False))
@click.option("--reliability", is_flag=True,
              help="Also print the reliability table: claimed confidence per bin against observed precision.")
def eval_claims(gold, articles, reliability):
    """Precision, recall and F1 (strict and lenient), speaker accuracy, core recall, metric and scope
    accuracy of the claim extractor on GOLD claims for ARTICLES, as defined in the claim specification."""
    from extract.claim_eval import main

    main(gold, articles, out=click.echo, reliability=reliability)


# Commands kept in their own modules, one per area.
from pantau.cli_documents import document as _document_command  # noqa: E402
from pantau.cli_health import health  # noqa: E402
from pantau.cli_ingest import ingest as _ingest  # noqa: E402  (distributed crawl: the single writer)
from pantau.cli_schedule import schedule  # noqa: E402
from pantau.cli_targets import targets_command  # noqa: E402
from pantau.cli_review import review_group  # noqa: E402

for _command in (targets_command, health, schedule, _document_command, review_group, _ingest):
    cli.add_command(_command)

if __name__ == "__main__":
    cli()
