"""Reference data for the lookup tables: gazetteer loading plus built-in outlets and metrics.

The gazetteer (`nlp_models.gazetteer.load()`) is the source of institutions, people (with positions) and programmes,
and of metrics when it defines them. Until it is importable, the YAML at `PANTAU_GAZETTEER` (or the shared reference
copy) is read with the same structure. Outlets and a default metric list are built in so that a fresh database has
labels for every foreign key even before the gazetteer grows.
"""

from __future__ import annotations

import os
from pathlib import Path

# Outlet ids are the crawler registry names (`extract.article.extract_article()["outlet"]`).
OUTLETS = [
    {"id": "kompas", "name": "Kompas", "domain": "kompas.com"},
    {"id": "liputan6", "name": "Liputan6", "domain": "liputan6.com"},
    {"id": "republika", "name": "Republika", "domain": "republika.co.id"},
    {"id": "detik", "name": "Detik", "domain": "detik.com"},
    {"id": "cnnindonesia", "name": "CNN Indonesia", "domain": "cnnindonesia.com"},
    {"id": "antaranews", "name": "Antara", "domain": "antaranews.com"},
    {"id": "tempo", "name": "Tempo", "domain": "tempo.co"},
    {"id": "katadata", "name": "Katadata", "domain": "katadata.co.id"},
    {"id": "bisnis", "name": "Bisnis.com", "domain": "bisnis.com"},
    {"id": "kontan", "name": "Kontan", "domain": "kontan.co.id"},
    {"id": "okezone", "name": "Okezone", "domain": "okezone.com"},
    {"id": "tribunnews", "name": "Tribunnews", "domain": "tribunnews.com"},
]

# Metric presentation defaults, by gazetteer metric id: `series` groups metrics charted together; `cumulative` = 1
# when a later figure should never be lower than an earlier one (a fall is flagged by `conflicting_figures`).
METRIC_DEFAULTS = {
    "umkm_onboarded_digital": {"series": "umkm_digital", "cumulative": 1},
    "umkm_on_ekatalog_padi": {"series": "umkm_digital", "cumulative": 1},
    "program_transaction_value": {"series": "procurement", "cumulative": 0},
    "umkm_population": {"series": "context", "cumulative": 0},
    "umkm_gdp_share": {"series": "context", "cumulative": 0},
    "umkm_employment_share": {"series": "context", "cumulative": 0},
    "digital_economy_value": {"series": "context", "cumulative": 0},
    "kur_disbursement": {"series": "financing", "cumulative": 0},
    "government_budget_umkm": {"series": "financing", "cumulative": 0},
    "cooperatives_count": {"series": "context", "cumulative": 0},
    "umkm_trained": {"series": "umkm_digital", "cumulative": 0},
}

# Used only when the gazetteer defines no metrics (same ids as nlp_models/gazetteer/metrics.yaml).
FALLBACK_METRICS = [
    {"id": "umkm_onboarded_digital", "name": "UMKM terhubung ke ekosistem digital", "units": ["UMKM", "persen"],
     "definition": "Number or share of UMKM that are online / onboarded to the digital ecosystem."},
    {"id": "umkm_population", "name": "Jumlah UMKM di Indonesia", "units": ["UMKM"],
     "definition": "Total number of micro, small and medium enterprises."},
    {"id": "umkm_gdp_share", "name": "Kontribusi UMKM terhadap PDB", "units": ["persen", "rupiah"],
     "definition": "Contribution of UMKM to gross domestic product."},
    {"id": "umkm_employment_share", "name": "Serapan tenaga kerja UMKM", "units": ["persen", "orang"],
     "definition": "Workers employed by UMKM, as a share or a head count."},
    {"id": "kur_disbursement", "name": "Penyaluran KUR", "units": ["rupiah", "orang", "UMKM", "persen"],
     "definition": "People's business credit (Kredit Usaha Rakyat) disbursed or planned."},
    {"id": "government_budget_umkm", "name": "Anggaran pemerintah untuk UMKM", "units": ["rupiah"],
     "definition": "Government money allocated to or spent on UMKM and their products."},
]


def _shared_yaml() -> Path | None:
    env = os.environ.get("PANTAU_GAZETTEER")
    candidates = [Path(env)] if env else []
    root = Path(__file__).resolve().parent.parent
    candidates += [root.parent / "shared" / "reference" / "gazetteer.yaml", Path("/work/shared/reference/gazetteer.yaml")]
    for path in candidates:
        if path.is_file():
            return path
    return None


def load_gazetteer() -> dict:
    """Gazetteer dict with `institutions`, `people`, `programs`, `metrics` lists (any may be empty)."""
    try:
        from nlp_models import gazetteer as _gaz  # type: ignore

        data = _gaz.load()
    except Exception:  # not there yet, or broken: fall back to the reference YAML
        data = None
        path = _shared_yaml()
        if path is not None:
            import yaml

            with open(path, encoding="utf-8") as fh:
                data = yaml.safe_load(fh)
    data = dict(data or {})
    for key in ("institutions", "people", "programs", "metrics", "outlets"):
        data[key] = list(data.get(key) or [])
    return data
