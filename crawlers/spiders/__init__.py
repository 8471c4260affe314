"""One module per outlet: ``SOURCE`` (a :class:`crawlers.sources.Source` record) and a thin ``Spider`` class.

A module that defines only ``SOURCE`` (feeds/sitemaps only) is crawled by the generic feed spider.
"""
