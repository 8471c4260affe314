"""Does an article belong to Pantau's topic (UMKM digitalization)? Rules live in topic_keywords.yaml."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import yaml

DEFAULT_KEYWORDS = Path(__file__).with_name("topic_keywords.yaml")


@lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> dict:
    path = path or os.environ.get("PANTAU_TOPIC_KEYWORDS") or str(DEFAULT_KEYWORDS)
    rules = yaml.safe_load(Path(path).read_text(encoding="utf-8"))

    def compile_group(name):
        terms = rules.get(name) or []
        return re.compile(r"\b(?:" + "|".join(terms) + r")\b", re.IGNORECASE) if terms else None

    return {
        "businesses": compile_group("businesses"),
        "digital": compile_group("digital"),
        "programs": compile_group("programs"),
        "min_business_hits": rules.get("min_business_hits", 1),
        "min_digital_hits": rules.get("min_digital_hits", 1),
        "business_only_hits": rules.get("business_only_hits", 3),
    }


def _hits(pattern, text: str) -> int:
    return len(pattern.findall(text)) if pattern else 0


def classify(title: str | None, text: str | None, rules_path: str | None = None) -> tuple[bool, str | None]:
    """Returns (on_topic, reason). The reason says why an article was skipped."""
    rules = load_rules(rules_path)
    haystack = f"{title or ''}\n{text or ''}"
    if _hits(rules["programs"], haystack):
        return True, None
    business = _hits(rules["businesses"], haystack)
    if business < rules["min_business_hits"]:
        return False, "off_topic:no_business_terms"
    if _hits(rules["digital"], haystack) < rules["min_digital_hits"] and business < rules["business_only_hits"]:
        return False, "off_topic:no_digital_terms"
    return True, None

