"""Tokenizer for Indonesian news: spaCy's ``id`` tokenizer plus special cases.

Registered as ``pantau.Tokenizer.v1`` (see ``nlp_models/config.cfg``). Additions:
- money prefixes ``Rp.`` / ``Rp`` glued to numbers (``Rp.1.100.000,-`` -> ``Rp.`` ``1.100.000`` ``,-``), ``Rp. 800``;
- names with digits kept whole: ``COVID-19``, ``G20``/``G-20``, ``SARS-CoV-2``;
- year ranges ``2019-2024`` / ``2020–2024`` and ordinals ``ke-30`` as one token;
- abbreviations with a final dot (``Jl.``, ``Sdr.``, ``tgl.``, ``dll.``, ``Tbk.``, ``No.`` ...);
- hyphenated or slashed acronyms and terms (``LPDB-KUMKM``, ``K/L``, ``e-Katalog``, ``e-commerce``) and every
  acronym of the gazetteer (read from ``nlp_models/gazetteer/special_cases.txt``).
"""
from __future__ import annotations

import re
from pathlib import Path

from spacy.util import registry, compile_prefix_regex, compile_suffix_regex

HERE = Path(__file__).resolve().parent
SPECIAL_CASES_FILE = HERE / "gazetteer" / "special_cases.txt"

ABBREVIATIONS = [
    "Jl.", "Jln.", "Sdr.", "Sdri.", "tgl.", "Tgl.", "dll.", "dsb.", "dkk.", "dst.", "No.", "no.", "Tbk.", "Kab.",
    "Kec.", "Kel.", "Prov.", "Bpk.", "Pak.", "Yth.", "Hj.", "H.", "Ir.", "Dr.", "dr.", "Prof.", "Drs.", "Dra.",
    "S.E.", "S.H.", "M.Si.", "M.M.", "M.Sc.", "MBA.", "Ph.D.", "St.", "a.n.", "u.p.", "s.d.", "s/d", "vs.", "hlm.",
    "Rp.", "RP.", "rp.", "Kp.", "Ds.", "Desa.", "PT.", "CV.", "Co.", "Inc.", "Ltd.", "Mr.", "Mrs.", "Ny.", "Tn.",
    "an.", "Pdt.", "Sr.", "Jr.", "No.", "Nomor.", "Apr.", "Agu.", "Agt.", "Ags.", "Sep.", "Okt.", "Nov.", "Des.",
    "Jan.", "Feb.", "Mar.", "Jun.", "Jul.",
]

NAMES_WITH_DIGITS = [
    "COVID-19", "Covid-19", "covid-19", "COVID19", "Covid19", "SARS-CoV-2", "G-20", "G20", "B20", "G-7", "G7",
    "4.0", "5G", "4G", "3G", "Industri 4.0", "Society 5.0", "ASEAN-5", "MP3EI", "UU-11",
]

TERMS = [
    "e-Katalog", "e-katalog", "E-Katalog", "e-Catalog", "e-catalog", "e-commerce", "E-commerce", "e-Commerce",
    "E-Commerce", "e-Smart", "E-Smart", "e-smart", "K/L", "k/l", "UMK-Koperasi", "Go-Jek", "GO-JEK", "Go-Pay", "go-food",
    "Kemenkop-UKM", "Menkop-UKM", "LPDB-KUMKM", "LLP-KUKM", "PL-KUMKM", "PC-PEN", "Kemenparekraf/Baparekraf",
    "Kemenekraf/Bekraf", "PPN/Bappenas", "Investasi/BKPM", "Barang/Jasa", "kementerian/lembaga", "Kementerian/Lembaga",
    "Kopdes/Kel", "Desa/Kelurahan", "MenKopUKM", "KemenKopUKM", "KemenkopUKM", "Blibli.com", "Blanja.com",
    "MatahariMall.com", "Bukalapak.com", "Tokopedia.com", "Liputan6.com", "Kompas.com", "KOMPAS.com", "Detik.com",
    "detikcom", "Okezone.com", "Tempo.co", "REPUBLIKA.CO.ID", "Republika.co.id", "Antaranews.com", "ANTARA",
]

# Tokens kept whole when nothing else splits them: year ranges, ordinals, acronym-number names.
TOKEN_MATCH = re.compile(
    r"^(?:(?:19|20)\d\d[-–—/](?:(?:19|20)?\d\d)"  # 2019-2024, 2020–24, 2021/2022
    r"|[Kk]e-\d+"  # ke-30
    r"|[A-Z][A-Za-z]*-\d+(?:\.\d+)?"  # COVID-19, ASEAN-5, G-20
    r")$"
)

MONEY_PREFIX = r"(?:Rp|RP|rp)\.(?=\d)"  # Rp.1.100.000
DASH_SUFFIX = r",-"  # 1.100.000,-


def _load_extra_special_cases() -> list[str]:
    if not SPECIAL_CASES_FILE.exists():
        return []
    return [l.strip() for l in SPECIAL_CASES_FILE.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]


def customize_tokenizer(nlp) -> None:
    """Add Pantau's special cases and affix rules to ``nlp.tokenizer`` in place."""
    tok = nlp.tokenizer
    prefixes = [MONEY_PREFIX] + list(nlp.Defaults.prefixes)
    suffixes = [DASH_SUFFIX] + list(nlp.Defaults.suffixes)
    tok.prefix_search = compile_prefix_regex(prefixes).search
    tok.suffix_search = compile_suffix_regex(suffixes).search
    tok.token_match = TOKEN_MATCH.match
    seen = set()
    for text in ABBREVIATIONS + NAMES_WITH_DIGITS + TERMS + _load_extra_special_cases():
        if text in seen or " " in text:
            continue
        seen.add(text)
        tok.add_special_case(text, [{"ORTH": text}])


@registry.tokenizers("pantau.Tokenizer.v1")
def create_tokenizer():
    from spacy.tokenizer import Tokenizer

    def make(nlp):
        base = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        tmp = type("Tmp", (), {})()
        tmp.tokenizer = base
        tmp.Defaults = nlp.Defaults
        customize_tokenizer(tmp)
        return base

    return make
