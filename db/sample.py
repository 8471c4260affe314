"""A small, realistic Pantau database built through `db.Store`: the fixture for Datasette tests and demos.

The articles are written for the sample (figures follow the public record of the UMKM-digital target: 8 million
online UMKM by 2019, 30 million by 2024) and include a falling figure and two sources disagreeing within 120 days,
a regional sub-count reported after the national figure, a programme's training target, a figure whose scope is
unknown and a story syndicated by a second outlet, so every canned query has something to show and something it must
leave out of the national series (`scope`, docs/CONTRACTS.md).
"""

from __future__ import annotations

from pathlib import Path

from db.store import Store

EXTRACTOR_VERSION = "sample-1"

T = "Menteri Koperasi dan UKM Teten Masduki"
KEMENKOP = dict(speaker="Teten Masduki", speaker_title="Menteri Koperasi dan UKM",
                organization="Kementerian Koperasi dan UKM", person_id="teten_masduki", institution_id="kemenkopukm")
RUDI = dict(speaker="Rudiantara", speaker_title="Menteri Komunikasi dan Informatika",
            organization="Kementerian Komunikasi dan Informatika", person_id="rudiantara", institution_id="kominfo")
LUHUT = dict(speaker="Luhut Binsar Pandjaitan", speaker_title="Menko Marves",
             organization="Kementerian Koordinator Bidang Kemaritiman dan Investasi", person_id="luhut_binsar_pandjaitan",
             institution_id="kemenko_marves")
JOKOWI = dict(speaker="Joko Widodo", speaker_title="Presiden", organization="Presiden Republik Indonesia",
              person_id="joko_widodo", institution_id="kepresidenan")
BPS = dict(speaker=None, speaker_title=None, organization="Badan Pusat Statistik", person_id=None, institution_id="bps")
NONE = dict(speaker=None, speaker_title=None, organization=None, person_id=None, institution_id=None)

DIGITAL = "umkm_onboarded_digital"

