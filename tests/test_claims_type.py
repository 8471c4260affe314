"""Claim-type rules of the figure's role in its clause (issue 11, kinds 1-5); invented sentences, one rule each."""
from extract.claims import extract_claims
from extract.claims.clauses import clause_at

LEAD = "Program digitalisasi UMKM di daerah itu terus berjalan. "


def claims(text, published="2025-05-06"):
    return {c["value"]: c for c in extract_claims({"id": "T", "text": LEAD + text, "published": published})}


def test_an_enumeration_of_size_classes_is_not_a_clause_boundary():
    s = "Mulai Maret, retribusi bagi usaha mikro, kecil, dan menengah turun dari 2 persen menjadi 1 persen."
    assert "retribusi" in s[clause_at(s, s.index("2 persen")).start:]
    cs = claims(s)
    assert cs[2]["claim_type"] == "other"  # the earlier value of a policy parameter (R12 a)


def test_a_negated_modal_sets_no_goal():
    cs = claims("Di antara penjual yang belum memakai dompet digital, 38 persen merasa tidak perlu.")
    assert cs[38]["claim_type"] != "target"
    cs = claims("Pada 2026 sebanyak 38 persen pedagang pasar perlu memakai dompet digital.")
    assert cs[38]["claim_type"] == "target"


def test_the_size_class_makeup_of_a_population_is_context_even_when_it_refers_back():
    cs = claims("Jumlah toko yang memakai aplikasi kasir itu sudah 52 ribu. Hampir 95 persen di antaranya "
                "berskala usaha mikro.")
    assert cs[95]["claim_type"] == "other"
    assert cs[52_000]["claim_type"] == "achievement"


def test_a_share_after_a_comma_and_atau_shares_the_cue_of_its_count():
    cs = claims("Hingga Agustus penyerapan dana bergulir sudah Rp 41 miliar, atau 57 persen.")
    assert cs[57]["claim_type"] == "achievement"


def test_a_quota_with_a_possessive_is_a_quota():
    cs = claims("Tahun depan kuotanya kami tambah menjadi 2.600 orang.", published="2025-03-01")
    assert cs[2600]["claim_type"] == "target"


def test_a_figure_named_again_to_comment_on_it_is_not_a_new_claim():
    cs = claims("Sebanyak 71,5 persen koperasi sudah memakai pembukuan digital. \"Angka 71,5 persen tadi kami harap "
                "naik ke 85 persen pada 2027,\" ujarnya.")
    assert cs[71.5]["claim_type"] == "achievement"
    assert cs[85]["claim_type"] == "target" and cs[85]["target_year"] == 2027


def test_a_status_share_in_a_survey_is_a_result_and_a_wish_in_a_survey_is_a_target():
    cs = claims("Survei asosiasi terhadap 900 perajin menemukan hanya 23 persen yang memakai lokapasar.")
    assert cs[23]["claim_type"] == "achievement"
    cs = claims("Kami berharap hasil survei tahun depan bisa di atas 40 persen.")
    assert cs[40]["claim_type"] == "target"


def test_the_base_after_a_share_word_is_context():
    cs = claims("Menurut kepala dinas, angka itu baru sebagian kecil dari sekitar 52 ribu perajin di kabupaten tersebut.")
    assert cs[52_000]["claim_type"] == "other"


def test_a_money_bound_of_a_rule_is_a_threshold_not_a_result():
    cs = claims("Keringanan retribusi berlaku bagi pedagang dengan omzet di bawah Rp 600 juta per tahun.")
    assert cs[600_000_000]["claim_type"] == "other"


def test_the_population_a_body_serves_is_context_unless_realised():
    cs = claims("Koperasi simpan pinjam itu melayani 48 ribu anggota di tiga kecamatan.")
    assert cs[48_000]["claim_type"] == "other"


