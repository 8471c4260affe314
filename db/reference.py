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

# Canonical metrics. `series` groups metrics charted together; `cumulative` = 1 when a later figure should never be
# lower than an earlier one (a fall is then flagged by the `conflicting_figures` query).
METRICS = [
    {
        "id": "umkm_onboarded_digital",
        "name": "UMKM onboarded to the digital ecosystem",
        "unit": "UMKM",
        "series": "umkm_digital",
        "cumulative": 1,
        "definition": "Number of micro, small and medium enterprises reported as *connected to the digital ecosystem* "
        "(selling online, on a marketplace or e-catalogue, or using digital payments), cumulative. Stated as "
        "\"UMKM go digital\", \"UMKM terhubung ke ekosistem digital\", \"UMKM onboarding\", \"UMKM go online\".",
    },
    {
        "id": "umkm_digital_share",
        "name": "Share of UMKM that are digital",
        "unit": "persen",
        "series": "umkm_digital",
        "cumulative": 0,
        "definition": "Percentage of all UMKM reported as connected to the digital ecosystem (\"baru 13 persen UMKM "
        "yang sudah terkoneksi dengan digital\").",
    },
    {
        "id": "umkm_population",
        "name": "Number of UMKM in Indonesia",
        "unit": "UMKM",
        "series": "context",
        "cumulative": 0,
        "definition": "Total number of micro, small and medium enterprises (\"jumlah pelaku UMKM mencapai 64 juta\").",
    },
    {
        "id": "umkm_gdp_share",
        "name": "UMKM contribution to GDP",
        "unit": "persen",
        "series": "context",
        "cumulative": 0,
        "definition": "Share of gross domestic product contributed by UMKM, in percent.",
    },
    {
        "id": "umkm_workforce_share",
        "name": "UMKM share of employment",
        "unit": "persen",
        "series": "context",
        "cumulative": 0,
        "definition": "Share of the workforce employed by UMKM, in percent.",
    },
    {
        "id": "umkm_export_share",
        "name": "UMKM share of exports",
        "unit": "persen",
        "series": "context",
        "cumulative": 0,
        "definition": "Share of non-oil exports contributed by UMKM, in percent.",
    },
    {
        "id": "cooperatives_digital",
        "name": "Cooperatives gone digital",
        "unit": "koperasi",
        "series": "umkm_digital",
        "cumulative": 1,
        "definition": "Number of cooperatives (koperasi) reported as digitalised or modernised, cumulative.",
    },
    {
        "id": "kur_disbursed",
        "name": "KUR credit disbursed",
        "unit": "rupiah",
        "series": "financing",
        "cumulative": 0,
        "definition": "People's business credit (Kredit Usaha Rakyat) disbursed or allocated in rupiah, per year "
        "unless the text says otherwise.",
    },
    {
        "id": "gov_procurement_umkm",
        "name": "Government spending on UMKM products",
        "unit": "rupiah",
        "series": "procurement",
        "cumulative": 0,
        "definition": "Government and SOE procurement budget or spending directed to UMKM products (e.g. the "
        "40 percent of spending rule, e-Katalog, PaDi UMKM), in rupiah.",
    },
    {
        "id": "digital_economy_value",
        "name": "Digital economy value",
        "unit": "USD",
        "series": "context",
        "cumulative": 0,
        "definition": "Gross merchandise value of Indonesia's digital economy, as projected or reported.",
    },
    {
        "id": "ecommerce_transactions",
        "name": "E-commerce transaction value",
        "unit": "rupiah",
        "series": "context",
        "cumulative": 0,
        "definition": "Value of e-commerce transactions in rupiah over the stated period.",
    },
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
