"""Which figures become claims at all (docs/claims.md "Missed and spurious figures by kind, 2.3"): counts of any noun,
nouns left out, generic "satu", enumerators, names, headlines, currency conversions; and the years, dates and
qualifiers of the figures kept. Every sentence is invented."""
from extract.claims import extract_claims
from extract.numbers import find_quantities

LEAD = "Dinas Koperasi dan UKM terus mendorong digitalisasi pelaku UMKM di daerah itu. "


def claims(text, published="2025-05-06", lead=LEAD):
    return extract_claims({"id": "F", "text": lead + text, "published": published})


def by_value(text, **kw):
    return {c["value"]: c for c in claims(text, **kw)}


# -- what a count counts ---------------------------------------------------------------------------------------------

def test_a_number_before_a_noun_no_list_names_counts_that_noun():
    got = by_value("Koperasi nelayan itu kini mengoperasikan 12 gudang pendingin di pesisir utara.")
    assert got[12.0]["unit"] == "gudang"


def test_measure_words_of_goods_and_orders_are_counts_of_products_and_transactions():
    got = by_value("Sejak masuk lokapasar, Wulan menjual 85 lembar songket sebulan dan menerima 40 pesanan sepekan.")
    assert got[85.0]["unit"] == "produk"
    assert got[40.0]["unit"] == "transaksi"


def test_agent_nouns_count_people():
    got = by_value("Tahun ini dinas sudah melatih 45 penyuluh dan 30 wartawan ekonomi.")
    assert got[45.0]["unit"] == "orang" and got[30.0]["unit"] == "orang"


def test_a_noun_of_the_agent_shape_that_is_a_thing_is_not_a_person():
    got = by_value("Sentra batik itu kini memakai 12 perangkat kamera untuk siaran langsung di lokapasar.")
    assert got[12.0]["unit"] != "orang"


def test_a_function_word_after_the_number_names_nothing():
    got = by_value("Menurut Kepala Dinas Rahmat Hidayat, angkanya 37 dan belum berubah.")
    assert 37.0 not in got


def test_satu_as_an_indefinite_article_is_no_claim_but_a_qualified_or_added_one_is():
    assert 1.0 not in by_value("Satu pembeli bisa memesan dari lebih dari satu pedagang sekaligus.")
    assert 1.0 in by_value("Dinas ingin setiap kecamatan punya minimal satu gerai oleh-oleh daring.")
    assert 1.0 in by_value("Bulan depan Wulan berencana merekrut satu penjahit lagi.")


def test_counts_of_parts_of_a_programme_are_out_of_scope():
    got = by_value("Kurikulum pelatihan itu terdiri atas enam modul, sementara buku panduannya memuat lima fakta penting.")
    assert 6.0 not in got and 5.0 not in got


def test_a_number_inside_a_capitalised_name_is_no_claim():
    got = by_value("Perusahaan itu bermitra dengan PT Nusantara 7 Logistik untuk pengiriman paket UMKM.")
    assert 7.0 not in got


# -- nouns left out --------------------------------------------------------------------------------------------------

def test_a_bare_number_taken_from_a_base_counts_the_noun_of_the_base():
    got = by_value("Data dinas menunjukkan baru 730 dari sekitar 4.200 nelayan yang memakai aplikasi lelang ikan.")
    assert got[730.0]["unit"] == "orang"


def test_a_bare_number_continues_the_count_the_text_is_running():
    text = ("Tahun lalu koperasi yang memakai aplikasi kasir tercatat 310 koperasi. "
            "\"Sekarang sudah 520,\" kata Kepala Dinas Rahmat Hidayat.")
    got = by_value(text)
    assert got[520.0]["unit"] == "koperasi"


def test_a_bare_number_names_what_the_clause_counts():
    got = by_value("Jumlah bank penyalur kredit digital di provinsi itu sekarang 17.")
    assert got[17.0]["unit"] == "bank"


def test_an_age_in_brackets_and_a_list_enumerator_are_no_claims():
    got = by_value("Perajin rotan, Sumarni (47), kini berjualan di tiga lokapasar.\n\n2.\n\nPelatihan digital berlanjut.")
    assert 47.0 not in got and 2.0 not in got


# -- one fact, one claim; out-of-scope lines ---------------------------------------------------------------------------

def test_an_amount_restated_in_another_currency_after_a_year_is_one_claim():
    got = by_value("Nilai ekspor kerajinan UMKM diperkirakan mencapai 2 miliar dolar AS pada 2026, atau setara Rp 32 "
                   "triliun.")
    assert 2e9 in got and 3.2e13 not in got


