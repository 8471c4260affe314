"""Scope, scope_name, claim_id and source_kind of claims (the claims/targets seam in docs/CONTRACTS.md)."""
from db.ids import claim_id
from extract.claim_eval import evaluate
from extract.claims import extract_claims
from extract.claims.scope import region_in, scope_of


def claims(text, **kw):
    return extract_claims({"id": "S1", "text": text, "published": "2025-03-04", **kw})


def by_value(cs, value):
    return next(c for c in cs if c["value"] == value)


def test_region_forms_map_to_canonical_names():
    found = [s for _, s in region_in("UMKM di Jabar dan Kabupaten Badung serta Pemprov Kaltim")]
    assert [(s.scope, s.name) for s in found] == [
        ("province", "Jawa Barat"), ("city", "Kabupaten Badung"), ("province", "Kalimantan Timur")]


def test_place_of_a_statement_is_not_a_scope():
    assert region_in("kata dia di Bandung, Jawa Barat, Rabu (5/3).") == ()
    assert region_in("Gubernur BI Perry Warjiyo mengatakan") == ()


def test_provincial_figure_is_not_national():
    cs = claims("Dinas Koperasi mencatat sebanyak 12.500 UMKM di Sulawesi Selatan telah berjualan daring. "
                "Secara nasional, jumlah UMKM yang sudah go digital mencapai 25 juta unit.")
    assert (by_value(cs, 12500)["scope"], by_value(cs, 12500)["scope_name"]) == ("province", "Sulawesi Selatan")
    assert (by_value(cs, 25_000_000)["scope"], by_value(cs, 25_000_000)["scope_name"]) == ("national", None)


def test_city_scope_from_kota_and_pemkab():
    cs = claims("Pemkab Sleman menargetkan 5.000 UMKM terhubung ke lokapasar pada 2026.")
    assert (cs[0]["scope"], cs[0]["scope_name"]) == ("city", "Kabupaten Sleman")


def test_speaker_office_gives_the_region_when_the_sentence_names_none():
    cs = claims("Kepala Dinas Koperasi dan UKM Provinsi Jawa Timur Andri Setiawan mengatakan ada 400 ribu UMKM "
                "yang sudah berjualan daring.")
    assert (cs[0]["scope"], cs[0]["scope_name"]) == ("province", "Jawa Timur")


def test_programme_and_company_scope():
    cs = claims("Hingga Mei 2025, nilai transaksi di PaDi UMKM tercatat Rp 3 triliun. Di Shopee, sebanyak 2 juta "
                "penjual UMKM sudah bergabung.")
    assert (by_value(cs, 3e12)["scope"], by_value(cs, 3e12)["scope_name"]) == ("programme", "padi_umkm")
    assert by_value(cs, 2_000_000)["scope"] == "company"


def test_scope_is_null_without_a_unit_or_metric():
    assert scope_of("angka 5", 6, 7).scope is None


def test_claim_id_and_source_kind():
    cs = claims("Saat ini baru 13 persen UMKM yang sudah terhubung ke ekosistem digital.", source_kind="plan")
    c = cs[0]
    assert c["claim_id"] == claim_id("S1", c["value"], c["unit"], c["claim_type"], c["char_start"])
    assert c["source_kind"] == "plan"
    assert claims("Saat ini baru 13 persen UMKM yang sudah terhubung ke ekosistem digital.")[0]["source_kind"] == "media"


def test_eval_reports_metric_and_scope_accuracy_only_on_gold_that_has_them():
    gold = [{"article_id": "a", "claim_type": "achievement", "value": 5, "metric": "umkm_onboarded_digital",
             "scope": "province", "scope_name": "Bali"},
            {"article_id": "a", "claim_type": "other", "value": 7}]
    pred = [{"article_id": "a", "claim_type": "achievement", "value": 5, "metric": "umkm_onboarded_digital",
             "scope": "province", "scope_name": "bali"},
            {"article_id": "a", "claim_type": "other", "value": 7, "metric": None, "scope": "national"}]
    res = evaluate(gold, pred)
    assert (res["metric_accuracy"], res["metric_evaluated"]) == (1.0, 1)
    assert (res["scope_accuracy"], res["scope_evaluated"]) == (1.0, 1)
    pred[0]["scope"] = "national"
    assert evaluate(gold, pred)["scope_accuracy"] == 0.0


