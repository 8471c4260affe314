"""The clause segmenter and the clause-structure typing of pantau-claims-2.1 (invented sentences, one rule each)."""
import re

import pytest

from extract.claims import extract_claims
from extract.claims.clauses import clause_at, hypothetical, segment
from extract.numbers import find_quantities

LEAD = "Program digitalisasi UMKM di daerah terus berjalan. "


def claims(text, published="2025-05-06"):
    return {c["value"]: c for c in extract_claims({"id": "C", "text": LEAD + text, "published": published})}


def pos(sentence, figure):
    return sentence.index(figure)


# --- segmenter ---------------------------------------------------------------------------------------------------

def test_clauses_cover_the_sentence_and_split_on_connectives():
    s = "Omzet koperasi naik 12 persen, namun laba turun 3 persen; sementara itu 40 gerai tutup."
    parts = segment(s)
    assert all(a.end <= b.start for a, b in zip(parts, parts[1:]))  # in order, never overlapping
    assert re.findall(r"\d+", "".join(s[c.start:c.end] for c in parts)) == ["12", "3", "40"]  # no figure lost
    assert [c.opener for c in parts][1:] == ["namun", "sementara itu"]
    assert clause_at(s, pos(s, "3 persen")).opener == "namun"


def test_decimal_commas_do_not_split_a_base_clause():
    s = "Rasio itu naik menjadi 4,5 persen dari 3,25 persen saat ini."
    assert len({clause_at(s, m.start()) for m in re.finditer(r"\d", s)}) == 1


def test_a_base_clause_ends_at_its_comma():
    s = "Dari 7.500 perajin di kabupaten itu, baru 1.900 yang punya toko daring."
    assert clause_at(s, pos(s, "7.500")) != clause_at(s, pos(s, "1.900"))


def test_a_conditional_drops_its_condition_and_consequence_only():
    s = "Kalau ekspor dibuka, omzet bisa naik 25 persen; apalagi 60 persen pesanan datang dari luar negeri."
    assert hypothetical(s, pos(s, "25"))
    assert not hypothetical(s, pos(s, "60"))
    trailing = "Penjualan bisa tumbuh 15 persen jika ongkos kirim turun, sementara itu 800 toko sudah buka."
    assert hypothetical(trailing, pos(trailing, "15")) and not hypothetical(trailing, pos(trailing, "800"))


def test_framing_and_past_contrast_are_not_hypotheses():
    s = "Kalau dirata-rata, tiap bulan bertambah 900 toko baru."
    assert not hypothetical(s, pos(s, "900"))
    s = "Bila tahun lalu tiap perajin menjual 30 tas sebulan, kini rata-ratanya 55 tas."
    assert not hypothetical(s, pos(s, "30")) and not hypothetical(s, pos(s, "55"))


def test_a_condition_opening_a_new_sentence_in_a_quote_keeps_the_sentence_before():
    s = "\"Koperasi simpan pinjam itu 60 persen dari semua koperasi kami. Kalau mereka go digital, 5.000 anggota terlayani.\""
    assert not hypothetical(s, pos(s, "60")) and hypothetical(s, pos(s, "5.000"))


def test_a_past_anywhere_in_the_condition_contrasted_with_now_is_real():
    s = "Kalau pada masa awal program dua tahun lalu baru 300 koperasi yang terdaftar, sekarang sudah 1.100 koperasi."
    assert not hypothetical(s, pos(s, "300")) and not hypothetical(s, pos(s, "1.100"))
    s = "Kalau harga pakan turun seperti tahun lalu, peternak bisa untung 20 persen."
    assert hypothetical(s, pos(s, "20"))


# --- claim type from the clause structure ------------------------------------------------------------------------

def test_base_of_a_share_is_context_and_the_part_a_result():
    cs = claims("Menurut dinas, dari 7.500 perajin di kabupaten itu, baru 1.900 yang punya toko daring.")
    assert cs[7500]["claim_type"] == "other" and cs[1900]["claim_type"] == "achievement"


def test_earlier_level_is_an_achievement_and_a_parameter_other():
    cs = claims("Kepala dinas Rina Ayu mengatakan jumlah koperasi digital naik dari 210 menjadi 480 unit sejak 2023.")
    assert cs[210]["claim_type"] == "achievement"
    cs = claims("Bunga pinjaman koperasi turun dari 11 persen menjadi 8 persen mulai Maret.")
    assert cs[11]["claim_type"] == "other"


def test_change_from_to_with_hingga_is_a_baseline_and_a_goal():
    cs = claims("Dinas menargetkan pedagang nontunai naik dari 12 ribu hingga 30 ribu pada 2027.")
    assert cs[12000]["claim_type"] == "achievement"
    assert (cs[30000]["claim_type"], cs[30000]["target_year"]) == ("target", 2027)


