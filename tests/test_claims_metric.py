"""Metric of a claim: read from the figure's own clause, its role (base of a share, money allocated) and the cue
data of nlp_models/gazetteer/metrics.yaml. Sentences are invented."""
from extract.claims import extract_claims
from extract.claims.metric import _metric


def claims(text, **kw):
    return extract_claims({"id": "M1", "text": text, "published": "2024-08-20", **kw})


def by_value(cs, value):
    return next(c for c in cs if c["value"] == value)


def test_merchants_paying_without_cash_are_onboarded_businesses():
    cs = claims("Bank Indonesia mencatat jumlah merchant UMKM yang menerima pembayaran nontunai di Gorontalo sudah "
                "mencapai 64 ribu pada Juli 2024.")
    assert by_value(cs, 64000)["metric"] == "umkm_onboarded_digital"


def test_the_occasion_of_a_statement_does_not_give_the_metric():
    clause = "sekitar 81 persen merupakan usaha mikro,\" ujar rahmat saat membuka gelar produk qris di alun-alun"
    assert _metric(clause, "persen", "", clause, "sekitar ") is None
    # without the speech tail the same clause would have been read as a digital-onboarding share
    assert _metric(clause, "persen", "qris", clause + " qris", "sekitar ") == "umkm_onboarded_digital"


def test_the_base_of_a_share_counts_the_population():
    cs = claims("Kepala dinas itu menyebut, dari 52 ribu UMKM di kabupaten tersebut, baru 6.100 unit yang sudah "
                "berjualan di lokapasar.")
    assert by_value(cs, 52000)["metric"] == "umkm_population"
    assert by_value(cs, 6100)["metric"] == "umkm_onboarded_digital"


def test_an_allocation_without_another_metric_is_a_government_budget():
    cs = claims("Pemerintah kota menganggarkan Rp 3,2 miliar tahun ini untuk sertifikasi halal gratis bagi UMKM.")
    assert by_value(cs, 3.2e9)["claim_type"] == "budget"
    assert by_value(cs, 3.2e9)["metric"] == "government_budget_umkm"


def test_electronic_commerce_market_value_is_the_digital_economy():
    cs = claims("Sebuah lembaga riset memperkirakan nilai perdagangan elektronik di Asia Tenggara mencapai 95 miliar "
                "dolar AS tahun ini, dengan porsi UMKM yang terus naik.")
    assert by_value(cs, 95e9)["metric"] == "digital_economy_value"


def test_core_flag_follows_the_metric_data_and_the_national_scale():
    from extract.claims.metric import is_core

    assert is_core("umkm_onboarded_digital", "achievement", "province")
    assert is_core("kur_disbursement", "budget", "national")
    assert not is_core("kur_disbursement", "other", "national")  # a KUR ceiling quoted as context
    assert not is_core("government_budget_umkm", "budget", "city")  # a kabupaten's budget is not national scale
    assert not is_core("umkm_population", "other", "national")
    assert not is_core(None, "target", "national")


def test_a_survey_sample_is_not_a_count_of_onboarded_businesses():
    cs = claims("Riset lembaga kami terhadap 1.500 UMKM di Jawa Timur menunjukkan 52 persen responden sudah "
                "berjualan di lokapasar.")
    assert by_value(cs, 1500)["metric"] is None
    assert by_value(cs, 52)["metric"] == "umkm_onboarded_digital"


def test_a_change_of_sales_is_not_a_share_of_online_businesses():
    cs = claims("Sejak berjualan daring, omzet para perajin UMKM binaan naik rata-rata 35 persen.")
    assert by_value(cs, 35)["metric"] is None


def test_a_count_of_platform_sellers_is_digital_onboarding():
    cs = claims("Dompet digital itu terus menambah mitra UMKM. Sepanjang semester I, sebanyak 3,1 juta merchant baru "
                "bergabung.")
    assert by_value(cs, 3_100_000)["metric"] == "umkm_onboarded_digital"


def test_a_share_of_respondents_is_never_a_market_value():
    cs = claims("Survei Lembaga Ekonomi Digital Nusantara mencatat 64 persen responden UMKM sudah menerima "
                "pembayaran digital.")
    assert by_value(cs, 64)["metric"] == "umkm_onboarded_digital"


