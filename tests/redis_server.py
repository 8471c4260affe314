"""A real redis-server for the distributed-crawl tests, on a free loopback port with a temporary directory.

The Debian package ``redis-server`` is installed with apt when it is missing and this runs as root (like the browser
tests install chromium); otherwise the tests that need it skip with the reason.
"""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest

from conftest import apt_install, free_port


def redis_server_binary() -> str | None:
    path = shutil.which("redis-server")
    if path is None and apt_install("redis-server"):
        path = shutil.which("redis-server")
    return path


class RedisServer:
    def __init__(self, binary: str, directory):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(directory), "--save", "",
             "--appendonly", "no", "--protected-mode", "yes", "--daemonize", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        self.client = self._wait()

    def _wait(self):
        import redis

        deadline = time.monotonic() + 20
        while True:
            try:
                client = redis.Redis(host="127.0.0.1", port=self.port)
                client.ping()
                return client
            except redis.ConnectionError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server did not start: {self.process.stderr.read().decode()[-500:]}")
                time.sleep(0.05)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    binary = redis_server_binary()
    if binary is None:
        pytest.skip("redis-server is not installed and `apt-get install -y redis-server` was not possible (needs "
                    "root and apt); install Debian's `redis-server` package to run the distributed-crawl tests")
    server = RedisServer(binary, tmp_path_factory.mktemp("redis"))
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server):
    """The test's Redis URL, on an emptied server (tests share one redis-server process)."""
    redis_server.client.flushall()
    return redis_server.url