def test_remainder_is_context_unless_put_under_an_obligation():
    assert claims("Dengan capaian itu, sisanya tinggal 250 ribu perajin dari sasaran.")[250000]["claim_type"] == "other"
    c = claims("Masih ada 250 ribu perajin yang wajib didampingi sampai akhir 2026.")[250000]
    assert (c["claim_type"], c["target_year"]) == ("target", 2026)
    assert claims("Selisih 90 ribu UMKM antara dua data itu perlu dijelaskan.")[90000]["claim_type"] == "other"


def test_projection_governs_its_clause_even_with_bakal():
    c = claims("Sebuah konsultan memperkirakan belanja daring pedagang pasar bakal menembus Rp 80 triliun pada 2028.")
    assert c[80e12]["claim_type"] == "other"


def test_exceeding_a_target_names_the_target():
    c = claims("Kepala dinas Rina Ayu menyebut provinsinya sudah melampaui sasaran 400 ribu UMKM digital pada 2024.",
               published="2024-11-02")
    assert (c[400000]["claim_type"], c[400000]["target_year"]) == ("target", 2024)


def test_colon_after_a_target_word_and_modal_after_the_figure():
    c = claims("Kepala dinas Rina Ayu mengatakan sasarannya: 75 sentra kerajinan tahun ini.")
    assert c[75]["claim_type"] == "target"
    c = claims("Kepala dinas Rina Ayu mengatakan sertifikasi bagi 1,5 juta UMKM wajib rampung sebelum Juni 2026.")
    assert (c[1.5e6]["claim_type"], c[1.5e6]["target_year"]) == ("target", 2026)


def test_a_list_header_carries_its_type_and_year():
    cs = claims("Kementerian menetapkan tiga sasaran untuk 2027. Pertama, 90 ribu perajin memakai pembayaran digital. "
                "Kedua, 2.500 koperasi memakai aplikasi kasir.")
    assert {(v, c["claim_type"], c["target_year"]) for v, c in cs.items()} == {(90000, "target", 2027),
                                                                             (2500, "target", 2027)}


def test_allocation_under_a_target_verb_and_disbursed_programme_credit_are_budgets():
    cs = claims("Pemerintah menetapkan plafon kredit usaha rakyat 2026 sebesar Rp 310 triliun.")
    assert cs[310e12]["claim_type"] == "budget"
    cs = claims("Hingga Mei, penyaluran KUR tercatat Rp 120 triliun kepada 2,1 juta debitur.")
    assert cs[120e12]["claim_type"] == "budget"  # money a programme disbursed (claims.md "budget")


def test_applicants_are_context_and_programme_output_a_result():
    assert claims("Dalam sepekan sudah 31 ribu UMKM yang mendaftar pelatihan itu.")[31000]["claim_type"] == "other"
    c = claims("Kepala dinas Rina Ayu menambahkan, sepanjang 2024 dinasnya telah melatih 14 ribu pelaku UMKM.")[14000]
    assert (c["claim_type"], c["metric"]) == ("achievement", "umkm_trained")


def test_market_wide_values_are_context():
    c = claims("Data bank sentral menunjukkan transaksi e-commerce sepanjang 2024 mencapai Rp 480 triliun.")
    assert c[480e12]["claim_type"] == "other"


def test_content_verbs_do_not_undo_a_wish():
    c = claims("Gubernur Rina Ayu menghendaki 50 ribu UMKM baru bergabung ke lokapasar tahun depan.")[50000]
    assert (c["claim_type"], c["target_year"]) == ("target", 2026)


# --- number forms, reach, scope filters ---------------------------------------------------------------------------

def test_an_forms_and_shared_scale():
    q = find_quantities("omzetnya Rp 4 miliaran, penggunanya 20 jutaan")
    assert [(x.value, x.qualifier) for x in q] == [(4e9, "sekitar"), (2e7, "sekitar")]
    q = find_quantities("menargetkan 3 sampai 4 juta pedagang")
    assert (q[0].value, q[0].value_max) == (3e6, 4e6)


def test_omitted_nouns_in_a_list_of_years():
    cs = claims("Wali kota Rina Ayu menargetkan 120 pasar rakyat tahun ini, 200 tahun depan.")
    assert (cs[120]["target_year"], cs[200]["target_year"], cs[200]["unit"]) == (2025, 2026, "pasar")


def test_places_reached_are_claims_but_a_survey_sample_is_not():
    cs = claims("Layanan kasir digital itu sudah berjalan di 6 kabupaten dan akan diperluas ke 11 kabupaten pada 2026.")
    assert (cs[6]["claim_type"], cs[11]["claim_type"], cs[11]["target_year"]) == ("achievement", "target", 2026)
    cs = claims("Survei itu melibatkan 800 responden pelaku UMKM di 12 provinsi.")
    assert 12 not in cs


def test_link_lines_and_illustrations_are_out_of_scope():
    cs = claims("Menteri Koperasi Budi Arie mengatakan 300 ribu UMKM sudah berjualan daring.\n\n"
                "(Baca: Pemerintah Kejar 5 Juta UMKM Digital)\n\n"
                "Sebagai gambaran, bila satu UMKM menjual 10 produk, ada 3 juta produk baru.")
    assert set(cs) == {300000}


# --- speakers ----------------------------------------------------------------------------------------------------