# (outlet, url, title, published, [(sentence, [claim, ...]), ...]); a claim's `value_text` is found in its sentence.
ARTICLES = [
    ("republika", "https://tekno.republika.co.id/berita/ozgprk257/delapan-juta-umkm-ditargetkan-melek-internet-2019",
     "Delapan Juta UMKM Ditargetkan Melek Internet 2019", "2017-11-15T10:00:00+07:00", [
        ("\"Kami punya target mengonlinekan delapan juta UMKM hingga tahun 2019, namun sekarang baru 4,6 juta,\" "
         "kata Menteri Komunikasi dan Informatika Rudiantara di Jakarta, Rabu (15/11/2017).", [
            dict(claim_type="target", subject="UMKM online", metric=DIGITAL, value=8e6, unit="UMKM",
                 value_text="delapan juta", target_year=2019, program="UMKM Go Online", program_id="umkm_go_online", **RUDI),
            dict(claim_type="achievement", subject="UMKM yang sudah online", metric=DIGITAL, value=4.6e6, unit="UMKM",
                 value_text="4,6 juta", qualifier=None, program="UMKM Go Online", program_id="umkm_go_online", **RUDI),
        ]),
        ("Data Kementerian Koperasi dan UKM mencatat 3,79 juta UMKM sudah memanfaatkan platform daring.", [
            dict(claim_type="achievement", subject="UMKM memanfaatkan platform daring", metric=DIGITAL, value=3.79e6,
                 unit="UMKM", value_text="3,79 juta", organization="Kementerian Koperasi dan UKM",
                 institution_id="kemenkopukm", speaker=None, speaker_title=None, person_id=None),
        ]),
    ]),
    ("kompas", "https://money.kompas.com/read/2019/02/25/umkm-online-lampaui-target",
     "Target Tercapai, 9,16 Juta UMKM Sudah Go Online", "2019-02-25T14:30:00+07:00", [
        ("Rudiantara mengatakan target UMKM go online sudah tercapai, dengan 9,16 juta UMKM berjualan daring per "
         "Februari 2019.", [
            dict(claim_type="achievement", subject="UMKM berjualan daring", metric=DIGITAL, value=9.16e6, unit="UMKM",
                 value_text="9,16 juta", as_of="2019-02", program="UMKM Go Online", program_id="umkm_go_online", **RUDI),
        ]),
        ("Menurut Badan Pusat Statistik, jumlah pelaku UMKM di Indonesia mencapai 62 juta unit usaha.", [
            dict(claim_type="other", subject="jumlah pelaku UMKM", metric="umkm_population", value=62e6, unit="UMKM",
                 value_text="62 juta", **BPS),
        ]),
    ]),
    ("antaranews", "https://www.antaranews.com/berita/1600000/baru-8-juta-umkm-terhubung-digital",
     "Teten: Baru 8 Juta UMKM Terhubung ke Ekosistem Digital", "2020-06-10T09:00:00+07:00", [
        (f"{T} mengatakan baru 8 juta UMKM atau 13 persen yang sudah terhubung ke ekosistem digital.", [
            dict(claim_type="achievement", subject="UMKM terhubung ke ekosistem digital", metric=DIGITAL, value=8e6,
                 unit="UMKM", value_text="8 juta", **KEMENKOP),
            dict(claim_type="achievement", subject="persentase UMKM terhubung digital", metric=DIGITAL,
                 value=13, unit="persen", value_text="13 persen", **KEMENKOP),
        ]),
        ("Pemerintah mengalokasikan anggaran Rp123,46 triliun untuk dukungan UMKM dalam program Pemulihan Ekonomi "
         "Nasional.", [
            dict(claim_type="budget", subject="anggaran dukungan UMKM PEN", metric="government_budget_umkm", value=123.46e12, unit="rupiah",
                 value_text="Rp123,46 triliun", program="PEN", program_id="pen", **NONE),
        ]),
    ]),
    ("detik", "https://finance.detik.com/berita-ekonomi-bisnis/d-5330000/luhut-target-30-juta-umkm-go-digital",
     "Luhut Targetkan 30 Juta UMKM Go Digital pada 2023", "2021-01-11T16:00:00+07:00", [
        ("Menko Marves Luhut Binsar Pandjaitan menargetkan 30 juta UMKM masuk ekosistem digital pada 2023 melalui "
         "Gerakan Nasional Bangga Buatan Indonesia.", [
            dict(claim_type="target", subject="UMKM masuk ekosistem digital", metric=DIGITAL, value=30e6, unit="UMKM",
                 value_text="30 juta", target_year=2023, program="Gernas BBI", program_id="gernas_bbi", **LUHUT),
        ]),
        ("Saat ini tercatat 11,7 juta UMKM sudah bergabung ke platform digital, ujarnya.", [
            dict(claim_type="achievement", subject="UMKM bergabung ke platform digital", metric=DIGITAL, value=11.7e6,
                 unit="UMKM", value_text="11,7 juta", program="Gernas BBI", program_id="gernas_bbi", **LUHUT),
        ]),
    ]),
    ("kompas", "https://money.kompas.com/read/2021/06/14/teten-umkm-digital-capai-12-juta",
     "Pencapaian Digitalisasi: 12 Juta UMKM Sudah Masuk Ekosistem Digital", "2021-06-14T11:00:00+07:00", [
        (f"{T} menyebutkan jumlah UMKM yang terhubung ke ekosistem digital telah mencapai 12 juta per Mei 2021.", [
            dict(claim_type="achievement", subject="UMKM terhubung ke ekosistem digital", metric=DIGITAL, value=12e6,
                 unit="UMKM", value_text="12 juta", as_of="2021-05", **KEMENKOP),
        ]),
        ("Teten menargetkan 30 juta UMKM terhubung ke ekosistem digital pada 2024.", [
            dict(claim_type="target", subject="UMKM terhubung ke ekosistem digital", metric=DIGITAL, value=30e6,
                 unit="UMKM", value_text="30 juta", target_year=2024, program="Target 30 juta UMKM digital",
                 program_id="target_30_juta_umkm_digital", **KEMENKOP),
        ]),
    ]),
    ("liputan6", "https://www.liputan6.com/bisnis/read/4580000/umkm-digital-capai-14-juta",
     "UMKM Go Digital Tembus 14,5 Juta", "2021-07-20T08:00:00+07:00", [
        ("Kementerian Koperasi dan UKM mencatat sebanyak 14,5 juta UMKM sudah go digital hingga Juli 2021.", [
            dict(claim_type="achievement", subject="UMKM go digital", metric=DIGITAL, value=14.5e6, unit="UMKM",
                 value_text="14,5 juta", as_of="2021-07", organization="Kementerian Koperasi dan UKM",
                 institution_id="kemenkopukm", speaker=None, speaker_title=None, person_id=None),
        ]),
    ]),
    ("tempo", "https://bisnis.tempo.co/read/1490000/jokowi-umkm-digital-baru-13-juta",
     "Jokowi: Baru 13,7 Juta UMKM Masuk Ekosistem Digital", "2021-08-03T13:00:00+07:00", [
        ("\"Baru 13,7 juta UMKM yang masuk ke ekosistem digital, atau 21 persen,\" kata Presiden Joko Widodo, Selasa "
         "(3/8/2021).", [
            dict(claim_type="achievement", subject="UMKM masuk ekosistem digital", metric=DIGITAL, value=13.7e6,
                 unit="UMKM", value_text="13,7 juta", **JOKOWI),
            dict(claim_type="achievement", subject="persentase UMKM di ekosistem digital", metric=DIGITAL,
                 value=21, unit="persen", value_text="21 persen", **JOKOWI),
        ]),
    ]),
    ("antaranews", "https://www.antaranews.com/berita/2330000/presiden-baru-13-7-juta-umkm-masuk-ekosistem-digital",
     "Presiden: Baru 13,7 Juta UMKM Masuk Ekosistem Digital", "2021-08-03T18:00:00+07:00", [
        ("\"Baru 13,7 juta UMKM yang masuk ke ekosistem digital, atau 21 persen,\" kata Presiden Joko Widodo, Selasa "
         "(3/8/2021).", [
            dict(claim_type="achievement", subject="UMKM masuk ekosistem digital", metric=DIGITAL, value=13.7e6,
                 unit="UMKM", value_text="13,7 juta", **JOKOWI),
            dict(claim_type="achievement", subject="persentase UMKM di ekosistem digital", metric=DIGITAL,
                 value=21, unit="persen", value_text="21 persen", **JOKOWI),
        ]),
    ]),
    ("okezone", "https://economy.okezone.com/read/2021/10/06/320/2482000/umkm-digital-turun",
     "Data Terbaru: 12,3 Juta UMKM di Platform Digital", "2021-10-06T10:00:00+07:00", [
        ("Data terbaru yang dipaparkan dalam rapat kerja menunjukkan 12,3 juta UMKM berada di platform digital.", [
            dict(claim_type="achievement", subject="UMKM di platform digital", metric=DIGITAL, value=12.3e6,
                 unit="UMKM", value_text="12,3 juta", **NONE),
        ]),
    ]),
    ("cnnindonesia", "https://www.cnnindonesia.com/ekonomi/20220715000000-92-822000/umkm-digital-19-juta",
     "Teten Sebut 19,5 Juta UMKM Sudah Go Digital", "2022-07-15T15:00:00+07:00", [
        (f"{T} mengatakan sebanyak 19,5 juta UMKM sudah masuk ke ekosistem digital hingga Juni 2022.", [
            dict(claim_type="achievement", subject="UMKM masuk ekosistem digital", metric=DIGITAL, value=19.5e6,
                 unit="UMKM", value_text="19,5 juta", as_of="2022-06", **KEMENKOP),
        ]),
        ("Pemerintah juga menargetkan belanja barang dan jasa pemerintah sebesar Rp400 triliun untuk produk UMKM.", [
            dict(claim_type="target", subject="belanja pemerintah untuk produk UMKM", metric="government_budget_umkm",
                 value=400e12, unit="rupiah", value_text="Rp400 triliun", target_year=2022,
                 program="Bela Pengadaan", program_id="bela_pengadaan", **KEMENKOP),
        ]),
    ]),
    ("bisnis", "https://ekonomi.bisnis.com/read/20221220/12/1610000/umkm-digital-20-juta",
     "Pencapaian 2022: 20,76 Juta UMKM Terhubung Digital", "2022-12-20T09:30:00+07:00", [
        ("Hingga akhir November 2022, sebanyak 20,76 juta UMKM telah terhubung ke ekosistem digital, kata Teten "
         "Masduki.", [
            dict(claim_type="achievement", subject="UMKM terhubung ke ekosistem digital", metric=DIGITAL,
                 value=20.76e6, unit="UMKM", value_text="20,76 juta", as_of="2022-11", **KEMENKOP),
        ]),
    ]),
    ("katadata", "https://katadata.co.id/berita/umkm-digital-22-juta-2023",
     "Digitalisasi UMKM: 22 Juta Tercapai, Target 30 Juta Terancam", "2023-02-10T12:00:00+07:00", [
        ("Katadata mencatat 18,2 juta UMKM terhubung ke ekosistem digital per Desember 2022 menurut survei "
         "Asosiasi E-Commerce Indonesia.", [
            dict(claim_type="achievement", subject="UMKM terhubung ke ekosistem digital", metric=DIGITAL, value=18.2e6,
                 unit="UMKM", value_text="18,2 juta", as_of="2022-12",
                 organization="Asosiasi E-Commerce Indonesia (idEA)", institution_id="idea", speaker=None,
                 speaker_title=None, person_id=None),
        ]),
    ]),
    ("kontan", "https://nasional.kontan.co.id/news/umkm-digital-27-juta",
     "Kemenkop UKM: 27 Juta UMKM Sudah Go Digital", "2023-12-28T17:00:00+07:00", [
        (f"{T} mengungkapkan 27 juta UMKM sudah terhubung ke ekosistem digital per Desember 2023.", [
            dict(claim_type="achievement", subject="UMKM terhubung ke ekosistem digital", metric=DIGITAL, value=27e6,
                 unit="UMKM", value_text="27 juta", as_of="2023-12", **KEMENKOP),
        ]),
        ("Di Bali saja, sebanyak 45 ribu UMKM sudah go digital per 20 Desember 2023.", [
            dict(claim_type="achievement", subject="UMKM di Bali go digital", metric=DIGITAL, value=45e3, unit="UMKM",
                 value_text="45 ribu", as_of="2023-12-20", scope="province", scope_name="Bali", **NONE),
        ]),
        ("Penyaluran Kredit Usaha Rakyat (KUR) tahun 2023 mencapai Rp254 triliun.", [
            dict(claim_type="achievement", subject="penyaluran KUR", metric="kur_disbursement", value=254e12,
                 unit="rupiah", value_text="Rp254 triliun", program="KUR", program_id="kur", **NONE),
        ]),
    ]),
    ("antaranews", "https://www.antaranews.com/berita/2300000/kominfo-latih-100-ribu-umkm",
     "Kominfo Targetkan 100 Ribu UMKM Ikut Pelatihan Digital", "2021-03-02T10:00:00+07:00", [
        ("Kementerian Kominfo menargetkan 100 ribu UMKM mengikuti pelatihan pemasaran digital sepanjang 2021.", [
            dict(claim_type="target", subject="UMKM ikut pelatihan pemasaran digital", metric=DIGITAL, value=100e3,
                 unit="UMKM", value_text="100 ribu", target_year=2021, scope="programme",
                 scope_name="pelatihan_pemasaran_digital", organization="Kementerian Komunikasi dan Informatika",
                 institution_id="kominfo", speaker=None, speaker_title=None, person_id=None),
        ]),
        ("Sebelumnya, sebanyak 30 ribu UMKM binaan disebut sudah memasarkan produknya secara daring.", [
            dict(claim_type="achievement", subject="UMKM binaan memasarkan produk daring", metric=DIGITAL,
                 value=30e3, unit="UMKM", value_text="30 ribu", scope=None, **NONE),
        ]),
    ]),
    ("tribunnews", "https://www.tribunnews.com/bisnis/2024/03/05/umkm-kontribusi-pdb",
     "UMKM Sumbang 61 Persen PDB", "2024-03-05T07:00:00+07:00", [
        ("UMKM berkontribusi sekitar 61 persen terhadap produk domestik bruto dan menyerap 97 persen tenaga kerja.", [
            dict(claim_type="other", subject="kontribusi UMKM terhadap PDB", metric="umkm_gdp_share", value=61,
                 unit="persen", value_text="61 persen", qualifier="sekitar", **NONE),
            dict(claim_type="other", subject="serapan tenaga kerja UMKM", metric="umkm_employment_share", value=97,
                 unit="persen", value_text="97 persen", **NONE),
        ]),
    ]),
]


