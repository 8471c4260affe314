"""The claims schema (m003+): lookup tables from the gazetteer, claim links, derived columns, stemmed full-text search,
deterministic re-runs and upgrading a database that already holds m002 claims."""

from __future__ import annotations

import sqlite3

import sqlite_utils
from datasette.utils import escape_fts

from db import Store, migrations, sample
from db.stem import stem

GAZ = {
    "institutions": [
        {"id": "kemenkopukm", "name": "Kementerian Koperasi dan Usaha Kecil dan Menengah", "type": "ministry",
         "acronyms": ["KemenKopUKM"], "valid_to": "2024-10-20", "successor": ["kemenkop"]},
        {"id": "lpdb", "name": "LPDB", "parent": "kemenkopukm"},
    ],
    "people": [
        {"id": "teten_masduki", "name": "Teten Masduki", "variants": ["Teten"], "positions": [
            {"title": "Kepala Staf Kepresidenan", "institution": "ksp", "start": "2018-01-17", "end": "2019-10-20"},
            {"title": "Menteri Koperasi dan UKM", "institution": "kemenkopukm", "start": "2019-10-23",
             "end": "2024-10-20"},
        ]},
    ],
    "programs": [{"id": "gernas_bbi", "name": "Gerakan Nasional Bangga Buatan Indonesia", "lead": "kemenko_marves"}],
    "metrics": [{"id": "umkm_onboarded_digital", "name": "UMKM terhubung ke ekosistem digital",
                 "units": ["UMKM", "persen"], "definition": "Online UMKM."}],
}


def _article(url="https://money.kompas.com/read/2021/06/14/a", text=None, outlet="kompas"):
    text = text or ("Menteri Koperasi dan UKM Teten Masduki mengatakan target 30 juta UMKM go digital pada 2024 "
                    "akan tercapai.\n\nSaat ini 12 juta UMKM sudah terhubung.")
    return {"url": url, "canonical_url": url, "outlet": outlet, "title": "Target tercapai", "published":
            "2021-06-14T10:00:00+07:00", "text": text, "status": "ok"}


def _claims(text):
    first = text.split("\n\n")[0]
    second = text.split("\n\n")[1]
    base = dict(subject="UMKM go digital", metric="umkm_onboarded_digital", unit="UMKM", stated_on="2021-06-14",
                speaker="Teten Masduki", person_id="teten_masduki", institution_id="kemenkopukm", confidence=0.9)
    return [
        dict(base, claim_type="target", value=30e6, value_text="30 juta", target_year=2024, quote=first,
             char_start=0, char_end=len(first), program="Gernas BBI", program_id="gernas_bbi"),
        dict(base, claim_type="achievement", value=12e6, value_text="12 juta", as_of="2021-05", quote=second,
             char_start=text.index(second), char_end=len(text)),
    ]


def _search(db, q):
    conn = db.conn
    conn.create_function("stem_id", 1, stem)
    conn.create_function("escape_fts", 1, escape_fts)
    return [r[0] for r in conn.execute(
        "select claims.id from claims_fts join claims on claims.rowid = claims_fts.rowid"
        " where claims_fts match escape_fts(stem_id(?))", [q])]


