"""The command line's contract (issue 15): exit 0 only on success, one clear error line (a traceback only with -v),
commands that read a database never create one, `pantau claims` skips bad lines and goes on, signals stop the demo
and the server with their Datasette, no NLP pipeline for commands that do not need it, no temporary files left."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from conftest import REPO, free_port, pantau, wait_for_http
from db import sample

GOOD = {"id": "a", "published": "2021-06-11",
        "text": "Menteri Koperasi dan UKM Teten Masduki menargetkan 30 juta UMKM masuk ekosistem digital pada 2024."}


def _one_line_error(result, *words):
    assert result.returncode != 0, result.stdout[-500:]
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    lines = [line for line in result.stderr.splitlines() if line.strip() and " INFO " not in line]
    assert len(lines) <= 3, result.stderr  # click's usage lines at most, then the error
    for word in words:
        assert word in result.stderr, result.stderr


@pytest.mark.parametrize("args, words", [
    (["crawl", "--since", "2024-02-01", "--until", "2024-01-01"], ["is after --until"]),
    (["crawl", "--since", "2024-13-45"], ["2024-13-45", "YYYY-MM-DD"]),
    (["run", "--until", "2024-02-30"], ["2024-02-30", "YYYY-MM-DD"]),
    (["crawl", "--source", "nosuchsite"], ["unknown source nosuchsite", "kompas"]),
    (["run", "--source", "nosuchsite"], ["unknown source nosuchsite"]),
])
def test_bad_dates_ranges_and_sources_end_with_one_line(tmp_path, args, words):
    db = tmp_path / "x.db"
    _one_line_error(pantau(*args, "--db", str(db), check=False, timeout=60), *words)
    assert not db.exists()


@pytest.mark.parametrize("command", [["export", "claims"], ["publish"], ["serve"], ["extract"], ["crawl"]])
def test_a_file_that_is_not_sqlite_is_refused(tmp_path, command):
    not_db = tmp_path / "notes.db"
    not_db.write_text("these are my notes, not a database\n")
    result = pantau(*command, "--db", str(not_db), check=False, timeout=60)
    _one_line_error(result, "is not a SQLite database", "--db")
    assert not_db.read_text() == "these are my notes, not a database\n"


@pytest.mark.parametrize("command", [["export", "claims"], ["publish", "--out", "OUT"], ["serve"]])
def test_reading_commands_never_create_a_database(tmp_path, command):
    missing = tmp_path / "data" / "pantau.db"
    command = [str(tmp_path / "out.db") if part == "OUT" else part for part in command]
    result = pantau(*command, check=False, timeout=60, env={"PANTAU_DB": str(missing)})
    _one_line_error(result, f"no database at {missing}", "--db", "PANTAU_DB")
    assert not missing.exists() and not missing.parent.exists()
    assert not (tmp_path / "out.db").exists()
    assert result.stdout == ""  # no CSV header, no empty export


def test_serve_on_a_busy_port_fails(tmp_path):
    db = tmp_path / "pantau.db"
    sample.build_sample(db).close()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = pantau("serve", "--db", str(db), "--port", str(port), check=False, timeout=60)
    _one_line_error(result, f"port {port}", "already in use")


def test_an_unexpected_error_is_one_line_and_a_traceback_with_verbose(tmp_path):
    db = tmp_path / "pantau.db"
    sample.build_sample(db).close()
    out = "/dev/null/public.db"  # cannot be created
    quiet = pantau("publish", "--db", str(db), "--out", out, check=False, timeout=120)
    _one_line_error(quiet, "Error:", "pantau -v")
    verbose = pantau("-v", "publish", "--db", str(db), "--out", out, check=False, timeout=120)
    assert verbose.returncode != 0 and "Traceback" in verbose.stderr


def test_claims_reports_bad_lines_by_number_and_keeps_going(tmp_path):
    lines = [
        json.dumps(GOOD).encode(),
        b'{"id": "latin1", "text": "Teten menargetkan 30 juta UMKM \xe9"}',
        json.dumps({"id": "huge", "text": "UMKM " * 1_100_000}).encode(),
        json.dumps({"id": "number", "text": 12345}).encode(),
        b'{"id": "broken", "text": ',
        json.dumps(dict(GOOD, id="b")).encode(),
    ]
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(b"\n".join(lines) + b"\n")
    result = pantau("claims", str(batch), check=False, timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    for number, reason in ((2, "not UTF-8"), (3, "MB"), (4, "must be a string"), (5, "not JSON")):
        assert f"{batch}:{number}: skipped: {reason}" in result.stderr or (
            f"{batch}:{number}: skipped:" in result.stderr and reason in result.stderr), result.stderr
    assert "4 of 6 input lines skipped" in result.stderr
    ids = {json.loads(line)["article_id"] for line in result.stdout.splitlines()}
    assert ids == {"a", "b"}, "the good lines after the bad ones were lost"


def test_commands_that_need_no_nlp_do_not_load_it(tmp_path):
    db = tmp_path / "pantau.db"
    sample.build_sample(db).close()
    for args in (["--help"], ["sources"], ["export", "claims", "--db", str(db)], ["serve", "--help"]):
        code = ("import sys\nfrom pantau.cli import cli\n"
                f"try:\n    cli({args!r}, prog_name='pantau')\nexcept SystemExit as e:\n    code = e.code\n"
                "heavy = sorted(m for m in ('spacy', 'thinc', 'torch') if m in sys.modules)\n"
                "sys.stderr.write('HEAVY=' + ','.join(heavy) + '\\n')\n")
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
        assert "HEAVY=\n" in result.stderr, (args, result.stderr[-500:])
        assert time.monotonic() - started < 10, args


def _wait_closed(port: int, timeout: float = 15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) != 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"something still answers on port {port}")


@pytest.mark.slow
@pytest.mark.parametrize("command, sig", [("demo", signal.SIGTERM), ("demo", signal.SIGINT),
                                          ("serve", signal.SIGINT)])
def test_signals_stop_demo_and_serve_with_their_datasette(tmp_path, command, sig):
    db = tmp_path / ("demo.db" if command == "demo" else "pantau.db")
    if command == "serve":
        sample.build_sample(db).close()
    port = free_port()
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = dict(os.environ, TMPDIR=str(tmp))
    process = subprocess.Popen([sys.executable, "-m", "pantau.cli", command, "--db", str(db), "--port", str(port)],
                               cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/-/versions.json", timeout=180)
        process.send_signal(sig)
        code = process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert code == 0, process.stderr.read().decode()[-2000:]
    _wait_closed(port)
    assert not list(tmp.glob("pantau-metadata-*")), "a temporary metadata file was left behind"


@pytest.mark.slow
def test_run_where_every_source_failed_exits_non_zero(tmp_path):
    with socket.socket() as sock:  # a port nothing listens on: every request is refused
        sock.bind(("127.0.0.1", 0))
        dead = sock.getsockname()[1]
    result = pantau("run", "--source", "kompas", "--source", "detik", "--since", "2024-01-01", "--until", "2024-01-01",
                    "--mirror", f"http://127.0.0.1:{dead}", "--db", str(tmp_path / "p.db"),
                    "--public-out", str(tmp_path / "public.db"), check=False, timeout=300)
    assert result.returncode != 0
    assert "every source failed" in result.stderr and "kompas: unreachable" in result.stderr
    assert "Traceback" not in result.stderr
