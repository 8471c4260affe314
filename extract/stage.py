"""The extract stage: stored raw pages -> articles -> claims, written back through the store.

Runs offline: it never fetches. Each page is extracted and saved in one transaction, so a run killed half-way
leaves every page either fully extracted or still pending.
"""

from __future__ import annotations

import logging
from collections import Counter

from db import Store
from extract import topic
from db.progress import Progress

log = logging.getLogger("pantau.extract")


def extract_pages(store: Store, rebuild: bool = False) -> dict:
    """Extract every pending article page (every page with ``rebuild``). Returns run statistics."""
    from extract.article import ExtractionError, extract_article
    from extract.claims import EXTRACTOR_VERSION, extract_claims

    if hasattr(store, "sync_reference_data"):
        store.sync_reference_data()
    grouper = _syndication_grouper(store)
    stats = Counter()
    errors = Counter()
    progress = Progress("extract", total=store.count_pages_to_extract(rebuild), logger=log)
    for page in store.pages_to_extract(rebuild):
        try:
            article = extract_article(store.page_body(page), page["url"], feed_date=page.get("feed_date"))
        except ExtractionError as error:
            reason = str(error) or "unknown"
            errors[reason] += 1
            log.warning("skip page %s (%s): %s", page["id"], page["url"], reason)
            store.mark_extracted(page["id"], error=reason)
            progress.step(errors=sum(errors.values()))
            continue
        on_topic, reason = topic.classify(article.get("title"), article.get("text"))
        article["status"] = "ok" if on_topic else "off_topic"
        article["skip_reason"] = reason
        claims = []
        if on_topic:
            from db.ids import article_id

            claims = extract_claims(
                {
                    "id": article_id(article["canonical_url"]),
                    "url": article["canonical_url"],
                    "outlet": article.get("outlet"),
                    "title": article.get("title"),
                    "published": article.get("published"),
                    "text": article.get("text") or "",
                }
            )
        if grouper is not None:
            from db.ids import article_id

            article["syndication_group"] = grouper.add(
                article_id(article["canonical_url"]), article.get("title") or "", article.get("text") or ""
            )
        _, outcome = store.save_article_with_claims(
            article, claims, page_id=page["id"], extractor_version=EXTRACTOR_VERSION
        )
        stats[f"articles_{outcome}"] += 1
        stats["claims"] += len(claims)
        if not on_topic:
            stats[reason] += 1
        progress.step(claims=stats["claims"])
    if grouper is not None:
        stats["syndication_groups_changed"] = store.update_syndication_groups(grouper.group_map())
    from extract.documents.stage import extract_documents

    stats.update(extract_documents(store, rebuild))  # PDFs, regulations, official press releases (docs/documents.md)
    if hasattr(store, "refresh_search"):
        store.refresh_search()
    stats["review"] = _reapply_review(store)
    from extract.target_stage import update_targets

    stats["targets"] = update_targets(store)["targets"]
    result = dict(stats)
    result["errors"] = dict(errors)
    result["pages"] = progress.done
    log.info("extract done: %s", result)
    return result


def _reapply_review(store: Store) -> dict:
    """Editors' decisions survive re-extraction (db/review.py); before the tracker, which skips rejected claims."""
    from db.review import reapply_claim_decisions

    return reapply_claim_decisions(store)


def _syndication_grouper(store: Store):
    """An incremental near-duplicate grouper primed with the articles already stored, if available."""
    try:
        from extract.syndication import SyndicationIndex
    except ImportError:
        return None
    index = SyndicationIndex()
    for row in store.db.execute("select id, title, text from articles order by first_seen, page_id, id").fetchall():
        index.add(row[0], row[1] or "", row[2] or "")
    return index