def test_a_per_cohort_quota_has_no_target_year():
    cs = claims("\"Setiap gelombang akan diisi 35 peserta agar mentoringnya fokus,\" ujar Kepala Dinas Rina Kusuma.",
                published="2025-02-01")
    assert cs[35]["claim_type"] == "target" and cs[35]["target_year"] is None


def test_programme_credit_disbursed_last_year_is_budget_but_private_lending_a_result():
    cs = claims("Penyaluran KUR di kabupaten itu tahun lalu Rp 730 miliar, sebagian besar untuk sektor perdagangan.")
    assert cs[730_000_000_000]["claim_type"] == "budget"  # claims.md: money disbursed by a programme
    cs = claims("OJK mencatat penyaluran pinjaman daring ke pelaku usaha kecil hingga Maret mencapai Rp 18,4 triliun.")
    assert cs[18.4e12]["claim_type"] == "achievement"


def test_procurement_value_is_a_result_and_a_spending_commitment_a_budget():
    cs = claims("Belanja pemerintah provinsi untuk produk dalam negeri lewat e-Katalog sepanjang 2024 mencapai "
                "Rp 3,6 triliun.")
    assert cs[3.6e12]["claim_type"] == "achievement"
    cs = claims("Kepala LKPP menyebut komitmen belanja produk usaha mikro dari seluruh instansi tahun ini mencapai "
                "Rp 520 triliun.")
    assert cs[520e12]["claim_type"] == "budget"


def test_a_startup_funding_round_is_context():
    cs = claims("Perusahaan rintisan agregator warung itu menutup pendanaan seri B sebesar 40 juta dolar AS.")
    assert cs[40e6]["claim_type"] == "other"


def test_the_past_year_of_an_earlier_term_is_not_the_deadline():
    cs = claims("Asosiasi menargetkan penjualan festival belanja tahun ini Rp 12 triliun, naik dari Rp 9,5 triliun pada "
                "tahun lalu.", published="2025-11-20")
    assert cs[12e12]["target_year"] == 2025
    assert cs[9.5e12]["claim_type"] == "achievement"


def test_bare_verb_forms_of_target_and_budget_verbs():
    cs = claims("\"Tahun ini kami bidik 4.200 koperasi,\" kata Kepala Dinas Koperasi Anton Wibisono.", published="2025-02-01")
    assert cs[4200]["claim_type"] == "target" and cs[4200]["target_year"] == 2025
    cs = claims("\"Untuk pelatihan daring kami alokasikan Rp 45 miliar,\" ujar Anton.")
    assert cs[45e9]["claim_type"] == "budget"
    cs = claims("Lokakarya itu dijadwalkan digelar di 12 kota.")
    assert cs[12]["claim_type"] == "target"


def test_a_share_of_businesses_with_a_status_is_a_result_even_in_a_survey():
    cs = claims("Survei kampus itu terhadap 700 perajin menunjukkan 54 persen responden belum pernah memakai lokapasar.")
    assert cs[54]["claim_type"] == "achievement"
    cs = claims("Rinciannya: 37,5 persen berjualan lewat media sosial dan 12,5 persen lewat situs sendiri.")
    assert cs[37.5]["claim_type"] == "achievement"
    # an attribute of the population (its sector) is composition, not a status
    cs = claims("Survei itu juga mencatat 66 persen responden bergerak di bidang kuliner.")
    assert cs[66]["claim_type"] == "other"


def test_a_bound_of_a_credit_scheme_is_a_threshold_not_an_allocation():
    cs = claims("Setiap BUMDes dapat mengajukan pinjaman dengan plafon maksimal Rp 2 miliar dan bunga 6 persen.")
    assert cs[2e9]["claim_type"] == "other"


