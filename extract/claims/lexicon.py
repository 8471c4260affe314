"""Cue lexicons of the claim stages, loaded once from ``nlp_models/lexicons/*.yaml``.

The word lists live in data files a linguist can edit (each file opens with a comment saying what its lists mean);
this module only turns them into compiled patterns. Entries match as whole words, case-insensitive, in file order.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

LEXICON_DIR = Path(__file__).resolve().parents[2] / "nlp_models" / "lexicons"


@lru_cache(maxsize=None)
def lexicon(name: str) -> dict:
    """The lists of ``nlp_models/lexicons/NAME.yaml``; a missing or malformed file fails at import time."""
    path = LEXICON_DIR / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise ValueError(f"{path}: expected lists of words under named keys")
    return data


@lru_cache(maxsize=None)
def alternation(name: str, key: str) -> str:
    """The entries of one list as a regular-expression alternation (``a|b|c``), led by a look-ahead for the
    letters the entries can start with when that is known (``(?=[abc])(?:a|b|c)``): the same matches, but a
    position where no entry can start fails on one test instead of one per entry (``re`` tries alternatives one by
    one, and with IGNORECASE it cannot skip them by their first letter)."""
    entries = lexicon(name)[key]
    plain = "|".join(str(e) for e in entries)
    firsts = _first_letters(plain) if len(entries) >= 3 else None
    if firsts is None:
        return plain
    return "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])(?:" + (_trie([str(e) for e in entries]) or plain) + ")"


_PLAIN_WORD = re.compile(r"[A-Za-z0-9]+")


def _trie(entries: list[str]) -> str | None:
    """Plain words as a tree of their shared beginnings ("me(?:n(?:gatakan|yebut(?:|kan))|...)"): ``re`` then reads a
    word once instead of trying every entry that shares its first letters. The same matches in the same order of
    preference: siblings differ in their next letter (also without regard to case), so at most one of them can match,
    and a word that ends where longer ones go on keeps its place before or after them. None when an entry is not a
    plain word or that order cannot be kept."""
    if not all(_PLAIN_WORD.fullmatch(e) for e in entries):
        return None
    root: dict = {}
    for i, entry in enumerate(entries):
        node = root
        for ch in entry:
            node = node.setdefault(ch, {})
        node.setdefault("", i)  # the entry ends here (a repeated entry keeps its first place)

    def indexes(node: dict) -> list[int]:
        return [v for k, v in node.items() if k == ""] + [i for k, v in node.items() if k for i in indexes(v)]

    def emit(node: dict) -> str | None:
        if len({k.lower() for k in node}) < len(node):
            return None  # "M..." and "m..." side by side: both may match without regard to case
        options = []  # (first entry, last entry, pattern)
        for k, child in node.items():
            if k == "":
                options.append((child, child, ""))
                continue
            sub = emit(child)
            if sub is None:
                return None
            ix = indexes(child)
            options.append((min(ix), max(ix), re.escape(k) + sub))
        ends = [first for first, _, pat in options if pat == ""]
        if ends and any(first < ends[0] < last for first, last, pat in options if pat):
            return None  # the word ending here comes between two longer entries it is a beginning of
        options.sort(key=lambda o: o[0])
        if len(options) == 1:
            return options[0][2]
        return "(?:" + "|".join(pat for _, _, pat in options) + ")"

    return emit(root)


def _first_letters(pattern: str) -> set[str] | None:
    """The characters every match of ``pattern`` starts with, when each alternative opens with a literal character;
    None otherwise (a class, a group with a quantifier, an optional letter ...)."""
    from re import _parser  # the standard library's own parser: what the pattern means, not a guess from its text

    try:
        tree = _parser.parse(pattern, 0)
    except re.error:
        return None
    branches = [tree]
    op, av = tree.data[0] if tree.data else (None, None)
    if op is _parser.BRANCH and len(tree.data) == 1:
        branches = av[1]  # else the parser took a common first letter out of the alternatives ("me(?:a|b)")
    firsts = set()
    for branch in branches:
        if not branch.data:
            return None
        op, av = branch.data[0]
        while op is _parser.SUBPATTERN and av[1] == 0 and av[2] == 0 and av[3].data:  # a plain group: its start
            op, av = av[3].data[0]
        if op is not _parser.LITERAL:
            return None
        firsts.add(chr(av))
    return firsts


def words(name: str, key: str, flags=re.IGNORECASE) -> re.Pattern:
    """A pattern matching any entry of one list as a whole word."""
    return re.compile(rf"\b(?:{alternation(name, key)})\b", flags)


MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12,
}


WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6,
            "ahad": 6}


_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))


_WEEKDAY_RE = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)"


ME_VERBS = alternation("speech", "said_verbs_subject")
_ME_VERB_RE = re.compile(rf"\b(?:{ME_VERBS})\b", re.IGNORECASE)
_SAID_VERB_AFTER = re.compile(rf"(?<![\w-])(?P<v>(?:{alternation('speech', 'said_verbs_after_quote')})(?P<nya>nya)?)\b",
                              re.IGNORECASE)
TITLE_HEADS = alternation("speech", "title_heads")
# adverbs between a named subject and its verb, as an optional run ending in whitespace ("sebelumnya juga ")
SUBJECT_ADVERBS = rf"(?:(?:{alternation('speech', 'subject_adverbs')})\s+){{0,2}}"
_TITLE_HEAD_RE = re.compile(rf"\b(?:{TITLE_HEADS})\b")
WISH_GOAL_VERBS = words("speech", "wish_goal_verbs")
NEWS_BLOCK = re.compile(rf"^\s*[(\[]?\s*(?:{alternation('out_of_scope', 'link_line_openers')})\b", re.IGNORECASE)
ILLUSTRATION = re.compile(rf"^\W*(?:{alternation('out_of_scope', 'illustration_openers')})\b", re.IGNORECASE)
SKIP_SENTENCE = words("out_of_scope", "boilerplate_words")
CONDITIONAL = re.compile(rf"\b(?:{alternation('conditional', 'markers')})\b"
                         rf"(?!\s+(?:{alternation('conditional', 'framing_after_marker')}))", re.IGNORECASE)
DURATION = re.compile(rf"^\s*(?:{alternation('categories', 'duration_nouns')})\b", re.IGNORECASE)
CATEGORY = re.compile(rf"^\s*(?:\w+\s+)?(?:{alternation('categories', 'category_nouns')})\b", re.IGNORECASE)
PLACE_REACH = re.compile(rf"^\s*(?:{alternation('categories', 'place_reach_nouns')})\b", re.IGNORECASE)
TARGET_CUES = words("target", "target_cues")
EXPLICIT_TARGET = words("target", "explicit_target")
QUOTA = words("target", "quota")
ACHIEVE_CUES = words("realised", "realised_cues")
REALIZED = words("realised", "realised_markers")
STRONG_REALIZED = words("realised", "strong_realised")
BUDGET_CUES = words("budget", "budget_cues")
OTHER_CUES = words("context", "context_cues")
PROJECTION = words("context", "projection")
GAP_WORDS = alternation("gap", "gap_words")


UMKM_WORDS = re.compile(
    r"^(?:pelaku\s+|unit\s+|para\s+)?(?:umkm|ukm|umk|ikm|kumkm|usaha\s+mikro(?:,?\s+kecil(?:,?\s+dan\s+menengah)?)?|"
    r"usaha\s+kecil|usaha\s+ultra\s+mikro|ultra\s+mikro|pelaku\s+usaha|wirausaha\w*|pengusaha|unit\s+usaha|"
    r"pedagang|merchants?|mitra|sellers?|penjual|usaha|industri\s+kecil|warung|toko|pengrajin|perajin|"
    r"pelapak|reseller|umkm-nya|brand\s+lokal|jenama\s+lokal)\b", re.IGNORECASE)


RELEVANT = re.compile(r"\b(?:umkm|ukm|umk|ikm|kumkm|usaha\s+(?:mikro|kecil)|ultra\s+mikro|koperasi|e-commerce|"
                      r"ecommerce|ekonomi\s+digital|lokapasar|marketplace|kur|bpum|qris|padi\s+umkm|e-katalog|"
                      r"pelaku\s+usaha|wirausaha\w*)\b", re.I)


UMKM_CONTEXT = re.compile(r"\b(?:umkm|ukm|umk|ikm|usaha\s+mikro|pelaku\s+usaha|wirausaha|koperasi|pedagang|"
                          r"merchants?|pelapak|penjual|seller)\b", re.I)


PER_PERIOD = words("target", "per_unit_rates")
SEQUENCE_FRAME = words("target", "sequence_frames")


DIGITAL_WORDS = re.compile(r"digital|online|daring|e-commerce|ecommerce|marketplace|lokapasar|onboard|go\s+online|"
                           r"terhubung|terkoneksi|platform|e-katalog|katalog\s+elektronik|qris", re.IGNORECASE)


ANAPHOR = re.compile(r"\b(?:angka|jumlah|capaian|nilai|realisasi|total)\s+(?:itu|tersebut|ini)\b|\bdi\s+antaranya\b|"
                     r"\b(?:angka|porsi|capaian)nya\b|"
                     r"\bdari\s+jumlah\s+(?:itu|tersebut)\b", re.IGNORECASE)
