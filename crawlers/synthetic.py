"""Synthetic mirrors for load tests and the benchmark (``scripts/bench_crawl``), never for real crawling.

:func:`build_site` writes, under a mirror directory (the layout ``pantau mirror serve`` reads), for each chosen
source: dated index pages built from the source record's own URL template, with markup generated from the
method's CSS selector (so the spider's real selector finds the links), and article pages at URLs matching the
source's article pattern, templated from one of the outlet's fixture article pages when there is one.
"""

from __future__ import annotations

import hashlib
import html
import random
import re
from datetime import date, timedelta
from pathlib import Path

from crawlers import registry
from crawlers import sources as S

FIXTURE_SITES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "sites"

WORDS = ("umkm digital ekosistem pasar daring koperasi pelaku usaha mikro kecil menengah teten masduki target juta "
         "pemerintah program pelatihan ekspor produk lokal platform transaksi triliun rupiah kementerian").split()


def _slug(rng: random.Random, n: int = 6) -> str:
    return "-".join(rng.choice(WORDS) for _ in range(n))


def article_url(source: str, day: date, index: int, rng: random.Random) -> str:
    """A real-looking article URL of ``source`` for ``day`` (matches the source's article pattern)."""
    y, m, d = f"{day.year:04d}", f"{day.month:02d}", f"{day.day:02d}"
    n = 100000 + index
    slug = _slug(rng) + f"-{index}"
    hhmmss = f"{(index // 60) % 24:02d}{index % 60:02d}{index % 60:02d}"
    forms = {
        "kompas": f"https://money.kompas.com/read/{y}/{m}/{d}/{hhmmss}{index % 1000:03d}/{slug}",
        "liputan6": f"https://www.liputan6.com/bisnis/read/{4500000 + index}/{slug}",
        "republika": f"https://ekonomi.republika.co.id/berita/{hashlib.sha1(slug.encode()).hexdigest()[:9]}/{slug}",
        "detik": f"https://finance.detik.com/berita-ekonomi-bisnis/d-{5500000 + index}/{slug}",
        "cnnindonesia": f"https://www.cnnindonesia.com/ekonomi/{y}{m}{d}{hhmmss}-92-{600000 + index}/{slug}",
        "antara": f"https://www.antaranews.com/berita/{2100000 + index}/{slug}",
        "okezone": f"https://economy.okezone.com/read/{y}/{m}/{d}/320/{2400000 + index}/{slug}",
        "kontan": f"https://nasional.kontan.co.id/news/{slug}",
        "bisnis": f"https://ekonomi.bisnis.com/read/{y}{m}{d}/9/{1400000 + index}/{slug}",
        "tempo": f"https://www.tempo.co/ekonomi/{slug}-{1300000 + n}",
    }
    return forms[source]


def element_chain(selector: str) -> list[tuple[str, list[str], dict[str, str]]]:
    """Turn a simple CSS selector ("div.a li[data-x] a.b[href*='/x/']") into (tag, classes, attrs) to nest."""
    first = selector.split(",")[0].strip()
    chain = []
    for part in re.split(r"\s*>\s*|\s+", first):
        if not part:
            continue
        match = re.match(r"^([a-zA-Z0-9]*)", part)
        tag = match.group(1) or "div"
        classes = re.findall(r"\.([\w-]+)", re.sub(r"\[.*?\]", "", part))
        attrs = {}
        for name, op, value in re.findall(r"\[([\w-]+)(?:([*^$]?=)['\"]?([^'\"\]]*)['\"]?)?\]", part):
            if name == "href":
                continue
            attrs[name] = value if op == "=" else (value or "1")
        chain.append((tag, classes, attrs))
    return chain