def test_a_headline_line_in_the_text_is_no_claim():
    text = "Pemkot Targetkan 5.000 UMKM Masuk Lokapasar\n\nPameran produk lokal dibuka di alun-alun kota."
    assert 5000.0 not in by_value(text)


def test_an_illustration_whose_example_describes_a_report_stays_out():
    text = ("Sebagai gambaran, satu koperasi dengan 900 anggota bisa menyusun laporan bulanan dalam sehari "
            "dengan aplikasi itu.")
    assert 900.0 not in by_value(text)


# -- target years, as_of, qualifiers ---------------------------------------------------------------------------------

def test_a_quota_per_place_has_no_target_year():
    got = by_value("Pada 2026, setiap kecamatan akan mendapat kuota pendampingan 40 pelaku usaha.")
    assert got[40.0]["claim_type"] == "target" and got[40.0]["target_year"] is None


def test_a_rate_belongs_to_its_own_figure_not_to_the_goal_after_it():
    got = by_value("\"Kita perlu tambahan 50 ribu UMKM setiap tahun untuk mencapai 400 ribu UMKM pada 2029,\" kata "
                   "Kepala Dinas Rahmat Hidayat.")
    assert got[400000.0]["target_year"] == 2029


def test_a_deadline_month_without_a_year_falls_in_the_year_of_the_statement():
    got = by_value("Dinas akan menyalurkan 2.500 tablet kasir kepada pedagang pasar paling lambat akhir Oktober.")
    assert got[2500.0]["claim_type"] == "target" and got[2500.0]["target_year"] == 2025


def test_years_ago_is_when_a_target_was_set_not_its_deadline():
    got = by_value("Tiga tahun lalu pemerintah provinsi mematok 500 ribu UMKM masuk ekosistem digital pada 2027.")
    assert got[500000.0]["target_year"] == 2027


def test_a_list_of_business_sizes_does_not_cut_the_target_from_its_year():
    got = by_value("Gubernur menargetkan dua juta usaha mikro, kecil, dan menengah di provinsinya berjualan daring "
                   "pada 2028.")
    assert got[2e6]["target_year"] == 2028


def test_as_of_takes_the_end_month_of_a_period():
    got = by_value("Pada akhir 2023, koperasi yang memakai aplikasi akuntansi tercatat 1.200 koperasi.")
    assert got[1200.0]["as_of"] == "2023-12"


def test_the_qualifier_next_to_the_number_wins():
    got = by_value("Menurut survei dinas, baru sekitar 12 persen pedagang pasar yang menerima QRIS.")
    assert got[12.0]["qualifier"] == "sekitar"


# -- number forms ----------------------------------------------------------------------------------------------------

def test_number_forms_digits_with_ratus_percentage_points_and_price_ranges():
    (q,) = find_quantities("omzetnya 6 sampai 9 ratus ribu rupiah sehari")
    assert (q.value, q.value_max, q.unit) == (600000.0, 900000.0, "rupiah")
    (q,) = find_quantities("naik 3,5 poin persentase")
    assert (q.value, q.unit) == (3.5, "persen")
    (q,) = find_quantities("berkisar Rp 250.000 hingga Rp 1,5 juta per potong")
    assert (q.value, q.value_max) == (250000.0, 1500000.0)


def test_this_year_written_as_setahun_ini_or_tahun_berjalan_is_the_year_of_the_statement():
    got = by_value("Artinya, dalam setahun ini sekitar 6.500 pedagang harus didorong memakai QRIS.")
    assert got[6500.0]["target_year"] == 2025
    got = by_value("Kuota pelatihan dinaikkan dari 900 peserta untuk tahun berjalan menjadi 1.400 peserta pada 2027.")
    assert got[900.0]["target_year"] == 2025


def test_a_span_of_years_gives_way_to_the_year_the_sentence_states():
    got = by_value("Dinas membidik 240 pasar digital pada 2027, atau tambahan 95 pasar dalam dua tahun.")
    assert got[95.0]["target_year"] == 2027


def test_a_rate_after_a_comma_does_not_belong_to_the_figure_before_it():
    got = by_value("\"Dinas perlu memasang target antara, misalnya 45 persen pada 2028, dan mengukurnya setiap tahun,\" "
                   "kata Kepala Dinas Rahmat Hidayat.")
    assert got[45.0]["target_year"] == 2028


