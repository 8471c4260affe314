"""scripts/scheduled_run: one full run against the fixture mirror, and no second run while one holds the lock."""

import fcntl
import os
import subprocess

import pytest
import sqlite_utils

from conftest import FIXTURE_SITES, REPO
from pantau.mirror import serve_in_thread

SCRIPT = REPO / "scripts" / "scheduled_run"
pytestmark = pytest.mark.slow


def _run(tmp_path, *args):
    env = dict(os.environ, PANTAU_DB=str(tmp_path / "pantau.db"), PANTAU_LOG_DIR=str(tmp_path / "logs"))
    return subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=600)


def test_a_scheduled_run_crawls_extracts_publishes_and_logs(tmp_path):
    server, mirror = serve_in_thread(FIXTURE_SITES)
    try:
        result = _run(tmp_path, "--mirror", mirror, "--source", "kompas", "--since", "2021-06-14",
                      "--until", "2021-06-14", "--public-out", str(tmp_path / "public.db"))
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr
    assert sqlite_utils.Database(tmp_path / "pantau.db")["claims"].count > 0
    assert sqlite_utils.Database(tmp_path / "public.db")["claims"].count > 0
    log = next((tmp_path / "logs").glob("pantau-*.log")).read_text()
    assert "pantau run --mirror" in log and "kompas" in log


def test_a_second_run_is_refused_while_the_first_holds_the_lock(tmp_path):
    lock_path = REPO / "data" / ".pantau-run.lock"
    lock_path.parent.mkdir(exist_ok=True)
    with open(lock_path, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = _run(tmp_path, "--source", "kompas")
    assert result.returncode == 75
    assert "still going" in result.stderr
