"""Declarative source records: what an outlet is, where its articles are listed, and what we know about it.

A record is data, not code. The spiders in :mod:`crawlers.spiders` hold one record each and the shared spider
machinery (:mod:`crawlers.base`) turns its discovery methods into requests.

URL templates are ``str.format`` strings. Placeholders available to every template:

``{yyyy} {mm} {dd}`` zero-padded date parts, ``{m} {d}`` unpadded month and day, ``{date}`` ISO date,
``{start} {end}`` ISO dates of a window (search methods), ``{page}`` the pagination value (page number or offset,
see :attr:`Method.first` and :attr:`Method.step`), ``{kw}`` a URL-quoted keyword (search/tag methods).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

# Discovery method kinds
DATED_INDEX = "dated_index"  # one listing per day, paginated: the main way to walk --since/--until
SITEMAP = "sitemap"  # sitemap.xml / sitemap index / news sitemap (filtered by lastmod or publication date)
RSS = "rss"  # RSS/Atom feed (latest items only, filtered by pubDate)
SEARCH = "search"  # keyword search with a date window
TAG = "tag"  # tag or topic page, paginated, newest first
LATEST = "latest"  # undated "latest" listing or channel page (walked when the range reaches the last days)
PAYLOAD = "payload"  # a Nuxt ``_payload.json`` (devalue array) whose objects carry canonical_url/published_at
LISTING = "listing"  # a paged newest-first listing whose entries show their date (government press releases)
JDIHN = "jdihn"  # a JDIH node's JDIHN integration feed (JSON list of regulations with their PDF links)

KINDS = (DATED_INDEX, SITEMAP, RSS, SEARCH, TAG, LATEST, PAYLOAD, LISTING, JDIHN)


@dataclass(frozen=True)
class Method:
    kind: str
    url: str
    links: str | None = None  # CSS selector of article anchors; falls back to every <a> matching the article pattern
    first: int = 1  # first value of {page}
    step: int = 1  # increment of {page} (1 for page numbers, the page size for offsets)
    max_pages: int = 40  # safety cap per listing walk
    default: bool = True  # crawled unless the run names its methods explicitly
    window_days: int = 1  # search: days per query window
    keywords: tuple[str, ...] = ()  # search/tag: terms or slugs
    note: str = ""

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown discovery method kind {self.kind!r}")

    @property
    def paged(self) -> bool:
        return "{page}" in self.url


@dataclass(frozen=True)
class Source:
    name: str  # registry name, lower case; equals the spider name and extract's ``outlet``
    label: str
    hosts: tuple[str, ...]
    article_pattern: str  # regex an article URL must match (searched in the full URL)
    methods: tuple[Method, ...]
    skip_patterns: tuple[str, ...] = ()  # regexes of URLs that look like articles but are not (video, photo ...)
    article_query: str = ""  # appended to article requests, e.g. "page=all" (Kompas, Okezone)
    multipage: str | None = None  # None | "page_all" | "data_page" | "follow"
    page_param: str = "page"  # for multipage == "follow": ?page=N
    needs_js: tuple[str, ...] = ()  # listings/features only reachable with JavaScript: not crawled, reported
    robots: str = ""  # robots.txt notes
    access: str = ""  # access/policy notes (blocks, paywalls, permission)
    notes: tuple[str, ...] = ()  # dated notes, "[YYYY source] text"
    feed_only: bool = False  # no dedicated spider: crawled by the generic sitemap/RSS spider
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        re.compile(self.article_pattern)

    def is_article(self, url: str) -> bool:
        if not re.search(self.article_pattern, url):
            return False
        return not any(re.search(p, url) for p in self.skip_patterns)

    def describe(self) -> dict:
        row = asdict(self)
        row["method_details"] = [
            {k: v for k, v in asdict(m).items() if v not in ((), "", None)} for m in self.methods
        ]
        row["methods"] = [
            f"{m.kind}{'' if m.default else ' (opt-in)'}: {m.url}" + (f" [{m.note}]" if m.note else "")
            for m in self.methods
        ]
        row["discovery"] = sorted({m.kind for m in self.methods})
        row.pop("extra", None)
        return row