def test_role_words_read_into_a_name_are_dropped():
    cs = claims("Country Manager Tokoku Indonesia Rina Ayuningtyas mengatakan 40 ribu penjual sudah bergabung.")
    assert cs[40000]["speaker"] == "Rina Ayuningtyas"


def test_nickname_after_a_quote_is_the_person_speaking():
    text = ("Bupati Sleman Hendra Gunawan menargetkan 20 ribu UMKM go digital pada 2026.\n\n"
            "\"Saat ini baru 8 ribu,\" kata pria yang akrab disapa Gugun itu.\n\n"
            "Menurut Gugun, 3.000 UMKM lain sedang didampingi.")
    cs = claims(text)
    assert {cs[v]["speaker"] for v in (20000, 8000, 3000)} == {"Hendra Gunawan"}


def test_institution_figures_in_its_officials_account_keep_the_speaker():
    text = ("Kepala Dinas Koperasi Jawa Timur Hermawan Setiadi mengatakan 200 ribu UMKM sudah berjualan daring.\n\n"
            "Dinas Koperasi Jawa Timur juga mencatat 4.500 koperasi sudah memakai aplikasi akuntansi.")
    assert claims(text)[4500]["speaker"] == "Hermawan Setiadi"


def test_citing_sentence_in_a_speakers_account():
    text = ("Menteri Koperasi Budi Arie mengatakan digitalisasi harus dipercepat.\n\n"
            "Mengutip survei sebuah asosiasi, 57 persen UMKM sudah menerima pembayaran digital.")
    assert claims(text)[57]["speaker"] == "Budi Arie Setiadi"


# --- second round: forms seen in interviews, lists and regional copy -----------------------------------------------

def test_interview_transcript_labels_name_the_speaker():
    text = ("Wakil Menteri Koperasi Budi Santoso Wirawan berkunjung ke Kendari.\n\n"
            "TS: Berapa UMKM yang sudah digital?\n\n"
            "Budi: Per Juni tercatat sekitar 410 ribu UMKM di provinsi ini. Tahun depan kami kejar 500 ribu.")
    cs = claims(text)
    assert {cs[v]["speaker"] for v in (410000, 500000)} == {"Budi Santoso Wirawan"}


def test_numbered_items_under_a_header_are_targets_of_its_year():
    text = ("Dinas menyusun sasaran untuk 2026.\n\nSasaran yang dipatok dinas:\n\n"
            "1. UMKM masuk lokapasar: 12.000 unit\n\n2. Koperasi memakai kasir digital: 90 koperasi")
    cs = claims(text)
    assert {(v, c["claim_type"], c["target_year"]) for v, c in cs.items()} == {(12000, "target", 2026),
                                                                             (90, "target", 2026)}


def test_currency_conversion_is_one_fact_and_an_forms_with_hyphen():
    cs = claims("Nilai ekspor perajin lewat lokapasar tahun ini sekitar 200 ribu dolar AS atau setara Rp 3,1 miliar.")
    assert set(cs) == {200000}
    cs = claims("Dari 2.400-an koperasi aktif di kabupaten itu, baru 310 yang laporannya digital.")
    assert (cs[2400]["qualifier"], cs[2400]["claim_type"], cs[310]["claim_type"]) == ("sekitar", "other", "achievement")


def test_half_of_a_population_is_a_share_and_growth_multiples_in_words():
    c = claims("\"Target kami separuh UMKM kota ini sudah digital pada 2027,\" ujar Wali Kota Rina Ayu.")
    assert (c[50]["unit"], c[50]["claim_type"], c[50]["target_year"]) == ("persen", "target", 2027)
    c = claims("Perajin itu mengaku penjualannya kini naik tiga kali lipat sejak berjualan daring.")
    assert c[3]["claim_type"] == "achievement"


def test_an_earlier_level_without_its_later_value_in_the_clause():
    cs = claims("Porsi UMKM yang berjualan daring kini 38 persen. Angka itu naik dari 29 persen pada survei 2023.")
    assert cs[29]["claim_type"] == "achievement"
    cs = claims("Dinas mencatat 5.000 perajin ikut pameran daring tahun ini, naik dari 3.000 perajin tahun lalu.")
    assert cs[3000]["claim_type"] == cs[5000]["claim_type"] == "other"  # participants, then and now


def test_the_goal_of_a_remainder_and_its_deadline():
    text = ("Gubernur Rina Ayu menargetkan 200 ribu UMKM digital pada 2027.\n\n"
            "Untuk mencapai 200 ribu, masih ada 70 ribu UMKM yang wajib didampingi sebelum tenggat itu.")
    cs = claims(text, published="2025-03-03")
    assert (cs[70000]["claim_type"], cs[70000]["target_year"]) == ("target", 2027)


def test_a_name_set_off_by_commas_after_a_long_description():
    cs = claims("Salah seorang perajin rotan di Desa Trangsan, Wahyu Pramono, mengaku pesanannya naik 40 persen sejak "
                "berjualan di lokapasar.")
    assert cs[40]["speaker"] == "Wahyu Pramono"