# Copies of one story carry the same syndication group (as extract.syndication assigns it).
SYNDICATED = {
    "https://bisnis.tempo.co/read/1490000/jokowi-umkm-digital-baru-13-juta": "sample-jokowi-13-7",
    "https://www.antaranews.com/berita/2330000/presiden-baru-13-7-juta-umkm-masuk-ekosistem-digital": "sample-jokowi-13-7",
}


def sample_articles() -> list[tuple[dict, list[dict]]]:
    """(article, claims) pairs shaped like `extract.article.extract_article` and `extract.claims.extract_claims`."""
    out = []
    for outlet, url, title, published, paragraphs in ARTICLES:
        text = "\n\n".join(sentence for sentence, _ in paragraphs)
        article = {
            "url": url, "canonical_url": url, "outlet": outlet, "title": title, "published": published,
            "published_source": "jsonld", "modified": None, "authors": [], "tags": ["UMKM", "digital"],
            "section": "ekonomi", "text": text, "language": "id", "word_count": len(text.split()), "status": "ok",
            "syndication_group": SYNDICATED.get(url, url),
        }
        claims = []
        for sentence, specs in paragraphs:
            start = text.index(sentence)
            for spec in specs:
                claim = {
                    "claim_type": None, "subject": None, "metric": None, "value": None, "value_max": None,
                    "unit": None, "qualifier": None, "value_text": None, "target_year": None, "as_of": None,
                    "stated_on": published[:10], "speaker": None, "speaker_title": None, "organization": None,
                    "program": None, "quote": sentence, "char_start": start, "char_end": start + len(sentence),
                    "confidence": 0.9, "person_id": None, "institution_id": None, "program_id": None,
                    "scope": "national", "scope_name": None, "source_kind": "media",
                }
                claim.update(spec)
                assert claim["value_text"] in sentence, claim["value_text"]
                claims.append(claim)
        out.append((article, claims))
    return out


