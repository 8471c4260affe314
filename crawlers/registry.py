"""The source registry: every module in :mod:`crawlers.spiders` contributes one record (``SOURCE``).

A module may also define ``Spider`` (a thin :class:`crawlers.base.PantauSpider` subclass); a record without one
(feeds/sitemaps only) is crawled by the generic :class:`crawlers.base.FeedSpider`.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from crawlers import spiders as _spiders_pkg
from crawlers.base import FeedSpider, PantauSpider
from crawlers.sources import Source


@lru_cache(maxsize=1)
def _modules() -> dict:
    found = {}
    for info in sorted(pkgutil.iter_modules(_spiders_pkg.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{_spiders_pkg.__name__}.{info.name}")
        record = getattr(module, "SOURCE", None)
        if isinstance(record, Source):
            if record.name in found:
                raise ValueError(f"two spider modules declare source {record.name!r}")
            found[record.name] = module
    return found


def sources() -> list[Source]:
    return [module.SOURCE for module in _modules().values()]


def get_source(name: str) -> Source:
    try:
        return _modules()[name.lower()].SOURCE
    except KeyError:
        raise KeyError(f"unknown source {name!r}; known: {', '.join(names())}") from None


def names() -> list[str]:
    return list(_modules())


def spider_class(name: str) -> type[PantauSpider]:
    module = _modules()[get_source(name).name]
    cls = getattr(module, "Spider", None)
    if cls is None:
        record = module.SOURCE
        cls = type(f"{record.name.title()}FeedSpider", (FeedSpider,), {"name": record.name, "source": record,
                                                                       "__module__": module.__name__})
        module.Spider = cls
    return cls


def describe_sources() -> list[dict]:
    """One dict per source, for ``pantau sources`` (and docs/crawling.md)."""
    rows = []
    for record in sources():
        row = record.describe()
        module = _modules()[record.name]
        row["spider"] = "dedicated" if getattr(module, "Spider", None) and not issubclass(
            getattr(module, "Spider"), FeedSpider) else "generic feed spider"
        row["default_methods"] = [m.kind for m in record.methods if m.default]
        rows.append(row)
    return rows