def test_a_regional_story_gives_its_region_to_figures_that_name_none():
    cs = claims("PONTIANAK - Dinas Koperasi Provinsi Kalimantan Barat terus mendorong digitalisasi pelaku usaha. "
                "Di Kalimantan Barat, sebagian besar pedagang masih berjualan luring.\n\n"
                "\"Sekarang sudah 21 ribu UMKM yang punya toko daring,\" kata Yohanes Sembiring, pengurus asosiasi "
                "pedagang.\n\nMenteri Koperasi Budi Santoso menyebut secara nasional 27 juta UMKM sudah go digital.")
    assert (by_value(cs, 21000)["scope"], by_value(cs, 21000)["scope_name"]) == ("province", "Kalimantan Barat")
    assert by_value(cs, 27_000_000)["scope"] == "national"


def test_a_programme_the_gazetteer_does_not_list_is_found_by_how_it_is_introduced():
    cs = claims("Pemerintah Kota Malang meluncurkan aplikasi pemesanan \"Pasar Arjosari Daring\" untuk pedagang pasar "
                "tradisional. Saat ini sudah 340 pedagang UMKM bergabung di Pasar Arjosari Daring. Wali Kota Malang "
                "menargetkan platform tersebut menjangkau 1.000 pedagang UMKM pada 2026.")
    assert (by_value(cs, 340)["scope"], by_value(cs, 340)["scope_name"]) == ("programme", "Pasar Arjosari Daring")
    assert by_value(cs, 340)["program"] == "Pasar Arjosari Daring"
    assert (by_value(cs, 1000)["scope"], by_value(cs, 1000)["scope_name"]) == ("programme", "Pasar Arjosari Daring")


def test_named_programmes_come_from_heads_and_naming_verbs_not_from_places():
    from extract.claims.programmes import named_programmes

    names = [n.name for n in named_programmes(
        "Dinas meluncurkan program Lapak Kampung bagi perajin. Sebuah aplikasi bernama TokoKita juga disiapkan. "
        "Pelatihan di Sleman diikuti 30 orang, dan program di Kabupaten Gunungkidul menyusul.")]
    assert names == ["Lapak Kampung", "TokoKita"]


def test_origin_of_sellers_is_not_the_scope_of_a_company_figure():
    cs = claims("Shopee menargetkan 700 penjual UMKM asal Jawa Tengah ikut kelas ekspor tahun ini.")
    assert by_value(cs, 700)["scope"] == "company"


def test_region_abbreviation_defined_in_the_article_maps_to_the_full_name():
    cs = claims("Pemerintah Kabupaten Kutai Kartanegara (Kukar) mendata UMKM daring. Pemkab Kukar mencatat 4.200 UMKM "
                "sudah berjualan di lokapasar.")
    assert (by_value(cs, 4200)["scope"], by_value(cs, 4200)["scope_name"]) == ("city", "Kabupaten Kutai Kartanegara")


def test_a_business_speakers_own_figures_have_company_scope():
    from extract.claims.scope import speaker_company

    assert speaker_company("pendiri sekaligus CEO Warungku") == "Warungku"
    assert speaker_company("Direktur Utama PT Bank Rakyat Indonesia Tbk") == "BRI"
    assert speaker_company("Ketua Koperasi Tani Makmur Jaya") == "Koperasi Tani Makmur Jaya"
    assert speaker_company("Kepala Dinas Koperasi Kota Malang") is None
    assert speaker_company("Menteri Koperasi dan UKM") is None
    cs = claims("Pendiri sekaligus CEO Warungku, Rudi Hartono, mengatakan saat ini ada 40 ribu warung UMKM yang sudah "
                "bergabung.")
    assert (cs[0]["scope"], cs[0]["scope_name"]) == ("company", "Warungku")


def test_indonesia_inside_a_company_name_is_not_a_national_scope():
    cs = claims("Jumlah penjual aktif di Lazada Indonesia kini melampaui 300 ribu UMKM.")
    assert (cs[0]["scope"], cs[0]["scope_name"]) == ("company", "Lazada")


