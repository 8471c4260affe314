"""Article titles: strip the site name and "Halaman N" a headline carries (``clean_title``)."""
from __future__ import annotations

import html as htmlmod
import re

from .boilerplate import normalize_space

_SITE_TOKENS = re.compile(
    r"kompas|liputan6|republika|ihram|detik|cnn\s*indonesia|antara|tempo|katadata|bisnis\.com|bisnis\s*com|"
    r"kontan|okezone|tribun|\.com\b|\.co\.id\b|\.co\b|\bonline\b|\bnews\b",
    re.I,
)


def clean_title(title: str | None) -> str | None:
    if not title:
        return None
    t = normalize_space(htmlmod.unescape(htmlmod.unescape(title)) if "&" in title else title)
    t = re.sub(r"\s+Halaman\s+(?:all|semua|\d+)\s*$", "", t, flags=re.I)
    for _ in range(2):
        m = re.match(r"^(.*\S)\s*(?:\s[-–—|:]|\|)\s*([^-–—|]{2,60})$", t)
        if m and _SITE_TOKENS.search(m.group(2)) and len(m.group(1)) >= 10:
            t = m.group(1).strip()
            t = re.sub(r"\s+Halaman\s+(?:all|semua|\d+)\s*$", "", t, flags=re.I)
        else:
            break
    return t.strip() or None
