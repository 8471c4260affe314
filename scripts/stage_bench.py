"""The extract-stage benchmark behind `scripts/bench_extract` (and the extract half of `scripts/bench_crawl`).

Builds the synthetic corpus store once, runs `pantau extract` (BEFORE code and this code) as separate processes on
copies of it, and reports wall time, CPU time of the process tree, pages/s and the load average.
"""

from __future__ import annotations

import json
import math
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / "build" / "bench-extract"
OUTLETS = ["kompas", "liputan6", "republika", "detik", "cnnindonesia", "antara", "okezone", "kontan", "bisnis"]
SINCE = date(2021, 6, 1)
DAYS = 7
# The last commit before the parallel extract stage (issue 14): the BEFORE figures come from its code.
BASELINE_REF = "2836541"


def build_corpus(pages: int, work: Path = WORK) -> Path:
    """A store with ``pages`` archived synthetic article pages (reused when it already has them)."""
    db = work / f"corpus-{pages}.db"
    if db.exists():
        with sqlite3.connect(db) as conn:
            if conn.execute("select count(*) from pages where kind = 'article'").fetchone()[0] >= pages:
                return db
        db.unlink()
    sys.path.insert(0, str(REPO))
    from crawlers.registry import get_source
    from crawlers.synthetic import build_site, mirror_path
    from db import Store

    site = work / "site"
    shutil.rmtree(site, ignore_errors=True)
    written = build_site(site, OUTLETS, SINCE, days=DAYS, per_day=math.ceil(pages / (len(OUTLETS) * DAYS)))
    store = Store(db)
    # archived in the order a crawl interleaves outlets, day by day
    queues = {name: list(urls) for name, urls in written.items()}
    while any(queues.values()):
        for name, urls in queues.items():
            if urls:
                url = urls.pop(0)
                query = get_source(name).article_query
                fetched = url + (f"?{query}" if query else "")
                store.save_page(url=fetched, canonical_url=url, source=name, status=200,
                                body=mirror_path(site, fetched).read_bytes())
    store.close()
    return db


def sample_copy(corpus: Path, target: Path, sample: int | None) -> int:
    """Copy the corpus; with ``sample``, leave only every k-th page pending. Returns the pending pages."""
    shutil.copy(corpus, target)
    with sqlite3.connect(target) as conn:
        ids = [r[0] for r in conn.execute("select id from pages where kind = 'article' order by id")]
        if sample and sample < len(ids):
            keep = set(ids[::len(ids) // sample][:sample])
            conn.executemany("update pages set extracted_at = '2000-01-01', extract_error = 'bench: not sampled'"
                             " where id = ?", [(i,) for i in ids if i not in keep])
            return len(keep)
        return len(ids)


def baseline_source(ref: str, work: Path = WORK) -> Path:
    target = work / f"baseline-{ref}"
    if not (target / "extract" / "stage.py").exists():
        target.mkdir(parents=True, exist_ok=True)
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=REPO, capture_output=True, text=True,
                             check=True).stdout.strip()
        archive = subprocess.run(["git", "archive", ref], cwd=top, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def run_extract(db: Path, source: Path = REPO, workers: int | None = None) -> dict:
    """`pantau extract` as a child process; wall and CPU seconds (the child and its workers) and load."""
    cmd = [sys.executable, "-m", "pantau.cli", "extract", "--db", str(db)]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    env = dict(os.environ, PYTHONPATH=str(source))
    load_before = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=source, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"pantau extract failed ({source}):\n{done.stderr[-3000:]}")
    stats = json.loads(done.stdout)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"pages": stats["pages"], "claims": stats.get("claims"), "wall_s": wall, "cpu_s": cpu,
            "workers": stats.get("workers", 1), "load": [round(load_before, 2), round(os.getloadavg()[0], 2)],
            "maxrss_mb": after.ru_maxrss / 1024}


def line(label: str, r: dict) -> str:
    return (f"{label:34} {r['pages']:6} {r['wall_s']:8.1f} {r['pages'] / r['wall_s']:8.1f} {r['cpu_s']:8.1f} "
            f"{1000 * r['cpu_s'] / r['pages']:9.1f} {r['pages'] / r['cpu_s']:10.1f}   {r['load'][0]:.1f}->{r['load'][1]:.1f}")


def main(args) -> dict:
    WORK.mkdir(parents=True, exist_ok=True)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    workers = args.workers or cores
    started = time.monotonic()
    corpus = build_corpus(args.pages)
    print(f"corpus: {corpus} ({args.pages} synthetic article pages, built/reused in {time.monotonic() - started:.0f}s);"
          f" {cores} cores; uptime load {os.getloadavg()[0]:.1f}")
    results = {}
    if not args.skip_baseline:
        source = baseline_source(args.baseline_ref)
        n = sample_copy(corpus, WORK / "before.db", args.sample)
        print(f"BEFORE ({args.baseline_ref}), one process, {n} pages ...", flush=True)
        results["before_1"] = run_extract(WORK / "before.db", source)
    n = sample_copy(corpus, WORK / "after1.db", args.sample)
    print(f"AFTER, --workers 1, {n} pages ...", flush=True)
    results["after_1"] = run_extract(WORK / "after1.db", workers=1)
    n = sample_copy(corpus, WORK / "afterN.db", None)
    print(f"AFTER, --workers {workers}, {n} pages ...", flush=True)
    results["after_n"] = run_extract(WORK / "afterN.db", workers=workers)

    print(f"\n{'run':34} {'pages':>6} {'wall s':>8} {'pages/s':>8} {'CPU s':>8} {'CPU ms/pg':>9} "
          f"{'pages/CPU-s':>10}   load")
    if "before_1" in results:
        print(line(f"before ({args.baseline_ref}), 1 process", results["before_1"]))
    print(line("after, --workers 1", results["after_1"]))
    print(line(f"after, --workers {workers} (all cores)", results["after_n"]))
    summary = {"cores": cores, "runs": results,
               "after_1_pages_per_s": results["after_1"]["pages"] / results["after_1"]["wall_s"],
               "after_n_pages_per_s": results["after_n"]["pages"] / results["after_n"]["wall_s"]}
    if "before_1" in results:
        b, a = results["before_1"], results["after_1"]
        summary["ratio_cpu_per_page"] = (b["cpu_s"] / b["pages"]) / (a["cpu_s"] / a["pages"])
        summary["ratio_wall_per_page"] = (b["wall_s"] / b["pages"]) / (a["wall_s"] / a["pages"])
        summary["ratio_all_cores_vs_before_wall"] = (b["wall_s"] / b["pages"]) / (
            results["after_n"]["wall_s"] / results["after_n"]["pages"])
        print(f"\nsingle process, per page: {summary['ratio_cpu_per_page']:.2f}x less CPU, "
              f"{summary['ratio_wall_per_page']:.2f}x less wall time than before")
        print(f"all cores vs before (wall per page): {summary['ratio_all_cores_vs_before_wall']:.2f}x")
    print("(whole-process figures: start-up, pipeline load, syndication, documents and targets included)")
    if args.json:
        print(json.dumps(summary, indent=2))
    (WORK / "result.json").write_text(json.dumps(summary, indent=2))
    return summary
