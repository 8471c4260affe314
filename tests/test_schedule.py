"""`pantau schedule install`: crontab lines (merged into an existing crontab, idempotently) and systemd units that
call scripts/scheduled_run; and what scheduled_run tells cron when a run fails."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import stat
import subprocess

import pytest

from conftest import REPO, pantau

CRON_LINE = re.compile(r"^(\d{1,2}) (\d{1,2}) \* \* \* cd (\S+) && (.+)$")


def _fake_crontab(tmp_path):
    """A `crontab` command on PATH that keeps the table in a file (the real one would edit this machine's)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    table = tmp_path / "table"
    script = bin_dir / "crontab"
    script.write_text(f"""#!/bin/sh
if [ "$1" = "-l" ]; then
  [ -f {table} ] && exec cat {table}
  echo "no crontab for $(id -un)" >&2; exit 1
fi
[ "$1" = "-" ] && exec cat > {table}
exit 2
""")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}, table


def test_cron_lines_go_into_the_crontab_once_and_keep_other_entries(tmp_path):
    env, table = _fake_crontab(tmp_path)
    table.write_text("MAILTO=\"\"\n0 1 * * * /usr/bin/backup\n")
    args = ["schedule", "install", "--cron", "--at", "06:15", "--mailto", "ops@example.org",
            "--contact", "https://example.org/kontak", "--db", str(tmp_path / "p.db")]
    pantau(*args, env=env)
    pantau(*args, env=env)  # installing again replaces the block
    text = table.read_text()
    assert text.startswith("MAILTO=\"\"\n0 1 * * * /usr/bin/backup\n")
    assert text.count("# >>> pantau schedule >>>") == 1 and text.count("# <<< pantau schedule <<<") == 1
    assert "CRON_TZ=Asia/Jakarta\nMAILTO=ops@example.org\n" in text
    jobs = [CRON_LINE.match(line) for line in text.splitlines() if CRON_LINE.match(line)]
    assert [(m.group(1), m.group(2)) for m in jobs] == [("15", "6"), ("15", "7")]
    run, health = (m.group(4) for m in jobs)
    assert run.endswith("scripts/scheduled_run") and f"PANTAU_DB={tmp_path / 'p.db'}" in run
    assert "PANTAU_CONTACT=https://example.org/kontak" in run
    assert health.endswith(".venv/bin/pantau health --quiet")
    assert all(m.group(3) == str(REPO) for m in jobs) and os.access(REPO / "scripts" / "scheduled_run", os.X_OK)


def test_dry_run_and_dir_write_nothing_else(tmp_path):
    env, table = _fake_crontab(tmp_path)
    shown = pantau("schedule", "install", "--cron", "--dry-run", env=env).stdout
    assert "would install this crontab" in shown and "scripts/scheduled_run" in shown and not table.exists()
    pantau("schedule", "install", "--cron", "--dir", str(tmp_path / "out"), env=env)
    assert (tmp_path / "out" / "pantau.crontab").read_text().count("scripts/scheduled_run") == 1
    assert not table.exists()
    assert pantau("schedule", "install", "--at", "25:00", check=False).returncode == 2


def test_systemd_service_and_timer(tmp_path):
    out = tmp_path / "units"
    pantau("schedule", "install", "--systemd", "--dir", str(out), "--at", "05:30", "--contact", "https://e.org/c")
    service, timer = (configparser.ConfigParser(strict=False, interpolation=None) for _ in range(2))
    service.read(out / "pantau.service")
    timer.read(out / "pantau.timer")
    assert service["Service"]["Type"] == "oneshot"
    assert service["Service"]["ExecStart"] == f"{REPO}/scripts/scheduled_run"
    assert service["Service"]["SuccessExitStatus"] == "75"  # a run skipped by the lock is not a failure
    assert '"PANTAU_CONTACT=https://e.org/c"' in service["Service"]["Environment"]
    assert timer["Timer"]["OnCalendar"] == "*-*-* 05:30:00 Asia/Jakarta"
    assert timer["Timer"]["Persistent"] == "true" and timer["Install"]["WantedBy"] == "timers.target"
    if shutil.which("systemd-analyze"):
        check = subprocess.run(["systemd-analyze", "calendar", timer["Timer"]["OnCalendar"]], capture_output=True)
        assert check.returncode == 0, check.stderr
    assert not pantau("schedule", "install", "--dry-run", "--dir", str(tmp_path / "none")).returncode
    assert not (tmp_path / "none").exists()


@pytest.mark.slow
def test_scheduled_run_says_why_on_stderr_when_a_run_fails(tmp_path):
    env = dict(os.environ, PANTAU_DB=str(tmp_path / "p.db"), PANTAU_LOG_DIR=str(tmp_path / "logs"))
    result = subprocess.run([str(REPO / "scripts" / "scheduled_run"), "--source", "no-such-outlet"], env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode not in (0, 3)  # a usage error (2) or a failed stage (1), not "a source is broken"
    assert f"pantau run exited {result.returncode} (a stage failed); log: " in result.stderr  # what cron mails