def test_a_remainder_under_a_modal_is_a_target_even_after_an_apposition_but_a_gap_between_data_is_not():
    cs = claims("\"Sisanya, sekitar 2,7 juta, harus kita rangkul bersama bank daerah sampai akhir 2026,\" ujar Kepala "
                "Dinas Rina Kusuma.")
    assert cs[2.7e6]["claim_type"] == "target" and cs[2.7e6]["target_year"] == 2026
    cs = claims("Pengamat menilai selisih sekitar 1,3 juta UMKM antara dua basis data itu perlu dijelaskan.")
    assert cs[1.3e6]["claim_type"] == "other"


def test_more_of_something_under_a_wish_is_a_target_but_a_remainder_stays_arithmetic():
    cs = claims("Tahun depan dinas berharap bisa merangkul 20 ribu pedagang lagi di pasar kabupaten.", published="2025-03-01")
    assert (cs[20_000]["claim_type"], cs[20_000]["target_year"]) == ("target", 2026)
    cs = claims("Dengan capaian itu, kekurangannya tinggal 400 ribu pedagang lagi.")
    assert cs[400_000]["claim_type"] == "other"


def test_a_whole_population_is_context_but_a_count_with_a_status_a_result():
    cs = claims("Menurut kepala dinas, jumlah perajin di kabupaten itu mencapai sekitar 8.500 unit.")
    assert cs[8500]["claim_type"] == "other"
    cs = claims("Menurut kepala dinas, jumlah perajin yang sudah berjualan daring mencapai 2.100 unit.")
    assert cs[2100]["claim_type"] == "achievement"


def test_new_as_an_adjective_does_not_undo_a_target_verb():
    cs = claims("Tahun ini bank daerah itu menargetkan porsi nasabah baru mencapai 35 persen dari total nasabah kredit.",
                published="2025-02-10")
    assert (cs[35]["claim_type"], cs[35]["target_year"]) == ("target", 2025)


def test_survey_shares_of_obstacles_and_the_sample_make_up_are_context():
    # (FORMAT.md second batch: what respondents name as an obstacle is an opinion, context; a status is a result)
    cs = claims("Survei lembaga itu terhadap 900 pelaku usaha mikro menemukan bahwa kendala terbesar responden adalah "
                "ongkos kirim (44%) dan biaya iklan (31%).")
    assert cs[44]["claim_type"] == "other" and cs[31]["claim_type"] == "other"
    assert cs[900]["claim_type"] == "other"
    cs = claims("Survei yang sama mencatat 63 persen usaha responden dimiliki perempuan.")
    assert cs[63]["claim_type"] == "other"


def test_the_size_classes_of_a_counted_population_are_context_without_a_verb():
    cs = claims("Jumlah pedagang pengguna kasir digital di kota itu mencapai 18.000 pedagang, sekitar 85 persen di "
                "antaranya usaha mikro.")
    assert cs[85]["claim_type"] == "other" and cs[18_000]["claim_type"] == "achievement"


def test_an_average_per_period_is_a_level_but_an_average_per_debtor_a_parameter():
    cs = claims("Menurut pengelola pasar, transaksi nontunai di pasar itu rata-rata mencapai Rp 640 juta per bulan.")
    assert cs[640e6]["claim_type"] == "achievement"
    cs = claims("Bank itu mencatat rata-rata nilai pinjaman per debitur sekitar Rp 38 juta.")
    assert cs[38e6]["claim_type"] == "other"


def test_a_said_base_before_a_part_is_context():
    cs = claims("Kepala dinas itu mengatakan dari sekitar 27 ribu perajin yang terdata, baru 3.100 yang berjualan daring.")
    assert cs[27_000]["claim_type"] == "other" and cs[3100]["claim_type"] == "achievement"
    cs = claims("Dari sekitar 9.400 pedagang yang terdaftar di pasar kota, sepertiga di antaranya sudah memakai QRIS.")
    assert cs[9400]["claim_type"] == "other"


