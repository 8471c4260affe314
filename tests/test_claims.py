"""Claim assembly on small texts: values, types, target years, dates, attribution, scope rules."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from extract.claims import CLAIM_FIELDS, EXTRACTOR_VERSION, LINK_FIELDS, SEAM_FIELDS, extract_claims, stated_on


def claims(text, published="2021-06-14T10:00:00+07:00", **kw):
    return extract_claims({"id": "T1", "text": text, "published": published, **kw})


def one(text, **kw):
    out = claims(text, **kw)
    assert len(out) == 1, [(c["value"], c["claim_type"], c["quote"]) for c in out]
    return out[0]


def test_output_schema_and_quote_offsets():
    text = ("JAKARTA - Menteri Koperasi dan UKM Teten Masduki mengatakan saat ini baru 13 persen UMKM yang sudah "
            "terkoneksi dengan digital.")
    c = one(text)
    assert list(c)[:len(CLAIM_FIELDS)] == CLAIM_FIELDS
    assert set(c) == set(CLAIM_FIELDS) | set(LINK_FIELDS) | set(SEAM_FIELDS)
    assert text[c["char_start"]:c["char_end"]] == c["quote"]
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION
    assert (c["value"], c["unit"], c["claim_type"]) == (13, "persen", "achievement")
    assert c["speaker"] == "Teten Masduki" and c["person_id"] == "teten_masduki"
    assert c["speaker_title"] == "Menteri Koperasi dan UKM"
    assert c["metric"] == "umkm_onboarded_digital"
    assert 0 < c["confidence"] <= 1


def test_target_with_year_and_word_number():
    c = one('"Kami punya target mengonlinekan delapan juta UMKM hingga tahun 2019," kata Menteri Komunikasi dan '
            'Informatika, Rudiantara, di Jakarta, Rabu.', published="2017-11-16T01:36:00+07:00")
    assert (c["value"], c["claim_type"], c["target_year"], c["unit"]) == (8_000_000, "target", 2019, "UMKM")
    assert c["speaker"] == "Rudiantara"
    assert c["stated_on"] == "2017-11-15"  # "Rabu" = the latest Wednesday on or before publication


def test_relative_target_year_against_dateline():
    c = one("Tahun depan, kementerian menargetkan 2 juta UMKM masuk e-Katalog, kata Teten, Selasa (3/8/2021).",
            published="2021-08-04")
    assert c["target_year"] == 2022 and c["stated_on"] == "2021-08-03"
    assert c["metric"] == "umkm_on_ekatalog_padi"


def test_target_and_achievement_in_one_sentence():
    out = claims('"Target kami 30 juta UMKM go digital pada 2024, namun sekarang baru 13,7 juta," ujar Teten.')
    got = {(c["value"], c["claim_type"], c["target_year"]) for c in out}
    assert got == {(30e6, "target", 2024), (13.7e6, "achievement", None)}


def test_budget_and_qualifier():
    c = one("Tahun ini terdapat alokasi anggaran belanja pemerintah sekitar Rp1.100 triliun untuk produk UMKM.")
    assert (c["value"], c["unit"], c["claim_type"], c["qualifier"]) == (1.1e15, "rupiah", "budget", "sekitar")


def test_range_per_year_rate_has_no_target_year():
    c = one("Setiap tahun harus ada tambahan sekitar 5 juta hingga 6 juta UMKM yang masuk ke platform digital pada 2024.")
    assert (c["value"], c["value_max"], c["claim_type"]) == (5e6, 6e6, "target")
    assert c["target_year"] is None  # a per-year rate has no deadline (claims.md convention)
    c = one("Setiap tahun minimal 5 juta usaha mikro harus masuk ke pasar digital.")
    assert c["target_year"] is None and c["qualifier"] == "minimal"


def test_context_statistics_are_other():
    out = claims("Menurut Teten, jumlah pelaku UMKM di Indonesia mencapai 64 juta. Ekonomi digital menghasilkan "
                 "4 persen dari produk domestik bruto (PDB).")
    assert [(c["value"], c["claim_type"]) for c in out] == [(64e6, "other"), (4, "other")]
    assert out[0]["metric"] == "umkm_population"


def test_as_of():
    c = one("Berdasarkan data Asosiasi e-Commerce Indonesia per Mei 2021, ada 13,7 juta pelaku UMKM yang sudah "
            "memanfaatkan e-commerce.")
    assert c["as_of"] == "2021-05" and c["speaker"] is None
    assert c["organization"] == "Asosiasi E-Commerce Indonesia"


@pytest.mark.parametrize("text", [
    "Baca juga: Pasca Lebaran, Ekspor UMKM Jeblok 28,95 Persen Pada Mei 2020",
    "Ada hadiah uang elektronik senilai total Rp 6.000.000 untuk komentar terbaik soal UMKM.",
    "Silakan WhatsApp ke nomor 0811 9787 670 untuk informasi UMKM.",
    "Lazada menutup impor 3 klaster industri untuk melindungi UMKM.",
    "Dengan sisa waktu 3 tahun, pemerintah mempercepat digitalisasi UMKM.",
    "Pandemi COVID-19 dan forum G20 mendorong UMKM go digital.",
    "Program 1 Juta Domain membantu UMKM go online.",
    "Jadi kalau Rp800 triliun itu bisa dibelanjakan bagi produk UMKM maka ekonomi terbantu.",
    "Peluncuran pada Senin (15/6/2020) diikuti pelaku UMKM pukul 10.00 WIB.",
    "UMKM di HUT ke-30 dan UU Nomor 20 Tahun 2008 tentang UMKM.",
])
def test_out_of_scope(text):
    assert claims(text) == []


def test_not_an_economy_article():
    assert claims("Schick melepaskan tembakan dari jarak sekitar 45 meter ke gawang Skotlandia.") == []


def test_attribution_pronoun_suffix_and_surname():
    text = ("Menteri Koperasi dan UKM Teten Masduki mengapresiasi Lazada.\n\n"
            "“Saat ini baru sekitar 13,7 juta atau 21 persen,” tuturnya.\n\n"
            "Teten menyebut 64 juta UMKM ada di Indonesia.")
    out = claims(text)
    assert {c["speaker"] for c in out} == {"Teten Masduki"}
    assert {c["value"] for c in out} == {13.7e6, 21, 64e6}


def test_attribution_ia_and_title_tersebut():
    text = ("Deputi Produksi dan Pemasaran Kementerian Koperasi dan UKM, I Wayan Dipta mengatakan, pihaknya mendorong "
            "UKM.\n\nIa mengatakan, UKM go online yang terdata mencapai 3,79 juta.\n\n"
            "Menteri Koperasi dan UKM Teten Masduki hadir.\n\nLebih lanjut Menkop UKM tersebut menjelaskan bahwa "
            "tahun ini terdapat alokasi anggaran sekitar Rp1.100 triliun.")
    out = {c["value"]: c for c in claims(text)}
    assert out[3.79e6]["speaker"] == "I Wayan Dipta"
    assert out[3.79e6]["speaker_title"].startswith("Deputi Produksi dan Pemasaran")
    assert out[1.1e15]["speaker"] == "Teten Masduki"


def test_unknown_titled_speaker_and_later_first_name():
    text = ("Kepala Dinas PPKUKM DKI Jakarta Elisabeth Ratu Rante Allo di Jakarta, Rabu, mengatakan jumlah peserta "
            "pelatihan digital mencapai 2.000 UMKM.\n\n"
            "\"Dari jumlah itu, sekitar 38 persen sudah berjualan secara daring,\" kata Elisabeth.")
    out = claims(text)
    assert [c["speaker"] for c in out] == ["Elisabeth Ratu Rante Allo"] * 2


def test_one_fact_one_claim_prefers_attributed_quote():
    text = ("Jakarta - Presiden Joko Widodo menargetkan sebanyak 30 juta UMKM memanfaatkan ekosistem digital pada "
            "tahun 2024. “Kita sudah menargetkan tahun 2024, 30 juta (UMKM memanfaatkan e-commerce),” kata Menteri "
            "Koperasi dan UKM (Menkop UKM) Teten Masduki, Kamis (11/6/2021).")
    c = one(text, published="2021-06-11")
    assert (c["value"], c["target_year"], c["speaker"]) == (30e6, 2024, "Teten Masduki")
    assert c["quote"].startswith("“Kita sudah")
    assert c["stated_on"] == "2021-06-11"


def test_program_link():
    c = one("Adanya Gerakan AKAR Indonesia ini bisa mewujudkan target Pemerintah supaya 30 juta UMKM bisa terhubung "
            "dengan ekosistem digital di tahun 2021.")
    assert c["program"] == "Gerakan AKAR Indonesia" and c["program_id"] == "gerakan_akar_indonesia"
    assert (c["claim_type"], c["target_year"]) == ("target", 2021)


@pytest.mark.parametrize("text,published,expected", [
    ("kata Teten, Kamis (11/6/2021).", "2021-06-12", date(2021, 6, 11)),
    ("ujar Teten, Senin (28/3/2022).", None, date(2022, 3, 28)),
    ("di Jakarta, Rabu.", "2017-11-16T01:36:00+07:00", date(2017, 11, 15)),
    ("tanpa tanggal.", "2021-06-14", date(2021, 6, 14)),
    ("tanpa tanggal.", None, None),
    ("diluncurkan besok, Sabtu (15/8). Kata Erick, Jumat (14/8).", "2020-08-14", date(2020, 8, 14)),
    ("kata dia, Rabu (30/12).", "2021-01-02", date(2020, 12, 30)),
])
def test_stated_on(text, published, expected):
    assert stated_on(text, published) == expected


def test_empty_article():
    assert claims("") == []


@pytest.mark.parametrize("published,inst", [("2023-01-10", "kemenkopukm"), ("2025-01-10", "kemenkop")])
def test_kemenkop_resolves_by_date(published, inst):
    c = one("Kemenkop mencatat 2.000 koperasi sudah go digital.", published=published)
    assert c["institution_id"] == inst and c["speaker"] is None


def test_multi_paragraph_quotation_belongs_to_closing_speaker():
    text = ("Menteri Koperasi dan UKM Teten Masduki hadir.\n\n“Kami menargetkan 1 juta UMKM masuk e-Katalog tahun "
            "ini.\n\nItu realistis,” kata Kepala LKPP Abdullah Azwar Anas, Selasa (31/5/2022).")
    c = one(text, published="2022-06-01")
    assert (c["speaker"], c["target_year"]) == ("Abdullah Azwar Anas", 2022)


# ---- property: whatever sentences an article is made of, claims are well-formed and quotes are verbatim
_SENTENCES = [
    "Menteri Koperasi dan UKM Teten Masduki mengatakan saat ini baru {n} persen UMKM yang sudah go digital.",
    "“Kami menargetkan {n} juta UMKM onboarding pada 20{y},” kata Teten, Senin (14/6/2021).",
    "Baca juga: Ekspor Naik {n} Persen",
    "Jika {n} persen belanja dialokasikan ke UMKM, maka ada Rp {n} triliun yang masuk.",
    "Anggaran BPUM tahun ini mencapai Rp {n},5 triliun.",
    "Ia menyebut ada {n} klaster dan pelatihan selama {n} bulan.",
    "Hubungi nomor 0811 {n}{n}{n} untuk info UMKM.",
    "Jumlah pelaku UMKM di Indonesia mencapai 6{n} juta.",
    "Dia menambahkan, {n}.000 koperasi sudah memakai aplikasi digital.",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SENTENCES), st.integers(min_value=2, max_value=9),
                          st.integers(min_value=21, max_value=29)), min_size=1, max_size=8),
       st.sampled_from(["\n\n", " "]))
def test_claims_are_well_formed(parts, sep):
    text = sep.join(t.format(n=n, y=y) for t, n, y in parts)
    out = claims(text)
    for c in out:
        assert text[c["char_start"]:c["char_end"]] == c["quote"]
        assert c["claim_type"] in ("target", "achievement", "budget", "other")
        assert c["value"] >= 0 and (c["value_max"] is None or c["value_max"] > c["value"])
        assert c["target_year"] is None or c["claim_type"] == "target"
        assert not c["quote"].startswith("Baca juga")
        assert "nomor 0811" not in c["quote"]
    keys = [(c["claim_type"], c["value"], c["target_year"], c["unit"]) for c in out]
    assert len(keys) == len(set(keys))  # one fact, one claim


@pytest.mark.parametrize("text,expected", [
    # a list of targets inside one quotation, one year per clause
    ("“Dari daerah kami targetkan tahun 2023 itu 2,4 juta UMKM. Lalu di 2024 itu 3,4 juta,” kata Teten.",
     {(2.4e6, "target", 2023), (3.4e6, "target", 2024)}),
    # the target restated after "dari target ... sebesar" is a target; the share before it an achievement
    ("Realisasi KUR mencapai Rp 111 triliun atau 44 persen dari target tahun 2021 sebesar Rp 253 triliun.",
     {(111e12, "budget", None), (44, "achievement", None), (253e12, "target", 2021)}),
    # reaching a target is an achievement
    ("Penyaluran KUR sektor produksi menembus target 60 persen pada akhir Juni 2025.", {(60, "achievement", None)}),
    # "kalau berdasarkan data" is not a condition
    ("“Kalau berdasarkan data idEA, sudah 13,7 juta UMKM onboarding,” kata Teten.", {(13.7e6, "achievement", None)}),
    # R12 (a): the old value of a change is a claim of its own; a ceiling per debtor is a parameter (other)
    ("Plafon KUR tanpa agunan dinaikkan menjadi Rp 100 juta dari Rp 50 juta per debitur.",
     {(100e6, "other", None), (50e6, "other", None)}),
    # rates are parameters, macro figures context
    ("Suku bunga KUR yang ditanggung debitur hanya 6 persen.", {(6, "other", None)}),
    ("Kata Teten, saat ini 53 persen ekonomi Indonesia ditopang konsumsi rumah tangga UMKM.", {(53, "other", None)}),
    # plural English nouns and counts named before the figure
    ("“Dari target 200.000 merchants QRIS pada 2021, realisasi saat ini sudah mencapai 120.000 merchants,” ujar dia.",
     {(200000, "target", 2021), (120000, "achievement", None)}),
    ("Hingga September, jumlah pedagang pengguna QRIS sudah 455.400.", {(455400, "achievement", None)}),
    # a figure tied to a later year is a goal
    ("Koperasi diharapkan berkontribusi lebih besar. Setidaknya mencapai 5,5 persen pada 2024.",
     {(5.5, "target", 2024)}),
    # a quota of recipients is a target, its money a budget
    ("Pemerintah mengalokasikan Rp 1,5 triliun untuk 1 juta UMKM pada 2022.",
     {(1.5e12, "budget", None), (1e6, "target", 2022)}),
])
def test_claim_types_of_common_phrasings(text, expected):
    got = {(c["value"], c["claim_type"], c["target_year"]) for c in claims(text, published="2022-06-01")}
    assert got == expected


@pytest.mark.parametrize("article", [
    {"id": "a", "text": None},
    {"text": "UMKM naik 5 persen.", "published": "kemarin"},
    {"id": "b", "text": "UMKM 30 juta. " * 5, "published": "2021-13-45"},
])
def test_bad_inputs_do_not_crash(article):
    assert isinstance(extract_claims(article), list)