def test_schema_has_lookup_tables_and_claim_foreign_keys(tmp_path):
    store = Store(tmp_path / "p.db")
    tables = set(store.db.table_names())
    assert {"outlets", "articles", "article_revisions", "people", "positions", "institutions", "programs", "metrics",
            "claims", "crawl_runs", "claims_fts", "articles_fts"} <= tables
    fks = {(fk.column, fk.other_table) for fk in store.db["claims"].foreign_keys}
    assert fks == {("article_id", "articles"), ("metric", "metrics"), ("person_id", "people"),
                   ("institution_id", "institutions"), ("program_id", "programs"), ("outlet", "outlets"),
                   ("position_id", "positions")}
    assert ("outlet", "outlets") in {(fk.column, fk.other_table) for fk in store.db["articles"].foreign_keys}
    assert {("person_id", "people"), ("institution_id", "institutions")} <= {
        (fk.column, fk.other_table) for fk in store.db["positions"].foreign_keys}
    claim_columns = set(store.db["claims"].columns_dict)
    assert {"stated_month", "stated_year", "extractor_version", "review_status", "quote_stem", "figure_date",
            "char_start", "char_end", "confidence", "as_of", "qualifier", "value_max"} <= claim_columns
    fts_sql = store.db["claims_fts"].schema
    assert "unicode61 remove_diacritics 2" in fts_sql and "quote_stem" in fts_sql
    assert {"valid_from", "valid_to", "periods"} <= set(store.db["institutions"].columns_dict)
    assert {"definition", "units", "cumulative"} <= set(store.db["metrics"].columns_dict)


def test_reference_sync_is_deterministic_and_stubs_dangling_ids(tmp_path):
    store = Store(tmp_path / "p.db")
    first = store.sync_reference_data(GAZ)
    positions = sorted(r["id"] for r in store.db["positions"].rows)
    second = store.sync_reference_data(GAZ)
    assert first == second
    assert sorted(r["id"] for r in store.db["positions"].rows) == positions
    assert store.db["institutions"].get("ksp")["origin"] == "stub"  # referenced by a position, not defined
    assert store.db["institutions"].get("kemenko_marves")["origin"] == "stub"  # programme lead
    assert store.db["institutions"].get("lpdb")["parent_id"] == "kemenkopukm"
    assert store.db["institutions"].get("kemenkopukm")["valid_to"] == "2024-10-20"
    assert store.db["metrics"].get("umkm_onboarded_digital")["series"] == "umkm_digital"
    assert store.db["outlets"].get("kompas")["name"] == "Kompas"
    assert store.db.execute("pragma foreign_key_check").fetchall() == []


def test_saving_claims_links_position_fills_derived_columns_and_reruns_upsert(tmp_path):
    store = Store(tmp_path / "p.db")
    store.sync_reference_data(GAZ)
    article = _article()
    claims = _claims(article["text"])
    store.save_article_with_claims(article, claims, page_id=None, extractor_version="t1")
    rows = {r["claim_type"]: r for r in store.db["claims"].rows}
    assert rows["achievement"]["figure_date"] == "2021-05-01" and rows["target"]["figure_date"] == "2021-06-14"
    assert rows["target"]["stated_month"] == "2021-06" and rows["target"]["stated_year"] == 2021
    assert rows["target"]["outlet"] == "kompas" and rows["target"]["review_status"] == "unreviewed"
    position = store.db["positions"].get(rows["target"]["position_id"])
    assert position["title"] == "Menteri Koperasi dan UKM"
    assert "capai" in rows["target"]["quote_stem"]
    ids_before = sorted(rows[t]["id"] for t in rows)
    first_seen = {r["id"]: r["first_seen"] for r in store.db["claims"].rows}
    store.save_article_with_claims(article, claims, page_id=None, extractor_version="t1")
    assert sorted(r["id"] for r in store.db["claims"].rows) == ids_before
    assert {r["id"]: r["first_seen"] for r in store.db["claims"].rows} == first_seen
    assert store.db["claims_fts"].count == store.db["claims"].count == 2
    assert store.db.execute("pragma foreign_key_check").fetchall() == []


def test_unknown_ids_become_labelled_stubs_instead_of_failing(tmp_path):
    store = Store(tmp_path / "p.db")
    article = _article(outlet="newsite")
    claims = _claims(article["text"])
    claims[0].update(metric="new_metric", person_id="someone_new", program_id="new_programme")
    store.save_article_with_claims(article, claims, page_id=None, extractor_version="t1")
    assert store.db["outlets"].get("newsite")["origin"] == "stub"
    assert store.db["metrics"].get("new_metric")["origin"] == "stub"
    assert store.db["people"].get("someone_new")["name"] == "someone_new"
    assert store.db.execute("pragma foreign_key_check").fetchall() == []


