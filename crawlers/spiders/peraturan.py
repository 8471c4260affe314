"""peraturan.go.id (Ditjen PP, Kemenkumham): sitemap diff -> new regulation pages (metadata) -> their PDFs.

policy_and_targets.md §1a.4: detail metadata in Yii2 tables #w2/#w3, PDFs at /files/{slug}.pdf; the incremental
pattern is mblonyox/flat-peraturan's (diff sitemap.xml against what is already held, at most 1,000 new a run).
"""

from crawlers.gov import GovSpider
from crawlers.sources import SITEMAP, Method, Source

SOURCE = Source(
    name="peraturan",
    label="peraturan.go.id (Database Peraturan, Kemenkumham)",
    hosts=("peraturan.go.id", "www.peraturan.go.id"),
    article_pattern=r"^https?://(?:www\.)?peraturan\.go\.id/id/[a-z0-9-]+-no-[0-9a-z-]+-tahun-\d{4}$",
    methods=(
        Method(SITEMAP, "https://peraturan.go.id/sitemap.xml", note="every detail page; diffed against the archive"),
    ),
    extra={"sitemap_diff": True, "max_new": 1000, "detail_kind": "regulation",
           "documents": "a[href*='/files/'][href$='.pdf']"},
    access="[2026-09] the 103.145.96.0/24 block was unreachable from one vantage point (outage or geo-fence, "
           "unknown); answered 200 in 2026-03. Expect 'unreachable' runs; the archive keeps what was fetched.",
    notes=("[2022-23 flat-peraturan] data.csv columns: Jenis/Bentuk Peraturan, Pemrakarsa, Nomor, Tahun, Tentang, "
           "Tempat Penetapan, Ditetapkan Tanggal, Pejabat yang Menetapkan, Status, Tahun Pengundangan, ...",),
)


class Spider(GovSpider):
    name = SOURCE.name
    source = SOURCE
