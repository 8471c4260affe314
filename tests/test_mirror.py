"""The mirror mapping: how a real URL becomes a file of a saved site, and back."""

import urllib.error
import urllib.request

import pytest

from pantau.mirror import candidate_files, mirror_url, real_url, resolve, serve_in_thread


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "sites"
    (root / "indeks.kompas.com").mkdir(parents=True)
    (root / "indeks.kompas.com" / "index.html?site=money&date=2021-06-14&page=1").write_text("<p>page 1</p>")
    (root / "indeks.kompas.com" / "index.html").write_text("<p>home</p>")
    (root / "www.liputan6.com" / "bisnis" / "read" / "1").mkdir(parents=True)
    (root / "www.liputan6.com" / "bisnis" / "read" / "1" / "slug").write_text("<p>article</p>")
    (root / "www.liputan6.com" / "robots.txt").write_text("User-agent: *\nDisallow:\n")
    (root / "example.com" / "a").mkdir(parents=True)
    (root / "example.com" / "a" / "b?x=1&y=2").write_text("sorted")
    return root


def test_mirror_url_keeps_host_path_and_query():
    assert (
        mirror_url("https://indeks.kompas.com/?site=money&date=2021-06-14&page=1", "http://127.0.0.1:9/")
        == "http://127.0.0.1:9/indeks.kompas.com/?site=money&date=2021-06-14&page=1"
    )
    assert mirror_url("https://www.liputan6.com", "http://m") == "http://m/www.liputan6.com/"


def test_real_url_inverts_mirror_url():
    url = "https://finance.detik.com/indeks?date=06%2F14%2F2021&page=1"
    mirrored = mirror_url(url, "http://127.0.0.1:1234")
    assert real_url(mirrored.split("1234", 1)[1]) == url


def test_directory_index_with_query(site):
    found = resolve(site, "/indeks.kompas.com/?site=money&date=2021-06-14&page=1")
    assert found.read_text() == "<p>page 1</p>"


def test_query_never_falls_back_to_the_unqueried_file(site):
    assert resolve(site, "/indeks.kompas.com/?site=money&date=2021-06-14&page=2") is None
    assert resolve(site, "/indeks.kompas.com/").read_text() == "<p>home</p>"


def test_query_parameters_in_another_order_find_the_sorted_file(site):
    assert resolve(site, "/example.com/a/b?y=2&x=1").read_text() == "sorted"


def test_path_traversal_is_refused(site):
    assert candidate_files(site, "/../etc/passwd") == []


def test_server_serves_files_and_404s(site):
    server, base = serve_in_thread(site)
    try:
        with urllib.request.urlopen(f"{base}/www.liputan6.com/bisnis/read/1/slug") as response:
            assert response.status == 200
            assert response.headers["Content-Type"].startswith("text/html")
            etag = response.headers["ETag"]
            assert response.read() == b"<p>article</p>"
        with urllib.request.urlopen(f"{base}/www.liputan6.com/robots.txt") as response:
            assert response.headers["Content-Type"].startswith("text/plain")
        request = urllib.request.Request(f"{base}/www.liputan6.com/bisnis/read/1/slug", headers={"If-None-Match": etag})
        with pytest.raises(urllib.error.HTTPError) as not_modified:
            urllib.request.urlopen(request)
        assert not_modified.value.code == 304
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"{base}/www.liputan6.com/bisnis/read/2/other")
        assert missing.value.code == 404
    finally:
        server.shutdown()


def test_query_with_slashes_is_found_percent_encoded(site):
    (site / "finance.detik.com").mkdir()
    (site / "finance.detik.com" / "indeks?date=06%2F15%2F2021&page=1").write_text("detik")
    assert resolve(site, "/finance.detik.com/indeks?date=06%2F15%2F2021&page=1").read_text() == "detik"
    assert resolve(site, "/finance.detik.com/indeks?page=1&date=06%2F15%2F2021").read_text() == "detik"
    # a file name cannot hold "/", so a literal slash in the query is looked up percent-encoded
    assert resolve(site, "/finance.detik.com/indeks?date=06/15/2021&page=1").read_text() == "detik"