def test_stemmed_search_finds_affixed_forms_and_stays_in_sync(tmp_path):
    store = Store(tmp_path / "p.db")
    article = _article()
    store.save_article_with_claims(article, _claims(article["text"]), page_id=None, extractor_version="t1")
    target = [r["id"] for r in store.db["claims"].rows_where("claim_type = 'target'")]
    assert _search(store.db, "capai") == target  # "tercapai" in the sentence
    assert _search(store.db, "pencapaian") == target
    assert _search(store.db, "TERCAPAI") == target
    # a re-extraction that changes the sentence replaces the indexed text
    edited = _article(text=article["text"].replace("tercapai", "terwujud"))
    store.save_article_with_claims(edited, _claims(edited["text"]), page_id=None, extractor_version="t2")
    assert _search(store.db, "capai") == []
    assert len(_search(store.db, "wujud")) == 1
    store.refresh_search()
    assert len(_search(store.db, "wujud")) == 1
    assert store.db["claims_fts"].count == store.db["claims"].count


def test_upgrading_a_database_that_already_has_m002_claims(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    migrations.migrations.apply(db, stop_before="m003_lookup_tables_links_and_search")
    db["articles"].insert({"id": "a1", "canonical_url": "https://x/a", "outlet": "detik", "title": "t", "text": "x"})
    db["claims"].insert({"id": "c1", "article_id": "a1", "claim_type": "achievement", "metric": "umkm_onboarded_digital",
                         "value": 8e6, "unit": "UMKM", "quote": "Baru 8 juta UMKM tercapai.", "as_of": "2020-05",
                         "stated_on": "2020-06-10", "person_id": "teten_masduki"})
    db.close()
    store = Store(path)
    row = store.db["claims"].get("c1")
    assert row["quote_stem"] and "capai" in row["quote_stem"]
    assert row["figure_date"] == "2020-05-01" and row["outlet"] == "detik"
    assert store.db["people"].get("teten_masduki")["origin"] == "stub"
    assert store.db.execute("pragma foreign_key_check").fetchall() == []
    assert _search(store.db, "capai") == ["c1"]
    assert migrations.migrations.pending(store.db) == []


def test_figure_date_normalises_as_of():
    assert migrations.figure_date("2021-05", "2021-06-14") == "2021-05-01"
    assert migrations.figure_date("2021", None) == "2021-01-01"
    assert migrations.figure_date(None, "2021-06-14") == "2021-06-14"
    assert migrations.figure_date(None, None) is None


def test_sample_database_is_valid_and_rebuildable(tmp_path):
    store = sample.build_sample(tmp_path / "s.db")
    counts = store.counts()
    assert counts["claims"] >= 20 and counts["articles"] >= 10
    store.close()
    again = sample.build_sample(tmp_path / "s.db")
    assert again.counts() == counts
    assert again.db.execute("pragma foreign_key_check").fetchall() == []
    try:
        again.db.execute("insert into claims (id, article_id) values ('x', 'no-such-article')")
    except sqlite3.IntegrityError:
        pass
    else:
        raise AssertionError("foreign keys are not enforced by the store")


def test_reference_sync_accepts_yaml_dates(tmp_path):
    import datetime

    store = Store(tmp_path / "p.db")
    gaz = {"programs": [{"id": "p1", "name": "P", "start": datetime.date(2020, 5, 14),
                         "targets": [{"value": 1, "stated_on": datetime.date(2021, 1, 11)}]}],
           "people": [{"id": "x", "name": "X", "positions": [{"title": "T", "start": datetime.date(2019, 10, 23),
                                                             "attested": [datetime.date(2020, 1, 1)]}]}]}
    store.sync_reference_data(gaz)
    assert store.db["programs"].get("p1")["start"] == "2020-05-14"
    assert "2021-01-11" in store.db["programs"].get("p1")["targets"]
    assert list(store.db["positions"].rows)[0]["start"] == "2019-10-23"
