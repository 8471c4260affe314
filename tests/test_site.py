"""The site a newcomer trusts (issue 15), served by a real Datasette over HTTP, on the full and the public build of the
sample database: series that mean one thing, a citable claim page, the home page, forgiving inputs, and every
published page answering."""

from __future__ import annotations

import html
import re
import sqlite3
import xml.etree.ElementTree as ET

import httpx
import pytest

from conftest import free_port
from db import sample
from extract.target_stage import update_targets
from pantau import metadata as md
from pantau import publish as pub
from pantau import serve
from pantau.datasette_plugin import id_date, id_number

pytestmark = pytest.mark.slow
DIGITAL = "umkm_onboarded_digital"
ATOM = "{http://www.w3.org/2005/Atom}"


def _serve(db_path, metadata_path, immutable=False):
    port = free_port()
    process = serve.start(db_path, port, metadata_path=metadata_path, immutable=immutable)
    base = f"http://127.0.0.1:{port}"
    serve.wait_until_up(base, process)
    return process, base


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """{"full": (client, db name, db path), "public": (...)}: both builds served at once."""
    root = tmp_path_factory.mktemp("site")
    store = sample.build_sample(root / "pantau.db")
    sample.add_sample_documents(store)  # a regulation and a performance report: the document pages answer too
    update_targets(store)  # the tracker stage runs after every extraction: a real database has target tables
    run = store.start_run("kompas")
    store.finish_run(run, {"requests": 3})
    store.close()
    public = pub.publish(root / "pantau.db", root / "public" / "public.db")
    processes, out = [], {}
    try:
        for name, db_path, meta, immutable in (("full", root / "pantau.db", md.METADATA_FILE, False),
                                               ("public", public["db"], public["metadata"], True)):
            process, base = _serve(db_path, meta, immutable)
            processes.append(process)
            out[name] = (httpx.Client(base_url=base, timeout=30), "pantau" if name == "full" else "public", db_path)
        yield out
    finally:
        for process in processes:
            serve.stop(process)


@pytest.fixture(scope="module")
def site(builds):
    return builds["full"][0]


def rows(client, path, **params):
    response = client.get(path, params={"_shape": "array", **params})
    assert response.status_code == 200, (path, params, response.text[:300])
    return response.json()


def _sample_claim(builds, sql, *args):
    _, _, path = builds["full"]
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, args).fetchone()[0]


# -- 1. series that mean one thing ----------------------------------------------------------------------------------


def test_timeline_is_one_metric_and_scope_with_syndicated_copies_once(site):
    timeline = rows(site, "/pantau/target_timeline.json", metric=DIGITAL, unit="UMKM")
    values = [r["value"] for r in timeline]
    assert {r["scope"] for r in timeline} == {"national"}
    assert 45e3 not in values, "Bali's figure joined the national series"
    assert 100e3 not in values, "a programme's training target joined the national series"
    assert 30e3 not in values, "a figure of unknown scope joined the national series"
    assert values.count(13.7e6) == 1, "a syndicated copy was counted twice"
    bali = rows(site, "/pantau/target_timeline.json", metric=DIGITAL, scope="province", scope_name="bali")
    assert [r["value"] for r in bali] == [45e3]


def test_pace_check_gives_no_verdict_without_baseline_or_from_other_scopes(site):
    national = rows(site, "/pantau/pace_check.json", metric=DIGITAL, unit="UMKM")
    assert national and all(r["scope"] == "national" for r in national)
    assert all(r["target_value"] != 100e3 for r in national)
    for r in national:
        if r["verdict"] in ("reached", "on pace", "behind pace"):
            assert r["baseline_value"] is not None and r["latest_value"] is not None
            assert r["baseline_value"] < r["target_value"] and r["required_per_month"] > 0
            assert r["pct_of_target"] < 1000
    reached = [r for r in national if r["verdict"] == "reached"]
    assert [r["target_value"] for r in reached] == [8e6]
    # the programme's training target has no figure of its own series before it: no verdict, and it says why
    programme = rows(site, "/pantau/pace_check.json", metric=DIGITAL, scope="programme")
    assert len(programme) == 1 and programme[0]["verdict"].startswith("cannot be computed")
    assert programme[0]["pct_of_target"] is None and programme[0]["required_per_month"] is None


