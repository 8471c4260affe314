"""JDIH of KemenKopUKM through its JDIHN integration feed (JSON), and the PDFs the feed links.

policy_and_targets.md §1a.4: every JDIH member publishes the same field set for jdihn.go.id to harvest, but the
endpoint path is each node's choice; this one is recorded here (unverified against the live node).
"""

from crawlers.gov import GovSpider
from crawlers.sources import JDIHN, Method, Source

SOURCE = Source(
    name="jdih_kemenkopukm",
    label="JDIH Kementerian Koperasi dan UKM",
    hosts=("jdih.kemenkopukm.go.id",),
    article_pattern=r"^https?://jdih\.kemenkopukm\.go\.id/doc/detail/",
    methods=(
        Method(JDIHN, "https://jdih.kemenkopukm.go.id/api/jdihn", note="JDIHN JSON list; path per node (unverified)"),
    ),
    access="[2025] an HTML scraper of this JDIH needed verify=False (TLS problems): configure a CA bundle instead.",
    notes=("[2025 ai-pipeline-raw-data] HTML listing /doc/peraturan/?page={(p-1)*12+1}, detail "
           "/doc/detail/doc-{id}-{slug}: only a fallback when the feed is missing",),
)


class Spider(GovSpider):
    name = SOURCE.name
    source = SOURCE