def listing_html(method: S.Method, links: list[tuple[str, str]], title: str) -> str:
    chain = element_chain(method.links) if method.links else [("a", [], {})]
    if chain[-1][0] != "a":
        chain.append(("a", [], {}))
    items = []
    for url, text in links:
        inner = html.escape(text)
        for position, (tag, classes, attrs) in enumerate(reversed(chain)):
            attributes = "".join(f' {k}="{html.escape(v)}"' for k, v in attrs.items())
            if classes:
                attributes += f' class="{" ".join(classes)}"'
            if position == 0:
                attributes += f' href="{html.escape(url)}"'
            inner = f"<{tag}{attributes}>{inner}</{tag}>"
        items.append(inner)
    body = "\n".join(items)
    return (f"<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"</head><body><h1>{html.escape(title)}</h1>\n{body}\n</body></html>\n")


def _template(source: S.Source) -> str | None:
    for host in source.hosts:
        root = FIXTURE_SITES / host
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.name != "robots.txt" and not path.suffix == ".xml":
                url = "https://" + str(path.relative_to(FIXTURE_SITES)).replace("\\", "/")
                if source.is_article(url.split("?")[0]):
                    return path.read_text(encoding="utf-8", errors="replace")
    return None


_CANONICAL_RE = re.compile(r"<link[^>]+rel=\"canonical\"[^>]*href=\"([^\"?#]+)|<link[^>]+href=\"([^\"?#]+)\"[^>]*rel=\"canonical\"")
# the end of the first body paragraph: a plain <p>, a <p> with attributes, or a <br><br>-separated line (old CMS)
_FIRST_PARAGRAPH_RE = (re.compile(r"<p>[^<]{100,}?</p>"), re.compile(r"<p(?:\s[^>]*)?>[^<]{100,}?</p>"),
                       re.compile(r"\n[^<\n]{100,}<br><br>"))


def variant_paragraph(index: int) -> str:
    """A sentence with figures unique to page ``index``, so every synthetic article has its own text and claims."""
    rng = random.Random(index)
    return (f"<p>Hingga pekan ke-{index % 52 + 1}, sebanyak {rng.randint(2, 900)}.{rng.randint(100, 999)} pelaku "
            f"{rng.choice(('UMKM', 'usaha mikro', 'koperasi'))} di {rng.choice(('Bandung', 'Medan', 'Makassar', 'Solo'))}"
            f" telah bergabung ke platform digital, naik {rng.randint(2, 60)} persen dibanding tahun lalu "
            f"(catatan {index}).</p>")


def article_html(template: str | None, title: str, url: str, index: int) -> str:
    if template:
        page = re.sub(r"<title>.*?</title>", f"<title>{html.escape(title)}</title>", template, count=1, flags=re.S)
        # Each page is its own article: the template's canonical URL (also in og:url and JSON-LD) becomes this
        # page's URL, and a sentence with page-specific figures goes after the first body paragraph.
        found = _CANONICAL_RE.search(page)
        if found:
            page = page.replace(found.group(1) or found.group(2), url)
        for pattern in _FIRST_PARAGRAPH_RE:
            first = pattern.search(page)
            if first:
                page = page[:first.end()] + variant_paragraph(index) + page[first.end():]
                break
        return page.replace("</body>", f"<p data-synthetic=\"{index}\">{html.escape(url)}</p></body>", 1)
    paragraphs = "".join(f"<p>{html.escape(' '.join(WORDS[(index + i) % len(WORDS):] + WORDS[:3]))}.</p>"
                         for i in range(8))
    return (f"<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<link rel=\"canonical\" href=\"{html.escape(url)}\"></head><body><h1>{html.escape(title)}</h1>"
            f"<article>{paragraphs}</article></body></html>\n")


def mirror_path(root: Path, url: str) -> Path:
    """The file that answers ``url`` on a mirror of ``root`` (the literal-query form of the mapping)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    path = parts.path or "/"
    target = root / parts.netloc / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    if parts.query:
        target = target.with_name(target.name + "?" + parts.query)
    return target


def build_site(root: Path, sources: list[str], since: date, days: int, per_day: int, per_page: int = 20,
               seed: int = 0) -> dict[str, list[str]]:
    """Write a synthetic mirror; returns the article URLs (as listed) per source."""
    rng = random.Random(seed)
    written: dict[str, list[str]] = {}
    index = 0
    for name in sources:
        source = registry.get_source(name)
        methods = [(i, m) for i, m in enumerate(source.methods) if m.kind == S.DATED_INDEX and m.default]
        if not methods:
            continue
        _, method = methods[0]
        template = _template(source)
        urls = []
        robots_src = next((FIXTURE_SITES / h / "robots.txt" for h in source.hosts
                           if (FIXTURE_SITES / h / "robots.txt").is_file()), None)
        for day_offset in range(days):
            day = since + timedelta(days=day_offset)
            links = []
            for _ in range(per_day):
                index += 1
                url = article_url(name, day, index, rng)
                title = f"UMKM digital {name} {day.isoformat()} nomor {index}"
                links.append((url, title))
                fetch_url = url
                if source.article_query:
                    fetch_url += "?" + source.article_query
                path = mirror_path(root, fetch_url)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(article_html(template, title, url, index), encoding="utf-8")
                urls.append(url)
            page = method.first
            page_size = per_page if method.paged else max(len(links), 1)
            for start in range(0, len(links), page_size):
                spider = registry.spider_class(name)
                listing_url = spider.format_url(spider, method.url, page=page, day=day)
                path = mirror_path(root, listing_url)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(listing_html(method, links[start:start + page_size], f"Indeks {name} {day}"),
                                encoding="utf-8")
                page += method.step
        for host in {re.match(r"https://([^/]+)/", u).group(1) for u in urls} | {
                re.match(r"https://([^/]+)/", spider.format_url(spider, method.url, page=method.first, day=since)).group(1)}:
            robots = root / host / "robots.txt"
            robots.parent.mkdir(parents=True, exist_ok=True)
            if not robots.exists():
                robots.write_text(robots_src.read_text() if robots_src else "User-agent: *\nDisallow:\n")
        written[name] = urls
    return written