def test_conflicts_compare_only_figures_of_one_series(site, builds):
    found = rows(site, "/pantau/conflicting_figures.json", metric=DIGITAL, unit="UMKM")
    assert found and {r["scope"] for r in found} == {"national"}
    involved = {v for r in found for v in (r["earlier_value"], r["later_value"])}
    assert not involved & {45e3, 30e3, 100e3}
    # one row per later figure and kind, never every pair
    keys = [(r["conflict"], r["later_claim"]) for r in found]
    assert len(keys) == len(set(keys))
    figures = rows(site, "/pantau/target_timeline.json", metric=DIGITAL, unit="UMKM")
    assert len(found) <= 2 * sum(1 for r in figures if r["claim_type"] == "achievement")
    copy = _sample_claim(builds, "select c.id from claims c join articles a on a.id = c.article_id "
                                 "where a.outlet = 'antaranews' and c.value = 13700000")
    assert copy not in {r["earlier_claim"] for r in found} | {r["later_claim"] for r in found}
    assert any(r["later_value"] == 12.3e6 and r["earlier_value"] == 14.5e6 for r in found)


def _dashboard_rows(builds, chart: str) -> list:
    """A dashboard chart's query as datasette-dashboards runs it (filters left empty)."""
    _, _, path = builds["full"]
    sql = md.build_metadata()["plugins"]["datasette-dashboards"]["umkm-digital"]["charts"][chart]["query"]
    sql = re.sub(r"\[\[.*?\]\]", "", sql)
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql)]


def test_dashboard_series_is_national_umkm_digital_with_copies_once(builds):
    points = _dashboard_rows(builds, "targets-vs-figures")
    figures = [p["million_umkm"] for p in points if p["kind"] == "reported figure"]
    assert figures.count(13.7) == 1 and 0.04 not in figures and 0.03 not in figures
    assert min(figures) >= 3.79
    latest = _dashboard_rows(builds, "latest-figures")
    assert len({(r["date"], r["figure"]) for r in latest}) == len(latest)


def test_a_feed_without_entries_is_an_empty_feed_not_an_error(site):
    response = site.get("/pantau/new_claims_feed.atom", params={"metric": "umkm_population", "scope": "city"})
    assert response.status_code == 200
    feed = ET.fromstring(response.text)
    assert feed.tag == f"{ATOM}feed" and not feed.findall(f"{ATOM}entry")


def test_feed_for_a_metric_is_one_series(site):
    feed = ET.fromstring(site.get("/pantau/new_claims_feed.atom", params={"metric": DIGITAL}).text)
    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    assert titles and not any("45 ribu" in t or "30 ribu" in t or "100 ribu" in t for t in titles)
    assert sum("13,7 juta" in t for t in titles) == 1


# -- 2. a claim page a journalist can cite ----------------------------------------------------------------------


def test_claim_page_starts_with_what_a_journalist_cites(site, builds):
    claim_id = _sample_claim(builds, "select c.id from claims c join articles a on a.id = c.article_id "
                                     "where a.outlet = 'tempo' and c.value = 13700000")
    page = site.get(f"/pantau/claims/{claim_id}")
    assert page.status_code == 200
    before, _, stored = page.text.partition('class="pantau-all-fields"')
    head = before[before.index('<article class="pantau-claim">'):]
    assert 'class="rows-and-columns"' not in before, "the raw row comes before the citation"
    assert "<mark>13,7 juta</mark>" in head
    assert 'href="/pantau/people/joko_widodo"' in head and "Presiden" in head
    assert "3 Agustus 2021" in head
    assert 'href="/pantau/outlets/tempo"' in head
    assert 'href="https://bisnis.tempo.co/read/1490000/jokowi-umkm-digital-baru-13-juta"' in head
    assert 'href="/pantau/metrics/umkm_onboarded_digital"' in head
    assert "13700000" not in head and "extractor_version" not in head, "internal columns before the citation"
    assert "extractor_version" in stored  # still there, folded
    raw = site.get(f"/pantau/claims/{claim_id}.json", params={"_shape": "array"}).json()
    assert raw[0]["value"] == 13700000.0  # JSON keeps the raw value


