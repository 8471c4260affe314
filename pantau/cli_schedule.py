"""``pantau schedule install``: the systemd service + timer, or the crontab lines, that run Pantau every day.

Both call ``scripts/scheduled_run`` (one run at a time under a lock, a log file per day) and, an hour later, ``pantau
health --quiet``, which prints only degraded or broken sources: with cron's MAILTO the operator gets a mail exactly
when a source needs attention.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from pathlib import Path

import click

REPO = Path(__file__).resolve().parents[1]
BEGIN, END = "# >>> pantau schedule >>>", "# <<< pantau schedule <<<"
TIMEZONE = "Asia/Jakarta"
EXIT_LOCKED = 75  # scripts/scheduled_run: a previous run still holds the lock (not a failure)


def _environment(db: Path, contact: str | None, log_dir: Path) -> dict[str, str]:
    env = {"PANTAU_DB": str(db), "PANTAU_LOG_DIR": str(log_dir)}
    if contact:
        env["PANTAU_CONTACT"] = contact
    return env


def _health_time(hour: int, minute: int) -> tuple[int, int]:
    return (hour + 1) % 24, minute


def crontab_block(repo: Path, env: dict[str, str], hour: int, minute: int, mailto: str | None) -> str:
    assignments = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    health_hour, health_minute = _health_time(hour, minute)
    lines = [
        BEGIN,
        "# written by `pantau schedule install --cron`; times are WIB (cronie honours CRON_TZ; with Debian's cron",
        "# set the machine's timezone to Asia/Jakarta or shift the times). Cron mails what a line prints to MAILTO.",
        f"CRON_TZ={TIMEZONE}",
    ]
    if mailto:
        lines.append(f"MAILTO={mailto}")
    lines += [
        f"{minute} {hour} * * * cd {shlex.quote(str(repo))} && {assignments} scripts/scheduled_run",
        f"{health_minute} {health_hour} * * * cd {shlex.quote(str(repo))} && {assignments} .venv/bin/pantau health "
        "--quiet",
        END,
    ]
    return "\n".join(lines) + "\n"


def merge_crontab(existing: str, block: str) -> str:
    """Replace an earlier Pantau block (or append one): installing twice leaves one block."""
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END) + r"\n?", re.S)
    kept = pattern.sub("", existing).rstrip("\n")
    return (kept + "\n" if kept else "") + block


def systemd_units(repo: Path, env: dict[str, str], hour: int, minute: int) -> dict[str, str]:
    environment = " ".join(f'"{k}={v}"' for k, v in env.items())
    service = f"""# written by `pantau schedule install --systemd`
[Unit]
Description=Pantau: crawl, extract, source health and publish
Documentation=file://{repo}/docs/operations.md
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
WorkingDirectory={repo}
Environment={environment}
ExecStart={repo}/scripts/scheduled_run
# then list degraded or broken sources in the journal (exit 3 marks the unit failed: hook OnFailure= for mail)
ExecStartPost={repo}/.venv/bin/pantau health --quiet
# {EXIT_LOCKED}: the previous run still holds the lock; skipping is not a failure
SuccessExitStatus={EXIT_LOCKED}
TimeoutStartSec=12h
Nice=10
IOSchedulingClass=idle
"""
    timer = f"""# written by `pantau schedule install --systemd`
[Unit]
Description=Run Pantau every day at {hour:02d}:{minute:02d} WIB

[Timer]
OnCalendar=*-*-* {hour:02d}:{minute:02d}:00 {TIMEZONE}
Persistent=true
RandomizedDelaySec=300