def test_survey_methodology_figures_are_no_claims():
    got = by_value("Survei dinas terhadap 1.100 pedagang mencatat 46 persen sudah menerima QRIS. Margin of error "
                   "survei itu sekitar 3 persen dengan tingkat kepercayaan 95 persen.")
    assert 46.0 in got and 3.0 not in got and 95.0 not in got


def test_a_figure_named_again_without_its_noun_is_the_fact_stated_before():
    text = ("Kementerian mencatat 27 juta UMKM sudah masuk ekosistem digital. "
            "Menurut pengamat Rina Sari, angka 27 juta belum menggambarkan UMKM yang benar-benar aktif.")
    assert [c["value"] for c in claims(text)].count(27e6) == 1


def test_a_share_in_words_of_a_price_is_no_claim_but_a_share_of_businesses_is():
    got = by_value("Ongkos kirim satu paket ke Surabaya mencapai Rp 30.000, hampir separuh harga sebotol madu.")
    assert 50.0 not in got
    got = by_value("Menurut survei dinas, separuh pedagang pasar sudah menerima QRIS.")
    assert got[50.0]["unit"] == "persen"


def test_a_modifier_before_the_counted_noun_is_skipped():
    got = by_value("Dinas sudah memverifikasi 5.400 calon penerima bantuan alat produksi.")
    assert got[5400.0]["unit"] == "orang"


def test_the_year_in_the_number_of_a_regulation_is_no_deadline():
    text = ("Aturan itu merujuk pada Peraturan Bupati Nomor 14 Tahun 2023 tentang belanja daerah. Pemerintah kabupaten "
            "wajib membelanjakan minimal 35 persen anggaran pengadaan untuk produk koperasi dan usaha kecil.")
    got = by_value(text)
    assert got[35.0]["claim_type"] == "target" and got[35.0]["target_year"] is None


def test_data_lines_of_a_list_are_claims_counting_what_the_list_introduces():
    text = ("Pedagang pasar yang sudah menerima pembayaran QRIS paling banyak ada di tiga kota. Rinciannya:\n\n"
            "1. Kota Malang: 12.400 pedagang\n2. Kota Kediri: 8.150 pedagang\n3. Kota Blitar: 5.900 pedagang\n\n"
            "Dinas menilai sebarannya belum merata.")
    got = by_value(text)
    assert {12400.0, 8150.0, 5900.0} <= set(got)
    assert got[8150.0]["claim_type"] == "achievement"


def test_a_data_line_restated_by_the_paragraph_under_it_is_one_claim():
    text = ("Berikut dua sasaran dinas tahun ini:\n\n1. Pelatihan ekspor: 3.200 peserta\n\n"
            "Pelatihan ekspor tahun ini ditargetkan diikuti 3.200 pelaku usaha dari seluruh kecamatan.")
    got = [c for c in claims(text, published="2025-03-04") if c["value"] == 3200.0]
    assert len(got) == 1 and got[0]["claim_type"] == "target"


def test_places_and_countries_reached_are_counts_whatever_the_preposition():
    text = ("Berkat lokapasar, perajin tenun itu kini menerima pesanan dari 17 provinsi dan mengirim produknya ke "
            "lima negara di Eropa.")
    got = by_value(text)
    assert 17.0 in got and 5.0 in got


def test_places_a_survey_sampled_stay_out():
    got = by_value("Survei itu melibatkan 900 responden pelaku usaha di 11 provinsi pada Maret lalu.")
    assert 11.0 not in got


def test_goods_shipped_by_weight_and_scaled_counts_of_times_are_claims():
    text = ("Koperasi kopi itu mengirim 8 ton biji kopi ke Belanda tahun ini. Aplikasi kasirnya sudah dipakai "
            "2,3 juta kali sejak peluncuran.")
    got = by_value(text)
    assert 8.0 in got and got[8.0]["unit"] == "ton"
    assert 2300000.0 in got


def test_a_multiple_of_a_price_is_context_and_occasions_stay_out():
    got = by_value("Biaya sertifikasi di daerah terpencil bisa empat kali harga di kota. Pendamping datang dua kali "
                   "seminggu.")
    assert got[4.0]["claim_type"] == "other"
    assert 2.0 not in got


def test_a_distance_outside_a_business_sentence_is_no_claim():
    assert 30.0 not in by_value("Jalan desa sepanjang 30 kilometer itu rusak berat sejak Januari.")


