"""Gazetteer data access: ``load()`` reads the data files of ``nlp_models/gazetteer/``.

Note: this module (``nlp_models/gazetteer.py``) and the data folder (``nlp_models/gazetteer/``) share a name;
Python imports the module, the folder only holds JSONL/YAML/TXT data.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "gazetteer"
KINDS = ("institutions", "people", "programs", "metrics")


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]


@lru_cache(maxsize=1)
def _load_cached() -> dict:
    return {k: _read_jsonl(DATA_DIR / f"{k}.jsonl") for k in KINDS}


def load() -> dict:
    """Dict with ``institutions``, ``people``, ``programs``, ``metrics`` (lists of dicts with ``id`` and ``name``)."""
    data = _load_cached()
    return {k: list(v) for k, v in data.items()}


def index() -> dict:
    """Lookups by id: ``{"institutions": {id: rec}, "people": {...}, "programs": {...}, "metrics": {...}}``."""
    data = _load_cached()
    return {k: {r["id"]: r for r in v} for k, v in data.items()}
