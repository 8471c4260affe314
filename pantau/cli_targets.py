"""`pantau targets`: claims JSONL in (files, stdin or a database), tracked targets JSONL out."""

from __future__ import annotations

import json
import logging
import sys

import click

log = logging.getLogger("pantau.targets")

# The fields of CONTRACTS.md "Seam: claims in, targets out", in this order.
OUTPUT_FIELDS = [
    "target_id", "metric", "scope", "scope_name", "subject", "value", "value_max", "unit", "deadline", "revision_of",
    "milestone_of", "first_stated_on", "first_speaker", "statements", "observations", "latest_figure",
    "best_figure", "progress_pct", "status", "status_as_of", "status_rationale", "status_history", "conflicts",
    "anchoring", "legal_anchor",
]


def read_claims(handles) -> tuple[list[dict], int]:
    """Claims from JSONL handles; a line that is not a JSON object is reported (file:line) and skipped."""
    claims, bad = [], 0
    for handle in handles:
        name = getattr(handle, "name", "<stdin>")
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                claim = json.loads(line)
            except json.JSONDecodeError as error:
                claim, reason = None, f"not JSON ({error.msg})"
            else:
                reason = None if isinstance(claim, dict) else "not a JSON object"
            if reason is None and not claim.get("claim_type"):
                reason = "no claim_type"
            if reason:
                bad += 1
                click.echo(f"{name}:{number}: skipped: {reason}", err=True)
                continue
            claims.append(claim)
    return claims, bad


def _day(value):
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint="--as-of")


@click.command("targets")
@click.argument("files", nargs=-1, type=click.File("r", encoding="utf-8"))
@click.option("--db", "db_path", type=click.Path(dir_okay=False, exists=True),
              help="Read the claims from this Pantau database instead of FILES/stdin.")
@click.option("--as-of", "as_of", metavar="DATE",
              help="Point in time (YYYY-MM-DD): only claims stated on or before DATE are known, and the status is "
              "computed as of DATE (default: today).")
def targets_command(files, db_path, as_of):
    """Group target claims into tracked targets and print one JSON object per target.

    Input: claims as JSONL, as `pantau claims` prints them (FILES, or stdin), or --db. Each target carries its
    statements (with role first / restatement / revision / milestone), the reported figures of the same metric and
    scope (observations, with as_of and stated_on), revision_of / milestone_of / conflicts, progress_pct and a status
    with rationale and history. Rules: docs/targets.md. Bad input lines are reported as FILE:LINE and skipped.
    """
    from extract.targets import build_targets

    day = _day(as_of)
    if db_path:
        if files:
            raise click.UsageError("give either FILES or --db, not both")
        from db import Store
        from extract.target_stage import load_claims

        store = Store(db_path)
        claims, bad = load_claims(store), 0
        store.close()
    else:
        claims, bad = read_claims(files or [click.get_text_stream("stdin")])
    if day is not None:
        claims = [c for c in claims if str(c.get("stated_on") or "")[:10] <= day.isoformat()]
    out = click.get_text_stream("stdout")
    targets = build_targets(claims, today=day)
    for target in targets:
        out.write(json.dumps({k: target.get(k) for k in OUTPUT_FIELDS}, ensure_ascii=False) + "\n")
    if bad:
        click.echo(f"skipped {bad} bad line(s); {len(targets)} targets from {len(claims)} claims", err=True)
    sys.stdout.flush()