def test_one_percent_and_a_quadrillion_are_figures():
    got = by_value("\"Yang sudah ekspor belum sampai satu persen,\" katanya. Total kredit bank itu mencapai Rp1,2 "
                   "kuadriliun per Juni.")
    assert 1.0 in got and got[1.0]["unit"] == "persen"
    assert 1.2e15 in got


def test_a_scaled_figure_before_last_year_is_a_count_not_a_duration():
    got = by_value("Peserta festival belanja daring tahun ini 2,8 juta UMKM, naik dari 2,1 juta tahun lalu.")
    assert 2100000.0 in got


def test_the_same_sum_in_two_years_and_a_range_beside_its_bound_are_separate_facts():
    text = ("Dinas mendapat alokasi dana pendampingan Rp40 miliar tahun lalu. Untuk 2026, dinas kembali mendapat "
            "alokasi Rp40 miliar. Bunga pinjaman koperasi itu di kisaran 4 sampai 6 persen, dengan kredit macet di "
            "bawah 4 persen.")
    got = claims(text, published="2025-08-01")
    assert sum(1 for c in got if c["value"] == 4e10) == 2
    assert sum(1 for c in got if c["value"] == 4.0) == 2


def test_a_figure_pointing_back_is_the_earlier_claim_unless_the_target_moves_to_a_new_year():
    text = ("Pemerintah kabupaten menargetkan 40 persen pedagang pasar memakai QRIS pada 2025. \"Dari 40 persen itu, "
            "realisasinya baru 18 persen,\" kata Kepala Dinas Budi Santosa. Kini sasaran 40 persen itu digeser dan "
            "harus tercapai pada 2026.")
    got = [c for c in claims(text, published="2025-10-01") if c["value"] == 40.0]
    assert sorted(c["target_year"] for c in got) == [2025, 2026]


def test_a_value_marked_as_the_one_before_is_an_earlier_level():
    got = by_value("Bunga pinjaman koperasi itu turun menjadi 6 persen mulai Juli, dari sebelumnya hingga 11 persen.")
    assert got[11.0]["claim_type"] != "target"


def test_the_sentences_after_an_illustration_in_its_paragraph_go_on_with_the_example():
    text = ("Sebagai gambaran, perajin yang menjual 20 tas sebulan membayar komisi Rp 300 ribu. Setelah ongkos kirim, "
            "sisa labanya tinggal Rp 1,2 juta.\n\nDinas mencatat 4.100 perajin sudah berjualan daring.")
    got = by_value(text)
    assert 1200000.0 not in got and 4100.0 in got


def test_counts_of_conclusions_and_levels_and_a_shopping_day_name_are_no_claims():
    text = ("Rapat kerja menghasilkan lima kesimpulan. Pelatihan dibagi menjadi tiga tingkat. Pada kampanye 12.12, "
            "penjualan 4.500 UMKM binaan naik 40 persen.")
    got = by_value(text)
    assert 5.0 not in got and 3.0 not in got and 12.12 not in got
    assert 4500.0 in got and 40.0 in got


def test_a_grant_per_recipient_restated_is_one_claim():
    text = ("Kepala Dinas Koperasi Rahmat Hidayat mengatakan setiap penerima akan mendapat Rp1,8 juta yang "
            "ditransfer ke rekening. Pengamat menilai hibah Rp1,8 juta cukup membantu modal awal pedagang.")
    assert sum(1 for c in claims(text) if c["value"] == 1.8e6) == 1


def test_a_deadline_day_and_month_or_next_month_falls_in_the_coming_year():
    got = by_value("Pemerintah akan meresmikan 1.200 koperasi desa secara serentak pada 17 Maret mendatang.",
                   published="2025-11-20")
    assert got[1200.0]["target_year"] == 2026
    got = by_value("\"Bulan depan kami bakal menambah tiga penjahit lagi,\" kata Sumarni.", published="2025-12-10")
    assert got[3.0]["claim_type"] == "target" and got[3.0]["target_year"] == 2026


def test_a_target_named_again_with_its_deadline_is_one_target_claim():
    text = ("Semarang - Dinas Koperasi menargetkan sedikitnya dua ribu koperasi sudah berjualan secara daring pada akhir "
            "2026, naik dari sekitar 800 unit yang saat ini tercatat.\n\n\"Kami tidak mau koperasi hanya jadi penonton. "
            "Dua ribu koperasi online tahun depan itu realistis, asal semua pihak bergerak,\" kata Kepala Dinas Rahmat "
            "Hidayat di Semarang, Rabu.")
    got = [c for c in claims(text, published="2025-09-03", lead="") if c["value"] == 2000.0]
    assert [(c["claim_type"], c["target_year"]) for c in got] == [("target", 2026)]


