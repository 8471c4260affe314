"""Datasette metadata: descriptions of the claims, articles, lookup and crawler tables and their columns.

Plain data read by ``pantau/metadata.py`` (``build_metadata``), which adds facets, sorting and labels.
"""

from __future__ import annotations

CLAIM_FACETS = ["claim_type", "confidence_band", "speaker", "institution_id", "program_id", "metric", "outlet", "stated_year", "stated_month"]
# Derived and bookkeeping columns: in JSON, CSV and a claim's folded "all fields", not in the claims table page unless
# the reader asks (?_all_columns=1; pantau/templates/_table.html).
CLAIM_HIDDEN_COLUMNS = ["quote_stem", "figure_date", "stated_month", "stated_year", "char_start", "char_end",
                        "position_id", "extractor_version", "first_seen", "counted", "text_quality"]

# -- descriptions -------------------------------------------------------------------------------------------------

CLAIM_COLUMNS = {
    "id": "Claim id: first 16 hex chars of sha1(article id, value, unit, claim type, char_start); stable across re-runs.",
    "article_id": "The article the claim was found in (link: title, URL, outlet, publication date).",
    "claim_type": "target (a goal, plan or quota) | achievement (a realised or current figure) | budget (money "
    "allocated, planned or disbursed) | other (context statistic).",
    "subject": "What is counted, in the article's words (\"UMKM terhubung ke ekosistem digital\").",
    "metric": "Canonical metric (link to its definition) when the subject was recognised; empty otherwise.",
    "value": "The number, normalised: \"13,7 juta\" = 13700000; \"21 persen\" = 21; \"Rp1.100 triliun\" = 1.1e15. "
    "Unit in `unit`.",
    "value_max": "Upper bound when a range was stated (\"2-3 juta\": value 2000000, value_max 3000000).",
    "unit": "UMKM (also UKM, usaha mikro, pelaku usaha, IKM counts), persen, rupiah, USD, koperasi, orang, "
    "transaksi, ...",
    "qualifier": "As stated: sekitar, lebih dari, minimal, hampir, hingga, ...",
    "value_text": "The words the value was read from (\"13,7 juta\").",
    "target_year": "Deadline year of a target (\"pada 2024\"; relative years resolved against the statement date).",
    "as_of": "The month or date the figure refers to when the text ties it to one (\"per Mei 2021\" = 2021-05); "
    "empty = as of the statement.",
    "stated_on": "Date of the statement (WIB, UTC+7): the dateline in the text, else the publication date.",
    "stated_month": "YYYY-MM of stated_on, for faceting by month.",
    "stated_year": "Year of stated_on, for faceting by year.",
    "figure_date": "ISO date the figure refers to: as_of (first day of that month) when given, else stated_on. "
    "Timelines and pace checks order by it.",
    "speaker": "Person the number is attributed to, full name; empty for narration or a data source.",
    "speaker_title": "The speaker's role as given in the article.",
    "organization": "The speaker's institution, or the cited data source when no person is named.",
    "program": "Named programme the number belongs to, as written.",
    "quote": "The sentence the claim comes from, verbatim from the article text.",
    "quote_stem": "Sastrawi-stemmed, lower-cased copy of the sentence, indexed for search (\"tercapai\" -> \"capai\").",
    "char_start": "Offset of the sentence in the article text (characters).",
    "char_end": "End offset of the sentence in the article text (characters).",
    "confidence": "Probability that the claim is right (value, type, target year), calibrated on claims predicted "
    "on a blind gold set; see docs/claims.md.",
    "confidence_band": "high (confidence 0.9 or more: right about nine times in ten), medium (0.7-0.9) or low: "
    "facet on high for the claims to cite without checking the sentence first.",
    "person_id": "The speaker linked to the gazetteer (people table), when recognised.",
    "institution_id": "The organisation linked to the gazetteer (institutions table), when recognised.",
    "program_id": "The programme linked to the gazetteer (programs table), when recognised.",
    "position_id": "The speaker's position (title and institution) valid on stated_on, from the gazetteer.",
    "outlet": "News outlet that published the article.",
    "extractor_version": "Version of the claim extractor that produced the row.",
    "review_status": "unreviewed | confirmed | corrected | rejected: human review state of the claim.",
    "first_seen": "UTC time the claim was first extracted (Atom feed order).",
    "scope": "What the figure is measured over: national | province | city | programme | company | sector; empty = "
    "unknown. Series (timeline, pace, conflicts, dashboard) never mix scopes; an unknown scope joins none.",
    "scope_name": "The region, programme or company for a non-national scope (\"Jawa Barat\", \"padi_umkm\").",
    "source_kind": "media (news article) | official_statement | official_report | plan | regulation.",
    "document_id": "The policy document the claim was read from, when it comes from one.",
    "page": "Page of that document.",
    "counted": "0 = a syndicated copy (an earlier-stated claim of the same figure is in another article of its "
    "syndication group): series views count the story once. Computed when claims are stored and published.",
}

