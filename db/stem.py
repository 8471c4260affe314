"""Indonesian stemming (Sastrawi) for the search copy of claim sentences and for search queries."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


def stem(text: str | None) -> str | None:
    """Lower-cased, punctuation-free, stemmed copy: "target tercapai" -> "target capai"."""
    if text is None:
        return None
    return _stemmer().stem(str(text))
