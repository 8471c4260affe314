"""The store API. Every stage (crawl, extract, publish) reads and writes the database through this class.

Each write is its own transaction, so a process killed at any moment leaves either the whole item or nothing.
"""

from __future__ import annotations

import json
import os
import zlib
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import sqlite_utils
from sqlite_utils.db import jsonify_if_needed

from db import ids, migrations, reference, series, stem

DEFAULT_DB = Path("data") / "pantau.db"


def default_db_path() -> Path:
    return Path(os.environ.get("PANTAU_DB") or DEFAULT_DB)


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _json(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


class Store:
    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else default_db_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite_utils.Database(self.path)
        self._column_cache: dict[str, set] = {}
        self.db.execute("PRAGMA busy_timeout = 30000")
        self.db.enable_wal()
        self.db.execute("PRAGMA foreign_keys = ON")
        migrations.apply(self.db)

    def close(self):
        self.db.close()

    # -- sources and runs -------------------------------------------------------------------------

    def upsert_source(self, name: str, **fields):
        row = {"name": name}
        row.update({k: (_json(v) if isinstance(v, (list, dict)) else v) for k, v in fields.items()})
        self.db["sources"].upsert(row, pk="name", alter=True)

    def start_run(self, source: str, args: dict | None = None) -> int:
        with self.db.conn:
            return self.db["crawl_runs"].insert(
                {"source": source, "started_at": now_iso(), "status": "running", "args": _json(args or {})}
            ).last_pk

    def finish_run(self, run_id: int, stats: dict, status: str = "finished"):
        row = {"finished_at": now_iso(), "status": status}
        for key, value in stats.items():
            row[key] = _json(value) if isinstance(value, (dict, list)) else value
        with self.db.conn:
            self.db["crawl_runs"].update(run_id, row, alter=True)

    # -- raw pages -----------------------------------------------------------------------------------

    def seen(self, canonical_url: str) -> dict | None:
        cursor = self.db.execute("select * from seen_urls where canonical_url = ?", [canonical_url])
        row = cursor.fetchone()
        return dict(zip((c[0] for c in cursor.description), row)) if row else None

    def save_page(
        self,
        *,
        url: str,
        canonical_url: str,
        source: str,
        status: int,
        body: bytes,
        headers: dict | None = None,
        final_url: str | None = None,
        kind: str = "article",
        run_id: int | None = None,
        feed_date: str | None = None,
        fetched_at: str | None = None,
    ) -> tuple[int | None, str]:
        """Archive one response. Returns (page_id, outcome) with outcome new | updated | unchanged.

        A page whose canonical URL and content hash are already stored is not stored again. Plain SQL, not
        sqlite-utils' insert/upsert: this runs once per crawled page, and their per-call table introspection was
        most of the crawl's database time (docs/extraction.md, "Extracting while crawling").
        """
        fetched_at = fetched_at or now_iso()
        digest = ids.content_hash(body)
        headers = headers or {}
        previous = self.db.execute("select first_seen, content_hash, fetch_count from seen_urls"
                                   " where canonical_url = ?", [canonical_url]).fetchone()
        with self.db.conn:
            existing = self.db.execute(
                "select id from pages where canonical_url = ? and content_hash = ?", [canonical_url, digest]
            ).fetchone()
            if existing:
                page_id, outcome = existing[0], "unchanged"
            else:
                page_id = self.db.execute(
                    "insert into pages (url, final_url, canonical_url, source, kind, status, headers, fetched_at,"
                    " content_hash, body, feed_date, run_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [url, final_url or url, canonical_url, source, kind, status, _json(headers), fetched_at, digest,
                     zlib.compress(body, 6), feed_date, run_id],
                ).lastrowid
                outcome = "updated" if previous and previous[1] else "new"
            self.db.execute(
                "insert into seen_urls (canonical_url, source, first_seen, last_fetched, last_status, etag,"
                " last_modified, content_hash, fetch_count) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " on conflict (canonical_url) do update set source = excluded.source,"
                " first_seen = excluded.first_seen, last_fetched = excluded.last_fetched,"
                " last_status = excluded.last_status, etag = excluded.etag, last_modified = excluded.last_modified,"
                " content_hash = excluded.content_hash, fetch_count = excluded.fetch_count",
                [canonical_url, source, (previous[0] if previous else None) or fetched_at, fetched_at, status,
                 headers.get("etag"), headers.get("last-modified"), digest,
                 ((previous[2] if previous else 0) or 0) + 1],
            )
        return page_id, outcome

    def mark_seen_unchanged(self, canonical_url: str, status: int = 304):
        with self.db.conn:
            self.db.execute(
                "update seen_urls set last_fetched = ?, last_status = ?, fetch_count = coalesce(fetch_count, 0) + 1"
                " where canonical_url = ?",
                [now_iso(), status, canonical_url],
            )

    def page_body(self, page: dict) -> bytes:
        return zlib.decompress(page["body"])

    def pages_to_extract(self, rebuild: bool = False) -> Iterator[dict]:
        """Article pages not yet extracted (all of them with rebuild), the newest revision last."""
        where = "kind = 'article'" + ("" if rebuild else " and extracted_at is null")
        ids_ = [r[0] for r in self.db.execute(f"select id from pages where {where} order by id").fetchall()]
        for page_id in ids_:
            yield self.db["pages"].get(page_id)

    def count_pages_to_extract(self, rebuild: bool = False) -> int:
        where = "kind = 'article'" + ("" if rebuild else " and extracted_at is null")
        return self.db.execute(f"select count(*) from pages where {where}").fetchone()[0]

    def mark_extracted(self, page_id: int, error: str | None = None):
        with self.db.conn:
            self.db["pages"].update(page_id, {"extracted_at": now_iso(), "extract_error": error})

    # -- articles and claims ------------------------------------------------------------------------

    def save_article_with_claims(self, article: dict, claims: list[dict], *, page_id: int | None, extractor_version: str):
        """Upsert an article, keep its revision, and replace its claims, in one transaction.

        Returns (article_id, outcome) with outcome new | updated | unchanged.
        """
        with self.db.conn:
            return self._write_article(article, claims, page_id=page_id, extractor_version=extractor_version)

    def page_batches(self, rebuild: bool = False, size: int = 100, after: int = -1) -> Iterator[list[dict]]:
        """Article pages to extract (all of them with ``rebuild``) with an id above ``after``, in id order, ``size``
        at a time.

        Each row has id, url, feed_date and the stored (compressed) body. Reads one batch at a time, so memory
        stays bounded however large the archive is."""
        where = "kind = 'article'" + ("" if rebuild else " and extracted_at is null")
        last = after
        while True:
            rows = self.db.execute(
                f"select id, url, feed_date, body from pages where {where} and id > ? order by id limit ?", [last, size]
            ).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            yield [{"id": r[0], "url": r[1], "feed_date": r[2], "body": r[3]} for r in rows]

    def save_extraction_batch(self, items: list[dict], *, extractor_version: str) -> list[str | None]:
        """Write the results of many pages in ONE transaction: all of them or, if anything fails, none.

        Each item is ``{"page_id", "error"}`` for a page that could not be extracted, or ``{"page_id", "article",
        "claims"}``. Returns each item's outcome (new | updated | unchanged, None for an error). A run killed
        mid-batch leaves that batch's pages pending, so the next run extracts them again."""
        outcomes: list[str | None] = []
        with self.db.conn:
            if not self.db.conn.in_transaction:
                self.db.execute("begin immediate")  # take the write lock once, for the whole batch
            for item in items:
                if item.get("error") is not None:
                    self.db.execute("update pages set extracted_at = ?, extract_error = ? where id = ?",
                                    [now_iso(), item["error"], item["page_id"]])
                    outcomes.append(None)
                else:
                    _, outcome = self._write_article(item["article"], item["claims"], page_id=item["page_id"],
                                                     extractor_version=extractor_version)
                    outcomes.append(outcome)
        return outcomes

    def _write_article(self, article: dict, claims: list[dict], *, page_id: int | None, extractor_version: str):
        """The writes of save_article_with_claims, inside the caller's transaction."""
        article_id = ids.article_id(article["canonical_url"])
        digest = ids.content_hash((article.get("title") or "").encode() + b"\n" + (article.get("text") or "").encode())
        stamp = now_iso()
        previous = self.db.execute(
            "select content_hash, first_seen from articles where id = ?", [article_id]
        ).fetchone()
        outcome = "new" if previous is None else ("unchanged" if previous[0] == digest else "updated")
        row = {k: article.get(k) for k in (
            "canonical_url", "url", "outlet", "title", "published", "published_source", "modified",
            "section", "text", "language", "word_count", "status", "skip_reason", "syndication_group", "parser",
            "published_precision",
        )}
        row.update(
            id=article_id,
            authors=_json(article.get("authors") or []),
            tags=_json(article.get("tags") or []),
            content_hash=digest,
            page_id=page_id,
            first_seen=previous[1] if previous else stamp,
            updated_at=stamp,
        )
        self._ensure("outlets", row.get("outlet"))
        self._write_rows("articles", [row], "upsert")
        self._write_rows("article_revisions", [
            {"article_id": article_id, "content_hash": digest, "title": row["title"], "text": row["text"],
             "page_id": page_id, "extracted_at": stamp}], "ignore", pk=("article_id", "content_hash"))
        self._replace_claims(article_id, claims, extractor_version, stamp, outlet=row.get("outlet"))
        if page_id is not None:
            self.db.execute("update pages set extracted_at = ?, extract_error = null where id = ?", [stamp, page_id])
        return article_id, outcome

    def _replace_claims(
        self, article_id: str, claims: list[dict], extractor_version: str, stamp: str, outlet: str | None = None
    ):
        first_seen = dict(
            self.db.execute("select id, first_seen from claims where article_id = ?", [article_id]).fetchall()
        )
        self.db.execute("delete from claims where article_id = ?", [article_id])
        rows = {}
        for claim in claims:
            claim_id = ids.claim_id(
                article_id, claim.get("value"), claim.get("unit"), claim.get("claim_type"), claim.get("char_start")
            )
            stated_on = claim.get("stated_on") or ""
            row = dict(claim)
            row.pop("claim_id", None)
            row.update(
                id=claim_id,
                article_id=article_id,
                stated_month=stated_on[:7] or None,
                stated_year=int(stated_on[:4]) if stated_on[:4].isdigit() else None,
                extractor_version=extractor_version,
                review_status=claim.get("review_status") or "unreviewed",
                first_seen=first_seen.get(claim_id, stamp),
                # stemmed by the extract worker when it ran in a pool (pure; saves the single writer's time)
                quote_stem=claim["quote_stem"] if "quote_stem" in claim else stem.stem(claim.get("quote")),
                figure_date=migrations.figure_date(claim.get("as_of"), claim.get("stated_on")),
                confidence_band=migrations.confidence_band(claim.get("confidence")),
                outlet=claim.get("outlet") or outlet,
            )
            if not row.get("person_id") and row.get("speaker"):
                found = self.db.execute("select id from people where name = ?", [row["speaker"]]).fetchone()
                row["person_id"] = found[0] if found else None
            for column, table in migrations.CLAIM_LINKS:
                if table != "positions":
                    self._ensure(table, row.get(column))
            row["position_id"] = row.get("position_id") or self._position_at(row.get("person_id"), stated_on)
            rows[claim_id] = row  # one claim per id: a duplicate would leave a stale full-text row behind
        if rows:
            self._write_rows("claims", list(rows.values()), "replace")

    def _write_rows(self, table: str, rows: list[dict], mode: str, pk="id"):
        """The SQL sqlite-utils would run for upsert / insert-or-ignore / insert-or-replace (same values, same
        triggers), without its per-call table introspection: the extract stage writes thousands of rows per second.
        A row with a column the table lacks (a new field) goes through sqlite-utils, which adds the column."""
        if not self.db[table].exists() or not set().union(*rows) <= self._columns(table):
            method = {"upsert": "upsert_all", "ignore": "insert_all", "replace": "insert_all"}[mode]
            options = {"upsert": {}, "ignore": {"ignore": True}, "replace": {"replace": True}}[mode]
            getattr(self.db[table], method)(rows, pk=pk, alter=True, **options)
            self._column_cache.pop(table, None)
            return
        columns = list(dict.fromkeys(c for row in rows for c in row))
        names = ", ".join(f"[{c}]" for c in columns)
        marks = ", ".join("?" for _ in columns)
        if mode == "upsert":
            keys = [pk] if isinstance(pk, str) else list(pk)
            update = ", ".join(f"[{c}] = excluded.[{c}]" for c in columns if c not in keys)
            sql = (f"insert into [{table}] ({names}) values ({marks}) on conflict({', '.join(keys)}) "
                   + (f"do update set {update}" if update else "do nothing"))
        else:
            sql = f"insert or {mode} into [{table}] ({names}) values ({marks})"
        self.db.conn.executemany(sql, [[_plain(row.get(c)) for c in columns] for row in rows])

    def _columns(self, table: str) -> set:
        if table not in self._column_cache:
            self._column_cache[table] = {c.name for c in self.db[table].columns}
        return self._column_cache[table]

    def _ensure(self, table: str, row_id: str | None):
        """Make sure a lookup row exists for a foreign key value (a labelled stub until reference data arrives)."""
        if row_id:
            self.db.execute(
                f"insert or ignore into [{table}] (id, name, origin) values (?, ?, 'stub')", [row_id, row_id]
            )

    def _position_at(self, person_id: str | None, on: str | None) -> str | None:
        """The person's position valid on a date (ISO; year-only bounds compare by year)."""
        if not person_id:
            return None
        found = self.db.execute(
            "select id from positions where person_id = :p and (:d = '' or ("
            " (start is null or start <= substr(:d, 1, length(start)))"
            " and (\"end\" is null or \"end\" >= substr(:d, 1, length(\"end\")))))"
            " order by start desc limit 1",
            {"p": person_id, "d": on or ""},
        ).fetchone()
        return found[0] if found else None

    # -- reference data and search ------------------------------------------------------------------

    def sync_reference_data(self, gazetteer: dict | None = None) -> dict:
        """Upsert outlets, institutions, people, positions, programmes and metrics from the gazetteer.

        Deterministic ids (gazetteer slugs; positions hash person, institution, title and start), so re-runs upsert.
        Called by the extract stage before saving claims. Returns row counts per table.
        """
        gaz = reference.load_gazetteer() if gazetteer is None else gazetteer
        lists = {k: list(gaz.get(k) or []) for k in ("institutions", "people", "programs", "metrics", "outlets")}

        def js(value):
            if value in (None, [], {}):
                return None
            return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)

        def flag(value):
            return None if value is None else int(bool(value))

        def period(value):
            return None if value is None else str(value)

        outlets = [dict(o, origin="builtin") for o in reference.OUTLETS]
        if self.db["sources"].exists():
            for src in self.db.execute("select name, label, hosts from sources").fetchall():
                hosts = src[2]
                try:
                    hosts = json.loads(hosts)[0] if hosts and hosts.startswith("[") else hosts
                except (ValueError, IndexError):
                    pass
                outlets.append({"id": src[0], "name": src[1] or src[0], "domain": hosts, "origin": "sources"})
        outlets += [
            {"id": o["id"], "name": o.get("name") or o["id"], "domain": o.get("domain"), "origin": "gazetteer"}
            for o in lists["outlets"]
            if o.get("id")
        ]
        institutions = [
            {
                "id": i["id"], "name": i.get("name") or i["id"], "type": i.get("type"),
                "acronyms": js(i.get("acronyms")), "aliases": js(i.get("aliases")),
                "valid_from": period(i.get("valid_from")), "valid_to": period(i.get("valid_to")),
                "periods": js(i.get("periods")), "predecessor": js(i.get("predecessor")),
                "successor": js(i.get("successor")), "parent_id": i.get("parent"), "note": i.get("note"),
                "source": i.get("source"), "verified": flag(i.get("verified")), "origin": "gazetteer",
            }
            for i in lists["institutions"]
            if i.get("id")
        ]
        people, positions = [], []
        for p in lists["people"]:
            if not p.get("id"):
                continue
            people.append(
                {"id": p["id"], "name": p.get("name") or p["id"], "variants": js(p.get("variants")), "origin": "gazetteer"}
            )
            for pos in p.get("positions") or []:
                start = period(pos.get("start"))
                positions.append(
                    {
                        "id": ids._digest("position", p["id"], pos.get("institution"), pos.get("title"), start)[:16],
                        "person_id": p["id"], "institution_id": pos.get("institution"), "title": pos.get("title"),
                        "title_variants": js(pos.get("title_variants")), "start": start,
                        "end": period(pos.get("end")), "attested": js([str(a) for a in pos.get("attested") or []]),
                        "source": pos.get("source"), "verified": flag(pos.get("verified")), "note": pos.get("note"),
                        "origin": "gazetteer",
                    }
                )
        programs = [
            {
                "id": g["id"], "name": g.get("name") or g["id"], "kind": g.get("kind"), "aliases": js(g.get("aliases")),
                "lead_id": g.get("lead"), "partners": js(g.get("partners")), "start": period(g.get("start")),
                "end": period(g.get("end")), "description": (g.get("description") or "").strip() or None,
                "targets": js(g.get("targets")), "source": g.get("source"), "verified": flag(g.get("verified")),
                "note": g.get("note"), "origin": "gazetteer",
            }
            for g in lists["programs"]
            if g.get("id")
        ]
        metrics = []
        for m in lists["metrics"] or reference.FALLBACK_METRICS:
            if not m.get("id"):
                continue
            units = m.get("units") or ([m["unit"]] if m.get("unit") else [])
            row = {
                "id": m["id"], "name": m.get("name") or m["id"], "unit": units[0] if units else None,
                "units": js(units), "definition": (m.get("definition") or m.get("description") or "").strip() or None,
                "origin": "gazetteer" if lists["metrics"] else "builtin",
            }
            row.update(reference.METRIC_DEFAULTS.get(m["id"], {}))
            for key in ("series", "cumulative"):
                if m.get(key) is not None:
                    row[key] = int(bool(m[key])) if key == "cumulative" else m[key]
            metrics.append(row)

        with self.db.conn:
            if not self.db.conn.in_transaction:
                # the write lock first: a deferred transaction that reads (upsert_all's table introspection) and
                # then writes fails at once, without waiting, when another process (a running crawl) committed
                # in between
                self.db.execute("begin immediate")
            self.db.execute("PRAGMA defer_foreign_keys = ON")
            for table, rows in (
                ("outlets", outlets), ("institutions", institutions), ("people", people),
                ("positions", positions), ("programs", programs), ("metrics", metrics),
            ):
                if rows:
                    self.db[table].upsert_all(rows, pk="id", alter=True)
            for table, column in (("institutions", "parent_id"), ("positions", "institution_id"),
                                  ("positions", "person_id"), ("programs", "lead_id")):
                target = "people" if column == "person_id" else "institutions"
                self.db.execute(
                    f"insert or ignore into [{target}] (id, name, origin)"
                    f" select distinct [{column}], [{column}], 'stub' from [{table}] where [{column}] is not null"
                )
            # Claims saved before the positions were known get theirs now.
            for claim_id_, person_id, stated_on in self.db.execute(
                "select id, person_id, stated_on from claims where person_id is not null and position_id is null"
            ).fetchall():
                position = self._position_at(person_id, stated_on)
                if position:
                    self.db.execute("update claims set position_id = ? where id = ?", [position, claim_id_])
        return {t: self.db[t].count for t in ("outlets", "institutions", "people", "positions", "programs", "metrics")}

    def refresh_search(self, rebuild: bool = True):
        """Fill missing stemmed copies and rebuild both full-text indexes (after bulk loads or manual edits).

        The FTS triggers keep the indexes current for writes through this store, so the extract stage passes
        ``rebuild=False`` (only the stems; rebuilding costs a pass over every stored article)."""
        with self.db.atomic():
            for claim_id_, quote in self.db.execute(
                "select id, quote from claims where quote_stem is null and quote is not null"
            ).fetchall():
                self.db.execute("update claims set quote_stem = ? where id = ?", [stem.stem(quote), claim_id_])
            if not rebuild:
                return
            for fts in ("claims_fts", "articles_fts"):
                self.db.execute(f"insert into [{fts}]([{fts}]) values ('rebuild')")
        for fts in ("claims_fts", "articles_fts"):
            self.db.execute(f"insert into [{fts}]([{fts}]) values ('optimize')")
            self.db.conn.commit()

    def refresh_series(self) -> dict:
        """Recompute which claims are syndicated copies and the conflicts inside each series (db/series.py); run after
        claims or syndication groups change. Returns counts."""
        return series.refresh(self.db)

    def update_syndication_groups(self, groups: dict[str, str]) -> int:
        """Store each article's final syndication group (groups merge when a later copy bridges them)."""
        current = dict(self.db.execute("select id, syndication_group from articles").fetchall())
        changed = [(group, article_id) for article_id, group in groups.items()
                   if article_id in current and current[article_id] != group]
        if changed:
            with self.db.conn:
                self.db.conn.executemany("update articles set syndication_group = ? where id = ?", changed)
        return len(changed)

    def counts(self) -> dict:
        return {t: self.db[t].count for t in ("pages", "articles", "claims", "crawl_runs")}


_PLAIN_TYPES = frozenset({str, int, float, bytes, type(None)})


def _plain(value):
    """``jsonify_if_needed`` with a fast path for the values most columns hold (it tests six types per value)."""
    return value if type(value) in _PLAIN_TYPES else jsonify_if_needed(value)