@pytest.mark.parametrize("build", ["full", "public"])
def test_claim_page_links_the_target_it_states_or_reports_on(builds, build):
    client, db, _ = builds[build]
    target_claim, target_id, summary = (_sample_claim(builds, sql) for sql in (
        "select first_claim_id from targets where value = 30e6 and deadline = 2024",
        "select target_id from targets where value = 30e6 and deadline = 2024",
        "select summary from targets where value = 30e6 and deadline = 2024"))
    head = client.get(f"/{db}/claims/{target_claim}").text.partition('class="pantau-all-fields"')[0]
    link = re.search(r'<a class="pantau-claim-target" href="([^"]+)">([^<]+)</a> \(([^)]+)\)', head)
    assert link, "no target link on the claim page of a target statement"
    assert link[1] == f"/target/{target_id}" and html.unescape(link[2]) == "Target: " + summary.removeprefix("Target ")
    assert link[3] == "tercapai sebagian" and "this claim states it" in head
    assert client.get(link[1]).status_code == 200  # the link leads to the tracker's page
    figure = _sample_claim(builds, "select c.id from claims c join articles a on a.id = c.article_id "
                                   "where a.outlet = 'tempo' and c.value = 13700000")
    figure_head = client.get(f"/{db}/claims/{figure}").text.partition('class="pantau-all-fields"')[0]
    assert f'href="/target/{target_id}"' in figure_head and "a reported figure toward it" in figure_head
    budget_free = _sample_claim(builds, "select id from claims where metric = 'umkm_gdp_share'")
    assert "pantau-claim-target" not in client.get(f"/{db}/claims/{budget_free}").text  # no target, no link


def test_numbers_are_indonesian_where_people_read_them():
    assert id_number(13.7e6, "UMKM") == "13,7 juta"
    assert id_number(1.1e15, "rupiah") == "Rp1.100 triliun"
    assert id_number(25, "persen") == "25 persen"
    assert id_number(123.46e12, "rupiah") == "Rp123,46 triliun"
    assert id_number(45000) == "45.000" and id_number(2.5e9) == "2,5 miliar"
    assert id_number("n/a") == "n/a" and id_number(None) == ""
    assert id_date("2021-08-03") == "3 Agustus 2021" and id_date("2021-05") == "Mei 2021"


def test_tables_and_queries_show_indonesian_numbers_and_csv_keeps_raw(site):
    html = site.get("/pantau/target_timeline", params={"metric": DIGITAL, "unit": "UMKM"}).text
    assert "13,7 juta" in html and "30 juta" in html and "30000000.0" not in html
    table = site.get("/pantau/claims", params={"claim_type": "budget"}).text
    assert "Rp123,46 triliun" in table
    csv_text = site.get("/pantau/claims.csv", params={"claim_type": "budget", "_size": "max"}).text
    assert "123460000000000" in csv_text.replace(".0", "")


def _header_columns(html: str) -> list[str]:
    return re.findall(r'<th [^>]*data-column="([^"]+)"', html)