def test_a_spending_commitment_named_earlier_in_the_sentence_is_a_budget():
    cs = claims("Menurut kepala LKPP, komitmen belanja produk usaha mikro dari kementerian, lembaga, dan pemerintah daerah "
                "tahun ini mencapai Rp 610 triliun, dengan realisasi hingga Mei Rp 190 triliun.")
    assert cs[610e12]["claim_type"] == "budget" and cs[190e12]["claim_type"] == "achievement"


def test_the_bound_a_rule_sets_and_a_loan_quality_ratio_are_parameters():
    cs = claims("Rasio kredit macet program itu 1,8 persen, masih di bawah batas 4 persen yang ditetapkan regulator.")
    assert cs[1.8]["claim_type"] == "other" and cs[4]["claim_type"] == "other"


def test_a_business_own_sales_count_in_any_noun_is_a_result():
    cs = claims("\"Dulu sebulan paling laku 35 kodi, sekarang bisa 90 kodi,\" kata perajin itu.")
    assert cs[35]["claim_type"] == "achievement"


def test_a_comparison_base_tied_to_a_time_is_an_earlier_level_but_a_population_base_context():
    cs = claims("Jumlah toko kelontong yang memakai kasir digital kini 48 ribu, bertambah 9 ribu dibandingkan posisi "
                "Maret tahun lalu yang sebanyak 39 ribu toko.")
    assert cs[39_000]["claim_type"] == "achievement"  # R12 a: an earlier level of a tracked quantity
    cs = claims("Capaian itu masih kecil dibandingkan jumlah usaha mikro di provinsi itu yang mencapai 910 ribu unit.")
    assert cs[910_000]["claim_type"] == "other"
    cs = claims("Penjualan tiket konser daring tahun ini diperkirakan Rp 4 triliun. Angka itu naik dibandingkan "
                "periode yang sama tahun lalu sebesar Rp 3 triliun.")
    assert cs[3e12]["claim_type"] == "other"  # the earlier value of a forecast context figure stays context


def test_the_partners_of_a_running_programme_are_a_current_figure_and_planned_ones_a_target():
    cs = claims("Untuk pendampingan, dinas bekerja sama dengan empat koperasi simpan pinjam dan dua kampus.")
    assert cs[4]["claim_type"] == "achievement" and cs[2]["claim_type"] == "achievement"  # R1 exception
    cs = claims("Tahun depan dinas akan menggandeng lima perguruan tinggi untuk pelatihan.", published="2025-03-01")
    assert cs[5]["claim_type"] == "target"
    cs = claims("Kini ada 14 puskesmas di kabupaten itu yang sudah memakai pembayaran nontunai.")
    assert cs[14]["claim_type"] == "achievement"  # places with a realised status (R10)


def test_proposed_recipients_and_applicants_are_context_but_a_proposed_goal_a_target():
    cs = claims("Sampai pekan ini dinas sudah mengirim usulan 84 ribu calon penerima hibah alat produksi.")
    assert cs[84_000]["claim_type"] == "other"  # R10: applicant counts
    cs = claims("Jumlah pendaftar kelas ekspor digital itu mencapai 2.300 pelaku usaha.")
    assert cs[2300]["claim_type"] == "other"
    cs = claims("Saya mengusulkan agar dinas membidik 5.000 UMKM yang memakai QRIS pada 2026.")
    assert cs[5000]["claim_type"] == "target"


def test_a_rate_set_by_a_target_verb_and_an_analyst_price_target_are_context():
    cs = claims("Pemda menetapkan tarif retribusi pasar digital sebesar 1,5 persen mulai Juli.")
    assert cs[1.5]["claim_type"] == "other"  # a rate is a parameter (R12 a), whoever sets it
    cs = claims("Analis itu memasang target harga Rp 2.150 per saham untuk emiten ritel tersebut.")
    assert cs[2150]["claim_type"] == "other"  # a forecast (R1 exception)
    cs = claims("Komisi penjualan di aplikasi itu naik dari sekitar 3 persen menjadi 5 persen.")
    assert cs[3]["claim_type"] == "other"
    cs = claims("Dinas menargetkan 1.500 pedagang memakai QRIS pada 2026.", published="2025-03-01")
    assert cs[1500]["claim_type"] == "target"


