"""General rules added with pantau-claims-2.0 (sentences are our own; each rule is a pattern, not a phrase)."""
from extract.claims import extract_claims


def claims(text, published="2024-05-06"):
    return {c["value"]: c for c in extract_claims({"id": "R", "text": text, "published": published})}


def test_composition_share_is_context_but_an_anaphoric_share_inherits():
    cs = claims("Ketua asosiasi menyebut sekitar 64 persen penjual di lokapasar merupakan usaha mikro.")
    assert cs[64]["claim_type"] == "other"
    # R10: the size-class make-up of a population is context, also when the share refers back to the count
    cs = claims("Hingga April 2024, jumlah merchant QRIS sudah mencapai 9 juta. Sekitar 81 persen di antaranya "
                "merupakan usaha mikro.")
    assert cs[81]["claim_type"] == "other"
    # ... but a share of it that is something other than a size class keeps the standing of the count
    cs = claims("Hingga April 2024, jumlah merchant QRIS sudah mencapai 9 juta. Sekitar 81 persen di antaranya "
                "merupakan pedagang yang aktif bertransaksi.")
    assert cs[81]["claim_type"] == "achievement"


def test_population_a_body_has_is_context():
    cs = claims("\"Kita punya sekitar 65 juta UMKM, sebagian besar usaha mikro,\" kata Menteri Koperasi di Jakarta.")
    assert cs[65_000_000]["claim_type"] == "other"
    cs = claims("Menurut dia, jumlah IKM di Indonesia mencapai 4,2 juta unit.")
    assert cs[4_200_000]["claim_type"] == "other"


def test_coordinated_counts_hit_by_an_event_are_context():
    cs = claims("Data dinas mencatat lebih dari 900 koperasi dan 42.000 UMKM terdampak banjir.")
    assert cs[900]["claim_type"] == "other"


def test_a_new_plan_takes_no_year_from_the_previous_sentence():
    text = ("Program kredit itu berjalan sejak 2023 dan diperpanjang hingga 2026. Menurut dia, kebijakan itu akan "
            "menyasar sekitar 800 ribu pelaku UMKM.")
    cs = claims(text)
    assert cs[800_000]["claim_type"] == "target" and cs[800_000]["target_year"] is None
