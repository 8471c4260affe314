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
    from Sastrawi.Stemmer.Filter import TextNormalizer

    return " ".join(word if word.isascii() and word.isdigit() else _stem_word(word)
                    for word in TextNormalizer.normalize_text(str(text)).split(" "))


@lru_cache(maxsize=200_000)
def _stem_word(word: str) -> str:
    """One normalised word. Numbers ("455400"), most of the never-seen words of claim quotes, do not come here:
    Sastrawi returns them unchanged after trying every affix rule."""
    return _stemmer().stem(word)
