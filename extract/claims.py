"""Claim extraction: every stated figure or target in an article becomes a structured, sourced claim.

``extract_claims(article) -> list[dict]`` (see ../shared/reference/claims.md and docs/claims.md).

Steps per article: spaCy pipeline (tokenizer, sentencizer, gazetteer ruler, selective NER) -> per sentence:
attribution (quotes + said-verbs, "Menurut X", pronouns, "Menkop UKM tersebut", paragraph carry-over) -> quantities
(extract.numbers) with scope filters (dates, durations, names, categories, phones, prizes, conditionals,
"Baca juga") -> claim type, target year, as-of, unit, subject, metric, programme -> one claim per fact.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from extract.numbers import Quantity, find_quantities

EXTRACTOR_VERSION = "pantau-claims-1.1"

CLAIM_FIELDS = [
    "article_id", "claim_type", "subject", "metric", "value", "value_max", "unit", "qualifier", "value_text",
    "target_year", "as_of", "stated_on", "speaker", "speaker_title", "organization", "program", "quote",
    "char_start", "char_end", "confidence",
]
LINK_FIELDS = ["person_id", "institution_id", "program_id"]

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12,
}
WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6,
            "ahad": 6}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)"

_SAID_VERB_AFTER = re.compile(
    r"(?<![\w-])(?P<v>(?:kata|ujar|ungkap|tutur|jelas|pungkas|tambah|sebut|imbuh|terang|papar|lanjut|tegas|ucap|"
    r"tukas|timpal|tandas|sambung|urai|beber|katakan|tulis|cetus|seloroh|jawab|kilah|aku|sebutkan)"
    r"(?P<nya>nya)?)\b", re.IGNORECASE)
ME_VERBS = (
    r"mengatakan|menyatakan|menyebut|menyebutkan|menjelaskan|menyampaikan|mengungkapkan|menegaskan|menuturkan|"
    r"memaparkan|menerangkan|menambahkan|mengemukakan|mengklaim|mencatat|melaporkan|menilai|berharap|meyakini|"
    r"optimistis|optimis|memperkirakan|memprediksi|menargetkan|membeberkan|mengakui|mengingatkan|bercerita|"
    r"berpendapat|mengungkap|memastikan|mengimbau|mendorong|mengajak|mengapresiasi|menuturkan|mengutarakan|"
    r"menandaskan|menekankan|membeberkan|merinci|mengharapkan|menyebutkan|mengklaim|menginformasikan|"
    r"menyampaikan|berujar|bertutur|berkata|menjabarkan|mengingatkan|mencontohkan|mengemukakan|melanjutkan|"
    r"meminta|menyoroti|menyinggung|berpesan|menginstruksikan|memerintahkan|mengumumkan|membeberkan|"
    r"mengimbau|menyebutkan|mengakui|menambahkan|mengungkapkan|menggarisbawahi|mengklarifikasi"
)
_ME_VERB_RE = re.compile(rf"\b(?:{ME_VERBS})\b", re.IGNORECASE)
PRONOUNS = re.compile(r"^(?:\W*)(?:Ia|Dia|Beliau)\b|\b(?:ia|dia|beliau)\s+(?:juga\s+|pun\s+|lalu\s+|kemudian\s+)?"
                      rf"(?:{ME_VERBS}|mengatakan)\b|\bMenurut(?:nya|\s+(?:dia|ia|beliau))\b|\bkata\s+(?:dia|ia|beliau)\b",
                      re.IGNORECASE)
TITLE_HEADS = (
    r"Menteri|Menko|Menkop|MenKopUKM|Menkominfo|Menkomdigi|Mendag|Menkeu|Menperin|Menparekraf|Menpar|Mentan|"
    r"Menhan|Wamen\w*|Wakil|Presiden|Wapres|Deputi|Asisten\s+Deputi|Asdep|Direktur(?:\s+Utama)?|Dirut|Dirjen|"
    r"Sekretaris|Sesmen\w*|Sekjen|Kepala|Ketua(?:\s+Umum)?|Ketum|Gubernur|Bupati|Wali\s*[Kk]ota|Walikota|"
    r"Staf\s+Khusus|Stafsus|Juru\s+[Bb]icara|Jubir|Koordinator|Komisaris|Plt\.?|Pj\.?|CEO|COO|CFO|CTO|Chief|Head|"
    r"Country|Founder|Co-[Ff]ounder|Pendiri|Manajer|Manager|General\s+Manager|Vice\s+President|VP|Presdir|"
    r"Presiden\s+Direktur|Analis|Ekonom|Peneliti|Pengamat|Dosen|Guru\s+Besar|Anggota|Pimpinan|Pemimpin|Owner|"
    r"Pemilik|Camat|Lurah|Kadis|Kabid|Kasubdit|Ketua\s+Dewan|Senior|Managing\s+Director|Executive|Direktorat|"
    r"ekonom|pengamat|peneliti|analis|dosen|guru\s+besar|pakar|pendiri|pemilik|pelaku\s+usaha|perajin|pengusaha"
)
_TITLE_HEAD_RE = re.compile(rf"\b(?:{TITLE_HEADS})\b")
_TITLE_WORD_OK = re.compile(r"^(?:[A-Z0-9(][\w.&/'’()-]*|dan|&|serta|bidang|untuk|pada|di|dari|atas|sekaligus|"
                            r"ekonom|pengamat|peneliti|analis|dosen|guru|besar|pakar|pendiri|pemilik|pelaku|usaha|"
                            r"perajin|pengusaha|senior|of|on|for|and|the|"
                            r"yang|urusan|ke|ri|RI|se|e-\w+|\(\w+\))$")

NEWS_BLOCK = re.compile(
    r"^\s*(?:baca\s+juga|baca|simak\s+juga|simak|lihat\s+juga|artikel\s+terkait|berita\s+terkait|tonton\s+juga|"
    r"video\s*:|infografis|rekomendasi|populer|terpopuler|berita\s+lainnya|advertisement|scroll\s+to|"
    r"ikuti\s+(?:berita|kami)|dapatkan\s+(?:update|informasi)|follow)\b", re.IGNORECASE)
SKIP_SENTENCE = re.compile(
    r"\b(?:hadiah|undian|giveaway|doorprize|kuis|komentar(?:mu)?|hotline|call\s+center|telepon|"
    r"nomor\s+(?:telepon|hp|wa)|hubungi)\b", re.IGNORECASE)
CONDITIONAL = re.compile(r"\b(?:jika|kalau|apabila|bila|seandainya|andaikan|andai|misalkan|umpamanya|"
                         r"sekiranya|manakala)\b(?!\s+(?:dibandingkan|dibanding|dilihat|ditotal|dijumlahkan|"
                         r"digabung|dihitung|berdasarkan|menurut|melihat|bicara|berbicara|soal|mengacu|merujuk|"
                         r"dari\s+sisi|untuk|kita\s+lihat|lihat))", re.IGNORECASE)
DURATION = re.compile(r"^\s*(?:tahun|thn|bulan|minggu|pekan|hari|jam|menit|detik|dekade|abad|windu|semester|"
                      r"kuartal|triwulan|caturwulan|periode|musim|generasi|malam|sesi|"
                      r"angkatan|gelombang|batch|tahap|edisi|episode|season|putaran|termin|juz)\b",
                      re.IGNORECASE)
CATEGORY = re.compile(
    r"^\s*(?:\w+\s+)?(?:klaster|cluster|kategori|sektor|subsektor|pilar|strategi|langkah|poin|hal|aspek|jenis|"
    r"tahapan|fokus|prioritas|kelompok|bidang|isu|kriteria|syarat|indikator|agenda|arahan|komponen|dimensi|"
    r"area|level|cara|upaya|faktor|tantangan|masalah|persoalan|alasan|tujuan|misi|bagian|skema|paket|opsi|"
    r"pendekatan|kunci|prinsip|program\s+(?:prioritas|utama|unggulan)|instruksi|rekomendasi|catatan|kendala|"
    r"hambatan|manfaat|keuntungan|kelebihan|provinsi|kabupaten|kota|kabupaten/kota|negara|benua|pulau|"
    r"kementerian|lembaga|menteri|orang\s+menteri|besar\s+(?:kota|negara)|titik|lokasi|wilayah|zona|"
    r"sila|butir|pasal|ayat|bab|huruf|kata|kalimat|halaman|slide|gambar|foto|unit\s+smartphone|smartphone|"
    r"ekor|pintu|lantai|babak|ronde|gol|skor|juara|peringkat|besar\s+(?:ekonomi|dunia))\b",
    re.IGNORECASE)
REG_NAME_BEFORE = re.compile(r"(?:\b(?:nomor|no\.?|pasal|ayat|pp|uu|perpres|permen\w*|inpres|keppres|kepmen\w*|"
                             r"perda|perpu|perppu|pmk|pojk|peraturan|tahun|thn|angka|ke|kode|versi|"
                             r"seri|tipe|kelas|jilid|volume|vol\.?|edisi|halaman|hlm\.?|hal\.?|rt|rw|km|jl\.?|"
                             r"jalan|gedung|lantai|ruang|kamar|pukul|jam|tanggal|tgl\.?|sejak|selama|usia|umur|"
                             r"berusia|berumur|medio|era|zaman|periode|angkatan|generasi)|[#@/])\s*$",
                             re.IGNORECASE)
TIME_AFTER = re.compile(r"^\s*(?:WIB|WITA|WIT|GMT|UTC|pagi|siang|sore|malam)\b", re.IGNORECASE)
MONTH_AFTER = re.compile(rf"^\s*(?:{_MONTH_RE})\b\.?", re.IGNORECASE)

UMKM_WORDS = re.compile(
    r"^(?:pelaku\s+|unit\s+|para\s+)?(?:umkm|ukm|umk|ikm|kumkm|usaha\s+mikro(?:,?\s+kecil(?:,?\s+dan\s+menengah)?)?|"
    r"usaha\s+kecil|usaha\s+ultra\s+mikro|ultra\s+mikro|pelaku\s+usaha|wirausaha\w*|pengusaha|unit\s+usaha|"
    r"pedagang|merchants?|mitra|sellers?|penjual|usaha|industri\s+kecil|warung|toko|pengrajin|perajin|"
    r"pelapak|reseller|umkm-nya|brand\s+lokal|jenama\s+lokal)\b", re.IGNORECASE)
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
    (re.compile(r"^(?:desa|kelurahan|sentra|pasar|kios|gerai|outlet|unit|paket|domain|website|akun|sertifikat|"
                r"nib|izin|ton|kg|kilogram|liter|hektare|ha|meter|km|kuota)\b", re.I), None),
]
PHYSICAL_UNITS = {"ton", "kg", "kilogram", "liter", "hektare", "ha", "meter", "km"}
RELEVANT = re.compile(r"\b(?:umkm|ukm|umk|ikm|kumkm|usaha\s+(?:mikro|kecil)|ultra\s+mikro|koperasi|e-commerce|"
                      r"ecommerce|ekonomi\s+digital|lokapasar|marketplace|kur|bpum|qris|padi\s+umkm|e-katalog|"
                      r"pelaku\s+usaha|wirausaha\w*)\b", re.I)
UMKM_CONTEXT = re.compile(r"\b(?:umkm|ukm|umk|ikm|usaha\s+mikro|pelaku\s+usaha|wirausaha|koperasi|pedagang|"
                          r"merchants?|pelapak|penjual|seller)\b", re.I)

TARGET_CUES = re.compile(
    r"\b(?:target(?:kan|nya)?(?!\s+(?:itu|tersebut|ini)\b)|menargetkan|ditargetkan|sasaran|disasar|diharapkan|"
    r"berharap|mengharapkan|"
    r"akan|bakal|rencana(?:nya)?|berencana|direncanakan|merencanakan|ingin|mau|hendak|harus|wajib|mesti|"
    r"mewajibkan|diwajibkan|"
    r"perlu|mendorong\s+(?:agar|supaya|setiap)|dorong\s+(?:\w+\s+){0,3}?menjadi|kejar|dikejar|menyasar|"
    r"ke\s+depan(?:nya)?|tahun\s+depan|mendatang|upaya(?:kan)?|diupayakan|membidik|dibidik|mematok|dipatok|"
    r"mencanangkan|dicanangkan|menjadi\s+target|supaya|agar|cita-cita|bercita-cita|ambisi|proyeksi\s+target|"
    r"kuota)\b", re.IGNORECASE)
ACHIEVE_CUES = re.compile(
    r"\b(?:sudah|telah|baru|hanya|hasilnya|ternyata|tercatat|mencatat|disalurkan|diberikan|diterima|menerima|tersalur|mencatatkan|dicatat|mencapai|tembus|menembus|saat\s+ini|kini|"
    r"sekarang|hingga\s+kini|sampai\s+saat\s+ini|hingga\s+saat\s+ini|berhasil|terealisasi|realisasi(?:nya)?|"
    r"terdata|terdaftar|tergabung|bergabung|terhubung|terkoneksi|naik|turun|tumbuh|meningkat|menurun|"
    r"bertambah|sempat|capaian|pencapaian|mencatatkan|menyalurkan|tersalurkan|"
    r"mengakses|memanfaatkan|onboarding|masuk|per\s+(?:" + _MONTH_RE + r"|akhir|awal|tanggal))\b",
    re.IGNORECASE)
BUDGET_CUES = re.compile(
    r"\b(?:anggaran|dianggarkan|menganggarkan|alokasi|dialokasikan|mengalokasikan|dana|pendanaan|pagu|apbn|apbd|"
    r"disalurkan|penyaluran|menyalurkan|tersalurkan|bantuan|subsidi|insentif|stimulus|hibah|digelontorkan|"
    r"menggelontorkan|gelontoran|plafon|plafond|pagu|menyiapkan|disiapkan|menyediakan|disediakan|bpum|banpres|blt|bansos|realisasi\s+(?:kur|anggaran|dana|bantuan|penyaluran)|"
    r"belanja\s+(?:barang\s+dan\s+jasa\s+)?(?:pemerintah|negara|kementerian|daerah|k/l|bumn)|tersalur)\b",
    re.IGNORECASE)
OTHER_CUES = re.compile(
    r"\b(?:pdb|produk\s+domestik\s+bruto|gdp|ekonomi\s+digital|digital\s+economy|pasar\s+digital|nilai\s+pasar|"
    r"ukuran\s+pasar|market\s+size|populasi|"
    r"jumlah\s+(?:anggota|penduduk|pekerja|pengguna|pelaku|umkm|ukm|usaha|koperasi)\w*|total\s+(?:umkm|ukm)|diperkirakan|diprediksi|diproyeksikan|proyeksi|perkiraan|potensi|"
    r"peserta|dihadiri|diikuti|pengunjung|penduduk|tenaga\s+kerja|menyerap|serapan|kontribusi|berkontribusi|"
    r"menyumbang|sumbangan|ekspor|investasi|pangsa|valuasi)\b", re.IGNORECASE)
# counts of people or businesses taking part in / hit by something are context ("1.700 koperasi terdampak",
# "120 ribu penjual ikut pelatihan"), not programme results
PARTICIPANT_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:yang\s+)?(?:terdampak|ikut|mengikuti|turut|hadir|menghadiri|"
                               r"berpartisipasi|terkena|dirumahkan)\b", re.IGNORECASE)
# figures derived from other figures: a gap ("selisih 800 ribu"), an average or per-unit amount
DERIVED_LEFT = re.compile(r"\b(?:selisih(?:nya)?|kekurangan(?:nya)?|kesenjangan|gap)\s+(?:\w+\s+){0,3}?$", re.IGNORECASE)
PER_UNIT_LEFT = re.compile(r"(?:\b(?:rata-rata|rerata)\b[^,.;]*|\b(?:setiap|tiap|per)\s+(?!(?:" + _MONTH_RE +
                           r"|akhir|awal|tanggal|tahun|bulan|hari|pekan|minggu|kuartal|semester|triwulan|kapita)\b)"
                           r"[a-z]\w*\s+(?:\w+\s+){0,2}?)$", re.IGNORECASE)
SHARE_BASE_LEFT = re.compile(r"(?:persen|%)\s+dari\s+(?:sekitar\s+|total\s+|seluruh\s+)?$", re.IGNORECASE)
TARGET_SET_AFTER = re.compile(r"\s*(?:\S+\s+){0,3}?yang\s+(?:telah\s+|sudah\s+)?(?:dipatok|ditetapkan|dicanangkan|"
                              r"ditargetkan|direncanakan|dipasang|disepakati)\b", re.IGNORECASE)
DARI_TARGET = re.compile(r"^\s*(?:\S+\s+){0,2}dari\s+(?:total\s+)?(?:target|sasaran)", re.IGNORECASE)
PER_PERIOD = re.compile(r"\b(?:setiap|tiap|per)\s+(?:tahun(?:nya)?|bulan|pekan|minggu|hari)\b|\btiap\s+tahunnya\b|"
                        r"\bsetahun\b|\bper\s*annum\b", re.IGNORECASE)
YEAR_RE = re.compile(r"(?<![\d/.,-])(?P<y>(?:19|20)\d\d)(?![\d/.,]\d)")
REL_SPAN = re.compile(r"\b(?:dalam\s+(?:waktu\s+)?|pada\s+)?(?P<n>\d{1,2}|satu|dua|tiga|empat|lima|enam|tujuh|delapan|"
                      r"sembilan|sepuluh)\s+tahun\s+(?:ke\s+depan|mendatang|lagi)\b", re.IGNORECASE)
REL_YEAR = re.compile(r"\b(?:tahun|thn)\s+(?P<rel>ini|depan|lalu|kemarin|mendatang)\b|\bakhir\s+tahun\b(?!\s+(?:\d|ini|depan|lalu|mendatang|kemarin))",
                      re.IGNORECASE)
STRONG_BOUNDARY = re.compile(r"[;:]|[.!?][\"”’]?\s+(?=[A-Z\"“(])|,\s*(?:namun|tetapi|tapi|sementara|sedangkan|padahal|sehingga|jadi|maka|"
                             r"meski|meskipun|walaupun|walau|kemudian|lalu|dan\s+(?:kini|saat\s+ini|sekarang))\b|"
                             r"\b(?:namun|sedangkan|sementara\s+itu)\b", re.IGNORECASE)


# --------------------------------------------------------------------------------------------------- gazetteer
@lru_cache(maxsize=1)
def _gaz():
    from nlp_models.gazetteer import index

    idx = index()
    surname = {}
    for pid, p in idx["people"].items():
        for v in [p["name"], *p.get("variants", [])]:
            surname.setdefault(v.lower(), pid)
    return idx, surname


def _parse_day(s) -> date | None:
    if not s:
        return None
    s = str(s)
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = re.match(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", s)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
        except ValueError:
            return None
    return None


def _position_at(person: dict, day: date | None, title_hint: str | None = None) -> dict | None:
    positions = person.get("positions") or []
    if not positions:
        return None
    if title_hint:
        th = title_hint.lower()
        for q in positions:
            forms = [q.get("title", ""), *q.get("title_variants", [])]
            if any(f and (f.lower() in th or th in f.lower()) for f in forms):
                if day is None or _in_period(q, day):
                    return q
    if day is not None:
        for q in positions:
            if _in_period(q, day):
                return q
    return positions[-1]


def _in_period(q: dict, day: date) -> bool:
    s, e = _parse_day(q.get("start")), _parse_day(q.get("end"))
    if q.get("start") and len(str(q["start"])) == 4:
        s = date(int(q["start"]), 1, 1)
    if q.get("end") and len(str(q["end"])) == 4:
        e = date(int(q["end"]), 12, 31)
    return (s is None or s <= day) and (e is None or day <= e)


# --------------------------------------------------------------------------------------------------- people
@dataclass
class Person:
    name: str
    person_id: str | None = None
    title: str | None = None
    institution_id: str | None = None
    organization: str | None = None


@dataclass
class Attribution:
    person: Person | None = None
    organization: str | None = None
    institution_id: str | None = None
    kind: str = "none"  # quote | explicit | pronoun | carry | org | none
    strength: int = 0


@dataclass
class Ctx:
    text: str
    day: date | None  # stated_on as a date
    persons: dict = field(default_factory=dict)  # full name -> Person
    last_speaker: Person | None = None


def _clean_title(t: str) -> str | None:
    t = re.sub(r"\s*\([^)]*\)\s*", " ", t)
    t = re.sub(r"\s+", " ", t).strip(" ,.-–—")
    t = re.sub(r"\bKemenetrian\b", "Kementerian", t)
    return t or None


def _title_before(sent_text: str, rel_start: int) -> str | None:
    """The role phrase right before a name ("Menteri Koperasi dan UKM (Menkop UKM) Teten" -> the minister title)."""
    before = sent_text[max(0, rel_start - 160):rel_start]
    before = before.rstrip(" ,")
    heads = list(_TITLE_HEAD_RE.finditer(before))
    if not heads:
        return None
    for h in heads:  # earliest head whose phrase up to the name is title-like
        phrase = before[h.start():]
        words = re.sub(r"\([^)]*\)", "", phrase).replace(",", " ").split()
        if 1 <= len(words) <= 16 and all(_TITLE_WORD_OK.match(w) for w in words):
            return _clean_title(phrase)
    return None


def _resolve_name(ent_text: str, ent_id: str, ctx: Ctx) -> tuple[str, str | None]:
    idx, _ = _gaz()
    if ent_id and ent_id.startswith("person:"):
        pid = ent_id.split(":", 1)[1]
        p = idx["people"].get(pid)
        if p:
            return p["name"], pid
    name = re.sub(r"\s+", " ", ent_text).strip(" ,.")
    name = re.sub(r"-?nya$", "", name)
    low = name.lower()
    for full, person in ctx.persons.items():
        parts = full.lower().split()
        if low != full.lower() and (low in parts or (len(low.split()) < len(parts) and full.lower().endswith(low))):
            i = parts.index(low.split()[0]) if low.split()[0] in parts else 0
            if i > 0 and not person.person_id and any(w in ORG_NAME_HEADS for w in parts[:i]):
                # "Universitas Gadjah Mada Rimawan Pradiptyo" then "kata Rimawan": the institution was read into the
                # name; the person starts at the word used for him or her later
                org = " ".join(person.name.split()[:i])
                person.name = " ".join(person.name.split()[i:])
                person.title = f"{person.title} {org}" if person.title and org not in person.title else (person.title or org)
                if not person.organization:
                    person.organization = org
                ctx.persons[person.name] = person
                return person.name, person.person_id
            return (person.name if person.name != full else full), person.person_id
    for full, person in ctx.persons.items():
        # a short form of a single-word or first name ("Rudi" for Rudiantara)
        if len(low) >= 4 and " " not in low and any(p.startswith(low) and p != low for p in full.lower().split()):
            return full, person.person_id
    return name, None


# Balinese names open with "I" (men) or "Ni" (women) before the birth-order name; the NER often leaves it out
BALINESE_PREFIX = re.compile(r"(?<![\w-])(?P<p>I|Ni)\s+$")
BALINESE_GIVEN = re.compile(r"(?:Gusti|Gede|Wayan|Made|Nyoman|Ketut|Putu|Kadek|Komang|Nengah|Luh|Dewa|Dewi|Ayu|Kade|"
                            r"Desak|Wyn|Md|Nym|Kt|Pt|Gst)\b")
# words that open an institution's name: "Ekonom Universitas Gadjah Mada Rimawan Pradiptyo" is a person after them
ORG_NAME_HEADS = {"universitas", "institut", "politeknik", "sekolah", "akademi", "bank", "pt", "asosiasi", "lembaga",
                  "badan", "dinas", "kantor", "perwakilan", "kementerian", "yayasan", "perusahaan", "center", "centre",
                  "institute", "university", "koperasi", "perkumpulan", "himpunan", "forum", "ikatan"}


def _person_from_ent(ent, sent, ctx: Ctx) -> Person:
    name, pid = _resolve_name(ent.text, ent.ent_id_, ctx)
    rel = ent.start_char - sent.start_char
    bm = BALINESE_PREFIX.search(sent.text[:rel])
    if bm and not pid and BALINESE_GIVEN.match(ent.text.strip()) and name == re.sub(r"\s+", " ", ent.text).strip(" ,."):
        name, rel = f"{bm.group('p')} {name}", bm.start()
    title = _title_before(sent.text, rel)
    known = ctx.persons.get(name)
    if known is None:
        known = Person(name=name, person_id=pid)
        ctx.persons[name] = known
    if title and not known.title:
        known.title = title
    if not known.organization:
        _fill_org(known, ctx, title)
    return known


REGIONAL_OFFICE = re.compile(r"\b(?:Dinas|Disperindag\w*|Diskop\w*|Provinsi|Kabupaten|Pemprov|Pemkab|Pemkot|Kanwil|"
                             r"Kantor\s+Wilayah|Kota\s+[A-Z])", re.UNICODE)


def _fill_org(person: Person, ctx: Ctx, title: str | None):
    idx, _ = _gaz()
    inst_id = None
    if title:
        inst_id = _institution_in(title)
        m = _inst_matcher()[0].search(title)
        inst_id = resolve_institution(inst_id, m.group(0) if m else None, ctx.day)
        if m is None and REGIONAL_OFFICE.search(title):
            inst_id = None  # "Kepala Dinas Koperasi dan UKM Provinsi Bali": a regional office, not the ministry
    if person.person_id:
        p = idx["people"].get(person.person_id)
        pos = _position_at(p, ctx.day, title) if p else None
        if pos:
            if not person.title and not title:
                person.title = pos.get("title")
            inst_id = inst_id or pos.get("institution")
    if inst_id:
        person.institution_id = inst_id
        inst = idx["institutions"].get(inst_id)
        person.organization = inst["name"] if inst else None
    elif title:
        # no gazetteer institution: the organisation named in the role ("ekonom CORE ..." -> "CORE ...")
        m = _TITLE_HEAD_RE.match(title)
        rest = title[m.end():].strip() if m else ""
        rest = re.sub(r"^(?:Umum|Utama|Eksekutif|Bidang\s+\w+)\s+", "", rest)
        if rest and rest[0].isupper():
            person.organization = rest


@lru_cache(maxsize=1)
def _inst_matcher():
    idx, _ = _gaz()
    forms = []
    for iid, inst in idx["institutions"].items():
        for f in [inst["name"], *inst.get("acronyms", []), *inst.get("aliases", [])]:
            if len(f) >= 3 and not f.lower().startswith("istana"):
                forms.append((f, iid))
    forms.sort(key=lambda x: -len(x[0]))
    pat = re.compile("|".join(rf"(?<![\w-]){re.escape(f)}(?![\w-])" for f, _ in forms))
    lookup = {f.lower(): iid for f, iid in forms}
    return pat, lookup


@lru_cache(maxsize=1)
def _surface_institutions() -> dict:
    idx, _ = _gaz()
    out: dict[str, list[str]] = {}
    for iid, inst in idx["institutions"].items():
        for f in [inst["name"], *inst.get("acronyms", []), *inst.get("aliases", [])]:
            out.setdefault(f.lower(), [])
            if iid not in out[f.lower()]:
                out[f.lower()].append(iid)
    return out


def resolve_institution(iid: str | None, surface: str | None, day: date | None) -> str | None:
    """The institution a name meant on ``day``: "Kemenkop" is KemenKopUKM before 2024-10-21 and Kementerian
    Koperasi after; an id outside its validity moves to its single predecessor / successor."""
    if day is None:
        return iid
    idx, _ = _gaz()
    cands = _surface_institutions().get((surface or "").lower()) or ([iid] if iid else [])
    for c in cands:
        inst = idx["institutions"].get(c, {})
        vf, vt = _parse_day(inst.get("valid_from")), _parse_day(inst.get("valid_to"))
        if (vf is None or vf <= day) and (vt is None or day <= vt):
            return c
    if iid:
        inst = idx["institutions"].get(iid, {})
        vf, vt = _parse_day(inst.get("valid_from")), _parse_day(inst.get("valid_to"))
        if vf and day < vf and len(inst.get("predecessor") or []) == 1:
            return inst["predecessor"][0]
        if vt and day > vt and len(inst.get("successor") or []) == 1:
            return inst["successor"][0]
    return iid


def _institution_in(text: str) -> str | None:
    pat, lookup = _inst_matcher()
    m = pat.search(text)
    if m:
        return lookup.get(m.group(0).lower())
    # title abbreviations -> institutions
    t = text.lower()
    for key, iid in (("menkop", "kemenkopukm"), ("koperasi dan ukm", "kemenkopukm"), ("kominfo", "kominfo"),
                     ("komunikasi dan informatika", "kominfo"), ("komunikasi dan digital", "komdigi"),
                     ("mendag", "kemendag"), ("perdagangan", "kemendag"), ("bumn", "kemenbumn"),
                     ("perekonomian", "kemenko_perekonomian"), ("presiden", "kepresidenan"),
                     ("keuangan", "kemenkeu"), ("perindustrian", "kemenperin")):
        if key in t:
            return iid
    return None


# --------------------------------------------------------------------------------------------------- dates
_DATELINE = re.compile(rf"\b(?P<wd>{_WEEKDAY_RE})\s*,?\s*\(\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})"
                       rf"(?:\s*/\s*(?P<y>\d{{2,4}}))?\s*\)", re.IGNORECASE)
_DATELINE_LONG = re.compile(rf"\b(?P<wd>{_WEEKDAY_RE})\s*,?\s*\(?\s*(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH_RE})\b\.?"
                            rf"(?:\s+(?P<y>\d{{4}}))?\s*\)?", re.IGNORECASE)
_WEEKDAY_ONLY = re.compile(rf"(?:,\s*|\bpada\s+(?:hari\s+)?|\bhari\s+)(?P<wd>{_WEEKDAY_RE})\b(?!\s*[(\d])",
                           re.IGNORECASE)


def _published_day(published) -> date | None:
    """Publication day in WIB (machine dates go through extract.dates.parse_iso, the project's one ISO parser)."""
    if not published:
        return None
    from extract.dates import parse_iso

    dt = parse_iso(published)
    return dt.date() if dt else _parse_day(published)


def stated_on(text: str, published) -> date | None:
    """Dateline "Kamis (11/6/2021)" (day/month order), else a weekday-only mention resolved to the latest such day on
    or before publication, else the publication date."""
    pub = _published_day(published)
    for m in _DATELINE.finditer(text):
        try:
            d, mo = int(m.group("d")), int(m.group("m"))
            ys = m.group("y")
            y = int(ys) + (2000 if len(ys) == 2 else 0) if ys else (pub.year if pub else None)
            if y is None:
                continue
            cand = date(y, mo, d)
            if pub and cand > pub:
                if not ys and (cand - pub).days > 31:
                    cand = date(y - 1, mo, d)  # "Rabu (30/12)" in an article of 2 January
                else:
                    continue  # a coming event ("diluncurkan besok, Sabtu (15/8)"), not the statement
            return cand
        except ValueError:
            continue
    for m in _DATELINE_LONG.finditer(text):
        try:
            y = int(m.group("y")) if m.group("y") else (pub.year if pub else None)
            if y is None:
                continue
            cand = date(y, MONTHS[m.group("mon").lower()], int(m.group("d")))
            if pub and cand > pub:
                if not m.group("y") and (cand - pub).days > 31:
                    cand = date(y - 1, cand.month, cand.day)
                else:
                    continue
            return cand
        except (ValueError, KeyError):
            continue
    if pub:
        m = _WEEKDAY_ONLY.search(text)
        if m:
            wd = WEEKDAYS[m.group("wd").lower().replace("’", "'")]
            delta = (pub.weekday() - wd) % 7
            return pub - timedelta(days=delta)
    return pub


# --------------------------------------------------------------------------------------------------- attribution
_SENT_ENTS: dict = {}  # (id(doc), sentence start) -> entities, filled once per article by _index_ents


def _index_ents(doc) -> None:
    """Entities per sentence, computed once (``Span.ents`` rebuilds every entity of the document on each call)."""
    import bisect

    _SENT_ENTS.clear()
    starts = [s.start for s in doc.sents]
    by = {st: [] for st in starts}
    for e in doc.ents:
        k = bisect.bisect_right(starts, e.start) - 1
        if k >= 0:
            by[starts[k]].append(e)
    for st, ents in by.items():
        _SENT_ENTS[(id(doc), st)] = ents


def _sent_ents(sent):
    got = _SENT_ENTS.get((id(sent.doc), sent.start))
    return got if got is not None else list(sent.ents)


def _ents(sent, labels):
    return [e for e in _sent_ents(sent) if e.label_ in labels and e.end <= sent.end]


def _valid_person_ent(e) -> bool:
    t = e.text.strip()
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t) and not any(c.isdigit() for c in t) \
        and t.lower() not in {"menurut", "ia", "dia", "kami", "saya", "pak", "bu", "ibu"}