ARTICLE_COLUMNS = {
    "id": "Article id: first 16 hex chars of sha1(canonical URL).",
    "canonical_url": "Canonical URL of the article (tracking parameters removed).",
    "url": "URL the article was fetched from.",
    "outlet": "News outlet.",
    "title": "Headline.",
    "published": "Publication time, ISO 8601 with offset (WIB, +07:00, unless the outlet says otherwise).",
    "published_source": "Where the publication time came from: jsonld | meta | site | url | text | feed.",
    "modified": "Last-modified time stated by the outlet, if any.",
    "authors": "JSON list of author names.",
    "tags": "JSON list of the outlet's tags.",
    "section": "Outlet section (ekonomi, bisnis, ...).",
    "text": "Article text, paragraphs separated by blank lines (not in the public database).",
    "language": "Detected language code.",
    "word_count": "Words in the text.",
    "status": "ok | off_topic (kept but not mined for claims).",
    "skip_reason": "Why an article was judged off topic.",
    "content_hash": "sha256 of title and text; a change makes a new revision.",
    "page_id": "Archived page the article was extracted from (crawler state, not public).",
    "syndication_group": "Articles sharing a group are near-duplicates (syndicated copies).",
    "parser": "Which parser produced the article: the outlet's layout version (e.g. KompasV2) or `fallback`.",
    "first_seen": "UTC time the article was first stored.",
    "updated_at": "UTC time the article row was last written.",
}

LOOKUP_TABLES = {
    "outlets": (
        "News outlets crawled.",
        {"id": "Outlet id (crawler registry name).", "name": "Outlet name.", "domain": "Main domain.",
         "origin": "Where the row came from: builtin | sources | gazetteer | stub (referenced before it was known)."},
    ),
    "institutions": (
        "Ministries, agencies, associations and companies, with the dates they existed under that name "
        "(from the Pantau gazetteer).",
        {"id": "Gazetteer slug.", "name": "Official name (Indonesian).",
         "type": "ministry | coordinating_ministry | agency | central_bank | regulator | office | committee | "
         "legislature | soe | association | company.",
         "acronyms": "JSON list of short forms as printed in news.", "aliases": "JSON list of other names seen in news.",
         "valid_from": "Date the institution started under this name (only where a rename, split or merge happened).",
         "valid_to": "Date it ended under this name (empty = still existing at the last attested date).",
         "periods": "JSON list of {valid_from, valid_to} when it existed in separate spells.",
         "predecessor": "JSON list of predecessor institution ids.", "successor": "JSON list of successor ids.",
         "parent_id": "Parent ministry, for agencies under a ministry.", "note": "Notes.",
         "source": "URL where the facts were read.", "verified": "1 = facts read in the cited source.",
         "origin": "gazetteer | stub (referenced before it was known)."},
    ),
    "people": (
        "People quoted in claims (officials, executives, analysts), from the gazetteer.",
        {"id": "Gazetteer slug.", "name": "Canonical full name.",
         "variants": "JSON list of forms seen in news (surname only, title + name, ...).",
         "origin": "gazetteer | stub (referenced before it was known)."},
    ),
    "positions": (
        "Who held which title at which institution, and when.",
        {"id": "sha1(person, institution, title, start), first 16 hex chars.", "person_id": "The person.",
         "institution_id": "The institution.", "title": "Title as commonly written.",
         "title_variants": "JSON list of abbreviations and alternative spellings.",
         "start": "Start date (YYYY-MM-DD, or YYYY when only the year is known).",
         "end": "End date; empty = no end found (still in place on the last attested date).",
         "attested": "JSON list of dates a source shows the person in the role.", "source": "URL of the source.",
         "verified": "1 = read in the cited source.", "note": "Notes.", "origin": "gazetteer."},
    ),
    "programs": (
        "Government programmes, campaigns and platforms that figures are attributed to.",
        {"id": "Gazetteer slug.", "name": "Programme name.",
         "kind": "programme | campaign | platform | financing | regulation | target | slogan.",
         "aliases": "JSON list of other names.", "lead_id": "Lead institution.",
         "partners": "JSON list of partner institution ids.", "start": "Start date or year.", "end": "End date or year.",
         "description": "One-line description.", "targets": "JSON list of targets recorded in the gazetteer.",
         "source": "URL of the source.", "verified": "1 = read in the cited source.", "note": "Notes.",
         "origin": "gazetteer | stub (referenced before it was known)."},
    ),
    "metrics": (
        "Canonical metrics that claims are mapped to, with their definitions.",
        {"id": "Metric id (claims.metric).", "name": "Name.", "unit": "Main unit.",
         "units": "JSON list of units figures for this metric are stated in.",
         "series": "Group of metrics charted together (umkm_digital, financing, context, ...).",
         "cumulative": "1 = a later figure should never be lower than an earlier one.",
         "definition": "What counts (Markdown).", "origin": "gazetteer | builtin | stub."},
    ),
}

