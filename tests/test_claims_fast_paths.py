"""Speed paths of the claim stages give the same answers as the plain computation they replace."""
from __future__ import annotations

import random

from extract.claims import filters
from extract.claims.type_model import NaiveBayes, shipped_model

_WORDS = ["angka", "Angka", "sebesar", "Rp.", "Rp", "di", "DI", "lebih", "dari", "ke", "ke-", "KE-", "salah",
          "satu-satunya", "nomor", "no.", "#", "/", "permenkop", "seluruh", "sekitar", "UMKM", "x"]
_GAPS = [" ", "", "  ", "\n", "\u00a0", "\t"]


def test_end_anchored_searches_from_the_tail_find_what_a_full_search_finds():
    rng = random.Random(5)
    patterns = [(filters.BACK_REFERENCE_BEFORE, 3), (filters.REACH_BEFORE, 3), (filters.REG_NAME_BEFORE, 1),
                (filters.KE_DASH_BEFORE, 1), (filters.KE_BEFORE, 1), (filters.ONE_OF_BEFORE, 1)]
    found = 0
    for _ in range(3000):
        before = "".join(rng.choice(_WORDS) + rng.choice(_GAPS) for _ in range(rng.randint(0, 8)))
        for pattern, words in patterns:
            full = pattern.search(before)
            assert (full and full.span()) == ((m := pattern.search(before, filters._tail(before, words))) and m.span())
            found += full is not None
    assert found > 500  # the sample exercises the patterns, not only their misses


def test_tail_starts_at_the_last_runs():
    assert filters._tail("menurut data di lebih dari ", 3) == len("menurut data")
    assert filters._tail("di lebih", 3) == 0
    assert filters._tail("", 1) == 0


def test_naive_bayes_scores_match_the_textbook_formula():
    import math

    model = shipped_model()
    fresh = NaiveBayes(model.class_counts, model.feature_counts, model.margin)
    feats = ["u:UMKM", "m:None", "verb:menargetkan", "tgt_l", "not-a-feature"]
    vocab = len({f for fc in model.feature_counts.values() for f in fc}) + 1
    for t, score in fresh.scores(feats).items():
        fc = model.feature_counts[t]
        mass = sum(fc.values()) + vocab
        expected = math.log((model.class_counts[t] + 1) / (model.total + 4)) + \
            sum(math.log((fc.get(f, 0) + 1) / mass) for f in set(feats))
        assert math.isclose(score, expected, rel_tol=1e-12)


def test_patterns_that_skip_to_their_first_letter_match_their_plain_forms():
    import re

    from extract.claims import attribution

    plain = {attribution.PASSIVE_REPORTING: re.compile(r"\b(?:disampaikan|diungkapkan|dikatakan|dijelaskan|dipaparkan|"
                                                       r"ditegaskan|diutarakan)\s+(?:oleh\s+)?"),
             attribution.MENURUT_NAMED: re.compile(r"\b[Mm]enurut\s+(?!(?:dia|ia|beliau)\b)"),
             attribution.DATA_SOURCE: re.compile(r"\b(?:berdasarkan|menurut|merujuk|mengutip|mengacu|dikutip\s+dari|data|"
                                                 r"laporan|riset|survei|studi|catatan|hasil)\s+(?:pada\s+|ke\s+)?"
                                                 r"(?:data\s+|laporan\s+|riset\s+|survei\s+|studi\s+)?", re.IGNORECASE)}
    pieces = ["Menurut", "menurut", "xmenurut", "Ämenurut", "dia", "Budi", "disampaikan", "didisampaikan", "oleh",
              "Data", "BERDASARKAN", "hasil", "riset", "ke", "pada", "_Menurut", "“Menurut", "-dikatakan"]
    rng = random.Random(9)
    hits = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) + rng.choice(_GAPS) for _ in range(rng.randint(1, 7)))
        for fast, slow in plain.items():
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]
            hits += slow.search(text) is not None
    assert hits > 1000


def test_dateline_cues_are_in_every_dateline():
    from extract.claims import when

    for text in ["Kamis (11/6/2021)", "Rabu, ( 3 / 12 )", "Senin 4 Desember 2023", "Jumat, (1 Mei)", "SABTU 9 AGUSTUS"]:
        assert when._DATELINE.search(text) is None or when._DATELINE_CUE.search(text)
        assert when._DATELINE_LONG.search(text) is None or when._DATELINE_LONG_CUE.search(text)
        assert when._DATELINE.search(text) or when._DATELINE_LONG.search(text)