def attribute_sentence(sent, ctx: Ctx) -> Attribution:
    """Explicit attribution of one sentence (no carry-over)."""
    text = sent.text
    s0 = sent.start_char
    pers = [e for e in _ents(sent, {"PER"}) if _valid_person_ent(e)]

    # A. quote/said-verb followed by a name: '..." kata Menteri X, Teten Masduki'
    for m in _SAID_VERB_AFTER.finditer(text):
        if m.group("nya"):
            # "ujarnya": the name is the last speaker unless a name follows the verb anyway
            if ctx.last_speaker and _quoteish(text, m.start()):
                return Attribution(person=ctx.last_speaker, kind="quote" if _has_quote(text) else "pronoun",
                                   strength=3)
            continue
        after = [e for e in pers if e.start_char - s0 >= m.end() and e.start_char - s0 - m.end() <= 110
                 and "." not in text[m.end():e.start_char - s0].replace("Dr.", "").replace("Ir.", "")]
        if after and _quoteish(text, m.start()):
            e = after[0]
            if re.match(r"\s*,\s*(?:sapaan|panggilan|akrab\s+disapa)\b", text[e.end_char - s0:], re.I) and ctx.persons:
                # '"...," kata Ani, sapaan akrabnya': a nickname of the person named before
                named = [p for p in ctx.persons.values() if e.text.lower() not in p.name.lower().split()]
                if named:
                    # the article's protagonist (first named) unless someone was already speaking
                    person = ctx.last_speaker if ctx.last_speaker in named else named[0]
                    ctx.persons[e.text.strip()] = person  # later "Ani" mentions are the same person
                    return Attribution(person=person, kind="quote" if _has_quote(text) else "explicit", strength=4)
            return Attribution(person=_person_from_ent(e, sent, ctx),
                               kind="quote" if _has_quote(text) else "explicit", strength=4)
        if re.match(r"\s+(?:dia|ia|beliau)\b", text[m.end():], re.I) and ctx.last_speaker:
            return Attribution(person=ctx.last_speaker, kind="pronoun", strength=3)
        orgs_after = [e for e in _ents(sent, {"ORG"}) if 0 <= e.start_char - s0 - m.end() <= 3]
        known = _known_name_at(text, m.end(), ctx) if orgs_after else None
        if known and _quoteish(text, m.start()):
            # '..." ujar Budiharto' where the NER read the surname of a person named before as an organisation
            return Attribution(person=known, kind="quote" if _has_quote(text) else "explicit", strength=4)
        if orgs_after and _quoteish(text, m.start()):
            return _org_attr(orgs_after[0], ctx.day)  # '..." tulis Kemenkop UKM dalam keterangannya'
        tm = re.match(rf"\s+(?P<t>(?:{TITLE_HEADS})[\w\s&]*?)\s*(?:[,.]|$|\s+(?:saat|dalam|di|kepada|usai|ketika|seusai)\b)",
                      text[m.end():])
        if tm and _quoteish(text, m.start()) and m.group("v").lower() not in ("aku", "jawab"):
            p = _person_for_title(tm.group("t"), ctx)
            if p:
                return Attribution(person=p, kind="quote" if _has_quote(text) else "explicit", strength=3)
        known = _known_name_at(text, m.end(), ctx)
        if known and _quoteish(text, m.start()):
            return Attribution(person=known, kind="quote" if _has_quote(text) else "explicit", strength=4)

    # A2. passive reporting: "hal itu disampaikan (oleh) Kepala BPS Margo Yuwono"
    for m in re.finditer(r"\b(?:disampaikan|diungkapkan|dikatakan|dijelaskan|dipaparkan|ditegaskan|diutarakan)\s+"
                         r"(?:oleh\s+)?", text):
        after = [e for e in pers if 0 <= e.start_char - s0 - m.end() <= 90
                 and "." not in text[m.end():e.start_char - s0]]
        if after:
            return Attribution(person=_person_from_ent(after[0], sent, ctx), kind="explicit", strength=4)

    # C. Menurut X
    m = re.search(r"\bMenurut\s+", text)
    if m:
        after = [e for e in pers if 0 <= e.start_char - s0 - m.end() <= 90
                 and not re.search(r"[.]", text[m.end():e.start_char - s0])]
        if after:
            return Attribution(person=_person_from_ent(after[0], sent, ctx), kind="explicit", strength=4)
        known = _known_name_at(text, m.end(), ctx)
        if known:
            return Attribution(person=known, kind="explicit", strength=4)
        org = _org_after(text, m.end(), ctx.day)
        if org:
            return org

    # B. X (title) mengatakan
    for v in _ME_VERB_RE.finditer(text):
        before = [e for e in pers if e.end_char - s0 <= v.start() and v.start() - (e.end_char - s0) <= 120]
        if before:
            e = before[-1]
            gap = text[e.end_char - s0:v.start()]
            if not re.search(r"[.;]|(?<!, )\byang\b|\b(?:bahwa|karena)\b", gap) and gap.count(",") <= 3:
                return Attribution(person=_person_from_ent(e, sent, ctx), kind="explicit", strength=4)
        # a titled name the statistical NER missed ("Kepala Dinas ... Elisabeth Ratu Rante Allo di Jakarta, Rabu, mengatakan")
        if not before:
            p = _rule_name_before(text, v.start(), ctx)
            if p:
                return Attribution(person=p, kind="explicit", strength=4)
        # title without a name ("Menteri Koperasi dan UKM menyatakan", "Menkop UKM tersebut menjelaskan")
        seg = text[max(0, v.start() - 120):v.start()]
        tm = re.search(rf"\b(?P<t>(?:{TITLE_HEADS})[\w\s&]*?)\s+(?:tersebut\s+|itu\s+)?(?:juga\s+|pun\s+|lebih\s+lanjut\s+)?$",
                       seg)
        if tm:
            p = _person_for_title(tm.group("t"), ctx)
            if p:
                return Attribution(person=p, kind="explicit", strength=3)
        # institution as the subject: "Kementerian Kominfo menyebutkan ..."
        orgs = [e for e in _ents(sent, {"ORG"}) if e.end_char - s0 <= v.start() and v.start() - (e.end_char - s0) <= 40]
        if orgs and not re.search(r"[.;,]", text[orgs[-1].end_char - s0:v.start()]):
            return _org_attr(orgs[-1], ctx.day)
        if re.search(r"\b(?:ia|dia|beliau)\s+(?:\w+\s+)?$", text[max(0, v.start() - 25):v.start()], re.I) \
                and ctx.last_speaker:
            return Attribution(person=ctx.last_speaker, kind="pronoun", strength=3)

    # D. pronouns and "tersebut" titles
    if PRONOUNS.search(text) and ctx.last_speaker:
        return Attribution(person=ctx.last_speaker, kind="pronoun", strength=3)
    tm = re.search(rf"\b(?P<t>(?:{TITLE_HEADS})[\w\s&]*?)\s+tersebut\b", text)
    if tm:
        p = _person_for_title(tm.group("t"), ctx)
        if p:
            return Attribution(person=p, kind="pronoun", strength=3)

    # G. data sources: "Berdasarkan data X", "data X menunjukkan", "X mencatat"
    m = re.search(r"\b(?:berdasarkan|menurut|merujuk|mengutip|mengacu|dikutip\s+dari|data|laporan|riset|survei|"
                  r"studi|catatan|hasil)\s+(?:pada\s+|ke\s+)?(?:data\s+|laporan\s+|riset\s+|survei\s+|studi\s+)?",
                  text, re.I)
    if m:
        org = _org_after(text, m.end(), ctx.day)
        if org:
            return org
    return Attribution()


