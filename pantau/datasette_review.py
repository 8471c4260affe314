"""Editorial review in Datasette (entry point `pantau_review`): signed-in editors verify, correct or reject a claim
from its page; the decision is written through db/review.py, like `pantau review`.

Off unless `pantau serve --editors` configured it (plugin config `pantau-review`: the editors' names and the database
file). Editors sign in with datasette-auth-passwords (`/-/login`, password hashes from PANTAU_EDITORS, never from the
repository). The write route `POST /-/review`:
- refuses anyone who is not a signed-in editor (HTTP 403): no cookie sign-in, or an actor without the
  `pantau-review` permission (granted by this plugin to the configured editors only);
- runs behind Datasette's CSRF protection (asgi-csrf): a form post carries the `csrftoken` of the page it came from;
- opens its own writable connection (a `db.Store`) for the one decision; Datasette's own connections stay read-only.
Not part of the public build: `pantau publish` does not ship this plugin.
"""

from __future__ import annotations

import asyncio
import html
import threading

from datasette import hookimpl
from datasette.utils.asgi import Response

PLUGIN = "pantau-review"
ACTION = "pantau-review"
# The fields the claim page's form offers, in order, with the choices of the closed ones (db.review checks them all).
FORM_FIELDS = ["claim_type", "value", "value_max", "unit", "qualifier", "target_year", "as_of", "stated_on", "speaker",
               "speaker_title", "organization", "metric", "scope", "scope_name", "subject", "value_text"]
_WRITE_LOCK = threading.Lock()  # one decision at a time: the log's order is the order decisions are re-applied in


def _config(datasette) -> dict:
    return datasette.plugin_config(PLUGIN) or {}


def _editors(datasette) -> set[str]:
    return set(_config(datasette).get("editors") or [])


@hookimpl
def permission_allowed(datasette, actor, action):
    if action != ACTION:
        return None
    return bool(actor and actor.get("id") in _editors(datasette))


async def _is_editor(datasette, request) -> bool:
    """A signed-in (cookie) editor: the cookie makes asgi-csrf check every post of this browser."""
    if not _editors(datasette) or not request.actor or "ds_actor" not in request.cookies:
        return False
    return await datasette.permission_allowed(request.actor, ACTION, default=False)


def form_value(value) -> str:
    """A stored value as the form shows it (and as the route compares it: only changed fields are corrections)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@hookimpl
def register_routes():
    return [(r"^/-/review$", review_route)]


def _decide(path: str, action: str, claim_id: str, editor: str, note: str, changes: dict) -> dict:
    """Write one decision through db/review.py and rebuild the targets it may change (blocking: run in a thread)."""
    from db import Store
    from db.review import decide_claim

    with _WRITE_LOCK:
        store = Store(path)
        try:
            row = decide_claim(store, action, claim_id, by=editor, note=note, changes=changes)
            if store.db["targets"].exists():
                from extract.target_stage import update_targets

                update_targets(store)
            return row
        finally:
            store.close()


def _error(message: str, status: int, back: str | None = None) -> Response:
    link = f'<p><a href="{html.escape(back)}">Back to the claim</a></p>' if back else ""
    return Response.html(f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Review refused</title>'
                         f'</head><body><h1>Review refused</h1><p class="message-error">{html.escape(message)}</p>'
                         f'{link}</body></html>', status=status)


async def review_route(datasette, request):
    if request.method != "POST":
        return _error("POST the form on a claim page", 405)
    if not _editors(datasette):
        return _error("editing is off on this server (start it with `pantau serve --editors`)", 403)
    if not await _is_editor(datasette, request):
        return _error("only signed-in editors can review claims: sign in at /-/login", 403)
    form = await request.post_vars()
    database = form.get("database") or _config(datasette).get("database")
    if database not in datasette.databases or not datasette.get_database(database).is_mutable:
        return _error(f"no writable database {database!r}", 400)
    claim_id, action = (form.get("claim_id") or "").strip(), (form.get("action") or "").strip()
    back = datasette.urls.row(database, "claims", claim_id) if claim_id else None
    db = datasette.get_database(database)
    current = (await db.execute("select * from claims where id = ?", [claim_id])).first()
    if current is None:
        return _error(f"no claim {claim_id!r}", 404)
    changes = {}
    if action == "correct":
        changes = {f: form[f"set.{f}"] for f in FORM_FIELDS
                   if f"set.{f}" in form and form[f"set.{f}"].strip() != form_value(current[f]).strip()}
    from db.review import ReviewError

    try:
        row = await asyncio.get_running_loop().run_in_executor(
            None, _decide, db.path, action, claim_id, request.actor["id"], form.get("note") or "", changes)
    except ReviewError as error:
        return _error(str(error), 400, back)
    datasette.add_message(request, f"Decision #{row['id']}: {action} by {row['editor']}", datasette.INFO)
    return Response.redirect(back)


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    """On a claim page for a signed-in editor: the review form's fields and the claim's earlier decisions."""
    if view_name != "row" or table != "claims" or request is None:
        return {}

    async def inner():
        if not await _is_editor(datasette, request):
            return {}
        from datasette.utils import tilde_decode

        claim_id = tilde_decode(request.url_vars.get("pks", ""))
        db = datasette.get_database(database)
        claim = (await db.execute("select * from claims where id = ?", [claim_id])).first()
        if claim is None:
            return {}
        history = [dict(r) for r in await db.execute(
            "select id, action, editor, decided_at, note, before, after, state from corrections "
            "where current_claim_id = ? or claim_id = ? order by id", [claim_id, claim_id])]
        from db.review import CLAIM_TYPES, SCOPES

        choices = {"claim_type": CLAIM_TYPES, "scope": ("",) + SCOPES}
        fields = [{"name": f, "value": form_value(claim[f]), "choices": choices.get(f)} for f in FORM_FIELDS
                  if f in claim.keys()]
        return {"pantau_review": {"action": datasette.urls.path("/-/review"), "database": database,
                                  "claim_id": claim_id, "status": claim["review_status"] or "unreviewed",
                                  "fields": fields, "history": history}}

    return inner


@hookimpl
def menu_links(datasette, actor, request):
    if not actor or actor.get("id") not in _editors(datasette):
        return []
    database = _config(datasette).get("database") or "pantau"
    return [{"href": datasette.urls.path(f"/{database}/review_queue"), "label": "Review queue"},
            {"href": datasette.urls.path(f"/{database}/corrections"), "label": "Review log"}]