def test_qualifier_search_from_the_last_words_matches_a_full_search():
    from extract import numbers

    pieces = ["kurang", "lebih", "dari", "sekitar", "tidak", "tak", "sampai", "paling", "sedikit", "hanya", "baru",
              "sebesar", "Rp", "±", "+/-", "s.d.", "s/d", "(sekitar", "di", "atas", "HAMPIR", "target", "UMKM"]
    rng = random.Random(11)
    found = 0
    for _ in range(5000):
        window = "".join(rng.choice(pieces) + rng.choice(_GAPS) for _ in range(rng.randint(0, 9)))[-45:]
        for pattern, words in ((numbers._QUAL_DIRECT, 3), (numbers._QUAL_BEFORE, 4)):
            full = pattern.search(window)
            fast = pattern.search(window, numbers._last_words(window, words))
            assert (full and full.span()) == (fast and fast.span())
            found += full is not None
    assert found > 1000


def test_trie_alternation_keeps_matches_and_preference_order():
    import re

    from extract.claims.lexicon import _trie

    cases = [["menyebut", "menyebutkan", "mengatakan", "mengaku", "mengakui"], ["katakan", "kata", "kilah"],
             ["ujar", "Ujar", "ucap"], ["abcd", "ab", "abce"], ["dua", "dua", "dari"], ["a-b", "ab", "ac"]]
    texts = ["menyebutkan", "menyebut", "mengakui itu", "kata dia", "katakan", "Ujar", "abce", "abcd", "ab", "dari",
             "MENGAKU", "ucapnya", "a-b"]
    tried = 0
    for entries in cases:
        body = _trie(entries)
        if body is None:
            continue  # not plain words, or an order a tree cannot keep: the caller keeps the plain alternation
        tried += 1
        for flags in (0, re.IGNORECASE):
            for tail in ("", r"\b", r"(?:nya)?\s", r"kan"):
                plain, tree = re.compile(f"(?:{'|'.join(entries)}){tail}", flags), re.compile(f"(?:{body}){tail}", flags)
                for text in texts:
                    assert [m.span() for m in plain.finditer(text)] == [m.span() for m in tree.finditer(text)]
    assert tried == 3
    assert _trie(["abcd", "ab", "abce"]) is None and _trie(["ujar", "Ujar", "ucap"]) is None


def test_number_word_tree_matches_the_listed_words():
    import re

    from extract import numbers

    listed = numbers._NUMWORD_LIST.split("|")
    tree = re.compile(rf"(?:{numbers._NUMWORD})", re.IGNORECASE)
    plain = re.compile(rf"(?:{numbers._NUMWORD_LIST})", re.IGNORECASE)
    assert all(tree.fullmatch(w) and tree.fullmatch(w.title()) for w in listed)
    for text in ["sepuluh ribu", "setengah juta", "seratus", "sejutaan", "trilyun", "miliaran", "se puluh", "lima belas"]:
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_first_letter_look_aheads_cover_every_form():
    """The look-aheads that let ``re`` skip positions list the first characters of every alternative: a form added
    later without its first character would silently stop matching. Each pattern is compared with itself without
    the look-ahead on every gold article."""
    import json
    import re
    from pathlib import Path

    from extract import numbers
    from extract.claims import attribution, pipeline

    texts = [json.loads(line).get("text") or "" for path in sorted(Path("tests/gold").glob("*_articles.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += ["hampir 1/3 trafik", "sepertiga", "dua per lima", "Rp 5 juta", "US$ 3", "IDR 2 miliar", "dia mengatakan"]
    for pattern, look_ahead in ((numbers.FRACTION_RE, "(?=[sdtel1-9])"), (numbers.QUANTITY_RE, "(?=[$\\dRIUnsdteljbprm])"),
                                (pipeline.LIST_HEADER, "(?=[mpab])"), (attribution.PRONOUNS, "(?=[idbmk])"),
                                (attribution.DATA_SOURCE, "(?=[bmdlrsch])")):
        assert look_ahead in pattern.pattern
        plain = re.compile(pattern.pattern.replace(look_ahead, "", 1), pattern.flags)
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
