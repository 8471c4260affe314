"""Focused checks of the rules added with the dev2 development set (extractor pantau-claims-1.1)."""
from __future__ import annotations

from extract.claims import extract_claims


def claims(text, published="2021-06-14T10:00:00+07:00"):
    return extract_claims({"id": "T", "text": text, "published": published})


def facts(text, **kw):
    return {(c["value"], c["claim_type"], c["target_year"]) for c in claims(text, **kw)}


def test_participant_and_affected_counts_are_context():
    assert facts("Ia menyebut sebanyak 1.700 koperasi terdampak pandemi dan membutuhkan pendampingan usaha.") == \
        {(1700, "other", None)}
    assert facts("Ketua asosiasi UMKM menyebut 120 ribu penjual ikut pelatihan pemasaran digital tahun ini.") == \
        {(120000, "other", None)}
    # a realised marker still makes it a result
    assert facts("Sebanyak 5.000 UMKM telah mengikuti pelatihan digital.") == {(5000, "achievement", None)}


def test_target_verbs_kejar_menyasar_dorong_menjadi():
    assert facts("“Kami kejar 30 juta UMKM masuk ekosistem digital pada 2024,” kata Teten Masduki.") == \
        {(30e6, "target", 2024)}
    assert facts("Kementerian menyasar 8 juta UMKM go online pada 2020.", published="2017-11-08") == \
        {(8e6, "target", 2020)}
    assert facts("“Kami dorong menjadi 500 ribu merchant UMKM pada 2025,” ujar Budi Santoso.", published="2022-08-25") == \
        {(500000, "target", 2025)}
    got = facts("“Target tahun lalu sudah dilampaui, dan tahun ini kami kejar 1,5 juta UMKM,” ujar Faizal.",
                published="2025-02-11")
    assert (1.5e6, "target", 2025) in got


def test_derived_figures():
    assert facts("“Masih ada selisih 800 ribu UMKM dari target,” kata Eddy.") == {(800000, "other", None)}
    assert (64e6, "other", None) in facts("Total UMKM yang terhubung ke platform digital kini mencapai 10,25 juta unit "
                                          "atau 16 persen dari 64 juta UMKM.")
    assert facts("Artinya, rata-rata transaksi setiap merchant UMKM hanya sekitar Rp8 juta per tahun.") == \
        {(8e6, "other", None)}
    assert facts("Nilai transaksi UMKM di lokapasar sudah tumbuh 3 kali lipat dibandingkan sebelum pandemi.") == \
        {(3, "achievement", None)}
    # "poin persen" is a percentage
    assert {c["unit"] for c in claims("Selisihnya 23 poin persen dari porsi UMKM daring saat ini.")} == {"persen"}


def test_exceeded_target_figure():
    got = facts("Direktur Utama PT Pos Indonesia Faizal Rochmad Djoemadi mengatakan jumlah UMKM itu melampaui "
                "target 1 juta UMKM yang dipatok perusahaan untuk 2024.", published="2025-02-11")
    assert got == {(1e6, "target", 2024)}
    got = facts("“Porsi BRI untuk KUR Rp 67,5 triliun. Kami yakin bisa melebihi target itu tahun ini,” kata Asmawi Syam.",
                published="2016-05-19")
    assert got == {(67.5e12, "target", 2016)}


def test_person_after_institution_and_balinese_names():
    text = ("Ekonom Universitas Gadjah Mada Rimawan Pradiptyo menilai porsi transaksi digital UMKM baru 18 persen.\n\n"
            "“Literasi digital pedagang masih rendah,” kata Rimawan.")
    c = claims(text)[0]
    assert c["speaker"] == "Rimawan Pradiptyo"
    assert c["organization"] == "Universitas Gadjah Mada"
    text = ("Kepala Dinas Koperasi dan UKM Provinsi Bali I Gede Arsana mengatakan sebanyak 12.500 UMKM di Bali telah "
            "bergabung dengan lokapasar.")
    c = claims(text)[0]
    assert c["speaker"] == "I Gede Arsana"
    assert c["speaker_title"] == "Kepala Dinas Koperasi dan UKM Provinsi Bali"
    assert c["organization"] == "Dinas Koperasi dan UKM Provinsi Bali"  # a regional office, not the ministry


def test_narration_about_another_institution_does_not_inherit_speaker():
    text = ("Ketua Asosiasi Perajin Bali Ni Made Sukerti menyebut 1.200 perajin ikut pelatihan pemasaran digital.\n\n"
            "Pemerintah Provinsi Bali menganggarkan Rp4,5 miliar untuk program pelatihan UMKM tersebut.")
    by_value = {c["value"]: c for c in claims(text)}
    assert by_value[1200]["speaker"] == "Ni Made Sukerti"
    assert by_value[4.5e9]["speaker"] is None
    assert by_value[4.5e9]["organization"] == "Pemerintah Provinsi Bali"
    assert by_value[4.5e9]["claim_type"] == "budget"


def test_surname_read_as_organisation_resolves_to_the_person():
    text = ("Kepala Kantor Perwakilan Bank Indonesia DIY Budiharto Setyawan mengatakan pengguna QRIS di DIY mencapai "
            "265 ribu merchant.\n\n“Angka itu naik 80 persen dari tahun lalu,” ujar Budiharto di Yogyakarta.")
    assert {c["speaker"] for c in claims(text)} == {"Budiharto Setyawan"}


def test_new_cues_do_not_overreach():
    # narrative "mendorong … menjadi" about the past is not a goal
    assert facts("Pandemi mendorong transaksi daring UMKM menjadi 40 persen tahun lalu.") == {(40, "achievement", None)}
    # participants with a realised result later in the clause are a programme result
    assert facts("Sebanyak 2.000 UMKM ikut dalam program ini dan telah naik kelas.") == {(2000, "achievement", None)}
    # "per April 2021" is a date, not a per-unit amount
    assert facts("Restrukturisasi kredit UMKM per April 2021 tercatat Rp 285,17 triliun.") != \
        {(285.17e12, "other", None)}
