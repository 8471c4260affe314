"""Syndication: find the same story reprinted by several outlets (Antara copies, press releases).

Texts are normalised (datelines such as "REPUBLIKA.CO.ID, JAKARTA --" and outlet names removed,
lower-cased, punctuation dropped), cut into word shingles and sketched with datasketch MinHash;
an LSH index proposes candidates, which join a group when their estimated Jaccard similarity
reaches ``threshold`` — or a lower ``title_threshold`` when the normalised titles are equal.

Two APIs:

* :class:`SyndicationIndex` — incremental, for the store: ``add(article_id, title, text) -> group_id``.
  A group id is the id of the first article of the group, so ids already handed out never change
  (a new article joins the group of its most similar earlier article; groups are not merged later).
* :func:`group_articles` — batch: ``{article_id: group_id}`` for an iterable of (id, title, text).
  Articles without a reprint get their own id as group id.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from datasketch import MinHash, MinHashLSH

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


@lru_cache(maxsize=4)
def _permutations(num_perm: int):
    """The (seeded, so always equal) permutations every MinHash uses; MinHash() would draw them again each time."""
    reference = MinHash(num_perm=num_perm)
    return reference.permutations, reference.scheme


def minhash(sh: set[str], num_perm: int = NUM_PERM) -> MinHash:
    permutations, scheme = _permutations(num_perm)
    m = MinHash(num_perm=num_perm, permutations=permutations, scheme=scheme)
    m.update_batch([s.encode("utf-8") for s in sh])
    return m


class SyndicationIndex:
    """Incremental near-duplicate grouping (MinHash LSH over word shingles + normalised titles)."""

    def __init__(self, threshold: float = 0.5, title_threshold: float = 0.25, num_perm: int = NUM_PERM,
                 min_shingles: int = 8):
        self.threshold = threshold
        self.title_threshold = title_threshold
        self.num_perm = num_perm
        self.min_shingles = min_shingles
        # LSH at a lower threshold so that equal-title pairs can be confirmed at title_threshold
        self._lsh = MinHashLSH(threshold=min(threshold, max(title_threshold, 0.2)), num_perm=num_perm)
        self._hashes: dict[str, MinHash] = {}
        self._group: dict[str, str] = {}
        self._titles: dict[str, list[str]] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._group)

    def group_of(self, article_id: str) -> str | None:
        return self._group.get(article_id)

    def similarity(self, a: str, b: str) -> float | None:
        if a in self._hashes and b in self._hashes:
            return self._hashes[a].jaccard(self._hashes[b])
        return None

    def add(self, article_id: str, title: str, text: str) -> str:
        """Add one article; returns its group id (the id of the group's first article).

        Adding a copy that bridges two groups merges them, which changes the later group's id: read
        :meth:`group_map` after a batch to see every article's final group."""
        article_id = str(article_id)
        if article_id in self._group:
            return self._group[article_id]
        self._order[article_id] = len(self._order)
        ntitle = normalize_title(title)
        sh = shingles(text)
        matched_groups: set[str] = set()
        m = None
        if len(sh) >= self.min_shingles:
            m = minhash(sh, self.num_perm)
            for cand in self._lsh.query(m):
                if self._group[cand] in matched_groups:
                    continue  # its group is already joined: another member's similarity cannot change the result
                sim = m.jaccard(self._hashes[cand])
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
