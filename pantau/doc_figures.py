"""Claim-extraction figures in the README and docs/claims.md, generated from one source: nlp_models/eval_scores.json.

`pantau metadata` (which `make eval` runs after scoring) rewrites the blocks between
`<!-- generated:claim-quality:start -->` and `<!-- generated:claim-quality:end -->`, so the two documents and the
accuracy shown in Datasette never disagree. A test fails when a block is stale.
"""

from __future__ import annotations

import re
from pathlib import Path

from pantau.metadata import REPO, load_eval_scores

START, END = "<!-- generated:claim-quality:start -->", "<!-- generated:claim-quality:end -->"
README = REPO / "README.md"
CLAIMS_DOC = REPO / "docs" / "claims.md"


def _f(value) -> str:
    return "–" if value is None else f"{value:.2f}"


def _size(result: dict) -> str:
    parts = [f"{result[key]} {word}" for key, word in (("articles", "articles"), ("gold", "claims")) if result.get(key)]
    return f" ({', '.join(parts)})" if parts else ""


def readme_rows(scores: dict | None) -> str:
    """The README's claim-quality table (a whole table: a comment line inside a Markdown table would break it)."""
    rows = ["| claim extraction | figure | how |", "|---|---|---|"]
    if not scores:
        return "\n".join(rows + ["| all sets | not yet measured | `make eval` |"])
    from extract.claim_eval import BLIND_SETS

    for label, result in scores.items():
        strict, lenient = result.get("strict", {}), result.get("lenient", {})
        shown = f"**{label}** (blind, scored once)" if label in BLIND_SETS else label
        rows.append(
            f"| {shown}{_size(result)} | strict F1 {_f(strict.get('f1'))} "
            f"(P {_f(strict.get('precision'))}, R {_f(strict.get('recall'))}), lenient F1 {_f(lenient.get('f1'))}, "
            f"speaker right {_f(result.get('speaker_accuracy'))}, core recall {_f(result.get('core_recall'))} "
            "| `make eval` |")
    return "\n".join(rows)


def claims_doc_table(scores: dict | None) -> str:
    """The measures table of docs/claims.md."""
    head = ("| set | strict P | strict R | strict F1 | lenient F1 | speaker acc. | core recall | target year acc. |\n"
            "|---|---|---|---|---|---|---|---|")
    if not scores:
        return head + "\n| not yet measured (`make eval`) | | | | | | | |"
    rows = []
    for label, result in scores.items():
        strict, lenient = result.get("strict", {}), result.get("lenient", {})
        rows.append(
            f"| {label}{_size(result)} | {_f(strict.get('precision'))} | {_f(strict.get('recall'))} | "
            f"**{_f(strict.get('f1'))}** | {_f(lenient.get('f1'))} | {_f(result.get('speaker_accuracy'))} | "
            f"{_f(result.get('core_recall'))} | {_f(result.get('target_year_accuracy'))} |")
    return head + "\n" + "\n".join(rows)


def _block(body: str) -> str:
    return f"{START}\n{body}\n{END}"


def expected_blocks(scores: dict | None | bool = True) -> dict[Path, str]:
    if scores is True:
        scores = load_eval_scores()
    return {README: _block(readme_rows(scores)), CLAIMS_DOC: _block(claims_doc_table(scores))}


def current_block(path: Path) -> str | None:
    found = re.search(re.escape(START) + r".*?" + re.escape(END), path.read_text(encoding="utf-8"), re.S)
    return found.group(0) if found else None


def update_docs(scores: dict | None | bool = True) -> list[Path]:
    """Rewrite the generated blocks; returns the files that changed. A file without the markers is left alone."""
    changed = []
    for path, block in expected_blocks(scores).items():
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        current = current_block(path)
        if current is None or current == block:
            continue
        path.write_text(text.replace(current, block), encoding="utf-8")
        changed.append(path)
    return changed