[Install]
WantedBy=timers.target
"""
    return {"pantau.service": service, "pantau.timer": timer}


def _default_unit_dir() -> tuple[Path, bool]:
    if os.geteuid() == 0:
        return Path("/etc/systemd/system"), False
    return Path.home() / ".config" / "systemd" / "user", True


def _read_crontab() -> str:
    result = subprocess.run(["crontab", "-l"], capture_output=True, text=True)
    if result.returncode != 0:
        if "no crontab" in (result.stderr or "").lower():
            return ""
        raise click.ClickException(f"crontab -l failed: {result.stderr.strip()}")
    return result.stdout


def _write_crontab(text: str):
    result = subprocess.run(["crontab", "-"], input=text, capture_output=True, text=True)
    if result.returncode != 0:
        raise click.ClickException(f"crontab - failed: {result.stderr.strip()}")


@click.group()
def schedule():
    """Run Pantau every day with systemd or cron."""


@schedule.command()
@click.option("--systemd", "kind", flag_value="systemd", default=True, help="Write pantau.service and pantau.timer "
              "(default).")
@click.option("--cron", "kind", flag_value="cron", help="Install the crontab lines (CRON_TZ=Asia/Jakarta).")
@click.option("--dry-run", is_flag=True, help="Print what would be written; change nothing.")
@click.option("--dir", "target_dir", type=click.Path(file_okay=False),
              help="Write the files here instead: the units (default /etc/systemd/system as root, else "
              "~/.config/systemd/user), or pantau.crontab instead of changing your crontab.")
@click.option("--at", "at", default="05:30", show_default=True, help="Daily start time, HH:MM in WIB.")
@click.option("--db", "db_path", envvar="PANTAU_DB", type=click.Path(dir_okay=False),
              help="Database the runs write (default: $PANTAU_DB or data/pantau.db in the repository).")
@click.option("--contact", envvar="PANTAU_CONTACT", help="Contact URL for the User-Agent (env PANTAU_CONTACT).")
@click.option("--log-dir", type=click.Path(file_okay=False), help="Daily logs (default: logs/ in the repository).")
@click.option("--mailto", help="cron: MAILTO address for failures and unhealthy sources.")
def install(kind, dry_run, target_dir, at, db_path, contact, log_dir, mailto):
    """Write the daily schedule: `scripts/scheduled_run` (crawl yesterday and today, extract, check source health,
    publish when something changed; never two runs at once; a log per day), then `pantau health --quiet`.

    Exit status of a run: 0 ok, 3 a source is broken, 75 skipped because a run was still going, other: a stage
    failed. Cron mails any output to MAILTO; systemd marks the unit failed (hook OnFailure= to be told).
    """
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", at)
    if not match:
        raise click.BadParameter("expected HH:MM, e.g. 05:30", param_hint="--at")
    hour, minute = int(match.group(1)), int(match.group(2))
    db = Path(db_path).resolve() if db_path else REPO / "data" / "pantau.db"
    env = _environment(db, contact, Path(log_dir).resolve() if log_dir else REPO / "logs")
    if not contact:
        click.echo("warning: no --contact/PANTAU_CONTACT: the User-Agent will name the project URL", err=True)
    if kind == "cron":
        _install_cron(crontab_block(REPO, env, hour, minute, mailto), target_dir, dry_run)
    else:
        _install_systemd(systemd_units(REPO, env, hour, minute), target_dir, dry_run)


def _install_cron(block: str, target_dir, dry_run: bool):
    if target_dir:
        path = Path(target_dir) / "pantau.crontab"
        if dry_run:
            click.echo(f"# would write {path}:\n{block}", nl=False)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(block, encoding="utf-8")
        click.echo(f"wrote {path}; install it with: crontab -l | cat - {path} | crontab -")
        return
    merged = merge_crontab(_read_crontab(), block)
    if dry_run:
        click.echo(f"# would install this crontab:\n{merged}", nl=False)
        return
    _write_crontab(merged)
    click.echo("installed the Pantau lines in your crontab (`crontab -l` shows them)")


def _install_systemd(units: dict[str, str], target_dir, dry_run: bool):
    directory, user = (Path(target_dir), False) if target_dir else _default_unit_dir()
    for name, text in units.items():
        path = directory / name
        if dry_run:
            click.echo(f"# would write {path}:\n{text}")
            continue
        directory.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        click.echo(f"wrote {path}")
    systemctl = "systemctl --user" if user else "systemctl"
    click.echo(f"enable it with: {systemctl} daemon-reload && {systemctl} enable --now pantau.timer")