def test_a_target_of_programme_money_paid_out_is_a_budget_but_a_sales_target_a_target():
    cs = claims("Penyaluran dana bergulir untuk koperasi tahun depan dipatok Rp 2,4 triliun.", published="2025-03-01")
    assert cs[2.4e12]["claim_type"] == "budget"  # planned programme money (R1 exception)
    cs = claims("Nilai penjualan produk lokal di pameran daring itu ditargetkan Rp 80 miliar pada 2026.",
                published="2025-03-01")
    assert cs[8e10]["claim_type"] == "target"


def test_budget_nouns_with_a_possessive_and_bare_verbs_are_budget_cues_and_a_default_ratio_context():
    cs = claims("Untuk tahun ini, pagunya Rp 12 miliar, naik dari Rp 9 miliar pada 2024.")
    assert cs[1.2e10]["claim_type"] == "budget" and cs[9e9]["claim_type"] == "budget"  # R12 a: an earlier allocation
    cs = claims("Dari dinas sendiri kami sediakan sekitar Rp 700 juta untuk pendampingan.")
    assert cs[7e8]["claim_type"] == "budget"
    cs = claims("Tingkat wanprestasi pinjaman itu tercatat 3,4 persen.")
    assert cs[3.4]["claim_type"] == "other"  # a loan-quality ratio is a parameter, like NPL


def test_participants_a_programme_has_reached_are_a_result_but_one_event_or_a_cohort_is_a_seat_count():
    cs = claims("Sepanjang tahun lalu kelas ekspor daring dinas diikuti 1.900 pelaku usaha.")
    assert cs[1900]["claim_type"] == "achievement"  # convention 2026-12-03: participants reached
    cs = claims("Program itu sudah meluluskan 4.200 peserta sejak diluncurkan.")
    assert cs[4200]["claim_type"] == "achievement"
    cs = claims("Bazar kuliner akhir pekan itu diikuti 75 UMKM dari tiga kecamatan.")
    assert cs[75]["claim_type"] == "other"  # one event's attendance (R10)
    cs = claims("Setiap kelas pendampingan diikuti 30 pelaku usaha.")
    assert cs[30]["claim_type"] == "other"  # a seat count per cohort


def test_a_plan_cue_earlier_in_the_sentence_plans_the_reach_of_a_later_clause():
    cs = claims("Dana segar itu akan dipakai untuk merekrut pendamping, membangun gudang, dan ekspansi ke 20 kabupaten "
                "baru tahun ini.")
    assert cs[20]["claim_type"] == "target"  # R13: planned reach
    cs = claims("Dana itu dipakai untuk pelatihan di 14 kabupaten, dari pesisir sampai pegunungan.")
    assert cs[14]["claim_type"] == "achievement"


def test_industry_wide_lending_and_electronic_trade_totals_are_market_context():
    cs = claims("Menurut asosiasi, nilai transaksi perdagangan elektronik nasional pada 2019 mencapai Rp 260 triliun.")
    assert cs[2.6e14]["claim_type"] == "other"  # R5: a market-wide quantity
    cs = claims("Penyaluran industri pinjaman daring tercatat Rp 71 triliun per Maret.")
    assert cs[7.1e13]["claim_type"] == "other"


def test_a_loan_bound_per_unit_and_a_threshold_are_parameters_but_a_grant_per_recipient_a_budget():
    cs = claims("Setiap kelompok tani bisa mengajukan kredit hingga Rp 750 juta tanpa agunan.")
    assert cs[7.5e8]["claim_type"] == "other"
    cs = claims("Bank daerah tidak memungut biaya provisi untuk pinjaman di bawah Rp 50 juta.")
    assert cs[5e7]["claim_type"] == "other"
    cs = claims("Setiap perajin binaan mendapat mesin jahit senilai Rp 3,5 juta dari dinas.")
    assert cs[3.5e6]["claim_type"] == "budget"
    cs = claims("Setiap tahun pemerintah kota menganggarkan Rp 6 miliar untuk pelatihan digital.")
    assert cs[6e9]["claim_type"] == "budget"  # "setiap tahun" is a period, not a unit


