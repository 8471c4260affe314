"""Small claim builders for the tracker's unit tests (not gold: each test states the situation it builds)."""

from __future__ import annotations

import itertools

_counter = itertools.count(1)

DIGITAL = "umkm_onboarded_digital"
TETEN = dict(speaker="Teten Masduki", organization="Kementerian Koperasi dan UKM", institution_id="kemenkopukm")
JOHNNY = dict(speaker="Johnny G. Plate", organization="Kementerian Komunikasi dan Informatika",
              institution_id="kominfo")
JOKOWI = dict(speaker="Joko Widodo", organization="Presiden Republik Indonesia", institution_id="kepresidenan")


def claim(claim_type, value, stated_on, *, target_year=None, metric=DIGITAL, unit="UMKM", scope="national",
          scope_name=None, article=None, outlet="kompas", as_of=None, who=TETEN, subject="UMKM go digital",
          quote=None, **extra):
    n = next(_counter)
    row = {
        "claim_id": extra.pop("claim_id", f"c{n:04d}"),
        "article_id": article or f"a{n:04d}",
        "claim_type": claim_type, "metric": metric, "value": value, "unit": unit, "target_year": target_year,
        "scope": scope, "scope_name": scope_name, "stated_on": stated_on, "as_of": as_of, "outlet": outlet,
        "subject": subject, "quote": quote or f"Kalimat tentang {subject} {value}.", "source_kind": "media",
        "value_max": None, "qualifier": None, "value_text": None, "speaker_title": None,
        **(who or {}),
    }
    row.update(extra)
    return row


def target(value, year, stated_on, **kw):
    return claim("target", value, stated_on, target_year=year, **kw)


def figure(value, stated_on, **kw):
    return claim("achievement", value, stated_on, **kw)
