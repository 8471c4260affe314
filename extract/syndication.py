"""Syndication: find the same story reprinted by several outlets (Antara copies, press releases).

Texts are normalised (datelines such as "REPUBLIKA.CO.ID, JAKARTA --" and outlet names removed,
lower-cased, punctuation dropped), cut into word shingles and sketched with MinHash; an LSH index
proposes candidates, which join a group when their estimated Jaccard similarity reaches ``threshold``
— or a lower ``title_threshold`` when the normalised titles are equal.

The MinHash and the LSH bands are datasketch's (2.0, scheme ``affine32``: SHA-1 of each shingle, the
MurmurHash3 finaliser, affine permutations drawn from ``RandomState(1)``; bands of ``r`` values), computed
here with numpy: the same sketches and candidates (``tests/test_syndication.py`` compares them with
datasketch's), without importing datasketch, which imports scipy and cost about 0.6 s of CPU per run.

Two APIs:

* :class:`SyndicationIndex` — incremental, for the store: ``add(article_id, title, text) -> group_id``.
  A group id is the id of the first article of the group, so ids already handed out never change
  (a new article joins the group of its most similar earlier article; groups are not merged later).
* :func:`group_articles` — batch: ``{article_id: group_id}`` for an iterable of (id, title, text).
  Articles without a reprint get their own id as group id.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from typing import Iterable

import numpy as np

NUM_PERM = 128
SHINGLE = 5

_DATELINE_RE = re.compile(
    r"^\s*(?:[A-Z][\w.'’ -]{0,40},\s*)?(?:[\w.]*(?:kompas|liputan6|republika|ihram|detik\w*|cnn\s*indonesia|antara|"
    r"tempo|katadata|bisnis|kontan|okezone|tribun\w*)[\w.]*(?:\.com|\.co\.id|\.co)?)"
    r"(?:\s*,\s*[A-Z][\w.'’ ]{0,40})?\s*(?:\([^)]{0,40}\))?\s*(?:-{1,2}|–|—)\s*",
    re.I,
)
_PLACE_AGENCY_RE = re.compile(r"^\s*[A-Z][\w.'’ ,]{0,40}\((?:antara|antara news|ant)\)\s*(?:-{1,2}|–|—)\s*", re.I)
_OUTLET_WORDS = re.compile(
    r"\b(?:kompas\.com|liputan6\.com|republika\.co\.id|republika|detik\w*|cnn indonesia|antara|tempo\.co|katadata|"
    r"bisnis\.com|kontan|okezone|tribunnews)\b",
    re.I,
)


def normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = _DATELINE_RE.sub("", text, count=1)
    text = _PLACE_AGENCY_RE.sub("", text, count=1)
    text = _OUTLET_WORDS.sub(" ", text)
    text = text.lower()
    text = re.sub(r"(?<=\d)[.,](?=\d)", "", text)  # 1,62 / 21.500 -> one token
    return " ".join(re.findall(r"\w+", text))


def normalize_title(title: str) -> str:
    t = unicodedata.normalize("NFKC", title or "").lower()
    t = re.sub(r"\s+[-|]\s+[^-|]{2,40}$", "", t)  # site suffix
    t = re.sub(r"(?<=\d)[.,](?=\d)", "", t)
    return " ".join(re.findall(r"\w+", t))


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    words = normalize_text(text).split()
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


SEED = 1
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations ``a * h + b`` (mod 2^32, ``a`` odd) of datasketch's MinHash(seed=1), drawn once."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def minhash(sh: set[str], num_perm: int = NUM_PERM) -> np.ndarray:
    """The MinHash signature (``num_perm`` uint32 values) of a non-empty shingle set."""
    a, b = _permutations(num_perm)
    hv = np.array([int.from_bytes(hashlib.sha1(s.encode("utf-8")).digest()[:4], "little") for s in sh],
                  dtype=np.uint32).reshape(-1, 1)
    s1, m1, s2, m2, s3 = _FMIX32  # MurmurHash3's finaliser: spreads the 32-bit hashes before the permutations
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s3)
    return (hv * a + b).min(axis=0)  # uint32 arithmetic: the wrap-around is the modulo


# what a stored sketch was made with: another normalisation, shingle size or signature makes stored sketches stale
SKETCH_VERSION = f"minhash-affine32-seed{SEED}-perm{NUM_PERM}-shingle{SHINGLE}-v1"


def sketch(text: str, num_perm: int = NUM_PERM) -> tuple[int, np.ndarray | None]:
    """(number of shingles, MinHash signature or None for a text without words) of an article's text."""
    sh = shingles(text)
    return len(sh), (minhash(sh, num_perm) if sh else None)