def test_an_estimate_of_the_present_is_typed_like_what_it_measures_but_a_forecast_is_context():
    shares = [c for c in claims("Pemilik kedai itu memperkirakan sekitar 30 persen pelanggannya kini memesan lewat "
                                "aplikasi.").values()]
    assert shares and shares[0]["claim_type"] == "achievement"
    cs = claims("Asosiasi memperkirakan 40 persen pedagang pasar akan memakai QRIS tahun depan.")
    assert cs[40]["claim_type"] != "achievement"  # a forecast (R1 exception)


def test_a_cue_window_never_starts_inside_a_word():
    from extract.claims.claim_type import _tail
    text = "Direktur itu mengatakan, saat ini ada"
    assert _tail(text, len("akan, saat ini ada")) == "saat ini ada"  # not "akan, ...": a false target cue
    assert _tail(text, len(" mengatakan, saat ini ada")) == " mengatakan, saat ini ada"
    assert _tail("pendek", 70) == "pendek"
    cs = claims("Pengelola pasar itu mengatakan, saat ini terdapat 640 pedagang aktif, dan 85 persen di antaranya "
                "merupakan usaha mikro.")
    assert cs[85]["claim_type"] != "target"


def test_the_size_class_make_up_after_a_realised_count_is_context():
    cs = claims("Jumlah mitra toko aplikasi itu sudah menembus 90 ribu, dan 93 persen di antaranya merupakan usaha mikro.")
    assert cs[93]["claim_type"] == "other" and cs[90_000]["claim_type"] == "achievement"


def test_the_money_floor_of_a_rule_in_force_is_a_parameter_but_a_mandated_share_a_goal():
    cs = claims("Pemkab mewajibkan setiap pegawai honorer membeli produk UMKM lewat aplikasi itu minimal Rp 150 ribu "
                "per bulan.")
    assert cs[150_000]["claim_type"] == "other"
    cs = claims("Dinas wajib membelanjakan minimal 35 persen anggaran pengadaan untuk produk koperasi.")
    assert cs[35]["claim_type"] == "target"


def test_a_survey_sample_and_an_enumerated_national_population_are_context():
    cs = claims("Riset itu dilakukan terhadap 1.800 pelaku usaha di 12 kota.")
    assert cs[1800]["claim_type"] == "other"
    cs = claims("Badan statistik mencatat 58 juta usaha mikro, kecil, dan menengah di seluruh Indonesia.")
    assert cs[58e6]["claim_type"] == "other"


def test_a_count_named_with_a_status_clause_is_a_result_but_one_named_where_it_is_recorded_context():
    cs = claims("Hingga Maret, jumlah koperasi yang memakai aplikasi akuntansi mencapai 2.750 unit.")
    assert cs[2750]["claim_type"] == "achievement"  # R10
    cs = claims("Jumlah UMKM yang bergabung sebagai mitra toko sebanyak 8.300 unit.")
    assert cs[8300]["claim_type"] == "achievement"
    cs = claims("Jumlah UMKM yang terdata di kabupaten itu mencapai 41 ribu unit.")
    assert cs[41_000]["claim_type"] == "other"


def test_a_remainder_scheduled_for_a_later_year_is_planned_but_arithmetic_with_time_left_is_not():
    cs = claims("Sisanya, sebelas koperasi, masuk tahap berikutnya pada 2027.", published="2025-03-01")
    assert cs[11]["claim_type"] == "target"  # R4: placed under a plan
    cs = claims("Jadi kekurangannya masih 250 ribu pedagang, dengan waktu setahun lagi.", published="2025-03-01")
    assert cs[250_000]["claim_type"] == "other"  # R4: arithmetic


