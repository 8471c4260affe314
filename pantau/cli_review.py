"""`pantau review`: editors verify, correct and reject claims and fix target groupings (db/review.py).

Every decision is logged in the `corrections` table and re-applied after each `pantau extract`; see docs/review.md.
"""

from __future__ import annotations

import json

import click

DB_HELP = "SQLite database file (default: $PANTAU_DB or data/pantau.db)."


def _store(db_path):
    from db import Store, default_db_path
    from pathlib import Path

    path = Path(db_path) if db_path else default_db_path()
    if not path.exists():
        raise click.ClickException(f"{path} does not exist: run `pantau extract` first")
    return Store(path)


def _common(command):
    command = click.option("--db", "db_path", envvar="PANTAU_DB", type=click.Path(dir_okay=False), help=DB_HELP)(command)
    command = click.option("--note", help="Why: shown with the correction in the public errata.")(command)
    return click.option("--by", "editor", required=True, envvar="PANTAU_EDITOR",
                        help="Who decides (editor's name; env PANTAU_EDITOR).")(command)


def _refresh_targets(store):
    """Targets are built from claims: a corrected or rejected claim changes them now, not at the next extract."""
    if store.db["targets"].exists():
        from extract.target_stage import update_targets

        update_targets(store)


def _summary(row: dict) -> str:
    before, after = json.loads(row["before"] or "{}"), json.loads(row["after"] or "{}")
    changes = ", ".join(f"{k}: {before.get(k)!r} -> {v!r}" for k, v in after.items()
                        if k != "review_status" and row["kind"] == "claim")
    what = row["current_claim_id"] if row["kind"] == "claim" else f"target {row['target_id']}"
    other = row.get("other_target_id") or row.get("other_claim_id")
    state = row["state"] + (f" ({row['state_reason']})" if row.get("state_reason") else "")
    return (f"#{row['id']} {row['decided_at']} {row['editor']}: {row['action']} {what}"
            f"{' ' + other if other else ''}{' [' + changes + ']' if changes else ''}"
            f"{' - ' + row['note'] if row.get('note') else ''} => {state}")


@click.group("review")
def review_group():
    """Editorial review: verify, correct or reject a claim; merge, split or unlink target groupings.

    Decisions are logged (who, when, before, after, why) in the `corrections` table and re-applied after every
    `pantau extract` (also --rebuild): by claim id, or by article, value and sentence when the extractor moved the
    claim's span. A decision that no longer applies is listed by `pantau review pending`, never dropped.
    Claim ids: `pantau export claims`, the claim page in `pantau serve`, or the `claims` table.
    """


def _claim_command(action: str, help_text: str, with_set: bool = False):
    def run(claim_id, editor, note, db_path, assignments=()):
        from db.review import ReviewError, decide_claim, parse_assignments

        store = _store(db_path)
        try:
            row = decide_claim(store, action, claim_id, by=editor, note=note,
                               changes=parse_assignments(assignments))
        except ReviewError as error:
            raise click.ClickException(str(error)) from None
        _refresh_targets(store)
        click.echo(_summary(row))

    run.__doc__ = help_text
    if with_set:
        run = click.option("--set", "assignments", multiple=True, metavar="FIELD=VALUE", required=True,
                           help="A corrected field (repeatable), e.g. --set value=13700000 --set target_year=2024. "
                                "An empty VALUE (or null) clears a nullable field.")(run)
    run = _common(run)
    run = click.argument("claim_id")(run)
    return review_group.command(action)(run)


_claim_command("verify", "Mark CLAIM_ID as checked against the article: it is right as extracted.")
_claim_command("correct", "Correct fields of CLAIM_ID (--set FIELD=VALUE, checked against the claim schema).",
               with_set=True)
_claim_command("reject", "Reject CLAIM_ID: not a claim (or not this one). It leaves the public database and "
               "the target tracker.")


def _target_command(action: str, second: str, help_text: str):
    def run(target_id, other, editor, note, db_path):
        from db.review import ReviewError
        from db.review_targets import decide_target
        from extract.target_review import reassess_reviewed_targets

        store = _store(db_path)
        try:
            row = decide_target(store, action, target_id, other, by=editor, note=note)
        except ReviewError as error:
            raise click.ClickException(str(error)) from None
        reassess_reviewed_targets(store)  # the edited targets' status, by the tracker's rules
        click.echo(_summary(row))
        if row["state"] != "applied":
            raise click.ClickException(f"decision #{row['id']} logged but not applied: {row['state_reason']}")

    run.__doc__ = help_text
    run = _common(run)
    run = click.argument("other", metavar=second)(run)
    run = click.argument("target_id")(run)
    return review_group.command(action)(run)


_target_command("merge", "OTHER_TARGET_ID", "Merge TARGET_ID into OTHER_TARGET_ID: one commitment, stated twice.")
_target_command("split", "CLAIM_ID", "Split statement CLAIM_ID off TARGET_ID into a target of its own.")
_target_command("unlink", "CLAIM_ID", "Unlink reported figure CLAIM_ID from TARGET_ID (it does not measure it).")


@review_group.command("list")
@click.option("--claim", "claim_id", help="Only decisions on this claim.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per decision.")
@click.option("--db", "db_path", envvar="PANTAU_DB", type=click.Path(dir_okay=False), help=DB_HELP)
def list_command(claim_id, as_json, db_path):
    """Every decision, oldest first, with its state (applied or pending)."""
    from db.review import decisions

    _print(decisions(_store(db_path).db, claim_id=claim_id), as_json)


@review_group.command("pending")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per decision.")
@click.option("--check", is_flag=True, help="Exit with status 1 when any decision is pending (for schedulers).")
@click.option("--db", "db_path", envvar="PANTAU_DB", type=click.Path(dir_okay=False), help=DB_HELP)
def pending_command(as_json, check, db_path):
    """Decisions that no longer apply (their claim or target is gone after re-extraction), with the reason.
    Decide again on the claim that replaced it, or leave the decision as a record."""
    from db.review import decisions

    rows = decisions(_store(db_path).db, pending_only=True)
    _print(rows, as_json)
    if not rows and not as_json:
        click.echo("no pending decisions", err=True)
    if check and rows:
        raise SystemExit(1)


def _print(rows: list[dict], as_json: bool):
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False) if as_json else _summary(row))