def test_a_dateline_city_gives_a_regional_story_its_home_region():
    from extract.claims.scope import article_scope

    city_story = ("PONTIANAK, Warta Borneo - Dinas Koperasi Kota Pontianak terus mendampingi pelaku usaha.\n\n"
                  "Saat ini baru 3.100 UMKM yang sudah berjualan daring, kata kepala dinas.")
    assert article_scope(city_story).home == article_scope(city_story).home.__class__("city", "Kota Pontianak")
    province_story = ("PONTIANAK, Warta Borneo - Pemerintah provinsi mempercepat digitalisasi UMKM di Kalimantan "
                      "Barat.\n\nSaat ini baru 41.000 UMKM yang sudah berjualan daring.")
    assert article_scope(province_story).home.name == "Kalimantan Barat"
    assert article_scope("JAKARTA, Warta - Pemerintah pusat mencatat 25 juta UMKM go digital.").home is None
    cs = claims(city_story)
    assert (cs[0]["scope"], cs[0]["scope_name"]) == ("city", "Kota Pontianak")


def test_other_names_of_a_kota_are_canonical():
    assert [s.name for _, s in region_in("pedagang di Kota Jogja dan Kota Solo")] == ["Kota Yogyakarta", "Kota Surakarta"]


def test_a_national_scheme_in_a_regional_story_is_the_regions_slice():
    text = ("AMBON, Warta Maluku - Pemerintah Provinsi Maluku mempercepat digitalisasi pasar rakyat di Maluku.\n\n"
            "Hingga Juni, jumlah pedagang yang sudah memakai QRIS tercatat 8.200 merchant.")
    c = by_value(claims(text), 8200)
    assert (c["scope"], c["scope_name"]) == ("province", "Maluku")


def test_a_business_named_by_its_owner_in_the_sentence_is_the_scope():
    from extract.claims.scope import business_in

    assert business_in('"Omzet kami naik 30 persen," kata Rahmi, pemilik usaha Sambal Bu Rahmi, Senin.') == \
        "Sambal Bu Rahmi"
    assert business_in("Menurut dia, 40 persen UMKM belum go online.") is None
    cs = claims("Pelaku UMKM di Sleman mulai berjualan daring. Pemilik CV Anyaman Lestari, Joko Susilo, mengaku "
                "omzetnya naik 45 persen sejak berjualan daring.")
    assert (cs[0]["scope"], cs[0]["scope_name"]) == ("company", "CV Anyaman Lestari")


def test_a_platforms_regional_sellers_are_the_platforms():
    cs = claims("Lazada mencatat jumlah penjual UMKM di Kabupaten Sleman yang aktif di platformnya mencapai 6.400 "
                "toko.")
    assert (by_value(cs, 6400)["scope"], by_value(cs, 6400)["scope_name"]) == ("company", "Lazada")


def test_a_province_name_inside_a_kota_or_a_bodys_name_is_not_the_province():
    assert [(s.scope, s.name) for _, s in region_in("pedagang di Bandar Lampung dan Banda Aceh")] == [
        ("city", "Kota Bandar Lampung"), ("city", "Kota Banda Aceh")]
    assert region_in("kata dosen Universitas Lampung itu") == ()
    assert region_in("Bank Jatim menyalurkan kredit") == ()


def test_a_platform_named_with_its_operator_is_the_platforms_figure():
    cs = claims("Direktur PT Telkom Indonesia (Persero) Tbk mengatakan nilai transaksi di PaDi UMKM mencapai "
                "Rp 2,1 triliun per Juni.")
    assert (by_value(cs, 2.1e12)["scope"], by_value(cs, 2.1e12)["scope_name"]) == ("programme", "padi_umkm")


