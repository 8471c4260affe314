"""One fact, one claim: restatements of the same figure in an article collapse into the best-attributed claim."""
from __future__ import annotations

import re

from extract.claims.filters import data_line



def _key(claim) -> tuple:
    """Type, value, target year and unit; a range ("2 sampai 3 persen") is another fact than its lower bound."""
    v = claim["value"]
    rv = float(f"{v:.3g}") if v else 0.0
    vmax = claim.get("value_max")
    return (claim["claim_type"], rv, claim["target_year"], claim["unit"], float(f"{vmax:.3g}") if vmax else None)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_RELATIVE_YEAR = re.compile(r"\btahun\s+(lalu|kemarin|ini|depan)\b", re.IGNORECASE)
_RELATIVE_OFFSET = {"lalu": -1, "kemarin": -1, "ini": 0, "depan": 1}


def _years_named(claim) -> set[int]:
    """The years a claim's sentence names, relative ones resolved against the statement date."""
    quote = claim["quote"]
    years = {int(y) for y in _YEAR.findall(quote)}
    stated = claim.get("stated_on")
    if stated:
        years |= {int(stated[:4]) + _RELATIVE_OFFSET[m.lower()] for m in _RELATIVE_YEAR.findall(quote)}
    return years


def _other_years(a, b) -> bool:
    """The sentences of two claims name years and none in common: the same sum in two years is two facts."""
    ya, yb = _years_named(a), _years_named(b)
    return bool(ya) and bool(yb) and not ya & yb


_MEASURES = ("persen", "rupiah", "USD")


def _same_quantity(a, b) -> bool:
    """The same figure of the same kind: equal to 3 significant digits, in the same unit or both counts of something."""
    if float(f"{a['value']:.3g}") != float(f"{b['value']:.3g}"):
        return False
    return a["unit"] == b["unit"] or (a["unit"] not in _MEASURES and b["unit"] not in _MEASURES)


def labelled_restatements(candidates) -> set[int]:
    """Indexes of data lines ("2. Sertifikat halal gratis: 10 ribu UMKM") whose figure a sentence of the article states
    again: a crosshead summing up the paragraph under it, one fact with the sentence (whatever type each got)."""
    lines = [i for i, (c, _, _) in enumerate(candidates) if data_line(c["quote"])]
    return {i for i in lines if any(j not in lines and _same_quantity(candidates[i][0], c)
                                    for j, (c, _, _) in enumerate(candidates))}


_BUSINESS_OR_PEOPLE = ("UMKM", "orang")  # "pedagang", "pelaku usaha": read as either
GENERIC_UNIT = "unit"  # a measure word ("118.000 unit"), not a noun of what is counted


def _count_key(claim, seen) -> tuple:
    """Key of a sum or count for the one-fact check: "2.600 unit" is the same count as "2.600 UMKM" seen before it."""
    value = float(f"{claim['value']:.4g}")
    if claim["unit"] not in _MEASURES:
        same = [u for u, v in seen if v == value and u not in _MEASURES and GENERIC_UNIT in (u, claim["unit"])]
        if same:
            return same[0], value
    return claim["unit"], value


