"""Series facts stored with the claims (db/series.py): which claims are syndicated copies, and the conflicts inside one
series, recomputed when syndication groups change and rebuilt on the public database."""

from __future__ import annotations

import pytest
import sqlite_utils

from db import Store, series
from pantau import metadata as md
from pantau import publish as pub

DIGITAL = "umkm_onboarded_digital"


def _article(url, outlet, published, group):
    return {"url": url, "canonical_url": url, "outlet": outlet, "title": f"UMKM digital ({outlet})",
            "published": f"{published}T10:00:00+07:00", "text": "teks", "language": "id", "status": "ok",
            "syndication_group": group}


def _figure(value, stated_on, start=0, scope="national", scope_name=None, organization="Kementerian Koperasi dan UKM"):
    return {"claim_type": "achievement", "metric": DIGITAL, "value": value, "unit": "UMKM",
            "value_text": f"{value / 1e6:g} juta".replace(".", ","), "stated_on": stated_on, "char_start": start,
            "quote": f"Sebanyak {value / 1e6:g} juta UMKM sudah go digital.", "scope": scope,
            "scope_name": scope_name, "organization": organization}


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "pantau.db")
    store.sync_reference_data()
    save = store.save_article_with_claims
    # one story told by tempo, copied by antaranews a day later (same group): the copy's figure counts once
    save(_article("https://tempo.co/a", "tempo", "2022-01-10", "story-1"),
         [_figure(20e6, "2022-01-10")], page_id=None, extractor_version="t")
    save(_article("https://antaranews.com/b", "antaranews", "2022-01-11", "story-1"),
         [_figure(20e6, "2022-01-11"), _figure(20e6, "2022-01-11", start=40)], page_id=None, extractor_version="t")
    # another source, a month later: lower (a running total falls) and > 5 % away
    save(_article("https://katadata.co.id/c", "katadata", "2022-02-12", "story-2"),
         [_figure(18e6, "2022-02-12", organization="idEA"),
          _figure(18.5e6, "2022-02-12", start=50, scope="province", scope_name="Bali", organization="idEA")],
         page_id=None, extractor_version="t")
    # the same source as the first, close to it: neither a fall nor a disagreement
    save(_article("https://tempo.co/d", "tempo", "2022-03-01", "story-3"),
         [_figure(20.5e6, "2022-03-01")], page_id=None, extractor_version="t")
    store.refresh_series()
    yield store
    store.close()


def _counted(store):
    return dict(store.db.execute(
        "select a.outlet || ':' || c.char_start, c.counted from claims c join articles a on a.id = c.article_id"
        " where c.value = 20e6").fetchall())


def _conflicts(db):
    return sorted(db.execute(
        "select p.conflict, e.value, l.value from series_conflicts p join claims e on e.id = p.earlier_claim"
        " join claims l on l.id = p.later_claim").fetchall())


def test_syndicated_copies_count_once_and_follow_regrouping(store):
    assert _counted(store) == {"tempo:0": 1, "antaranews:0": 0, "antaranews:40": 0}
    # the grouper later decides the two articles are different stories: both count again
    antara = store.db.execute("select id from articles where outlet = 'antaranews'").fetchone()[0]
    store.update_syndication_groups({antara: "story-9"})
    store.refresh_series()
    assert _counted(store) == {"tempo:0": 1, "antaranews:0": 1, "antaranews:40": 1}


def test_conflicts_stay_inside_one_series_and_compare_each_figure_once(store):
    assert _conflicts(store.db) == [
        (series.DIFFERS, 18e6, 20.5e6),  # tempo's 20.5 vs katadata's 18, within 120 days
        (series.DIFFERS, 20e6, 18e6),  # the closest earlier figure of another source (the copy is not counted)
        (series.FALLS, 20e6, 18e6),
    ]  # Bali's 18.5 million is another series: never compared with the national figures
    assert store.refresh_series() == {"syndicated_copies": 2, "series_conflicts": 3}  # idempotent


def test_public_build_recomputes_without_rejected_claims(store, tmp_path):
    store.db.execute("update claims set review_status = 'rejected' where value = 18e6")
    store.db.conn.commit()
    out = pub.build_public_db(store.path, tmp_path / "public.db")
    assert out[series.CONFLICTS_TABLE] == 0
    public = sqlite_utils.Database(tmp_path / "public.db")
    assert public.execute("select count(*) from claims where counted = 0").fetchone()[0] == 2
    assert "idx_claims_metric_scope_counted_figure_date_stated_on" in {i.name for i in public["claims"].indexes}
    # every facet of the claims page can be counted from an index (a facet without one scans 1,000,000 rows)
    facets = md.build_metadata(scores=None, public=True)["databases"][md.DB_NAME]["tables"]["claims"]["facets"]
    assert "source_kind" in facets
    assert set(facets) <= {i.columns[0] for i in public["claims"].indexes}
