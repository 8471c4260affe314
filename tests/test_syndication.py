"""Syndication grouping: the same story reprinted by several outlets (MinHash LSH + titles)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.syndication import SyndicationIndex, group_articles, normalize_text, normalize_title

REPO = Path(__file__).resolve().parents[1]

BASE = ("Nilai transaksi di platform Pasar Digital (PaDi) UMKM terus bertambah sejak diluncurkan pada Agustus 2020. "
        "Kementerian BUMN mencatat, hingga akhir Mei 2021 total transaksi di platform tersebut sudah mencapai "
        "Rp 1,62 triliun.\n\nStaf Khusus Menteri BUMN Arya Sinulingga mengatakan, capaian itu berasal dari belanja "
        "barang dan jasa BUMN kepada pelaku usaha mikro dan kecil yang terdaftar di PaDi UMKM.\n\n\"Sampai akhir Mei "
        "sudah ada 21.500 UMKM yang bertransaksi dengan BUMN lewat PaDi,\" kata Arya di Jakarta, Selasa (15/6/2021).")
OTHER = ("Menteri Koperasi dan UKM Teten Masduki menargetkan 30 juta pelaku UMKM masuk ekosistem digital pada 2024. "
         "Saat ini baru 13,7 juta UMKM yang sudah memanfaatkan platform digital untuk berjualan.\n\nTeten mengatakan "
         "pemerintah akan memperluas pelatihan dan pendampingan agar pelaku usaha mampu bersaing di pasar daring, "
         "termasuk melalui program Bangga Buatan Indonesia yang digelar setiap bulan.")


def test_normalisation_strips_datelines_and_outlets():
    assert normalize_text("REPUBLIKA.CO.ID, JAKARTA -- Nilai transaksi") == "nilai transaksi"
    assert normalize_text("Liputan6.com, Jakarta - Nilai transaksi") == "nilai transaksi"
    assert normalize_text("Jakarta (ANTARA) - Nilai transaksi") == "nilai transaksi"
    assert normalize_text("JAKARTA, KOMPAS.com - Nilai Rp 1,62 triliun") == "nilai rp 162 triliun"
    assert normalize_title("Transaksi PaDi UMKM Tembus Rp 1,62 Triliun - Kompas.com") == "transaksi padi umkm tembus rp 162 triliun"


def test_reprints_are_grouped_and_other_stories_are_not():
    arts = [
        ("a1", "Transaksi PaDi UMKM Tembus Rp 1,62 Triliun", "Liputan6.com, Jakarta - " + BASE),
        ("b1", "Teten Kejar Target 30 Juta UMKM Digital", "JAKARTA, KOMPAS.com - " + OTHER),
        ("a2", "Transaksi PaDi UMKM Capai Rp 1,62 Triliun",
         "REPUBLIKA.CO.ID, JAKARTA -- " + BASE.replace("tersebut", "itu").replace("Kementerian BUMN", "Kementerian Badan Usaha Milik Negara")),
        ("a3", "PaDi UMKM", "Jakarta (ANTARA) - " + BASE.split("\n\n")[0] + "\n\n" + BASE.split("\n\n")[1]),
    ]
    g = group_articles(arts)
    assert g["a1"] == g["a2"] == g["a3"] == "a1"
    assert g["b1"] == "b1"


def test_same_topic_different_story_not_grouped():
    other2 = ("Presiden Joko Widodo meminta percepatan digitalisasi UMKM. Jokowi menargetkan 30 juta UMKM masuk "
              "ekosistem digital pada 2024 dan meminta kementerian mempercepat pelatihan.\n\nMenurut Presiden, "
              "pemerintah daerah juga perlu membantu pelaku usaha mendapatkan akses pembiayaan dan pasar.")
    g = group_articles([("x", "Teten Kejar Target 30 Juta UMKM Digital", OTHER),
                        ("y", "Jokowi Minta Percepatan, 30 Juta UMKM Masuk Ekosistem Digital", other2)])
    assert g["x"] != g["y"]


def test_incremental_ids_are_stable_and_add_is_idempotent():
    idx = SyndicationIndex()
    assert idx.add("first", "Judul A", BASE) == "first"
    assert idx.add("other", "Judul B", OTHER) == "other"
    assert idx.add("second", "Judul A lagi", BASE + "\n\nTambahan satu kalimat.") == "first"
    assert idx.add("first", "Judul A", BASE) == "first"
    assert idx.group_of("second") == "first" and len(idx) == 3
    assert sorted(idx.groups()["first"]) == ["first", "second"]


def test_short_texts_need_an_identical_long_title():
    idx = SyndicationIndex()
    assert idx.add("p", "Foto: Pameran UMKM Digital di Jakarta Hari Ini", "Pengunjung di pameran.") == "p"
    assert idx.add("q", "Foto: Pameran UMKM Digital di Jakarta Hari Ini", "Pengunjung melihat.") == "p"
    assert idx.add("r", "Foto", "Pengunjung.") == "r"


def test_fixture_gold_syndication_groups():
    gold = REPO / "tests" / "gold" / "fixture_articles.jsonl"
    if not gold.exists():
        pytest.skip("fixture gold not written yet")
    arts = [json.loads(line) for line in gold.open() if line.strip()]
    if not any(a.get("syndication_group") for a in arts):
        pytest.skip("no syndicated pairs in the fixture gold yet")
    got = group_articles((a["id"], a["title"], a["text"]) for a in arts)
    for a in arts:
        for b in arts:
            if a["id"] < b["id"]:
                same_gold = a.get("syndication_group") and a.get("syndication_group") == b.get("syndication_group")
                assert (got[a["id"]] == got[b["id"]]) == bool(same_gold), (a["id"], b["id"])


def test_grouping_does_not_depend_on_the_order_copies_arrive():
    """Two rewrites of one press release can be further apart than the threshold while both are close to a
    third copy; whichever arrives last, the three end up in one group."""
    import itertools
    import json as _json

    gold_path = Path(__file__).resolve().parent / "gold" / "fixture_articles.jsonl"
    articles = [_json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()]
    copies = [a for a in articles if a.get("syndication_group")]
    others = [a for a in articles if not a.get("syndication_group")][:4]
    assert len(copies) >= 3
    for order in itertools.permutations(copies):
        index = SyndicationIndex()
        for article in [*others, *order]:
            index.add(article["id"], article["title"], article["text"])
        groups = index.group_map()
        assert len({groups[a["id"]] for a in copies}) == 1, [a["id"] for a in order]
        assert all(groups[a["id"]] == a["id"] for a in others)


def test_sketches_and_candidates_are_datasketchs():
    """The numpy MinHash and LSH give datasketch 2.0's signatures (scheme affine32, seed 1) and LSH candidates, so
    the groups are the ones the stage gave when it used datasketch."""
    import random

    from datasketch import MinHash, MinHashLSH

    from extract.syndication import _LSH, NUM_PERM, minhash, shingles

    rnd = random.Random(3)
    words = (BASE + " " + OTHER).split()
    texts = [BASE, OTHER] + [" ".join(rnd.choice(words) for _ in range(rnd.randint(12, 120))) for _ in range(60)]
    texts += [t.replace("UMKM", "usaha kecil", 1) for t in texts[:20]]  # near-copies share bands
    ours, theirs = _LSH(0.25, NUM_PERM), MinHashLSH(threshold=0.25, num_perm=NUM_PERM)
    for i, text in enumerate(texts):
        sh = shingles(text)
        reference = MinHash(num_perm=NUM_PERM)
        reference.update_batch([s.encode("utf-8") for s in sh])
        signature = minhash(sh)
        assert signature.tolist() == reference.hashvalues.tolist()
        assert ours.query(signature) == set(theirs.query(reference))
        ours.insert(str(i), signature)
        theirs.insert(str(i), reference)
    assert any(len(ours.query(minhash(shingles(t)))) > 1 for t in texts[:20])  # the test saw real candidates
