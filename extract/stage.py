"""The extract stage: stored raw pages -> articles -> claims, written back through the store.

Runs offline: it never fetches. Work is split in two (docs/extraction.md, "The extract stage"):

* **workers** (a process pool over the cores, ``extract.pool``) parse pages and extract articles and claims:
  pure functions of the stored page, no database;
* **the parent** is the single writer: in page order it assigns syndication groups and saves the results in
  transactions of ``batch_size`` pages. A run killed at any moment leaves every page either fully extracted (its
  batch committed) or still pending; the next run picks the pending ones up.

Because results come back in page order and only the parent writes, ``--workers 1`` and ``--workers N`` give the
same database.
"""

from __future__ import annotations

import logging
import time
import zlib
from collections import Counter

from db import Store
from db.ids import article_id
from db.progress import Progress
from extract import topic
from extract.pool import default_workers, ordered_map

log = logging.getLogger("pantau.extract")

BATCH_SIZE = 200  # pages per write transaction
CHUNK_SIZE = 8  # pages per task sent to a worker
FLUSH_S = 2.0  # following a crawl: finished pages are saved at least this often, however slowly pages come


def extract_pages(store: Store, rebuild: bool = False, workers: int | None = None, batch_size: int = BATCH_SIZE,
                  chunk_size: int = CHUNK_SIZE, follow=None, flush_s: float = FLUSH_S) -> dict:
    """Extract every pending article page (every page with ``rebuild``). Returns run statistics.

    ``follow`` (an ``extract.follow.ArchiveFollower``) keeps reading pages as a running crawl archives them, until
    the crawl ends (``pantau crawl --extract``). While following, finished pages are saved when ``batch_size`` of
    them are done or when the oldest has waited ``flush_s`` seconds, whichever comes first."""
    from extract.claims import EXTRACTOR_VERSION

    workers = default_workers() if workers is None else max(1, int(workers))
    if hasattr(store, "sync_reference_data"):
        store.sync_reference_data()
    if follow is not None and rebuild:
        raise ValueError("--rebuild re-extracts the whole archive; it cannot follow a running crawl")
    total = store.count_pages_to_extract(rebuild)
    if follow is None:
        workers = max(1, min(workers, -(-total // chunk_size)))  # a handful of pages is not worth a pool
    grouper = _syndication_grouper(store) if total or follow else None
    stats = Counter()
    errors = Counter()
    progress = Progress("extract", total=None if follow else total, logger=log)
    if total or follow:
        # load the pipeline once, at start-up (a missing NER model fails here, before any page) and before the
        # fork: the workers share it
        warm_up()
        size = max(batch_size, chunk_size)
        batches = follow.batches(store, size) if follow else store.page_batches(rebuild, size=size)
        chunks = _chunks(batches, chunk_size)
        batch: list[dict] = []
        unsaved_since = 0.0  # when the first result of ``batch`` came back
        for results in ordered_map(extract_chunk, chunks, workers):
            if results and not batch:
                unsaved_since = time.monotonic()
            for result in results:
                _account(result, grouper, stats, errors)
                batch.append(result)
                progress.step(claims=stats["claims"], errors=sum(errors.values()))
            overdue = follow is not None and batch and time.monotonic() - unsaved_since >= flush_s
            if len(batch) >= batch_size or overdue:
                _save(store, batch, stats, EXTRACTOR_VERSION)
                batch = []
        if batch:
            _save(store, batch, stats, EXTRACTOR_VERSION)
    if grouper is not None:
        stats["syndication_groups_changed"] = store.update_syndication_groups(grouper.group_map())
        _store_new_sketches(store, grouper)
    from extract.documents.stage import extract_documents

    stats.update(extract_documents(store, rebuild))  # PDFs, regulations, official press releases (docs/documents.md)
    if hasattr(store, "refresh_search"):
        store.refresh_search(rebuild=rebuild)  # the FTS triggers keep the index current; a full rebuild repairs it
    stats["review"] = _reapply_review(store)
    if hasattr(store, "refresh_series"):  # after review: corrected values and groups decide copies and conflicts
        stats.update(store.refresh_series())
    from extract.target_stage import update_targets

    stats["targets"] = update_targets(store)["targets"]
    result = dict(stats)
    result["errors"] = dict(errors)
    result["pages"] = progress.done
    result["workers"] = workers
    log.info("extract done: %s", result)
    return result


# -- workers: pure, no database ---------------------------------------------------------------------------------


def warm_up():
    """Load what every page needs (imports, the spaCy pipeline and its NER model) in this process."""
    from extract.claims import extract_claims

    extract_claims({"id": "warm-up", "url": "https://pantau.invalid/warm-up", "outlet": None, "title": "",
                    "published": None, "text": "Kementerian menargetkan 30 juta UMKM masuk ekosistem digital pada 2024."})


def extract_chunk(pages: list[dict]) -> list[dict]:
    """The pages of one worker task: articles first, then the claims of all of them in one batch (one forward pass
    of the statistical NER for the chunk instead of one per article)."""
    from extract.claims.pipeline import extract_claims_batch

    results = [extract_page(page, claims=False) for page in pages]
    pending = [r for r in results if r.get("article") is not None and r["article"]["status"] == "ok"]
    for result, claims in zip(pending, extract_claims_batch([_claims_input(r["article"]) for r in pending])):
        result["claims"] = _with_stems(claims)
    return results


def extract_page(page: dict, claims: bool = True) -> dict:
    """One stored page -> ``{"page_id", "url", "error"}`` or ``{"page_id", "url", "article", "claims"}``; the
    claims are left out with ``claims=False`` (``extract_chunk`` finds them for a whole chunk at once)."""
    from extract.article import ExtractionError, extract_article
    from extract.claims import extract_claims

    try:
        html = zlib.decompress(page["body"])
        article = extract_article(html, page["url"], feed_date=page.get("feed_date"))
    except ExtractionError as error:
        return {"page_id": page["id"], "url": page["url"], "error": str(error) or "unknown"}
    except zlib.error:
        return {"page_id": page["id"], "url": page["url"], "error": "binary"}
    on_topic, reason = topic.classify(article.get("title"), article.get("text"))
    article["status"] = "ok" if on_topic else "off_topic"
    article["skip_reason"] = reason
    found = _with_stems(extract_claims(_claims_input(article))) if on_topic and claims else []
    return {"page_id": page["id"], "url": page["url"], "article": article, "claims": found}


def _claims_input(article: dict) -> dict:
    return {
        "id": article_id(article["canonical_url"]),
        "url": article["canonical_url"],
        "outlet": article.get("outlet"),
        "title": article.get("title"),
        "published": article.get("published"),
        "text": article.get("text") or "",
    }


def _with_stems(claims: list[dict]) -> list[dict]:
    from db import stem

    for claim in claims:
        claim["quote_stem"] = stem.stem(claim.get("quote"))  # the search copy, computed here, off the writer
    return claims


def _chunks(batches, size: int):
    for batch in batches:
        if not batch:
            yield []  # the follower has caught up: a barrier for the pool (extract.pool), a chance to save
        for start in range(0, len(batch), size):
            yield batch[start:start + size]


# -- the single writer ------------------------------------------------------------------------------------------


def _account(result: dict, grouper, stats: Counter, errors: Counter):
    """Count one result and give its article a syndication group, in page order (so groups never depend on which
    worker finished first)."""
    if result.get("error") is not None:
        errors[result["error"]] += 1
        log.warning("skip page %s (%s): %s", result["page_id"], result["url"], result["error"])
        return
    article = result["article"]
    if grouper is not None:
        article["syndication_group"] = grouper.add(
            article_id(article["canonical_url"]), article.get("title") or "", article.get("text") or "")
    stats["claims"] += len(result["claims"])
    if article["status"] != "ok":
        stats[article["skip_reason"]] += 1


def _save(store: Store, batch: list[dict], stats: Counter, extractor_version: str):
    outcomes = store.save_extraction_batch(batch, extractor_version=extractor_version)
    for outcome in outcomes:
        if outcome is not None:
            stats[f"articles_{outcome}"] += 1


def _reapply_review(store: Store) -> dict:
    """Editors' decisions survive re-extraction (db/review.py); before the tracker, which skips rejected claims."""
    from db.review import reapply_claim_decisions

    return reapply_claim_decisions(store)


def _syndication_grouper(store: Store):
    """An incremental near-duplicate grouper primed with the articles already stored, in the order they came.

    Each article's sketch comes from ``syndication_sketches`` when it is there for the article's current content and
    the current sketching version; only the others are read and sketched (and their sketches stored), so a run over a
    large archive does not re-sketch every stored article."""
    from extract.syndication import SKETCH_VERSION, SyndicationIndex, sketch

    index = SyndicationIndex()
    rows = store.db.execute(
        "select a.id, a.title, a.content_hash, s.content_hash, s.version, s.shingles, s.signature from articles a "
        "left join syndication_sketches s on s.article_id = a.id order by a.first_seen, a.page_id, a.id").fetchall()
    fresh = []
    for article_id, title, digest, sketched_for, version, n_shingles, signature in rows:
        if sketched_for == digest and version == SKETCH_VERSION:
            index.add_sketch(article_id, title or "", n_shingles, _signature(signature))
            continue
        text = store.db.execute("select text from articles where id = ?", [article_id]).fetchone()[0]
        n_shingles, signature = sketch(text or "")
        index.add_sketch(article_id, title or "", n_shingles, signature)
        fresh.append((article_id, digest, n_shingles, signature))
    _store_sketches(store, fresh)
    index.primed = set(index.group_map())  # the stored articles: their sketches are stored (see _store_new_sketches)
    return index


def _signature(blob: bytes | None):
    import numpy as np

    return None if blob is None else np.frombuffer(blob, dtype=np.uint32)


def _store_sketches(store: Store, sketches: list[tuple]) -> None:
    """Store (article id, content hash, shingle count, signature) rows, one transaction."""
    from extract.syndication import SKETCH_VERSION

    if sketches:
        with store.db.conn:
            store.db.conn.executemany(
                "insert or replace into syndication_sketches (article_id, content_hash, version, shingles, signature) "
                "values (?, ?, ?, ?, ?)",
                [(aid, digest, SKETCH_VERSION, n, None if sig is None else sig.tobytes()) for aid, digest, n, sig in sketches])


def _store_new_sketches(store: Store, grouper) -> None:
    """The sketches of the articles this run added (not those primed from the store: an article extracted again
    keeps its primed sketch in the index, and a changed text is sketched again by the next run's priming)."""
    new = [(aid, sk) for aid, sk in grouper.sketches.items() if aid not in grouper.primed]
    for start in range(0, len(new), 500):
        part = dict(new[start:start + 500])
        digests = dict(store.db.execute(f"select id, content_hash from articles where id in ({', '.join('?' * len(part))})",
                                        list(part)).fetchall())
        _store_sketches(store, [(aid, digests[aid], n, sig) for aid, (n, sig) in part.items() if aid in digests])
