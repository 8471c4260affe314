"""Number forms the claim stage finds: shares written as words, counts of goods and orders, remainders' deadlines."""
import pytest

from extract.claims import extract_claims

LEAD = "Dinas Koperasi dan UKM terus mendorong digitalisasi pelaku UMKM di daerah itu. "


def claims(text, published="2025-05-06"):
    return {c["value"]: c for c in extract_claims({"id": "Q", "text": LEAD + text, "published": published})}


def test_share_written_as_words_is_a_percentage_claim():
    got = claims("Dari 900 pedagang pasar yang dibina dinas, baru satu dari empat yang sudah menerima QRIS.")
    assert got[25.0]["unit"] == "persen"
    assert 4.0 not in got and 1.0 not in got  # the ratio, not its two terms


def test_bounded_word_share_keeps_its_qualifier():
    got = claims("Menurut Kepala Dinas Rahmat Hidayat, kurang dari sepertiga UMKM binaan yang sudah memiliki toko daring.")
    assert got[33.3]["qualifier"] == "kurang dari"


def test_rough_word_share_restating_a_precise_share_is_one_fact():
    text = ("Dana pendampingan UMKM yang sudah tersalurkan tahun ini masih belum sampai sepertiga dari pagu. "
            "Kepala Dinas Rahmat Hidayat mengatakan dana yang sudah tersalurkan baru 27,5 persen dari pagu Rp 40 miliar.")
    got = claims(text)
    assert 27.5 in got and 33.3 not in got


def test_rough_word_share_with_another_precise_share_of_other_standing_stays():
    got = claims("Kurang dari sepertiga UMKM binaan yang sudah memiliki toko daring. "
                 "Sekitar 30 persen usaha di kota itu berskala mikro.")
    assert 33.3 in got


def test_target_for_the_next_round_takes_no_year_from_the_sentence_before():
    text = ("Survei dinas pada 2024 mencatat 48,5 persen pedagang pasar sudah menerima pembayaran digital. "
            "\"Kami harap angkanya bisa melampaui 60 persen pada survei berikutnya,\" kata Kepala Dinas Rahmat Hidayat.")
    got = claims(text)
    assert got[60.0]["claim_type"] == "target" and got[60.0]["target_year"] is None


def test_remainder_takes_the_deadline_of_the_target_it_is_named_against():
    text = ("Dinas menargetkan 150 ribu UMKM masuk marketplace pada 2028. Sasaran antaranya 90 ribu UMKM pada 2026. "
            "Untuk mencapai 150 ribu, masih ada 70 ribu UMKM yang wajib didampingi sebelum tenggat itu.")
    got = claims(text, published="2025-03-04")
    assert got[70000.0]["claim_type"] == "target" and got[70000.0]["target_year"] == 2028


def test_gap_that_adds_up_to_a_target_takes_its_deadline_over_a_span_of_time():
    text = ("Bank Indonesia menargetkan 600 ribu pedagang memakai QRIS pada akhir 2026. "
            "Dengan capaian 450 ribu pedagang, BI masih perlu menambah 150 ribu pedagang dalam dua tahun ini.")
    got = claims(text, published="2025-03-04")
    assert got[150000.0]["target_year"] == 2026
