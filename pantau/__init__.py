"""Pantau: monitor Indonesian news about UMKM digitalization and publish sourced claims."""

__version__ = "0.1.0"
