"""The extract stage's process pool never leaves workers behind: when the parent is killed outright (SIGKILL, so no
shutdown runs), its workers end within seconds instead of waiting for tasks for ever."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from conftest import REPO
from extract.follow import process_alive

# The parent: a pool of two workers, each stuck in a long task; each worker writes its pid to a file first.
PARENT = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from extract import pool

    if sys.argv[2] == "watch-thread":
        pool._parent_death_signal = lambda sig: False  # a system without PR_SET_PDEATHSIG: the watcher thread
    out = Path(sys.argv[1])

    def stuck(chunk):
        (out / f"{os.getpid()}.pid").write_text("")
        time.sleep(300)
        return chunk

    list(pool.ordered_map(stuck, [[1], [2], [3], [4]], workers=2))
""")


@pytest.mark.parametrize("mechanism", ["pdeathsig", "watch-thread"])
def test_workers_end_when_the_parent_is_killed(tmp_path, mechanism):
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(tmp_path), mechanism], cwd=REPO,
                              env=dict(os.environ, PYTHONPATH=str(REPO)))
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
            time.sleep(0.05)
            workers = [int(p.stem) for p in tmp_path.glob("*.pid")]
        assert len(workers) == 2, "the pool did not start two workers"
        assert all(process_alive(pid) for pid in workers)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 5
        while any(process_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(process_alive(pid) for pid in workers), "workers outlived their killed parent"
    finally:
        if parent.poll() is None:
            parent.kill()
        for pid in workers:
            if process_alive(pid):
                os.kill(pid, signal.SIGKILL)
