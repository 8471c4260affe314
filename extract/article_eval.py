"""Evaluate article extraction against a gold JSONL file, beside trafilatura alone.

Gold lines: ``url``, ``html_file`` (relative to the repository root, else to the gold file), ``title``,
``published`` (ISO 8601 with offset, or null), ``text`` (paragraphs joined by blank lines).

Figures (Pantau, then trafilatura alone with its own metadata):
* date exact: the same instant (after time-zone conversion), or both empty;
* date day: the same calendar day in WIB (trafilatura only returns a day);
* title: equal after Unicode/quote/whitespace normalisation and case folding;
* body F1: bag-of-tokens F1 between extracted and gold text (lower-cased ``\\w+`` tokens).

``pantau eval articles GOLD.jsonl`` calls :func:`main`.
"""
from __future__ import annotations

import json
import logging
import re
import time
import unicodedata
from collections import Counter
from datetime import datetime
from pathlib import Path

from . import dates as D


def _repo_root(start: Path) -> Path | None:
    for p in [start, *start.parents]:
        if (p / "pyproject.toml").exists():
            return p
    return None


def resolve_html(html_file: str, gold_path: Path) -> Path | None:
    hp = Path(html_file)
    if hp.is_absolute():
        return hp if hp.exists() else None
    bases = []
    root = _repo_root(gold_path.resolve().parent)
    if root:
        bases.append(root)
    bases += [gold_path.resolve().parent, Path.cwd()]
    for b in bases:
        cand = (b / hp)
        if cand.exists():
            return cand
    return None


def tokens(text: str | None) -> Counter:
    return Counter(re.findall(r"\w+", (text or "").lower()))


def token_f1(pred: str | None, gold: str | None) -> float:
    p, g = tokens(pred), tokens(gold)
    if not p and not g:
        return 1.0
    if not p or not g:
        return 0.0
    overlap = sum((p & g).values())
    if overlap == 0:
        return 0.0
    prec = overlap / sum(p.values())
    rec = overlap / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def norm_title(t: str | None) -> str:
    if not t:
        return ""
    t = unicodedata.normalize("NFKC", t)
    t = t.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'").replace("–", "-").replace("—", "-")
    return " ".join(t.split()).casefold().strip(" .")


def _as_dt(v) -> datetime | None:
    if v is None or v == "":
        return None
    p = D.parse_iso_detail(str(v))
    if p is None:
        return D.parse_indonesian_datetime(str(v))
    return p.dt


def date_exact(pred, gold) -> bool:
    a, b = _as_dt(pred), _as_dt(gold)
    if a is None or b is None:
        return a is None and b is None
    return a == b


def date_day(pred, gold) -> bool:
    a, b = _as_dt(pred), _as_dt(gold)
    if a is None or b is None:
        return a is None and b is None
    return D.to_wib(a).date() == D.to_wib(b).date()


def run_pantau(html: bytes, url: str, site_rules: bool = True) -> dict:
    from .article import ExtractionError, extract_article

    t0 = time.perf_counter()
    try:
        r = extract_article(html, url, site_rules=site_rules)
        err = None
    except ExtractionError as e:
        r, err = {}, e.reason
    return {"title": r.get("title"), "published": r.get("published"), "text": r.get("text"), "error": err,
            "seconds": time.perf_counter() - t0, "published_source": r.get("published_source")}


def run_trafilatura(html: bytes, url: str) -> dict:
    import trafilatura

    t0 = time.perf_counter()
    try:
        doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True)
    except Exception as e:  # noqa: BLE001 - report, don't crash the evaluation
        doc, err = None, type(e).__name__
    else:
        err = None
    if doc is not None and not isinstance(doc, dict):
        doc = doc.as_dict() if hasattr(doc, "as_dict") else vars(doc)
    doc = doc or {}
    text = doc.get("text") or ""
    text = "\n\n".join(line for line in text.split("\n") if line.strip())
    return {"title": doc.get("title"), "published": doc.get("date"), "text": text, "error": err,
            "seconds": time.perf_counter() - t0}


