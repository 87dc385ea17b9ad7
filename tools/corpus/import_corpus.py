#!/usr/bin/env python3
"""Copy an independent corpus (a writer's ``batch-*.json`` files and README) into the repo.

    .venv/bin/python tools/corpus/import_corpus.py /work/corpora/A A

Writes ``tests/corpora/<NAME>/documents.json`` (all batches in file order, one list; a folder
without batches gives its own ``documents.json``) and the
writer's README.md. Checks the schema only (fields, categories, languages, dates); it does not
read or change what the documents say: these corpora are for training the learned model and
for measurement, never for tuning rules.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from nextstep.model import CATEGORIES  # noqa: E402

KINDS = {"appeal", "payment", "appointment", "expiry", "response", "other"}


def check(doc: dict[str, object]) -> list[str]:
    errs = []
    for key in ("id", "category", "language", "text", "deadlines", "references"):
        if key not in doc:
            errs.append(f"missing {key}")
    if doc.get("category") not in CATEGORIES:
        errs.append(f"category {doc.get('category')!r}")
    if doc.get("language") not in ("fra", "nld", "deu", "eng"):
        errs.append(f"language {doc.get('language')!r}")
    for d in doc.get("deadlines", []):  # type: ignore[attr-defined]
        try:
            dt.date.fromisoformat(d["date"])
        except (KeyError, ValueError, TypeError):
            errs.append(f"deadline date {d!r}")
        if d.get("kind") not in KINDS:
            errs.append(f"deadline kind {d!r}")
    return errs


def main() -> int:
    src, name = Path(sys.argv[1]), sys.argv[2]
    docs: list[dict[str, object]] = []
    batches = sorted(src.glob("batch-*.json")) or [src / "documents.json"]
    for f in batches:
        docs += json.loads(f.read_text(encoding="utf-8"))
    bad = {str(d.get("id")): e for d in docs if (e := check(d))}
    ids = [d.get("id") for d in docs]
    if len(set(ids)) != len(ids):
        bad["(ids)"] = ["duplicate ids"]
    out = ROOT / "tests" / "corpora" / name
    out.mkdir(parents=True, exist_ok=True)
    (out / "documents.json").write_text(
        json.dumps(docs, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    if (src / "README.md").is_file():
        shutil.copyfile(src / "README.md", out / "README.md")
    print(
        f"{name}: {len(docs)} documents -> {out.relative_to(ROOT)}; "
        f"schema problems: {bad or 'none'}"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
