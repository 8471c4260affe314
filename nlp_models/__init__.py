"""Pantau's Indonesian spaCy pipeline, assembled from ``nlp_models/config.cfg`` (no download).

``load_pipeline()`` returns the cached pipeline; ``nlp_models.gazetteer.load()`` the gazetteer data.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONFIG_PATH = HERE / "config.cfg"


def build_pipeline(config_path: Path | str = CONFIG_PATH, ner_mode: str | None = None):
    """Assemble a fresh pipeline from the config file (``ner_mode``: selective | all | off)."""
    import spacy
    from spacy.util import load_config, load_model_from_config

    from nlp_models import components, tokenizer  # noqa: F401  (register factories)

    config = load_config(Path(config_path))
    if ner_mode:
        config["components"]["pantau_ner"]["mode"] = ner_mode
    return load_model_from_config(config, auto_fill=True, validate=True)


@lru_cache(maxsize=4)
def load_pipeline(ner_mode: str | None = None):
    """The shared, cached pipeline."""
    return build_pipeline(ner_mode=ner_mode)
