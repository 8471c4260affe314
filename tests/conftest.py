"""Shared test helpers: repository paths, ../shared, free ports, running the pantau CLI."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURE_SITES = REPO / "tests" / "fixtures" / "sites"
GOLD = REPO / "tests" / "gold"


def shared_path(*parts) -> Path:
    """A path under ../shared; skips the test when the folder is absent (a user's fresh clone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is only beside the project's own checkouts)")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pantau(*args, env=None, timeout=600, check=True, input=None) -> subprocess.CompletedProcess:
    """Run the real `pantau` command in a subprocess (Scrapy's reactor cannot restart in one process)."""
    full_env = dict(os.environ, **(env or {}))
    result = subprocess.run(
        [sys.executable, "-m", "pantau.cli", *args],
        cwd=REPO, env=full_env, capture_output=True, text=True, timeout=timeout, input=input,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"pantau {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-4000:]}")
    return result


def apt_install(package: str) -> bool:
    """``apt-get install -y PACKAGE`` when running as root with apt (a service or browser a test needs).

    A fresh machine has empty package lists: update once if the first install finds nothing. False when not possible.
    """
    if not shutil.which("apt-get") or os.geteuid() != 0:
        return False
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    try:
        for command in (["apt-get", "install", "-y", package], ["apt-get", "update"],
                        ["apt-get", "install", "-y", package]):
            done = subprocess.run(command, capture_output=True, timeout=900, env=env)
            if command[1] == "install" and done.returncode == 0:
                return True
    except (OSError, subprocess.SubprocessError):
        pass
    return False


def wait_for_http(url: str, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except Exception as error:  # server not up yet
            last_error = error
        time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {timeout}s: {last_error}")


from redis_server import redis_server, redis_url  # noqa: E402,F401  (fixtures: a real redis-server per session)
