"""crawlers.run: the crawl() signature the CLI relies on, and how run arguments become Scrapy settings."""

from __future__ import annotations

import inspect

import pytest

from crawlers.run import build_settings, crawl


def test_crawl_signature():
    params = list(inspect.signature(crawl).parameters)
    assert params[:9] == ["db_path", "sources", "since", "until", "mirror", "ignore_robots", "contact_url",
                          "settings", "log_progress"]


def test_polite_defaults_against_real_sites(tmp_path, monkeypatch):
    monkeypatch.delenv("PANTAU_MIRROR", raising=False)
    monkeypatch.delenv("PANTAU_CONTACT", raising=False)
    conf, names = build_settings(tmp_path / "x.db", sources=["kompas"], since="2021-06-14", until="2021-06-16")
    assert names == ["kompas"]
    assert conf.get("USER_AGENT") == "Pantau/0.1 (+https://github.com/pantau-id/pantau)"
    assert conf.get("ROBOTSTXT_USER_AGENT") == "Pantau" and conf.getbool("ROBOTSTXT_OBEY")
    assert conf.getbool("AUTOTHROTTLE_ENABLED") and conf.getfloat("DOWNLOAD_DELAY") >= 1
    assert 2 <= conf.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 4
    assert conf.getlist("PANTAU_ROBOTS_EXTRA_TOKENS") == ["Scrapy"]
    assert conf.get("PANTAU_MIRROR") is None and conf.getlist("PANTAU_IGNORE_ROBOTS") == []


def test_loopback_mirror_is_fast_and_contact_is_configurable(tmp_path, monkeypatch):
    monkeypatch.setenv("PANTAU_MIRROR", "http://127.0.0.1:9999/")
    conf, _ = build_settings(tmp_path / "x.db", contact_url="https://example.org/contact",
                             ignore_robots=("Republika",))
    assert conf.get("PANTAU_MIRROR") == "http://127.0.0.1:9999"
    assert conf.getfloat("DOWNLOAD_DELAY") == 0 and not conf.getbool("AUTOTHROTTLE_ENABLED")
    assert conf.get("USER_AGENT") == "Pantau/0.1 (+https://example.org/contact)"
    args = conf.getdict("PANTAU_RUN_ARGS")
    assert args["ignore_robots"] == ["republika"] and args["mirror"] == "http://127.0.0.1:9999"
    assert args["since"] and args["until"]  # default range: yesterday..today
    remote, _ = build_settings(tmp_path / "x.db", mirror="http://mirror.example.org:8765")
    assert remote.getfloat("DOWNLOAD_DELAY") >= 1  # only a loopback mirror drops the delay


def test_bad_arguments_are_refused(tmp_path):
    with pytest.raises(ValueError):
        build_settings(tmp_path / "x.db", sources=["nosuchsite"])
    with pytest.raises(ValueError):
        build_settings(tmp_path / "x.db", ignore_robots=("nosuchsite",))
    conf, _ = build_settings(tmp_path / "x.db", since="2021-06-14")
    assert conf.get("PANTAU_SINCE") == "2021-06-14" and conf.get("PANTAU_UNTIL") >= "2021-06-14"
