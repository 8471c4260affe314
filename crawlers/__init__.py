"""Pantau's crawlers: a Scrapy project with one declarative source record + thin spider per outlet.

Entry points: :func:`crawlers.run.crawl` (Python) and ``python -m crawlers.run`` (one crawl per process).
"""
