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
