"""Per-outlet parsers (Fundus style): one module per outlet, one class per layout version.

``parser_for_outlet(name)`` returns the :class:`~extract.outlets.base.OutletParser` for a
registry name (``kompas``, ``liputan6`` …) or None for unknown outlets (trafilatura fallback).
"""
from __future__ import annotations

from .base import OutletParser, Page, ParserVersion  # noqa: F401
from .antara import Antara
from .bisnis import Bisnis
from .cnnindonesia import CNNIndonesia
from .detik import Detik
from .katadata import Katadata
from .kompas import Kompas
from .kontan import Kontan
from .liputan6 import Liputan6
from .okezone import Okezone
from .republika import Republika
from .tempo import Tempo
from .tribunnews import Tribunnews
from .ekon import Ekon
from .kemenkopukm import Kemenkopukm
from .kemenumkm import Kemenumkm
from .komdigi import Komdigi
from .setkab import Setkab

REGISTRY: dict[str, OutletParser] = {
    p.name: p
    for p in (Kompas(), Liputan6(), Republika(), Detik(), CNNIndonesia(), Antara(), Tempo(), Katadata(), Bisnis(),
              Kontan(), Okezone(), Tribunnews(),
              Setkab(), Ekon(), Kemenkopukm(), Kemenumkm(), Komdigi())  # government press releases
}


def parser_for_outlet(name: str | None) -> OutletParser | None:
    return REGISTRY.get(name) if name else None
