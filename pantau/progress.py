"""Progress lines for long work (moved to ``db.progress`` so every stage can use it; re-exported here)."""

from db.progress import Progress  # noqa: F401