_NAME_BEFORE_VERB = re.compile(
    r"(?P<name>(?:[A-Z][a-z'’]+\s+){0,5}[A-Z][a-z'’]+)\s*,?\s*"
    r"(?:di\s+[A-Z]\w+(?:\s+[A-Z]\w+)?\s*,?\s*)?(?:(?:pada\s+)?" + _WEEKDAY_RE + r"\s*(?:\([^)]*\))?\s*,?\s*)?"
    r"(?:juga\s+|pun\s+|lebih\s+lanjut\s+)?$")
_NAME_STOPWORDS = {
    "jakarta", "indonesia", "dki", "jawa", "barat", "timur", "tengah", "utara", "selatan", "bandung", "surabaya",
    "kementerian", "badan", "dinas", "pemerintah", "provinsi", "kabupaten", "kota", "umum", "utama", "bidang",
    "komisioner", "pengawas", "perbankan", "koperasi", "usaha", "mikro", "kecil", "menengah", "perdagangan",
    "perindustrian", "keuangan", "digital", "informatika", "komunikasi", "ekonomi", "nasional", "pemasaran",
    "produksi", "pengembangan", "asosiasi", "lembaga", "direktorat", "jenderal", "kantor", "negara", "republik",
    "ri", "kreatif", "pariwisata", "desa", "daerah", "wilayah", "sumber", "daya", "manusia", "industri",
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "menurut", "sementara", "namun", "dalam",
    "negeri", "luar", "deputi", "direktur", "kepala", "ketua", "menteri", "sekretaris", "staf", "khusus", "asisten",
}


