#!/usr/bin/env python3
"""Write the development corpus' training split as text (tests/corpora/T/documents.json).

The learned classifier (nextstep/understanding/train.py) is built from JSON files only, so
that the one build command needs nothing but the repository. This corpus is the team's own
template material (``tools/corpus/banks.py``, even entries only): it is always part of the
training data and never a leave-one-corpus-out fold, since it is not independent.

    .venv/bin/python tools/corpus/export_text.py [--n 4] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from corpus.generate import corpus  # noqa: E402

OUT = ROOT / "tests" / "corpora" / "T" / "documents.json"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=4, help="documents per category and language")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    docs = []
    for doc, _rng in corpus("train", args.n, args.seed):
        parts = [b.text for b in doc.blocks if b.text]
        docs.append(
            {
                "id": f"T-{doc.id}",
                "category": doc.category,
                "language": doc.language,
                "document_date": doc.document_date.isoformat(),
                "received": doc.document_date.isoformat(),
                "deadlines": doc.deadlines,
                "references": doc.references,
                "text": "\n\n".join(parts),
            }
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(docs, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(docs)} documents -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
