"""Pantau's Datasette plugin (entry point `pantau`).

Standalone on purpose: `pantau publish` copies this file into a `--plugins-dir`, so it imports nothing from Pantau.

- `stem_id(text)` SQL function: Sastrawi-stemmed, lower-cased copy of Indonesian text, used by the `search_claims`
  canned query against the stemmed `quote_stem` column ("capai" finds "tercapai", "pencapaian").
- A "Methodology" entry in the navigation menu of every page.
"""

from __future__ import annotations

import re
from functools import lru_cache

from datasette import hookimpl

_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _stemmer():
    try:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    except ImportError:  # degrade to lower-casing rather than breaking every query
        return None
    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=4096)
def stem_id(text):
    if text is None:
        return None
    text = str(text)
    stemmer = _stemmer()
    if stemmer is None:
        return " ".join(_WORD.findall(text.lower()))
    return stemmer.stem(text)


@hookimpl
def prepare_connection(conn):
    conn.create_function("stem_id", 1, stem_id, deterministic=True)


@hookimpl
def menu_links(datasette, actor, request):
    return [{"href": datasette.urls.path("/methodology"), "label": "Methodology"}]


@hookimpl
def extra_template_vars(datasette):
    """Instance metadata for templates that do not get it (custom pages, the footer everywhere)."""
    keys = ("title", "description_html", "license", "license_url", "source", "source_url", "about", "about_url")
    names = [name for name in datasette.databases if name != "_internal"]
    return {
        "pantau_instance": {key: datasette.metadata(key) for key in keys},
        "pantau_db": "pantau" if "pantau" in names or not names else names[0],
    }
