"""Gazetteer access for the claim stages: people and their dated positions, institutions by name and date, programmes."""
from __future__ import annotations

from datetime import date
from datetime import datetime
from functools import lru_cache
import re



@lru_cache(maxsize=1)
def _gaz():
    from nlp_models.gazetteer import index

    idx = index()
    surname = {}
    for pid, p in idx["people"].items():
        for v in [p["name"], *p.get("variants", [])]:
            surname.setdefault(v.lower(), pid)
    return idx, surname


def _parse_day(s) -> date | None:
    if not s:
        return None
    s = str(s)
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = re.match(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", s)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
        except ValueError:
            return None
    return None


def _position_at(person: dict, day: date | None, title_hint: str | None = None) -> dict | None:
    positions = person.get("positions") or []
    if not positions:
        return None
    if title_hint:
        th = title_hint.lower()
        for q in positions:
            forms = [q.get("title", ""), *q.get("title_variants", [])]
            if any(f and (f.lower() in th or th in f.lower()) for f in forms):
                if day is None or _in_period(q, day):
                    return q
    if day is not None:
        for q in positions:
            if _in_period(q, day):
                return q
    return positions[-1]


def _in_period(q: dict, day: date) -> bool:
    s, e = _parse_day(q.get("start")), _parse_day(q.get("end"))
    if q.get("start") and len(str(q["start"])) == 4:
        s = date(int(q["start"]), 1, 1)
    if q.get("end") and len(str(q["end"])) == 4:
        e = date(int(q["end"]), 12, 31)
    return (s is None or s <= day) and (e is None or day <= e)


@lru_cache(maxsize=1)
def _inst_matcher():
    idx, _ = _gaz()
    forms = []
    for iid, inst in idx["institutions"].items():
        for f in [inst["name"], *inst.get("acronyms", []), *inst.get("aliases", [])]:
            if len(f) >= 3 and not f.lower().startswith("istana"):
                forms.append((f, iid))
    forms.sort(key=lambda x: -len(x[0]))
    # the look-behind every form shares is tested once per position, before the alternatives, instead of once per
    # form: the same matches (each form still has its own look-ahead, tried in the same order), about 30x faster
    pat = re.compile(r"(?<![\w-])(?:" + "|".join(rf"{re.escape(f)}(?![\w-])" for f, _ in forms) + ")")
    lookup = {f.lower(): iid for f, iid in forms}
    return pat, lookup


@lru_cache(maxsize=1)
def _surface_institutions() -> dict:
    idx, _ = _gaz()
    out: dict[str, list[str]] = {}
    for iid, inst in idx["institutions"].items():
        for f in [inst["name"], *inst.get("acronyms", []), *inst.get("aliases", [])]:
            out.setdefault(f.lower(), [])
            if iid not in out[f.lower()]:
                out[f.lower()].append(iid)
    return out


def resolve_institution(iid: str | None, surface: str | None, day: date | None) -> str | None:
    """The institution a name meant on ``day``: "Kemenkop" is KemenKopUKM before 2024-10-21 and Kementerian
    Koperasi after; an id outside its validity moves to its single predecessor / successor."""
    if day is None:
        return iid
    idx, _ = _gaz()
    cands = _surface_institutions().get((surface or "").lower()) or ([iid] if iid else [])
    for c in cands:
        inst = idx["institutions"].get(c, {})
        vf, vt = _parse_day(inst.get("valid_from")), _parse_day(inst.get("valid_to"))
        if (vf is None or vf <= day) and (vt is None or day <= vt):
            return c
    if iid:
        inst = idx["institutions"].get(iid, {})
        vf, vt = _parse_day(inst.get("valid_from")), _parse_day(inst.get("valid_to"))
        if vf and day < vf and len(inst.get("predecessor") or []) == 1:
            return inst["predecessor"][0]
        if vt and day > vt and len(inst.get("successor") or []) == 1:
            return inst["successor"][0]
    return iid


def _institution_in(text: str) -> str | None:
    pat, lookup = _inst_matcher()
    m = pat.search(text)
    if m:
        return lookup.get(m.group(0).lower())
    # title abbreviations -> institutions
    t = text.lower()
    for key, iid in (("menkop", "kemenkopukm"), ("koperasi dan ukm", "kemenkopukm"), ("kominfo", "kominfo"),
                     ("komunikasi dan informatika", "kominfo"), ("komunikasi dan digital", "komdigi"),
                     ("mendag", "kemendag"), ("perdagangan", "kemendag"), ("bumn", "kemenbumn"),
                     ("perekonomian", "kemenko_perekonomian"), ("presiden", "kepresidenan"),
                     ("keuangan", "kemenkeu"), ("perindustrian", "kemenperin")):
        if key in t:
            return iid
    return None


def _program_name(program_id: str | None) -> str | None:
    """The usual short name of a gazetteer programme (its first alias: "PaDi UMKM", "KUR", "Gernas BBI")."""
    if not program_id:
        return None
    idx, _ = _gaz()
    prog = idx["programs"].get(program_id)
    if not prog:
        return None
    return (prog.get("aliases") or [prog["name"]])[0]


def _program_kind(program_id: str | None) -> str | None:
    """The gazetteer kind of a programme (programme, platform, financing, campaign, regulation ...)."""
    if not program_id:
        return None
    idx, _ = _gaz()
    return (idx["programs"].get(program_id) or {}).get("kind")


def _institution_type(inst_id: str) -> str | None:
    """The gazetteer type of an institution (ministry, company, soe, association ...)."""
    idx, _ = _gaz()
    return (idx["institutions"].get(inst_id) or {}).get("type")