CRAWLER_TABLES = {
    "article_revisions": (
        "Every distinct version (title + text) of an article that was extracted. Not in the public database.",
        {"article_id": "The article.", "content_hash": "sha256 of title and text.", "title": "Headline of that version.",
         "text": "Text of that version.", "page_id": "Archived page it came from.", "extracted_at": "UTC time."},
    ),
    "crawl_runs": (
        "One row per crawl run of a source: counts and outcome. Not in the public database.",
        {"id": "Run number.", "source": "Source (outlet) crawled.", "started_at": "UTC start.",
         "finished_at": "UTC end.", "status": "running | finished | failed | blocked_by_robots.",
         "args": "JSON of the run's arguments.", "requests": "HTTP requests made.",
         "responses_by_status": "JSON {status: count}.", "new": "New pages.", "updated": "Changed pages.",
         "unchanged": "Unchanged pages.", "skipped_by_reason": "JSON {reason: count}.", "errors": "Errors.",
         "robots_blocked": "URLs refused by robots.txt.", "duration_s": "Seconds."},
    ),
    "sources": (
        "Crawler source registry. Not in the public database.",
        {"name": "Source id.", "label": "Name.", "hosts": "JSON list of hosts.", "methods": "JSON list of "
         "discovery methods.", "needs_js": "Whether listings need JavaScript.", "notes": "Notes."},
    ),
    "pages": (
        "Archived raw responses (compressed). Crawler state, not in the public database.",
        {"id": "Page id.", "url": "Requested URL.", "final_url": "URL after redirects.",
         "canonical_url": "Canonical URL.", "source": "Source.", "kind": "article | listing.", "status": "HTTP status.",
         "headers": "JSON response headers.", "fetched_at": "UTC time.", "content_hash": "sha256 of the body.",
         "body": "zlib-compressed body.", "feed_date": "Listing date the URL was found under.", "run_id": "Crawl run.",
         "extracted_at": "UTC time extracted.", "extract_error": "Why extraction failed."},
    ),
    "seen_urls": (
        "Every canonical URL seen, for incremental crawling. Crawler state, not in the public database.",
        {"canonical_url": "Canonical URL.", "source": "Source.", "first_seen": "UTC.", "last_fetched": "UTC.",
         "last_status": "Last HTTP status.", "etag": "ETag.", "last_modified": "Last-Modified.",
         "content_hash": "sha256 of the last body.", "fetch_count": "Fetches."},
    ),
}

HIDDEN = ["_sqlite_migrations", "syndication_sketches"] + [
    f"{base}_fts{suffix}" for base in ("claims", "articles") for suffix in ("", "_config", "_data", "_docsize", "_idx")
]