def _dedupe(candidates):
    """One fact, one claim: the same type, value (3 significant digits), target year and unit keep the best-attributed
    sentence; a figure without a unit joins the same figure stated with one."""
    restated = labelled_restatements(candidates)
    candidates = [c for i, c in enumerate(candidates) if i not in restated]
    best = {}
    order = []
    for claim, rank, q in candidates:
        k = _key(claim)
        if claim["unit"] is None:
            same = [kk for kk in order if kk[:3] == k[:3] and kk[4] == k[4]]
            if same:
                k = same[0]
        elif claim["unit"] in _BUSINESS_OR_PEOPLE and claim["target_year"] is not None:
            # "menyasar 20 ribu pedagang hingga 2027" / "naik hingga 20 ribu pada 2027": the same target, whether its
            # noun was read as businesses or as people
            same = [kk for kk in order if kk[:3] == k[:3] and kk[4] == k[4] and kk[3] in _BUSINESS_OR_PEOPLE]
            if same:
                k = same[0]
        if k in best and claim["claim_type"] != "target" and _other_years(best[k][0], claim):
            k = k + (tuple(sorted(_years_named(claim))),)  # "alokasi Rp180 triliun" last year and again this year
        if k not in best:
            best[k] = (claim, rank)
            order.append(k)
            if claim["unit"] is not None:
                orphan = (k[0], k[1], k[2], None, k[4]) + k[5:]
                if orphan in best:  # an earlier unit-less mention of the same figure
                    old, old_rank = best.pop(orphan)
                    order.remove(orphan)
                    if old_rank > rank:
                        old["unit"] = claim["unit"]
                        best[k] = (old, old_rank)
            continue
        kept, kept_rank = best[k]
        if rank > kept_rank:
            winner, loser = claim, kept
            if winner["unit"] is None:
                winner["unit"] = loser["unit"]
            best[k] = (winner, rank)
        else:
            winner, loser = kept, claim
        for f in ("program", "program_id", "as_of", "qualifier", "metric", "subject"):
            if winner.get(f) is None and loser.get(f) is not None:
                winner[f] = loser[f]
    # the same sum of money from Rp 1 juta (or a count of thousands, or a share with decimals: "15,08 persen") stated
    # twice with different standings ("nilainya Rp 400
    # triliun" / "belanja ... sebesar Rp 400 triliun") is one fact: keep the best-attributed mention, typed
    # budget > achievement > other
    money = {}
    for k in list(order):
        c, r = best[k]
        if c["claim_type"] != "target" and ((c["unit"] in ("rupiah", "USD") and c["value"] >= 1e6) or
                                            (c["unit"] not in ("persen", "rupiah", "USD") and c["value"] >= 1000) or
                                            (c["unit"] == "persen" and c["value"] != int(c["value"]))):
            mk = _count_key(c, money)
            if mk in money and not _other_years(best[money[mk]][0], c):
                k0 = money[mk]
                c0, r0 = best[k0]
                types = {c0["claim_type"], c["claim_type"]}
                keep_k, drop_k = (k0, k) if r0 >= r else (k, k0)
                kept = best[keep_k][0]
                kept["claim_type"] = next(t for t in ("budget", "achievement", "other") if t in types)
                if kept["unit"] == GENERIC_UNIT:
                    kept["unit"] = (c0 if kept is c else c)["unit"]  # "2.600 UMKM" names what "2.600 unit" counts
                order.remove(drop_k)
                money[mk] = keep_k
            else:
                money[mk] = k
    out = [best[k][0] for k in order]
    # a figure named again without its noun ("angka 27 juta belum menggambarkan ...") restates a figure the article
    # states with a unit, whatever standing the restating sentence gives it
    with_unit = {float(f"{c['value']:.3g}") for c in out if c["unit"] is not None and c["value"] >= 1000}
    out = [c for c in out if c["unit"] is not None or float(f"{c['value']:.3g}") not in with_unit]
    targets_by = {(c["value"], c["unit"]): c for c in out if c["claim_type"] == "target"}
    out = [c for c in out if not (c["claim_type"] != "target" and (c["value"], c["unit"]) in targets_by and c["value"] >= 1000
                                  and re.search(r"\b(?:target\w*|program|sasaran)\b", c["quote"], re.I))]
    # a restated target without its year ("Targetnya 50 ribu UMKM") is the same fact as the dated one
    dated = [c for c in out if c["claim_type"] == "target" and c["target_year"] is not None]
    final = []
    for c in out:
        twin = None
        if c["claim_type"] == "target" and c["target_year"] is None:
            twins = [d for d in dated if d["value"] == c["value"] and (d["unit"] == c["unit"] or None in (d["unit"], c["unit"]))]
            twin = twins[0] if len(twins) == 1 else None
        if twin is None:
            final.append(c)
            continue
        if c["speaker"] and (not twin["speaker"] or c["quote"][:1] in "\"“"):
            year, unit = twin["target_year"], twin["unit"] or c["unit"]
            twin.clear()
            twin.update(c)
            twin["target_year"], twin["unit"] = year, unit
    final.sort(key=lambda c: c["char_start"])
    return final
