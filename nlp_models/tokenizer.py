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

from spacy.util import registry, compile_infix_regex, compile_prefix_regex, compile_suffix_regex

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

NAMES_WITH_DIGITS = ["COVID19", "Covid19", "G20", "B20", "G7", "5G", "4G", "3G", "MP3EI"]

TERMS = [
    "e-Katalog", "e-katalog", "E-Katalog", "e-Catalog", "e-catalog", "e-commerce", "E-commerce", "e-Commerce",
    "E-Commerce", "e-Smart", "E-Smart", "e-smart", "K/L", "k/l", "UMK-Koperasi", "Go-Jek", "GO-JEK", "Go-Pay", "go-food",
    "Kemenkop-UKM", "Menkop-UKM", "LPDB-KUMKM", "LLP-KUKM", "PL-KUMKM", "PC-PEN", "Kemenparekraf/Baparekraf",
    "Kemenekraf/Bekraf", "PPN/Bappenas", "Investasi/BKPM", "Barang/Jasa", "kementerian/lembaga", "Kementerian/Lembaga",
    "Kopdes/Kel", "Desa/Kelurahan", "MenKopUKM", "KemenKopUKM", "KemenkopUKM", "Blibli.com", "Blanja.com",
    "MatahariMall.com", "Bukalapak.com", "Tokopedia.com", "Liputan6.com", "Kompas.com", "KOMPAS.com", "Detik.com",
    "detikcom", "Okezone.com", "Tempo.co", "REPUBLIKA.CO.ID", "Republika.co.id", "Antaranews.com", "ANTARA",
]

# Tokens kept whole (checked after prefixes/suffixes are split off): year ranges, ordinals, hyphen/slash compounds
# of letters and digits (COVID-19, LPDB-KUMKM, e-Katalog, K/L, kementerian/lembaga, masing-masing) but not the
# clitics -nya/-lah/-kah/-pun/-ku/-mu, and web names (Liputan6.com). Regex matching is much faster than
# tokenizer special cases that contain affix characters.
TOKEN_MATCH_RE = (
    r"(?:19|20)\d\d[-–—/](?:(?:19|20)?\d\d)"  # 2019-2024, 2020–24, 2021/2022
    r"|[Kk]e-\d+"  # ke-30
    r"|(?![\w/-]*-(?:nya|lah|kah|pun|ku|mu)$)[A-Za-z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)+"  # COVID-19, e-Katalog, K/L
    r"|[A-Za-z][\w-]*\.(?:com|co\.id|go\.id|or\.id|ac\.id|id|net|org|co)"  # Liputan6.com, REPUBLIKA.CO.ID
)
TOKEN_MATCH = re.compile(rf"^(?:{TOKEN_MATCH_RE})$", re.IGNORECASE)

MONEY_PREFIX = r"(?:Rp|RP|rp)\.(?=\d)"  # Rp.1.100.000
DASH_SUFFIX = r",-"  # 1.100.000,-


def _load_extra_special_cases() -> list[str]:
    if not SPECIAL_CASES_FILE.exists():
        return []
    return [l.strip() for l in SPECIAL_CASES_FILE.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]


def make_tokenizer(nlp):
    """A new Tokenizer for ``nlp`` with Pantau's rules. Built in one go: setting ``prefix_search`` / ``token_match``
    on an existing tokenizer leaves it several times slower than constructing it with them."""
    from spacy.tokenizer import Tokenizer

    rules = dict(nlp.Defaults.tokenizer_exceptions)
    for text in ABBREVIATIONS + NAMES_WITH_DIGITS + TERMS:
        if " " not in text and not TOKEN_MATCH.match(text):
            rules[text] = [{"ORTH": text}]
    extra = [re.escape(t) for t in _load_extra_special_cases() if not TOKEN_MATCH.match(t)]
    token_match = re.compile(rf"^(?:{TOKEN_MATCH_RE}{''.join('|' + e for e in extra)})$", re.IGNORECASE).match
    return Tokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=compile_prefix_regex([MONEY_PREFIX] + list(nlp.Defaults.prefixes)).search,
        suffix_search=compile_suffix_regex([DASH_SUFFIX] + list(nlp.Defaults.suffixes)).search,
        infix_finditer=compile_infix_regex(nlp.Defaults.infixes).finditer,
        token_match=token_match,
        url_match=nlp.Defaults.url_match,
    )


def customize_tokenizer(nlp) -> None:
    """Replace ``nlp.tokenizer`` with Pantau's tokenizer."""
    nlp.tokenizer = make_tokenizer(nlp)


@registry.tokenizers("pantau.Tokenizer.v1")
def create_tokenizer():
    def make(nlp):
        # built directly from the language defaults: no default tokenizer first (its ~16,000 Indonesian special
        # cases took as long to load as this one's)
        return make_tokenizer(nlp)

    return make