def test_both_levels_of_a_then_and_now_contrast_are_results():
    cs = claims("\"Dulu omzet warung kami sebulan Rp 8 juta, sekarang bisa Rp 21 juta,\" ujarnya.")
    assert cs[8e6]["claim_type"] == "achievement" and cs[2.1e7]["claim_type"] == "achievement"


def test_shares_named_only_by_size_classes_are_a_make_up_but_a_share_with_a_status_a_result():
    cs = claims("Dari nilai pesanan di aplikasi itu, 58 persen diserap usaha mikro, 30 persen usaha kecil, dan 12 persen "
                "usaha menengah.")
    assert {cs[v]["claim_type"] for v in (58, 30, 12)} == {"other"}  # R10: make-up by size class
    cs = claims("Survei dinas mencatat 44 persen usaha mikro dan kecil sudah memakai dompet digital.")
    assert cs[44]["claim_type"] == "achievement"


def test_a_context_noun_owned_by_umkm_measures_them():
    cs = claims("Pada 2023, ekspor produk UMKM provinsi itu tercatat US$ 310 juta.")
    assert cs[3.1e8]["claim_type"] == "achievement"
    cs = claims("Pada 2023, ekspor nasional tercatat US$ 258 miliar.")
    assert cs[2.58e11]["claim_type"] == "other"


def test_the_from_value_of_a_target_statement_is_its_first_step_this_year_or_the_baseline_now():
    cs = claims("Kami ingin 60 ribu pedagang memakai QRIS pada 2027, dari 25 ribu tahun ini.", published="2026-02-01")
    assert cs[25_000]["claim_type"] == "target" and cs[25_000]["target_year"] == 2026  # R12 b
    cs = claims("Kami ingin 60 ribu pedagang memakai QRIS pada 2027, dari sekitar 18 ribu saat ini.",
                published="2026-02-01")
    assert cs[18_000]["claim_type"] == "achievement"  # R12 a
    cs = claims("Kami ingin porsi kredit produktif naik dari 30 persen sekarang menjadi minimal 45 persen pada 2027.",
                published="2026-02-01")
    assert cs[45]["claim_type"] == "target"


def test_the_realisation_of_programme_money_is_budget_but_of_sales_a_result():
    cs = claims("Pemprov mengalokasikan dana bergulir Rp 90 miliar tahun ini. Sampai Juli realisasinya baru "
                "Rp 35 miliar.")
    assert cs[35_000_000_000]["claim_type"] == "budget"
    cs = claims("Menurut data kanwil, realisasi Kredit Usaha Rakyat di kabupaten itu mencapai Rp 820 miliar.")
    assert cs[820_000_000_000]["claim_type"] == "budget"
    cs = claims("Hingga Mei penyerapannya tercatat Rp 12 miliar atau 40 persen dari pagu.")
    assert cs[12_000_000_000]["claim_type"] == "budget"
    cs = claims("Realisasi transaksi di pameran itu mencapai Rp 4 miliar.")
    assert cs[4_000_000_000]["claim_type"] != "budget"


def test_programme_money_paid_out_under_any_form_of_the_disbursement_verb_is_budget():
    cs = claims("Sampai pekan lalu, pinjaman lunak yang sudah dicairkan mencapai Rp 460 miliar kepada 900 koperasi.")
    assert cs[460_000_000_000]["claim_type"] == "budget"
    cs = claims('"Jumlah yang sudah kami salurkan sampai kemarin Rp 7,2 miliar," ujarnya.')
    assert cs[7_200_000_000]["claim_type"] == "budget"
    cs = claims("Adapun kredit yang disalurkan perbankan kepada UMKM mencapai Rp 640 triliun.")
    assert cs[640_000_000_000_000]["claim_type"] == "achievement"  # bank lending at large stays a realised volume
