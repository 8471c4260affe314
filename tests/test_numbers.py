"""Indonesian number normaliser: unit cases and property-based round trips (hypothesis)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from extract.numbers import (find_quantities, format_digits, number_to_words, parse_digits, parse_number,
                             words_to_number)


@pytest.mark.parametrize("text,value", [
    ("13,7", 13.7), ("1.100", 1100), ("1.100.000", 1100000), ("1.100.000,5", 1100000.5), ("4.6", 4.6),
    ("64", 64), ("0,5", 0.5), ("127.124", 127124),
])
def test_parse_digits(text, value):
    assert parse_digits(text) == pytest.approx(value)


@pytest.mark.parametrize("text,value", [
    ("13,7 juta", 13_700_000), ("delapan juta", 8_000_000), ("dua ratus lima puluh ribu", 250_000),
    ("setengah juta", 500_000), ("satu setengah juta", 1_500_000), ("seratus", 100), ("sebelas", 11),
    ("tiga belas ribu", 13_000), ("sepuluh", 10), ("seribu", 1000), ("sejuta", 1_000_000), ("separuh", 0.5),
    ("1,1 ribu triliun", 1.1e15), ("2 jt", 2_000_000), ("5 rb", 5000), ("3 milyar", 3e9), ("sembilan puluh sembilan", 99),
])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("bad", ["belas", "puluh dua", "dua tiga", "ratus", "kata"])
def test_malformed_words(bad):
    assert words_to_number(bad) is None


def _one(text):
    qs = find_quantities(text)
    assert qs, text
    return qs[0]


@pytest.mark.parametrize("text,value,vmax,unit,qual,surface", [
    ("sekitar Rp1.100 triliun", 1.1e15, None, "rupiah", "sekitar", "Rp1.100 triliun"),
    ("Rp 10,4 T", 10.4e12, None, "rupiah", None, "Rp 10,4 T"),
    ("Rp.1.100.000,- per unit", 1_100_000, None, "rupiah", None, "Rp.1.100.000"),
    ("Rp. 800 miliar", 8e11, None, "rupiah", None, "Rp. 800 miliar"),
    ("Rp 800 M", 8e11, None, "rupiah", None, "Rp 800 M"),
    ("US$ 130 miliar", 1.3e11, None, "USD", None, "US$ 130 miliar"),
    ("44 miliar dollar AS", 4.4e10, None, "USD", None, "44 miliar dollar AS"),
    ("124 miliar dolar AS", 1.24e11, None, "USD", None, "124 miliar dolar AS"),
    ("USD 5 juta", 5e6, None, "USD", None, "USD 5 juta"),
    ("IDR 2 triliun", 2e12, None, "rupiah", None, "IDR 2 triliun"),
    ("21 persen", 21, None, "persen", None, "21 persen"),
    ("21%", 21, None, "persen", None, "21%"),
    ("31,4 per sen", 31.4, None, "persen", None, "31,4 per sen"),
    ("2–3 juta UMKM", 2e6, 3e6, None, None, "2–3 juta"),
    ("2 hingga 3 juta", 2e6, 3e6, None, None, "2 hingga 3 juta"),
    ("5 juta hingga 6 juta UMKM", 5e6, 6e6, None, None, "5 juta hingga 6 juta"),
    ("20-30 persen", 20, 30, "persen", None, "20-30 persen"),
    ("lebih dari 64 juta", 64e6, None, None, "lebih dari", "64 juta"),
    ("setengah juta lebih pelaku", 5e5, None, None, "lebih dari", "setengah juta"),
    ("minimal 40 persen", 40, None, "persen", "minimal", "40 persen"),
    ("sedikitnya 100.000 UMKM", 100000, None, None, "minimal", "100.000"),
    ("hampir Rp 500 triliun", 5e14, None, "rupiah", "hampir", "Rp 500 triliun"),
    ("hingga 60,42 persen", 60.42, None, "persen", "hingga", "60,42 persen"),
    ("kurang lebih 3 juta", 3e6, None, None, "sekitar", "3 juta"),
])
def test_find_quantities(text, value, vmax, unit, qual, surface):
    q = _one(text)
    assert q.value == pytest.approx(value)
    assert (q.value_max == pytest.approx(vmax)) if vmax else q.value_max is None
    assert q.unit == unit
    assert q.qualifier == qual
    assert q.text == surface
    assert text[q.start:q.end] == surface


def test_no_numbers_inside_words_or_years_range():
    assert not [q for q in find_quantities("Borneo24.com dan COVID-19 serta kedua") if q.value in (24, 19, 2)]
    qs = find_quantities("periode 2019-2024")
    assert all(q.value_max is None for q in qs)


# ---- property-based: render numbers the way journalists write them, parse back
@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_words_round_trip(n):
    assert words_to_number(number_to_words(n)) == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**12))
def test_digits_round_trip(n):
    text = format_digits(n)
    assert parse_number(text) == n
    q = find_quantities(f"sebanyak {text} UMKM")[0]
    assert q.value == n and q.text == text


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from([("ribu", 1e3), ("juta", 1e6), ("miliar", 1e9), ("triliun", 1e12)]))
def test_decimal_comma_with_scale(whole, dec, scale):
    word, mult = scale
    text = f"{whole},{dec} {word}" if dec else f"{whole} {word}"
    expected = (whole + dec / 10) * mult
    assert parse_number(text) == pytest.approx(expected)
    q = find_quantities(f"mencapai Rp {text} pada 2021")[0]
    assert q.unit == "rupiah" and q.value == pytest.approx(expected)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.sampled_from(["juta", "ribu", "miliar"]))
def test_words_with_scale(n, word):
    text = f"{number_to_words(n)} {word}"
    mult = {"ribu": 1e3, "juta": 1e6, "miliar": 1e9}[word]
    if n == 1 and word == "ribu":
        text = "seribu"
    assert parse_number(text) == pytest.approx(n * mult)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=98), st.integers(min_value=1, max_value=50))
def test_percent_ranges(lo, span):
    hi = lo + span
    q = find_quantities(f"naik {lo}-{hi} persen")[0]
    assert (q.value, q.value_max, q.unit) == (lo, hi, "persen")


@pytest.mark.parametrize("text,value,qual,surface", [
    ("baru satu dari empat pedagang yang menerima QRIS", 25, None, "satu dari empat"),
    ("kurang dari sepertiga penjual yang punya pembukuan", 33.3, "kurang dari", "sepertiga"),
    ("dua pertiga koperasi sudah memakai aplikasi", 66.7, None, "dua pertiga"),
    ("separuhnya sudah berjualan daring", 50, None, "separuhnya"),
    ("tak sampai separuh dari anggaran", 50, "kurang dari", "separuh"),
    ("sekitar tiga perempat pembeli membayar nontunai", 75, "sekitar", "tiga perempat"),
])
def test_shares_written_as_words_are_percentages(text, value, qual, surface):
    q = _one(text)
    assert (q.value, q.unit, q.qualifier, q.text) == (pytest.approx(value), "persen", qual, surface)


def test_halves_of_amounts_and_durations_are_not_shares():
    assert [(q.value, q.unit) for q in find_quantities("setengah juta pelaku usaha")] == [(5e5, None)]
    assert all(q.unit != "persen" for q in find_quantities("pelatihan selama setengah tahun"))
    assert [q.value for q in find_quantities("dua setengah tahun")] == [2.5]
    assert all(q.unit != "persen" for q in find_quantities("lima dari tiga"))  # no proper share


def test_a_fraction_in_digits_is_a_share_but_a_date_is_not():
    from extract.numbers import find_quantities

    got = {q.text: q for q in find_quantities("Hampir 2/3 penjual di pasar itu memakai QRIS, kata Lurah, Senin (2/3).")}
    assert got["2/3"].value == 66.7 and got["2/3"].unit == "persen"
    assert all(q.unit != "persen" for t, q in got.items() if t != "2/3")
    assert not [q for q in find_quantities("Pelatihan digelar pada 1/3/2025.") if q.unit == "persen"]