def build_sample(path: str | Path, gazetteer: dict | None = None) -> Store:
    """Create (or refresh) a sample database at `path` through the store API; returns the open store."""
    store = Store(path)
    store.sync_reference_data(gazetteer)
    for article, claims in sample_articles():
        store.save_article_with_claims(article, claims, page_id=None, extractor_version=EXTRACTOR_VERSION)
    store.refresh_search()
    store.refresh_series()
    return store


# -- policy documents (docs/documents.md) -----------------------------------------------------------------------------
# Two PDFs as `extract.documents` reads them (metadata, page texts, table figures with their page, row and column):
# the regulation that sets the yearly targets of the UMKM-digital roadmap, and the ministry's performance report with
# the official realisation, which differs from what the minister said in December 2023 (27 juta).
REG_PDF = "https://peraturan.go.id/files/permen-kukm-no-5-tahun-2022.pdf"
LKJ_PDF = "https://kemenkopukm.go.id/uploads/lkj/laporan-kinerja-kemenkopukm-2023.pdf"
ROW = "UMKM yang terhubung ke ekosistem digital"
DOCUMENTS = [
    dict(url=REG_PDF, doc_type="peraturan", source_kind="regulation", published="2022-03-14", year=2022,
         title="Peraturan Menteri Koperasi dan UKM Nomor 5 Tahun 2022 tentang Peta Jalan Digitalisasi UMKM 2022-2024",
         pages=["PERATURAN MENTERI KOPERASI DAN USAHA KECIL DAN MENENGAH NOMOR 5 TAHUN 2022 TENTANG PETA JALAN "
                "DIGITALISASI USAHA MIKRO, KECIL, DAN MENENGAH TAHUN 2022-2024",
                "Pasal 2 (2) Sasaran dan target tahunan Peta Jalan tercantum dalam Lampiran.",
                "LAMPIRAN SASARAN DAN TARGET TAHUNAN PETA JALAN DIGITALISASI UMKM"],
         figures=[(3, "target", "Target 2024 (juta unit)", "30,00", 30e6, 2024)]),
    dict(url=LKJ_PDF, doc_type="lkj", source_kind="official_report", published="2024-02-29", year=2023,
         title="Laporan Kinerja Kementerian Koperasi dan UKM Tahun 2023",
         pages=["LAPORAN KINERJA KEMENTERIAN KOPERASI DAN USAHA KECIL DAN MENENGAH TAHUN 2023",
                "BAB III AKUNTABILITAS KINERJA Tabel 3.1 Capaian Indikator Kinerja Utama"],
         figures=[(2, "achievement", "Realisasi 2022 (juta unit)", "20,25", 20.25e6, 2022),
                  (2, "achievement", "Realisasi 2023 (juta unit)", "25,60", 25.6e6, 2023),
                  (2, "target", "Target 2024 (juta unit)", "30,00", 30e6, 2024)]),
]
REGULATION = {
    "idData": "sample-permenkukm-5-2022", "tahun_pengundangan": "2022", "tanggal_pengundangan": "2022-03-16",
    "jenis": "Peraturan Menteri", "singkatanJenis": "Permenkop UKM", "noPeraturan": "5",
    "judul": "Peraturan Menteri Koperasi dan Usaha Kecil dan Menengah Nomor 5 Tahun 2022 tentang Peta Jalan "
    "Digitalisasi Usaha Mikro, Kecil, dan Menengah Tahun 2022-2024",
    "status": "Berlaku; mencabut Peraturan Menteri Koperasi dan UKM Nomor 2 Tahun 2019", "bahasa": "Indonesia",
    "urlDownload": REG_PDF, "urlDetailPeraturan": "https://peraturan.go.id/id/permen-kukm-no-5-tahun-2022",
    "tanggal_penetapan": "2022-03-14", "tempat_penetapan": "Jakarta", "pejabat_penetap": "Teten Masduki",
}


