"""Editorial review: the `corrections` log and its re-application after every extraction.

An editor verifies, corrects or rejects a claim (and merges, splits or unlinks target groupings, see
`db.review_targets`). Each decision is one row of `corrections`: who, when, what was there before, what it became,
why. Extraction replaces an article's claims wholesale (`Store._replace_claims`), so the decisions are re-applied
after every `pantau extract` (and `--rebuild`): a decision finds its claim by the claim id, and when the extractor moved
the span (new id) by article, extracted value and sentence. A decision whose claim is gone is marked `pending`,
logged as a warning and counted - never dropped. Rules and commands: docs/review.md.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import date, datetime, timezone

from db import migrations

log = logging.getLogger("pantau.review")

STATUSES = ("unreviewed", "verified", "corrected", "rejected")
CLAIM_ACTIONS = {"verify": "verified", "correct": "corrected", "reject": "rejected"}
TARGET_ACTIONS = ("merge", "split", "unlink")
VALUE_TOLERANCE = 1e-9  # values are floats that went through the same parser: equal means equal


class ReviewError(ValueError):
    """A decision that cannot be taken: unknown claim, unknown field, bad value. The message says which."""


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# -- the claim fields an editor may set, and how each is checked --------------------------------------------------

CLAIM_TYPES = ("target", "achievement", "budget", "other")
SCOPES = ("national", "province", "city", "programme", "company", "sector")
SOURCE_KINDS = ("media", "official_statement", "official_report", "plan", "regulation")
_PERIOD = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _number(text: str) -> float:
    """A plain number; an Indonesian decimal comma is accepted when unambiguous ("13,7")."""
    cleaned = text.strip().replace("_", "")
    if re.fullmatch(r"-?\d+,\d+", cleaned):
        cleaned = cleaned.replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        raise ReviewError(f"not a number: {text!r} (write 13700000 or 13.7e6)") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ReviewError(f"not a finite number: {text!r}")
    return number


def _year(text: str) -> int:
    if not re.fullmatch(r"\d{4}", text.strip()) or not 1900 <= int(text) <= 2100:
        raise ReviewError(f"not a year between 1900 and 2100: {text!r}")
    return int(text)


def _period(text: str) -> str:
    text = text.strip()
    if not _PERIOD.match(text):
        raise ReviewError(f"not a date: {text!r} (YYYY, YYYY-MM or YYYY-MM-DD)")
    _check_calendar(text)
    return text


def _day(text: str) -> str:
    text = text.strip()
    if not _DAY.match(text):
        raise ReviewError(f"not a day: {text!r} (YYYY-MM-DD)")
    _check_calendar(text)
    return text


def _check_calendar(text: str):
    parts = [int(p) for p in text.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise ReviewError(f"no such date: {text!r}") from None


def _choice(options):
    def check(text: str) -> str:
        if text.strip() not in options:
            raise ReviewError(f"{text!r} is not one of {', '.join(options)}")
        return text.strip()
    return check


def _text(text: str) -> str:
    if not text.strip():
        raise ReviewError("empty text")
    return text.strip()


# field -> (check, nullable). The extractor's public schema (shared/reference/claims.md) minus what ties the claim to
# its source: article_id, quote, char_start/char_end and confidence are what the claim *is*, not what it says.
EDITABLE = {
    "claim_type": (_choice(CLAIM_TYPES), False),
    "subject": (_text, True),
    "metric": (_text, True),
    "value": (_number, False),
    "value_max": (_number, True),
    "unit": (_text, False),
    "qualifier": (_text, True),
    "value_text": (_text, False),
    "target_year": (_year, True),
    "as_of": (_period, True),
    "stated_on": (_day, False),
    "speaker": (_text, True),
    "speaker_title": (_text, True),
    "organization": (_text, True),
    "program": (_text, True),
    "scope": (_choice(SCOPES), True),
    "scope_name": (_text, True),
    "source_kind": (_choice(SOURCE_KINDS), True),
}
NULL_WORDS = ("", "null", "none")


def parse_assignments(pairs) -> dict[str, str]:
    """["value=13700000", "speaker=Teten Masduki"] -> {"value": "13700000", ...}; a pair without "=" is an error."""
    out = {}
    for pair in pairs or ():
        field, sep, value = pair.partition("=")
        if not sep or not field.strip():
            raise ReviewError(f"--set needs FIELD=VALUE, got {pair!r}")
        out[field.strip()] = value
    return out


def validate_changes(db, changes: dict) -> dict:
    """Raw strings -> typed values, checked against the claim schema; raises ReviewError naming the field."""
    typed = {}
    for field, raw in changes.items():
        if field not in EDITABLE:
            raise ReviewError(f"unknown or read-only claim field {field!r}; editable: {', '.join(EDITABLE)}")
        check, nullable = EDITABLE[field]
        if raw is None or str(raw).strip().lower() in NULL_WORDS:
            if not nullable:
                raise ReviewError(f"{field} cannot be empty")
            typed[field] = None
            continue
        try:
            typed[field] = check(str(raw))
        except ReviewError as error:
            raise ReviewError(f"{field}: {error}") from None
    if typed.get("metric") and not db.execute("select 1 from metrics where id = ?", [typed["metric"]]).fetchone():
        raise ReviewError(f"metric: no metric {typed['metric']!r} (see the metrics table)")
    return typed


# -- taking a decision --------------------------------------------------------------------------------------------


def claim_row(db, claim_id: str) -> dict | None:
    cursor = db.execute("select * from claims where id = ?", [claim_id])
    row = cursor.fetchone()
    return dict(zip([c[0] for c in cursor.description], row)) if row else None


def match_keys(claim: dict) -> dict:
    """What finds this claim again after re-extraction when its id changed."""
    return {k: claim.get(k) for k in ("article_id", "value", "quote", "claim_type", "unit", "char_start")}


def _original_keys(db, claim: dict) -> tuple[str, dict]:
    """The claim id and match keys as first extracted: an earlier decision on this claim already recorded them
    (after a correction the stored value is the editor's, which re-extraction will not produce)."""
    earlier = db.execute(
        "select claim_id, match_keys from corrections where kind = 'claim' and current_claim_id = ? order by id limit 1",
        [claim["id"]]).fetchone()
    if earlier:
        return earlier[0], json.loads(earlier[1])
    return claim["id"], match_keys(claim)


def check_decision(action: str, allowed, by: str | None):
    """A known action and an editor's name, or a ReviewError saying which is missing."""
    if action not in allowed:
        raise ReviewError(f"unknown action {action!r}: one of {', '.join(allowed)}")
    if not (by or "").strip():
        raise ReviewError("a decision needs the editor's name (--by)")


def decide_claim(store, action: str, claim_id: str, *, by: str, note: str | None = None,
                 changes: dict | None = None, decided_at: str | None = None) -> dict:
    """Verify, correct or reject one claim: log the decision and apply it now. Returns the log row."""
    check_decision(action, CLAIM_ACTIONS, by)
    db = store.db
    claim = claim_row(db, claim_id)
    if claim is None:
        raise ReviewError(f"no claim {claim_id!r} in {getattr(store, 'path', 'the database')}")
    typed = validate_changes(db, changes or {})
    if action == "correct":
        typed = {k: v for k, v in typed.items() if claim.get(k) != v}
        if not typed:
            raise ReviewError("correct needs at least one --set FIELD=VALUE that changes the claim")
    elif typed:
        raise ReviewError(f"{action} takes no --set (use `correct`)")
    before = {k: claim.get(k) for k in typed} if typed else {"review_status": claim.get("review_status")}
    after = dict(typed) if typed else {"review_status": CLAIM_ACTIONS[action]}
    original_id, keys = _original_keys(db, claim)
    row = {
        "kind": "claim", "action": action, "claim_id": original_id, "current_claim_id": claim_id,
        "article_id": claim.get("article_id"), "match_keys": json.dumps(keys, ensure_ascii=False),
        "editor": by.strip(), "decided_at": decided_at or now_iso(), "note": (note or "").strip() or None,
        "before": json.dumps(before, ensure_ascii=False), "after": json.dumps(after, ensure_ascii=False),
        "state": "applied", "state_reason": None, "applied_at": now_iso(),
    }
    with db.conn:
        row["id"] = db["corrections"].insert(row).last_pk
        _apply_to_claim(store, claim_id, action, typed, row["decided_at"])
    log.info("review #%s: %s %s by %s", row["id"], action, claim_id, row["editor"])
    return row


# -- applying decisions to claims ---------------------------------------------------------------------------------


def _apply_to_claim(store, claim_id: str, action: str, typed: dict, decided_at: str):
    """Set the corrected fields (and the columns derived from them) and the review status."""
    db = store.db
    current = db.execute("select review_status, stated_on, as_of, speaker from claims where id = ?",
                         [claim_id]).fetchone()
    status = CLAIM_ACTIONS[action]
    if action == "verify" and current[0] == "corrected":
        status = "corrected"  # a corrected claim that an editor then checks stays marked as corrected
    fields = dict(typed)
    if "stated_on" in typed or "as_of" in typed:
        stated_on = typed.get("stated_on", current[1]) or ""
        as_of = typed.get("as_of", current[2])
        fields.update(stated_month=stated_on[:7] or None,
                      stated_year=int(stated_on[:4]) if stated_on[:4].isdigit() else None,
                      figure_date=migrations.figure_date(as_of, stated_on))
    if "speaker" in typed:
        fields["person_id"] = _person_id(db, typed["speaker"])
        fields["position_id"] = store._position_at(fields["person_id"], typed.get("stated_on", current[1]))
    if typed.get("metric"):
        store._ensure("metrics", typed["metric"])
    fields.update(review_status=status, reviewed_at=decided_at)
    assignments = ", ".join(f"[{k}] = ?" for k in fields)
    db.execute(f"update claims set {assignments} where id = ?", [*fields.values(), claim_id])


def _person_id(db, name: str | None) -> str | None:
    """The gazetteer person with this name or name variant, as the store links a speaker."""
    if not name:
        return None
    found = db.execute(
        "select id from people where lower(name) = lower(:n) or exists (select 1 from json_each(people.variants) v "
        "where lower(v.value) = lower(:n)) limit 1", {"n": name}).fetchone()
    return found[0] if found else None


def _norm_quote(text) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip()


def resolve_claim(db, claim_id: str, keys: dict, after: dict | None = None) -> tuple[str | None, str]:
    """(current claim id, how) for a decision's claim: `id`, `rekeyed` (same article, extracted value and sentence),
    `agrees` (the extractor now produces what the editor set) - or (None, reason)."""
    if db.execute("select 1 from claims where id = ?", [claim_id]).fetchone():
        return claim_id, "id"
    article_id = keys.get("article_id")
    if not db.execute("select 1 from articles where id = ?", [article_id]).fetchone():
        return None, "its article is no longer in the database"
    cursor = db.execute("select * from claims where article_id = ?", [article_id])
    names = [c[0] for c in cursor.description]
    same_sentence = [dict(zip(names, r)) for r in cursor.fetchall()
                     if _norm_quote(r[names.index("quote")]) == _norm_quote(keys.get("quote"))]
    by_value = [c for c in same_sentence if _same_value(c.get("value"), keys.get("value"))]
    chosen = _pick(by_value, keys)
    if chosen:
        return chosen, "rekeyed"
    if after and any(k != "review_status" for k in after):
        agrees = [c for c in same_sentence if all(_same(c.get(k), v) for k, v in after.items())]
        chosen = _pick(agrees, keys)
        if chosen:
            return chosen, "agrees"
    if not same_sentence:
        return None, "the sentence is no longer extracted from the article"
    if len(by_value) > 1:
        return None, f"{len(by_value)} claims of the sentence match; decide again on the right one"
    return None, "no claim of the sentence has the value it was decided on"


def _pick(candidates: list[dict], keys: dict) -> str | None:
    """One candidate; of several, the one of the same type and unit, else the nearest span, if that is unique."""
    if len(candidates) > 1:
        candidates = [c for c in candidates if c.get("claim_type") == keys.get("claim_type")
                      and c.get("unit") == keys.get("unit")] or candidates
    if len(candidates) > 1 and keys.get("char_start") is not None:
        distance = {c["id"]: abs((c.get("char_start") or 0) - keys["char_start"]) for c in candidates}
        best = min(distance.values())
        candidates = [c for c in candidates if distance[c["id"]] == best]
    return candidates[0]["id"] if len(candidates) == 1 else None


def _same_value(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return abs(float(a) - float(b)) <= VALUE_TOLERANCE * max(1.0, abs(float(a)), abs(float(b)))


def _same(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return _same_value(a, b)
    return a == b


def reapply_claim_decisions(store) -> dict:
    """Re-apply every claim decision in the order taken (after an extraction replaced claims). Idempotent.

    Returns counts: applied, rekeyed (found by article, value and sentence), agrees (the extractor now says what the
    editor set), pending (claim gone: kept in the log, warned, listed by `pantau review pending`)."""
    db = store.db
    if not db["corrections"].exists():
        return {"applied": 0, "rekeyed": 0, "agrees": 0, "pending": 0}
    counts = {"applied": 0, "rekeyed": 0, "agrees": 0, "pending": 0}
    rows = db.execute("select id, action, claim_id, match_keys, after, decided_at, state from corrections "
                      "where kind = 'claim' order by id").fetchall()
    with db.conn:
        for decision_id, action, claim_id, keys, after, decided_at, state in rows:
            after = json.loads(after or "{}")
            current, how = resolve_claim(db, claim_id, json.loads(keys or "{}"), after)
            if current is None:
                counts["pending"] += 1
                _mark(db, decision_id, "pending", how, None)
                log.warning("review #%s (%s %s) no longer applies: %s", decision_id, action, claim_id, how)
                continue
            typed = {k: v for k, v in after.items() if k != "review_status"}
            _apply_to_claim(store, current, action, typed, decided_at)
            counts["applied"] += 1
            if how != "id":
                counts[how] += 1
                log.info("review #%s: claim %s is now %s (%s)", decision_id, claim_id, current, how)
            _mark(db, decision_id, "applied", None if how == "id" else how, current)
    if counts["pending"]:
        log.warning("%s review decision(s) no longer apply: see `pantau review pending`", counts["pending"])
    return counts


def _mark(db, decision_id: int, state: str, reason: str | None, current: str | None):
    fields = {"state": state, "state_reason": reason, "applied_at": now_iso() if state == "applied" else None}
    if current:
        fields["current_claim_id"] = current
    assignments = ", ".join(f"[{k}] = ?" for k in fields)
    db.execute(f"update corrections set {assignments} where id = ?", [*fields.values(), decision_id])


# -- reading the log ----------------------------------------------------------------------------------------------


def decisions(db, *, pending_only: bool = False, claim_id: str | None = None) -> list[dict]:
    if not db["corrections"].exists():
        return []
    where, params = ["1"], []
    if pending_only:
        where.append("state = 'pending'")
    if claim_id:
        where.append("(claim_id = ? or current_claim_id = ?)")
        params += [claim_id, claim_id]
    cursor = db.execute(f"select * from corrections where {' and '.join(where)} order by id", params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def errata_rows(db) -> list[dict]:
    """The public errata: every applied correction field by field, and every rejection (the claim leaves the public
    database, so its figure and sentence are listed here). Editors' names stay internal."""
    out = []
    for d in decisions(db):
        if d["state"] != "applied" or d["action"] not in ("correct", "reject"):
            continue
        keys = json.loads(d["match_keys"] or "{}")
        base = {"correction_id": d["id"], "claim_id": d["current_claim_id"], "article_id": d["article_id"],
                "action": d["action"], "corrected_at": d["decided_at"], "note": d["note"], "quote": keys.get("quote")}
        if d["action"] == "reject":
            if _status(db, d["current_claim_id"]) != "rejected":
                continue  # a later decision took the rejection back
            out.append({**base, "field": "claim", "old_value": _show(keys.get("value")),
                        "new_value": "(removed: not a valid claim)"})
            continue
        before, after = json.loads(d["before"] or "{}"), json.loads(d["after"] or "{}")
        for field, new in after.items():
            out.append({**base, "field": field, "old_value": _show(before.get(field)), "new_value": _show(new)})
    return out


def _status(db, claim_id: str) -> str | None:
    found = db.execute("select review_status from claims where id = ?", [claim_id]).fetchone()
    return found[0] if found else None


def _show(value) -> str | None:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return None if value is None else str(value)
