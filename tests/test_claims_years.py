"""Deadline years of targets (claims.md R2): which years the text ties to a figure. Sentences are invented."""
from extract.claims import extract_claims


def claims(text, published="2024-05-06"):
    return [c for c in extract_claims({"id": "Y", "text": text, "published": published})]


def by_value(text, published="2024-05-06"):
    return {c["value"]: c for c in claims(text, published)}


def test_the_year_in_a_regulation_number_is_no_deadline():
    cs = by_value("Peraturan Gubernur Nomor 14 Tahun 2023 mewajibkan dinas membeli paling sedikit 30 persen barang "
                  "dari koperasi setempat.")
    assert cs[30]["claim_type"] == "target" and cs[30]["target_year"] is None
    # a real deadline in the same sentence still counts
    cs = by_value("Sesuai Perda No. 3 Tahun 2021, pemkab menargetkan 2.000 UMKM memakai kasir digital "
                  "pada 2026.")
    assert cs[2000]["target_year"] == 2026


def test_a_day_and_month_ahead_fall_in_the_year_of_the_statement_or_the_next():
    cs = by_value("Kementerian akan meresmikan 1.200 gerai koperasi secara serentak pada 17 Agustus mendatang.",
                  published="2024-05-06")
    assert cs[1200]["target_year"] == 2024
    cs = by_value("Bank daerah itu akan menyalurkan kredit kepada 900 pelaku usaha paling lambat 31 Maret.",
                  published="2024-11-20")
    assert cs[900]["target_year"] == 2025  # March has passed: the next one
    # the day a statement was made is no deadline
    cs = by_value("Pemkot akan melatih 450 pelaku UMKM, kata wali kota pada 2 Mei.", published="2024-05-06")
    assert cs[450]["target_year"] is None


def test_a_target_referred_back_to_with_a_new_deadline_is_a_revised_target():
    text = ("Dinas menargetkan 5 ribu UMKM masuk lokapasar pada 2024. Kepala dinas mengakui, 5 ribu itu baru "
            "realistis ditargetkan sampai akhir 2025.")
    years = sorted(c["target_year"] for c in claims(text) if c["value"] == 5000 and c["claim_type"] == "target")
    assert years == [2024, 2025]
    # referred back to without a deadline of its own: one fact, one claim
    text = ("Dinas menargetkan 5 ribu UMKM masuk lokapasar pada 2024. Menurut dia, 5 ribu itu angka yang realistis.")
    assert [c["target_year"] for c in claims(text) if c["value"] == 5000] == [2024]
