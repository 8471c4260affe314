"""Units of the quantities found by extract.numbers: the noun after a figure, or the counted thing in context."""
from __future__ import annotations

from extract.numbers import Quantity
import re

from extract.claims.lexicon import PLACE_REACH, UMKM_CONTEXT, UMKM_WORDS


UNIT_NOUNS = [
    (re.compile(r"^(?:unit\s+)?koperasi\b", re.I), "koperasi"),
    (re.compile(r"^(?:kali\s+lipat|kali)\b", re.I), "kali"),
    (re.compile(r"^(?:orang|peserta|responden|penerima|debitur|nasabah|pekerja|tenaga\s+kerja|jiwa|warga|masyarakat|pelajar|"
                r"mahasiswa|relawan|pendamping|talenta|petani|nelayan|keluarga|kk|penduduk|pengguna|konsumen|"
                r"pembeli|pelanggan|anggota|siswa|santri|perempuan|pemuda|milenial|lulusan|tenaga)\b", re.I), "orang"),
    (re.compile(r"^transaksi\b", re.I), "transaksi"),
    (re.compile(r"^(?:produk|item|barang|sku|jenis\s+produk)\b", re.I), "produk"),
    (re.compile(r"^(?:marketplace|lokapasar|platform|e-commerce|situs|aplikasi|startup|perusahaan|bumn|bank|"
                r"lembaga|mitra\s+platform)\b", re.I), None),  # unit = the word itself
    (PLACE_REACH, None),  # places a programme reaches (R13): "di 34 provinsi", "41 pemerintah daerah"
    (re.compile(r"^(?:desa|kelurahan|sentra|pasar|kios|gerai|outlet|unit|paket|domain|website|akun|sertifikat|"
                r"nib|izin|ton|kg|kilogram|liter|hektare|ha|meter|km|kuota)\b", re.I), None),
]


PHYSICAL_UNITS = {"ton", "kg", "kilogram", "liter", "hektare", "ha", "meter", "km"}


def _unit_for(q: Quantity, sent_text: str, rel_end: int) -> tuple[str | None, str]:
    """(unit, noun phrase after the number)."""
    if q.unit:
        return q.unit, ""
    after = sent_text[rel_end:]
    after_s = re.sub(r"^\s*[(\[]\s*", "", after)
    if re.match(r"(?:mitra|rekan)\s+(?:pengemudi|driver|ojol|kurir)\b", after_s.strip(), re.I):
        return "orang", re.match(r"\S+\s+\S+", after_s.strip()).group(0)  # drivers are people, not businesses
    m = UMKM_WORDS.match(after_s.strip())
    if m:
        return "UMKM", m.group(0)
    for rx, unit in UNIT_NOUNS:
        m = rx.match(after_s.strip())
        if m:
            unit = unit or m.group(0).lower()
            if unit == "unit":
                ctxt = sent_text[max(0, rel_end - 150):rel_end] + " " + after_s[:30]
                hits = list(UMKM_CONTEXT.finditer(sent_text[max(0, rel_end - 150):rel_end]))
                near = hits[-1].group(0).lower() if hits else (UMKM_CONTEXT.search(ctxt).group(0).lower()
                                                               if UMKM_CONTEXT.search(ctxt) else None)
                if near:
                    unit = "koperasi" if near.startswith("koperasi") else "UMKM"
            return unit, m.group(0)
    return None, ""
