"""Claim-type rules of round 7 (FORMAT.md "second batch" conventions); invented sentences, one kind each."""
from extract.claims import extract_claims

LEAD = "Program digitalisasi UMKM di daerah itu terus berjalan. "


def claims(text, published="2025-05-06"):
    return {c["value"]: c for c in extract_claims({"id": "T", "text": LEAD + text, "published": published})}


def test_a_survey_share_by_opinion_is_context_but_a_share_with_a_status_a_result():
    cs = claims("Riset asosiasi terhadap 900 perajin menemukan 57 persen responden menilai ongkos kirim terlalu mahal, "
                "sementara 36 persen responden sudah memakai aplikasi kasir.")
    assert cs[57]["claim_type"] == "other"
    assert cs[36]["claim_type"] == "achievement"
    cs = claims("Dalam survei yang sama, 48 persen pedagang mengaku berencana membuka toko daring tahun depan.")
    assert cs[48]["claim_type"] == "other"


def test_the_items_of_a_list_of_obstacles_respondents_name_are_context():
    cs = claims("Menurut survei dinas, hambatan utama yang dihadapi responden adalah akses modal (46 persen), "
                "disusul harga bahan baku (29 persen) dan sinyal internet (12 persen).")
    assert [cs[v]["claim_type"] for v in (46, 29, 12)] == ["other"] * 3
    cs = claims("Sebanyak 52 persen responden menyebut biaya iklan sebagai kendala terbesar, disusul ongkos "
                "kirim (31 persen).")
    assert cs[52]["claim_type"] == "other" and cs[31]["claim_type"] == "other"


def test_consumer_users_and_payment_market_values_are_context_unless_a_target_is_named_for_them():
    cs = claims("Hingga Juni, pengguna QRIS di Sulawesi Tengah tercatat 412 ribu orang. Nilai transaksi uang "
                "elektronik di provinsi itu mencapai Rp 3,6 triliun.")
    assert cs[412_000]["claim_type"] == "other"
    assert cs[3.6e12]["claim_type"] == "other"
    cs = claims("Pengguna QRIS di Sulawesi Tengah tercatat 412 ribu orang, sehingga sasaran pengguna tahun ini "
                "sudah terlampaui.")
    assert cs[412_000]["claim_type"] == "achievement"
    cs = claims("Jumlah merchant pengguna QRIS di Palu mencapai 58 ribu.")
    assert cs[58_000]["claim_type"] == "achievement"  # merchants with the status (R10), not consumers


def test_a_cost_or_price_is_context_but_a_subsidy_of_it_is_programme_money():
    cs = claims("Menurut perajin itu, ongkos kirim satu karung kopi ke Medan bisa mencapai Rp 180.000.")
    assert cs[180_000]["claim_type"] == "other"
    cs = claims("Biaya sewa lapak di pasar itu kini memakan 15 persen dari omzet pedagang.")
    assert cs[15]["claim_type"] == "other"
    cs = claims("Pemkab menyiapkan subsidi ongkos kirim Rp 8.000 per paket bagi perajin.")
    assert cs[8_000]["claim_type"] == "budget"


def test_the_places_of_the_beneficiaries_money_is_set_aside_for_are_planned_reach():
    cs = claims("Tahun ini pemprov menganggarkan Rp 4 miliar untuk kelas pemasaran daring bagi 1.800 perajin di "
                "12 kabupaten.")
    assert cs[12]["claim_type"] == "target"
    cs = claims("Sepanjang tahun lalu dinas telah melatih 1.800 perajin di 12 kabupaten.")
    assert cs[12]["claim_type"] == "achievement"



def test_a_private_lenders_own_money_is_its_result_or_its_plan_never_budget():
    text = ("Platform pinjaman daring PT Modal Warung Nusantara (ModalWarung) mencatat penyaluran pinjaman kepada "
            "pelaku UMKM mencapai Rp 940 miliar sepanjang semester I-2025.\n\n"
            "Tahun depan, ModalWarung menargetkan penyaluran pinjaman menembus Rp 2 triliun.")
    cs = {c["value"]: c for c in extract_claims({"id": "T", "text": text, "published": "2025-07-14"})}
    assert cs[940e9]["claim_type"] == "achievement"
    assert cs[2e12]["claim_type"] == "target" and cs[2e12]["target_year"] == 2026
    cs = claims("Hingga Juni, penyaluran KUR oleh bank penyalur mencapai Rp 120 triliun.")
    assert cs[120e12]["claim_type"] == "budget"  # programme money, whoever pays it out


