"""Pantau's SQLite store: schema migrations and the one API every stage writes through."""

from db.store import Store, default_db_path

__all__ = ["Store", "default_db_path"]
