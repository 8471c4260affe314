"""Run Datasette on a Pantau database with the generated metadata, templates, plugins and bounded settings."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from pantau import metadata as md

REPO = Path(__file__).resolve().parent.parent
# Inside the package, so a plain `pip install .` (not editable) serves the same pages as a checkout.
TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"

# Read-only and bounded: every query is cut off after SQL_TIME_LIMIT_MS, at most MAX_RETURNED_ROWS rows come back.
SETTINGS = {
    "sql_time_limit_ms": 3000,
    "max_returned_rows": 1000,
    "default_page_size": 50,
    "facet_time_limit_ms": 200,
    "facet_suggest_time_limit_ms": 100,
    "suggest_facets": "off",
    "allow_download": "off",
    "default_cache_ttl": 300,
    "num_sql_threads": 4,
}


def settings_args(settings: dict | None = None) -> list[str]:
    args = []
    for key, value in (settings or SETTINGS).items():
        args += ["--setting", key, str(value)]
    return args


def is_pipeline_db(db_path) -> bool:
    """True for a database the pipeline writes (it has migrations); False for a public build."""
    import sqlite3

    conn = sqlite3.connect(f"file:{Path(db_path).resolve()}?mode=ro", uri=True)
    try:
        return conn.execute(
            "select 1 from sqlite_master where type = 'table' and name = '_sqlite_migrations'").fetchone() is not None
    finally:
        conn.close()


def _metadata_file(db_path: Path) -> Path:
    """The committed metadata for a pipeline database named `pantau`, else one generated for the file's name (and
    for a public build, only its tables and columns). A generated file is temporary: `temporary_metadata` removes
    it."""
    name = db_path.stem
    public = not is_pipeline_db(db_path)
    if name == md.DB_NAME and not public and md.METADATA_FILE.exists():
        return md.METADATA_FILE
    handle, out = tempfile.mkstemp(prefix=f"pantau-metadata-{name}-", suffix=".json")
    os.close(handle)
    return md.write_metadata(out, db_name=name, public=public)


def remove_temporary_metadata(path) -> None:
    """Delete metadata `_metadata_file` generated (never the committed file)."""
    if path and Path(path).resolve() != md.METADATA_FILE.resolve():
        Path(path).unlink(missing_ok=True)


def datasette_command(
    db_path, port: int, host: str = "127.0.0.1", public: bool = False, immutable: bool | None = None,
    metadata_path: str | Path | None = None, settings: dict | None = None,
) -> list[str]:
    """argv for `datasette serve` (run with this interpreter, so the venv's plugins load).

    `public` binds every interface and opens the file immutable (`-i`: no locking, faster, never written).
    A database another process is still writing (the crawler) must not be immutable.
    """
    db_path = Path(db_path)
    immutable = public if immutable is None else immutable
    argv = [sys.executable, "-m", "datasette", "serve"]
    argv += ["-i", str(db_path)] if immutable else [str(db_path)]
    argv += [
        "--host", "0.0.0.0" if public else host,
        "--port", str(port),
        "--metadata", str(metadata_path or _metadata_file(db_path)),
        "--template-dir", str(TEMPLATES),
    ]
    if STATIC.is_dir():
        argv += ["--static", f"static:{STATIC}"]
    argv += settings_args(settings)
    return argv


def serve(db_path, port: int = 8001, host: str = "127.0.0.1", public: bool = False, editors: bool = False):
    """Run Datasette in the foreground until interrupted (blocking). Returns its exit code.

    `editors`: editor mode (docs/review.md): editors from PANTAU_EDITORS sign in and review claims; the file is
    opened mutable (never immutable, so readers see the edits) and only the review route writes to it."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise FileNotFoundError(f"{db_path} does not exist: run `pantau extract` (or `pantau demo`) first")
    if is_pipeline_db(db_path):  # bring the schema up to date before Datasette opens it; never touch a public db
        from db import Store

        Store(db_path).close()
    metadata_path, env, editor_file = _metadata_file(db_path), None, None
    try:
        if editors:
            if not is_pipeline_db(db_path):
                raise ValueError(f"{db_path} is a public build: editors review the pipeline database (data/pantau.db)")
            editor_file, env = editor_mode(db_path, metadata_path)
            argv = datasette_command(db_path, port, host=host, public=public, immutable=False,
                                     metadata_path=editor_file)
        else:
            argv = datasette_command(db_path, port, host=host, public=public, metadata_path=metadata_path)
        print(f"Datasette on http://{'0.0.0.0' if public else host}:{port}/  (Ctrl-C to stop)", file=sys.stderr)
        return _run(argv, env=env) if env else _run(argv)
    finally:
        remove_temporary_metadata(metadata_path)
        remove_temporary_metadata(editor_file)


def editor_mode(db_path, metadata_path) -> tuple[Path, dict]:
    """(metadata file, environment) of editor mode; raises pantau.editors.EditorConfigError when no accounts."""
    from pantau.editors import editor_metadata, load_editors

    return editor_metadata(metadata_path, Path(db_path).stem, load_editors())


def _run(argv: list[str], env: dict | None = None) -> int:
    """Run Datasette in the foreground; SIGTERM/SIGHUP/SIGINT sent to this process reach Datasette too, so stopping
    `pantau serve` (or `pantau demo`) never leaves an orphaned server holding the port. Handlers are installed here,
    not inherited: Scrapy's (left behind by the demo's crawl) would swallow the signals. Returns Datasette's exit
    status, 0 when it stopped because it was asked to."""
    import signal

    process = subprocess.Popen(argv, env=dict(os.environ, **env) if env else None)
    asked_to_stop = []

    def forward(signum, _frame):
        asked_to_stop.append(signum)
        if process.poll() is None:
            process.send_signal(signal.SIGTERM if signum == signal.SIGINT else signum)

    previous = {}
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        try:
            previous[sig] = signal.signal(sig, forward)
        except ValueError:  # not the main thread: nothing to forward
            pass
    try:
        code = process.wait()
    except KeyboardInterrupt:
        forward(signal.SIGINT, None)
        code = process.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if process.poll() is None:
            stop(process)
    return 0 if asked_to_stop else code


def start(db_path, port: int, *, log=None, env: dict | None = None, **kwargs) -> subprocess.Popen:
    """Start Datasette in the background (tests, benchmarks); pair with `wait_until_up` and `stop`."""
    argv = datasette_command(db_path, port, **kwargs)
    return subprocess.Popen(argv, stdout=log or subprocess.DEVNULL, stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
                            env=dict(os.environ, **env) if env else None)


def wait_until_up(base_url: str, process: subprocess.Popen | None = None, timeout: float = 60.0):
    import time
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"datasette exited with {process.returncode}")
        try:
            with urllib.request.urlopen(base_url.rstrip("/") + "/-/versions.json", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{base_url} did not answer within {timeout}s")


def stop(process: subprocess.Popen):
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