def _rule_name_before(text: str, pos: int, ctx: Ctx) -> Person | None:
    # drop an appositive ("Ipuk Fiestiandani, yang juga Ketua Dekranasda, mengatakan")
    app = re.search(r",\s*yang\s+(?:juga\s+)?[^,]{3,80},\s*$", text[:pos])
    if app:
        pos = app.start()
    m = _NAME_BEFORE_VERB.search(text[max(0, pos - 160):pos])
    if not m:
        return None
    words = m.group("name").split()
    surfaces = _surface_institutions()
    cut = [i for i, w in enumerate(words) if w.lower() in _NAME_STOPWORDS or w.lower() in surfaces
           or _TITLE_HEAD_RE.fullmatch(w)]
    if cut:
        words = words[cut[-1] + 1:]  # the name follows the last role / institution / place word
    if not words or any(w.lower() in _NAME_STOPWORDS for w in words):
        return None
    lead = text[max(0, pos - 160):pos][:m.start("name")]
    if len(words) >= 3 and re.search(r"\b(?:Bupati|Gubernur|Wali\s*[Kk]ota|Walikota|Camat|Lurah)\s*$", lead + " ".join(
            m.group("name").split()[:len(m.group("name").split()) - len(words)])):
        words = words[1:]  # "Bupati Banyuwangi Ipuk Fiestiandani": the region, then the name
    name = " ".join(words)
    abs_start = max(0, pos - 160) + m.start("name") + m.group("name").rfind(words[0])
    title = _title_before(text, abs_start - 0) if abs_start <= len(text) else None
    full, pid = name, None
    for known, person in ctx.persons.items():
        if name.lower() == known.lower() or name.lower() in known.lower().split():
            return person
    if title is None:
        return None  # an unknown capitalised phrase without a role is too risky
    idx, surname = _gaz()
    pid = surname.get(name.lower())
    if pid:
        full = idx["people"][pid]["name"]
    person = ctx.persons.get(full) or Person(name=full, person_id=pid, title=title)
    ctx.persons[full] = person
    _fill_org(person, ctx, title)
    return person


def _known_name_at(text: str, pos: int, ctx: Ctx) -> Person | None:
    """A capitalised word at ``pos`` that is part of a person already named in the article ("Menurut Rosmaniar,")."""
    m = re.match(r"\s*((?:[A-Z][a-z'’]+)(?:\s+[A-Z][a-z'’]+){0,3})", text[pos:])
    if not m:
        return None
    words = m.group(1).lower().split()
    for full, person in reversed(list(ctx.persons.items())):
        parts = full.lower().split()
        if words[0] in parts:
            return person
    return None


def _has_quote(text: str) -> bool:
    return bool(re.search(r"[“”\"]", text))


def _quoteish(text: str, pos: int) -> bool:
    """A said-verb counts when it follows a quote or a comma (", kata Teten, ...")."""
    before = text[:pos].rstrip()
    if not before or re.fullmatch(r"\W*", before):
        return True  # "Kata Teten, ..." opening the sentence
    return before[-1] in "”\"',’" or before.endswith(("”", ",\"")) or _has_quote(before)


def _org_after(text: str, pos: int, day: date | None = None) -> Attribution | None:
    iid = None
    m = _inst_matcher()[0].match(text, pos) or _inst_matcher()[0].search(text[pos:pos + 60])
    if m:
        iid = resolve_institution(_inst_matcher()[1].get(m.group(0).lower()), m.group(0), day)
    if iid:
        idx, _ = _gaz()
        name = idx["institutions"][iid]["name"]
        return Attribution(organization=name, institution_id=iid, kind="org", strength=2)
    m = re.match(r"\s*((?:[A-Z][\w&.-]*|dan|\(|\))(?:\s+(?:[A-Z][\w&.()-]*|dan|\(\w+\)))*)", text[pos:])
    if m and m.group(1).strip() and m.group(1).strip() not in ("Ia", "Dia"):
        org = m.group(1).strip(" (")
        if len(org) > 2:
            return Attribution(organization=org, kind="org", strength=2)
    return None


def _org_attr(ent, day: date | None = None) -> Attribution:
    idx, _ = _gaz()
    iid = ent.ent_id_.split(":", 1)[1] if ent.ent_id_.startswith("inst:") else None
    iid = resolve_institution(iid, ent.text, day)
    name = idx["institutions"][iid]["name"] if iid and iid in idx["institutions"] else ent.text
    return Attribution(organization=name, institution_id=iid, kind="org", strength=2)


def _person_for_title(title: str, ctx: Ctx) -> Person | None:
    title_l = title.lower().strip()
    iid = _institution_in(title)
    # a person already named in the article with a matching title / institution
    for p in reversed(list(ctx.persons.values())):
        if p.title and (title_l in p.title.lower() or p.title.lower() in title_l):
            return p
        if iid and p.institution_id == iid and _TITLE_HEAD_RE.match(title) and p.title and \
                p.title.split()[0].lower()[:4] == title.split()[0].lower()[:4]:
            return p
    # gazetteer: who held it on the statement date
    idx, _ = _gaz()
    if ctx.day is None:
        return ctx.last_speaker if ctx.last_speaker and ctx.last_speaker.institution_id == iid and iid else None
    for pid, person in idx["people"].items():
        for q in person.get("positions", []):
            forms = [q.get("title", ""), *q.get("title_variants", [])]
            if any(f and f.lower() == title_l for f in forms) and q.get("start") and _in_period(q, ctx.day):
                p = ctx.persons.get(person["name"]) or Person(name=person["name"], person_id=pid, title=title)
                ctx.persons[person["name"]] = p
                _fill_org(p, ctx, title)
                return p
    return None


# --------------------------------------------------------------------------------------------------- quantities
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


def _lowercase_figure_phrase(ent_text: str) -> bool:
    """A name that starts with a figure ("8 Juta UMKM Go Online") is a name only when written as one: in "menyasar 8
    juta UMKM go online" the lowercase words make it a figure and its noun, not the programme."""
    m = re.match(r"\s*\d[\d.,]*\s+(.*)$", ent_text)
    if not m:
        return False
    words = [w for w in m.group(1).split() if w[:1].isalpha()]
    return any(w[0].islower() for w in words)