@pytest.mark.parametrize("build", ["full", "public"])
def test_claims_table_hides_internal_columns_but_exports_keep_them(builds, build):
    client, db, _ = builds[build]
    html = client.get(f"/{db}/claims", params={"metric": DIGITAL}).text
    shown = _header_columns(html)
    assert {"value", "value_text", "quote", "speaker", "stated_on", "outlet"} <= set(shown)
    assert not set(shown) & set(md.CLAIM_HIDDEN_COLUMNS), "internal columns in the claims table"
    table = html.split('class="table-wrapper"')[1].split("</table>")[0]
    assert "col-quote_stem" not in table and "col-extractor_version" not in table  # no cell either
    cells = re.findall(r'<td class="col-value [^"]*">([^<]*)</td>', html)
    assert "13,7 juta" in cells and not any(c.endswith(".0") for c in cells)
    everything = client.get(f"/{db}/claims", params={"metric": DIGITAL, "_all_columns": "1"}).text
    assert set(md.CLAIM_HIDDEN_COLUMNS) - {"text_quality"} <= set(_header_columns(everything))
    assert "quote_stem" in _header_columns(client.get(f"/{db}/claims", params={"_col": "quote_stem"}).text)
    data = client.get(f"/{db}/claims.json", params={"metric": DIGITAL, "_shape": "array"}).json()
    assert {"quote_stem", "figure_date", "extractor_version", "counted"} <= set(data[0])
    assert 13700000.0 in {row["value"] for row in data}  # raw in JSON
    header = client.get(f"/{db}/claims.csv", params={"metric": DIGITAL}).text.splitlines()[0].split(",")
    assert {"quote_stem", "figure_date", "position_id"} <= set(header)


# -- 3. home page and search ----------------------------------------------------------------------------------------


def test_home_page_says_what_the_data_covers_and_searches_claims(site):
    home = site.get("/").text
    assert 'action="/pantau/search_claims"' in home and 'name="q"' in home
    assert "29</strong> claims from <strong>15</strong> articles" in home
    assert "15 November 2017" in home and "5 Maret 2024" in home
    assert "12 outlets" in home and "Last crawl" in home


def test_search_results_are_sentences_newest_first(site):
    found = rows(site, "/pantau/search_claims.json", q="juta")
    dates = [r["stated_on"] for r in found]
    assert dates == sorted(dates, reverse=True) and len(found) > 5
    assert all(r["quote"] and "text" not in r for r in found)
    assert all(len(r["quote"]) < 400 for r in found)
    redirected = site.get("/-/search", params={"q": "capai"}, follow_redirects=True)
    assert redirected.status_code == 200 and "/search_claims" in str(redirected.url)
    assert "tercapai" in redirected.text
    page = site.get("/pantau/search_claims", params={"q": "capai"}).text
    assert 'href="/pantau/claims/' in page  # each result links its claim page
    assert "value=\\\"Search\\\"" in page or '"Search"' in page  # the button says Search, not Run SQL


# -- 4. forgiving inputs ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("person", ["jokowi", "JOKOWI", " Joko Widodo ", "joko_widodo"])
def test_people_match_any_alias_in_any_case(site, person):
    found = rows(site, "/pantau/claims_by_person.json", person=person)
    assert found and {r["value_text"] for r in found} >= {"13,7 juta"}


def test_feed_and_timeline_take_aliases_and_names(site):
    feed = site.get("/pantau/new_claims_feed.atom", params={"person": "teten"})
    entries = ET.fromstring(feed.text).findall(f"{ATOM}entry")
    assert feed.status_code == 200 and len(entries) >= 5
    programme = ET.fromstring(site.get("/pantau/new_claims_feed.atom", params={"program": "umkm go online"}).text)
    assert programme.findall(f"{ATOM}entry")
    by_name = rows(site, "/pantau/target_timeline.json", metric="UMKM terhubung ke ekosistem digital", unit="UMKM")
    assert by_name == rows(site, "/pantau/target_timeline.json", metric="UMKM_ONBOARDED_DIGITAL", unit="UMKM")


def test_unknown_names_say_so_instead_of_an_empty_result(site):
    page = site.get("/pantau/claims_by_person", params={"person": "budi"})
    assert page.status_code == 404 and "No such person" in page.text and "budi_arie_setiadi" in page.text
    data = site.get("/pantau/target_timeline.json", params={"metric": "umkm_digitl", "_shape": "array"})
    assert data.status_code == 404 and "No such metric" in data.json()["error"]
    feed = site.get("/pantau/new_claims_feed.atom", params={"program": "no such programme"})
    assert feed.status_code == 404 and "No such programme" in feed.text