def test_a_multiple_of_its_own_past_is_a_change_but_a_multiple_of_another_group_a_comparison():
    cs = claims("Pemilik usaha sambal itu mengaku omzetnya kini tiga kali lipat dibanding sebelum berjualan daring.")
    assert cs[3]["claim_type"] == "achievement"
    cs = claims("Menurut kajian itu, biaya iklan di marketplace 2 kali lebih mahal dibandingkan iklan di media sosial.")
    assert cs[2]["claim_type"] == "other"


def test_a_platforms_own_gmv_is_its_result_and_the_markets_gmv_context():
    cs = claims("Sepanjang kuartal II, nilai transaksi bruto (GMV) Jualin mencapai Rp 3,2 triliun.")
    assert cs[3.2e12]["claim_type"] == "achievement"
    cs = claims("Riset itu mencatat GMV e-commerce Indonesia pada 2024 mencapai US$ 65 miliar.")
    assert cs[65e9]["claim_type"] == "other"



def test_a_fee_rate_is_a_parameter():
    cs = claims("Koperasi itu menyalurkan pinjaman kepada anggotanya dengan jasa administrasi 1,5 persen per bulan.")
    assert cs[1.5]["claim_type"] == "other"
    cs = claims("Take rate platform itu sekitar 4 persen dari setiap transaksi penjual.")
    assert cs[4]["claim_type"] == "other"


def test_an_earlier_level_takes_the_type_of_the_figure_it_is_compared_with():
    cs = claims("Kini sekitar 14 persen dari 52.000 koperasi aktif sudah memakai pembukuan digital, naik dari 8 persen "
                "pada 2023.", published="2025-03-01")
    assert cs[14]["claim_type"] == "achievement" and cs[52_000]["claim_type"] == "other"
    assert cs[8]["claim_type"] == "achievement"  # the earlier level of the 14 persen, not of the base
    cs = claims("BI menetapkan tarif MDR QRIS untuk usaha mikro sebesar 0,2 persen, turun dari sebelumnya 0,5 persen.")
    assert cs[0.5]["claim_type"] == "other"  # an earlier parameter stays a parameter


def test_a_population_that_exists_is_context_whoever_records_it_but_members_with_a_status_a_result():
    cs = claims("Dinas Koperasi setempat mencatat terdapat 48 ribu UMKM di Kabupaten Sleman.")
    assert cs[48_000]["claim_type"] == "other"
    cs = claims("Saat ini ada sekitar 9.300 UMKM yang sudah berjualan di aplikasi milik pemkab.")
    assert cs[9_300]["claim_type"] == "achievement"


def test_what_is_left_of_a_budget_is_budget():
    cs = claims("Anggaran pelatihan dinas dipotong Rp 2 miliar sehingga tersisa Rp 5,5 miliar.")
    assert cs[5.5e9]["claim_type"] == "budget"


def test_the_current_or_past_level_a_target_is_set_against_is_a_result():
    cs = claims("Pemkot menargetkan porsi transaksi nontunai di pasar naik menjadi 40 persen pada 2026, dari posisi saat "
                "ini sekitar 22 persen.", published="2025-04-01")
    assert cs[40]["claim_type"] == "target" and cs[22]["claim_type"] == "achievement"
    cs = claims("Penjualan produk lokal di katalog daerah ditargetkan mencapai Rp 90 miliar, naik dari realisasi "
                "Rp 61 miliar pada 2024.", published="2025-04-01")
    assert cs[90e9]["claim_type"] == "target" and cs[61e9]["claim_type"] == "achievement"


def test_the_partners_a_body_works_with_now_are_a_result_beside_a_plan():
    cs = claims("Dinas saat ini bekerja sama dengan 9 marketplace dan akan menggandeng 4 platform lagi tahun depan.")
    assert cs[9]["claim_type"] == "achievement" and cs[4]["claim_type"] == "target"


def test_the_partners_of_a_programme_named_by_their_role_are_its_result():
    cs = claims("Data itu dihimpun dari 15 platform lokapasar mitra program Gerakan Belanja Lokal.")
    assert cs[15]["claim_type"] == "achievement"
    cs = claims("Jumlah bank penyalur KUR di provinsi itu kini 11.")
    assert cs[11]["claim_type"] == "achievement"


def test_a_value_that_points_back_to_a_market_statistic_is_context_too():
    cs = claims("Laporan riset itu memperkirakan nilai transaksi e-commerce Indonesia tahun ini US$ 60 miliar. Adapun "
                "pada 2019, nilainya baru sekitar US$ 21 miliar.")
    assert cs[60e9]["claim_type"] == "other" and cs[21e9]["claim_type"] == "other"
    cs = claims("Sepanjang 2024 nilai transaksi di Toko Daring Pemkab tercatat Rp 42 miliar. Tahun sebelumnya, nilainya "
                "baru Rp 19 miliar.")
    assert cs[19e9]["claim_type"] == "achievement"  # the earlier value of a programme's own result