def _scope_ok(q: Quantity, sent_text: str, rel_start: int, rel_end: int, ent_spans) -> bool:
    before = sent_text[:rel_start]
    after = sent_text[rel_end:]
    raw = q.raw_number
    if after[:1].isalpha() or after[:1] in "-" and after[1:2].isalnum():
        return False  # "25th", "24.com", "4G"
    if re.match(r"^[.,]\d", after):
        return False
    if re.search(r"\bdari\s+(?:sebelumnya\s+|semula\s+)?$", before[-25:], re.I) and \
            re.match(r"^\s*(?:\S+\s+){0,3}?menjadi\b", after, re.I):
        return False  # the old value of "dari Rp 50 juta menjadi Rp 100 juta"
    if q.has_scale and re.match(r"^\s*(?:UMKM\s+|unit\s+)?(?:itu|tersebut)\b", after, re.I):
        return False  # "target 30 juta itu", "30 juta tersebut": a back-reference to a figure stated before
    if any(a <= rel_start < b or a < rel_end <= b for a, b in ent_spans):
        return False  # inside a name / programme
    if not q.unit and not q.has_scale and re.fullmatch(r"(?:19|20)\d\d", raw):
        return False  # a year
    if not q.unit and not q.has_scale and re.fullmatch(r"\d{1,2}", raw) and (MONTH_AFTER.match(after)
                                                                              or re.match(r"^\s*/\s*\d", after)):
        return False  # day of a date
    if re.search(r"/\s*$", before) or TIME_AFTER.match(after) or re.match(r"^\s*[:.]\d\d", after):
        return False
    if re.match(r"^0\d{2,}", raw) or re.match(r"^\s*\d{3,}", after) or re.search(r"\+62\s*$", before) or \
            (re.search(r"\b\d{3,}[\s-]+$", before) and not q.has_scale and not q.unit):
        return False  # phone numbers
    if REG_NAME_BEFORE.search(before) and not q.unit and not q.has_scale:
        return False
    if re.search(r"\bke-?\s*$", before, re.I):
        return False
    if q.unit not in ("persen", "rupiah", "USD") and DURATION.match(after):
        return False
    if q.unit not in ("persen", "rupiah", "USD") and CATEGORY.match(after) and not q.has_scale:
        return False  # "tiga klaster", "5 paket kebijakan"; but "4 juta paket per hari" is a volume
    if re.search(r"\b(?:salah|satu-satunya)\s*$", before, re.I):
        return False
    return True


def _year_candidates(sent_text: str):
    out = []
    for m in YEAR_RE.finditer(sent_text):
        y = int(m.group("y"))
        before = sent_text[max(0, m.start() - 4):m.start()]
        if "/" in before or re.search(r"\d\s*[-–]\s*$", before):
            continue
        out.append((m.start(), y, m.end()))
    return out


def _target_year(sent_text: str, rel_start: int, rel_end: int, day: date | None) -> int | None:
    """Deadline year for a target: in its clause first (a quotation listing "2023 itu 2,4 juta. Dan di 2024 itu 3,4
    juta" has one year per clause), else in the whole sentence."""
    left, right = _clause_bounds(sent_text, rel_start, rel_end)
    for m in _LIST_JOIN.finditer(sent_text, left, rel_start):
        left = m.end()
    m = _LIST_JOIN.search(sent_text, rel_end, right)
    if m:
        right = m.start()
    if (left, right) != (0, len(sent_text)):
        y = _target_year_in(sent_text[left:right], rel_start - left, rel_end - left, day)
        if y is not None:
            return y
        # a year stated before the clause ("Kita sudah menargetkan tahun 2024, 30 juta"), never one of a later clause
        return _target_year_in(sent_text[:right], rel_start, rel_end, day) if left else None
    return _target_year_in(sent_text, rel_start, rel_end, day)


_LIST_JOIN = re.compile(r",\s*(?:dan|serta|lalu|kemudian|sedangkan|sementara)\b|;", re.IGNORECASE)


def _target_year_in(sent_text: str, rel_start: int, rel_end: int, day: date | None) -> int | None:
    cands = []
    for pos, y, end in _year_candidates(sent_text):
        if 1990 <= y <= 2100:
            pre = sent_text[max(0, pos - 30):pos].lower()
            if re.search(rf"\b(?:sejak|dari|semenjak|mulai|per|selama|pada\s+periode)\s+(?:(?:bulan\s+)?(?:{_MONTH_RE})\.?\s+)?"
                         r"(?:tahun\s+)?$", pre):
                continue
            # "2020-2024": the deadline is the end year
            rng = re.match(r"\s*[-–]\s*((?:19|20)\d\d)", sent_text[end:end + 8])
            if rng:
                y = int(rng.group(1))
            cands.append((pos, y))
    for m in REL_SPAN.finditer(sent_text):
        if day is None:
            continue
        from extract.numbers import parse_number

        n = parse_number(m.group("n"))
        if n and 0 < n <= 30 and n == int(n):
            cands.append((m.start(), day.year + int(n)))
    for m in REL_YEAR.finditer(sent_text):
        if day is None:
            continue
        rel = (m.group("rel") or "").lower()
        y = day.year + {"depan": 1, "mendatang": 1, "lalu": -1, "kemarin": -1}.get(rel, 0)
        cands.append((m.start(), y))
    if not cands:
        return None
    # nearest, preferring years after the number in the same clause
    def dist(c):
        pos = c[0]
        if pos >= rel_end:
            return pos - rel_end
        return (rel_start - pos) * 1.5 + 5
    return min(cands, key=dist)[1]


def _as_of(sent_text: str, rel_start: int) -> str | None:
    m = None
    for m2 in re.finditer(rf"\b(?:per|hingga|sampai(?:\s+dengan)?|s\.d\.?|pada|sepanjang|selama|akhir|awal|"
                          rf"semester\s+\w+|kuartal\s+\w+|triwulan\s+\w+)\s+(?:(?:akhir|awal|bulan)\s+)?"
                          rf"(?:(?P<d>\d{{1,2}})\s+)?(?:(?P<mon>{_MONTH_RE})\s+)?(?:tahun\s+)?(?P<y>(?:19|20)\d\d)\b",
                          sent_text, re.I):
        if re.search(r"\bsejak\b[^,.;]{0,30}$", sent_text[max(0, m2.start() - 40):m2.start()], re.I):
            continue
        m = m2
        if m2.start() > rel_start:
            break
    if not m:
        return None
    y = int(m.group("y"))
    if m.group("mon"):
        mon = MONTHS[m.group("mon").lower()]
        if m.group("d") and 1 <= int(m.group("d")) <= 31:
            return f"{y:04d}-{mon:02d}-{int(m.group('d')):02d}"  # "hingga 31 Mei 2021"
        return f"{y:04d}-{mon:02d}"
    return f"{y:04d}"


def _clause_bounds(sent_text: str, rel_start: int, rel_end: int) -> tuple[int, int]:
    left = 0
    for m in STRONG_BOUNDARY.finditer(sent_text[:rel_start]):
        left = m.end()
    right = len(sent_text)
    m = STRONG_BOUNDARY.search(sent_text, rel_end)
    if m:
        right = m.start()
    return left, right


def _nearest(rx, text: str, from_end: bool) -> int | None:
    """Distance (chars) of the nearest cue to the start (from_end=False) or end of ``text``."""
    best = None
    for m in rx.finditer(text):
        d = (len(text) - m.end()) if from_end else m.start()
        if best is None or d < best:
            best = d
    return best


EXPLICIT_TARGET = re.compile(
    r"\b(?:target(?:kan|nya)?|menargetkan|ditargetkan|sasaran(?:nya)?|disasar|menyasar|mewajibkan|diwajibkan|mematok|"
    r"dipatok|membidik|dibidik|mencanangkan|dicanangkan|menetapkan|ditetapkan)\b", re.IGNORECASE)
NOT_TARGET = re.compile(r"\b(?:menembus|tembus|melewati|melampaui|melebihi|mencapai|capai|mengejar|memenuhi|di\s+atas|di\s+bawah|"
                        r"realisasi)\s+(?:\w+\s+)?(?:target|sasaran)\b", re.IGNORECASE)
REALIZED = re.compile(r"\b(?:baru|sudah|telah|tercatat|realisasi(?:nya)?|terealisasi|hasilnya|berhasil|"
                      r"tersalurkan|terserap|diterima|saat\s+ini|kini|sekarang)\b", re.IGNORECASE)
STRONG_REALIZED = re.compile(r"\b(?:sudah|telah|berhasil|terealisasi|tersalurkan|diterima|baru)\b", re.IGNORECASE)
PROJECTION = re.compile(r"\b(?:diproyeksi\w*|proyeksi(?:nya)?|memproyeksikan|diprediksi|memprediksi|prediksi|"
                        r"diperkirakan|memperkirakan|perkiraan|estimasi|diestimasi\w*|mengestimasi|berpotensi|"
                        r"potensi(?:nya)?)\b", re.IGNORECASE)
GROWTH = re.compile(r"\b(?:tumbuh|naik|meningkat|turun|menurun|melonjak|anjlok|merosot|bertumbuh|pertumbuhan|"
                    r"kenaikan|penurunan|peningkatan)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
QUOTA = re.compile(r"\b(?:dialokasikan|mengalokasikan|alokasi|kuota|jatah|diperuntukkan|disiapkan\s+untuk)\b", re.IGNORECASE)
POPULATION_AFTER = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:di\s+(?:seluruh\s+)?(?:Indonesia|Tanah\s+Air|tanah\s+air)|"
                              r"nasional|se-?Indonesia)\b", re.IGNORECASE)
