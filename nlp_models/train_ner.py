"""Train the small statistical NER (PER/ORG/LOC) on idner-news-2k.

Usage: python -m nlp_models.train_ner [--data DIR] [--out nlp_models/ner_model] [--max-steps N]

Reproducible: fixed seed (ner_config.cfg [system] seed), single process, CPU.
Writes the trained pipeline to ``nlp_models/ner_model/`` and its measured scores on the
dev and test split to ``nlp_models/ner_model/scores.json``.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data" / "idner-news-2k"


def read_conll(path: Path):
    """Yield (words, iob_tags) per sentence of a ``token POS TAG`` file."""
    words, tags = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            if words:
                yield words, tags
            words, tags = [], []
            continue
        parts = line.split()
        if len(parts) < 2:
            continue
        words.append(parts[0])
        tags.append(parts[-1])
    if words:
        yield words, tags


def to_docbin(path: Path, out: Path) -> int:
    import spacy
    from spacy.tokens import Doc, DocBin
    from spacy.training import iob_to_biluo, biluo_tags_to_spans

    nlp = spacy.blank("id")
    db = DocBin()
    n = 0
    for words, tags in read_conll(path):
        doc = Doc(nlp.vocab, words=words)
        tags = [t if t in ("O",) or t[:2] in ("B-", "I-") else "O" for t in tags]
        doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
        db.add(doc)
        n += 1
    db.to_disk(out)
    return n


def evaluate(model_dir: Path, path: Path) -> dict:
    import spacy
    from spacy.tokens import DocBin
    from spacy.training import Example

    nlp = spacy.load(model_dir)
    with tempfile.TemporaryDirectory() as tmp:
        spath = Path(tmp) / "eval.spacy"
        to_docbin(path, spath)
        docs = list(DocBin().from_disk(spath).get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(d.text) if False else nlp.make_doc(" ".join(t.text for t in d)), d) for d in docs]
    # Re-tokenise identically to the reference (whitespace-joined tokens keep alignment).
    t0 = time.perf_counter()
    scores = nlp.evaluate(examples)
    dt = time.perf_counter() - t0
    n_words = sum(len(d) for d in docs)
    return {
        "ents_p": round(scores["ents_p"], 4),
        "ents_r": round(scores["ents_r"], 4),
        "ents_f": round(scores["ents_f"], 4),
        "per_type": {k: {m: round(v, 4) for m, v in d.items()} for k, d in scores["ents_per_type"].items()},
        "sentences": len(docs),
        "words_per_second": int(n_words / dt) if dt else None,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=HERE / "ner_model")
    ap.add_argument("--config", type=Path, default=HERE / "ner_config.cfg")
    ap.add_argument("--max-steps", type=int, default=None)
    args = ap.parse_args(argv)
    if not (args.data / "train.txt").exists():
        print(f"idner-news-2k not found at {args.data}", file=sys.stderr)
        return 2

    from spacy.cli.train import train
    from thinc.api import fix_random_seed

    fix_random_seed(1234)
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ntr = to_docbin(args.data / "train.txt", tmp / "train.spacy")
        ndv = to_docbin(args.data / "dev.txt", tmp / "dev.spacy")
        print(f"train sentences {ntr}, dev sentences {ndv}")
        overrides = {"paths.train": str(tmp / "train.spacy"), "paths.dev": str(tmp / "dev.spacy")}
        if args.max_steps:
            overrides["training.max_steps"] = args.max_steps
        train(args.config, tmp / "out", overrides=overrides, use_gpu=-1)
        best = tmp / "out" / "model-best"
        if args.out.exists():
            shutil.rmtree(args.out)
        shutil.copytree(best, args.out)
    train_seconds = round(time.time() - t0, 1)
    scores = {
        "data": "idner-news-2k (MIT), train/dev/test splits as distributed",
        "config": "nlp_models/ner_config.cfg",
        "seed": 1234,
        "train_seconds": train_seconds,
        "dev": evaluate(args.out, args.data / "dev.txt"),
        "test": evaluate(args.out, args.data / "test.txt"),
    }
    (args.out / "scores.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(scores, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
