"""Tempo (tempo.co). sites.md §2.7. The 2024+ site is a Nuxt app: only /indeks is crawled without JavaScript."""

from crawlers.base import PantauSpider
from crawlers.sources import DATED_INDEX, Method, Source

SOURCE = Source(
    name="tempo",
    label="Tempo",
    hosts=("www.tempo.co", "bisnis.tempo.co"),
    article_pattern=r"^https?://(?:www\.tempo\.co/[a-z-]+/[a-z0-9-]+-\d{5,}$|[a-z]+\.tempo\.co/read/(?:news/\d{4}/\d{2}/\d{2}/)?\d+/[^/?#]+)",
    methods=(
        Method(DATED_INDEX,
               "https://www.tempo.co/indeks?page={page}&start_date={date}&end_date={date}&rubric_slug=ekonomi",
               links="a[href]", note="[ARIF] server-rendered list; check with a fixture"),
    ),
    needs_js=("the whole 2024+ site (Nuxt) [2026 EGI]: article lists are rendered client-side",
              "_payload.json (Nuxt devalue arrays) not parsed yet"),
    access="Tempo Plus bodies are truncated (isAccessibleForFree).",
    notes=("[2026 EGI] article:published_time may hold display text: the extract stage uses JSON-LD",),
)


class Spider(PantauSpider):
    name = SOURCE.name
    source = SOURCE