PLACE_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}?di\s+(?:Provinsi\s+|Kabupaten\s+|Kota\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*,")
POPULATION_LEFT = re.compile(r"\bjumlah\s+(?:\w+\s+)?(?:umkm|ukm|koperasi|pelaku|usaha|penduduk|anggota)\w*"
                             r"(?:\s+\w+){0,3}\s+(?:di\s+(?:seluruh\s+)?(?:Indonesia|Tanah\s+Air)|nasional)\b",
                             re.IGNORECASE)
DIGITAL_WORDS = re.compile(r"digital|online|daring|e-commerce|ecommerce|marketplace|lokapasar|onboard|go\s+online|"
                           r"terhubung|terkoneksi|platform|e-katalog|katalog\s+elektronik|qris", re.IGNORECASE)
ANAPHOR = re.compile(r"\b(?:angka|jumlah|capaian|nilai|realisasi|total)\s+(?:itu|tersebut|ini)\b|\bdi\s+antaranya\b|"
                     r"\bdari\s+jumlah\s+(?:itu|tersebut)\b", re.IGNORECASE)


_COORD_VERB = re.compile(r"\b(?:dan|serta|lalu|kemudian)\s+(?:telah\s+|sudah\s+)?(?:di|ter|me|ber)[a-z]{3,}", re.I)


def _clean_cues(t: str) -> str:
    """Remove phrases that look like cues but are not ("yang baru bergabung" = newly joined)."""
    # "jauh melampaui target." / "menembus target 60 persen": the target was reached; but in "mengejar target
    # 30 juta" or "mencapai target 400 unit" the figure is the target itself
    t = NOT_TARGET.sub(lambda m: m.group(0) if re.match(r"\s*(?:sebesar\s+|sebanyak\s+)?(?:Rp\s*)?(?:\d|$)", t[m.end():m.end() + 20])
                       and not re.match(r"(?:menembus|tembus|melewati|melampaui|melebihi)", m.group(0), re.I)
                       else "mencapai", t)
    t = re.sub(r"\byang\s+baru\b", "yang", t, flags=re.I)
    t = re.sub(r"\b(?:umkm|ukm|usaha|pelaku|merchant|wirausaha(?:wan)?|koperasi)\s+baru\b", "UMKM", t, flags=re.I)
    return t


def _classify(sent_text: str, rel_start: int, rel_end: int, unit: str | None, metric: str | None,
              after_text: str, day: date | None = None) -> tuple[str, bool]:
    """(claim_type, decided_by_a_cue)."""
    left, right = _clause_bounds(sent_text, rel_start, rel_end)
    seg_left = _clean_cues(sent_text[left:rel_start])
    seg_right = _clean_cues(sent_text[rel_end:right])
    near_left = seg_left[-70:]
    near_right = seg_right[:60].split(",")[0]
    money = unit in ("rupiah", "USD")
    pieces = re.split(r"\d[\d.,]*\s*(?:juta|ribu|miliar|triliun|persen|%)?", seg_left[-60:])
    ach_left = pieces[-1]
    if len(pieces) > 1 and re.fullmatch(r"[\s(]*(?:(?:atau|dan|sekitar|setara|dengan|yaitu|yakni|alias|kurang\s+lebih|"
                                         r"hampir|lebih\s+dari|sebesar|sebanyak)[\s(]*)*", ach_left, re.I):
        ach_left = pieces[-2] + ach_left  # "13,7 juta atau 21 persen": the share shares the count's cue
    ach_left = ach_left[-45:].split(",")[-1] if not re.fullmatch(r"[\s(]*", ach_left.split(",")[-1]) else ach_left[-45:]

    if DERIVED_LEFT.search(seg_left[-45:]) or (SHARE_BASE_LEFT.search(seg_left[-30:]) and not money):
        return "other", True  # "selisihnya 23 poin persen"; "16 persen dari 64 juta UMKM": the base of a share
    if DARI_TARGET.match(after_text):
        return "achievement", True
    raw_left = sent_text[left:rel_start]
    if re.search(r"\b(?:melampaui|melebihi|menembus|tembus|melewati|mencapai)\s+(?:\w+\s+)?(?:target|sasaran)\s+"
                 r"(?:sebesar\s+|sebanyak\s+)?(?:Rp\.?\s*)?$", raw_left, re.I) and TARGET_SET_AFTER.match(after_text):
        return "target", True  # "melampaui target 1 juta UMKM yang dipatok untuk 2024": the figure is the target
    if re.match(r"[^\d“”\"]{0,70}?\b(?:target|sasaran)\s+(?:itu|tersebut)\b", after_text, re.I) and \
            not STRONG_REALIZED.search(_clean_cues(raw_left)[-45:]):
        return "target", True  # "Porsi BRI Rp 67,5 triliun. Kami yakin bisa melebihi target itu": named a target after
    # the current level a target starts from ("naik menjadi 3,95 persen pada 2024 dari 3,47 persen saat ini")
    if re.search(r"\bmenjadi\b.*\bdari\s+(?:sebelumnya\s+|semula\s+)?(?:yang\s+)?(?:hanya\s+|sekitar\s+)?$", seg_left, re.I):
        if re.match(r"\s*(?:\S+\s+){0,2}(?:saat\s+ini|sekarang|kini|tahun\s+lalu)", after_text, re.I):
            return "achievement", True
        return "skip", True  # "dinaikkan menjadi Rp100 juta dari Rp50 juta": the old value is not a claim
    if unit == "kali" and GROWTH.search(seg_left[-40:]):
        return "growth", True  # "tumbuh 3 kali lipat": a realised growth multiple
    if unit == "kali" and re.match(r"\s*kali\s+(?:lebih|lipat\s+(?:lebih|dibanding))", after_text, re.I):
        return "other", True  # "1,5 kali lebih tinggi dibandingkan ...": a comparison
    # per-unit money ("Rp 1,2 juta per penerima"): aid amounts are budget, credit ceilings and prices context
    if money and (re.match(r"\s*(?:dari\s+(?:sebelumnya\s+|semula\s+)?(?:Rp\.?\s*)?[\d.,]+\s*(?:juta|ribu|miliar|triliun)?\s+)?"
                           r"(?:per|untuk\s+setiap|bagi\s+setiap|setiap)\s+(?:penerima|orang|pelaku|debitur|umkm|ukm|"
                           r"unit|koperasi|keluarga|kk|peserta|nasabah|usaha|merchant|pedagang|penjual|toko)", after_text, re.I)
                  or PER_UNIT_LEFT.search(seg_left[-70:])):
        return ("budget" if re.search(r"\b(?:bantuan|bpum|banpres|blt|bansos|subsidi|insentif|hibah|"
                                      r"menyalurkan|disalurkan|penyaluran)\b", sent_text, re.I)
                else "other"), True
    # 1. an explicit target verb/noun governs the clause unless a realised marker follows it
    targets = [m for m in EXPLICIT_TARGET.finditer(seg_left)]
    targets = [m for m in targets if not (NOT_TARGET.search(seg_left[max(0, m.start() - 25):m.end()]) and
                                          (not re.match(r"\s*(?:sebesar\s+|sebanyak\s+)?$", seg_left[m.end():]) or
                                           re.search(r"(?:menembus|tembus|melewati|melampaui|melebihi)\s+(?:\w+\s+)?$",
                                                     seg_left[max(0, m.start() - 25):m.start()], re.I)))]
    if targets:
        last = targets[-1]
        between = seg_left[last.end():]
        if not STRONG_REALIZED.search(between) and not _COORD_VERB.search(between):
            return "target", True
    if EXPLICIT_TARGET.match(near_right.strip()) or re.match(r"\s*(?:\w+\s+){0,4}(?:ditargetkan|menjadi\s+target)\b",
                                                              near_right, re.I):
        return "target", True
    # 2a. a comparison base ("dibandingkan realisasi tahun lalu sebesar Rp 253 triliun") is context
    if re.search(r"\b(?:dibandingkan|dibanding|ketimbang|daripada)\b[^,.;]*$", seg_left, re.I) or \
            re.search(r"\b(?:naik|turun|meningkat|menurun|bertambah|berkurang|melonjak|tumbuh)\s+dari\s+(?:\w+\s+)?$",
                      seg_left[-40:], re.I):
        return "other", True
    # 2. money (or a subsidy rate) allocated / disbursed
    if money and (BUDGET_CUES.search(seg_left) or BUDGET_CUES.search(near_right[:40])
                  or re.search(r"\brealisasi\s+(?:\w+\s+){0,2}(?:program|kur|pen|bpum|bantuan|penyaluran)\b", seg_left,
                               re.I)):
        if not re.search(r"\b(?:transaksi|omzet|penjualan|pembelian)\b|(?<!bisa\s)(?<!dapat\s)\b(?:terserap|diserap)\b",
                         seg_left[-80:], re.I):
            return "budget", True
    if unit == "persen" and re.search(r"\bsubsidi\b", near_left[-40:], re.I):
        return "budget", True
    if unit == "persen" and re.search(r"\b(?:bunga|suku\s+bunga|tarif|pajak|ppn|pph|mdr|bea|margin|inflasi|"
                                      r"imbal\s+hasil)\b[^,.;]{0,45}$", seg_left, re.I) and not targets:
        return "other", True  # rates and tariffs are parameters
    # 3. a quota of recipients
    if not money and QUOTA.search(near_left[-50:]):
        return "target", True
    # growth rates take the standing of the figure they describe; projections are context
    if unit in ("persen", "kali") and GROWTH.search(seg_left[-40:]):
        if re.search(r"\b(?:ekonomi|pdb|inflasi|ekspor|impor|investasi|konsumsi|daya\s+beli)\b", seg_left[-60:], re.I):
            return "other", True  # macro-economic growth is context
        return "growth", True
    if re.search(r"\b(?:negara\s+(?:lain|tetangga|maju|berkembang)|asean|malaysia|thailand|vietnam|"
                 r"singapura|filipina|china|tiongkok|india|jepang|korea)\b", sent_text[left:right], re.I) \
            and not EXPLICIT_TARGET.search(seg_left):
        return "other", True
    if re.search(r"\b(?:kajian|riset|survei|studi|penelitian|responden)\b", seg_left + after_text[:60], re.I) and not STRONG_REALIZED.search(ach_left) \
            and not STRONG_REALIZED.search(_clean_cues(after_text[:90].split(".")[0])):
        return "other", True
    t_left = _nearest(TARGET_CUES, near_left, True)
    a_left = _nearest(ACHIEVE_CUES, ach_left, True)
    p_left = _nearest(PROJECTION, near_left, True)
    t_right = _nearest(TARGET_CUES, near_right, False)
    a_right = _nearest(ACHIEVE_CUES, near_right, False)
    if t_left is None and a_left is None and "," in seg_left:
        t_left = _nearest(TARGET_CUES, seg_left, True)
    if p_left is not None and (t_left is None or p_left < t_left) and \
            not STRONG_REALIZED.search(near_left[len(near_left) - p_left:]):
        return "other", True  # a projection ("diproyeksi mencapai Rp 337 triliun")
    if PER_PERIOD.search(seg_left) and (t_left is not None or t_right is not None):
        return "target", True
    if t_left is not None and not _COORD_VERB.search(near_left[len(near_left) - t_left:]) and \
            (a_left is None or t_left < a_left or not REALIZED.search(near_left[len(near_left) - t_left:])):
        return "target", True  # "akan ... hingga mencapai 500 koperasi": a weak cue does not undo the target
    if a_left is None and t_right is not None and (a_right is None or t_right < a_right) and t_right < 40:
        return "target", True
    # 5. context statistics (population, GDP share, digital economy, employment)
    context_metric = metric in ("umkm_population", "umkm_gdp_share", "digital_economy_value", "umkm_employment_share")
    other_m = OTHER_CUES.search(near_left[-45:])
    if other_m and other_m.group(0).lower().startswith("jumlah") and DIGITAL_WORDS.search(sent_text[left:right]):
        other_m = None  # "jumlah UMKM yang onboarding": a count of digital UMKM is a result, not a population
    is_other = context_metric or bool(other_m)
    if re.search(r"\b(?:kontribusi|sumbangan|menyumbang|berkontribusi)\b[^.;]{0,40}\b(?:pdb|ekspor|perekonomian|ekonomi|"
                 r"produk\s+domestik)", sent_text[left:rel_end + 40], re.I):
        return "other", True
    if re.match(r"\s*(?:orang\s+)?(?:peserta|responden|pengunjung|hadirin)\b", after_text, re.I):
        return "other", True  # participant counts are context
    pm = PARTICIPANT_AFTER.match(after_text)
    if pm and not STRONG_REALIZED.search(ach_left) and not STRONG_REALIZED.search(_clean_cues(after_text[:100].split(".")[0])) and \
            _nearest(TARGET_CUES, near_left, True) is None:
        return "other", True  # "sebanyak 1.700 koperasi terdampak", "1.200 perajin ikut pelatihan"
    strong = STRONG_REALIZED.search(ach_left) or (a_right is not None and STRONG_REALIZED.search(near_right[:25]))
    if not strong and unit in ("UMKM", "koperasi", "orang") and POPULATION_AFTER.match(after_text) \
            and not DIGITAL_WORDS.search(sent_text[left:right]):
        return "other", True
    if not STRONG_REALIZED.search(ach_left) and POPULATION_LEFT.search(seg_left) and \
            not DIGITAL_WORDS.search(sent_text[left:right]):
        return "other", True
    # "dari sekitar 160 ribu UMKM di Kalimantan Barat, baru 28.500 ...": the base population
    if re.search(r"\bdari\s+(?:sekitar\s+|total\s+|sebanyak\s+)?$", seg_left[-25:], re.I) and \
            (PLACE_AFTER.match(after_text) or POPULATION_AFTER.match(after_text)):
        return "other", True
    if re.search(r"\bdari\s+(?:total|seluruh|keseluruhan)\s+(?:sekitar\s+)?$", seg_left[-30:], re.I):
        return "other", True  # "0,1 persen dari total 4 juta penjual": the base a share is taken of
    if context_metric or (is_other and not strong):
        return "other", True
    if re.match(r"\s*(?:\S+\s+){0,2}?(?:ekonomi\s+(?:indonesia|nasional|global|dunia)|pdb|konsumsi\s+rumah\s+tangga|"
                r"inflasi|penduduk)\b", after_text, re.I) and not strong:
        return "other", True
    # a figure tied to a year after the statement ("mencapai 5,5 persen pada 2024" said in 2021) is a goal
    if day is not None and not STRONG_REALIZED.search(ach_left) and not STRONG_REALIZED.search(near_right[:25]):
        years = [int(y) for y in re.findall(r"\b(?:pada|di|hingga|sampai|tahun)\s+(?:tahun\s+)?((?:19|20)\d\d)\b",
                                             sent_text[left:right])]
        if years and max(years) > day.year and not re.search(r"\b(?:diproyeksi\w*|diprediksi|diperkirakan|proyeksi|"
                                                               r"potensi|prediksi)\b", sent_text[left:right], re.I):
            return "target", True
    if unit not in (None, "UMKM", "koperasi", "orang", "persen", "rupiah", "USD", "transaksi", "produk", "kali") \
            and not STRONG_REALIZED.search(ach_left) and not STRONG_REALIZED.search(near_right[:25]):
        return "other", True  # counts of platforms, partners, places ...
    if a_left is not None or a_right is not None:
        return "achievement", True
    if is_other:
        return "other", True
    if unit in ("UMKM", "persen", "koperasi", "transaksi") and metric:
        return "achievement", False
    if unit in ("UMKM", "koperasi", "orang", "transaksi", "produk") and ACHIEVE_CUES.search(seg_left):
        return "achievement", False
    if money:
        return ("achievement" if re.search(r"transaksi|omzet|penjualan", sent_text, re.I) else "other"), False
    return "other", False


@lru_cache(maxsize=1)
def _metric_rules():
    idx, _ = _gaz()
    rules = []
    for mid, m in idx["metrics"].items():
        cues = [re.compile(r"(?<![\w-])" + re.escape(c.lower()) + r"(?:nya)?(?![\w-])") for c in m.get("cues", [])]
        rules.append((mid, cues, set(m.get("units", [])), [r.lower() for r in m.get("requires_any", [])]))
    return rules


def _metric(sent_low: str, unit: str | None, subject_low: str) -> str | None:
    if unit is None:
        return None
    umkm = bool(UMKM_CONTEXT.search(sent_low))
    scores = {}
    for mid, cues, units, req in _metric_rules():
        if unit and units and unit not in units:
            continue
        if req and not any(r in sent_low for r in req):
            continue
        hits = sum(1 for c in cues if c.search(subject_low)) * 2 + sum(1 for c in cues if c.search(sent_low))
        if hits:
            scores[mid] = hits
    if not scores:
        return None
    order = ["umkm_on_ekatalog_padi", "program_transaction_value", "kur_disbursement", "umkm_gdp_share",
             "umkm_employment_share", "digital_economy_value"]
    if re.search(r"\b(?:gmv|ekonomi\s+digital|digital\s+economy|e-conomy|pasar\s+digital)\b", sent_low):
        order.remove("digital_economy_value")
        order.insert(1, "digital_economy_value")  # the size of the digital economy, not a programme's sales
    for mid in order:
        if mid in scores and (mid != "program_transaction_value" or unit in ("rupiah", "USD")):
            if mid == "digital_economy_value" and unit == "UMKM":
                continue
            return mid
    if "umkm_population" in scores and unit == "UMKM" and not DIGITAL_WORDS.search(sent_low):
        return "umkm_population"
    if "umkm_onboarded_digital" in scores and unit in ("UMKM", "persen") and umkm:
        return "umkm_onboarded_digital"
    if "government_budget_umkm" in scores and unit in ("rupiah", "USD"):
        return "government_budget_umkm"
    if "cooperatives_count" in scores and unit == "koperasi":
        return "cooperatives_count"
    if "umkm_trained" in scores and unit in ("UMKM", "orang"):
        return "umkm_trained"
    return None


_SUBJECT_STOP = {"dari", "dan", "atau", "pada", "di", "ke", "per", "hingga", "sampai", "dibandingkan", "dibanding",
                 "saja", "lebih", "dengan", "dalam", "selama", "tahun", "sejak", "menjadi", "setiap", "secara", "untuk",
                 "itu", "tersebut", "ini", "sehingga", "namun", "tetapi", "sedangkan", "sementara"}


def _subject(sent_text: str, rel_start: int, rel_end: int, noun: str) -> str:
    after = sent_text[rel_end:]
    if noun:
        m = re.match(r"\s*[(\[]?\s*(.{0,120}?)(?=[,.;:)\]”\"]|\s+(?:sementara|sedangkan|namun|tetapi|dan\s+\d|atau\s+\d|"
                     r"sehingga|hingga\s+(?:tahun\s+)?\d|pada\s+(?:tahun\s+)?\d|di\s+tahun|untuk\s+\w+kan|$))", after)
        subj = m.group(1) if m else noun
        words = subj.split()
        return " ".join(words[:12]).strip() or noun
    left, _ = _clause_bounds(sent_text, rel_start, rel_end)
    seg = sent_text[left:rel_start]
    seg = re.split(r"\d[\d.,]*\s*(?:juta|ribu|miliar|triliun|persen|%)?\s*(?:atau\s+)?", seg)[-1]  # after an earlier figure
    seg = re.split(r",\s+(?!(?:dan|serta|kecil|menengah|mikro)\b)|\bbahwa\b|\bkarena\b|\bmengatakan\b|\bmenyebut\w*\b",
                   seg)[-1]
    seg = re.sub(r"\b(?:mencapai|sebesar|sebanyak|senilai|sekitar|baru|sudah|telah|ada|terdapat|menjadi|"
                 r"yakni|yaitu|adalah|sekitar|hanya|kurang\s+lebih|lebih\s+dari|hampir|minimal|hingga|sampai|"
                 r"tercatat|naik|turun|tumbuh|meningkat|saat\s+ini|kini|sekarang)\s*$", "", seg.strip(), flags=re.I)
    for _ in range(3):
        seg = re.sub(r"\b(?:mencapai|sebesar|sebanyak|senilai|sekitar|baru|sudah|telah|ada|terdapat|menjadi|"
                     r"yakni|yaitu|adalah|berjumlah|tercatat|hanya|masih)\s*$", "", seg.strip(), flags=re.I)
    words = seg.split()
    return " ".join(words[-14:]).strip(" ,") or sent_text[rel_start:rel_end]


# --------------------------------------------------------------------------------------------------- main
_FAST_TRIGGER = re.compile(r"\d|\b(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|"
                           r"seratus|seribu|sejuta|setengah|separuh)\b", re.IGNORECASE)


def _paragraph_index(text: str):
    bounds = [m.end() for m in re.finditer(r"\n+", text)]  # "\n\n" between paragraphs is one break
    import bisect

    return lambda pos: bisect.bisect_right(bounds, pos)


def extract_claims(article: dict) -> list[dict]:
    """Claims of one article (``{"id", "text", "published"?, "title"?, ...}``), one per fact."""
    from nlp_models import load_pipeline

    text = article.get("text") or ""
    if not text.strip():
        return []
    if not RELEVANT.search(text):
        return []  # not an economy / UMKM article (sports, crime ...): no claims
    nlp = load_pipeline()
    doc = nlp(text)
    _index_ents(doc)
    day = stated_on(text, article.get("published"))
    ctx = Ctx(text=text, day=day)
    para_of = _paragraph_index(text)
    candidates = []
    carry: dict[int, Attribution] = {}
    skip_line_until = -1
    prev_claim = None
    prev_sent = None
    first_speaker = None
    last_program = None  # (PROGRAM entity, paragraph) most recently named

    entries = []  # (sentence, paragraph, attribution) of every sentence that is not a link line
    for sent in doc.sents:
        st = sent.text
        if not st.strip():
            continue
        if sent.start_char < skip_line_until:
            continue
        if NEWS_BLOCK.match(st):
            nl = text.find("\n", sent.start_char)
            skip_line_until = nl if nl >= 0 else len(text)
            continue
        para = para_of(sent.start_char)
        attr = attribute_sentence(sent, ctx)
        if attr.person is not None:
            ctx.last_speaker = attr.person
            carry[para] = attr
            if first_speaker is None and attr.kind in ("quote", "explicit"):
                first_speaker = (attr.person, para, sent.start_char)
        elif attr.kind == "org":
            carry[para] = attr
        else:
            # register names for later surname / pronoun resolution
            for e in _ents(sent, {"PER"}):
                if _valid_person_ent(e):
                    _person_from_ent(e, sent, ctx)
            if para in carry:
                prev = carry[para]
                attr = Attribution(person=prev.person, organization=prev.organization,
                                   institution_id=prev.institution_id, kind="carry", strength=1)
            elif ctx.last_speaker is not None:
                own = _institution_subject(sent, ctx)
                if own is not None and own.organization != ctx.last_speaker.organization:
                    # a new paragraph about another institution ("Pemerintah Provinsi Bali menganggarkan ...") is the
                    # journalist's account of it, not the last speaker's
                    attr = own
                    carry[para] = own
                else:
                    # narration after a speaker has been introduced continues his or her account
                    attr = Attribution(person=ctx.last_speaker, kind="carry", strength=0)
        entries.append([sent, para, attr])
    _attribute_open_quotes(entries)

    for sent, para, attr in entries:
        st = sent.text
        before_sent, prev_sent = prev_sent, sent
        sents_ents = _sent_ents(sent)
        prog_ents = [e for e in sents_ents if e.label_ == "PROGRAM"]
        known_program = last_program
        if prog_ents:
            last_program = (prog_ents[-1], para)
        if not _FAST_TRIGGER.search(st):
            continue
        if SKIP_SENTENCE.search(st):
            continue
        ent_spans = [(e.start_char - sent.start_char, e.end_char - sent.start_char) for e in sents_ents
                     if e.label_ in ("PER", "ORG", "PROGRAM", "LOC") and any(c.isalpha() for c in e.text)
                     and not _lowercase_figure_phrase(e.text)]
        cond = [m.start() for m in CONDITIONAL.finditer(st)]
        sent_low = st.lower()
        for q in find_quantities(st):
            rs, re_ = q.start, q.end
            if not _scope_ok(q, st, rs, re_, ent_spans):
                continue
            if any(c < rs for c in cond):
                continue
            unit, noun = _unit_for(q, st, re_)
            small = q.value < 100 and not q.has_scale and q.value_max is None
            if unit is None:
                if q.has_scale and UMKM_CONTEXT.search(st[max(0, rs - 120):rs]):
                    unit = "UMKM"
                elif q.has_scale and re.search(r"\b(?:transaksi|omzet|nilai)\b", st[max(0, rs - 60):rs], re.I):
                    unit = "rupiah" if re.search(r"rp|rupiah", st, re.I) else None
                elif q.has_scale and prev_claim is not None and prev_claim["_para"] >= para - 1 and \
                        prev_claim["unit"] not in (None, "persen", "rupiah", "USD"):
                    unit = prev_claim["unit"]  # "2,4 juta. Dan di 2024 itu 3,4 juta": the count of the list
                elif q.has_scale and before_sent is not None and UMKM_CONTEXT.search(before_sent.text):
                    unit = "UMKM"
                if unit is None and not small and not q.is_words and q.value >= 1000 and \
                        re.search(r"\b(?:jumlah|sebanyak|total)\b", st[max(0, rs - 100):rs], re.I):
                    m_ctx = list(UMKM_CONTEXT.finditer(st[max(0, rs - 100):rs]))
                    if m_ctx:  # "jumlah pedagang pengguna QRIS sudah 455.400"
                        unit = "koperasi" if m_ctx[-1].group(0).lower() == "koperasi" else "UMKM"
                if unit is None and (small or q.is_words or not q.has_scale):
                    continue
                if unit is None and not q.has_scale:
                    continue
            if q.is_words and small and unit is None:
                continue
            if small and unit == "rupiah" and q.value < 10 and not q.has_scale:
                continue
            if unit in PHYSICAL_UNITS and not UMKM_CONTEXT.search(st):
                continue
            if unit == "kali" and (q.is_words or not re.match(r"\s*kali\s+(?:lipat|lebih)", st[re_:re_ + 20])):
                continue  # "dua kali", "3 kali seminggu": counts of occasions
            subject_noun = noun
            if unit == "persen" and not noun:
                m_after = re.match(r"\s*([A-Za-z][\w-]*)", st[re_:])
                if m_after and m_after.group(1).lower() not in _SUBJECT_STOP:
                    subject_noun = m_after.group(1)  # "25 persen anggotanya yang memanfaatkan e-commerce"
            subject = _subject(st, rs, re_, subject_noun)
            if subject_noun and len(subject.split()) <= 2:
                left_subject = _subject(st, rs, re_, "")
                if len(left_subject.split()) >= 3 and re.search(r"\byang\b", left_subject):
                    subject = left_subject  # "... UMKM yang sudah terhubung ke ekosistem digital baru berjumlah 13,7 juta unit"
            if prev_claim is not None and ANAPHOR.search(subject) and para - prev_claim["_para"] <= 2:
                subject = prev_claim["subject"]  # "Angka tersebut setara dengan 21 persen": what the figure counts
            metric = _metric(sent_low, unit, subject.lower())
            after_text = st[re_:]
            ctype, by_cue = _classify(st, rs, re_, unit, metric, after_text, day)
            if ctype == "skip":
                continue
            inherited = None
            if ctype == "growth":
                # "tumbuh 11 persen": growth of the figure just stated keeps its standing
                # when it refers back ("Angka itu naik 33 persen") or follows it in the same sentence
                refers = prev_claim is not None and (
                    prev_claim["char_start"] == sent.start_char or
                    (ANAPHOR.search(st[:rs]) and before_sent is not None and prev_claim["char_start"] >= before_sent.start_char))
                ctype = prev_claim["claim_type"] if refers and prev_claim["claim_type"] in ("other", "achievement") \
                    else "achievement"
            elif not by_cue and prev_claim is not None and para - prev_claim["_para"] <= 2 and \
                    ANAPHOR.search(st[max(0, rs - 80):min(len(st), re_ + 30)]):
                inherited = prev_claim  # "Angka itu setara dengan 21 persen ...": same standing as the figure it refers to
                ctype = prev_claim["claim_type"]
            elif not by_cue and prev_claim is not None and prev_claim["char_start"] == sent.start_char and \
                    prev_claim["unit"] == unit:
                # a list in one sentence keeps the standing of its first item ("2023 itu 2,4 juta. Dan di 2024 itu
                # 3,4 juta"; "Kota Samarinda 45.773 unit, kemudian Kota Balikpapan 39.196 unit")
                ctype = prev_claim["claim_type"]
            elif not by_cue and ctype == "other" and metric == "umkm_onboarded_digital":
                ctype = "achievement"
            tyear = None
            if ctype == "target":
                per_period = PER_PERIOD.search(st[max(0, rs - 60):min(len(st), re_ + 40)])
                tyear = _target_year(st, rs, re_, day)
                if per_period and tyear is not None and not re.search(r"(?:19|20)\d\d", st[re_:re_ + 40]):
                    tyear = None  # a per-year rate has no deadline unless the year is explicit next to it
                back = re.match(r"[^\d“”\"]{0,70}?\b(?:target|sasaran)\s+(?:itu|tersebut)\b[^.;]*", st[re_:], re.I)
                if tyear is None and back:
                    # "Porsi BRI Rp 67,5 triliun. Kami yakin bisa melebihi target itu tahun ini": the year of the
                    # sentence that names the figure a target
                    tyear = _target_year_in(back.group(0), 0, 0, day)
                if tyear is None and not per_period:
                    if inherited is not None:
                        tyear = inherited.get("target_year")
                    elif before_sent is not None and para_of(before_sent.start_char) == para:
                        pt = before_sent.text
                        tyear = _target_year(pt, len(pt), len(pt), day)
            as_of = _as_of(st, rs) if ctype != "target" else None
            if as_of is None and ctype != "target" and inherited is not None:
                as_of = inherited.get("as_of")  # "Angka itu setara 21 persen": as of the figure it refers to
            if as_of and day is not None and int(as_of[:4]) > day.year:
                as_of = None  # a figure cannot be "as of" a later year than the statement
            program, program_id = None, None
            pe = min(prog_ents, key=lambda e: abs(e.start_char - sent.start_char - rs)) if prog_ents else None
            if pe is None and known_program is not None and para - known_program[1] <= 1:
                pe = known_program[0]  # the programme the paragraph (or the one before) is about
            if pe is not None:
                program_id = pe.ent_id_.split(":", 1)[1] if pe.ent_id_.startswith("prog:") else None
                program = _program_name(program_id) or pe.text
            person = attr.person
            conf = 0.55 + (0.1 if unit else 0) + (0.1 if metric else 0) + (0.1 if person else 0) + \
                (0.05 if ctype != "other" else 0) + (0.05 if q.has_scale or q.unit else 0)
            claim = {
                "article_id": article.get("id"),
                "claim_type": ctype,
                "subject": subject,
                "metric": metric,
                "value": q.value,
                "value_max": q.value_max,
                "unit": unit,
                "qualifier": q.qualifier,
                "value_text": q.text,
                "target_year": tyear,
                "as_of": as_of,
                "stated_on": day.isoformat() if day else None,
                "speaker": person.name if person else None,
                "speaker_title": person.title if person else None,
                "organization": (person.organization if person else attr.organization),
                "program": program,
                "quote": st,
                "char_start": sent.start_char,
                "char_end": sent.end_char,
                "confidence": round(min(conf, 0.99), 2),
                "person_id": person.person_id if person else None,
                "institution_id": (person.institution_id if person else attr.institution_id),
                "program_id": program_id,
            }
            claim["_lede"] = attr.person is None and (first_speaker is None or sent.start_char < first_speaker[2])
            claim["_para"] = para
            rank = (attr.strength + (1 if attr.kind == "quote" else 0), -sent.start_char)
            candidates.append((claim, rank, q))
            prev_claim = claim
    if first_speaker is not None:
        # lede narration before the first named speaker: the figures are the speaker's when he or she is introduced
        # right after (same institution or no other source named)
        person, fpara, _ = first_speaker
        lede_para = min((c["_para"] for c, _, _ in candidates), default=None)
        for claim, _, _ in candidates:
            if claim["_lede"] and claim["speaker"] is None and claim["_para"] == lede_para and fpara - claim["_para"] <= 2 and \
                    claim["institution_id"] in (None, person.institution_id):
                claim.update(speaker=person.name, speaker_title=person.title, organization=person.organization,
                             person_id=person.person_id, institution_id=person.institution_id)
    for claim, _, _ in candidates:
        claim.pop("_lede", None)
        claim.pop("_para", None)
    claims = _dedupe(candidates)
    for c in claims:
        # quote must be verbatim: trim surrounding whitespace
        qs, qe = c["char_start"], c["char_end"]
        seg = text[qs:qe]
        lead = len(seg) - len(seg.lstrip())
        c["char_start"], c["char_end"] = qs + lead, qs + lead + len(seg.strip())
        c["quote"] = text[c["char_start"]:c["char_end"]]
    return claims


NARRATION_SUBJECT = re.compile(r"^\W*(?:Pemerintah(?:\s+(?:Provinsi|Kabupaten|Kota|Daerah|Pusat))?(?:\s+[A-Z]\w+)*|"
                               r"Pemprov\s+[A-Z]\w+|Pemkab\s+[A-Z]\w+|Pemkot\s+[A-Z]\w+)")


def _institution_subject(sent, ctx: Ctx) -> Attribution | None:
    """The institution a narration sentence opens with ("Pemerintah Provinsi Bali menganggarkan ...", "Bank Indonesia
    juga menggelar ..."), as a source without a person; None when the sentence does not open with one."""
    if _has_quote(sent.text):
        return None  # a quotation opening with an institution is still somebody speaking
    s0 = sent.start_char
    orgs = [e for e in _ents(sent, {"ORG"}) if e.start_char - s0 <= 2 and not _lowercase_figure_phrase(e.text)]
    if orgs:
        return _org_attr(orgs[0], ctx.day)
    m = NARRATION_SUBJECT.match(sent.text)
    if m and len(m.group(0).split()) >= 2:
        return Attribution(organization=m.group(0).strip(), kind="org", strength=1)
    return None


_OPEN_Q = re.compile(r"^\s*[“\"]")
_CLOSE_Q = re.compile(r"[”\"]")


def _attribute_open_quotes(entries) -> None:
    """A quotation that runs over several paragraphs ("“Kami menargetkan ...\n\nItu realistis,” kata X.") belongs
    to the speaker named where it closes."""
    for i, (sent, para, attr) in enumerate(entries):
        if attr.kind not in ("carry", "none") or not _OPEN_Q.match(sent.text) or len(_CLOSE_Q.findall(sent.text)) > 1:
            continue
        for sent2, para2, attr2 in entries[i + 1:i + 5]:
            if para2 - para > 2:
                break
            if _CLOSE_Q.search(sent2.text) and not _OPEN_Q.match(sent2.text) or _CLOSE_Q.search(sent2.text[1:]):
                if attr2.person is not None and attr2.kind in ("quote", "explicit", "pronoun"):
                    entries[i][2] = Attribution(person=attr2.person, kind="quote", strength=attr2.strength)
                break


def _program_name(program_id: str | None) -> str | None:
    """The usual short name of a gazetteer programme (its first alias: "PaDi UMKM", "KUR", "Gernas BBI")."""
    if not program_id:
        return None
    idx, _ = _gaz()
    prog = idx["programs"].get(program_id)
    if not prog:
        return None
    return (prog.get("aliases") or [prog["name"]])[0]


def _key(claim) -> tuple:
    v = claim["value"]
    rv = float(f"{v:.3g}") if v else 0.0
    return (claim["claim_type"], rv, claim["target_year"], claim["unit"])


def _dedupe(candidates):
    """One fact, one claim: the same type, value (3 significant digits), target year and unit keep the best-attributed
    sentence; a figure without a unit joins the same figure stated with one."""
    best = {}
    order = []
    for claim, rank, q in candidates:
        k = _key(claim)
        if claim["unit"] is None:
            same = [kk for kk in order if kk[:3] == k[:3]]
            if same:
                k = same[0]
        if k not in best:
            best[k] = (claim, rank)
            order.append(k)
            if claim["unit"] is not None:
                orphan = (k[0], k[1], k[2], None)
                if orphan in best:  # an earlier unit-less mention of the same figure
                    old, old_rank = best.pop(orphan)
                    order.remove(orphan)
                    if old_rank > rank:
                        old["unit"] = claim["unit"]
                        best[k] = (old, old_rank)
            continue
        kept, kept_rank = best[k]
        if rank > kept_rank:
            winner, loser = claim, kept
            if winner["unit"] is None:
                winner["unit"] = loser["unit"]
            best[k] = (winner, rank)
        else:
            winner, loser = kept, claim
        for f in ("program", "program_id", "as_of", "qualifier", "metric", "subject"):
            if winner.get(f) is None and loser.get(f) is not None:
                winner[f] = loser[f]
    # the same sum of money (or a count of thousands) stated twice with different standings ("nilainya Rp 400
    # triliun" / "belanja ... sebesar Rp 400 triliun") is one fact: keep the best-attributed mention, typed
    # budget > achievement > other
    money = {}
    for k in list(order):
        c, r = best[k]
        if c["claim_type"] != "target" and ((c["unit"] in ("rupiah", "USD") and c["value"] >= 1e9) or
                                            (c["unit"] not in ("persen", "rupiah", "USD") and c["value"] >= 1000)):
            mk = (c["unit"], float(f"{c['value']:.4g}"))
            if mk in money:
                k0 = money[mk]
                c0, r0 = best[k0]
                types = {c0["claim_type"], c["claim_type"]}
                keep_k, drop_k = (k0, k) if r0 >= r else (k, k0)
                kept = best[keep_k][0]
                kept["claim_type"] = next(t for t in ("budget", "achievement", "other") if t in types)
                order.remove(drop_k)
                money[mk] = keep_k
            else:
                money[mk] = k
    out = [best[k][0] for k in order]
    targets_by = {(c["value"], c["unit"]): c for c in out if c["claim_type"] == "target"}
    out = [c for c in out if not (c["claim_type"] != "target" and (c["value"], c["unit"]) in targets_by and c["value"] >= 1000
                                  and re.search(r"\b(?:target\w*|program|sasaran)\b", c["quote"], re.I))]
    # a restated target without its year ("Targetnya 50 ribu UMKM") is the same fact as the dated one
    dated = [c for c in out if c["claim_type"] == "target" and c["target_year"] is not None]
    final = []
    for c in out:
        twin = None
        if c["claim_type"] == "target" and c["target_year"] is None:
            twins = [d for d in dated if d["value"] == c["value"] and (d["unit"] == c["unit"] or None in (d["unit"], c["unit"]))]
            twin = twins[0] if len(twins) == 1 else None
        if twin is None:
            final.append(c)
            continue
        if c["speaker"] and (not twin["speaker"] or c["quote"][:1] in "\"“"):
            year, unit = twin["target_year"], twin["unit"] or c["unit"]
            twin.clear()
            twin.update(c)
            twin["target_year"], twin["unit"] = year, unit
    final.sort(key=lambda c: c["char_start"])
    return final
