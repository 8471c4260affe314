"""Every Scrapy and Pantau crawl setting in one place.

:func:`crawlers.run.crawl` starts from these values and applies the run's arguments on top (see
:func:`crawlers.run.build_settings`). Pantau's own settings start with ``PANTAU_``.
"""

BOT_NAME = "pantau"
SPIDER_MODULES = ["crawlers.spiders"]
NEWSPIDER_MODULE = "crawlers.spiders"

# --- identity and politeness (sites.md §1.6) --------------------------------------------------------------
PANTAU_VERSION = "0.1"
PANTAU_CONTACT_URL = "https://github.com/pantau-id/pantau"
USER_AGENT = f"Pantau/{PANTAU_VERSION} (+{PANTAU_CONTACT_URL})"  # rebuilt from the contact URL by run.py
ROBOTSTXT_OBEY = True
ROBOTSTXT_USER_AGENT = "Pantau"
# A disallow for any of these tokens blocks a URL too (Republika disallows the framework Pantau is built on).
PANTAU_ROBOTS_EXTRA_TOKENS = ["Scrapy"]
PANTAU_MAX_CRAWL_DELAY = 30.0  # a robots.txt Crawl-delay is honoured up to this many seconds per request
# Sources whose robots.txt is not obeyed (explicit opt-in with the publisher's permission; logged and recorded).
PANTAU_IGNORE_ROBOTS = []
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_DELAY = 1.0  # seconds, per host; never lower against a real site
DOWNLOAD_DELAY_JITTER = 0.5  # each wait is 0.5-1.5 x DOWNLOAD_DELAY
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
# 403/429: back off (the host's delay doubles, at least this many seconds) and after this many, stop the source
# and record it as blocked. Never retried with another identity.
PANTAU_BLOCK_STATUSES = [403, 429]
PANTAU_BLOCK_BACKOFF_S = 10.0
PANTAU_BLOCK_THRESHOLD = 3

# Against a loopback mirror (tests, demo, benchmark) run.py applies these instead.
PANTAU_LOOPBACK_OVERRIDES = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "DOWNLOAD_DELAY_JITTER": 0,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "PANTAU_BLOCK_BACKOFF_S": 0.0,
}

# --- failures (sites.md: never a crash, never a half-written article) ---------------------------------------
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024  # a news page is < 1 MB; bigger bodies are cancelled and recorded
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
DOWNLOAD_FAIL_ON_DATALOSS = True  # a truncated body is an error (then retried), never archived
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408]  # 429 is a block signal, handled by BlockMiddleware
REDIRECT_ENABLED = True
REDIRECT_MAX_TIMES = 10
METAREFRESH_ENABLED = False
HTTPERROR_ALLOW_ALL = True  # every status reaches the spider, which records it (crawlers.base)

# --- scheduling ---------------------------------------------------------------------------------------------
DEPTH_PRIORITY = 0
SCHEDULER_PRIORITY_QUEUE = "scrapy.pqueues.DownloaderAwarePriorityQueue"
LOG_LEVEL = "INFO"
LOG_VERSIONS = []  # no library version banner per crawl
LOGSTATS_INTERVAL = 0  # Pantau logs its own per-source progress (PANTAU_PROGRESS_INTERVAL)
FEED_EXPORT_ENCODING = "utf-8"

# --- components ---------------------------------------------------------------------------------------------
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawlers.middlewares.PantauRobotsMiddleware": 100,
    "crawlers.middlewares.IncrementalMiddleware": 120,  # seen-URL skip + conditional GET
    "crawlers.middlewares.BlockMiddleware": 540,  # 403/429 (before RetryMiddleware at 550 in process_response)
    "crawlers.middlewares.ResponseArchiveMiddleware": 940,  # WARC + status counts, sees every raw response
    "crawlers.middlewares.MirrorMiddleware": 950,  # closest to the downloader: only it sees mirror URLs
}
SPIDER_MIDDLEWARES = {
    "crawlers.middlewares.SpiderErrorMiddleware": 40,
    "crawlers.middlewares.IncrementalSpiderMiddleware": 950,  # seen articles never reach the scheduler
}
CONCURRENT_ITEMS = 16  # the store pipeline is synchronous; Scrapy's default (100) only adds asyncio overhead
ITEM_PIPELINES = {
    "crawlers.pipelines.StorePipeline": 300,
}
EXTENSIONS = {
    "scrapy.extensions.telnet.TelnetConsole": None,
    "crawlers.extensions.RunRecorder": 100,
}

# --- Pantau run options (set by crawlers.run.crawl) ---------------------------------------------------------
PANTAU_DB = None  # path of the SQLite store
PANTAU_WARC_DIR = None  # default: <db dir>/warc (data/warc for the default data/pantau.db)
PANTAU_WARC_ENABLED = True
PANTAU_MIRROR = None  # base URL of a mirror (``pantau mirror serve``); env PANTAU_MIRROR
PANTAU_SINCE = None  # ISO date
PANTAU_UNTIL = None  # ISO date
PANTAU_METHODS = None  # None: each source's default methods; else a list of kinds or "source:kind"
PANTAU_REFETCH = False  # re-request already-seen articles (conditional GET)
PANTAU_RECHECK_DAYS = None  # re-request (conditionally) seen articles first seen less than N days ago
PANTAU_TOPIC_PREFILTER = False  # skip listing links whose titles cannot be on topic (recorded as skipped)
PANTAU_TOPIC_KEYWORDS = None  # path of the prefilter keyword file (default crawlers/topic_keywords.yaml)
PANTAU_PROGRESS_INTERVAL = 10.0  # seconds between per-source progress lines (0: off)
PANTAU_RUN_ARGS = {}  # recorded in crawl_runs.args
PANTAU_RESULTS = None  # a dict the run recorder fills with per-source stats (in-process callers)
STATS_DUMP = False  # Pantau logs its own per-source summary
DUPEFILTER_CLASS = "crawlers.dupefilter.PantauDupeFilter"  # counts what it drops (redirect loops, duplicates)

# --- backfill (crawlers/backfill.py) --------------------------------------------------------------------------------
PANTAU_BACKFILL_BATCH_DAYS = 7  # dated listings are walked this many days at a time, oldest first
PANTAU_BACKFILL_MIN_DAYS = 7  # a longer range is a backfill: days already finished are not walked again
PANTAU_BACKFILL_SETTLED_DAYS = 2  # a day is recorded as finished only once it is this old (listings still grow)