def test_a_part_of_the_count_before_and_a_multiple_with_a_suffix_are_claims():
    text = ("Koperasi itu mempekerjakan 14 penjahit dari desa sekitar. Lima di antaranya kini bekerja dari rumah. "
            "\"Omzet kami sekarang sudah tiga kali lipatnya,\" kata ketua koperasi, Sri Wahyuni.")
    got = by_value(text)
    assert got[5.0]["unit"] == "orang"
    assert 3.0 in got and got[3.0]["unit"] == "kali"


def test_a_count_in_units_restating_a_count_of_businesses_is_one_claim():
    text = ("Saat ini, jumlah pelaku usaha yang berjualan daring di kabupaten itu baru sekitar 3.400 UMKM.\n\n"
            "\"Yang terdaftar sebagai binaan kami 96.000 unit. Dari jumlah itu, baru 3.400-an unit yang aktif berjualan "
            "online,\" kata Kepala Dinas Rahmat Hidayat.")
    got = [c for c in claims(text) if c["value"] == 3400.0]
    assert len(got) == 1 and got[0]["unit"] == "UMKM"


def test_a_dated_target_of_traders_read_as_businesses_or_people_is_one_claim():
    text = ("Program ini menyasar 30 ribu pedagang di 150 pasar hingga 2027.\n\n\"Kami ingin jumlah peserta naik menjadi "
            "30 ribu orang pada 2027,\" kata Kepala Dinas Rahmat Hidayat.")
    got = [c for c in claims(text) if c["value"] == 30000.0]
    assert len(got) == 1 and got[0]["target_year"] == 2027


def test_a_share_with_decimals_restated_in_a_summary_is_one_claim():
    text = ("Nilai ekonomi digital tumbuh pesat. Porsi usaha yang sudah berjualan online tercatat 17,36 persen, naik dari "
            "tahun sebelumnya.\n\nBerikut ringkasan data ekonomi digital 2024: nilai ekonomi internet US$ 90 miliar; "
            "pertumbuhan tahunan 12%; porsi usaha yang berjualan online 17,36%.")
    got = [c for c in claims(text, published="2025-03-01", lead="") if c["value"] == 17.36]
    assert len(got) == 1 and got[0]["claim_type"] == "achievement"


def test_a_pronoun_after_a_figure_is_not_what_it_counts():
    got = by_value("\"Target 500 ribu pedagang itu sudah lama. Jadi target 800 ribu kita tetapkan untuk 2027,\" kata "
                   "Kepala Dinas Rahmat Hidayat.")
    assert got[800000.0]["unit"] != "kita"


def test_a_figure_pointed_back_to_keeps_the_speaker_who_stated_it_first():
    text = ("Kepala Dinas Koperasi Rahmat Hidayat mengatakan jumlah pedagang yang terdaftar di aplikasi pasar sudah 42 "
            "ribu.\n\n\"Dari 42 ribu itu, berapa yang aktif?\" ujar pengamat ekonomi Sari Lestari.")
    got = [c for c in claims(text, lead="") if c["value"] == 42000.0]
    assert len(got) == 1 and got[0]["speaker"] == "Rahmat Hidayat"


def test_a_target_first_stated_in_narration_takes_the_speaker_who_points_back_to_it():
    text = ("Dinas Koperasi menargetkan 15 ribu pedagang memakai QRIS pada akhir 2026.\n\n\"Target 15 ribu pedagang itu "
            "berat, tapi kami optimistis,\" kata Kepala Dinas Koperasi Rahmat Hidayat.")
    got = [c for c in claims(text, published="2025-09-02", lead="") if c["value"] == 15000.0]
    assert len(got) == 1 and got[0]["speaker"] == "Rahmat Hidayat" and got[0]["target_year"] == 2026


def test_a_bare_number_goes_on_counting_the_noun_of_the_sentence_before_even_a_conditional_one():
    text = ("\"Kalau semua pasar mau didampingi, kami butuh minimal 250 fasilitator. Sekarang baru 90,\" kata Kepala "
            "Dinas Rahmat Hidayat.")
    got = by_value(text)
    assert got[90.0]["unit"] == "orang" and 250.0 not in got