def test_a_named_national_programmes_own_figures_have_programme_scope():
    # FORMAT.md conventions 2026-12-03: KUR, BPUM and the like are programmes even when national
    cs = claims("Pemerintah menetapkan plafon Kredit Usaha Rakyat (KUR) tahun ini sebesar Rp 310 triliun. "
                "Secara nasional, BPUM sudah disalurkan kepada 4,3 juta usaha mikro.")
    assert (by_value(cs, 310e12)["scope"], by_value(cs, 310e12)["scope_name"]) == ("programme", "kur")
    assert (by_value(cs, 4_300_000)["scope"], by_value(cs, 4_300_000)["scope_name"]) == ("programme", "bpum")
    # a country-wide statistic in a sentence that names a programme stays national
    cs = claims("Dari 66 juta UMKM di Indonesia, baru sebagian kecil yang memakai QRIS.")
    assert by_value(cs, 66_000_000)["scope"] == "national"


def test_a_programmes_alias_written_as_a_figures_noun_is_not_the_programme():
    # "7 juta UMKM go online" names what is counted; "program UMKM Go Online" names the programme
    cs = claims("Kementerian menargetkan 7 juta UMKM go online pada 2027.")
    assert by_value(cs, 7_000_000)["scope"] == "national"
    cs = claims("Kementerian menargetkan 7 juta UMKM go online pada 2027 melalui program UMKM Go Online.")
    assert (by_value(cs, 7_000_000)["scope"], by_value(cs, 7_000_000)["scope_name"]) == ("programme", "umkm_go_online")


def test_eval_compares_company_and_province_names_through_the_gazetteer():
    gold = [{"article_id": "a", "claim_type": "budget", "value": 5, "scope": "company",
             "scope_name": "Bank Rakyat Indonesia"},
            {"article_id": "a", "claim_type": "other", "value": 7, "scope": "province",
             "scope_name": "Daerah Istimewa Yogyakarta"}]
    pred = [{"article_id": "a", "claim_type": "budget", "value": 5, "scope": "company", "scope_name": "BRI"},
            {"article_id": "a", "claim_type": "other", "value": 7, "scope": "province", "scope_name": "DI Yogyakarta"}]
    assert evaluate(gold, pred)["scope_accuracy"] == 1.0
    pred[0]["scope_name"] = "BNI"
    assert evaluate(gold, pred)["scope_accuracy"] == 0.5


def test_figures_of_the_programme_an_article_is_about_are_the_programmes():
    text = ("Jakarta - Kementerian Keuangan mencatat penyaluran Kredit Usaha Rakyat (KUR) hingga Juni mencapai "
            "Rp 150 triliun.\n\nPlafon KUR tahun ini Rp 280 triliun. Sampai akhir bulan lalu dana itu dinikmati "
            "2,4 juta debitur, dan porsi ke sektor produksi baru 55 persen.\n\n"
            "Survei sebuah lembaga riset menemukan 40 persen responden belum pernah mendengar program itu. "
            "Dari 64 juta UMKM, yang pernah mendapat kredit bank baru 20 persen.")
    cs = claims(text)
    for value in (2_400_000, 55):
        assert (by_value(cs, value)["scope"], by_value(cs, value)["scope_name"]) == ("programme", "kur")
    # what a survey found and a share of the whole population are no programme's own figures
    assert by_value(cs, 40)["scope"] == "national"
    assert by_value(cs, 20)["scope"] == "national"


def test_an_article_naming_a_programme_in_passing_is_not_about_it():
    text = ("Jakarta - Penjualan daring pelaku usaha kuliner naik tajam selama Ramadan.\n\n"
            "Sebagian pedagang memakai modal dari KUR. Transaksi di lokapasar tumbuh 35 persen dibanding tahun lalu.")
    cs = claims(text)
    assert by_value(cs, 35)["scope"] != "programme"


def test_a_kota_name_stops_before_the_office_holders_name():
    found = [sc for _, sc in region_in("Kepala Dinas Perdagangan Kota Malang Wahyu Setianto menambahkan ...")]
    assert found[0].name == "Kota Malang"
    found = [sc for _, sc in region_in("Pasar digital di Kota Tangerang Selatan diresmikan.")]
    assert found[0].name == "Kota Tangerang Selatan"


def test_what_a_survey_found_about_a_named_programme_is_not_the_programmes_figure():
    cs = claims("Survei sebuah lembaga riset terhadap 900 pedagang menemukan 58 persen responden sudah menerima QRIS.")
    assert by_value(cs, 58)["scope"] == "national"
