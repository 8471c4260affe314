"""Tempo (tempo.co). sites.md §2.7. The 2024+ site is a Nuxt app: /indeks (server-rendered list) and the rubric's
_payload.json are crawled without JavaScript."""

from crawlers.base import PantauSpider
from crawlers.sources import DATED_INDEX, PAYLOAD, Method, Source

SOURCE = Source(
    name="tempo",
    label="Tempo",
    hosts=("www.tempo.co", "bisnis.tempo.co"),
    article_pattern=r"^https?://(?:www\.tempo\.co/[a-z-]+/[a-z0-9-]+-\d{5,}$|[a-z]+\.tempo\.co/read/(?:news/\d{4}/\d{2}/\d{2}/)?\d+/[^/?#]+)",
    methods=(
        Method(DATED_INDEX,
               "https://www.tempo.co/indeks?page={page}&start_date={date}&end_date={date}&rubric_slug=ekonomi",
               links="figure figcaption a[href], figure a[href]",
               note="[ARIF] server-rendered list (2021 fixture: figure > figcaption > a > h2)"),
        Method(PAYLOAD, "https://www.tempo.co/ekonomi/_payload.json",
               note="[2026 EGI] Nuxt devalue array: canonical_url, naive published_at (WIB), access FREE/VIP"),
    ),
    needs_js=("rubric and tag pages of the 2024+ site (Nuxt, rendered client-side) [2026 EGI]: use /indeks and "
              "_payload.json instead",),
    access="Tempo Plus bodies are truncated (isAccessibleForFree).",
    notes=("[2026 EGI] article:published_time may hold display text: the extract stage uses JSON-LD",),
)


class Spider(PantauSpider):
    name = SOURCE.name
    source = SOURCE