def test_a_multiple_takes_the_metric_of_the_count_it_multiplies():
    cs = claims("Jumlah merchant UMKM yang memakai QRIS di Jambi tercatat 48.000, naik hampir tiga kali lipat "
                "dibandingkan tahun lalu.")
    assert by_value(cs, 3)["metric"] == "umkm_onboarded_digital"
    cs = claims("Penjualan produk UMKM binaan di lokapasar sepanjang 2023 tumbuh 2,5 kali lipat.")
    assert by_value(cs, 2.5)["metric"] is None


def test_joining_a_platform_or_selling_on_social_media_is_onboarding():
    cs = claims("Sampai Mei, sudah 2.300 IKM yang bergabung dalam program itu.")
    assert by_value(cs, 2300)["metric"] == "umkm_onboarded_digital"
    cs = claims("Sekitar 58 persen perajin UMKM di desa itu sudah memiliki akun media sosial untuk berjualan.")
    assert by_value(cs, 58)["metric"] == "umkm_onboarded_digital"


def test_a_count_of_businesses_with_a_digital_status_is_an_achievement():
    from extract.claims.claim_type import status_count

    assert status_count("umkm_onboarded_digital", "UMKM", "Kami sekarang punya ", " warung mitra di 18 kota.")
    assert not status_count("umkm_onboarded_digital", "UMKM", "Jumlah itu kecil dibandingkan total ", " penjual.")
    assert not status_count("umkm_onboarded_digital", "persen", "dengan ", " persen di antaranya merupakan usaha mikro")
    assert not status_count("umkm_population", "UMKM", "ada ", " UMKM di Indonesia")
    cs = claims("Digitalisasi UMKM terus meluas. Perusahaan rintisan itu kini punya 52 ribu warung mitra di 14 kota.")
    assert by_value(cs, 52000)["claim_type"] == "achievement"


def test_a_composition_share_measures_no_reach():
    from extract.claims import extract_claims

    cs = {c["value"]: c for c in extract_claims({"id": "M", "published": "2024-02-01", "text":
          "Jumlah merchant QRIS di Sulawesi Selatan mencapai 310.000 merchant, sekitar 86 persen di antaranya usaha "
          "mikro dan kecil."})}
    assert cs[86]["metric"] is None
    assert cs[310_000]["metric"] == "umkm_onboarded_digital"


def test_a_share_with_a_digital_status_counts_businesses_named_the_sentence_before():
    from extract.claims import extract_claims

    text = ("Dinas Koperasi dan UMKM mencatat ada 52 ribu usaha di kabupaten itu. Dari jumlah itu, baru sekitar 9 "
            "persen yang sudah berjualan online.")
    cs = {c["value"]: c for c in extract_claims({"id": "M", "published": "2024-02-01", "text": text})}
    assert cs[9]["metric"] == "umkm_onboarded_digital"


def test_training_stated_after_the_figure_and_trainers_are_not_trainees():
    from extract.claims import extract_claims

    text = ("Dinas Koperasi dan UMKM menargetkan 2.500 UMKM mendapat pelatihan pemasaran digital tahun ini. "
            "Peserta akan didampingi 45 mentor dari kalangan pelaku usaha daring.")
    cs = {c["value"]: c for c in extract_claims({"id": "M", "published": "2024-02-01", "text": text})}
    assert cs[2500]["metric"] == "umkm_trained"
    assert cs[45]["metric"] != "umkm_trained"


def test_the_base_of_a_share_stated_after_its_part_is_the_population():
    from extract.claims import extract_claims

    text = ("Dinas Koperasi dan UMKM mencatat baru 12.300 dari sekitar 61 ribu UMKM di kabupaten itu yang sudah "
            "berjualan daring.")
    cs = {c["value"]: c for c in extract_claims({"id": "M", "published": "2024-02-01", "text": text})}
    assert cs[61_000]["metric"] == "umkm_population"
    text = "Platform itu mengklaim telah menyalurkan pinjaman kepada lebih dari 45.000 penjual UMKM."
    cs = {c["value"]: c for c in extract_claims({"id": "M", "published": "2024-02-01", "text": text})}
    assert cs[45_000]["metric"] != "umkm_population"
