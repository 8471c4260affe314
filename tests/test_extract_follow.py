"""Extracting while crawling (``extract.follow``, ``pantau crawl --extract``): every page extracted once, none lost,
and the same database as crawl-then-extract; a killed extract stage leaves its pages for the next run."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import GOLD, REPO
from db import Store
from extract.follow import ArchiveFollower, process_alive
from extract.stage import extract_pages
from test_crawl_support import FIXTURE_SITES
from test_extract_parallel import TIMESTAMPS, _archive_fixture_pages, _rows

pytestmark = pytest.mark.slow


def _gold_pages() -> list[dict]:
    gold = [json.loads(line) for line in (GOLD / "fixture_articles.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return [{"url": a["url"], "source": a["outlet"], "body": (REPO / a["html_file"]).read_bytes()} for a in gold]


def test_following_an_archive_that_grows_extracts_each_page_once_like_crawl_then_extract(tmp_path):
    reference = tmp_path / "reference.db"
    pages = _archive_fixture_pages(reference)
    extract_pages(Store(reference), workers=1, batch_size=7, chunk_size=3)

    followed = tmp_path / "followed.db"
    Store(followed).close()
    crawl = Store(followed)  # the crawl's own connection: a second writer beside the extract stage's
    to_archive = _gold_pages()
    broken = "https://money.kompas.com/read/2021/06/14/1/broken"
    to_archive.append({"url": broken, "source": "kompas", "body": b"\x00\x01\x02binary"})
    polls = []

    def crawl_running() -> bool:
        """Each poll archives the next two pages, the way a crawl commits while the extract stage reads."""
        polls.append(len(to_archive))
        for page in to_archive[:2]:
            crawl.save_page(url=page["url"], canonical_url=page["url"], source=page["source"], status=200,
                            body=page["body"])
        del to_archive[:2]
        return bool(to_archive)

    follower = ArchiveFollower(crawl_running, poll_s=0)
    stats = extract_pages(Store(followed), workers=2, batch_size=7, chunk_size=3, follow=follower)
    assert not to_archive and len(polls) > 5  # the archive really grew while the stage ran
    assert stats["pages"] == pages  # each page once: none twice, none lost
    for table in ("articles", "claims", "pages"):
        assert _rows(reference, table) == _rows(followed, table), table
    assert Store(followed).count_pages_to_extract() == 0


def test_a_follower_that_has_caught_up_waits_and_drains_after_the_crawl_ends(tmp_path):
    db = tmp_path / "p.db"
    store = Store(db)
    page = _gold_pages()[0]
    answers = iter([True, True, False])
    follower = ArchiveFollower(lambda: next(answers), poll_s=0)
    batches = follower.batches(store, size=10)
    store.save_page(url=page["url"], canonical_url=page["url"], source=page["source"], status=200, body=page["body"])
    assert [p["url"] for p in next(batches)] == [page["url"]]
    assert next(batches) == []  # caught up: an empty batch, then a wait
    assert next(batches, None) is None  # the crawl ended: nothing more to wait for
    assert follower.waits == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_a_slow_crawl_does_not_hold_finished_pages_unsaved(tmp_path, workers):
    """Three pages, then a crawl that goes quiet: they are saved within the flush interval while the crawl still
    runs, not held until 200 pages are done or the crawl ends."""
    db = tmp_path / "p.db"
    Store(db).close()
    crawl = Store(db)
    for page in _gold_pages()[:3]:
        crawl.save_page(url=page["url"], canonical_url=page["url"], source=page["source"], status=200,
                        body=page["body"])
    saved_while_running = []
    started = time.monotonic()

    def crawl_running() -> bool:
        done = crawl.db.execute("select count(*) from pages where extracted_at is not null").fetchone()[0]
        if done == 3:
            saved_while_running.append(time.monotonic() - started)
        return not saved_while_running and time.monotonic() - started < 60

    stats = extract_pages(Store(db), workers=workers, follow=ArchiveFollower(crawl_running, poll_s=0.05),
                          flush_s=0.3)
    assert stats["pages"] == 3
    assert saved_while_running, "finished pages stayed unsaved until the crawl ended"


def test_process_alive_tells_a_running_process_from_an_ended_one():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert process_alive(child.pid)
    finally:
        child.kill()
        child.wait()
    assert not process_alive(child.pid)


def test_extract_follow_stdin_extracts_with_a_pool_while_the_pipe_is_open_and_ends_when_it_closes(tmp_path):
    """The workers are forked while the crawl still holds the pipe open (a reader thread blocked on stdin once made
    them hang on start-up); closing the pipe drains and ends the run."""
    db = tmp_path / "p.db"
    pages = _archive_fixture_pages(db)
    process = subprocess.Popen([sys.executable, "-m", "pantau.cli", "extract", "--db", str(db), "--follow-stdin",
                                "--workers", "2"], cwd=REPO, stdin=subprocess.PIPE,
                               stdout=(tmp_path / "out").open("wb"), stderr=(tmp_path / "err").open("wb"))
    try:
        _wait_for_child(process.pid, "--follow-stdin")  # the pool is forked while the pipe is still open
        time.sleep(1)
        assert process.poll() is None, "the follower ended while the pipe was still open"
        process.stdin.close()
        process.wait(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, (tmp_path / "err").read_text()[-2000:]
    stats = json.loads((tmp_path / "out").read_text())
    assert stats["pages"] == pages and stats["workers"] == 2


# -- the command: a real crawl over HTTP of the fixture sites ----------------------------------------------------

def _pantau(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "pantau.cli", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=timeout)


def _keyed(db, table: str, key: str, drop=()) -> dict:
    skip = TIMESTAMPS | {"id", "page_id", "run_id", "syndication_group", *drop}
    return {row[key]: {k: v for k, v in row.items() if k not in skip}
            for row in Store(db).db.query(f"select * from [{table}]")}


@pytest.fixture(scope="module")
def fixture_mirror():
    from pantau.mirror import serve_in_thread

    server, url = serve_in_thread(FIXTURE_SITES)
    yield url
    server.shutdown()


CRAWL = ("--since", "2021-06-11", "--until", "2021-06-16", "--ignore-robots", "republika")


def test_crawl_with_extract_gives_the_database_of_crawl_then_extract(fixture_mirror, tmp_path):
    together, apart = tmp_path / "together.db", tmp_path / "apart.db"
    done = _pantau("crawl", "--extract", "--db", str(together), "--mirror", fixture_mirror, *CRAWL)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert result["extract"]["pages"] > 20 and result["extract"]["claims"] > 0

    assert _pantau("crawl", "--db", str(apart), "--mirror", fixture_mirror, *CRAWL).returncode == 0
    assert _pantau("extract", "--db", str(apart)).returncode == 0
    # Two crawls may archive the pages in another order, so rows are compared by URL, not by page id
    assert _keyed(together, "pages", "canonical_url", drop={"body", "headers"}) == \
        _keyed(apart, "pages", "canonical_url", drop={"body", "headers"})
    assert _keyed(together, "articles", "id") == _keyed(apart, "articles", "id")
    assert _keyed(together, "claims", "id") == _keyed(apart, "claims", "id")
    assert Store(together).count_pages_to_extract() == 0


def test_a_killed_extract_stage_fails_the_command_and_the_next_run_finishes_its_pages(fixture_mirror, tmp_path):
    db = tmp_path / "p.db"
    process = subprocess.Popen([sys.executable, "-m", "pantau.cli", "crawl", "--extract", "--db", str(db),
                                "--mirror", fixture_mirror, *CRAWL], cwd=REPO, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    follower = _wait_for_child(process.pid, "--follow-stdin")
    os.kill(follower, signal.SIGKILL)
    out, err = process.communicate(timeout=300)
    assert process.returncode != 0
    assert "the extract stage running beside the crawl failed" in err.strip().splitlines()[-1]
    store = Store(db)
    assert store.db.execute("select count(*) from pages where kind = 'article'").fetchone()[0] > 20
    assert store.count_pages_to_extract() > 0  # left pending, not lost
    assert _pantau("extract", "--db", str(db)).returncode == 0
    assert store.count_pages_to_extract() == 0
    assert store.db.execute("select count(*) from articles").fetchone()[0] > 20


def _wait_for_child(parent: int, marker: str, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
                with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                    command = cmdline.read().decode(errors="replace")
            except (OSError, ValueError, IndexError):
                continue
            if ppid == parent and marker in command:
                return int(entry)
        time.sleep(0.05)
    raise AssertionError(f"no child of {parent} running {marker}")