def _document_claim(doc_id: str, doc: dict, page: int, claim_type: str, column: str, raw: str, value: float,
                    year: int) -> dict:
    from db import ids

    target = claim_type == "target"
    return {
        "claim_id": ids.claim_id(f"{doc_id}:p{page}", value, "UMKM", claim_type, column), "claim_type": claim_type,
        "subject": ROW, "metric": DIGITAL, "value": value, "value_max": None, "unit": "UMKM", "qualifier": None,
        "value_text": f"{raw} (juta unit)", "target_year": year if target else None,
        "as_of": None if target else f"{year}-12", "stated_on": doc["published"], "speaker": None,
        "speaker_title": None, "organization": "Kementerian Koperasi dan UKM", "program": None,
        "quote": f"{ROW} — {column}: {raw}", "char_start": None, "char_end": None, "confidence": 0.9,
        "person_id": None, "institution_id": "kemenkopukm", "program_id": None, "scope": "national",
        "scope_name": None, "source_kind": doc["source_kind"], "page": page, "text_quality": "ok",
        "row_label": ROW, "column_label": column,
    }


def add_sample_documents(store: Store) -> dict:
    """Add the sample's policy documents, their figures and the regulation (idempotent). Returns {url: document id}."""
    from db import ids
    from db.documents import save_document, save_regulation

    out = {}
    for doc in DOCUMENTS:
        doc_id = ids._digest("document", doc["url"])[:16]
        document = {
            "document_id": doc_id, "url": doc["url"], "canonical_url": doc["url"],
            "sha256": ids._digest("sample-pdf", doc["url"]), "issuer": "Kementerian Koperasi dan UKM",
            "issuer_id": "kemenkopukm", "title": doc["title"], "published": doc["published"],
            "published_precision": "date", "year": doc["year"], "text_quality": "ok", "pages_without_text": 0,
            "source_kind": doc["source_kind"], "doc_type": doc["doc_type"], "page_count": len(doc["pages"]),
            "tables": [{"page": doc["figures"][0][0]}],
            "pages": [{"page": n, "text": text, "text_quality": "ok"} for n, text in enumerate(doc["pages"], 1)],
        }
        claims = [_document_claim(doc_id, doc, *figure) for figure in doc["figures"]]
        out[doc["url"]] = save_document(store, document, claims, source="sample", extractor_version=EXTRACTOR_VERSION)
    save_regulation(store, {**REGULATION, "document_id": out[REG_PDF]},
                    [("revokes", "Peraturan Menteri Koperasi dan UKM Nomor 2 Tahun 2019")], source="sample",
                    source_url=REGULATION["urlDetailPeraturan"])
    store.refresh_search()
    return out