def test_query_forms_offer_lists_to_choose_from(site):
    page = site.get("/pantau/claims_by_person").text
    lists = re.search(r"var lists=(\{.*?\});", page)
    assert lists and "'pantau-list-'" in page
    import json

    people = dict(json.loads(lists.group(1))["person"])
    assert people["joko_widodo"] == "Joko Widodo" and people["teten_masduki"] == "Teten Masduki"


# -- 5. every published page answers --------------------------------------------------------------------------------

QUERY_PARAMS = {"q": "UMKM", "metric": DIGITAL, "person": "teten", "unit": "UMKM"}
# The site's own queries have rows in the sample; others' (targets, health) may legitimately be empty there.
EXPECT_ROWS = {"search_claims", "target_timeline", "claims_by_person", "new_claims_feed", "conflicting_figures",
               "pace_check"}


@pytest.mark.parametrize("build", ["full", "public"])
def test_every_table_row_query_feed_and_dashboard_answers(builds, build):
    client, db, _ = builds[build]
    failures = []

    def check(path, params=None, expect_rows=None):
        response = client.get(path, params=params or {})
        if response.status_code != 200:
            failures.append(f"{path} {params or ''}: HTTP {response.status_code} {response.text[:120]}")
        return response

    for path in ("/", f"/{db}", "/methodology", "/robots.txt", "/-/dashboards", "/-/dashboards/umkm-digital"):
        check(path)
    info = client.get(f"/{db}.json").json()
    for table in info["tables"]:
        if table["hidden"]:
            continue
        name = table["name"]
        check(f"/{db}/{name}")
        data = check(f"/{db}/{name}.json", {"_shape": "objects", "_size": 5}).json()
        if table["count"]:
            if not data.get("rows"):
                failures.append(f"{name}: {table['count']} rows but the page shows none")
            else:
                pk = table["primary_keys"]
                if len(pk) == 1:
                    check(f"/{db}/{name}/{data['rows'][0][pk[0]]}")
    for query in info["queries"]:
        name = query["name"]
        params = {p: QUERY_PARAMS.get(p, "") for p in query["params"]}
        check(f"/{db}/{name}", params)
        fmt = "atom" if name.endswith("_feed") else "json"
        response = check(f"/{db}/{name}.{fmt}", {**params, "_shape": "array"} if fmt == "json" else params)
        if response.status_code == 200 and fmt == "json" and not response.json() and name in EXPECT_ROWS:
            failures.append(f"{name}: empty for {params}")
    charts = md.build_metadata(db, public=build == "public")["plugins"]["datasette-dashboards"]["umkm-digital"]
    for chart_name, chart in charts["charts"].items():
        if "query" in chart:
            sql = re.sub(r"\[\[.*?\]\]", "", chart["query"])
            response = check(f"/{db}.json", {"sql": sql, "_shape": "array"})
            if response.status_code == 200 and not response.json():
                failures.append(f"dashboard chart {chart_name}: no rows")
    assert not failures, "\n".join(failures)


def test_public_metadata_names_only_public_columns(builds):
    client, db, path = builds["public"]
    meta = md.build_metadata("public", public=True)
    tables = meta["databases"]["public"]["tables"]
    with sqlite3.connect(path) as conn:
        for name, table in tables.items():
            columns = {r[1] for r in conn.execute(f"pragma table_info([{name}])")}
            if not columns:
                assert name in md.HIDDEN or name not in pub.LOOKUP_TABLES + ["claims", "articles"], name
                continue
            for facet in table.get("facets", []):
                assert facet in columns, f"{name}: facet on missing column {facet}"
    assert client.get("/public/articles", params={"_facet": "outlet"}).status_code == 200