def jaccard(x: np.ndarray, y: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal values."""
    return float(np.count_nonzero(x == y)) / float(len(x))


def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) minimising the false positive plus false negative probability mass (equal weights),
    as datasketch's MinHashLSH chooses them. The integrands are polynomials of degree <= num_perm, which
    Gauss-Legendre quadrature of (num_perm + 2) // 2 + 1 points integrates exactly."""
    nodes, weights = np.polynomial.legendre.leggauss(num_perm // 2 + 2)

    def integral(f, lo, hi):
        x = (hi - lo) / 2 * nodes + (hi + lo) / 2
        return float((hi - lo) / 2 * np.sum(weights * f(x)))

    best, params = float("inf"), (0, 0)
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            fp = integral(lambda s: 1 - (1 - s ** float(rows)) ** float(bands), 0.0, threshold)
            fn = integral(lambda s: (1 - s ** float(rows)) ** float(bands), threshold, 1.0)
            if 0.5 * fp + 0.5 * fn < best:
                best, params = 0.5 * fp + 0.5 * fn, (bands, rows)
    return params


@lru_cache(maxsize=8)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    return _lsh_params(threshold, num_perm)


class _LSH:
    """Banded LSH over MinHash signatures: keys whose signatures agree on all rows of at least one band."""

    def __init__(self, threshold: float, num_perm: int):
        bands, rows = lsh_params(threshold, num_perm)
        self._ranges = [(i * rows, (i + 1) * rows) for i in range(bands)]
        self._tables: list[dict[bytes, list[str]]] = [{} for _ in range(bands)]

    def insert(self, key: str, signature: np.ndarray) -> None:
        for (lo, hi), table in zip(self._ranges, self._tables):
            table.setdefault(signature[lo:hi].tobytes(), []).append(key)

    def query(self, signature: np.ndarray) -> set[str]:
        found: set[str] = set()
        for (lo, hi), table in zip(self._ranges, self._tables):
            found.update(table.get(signature[lo:hi].tobytes(), ()))
        return found


class SyndicationIndex:
    """Incremental near-duplicate grouping (MinHash LSH over word shingles + normalised titles)."""

    def __init__(self, threshold: float = 0.5, title_threshold: float = 0.25, num_perm: int = NUM_PERM,
                 min_shingles: int = 8):
        self.threshold = threshold
        self.title_threshold = title_threshold
        self.num_perm = num_perm
        self.min_shingles = min_shingles
        # LSH at a lower threshold so that equal-title pairs can be confirmed at title_threshold
        self._lsh = _LSH(min(threshold, max(title_threshold, 0.2)), num_perm)
        self._hashes: dict[str, np.ndarray] = {}
        self._group: dict[str, str] = {}
        self._titles: dict[str, list[str]] = {}
        self._order: dict[str, int] = {}
        self.sketches: dict[str, tuple[int, np.ndarray | None]] = {}  # what add() sketched, to be stored

    def __len__(self) -> int:
        return len(self._group)

    def group_of(self, article_id: str) -> str | None:
        return self._group.get(article_id)

    def similarity(self, a: str, b: str) -> float | None:
        if a in self._hashes and b in self._hashes:
            return jaccard(self._hashes[a], self._hashes[b])
        return None

    def add(self, article_id: str, title: str, text: str) -> str:
        """Add one article; returns its group id (the id of the group's first article).

        Adding a copy that bridges two groups merges them, which changes the later group's id: read
        :meth:`group_map` after a batch to see every article's final group."""
        article_id = str(article_id)
        if article_id in self._group:
            return self._group[article_id]
        return self.add_sketch(article_id, title, *sketch(text, self.num_perm))

    def add_sketch(self, article_id: str, title: str, n_shingles: int, signature: np.ndarray | None) -> str:
        """``add`` with the text already sketched (``sketch(text)``, e.g. stored by an earlier run)."""
        article_id = str(article_id)
        if article_id in self._group:
            return self._group[article_id]
        self._order[article_id] = len(self._order)
        ntitle = normalize_title(title)
        matched_groups: set[str] = set()
        m = None
        if n_shingles >= self.min_shingles:
            m = signature
            for cand in self._lsh.query(m):
                if self._group[cand] in matched_groups:
                    continue  # its group is already joined: another member's similarity cannot change the result
                sim = jaccard(m, self._hashes[cand])
                same_title = bool(ntitle) and ntitle in self._titles.get(self._group[cand], [])
                if sim >= self.threshold or (same_title and sim >= self.title_threshold):
                    matched_groups.add(self._group[cand])
        elif ntitle and len(ntitle.split()) >= 5:
            # too little text: an identical (long) title is the only evidence
            for gid, titles in self._titles.items():
                if ntitle in titles:
                    matched_groups.add(gid)
                    break
        # A copy that matches members of several groups joins them (the oldest group absorbs the others), so the
        # groups are the connected components of the "is a copy of" relation whatever order copies arrive in.
        group = min(matched_groups, key=self._order.__getitem__) if matched_groups else article_id
        for absorbed in matched_groups - {group}:
            self._merge(absorbed, group)
        self._group[article_id] = group
        if ntitle:
            self._titles.setdefault(group, [])
            if ntitle not in self._titles[group]:
                self._titles[group].append(ntitle)
        self.sketches[article_id] = (n_shingles, signature)
        if m is not None:
            self._hashes[article_id] = m
            self._lsh.insert(article_id, m)
        return group

    def _merge(self, absorbed: str, into: str):
        for member, gid in self._group.items():
            if gid == absorbed:
                self._group[member] = into
        for title in self._titles.pop(absorbed, []):
            if title not in self._titles.setdefault(into, []):
                self._titles[into].append(title)

    def group_map(self) -> dict[str, str]:
        """article_id -> group_id for every article added."""
        return dict(self._group)

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for aid, gid in self._group.items():
            out.setdefault(gid, []).append(aid)
        return out


def group_articles(articles: Iterable[tuple], **kwargs) -> dict[str, str]:
    """Group (article_id, title, text) triples; returns article_id -> group_id."""
    index = SyndicationIndex(**kwargs)
    return {str(aid): index.add(aid, title or "", text or "") for aid, title, text in articles}
