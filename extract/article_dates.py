"""Article dates: the published/modified candidates of one page, and the visible-text date search.

The parsing of date strings and the choice between candidates live in ``extract/dates.py``.
"""
from __future__ import annotations

import re

from . import dates as D
from .boilerplate import normalize_space, select


def _page_dates(root, page, version, lds, metas, url_date, feed_date, canonical, real_url):
    """(best published candidate, best modified candidate), either None: candidates from JSON-LD, metas,
    itemprop, the site rules, the URL, the visible text and the feed, chosen by ``extract.dates.choose_date``."""
    cands: list[D.DateCandidate] = []
    mod_cands: list[D.DateCandidate] = []
    for obj in lds[:1]:
        c = D.candidate_from_machine(obj.get("datePublished") or obj.get("dateCreated"), "jsonld",
                                     "jsonld:datePublished")
        if c:
            cands.append(c)
        m = D.candidate_from_machine(obj.get("dateModified"), "jsonld", "jsonld:dateModified")
        if m:
            mod_cands.append(m)
    for key in ("article:published_time", "og:published_time", "og:article:published_time",
                "article:published", "datepublished", "date", "dc.date", "dc.date.issued", "dcterms.created",
                "sailthru.date", "parsely-pub-date"):
        for v in metas.get(key, [])[:1]:
            src = "meta"
            c = D.candidate_from_machine(v, src, "meta:" + key)
            if c:
                cands.append(c)
    for key in ("content_publisheddate", "publishdate", "pubdate", "publish-date", "publish_date",
                "dtk:publishdate", "article_date_original", "originalpublicationdate"):
        for v in metas.get(key, [])[:1]:
            c = D.candidate_from_machine(v, "meta", "meta:" + key)
            if c:
                cands.append(c)
    for key in ("article:modified_time", "og:updated_time", "datemodified", "last-modified",
                "content_modifieddate", "lastmod"):
        for v in metas.get(key, [])[:1]:
            m = D.candidate_from_machine(v, "meta", "meta:" + key)
            if m:
                mod_cands.append(m)
    # itemprop datePublished on non-meta elements (time[itemprop])
    for el in select(root, '[itemprop="datePublished"]'):
        if el.tag == "meta":
            continue
        v = el.get("datetime") or el.get("content")
        c = D.candidate_from_machine(v, "meta", "itemprop:datePublished") if v else None
        if c:
            cands.append(c)
            break
    site_mod_texts: list[str] = []
    if version is not None:
        for v in version.published_attrs(page):
            c = D.candidate_from_machine(v, "site", f"site:{version.name}:attr")
            if c:
                cands.append(c)
                break
        for t in version.published_texts(page):
            pub, mod = D.split_updated(t)
            c = D.candidate_from_text(pub or t, "site", f"site:{version.name}")
            if mod:
                site_mod_texts.append(mod)
            if c:
                cands.append(c)
                break
        site_mod_texts.extend(version.modified_texts(page))
    for t in site_mod_texts:
        m = D.candidate_from_text(t, "site", "site:modified")
        if m:
            mod_cands.append(m)
            break
    if url_date:
        cands.append(D.DateCandidate(url_date[0], "url", "url", url_date[1], "offset", real_url,
                                     has_seconds=url_date[1]))
    have_good = any(c.rank <= 2 for c in cands)
    if not have_good:
        c = _text_date(root, page, version, url_date[0].date() if url_date else None)
        if c:
            cands.append(c)
    if feed_date:
        c = D.candidate_from_machine(feed_date, "feed", "feed") or D.candidate_from_text(feed_date, "feed", "feed")
        if c:
            cands.append(c)
    best = D.choose_date(cands, url=canonical or real_url)
    mod_best = D.choose_date(mod_cands, url="") if mod_cands else None
    return best, mod_best


_TEXT_DATE_RE = re.compile(
    r"(?:(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\s*,?\s*)?"
    r"\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]|\s+[A-Za-z]{3,9}\.?\s+)\s*(?:19|20)\d{2}"
    r"(?:\s*[,|/-]?\s*(?:pukul\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?(?:\s*(?:WIB|WITA|WIT))?",
    re.I,
)


_DATEISH_RE = re.compile(r"date|time|tgl|tanggal|waktu|publish|posted|jam", re.I)
_NOT_ARTICLE_RE = re.compile(r"footer|copyright|comment|komentar|sidebar|related|terkait|populer|popular|"
                             r"terpopuler|rekomendasi|recommend|widget|(?:^|[\s_-])tabs?(?:$|[\s_-])|list|headline-?list|"
                             r"box-?news|trending|terbaru|latest|nav|menu", re.I)


def _in_side_block(el, depth: int = 8) -> bool:
    a = el
    for _ in range(depth):
        if a is None or not isinstance(a.tag, str):
            break
        if a.tag in ("footer", "aside", "nav", "li"):
            return True
        cls = (a.get("class") or "") + " " + (a.get("id") or "")
        if _NOT_ARTICLE_RE.search(cls):
            return True
        a = a.getparent()
    return False


def _text_date(root, page, version, url_day=None) -> D.DateCandidate | None:
    """Visible-text fallback: a full date in the article area.

    1. elements whose class/id says date/time/tanggal… outside sidebars, lists and footers;
    2. the text near the title (h1/h2 ancestors) and the body container.
    A date with a time wins over a date-only one, and a date on the URL's day over others.
    Day, month and year are required, so a copyright year never qualifies.
    """
    found: list[D.DateCandidate] = []

    def consider(text):
        if not text or not re.search(r"\d{4}", text) or len(text) > 400:
            return
        m = _TEXT_DATE_RE.search(text)
        if m:
            c = D.candidate_from_text(m.group(0), "text", "text")
            if c:
                found.append(c)

    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "head", "title", "meta"):
            continue
        cls = (el.get("class") or "") + " " + (el.get("id") or "")
        if not _DATEISH_RE.search(cls) and el.tag != "time":
            continue
        if _in_side_block(el):
            continue
        consider(normalize_space(el.text_content()))
        if len(found) >= 8:
            break
    if not any(c.has_time for c in found):
        scopes = []
        if version is not None:
            scopes.extend(version.body_containers(page))
        for h in select(root, "h1, h2")[:3]:
            anc = h
            for _ in range(3):
                if anc.getparent() is not None:
                    anc = anc.getparent()
            scopes.append(anc)
        for el in select(root, "article, main, [role=main], .content, #content"):
            scopes.append(el)
            break
        for scope in scopes:
            for n, el in enumerate(scope.iter()):
                if n > 600:
                    break
                if not isinstance(el.tag, str) or el.tag in ("script", "style", "footer"):
                    continue
                if _NOT_ARTICLE_RE.search((el.get("class") or "") + " " + (el.get("id") or "")):
                    continue
                consider(el.text)
                consider(el.tail)
            if found:
                break
    if not found:
        return None
    if url_day is not None:
        same = [c for c in found if c.dt.date() == url_day]
        if same:
            found = same
    timed = [c for c in found if c.has_time]
    return (timed or found)[0]