def main(gold_path, out=print, *, verbose: bool = True) -> dict:
    gold_path = Path(gold_path)
    logging.getLogger("extract").setLevel(logging.ERROR)
    rows = []
    missing = []
    with open(gold_path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            g = json.loads(line)
            path = resolve_html(g["html_file"], gold_path)
            if path is None:
                missing.append(g["html_file"])
                continue
            html = path.read_bytes()
            url = g.get("url") or ""
            mine = run_pantau(html, url)
            generic = run_pantau(html, url, site_rules=False)
            traf = run_trafilatura(html, url)
            row = {"id": g.get("id") or path.name, "url": url}
            for name, res in (("pantau", mine), ("generic", generic), ("trafilatura", traf)):
                row[name] = {
                    "date_exact": date_exact(res["published"], g.get("published")),
                    "date_day": date_day(res["published"], g.get("published")),
                    "title": norm_title(res["title"]) == norm_title(g.get("title")),
                    "f1": token_f1(res["text"], g.get("text")),
                    "published": res["published"],
                    "title_text": res["title"],
                    "error": res["error"],
                    "seconds": res["seconds"],
                }
            row["gold_published"] = g.get("published")
            rows.append(row)
    n = len(rows)

    def agg(name):
        if not n:
            return {}
        return {
            "date_exact": sum(r[name]["date_exact"] for r in rows) / n,
            "date_day": sum(r[name]["date_day"] for r in rows) / n,
            "title": sum(r[name]["title"] for r in rows) / n,
            "f1": sum(r[name]["f1"] for r in rows) / n,
            "f1_min": min(r[name]["f1"] for r in rows),
            "errors": sum(1 for r in rows if r[name]["error"]),
            "ms_per_page": 1000 * sum(r[name]["seconds"] for r in rows) / n,
        }

    summary = {"pages": n, "missing": missing, "pantau": agg("pantau"), "generic": agg("generic"),
               "trafilatura": agg("trafilatura")}
    out(f"Article extraction on {gold_path} ({n} pages{', %d missing' % len(missing) if missing else ''})")
    if verbose and n:
        out(f"{'page':34} {'date':>5} {'title':>5} {'F1':>6} | {'t.date':>6} {'t.title':>7} {'t.F1':>6}  notes")
        for r in rows:
            p, t = r["pantau"], r["trafilatura"]
            notes = []
            if not p["date_exact"]:
                notes.append(f"date {p['published']} != {r['gold_published']}")
            if not p["title"]:
                notes.append(f"title {p['title_text']!r}")
            if p["error"]:
                notes.append(f"error {p['error']}")
            out(f"{r['id'][:34]:34} {'ok' if p['date_exact'] else 'NO':>5} {'ok' if p['title'] else 'NO':>5} "
                f"{p['f1']:6.3f} | {'day' if t['date_day'] else 'NO':>6} {'ok' if t['title'] else 'NO':>7} "
                f"{t['f1']:6.3f}  {'; '.join(notes)}")
    if n:
        out("")
        out(f"{'':22} {'Pantau':>10} {'no site rules':>14} {'trafilatura':>12}")
        pa, ge, tr = summary["pantau"], summary["generic"], summary["trafilatura"]
        for label, key, fmt in (("date exact match", "date_exact", "%"), ("date same day", "date_day", "%"),
                                ("title match", "title", "%"), ("body token F1 (mean)", "f1", "f"),
                                ("body token F1 (min)", "f1_min", "f"), ("errors", "errors", "d"),
                                ("ms per page", "ms_per_page", "ms")):
            cells = []
            for d, w in ((pa, 10), (ge, 14), (tr, 12)):
                v = d[key]
                cells.append(f"{v:{w}.1%}" if fmt == "%" else f"{v:{w}.3f}" if fmt == "f" else
                             f"{v:{w}d}" if fmt == "d" else f"{v:{w}.1f}")
            out(f"{label:22} " + " ".join(cells))
        out("(no site rules = Pantau's generic chain: JSON-LD/meta/URL/text dates, trafilatura body, filters;"
            " trafilatura = bare_extraction with its own metadata, which dates to the day only)")
    summary["rows"] = rows
    return summary


if __name__ == "__main__":  # python -m extract.article_eval GOLD.jsonl
    import sys

    main(sys.argv[1] if len(sys.argv) > 1 else "tests/gold/legacy_articles.jsonl")
