#!/usr/bin/env python3
"""Leave-one-corpus-out evaluation of understanding on text (issue 12.1).

For each independent corpus (tests/corpora/{A,B,C}/, tests/independent/ as D): build the
learned classifier from the OTHER corpora (plus the development templates T), with its
temperature and review threshold calibrated on their own held-out folds
(``nextstep.understanding.train.build``), then measure on the left-out corpus: accuracy,
macro-F1 (review shown as "other"), needs_review share (of all documents), accuracy on what
is not sent to review, deadline precision/recall/F1 on exact dates, and the rules alone for
comparison. Then the review share against accuracy for a range of thresholds, over the
held-out predictions of all folds.

    .venv/bin/python benchmarks/corpora.py [--failures] [--folds A,B] [--captured] [--jobs 2]

By default the documents' text is given to ``understand`` as one OCR page. With
``--captured`` each left-out document is also rendered, damaged (scan, photo, rotated, poor
copy), captured and read by the real pipeline (``benchmarks/captured.py``; OCR cached), and
the fold is measured on what was read, with OCR word recall per condition.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import numpy as np  # noqa: E402
from captured import Captured, read_corpus  # noqa: E402

from nextstep.model import CATEGORIES, OcrPage  # noqa: E402
from nextstep.understanding import understand  # noqa: E402
from nextstep.understanding.classify import classify_text  # noqa: E402
from nextstep.understanding.learned import LinearModel  # noqa: E402
from nextstep.understanding.train import (  # noqa: E402
    ALWAYS_TRAIN,
    build_prepared,
    load_corpora,
    prepare,
)
from tests.independent.scoring import Outcome, from_understanding, summarize  # noqa: E402


def run(
    docs: list[dict[str, Any]],
    model: LinearModel | None,
    captured: list[Captured] | None = None,
) -> list[Outcome]:
    out = []
    for i, x in enumerate(docs):
        if captured is not None:
            page = captured[i].page
        else:
            page = OcrPage([], x["text"], x["language"], 1654, 2339, 200.0)
        received = x.get("received") or x.get("document_date")
        u = understand(
            [page], today=dt.date.fromisoformat(received) if received else None, model=model
        )
        cond = captured[i].condition if captured is not None else "text"
        out.append(from_understanding(x, u, condition=cond))
    return out


def recall_cells(caps: list[Captured]) -> str:
    """Word recall of the OCR per condition and overall, as table cells."""
    cells = []
    for cond in ("scan", "photo", "rotated", "poor", None):
        mine = [c for c in caps if cond is None or c.condition == cond]
        found = sum(c.word_recall[0] for c in mine)
        total = sum(c.word_recall[1] for c in mine)
        cells.append(f"{found / total:.3f} ({len(mine)})" if total else "—")
    return " | ".join(cells)


def row(name: str, outs: list[Outcome], note: str = "") -> str:
    s = summarize(outs)
    review_all = sum(o.needs_review for o in outs) / len(outs)
    shown = ["other" if o.needs_review else o.category for o in outs]
    acc = sum(p == o.letter["category"] for p, o in zip(shown, outs, strict=True)) / len(outs)

    def f(v: float) -> str:
        return "—" if v != v else f"{v:.3f}"

    return (
        f"| {name} | {note} | {len(outs)} | {f(acc)} | {f(s.macro_f1)} | {f(review_all)} | "
        f"{f(s.accuracy_not_reviewed)} | {f(s.deadline_p)} / {f(s.deadline_r)} / "
        f"{f(s.deadline_f1)} |"
    )


HEAD = (
    "| left out | classifier | docs | accuracy | macro-F1 | needs_review | acc. not reviewed "
    "| deadline P / R / F1 |\n|---|---|---|---|---|---|---|---|"
)


@dataclass
class FoldResult:
    lines: list[str] = field(default_factory=list)
    outs: list[Outcome] = field(default_factory=list)
    outs_cap: list[Outcome] = field(default_factory=list)
    cap_lines: list[str] = field(default_factory=list)
    recall_lines: list[str] = field(default_factory=list)
    conf: list[float] = field(default_factory=list)
    ok: list[bool] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


#: corpora, their prepared features, captured pages, start time: set by main() before the folds
#: run, so that forked workers (``--jobs``) inherit them instead of receiving copies
_STATE: tuple[dict[str, list[dict[str, Any]]], dict[str, Any], dict[str, list[Captured]], float]


def _fold(k: str) -> FoldResult:
    """One fold: a model built without corpus ``k``, measured on ``k``."""
    corpora, prepared, caps, t0 = _STATE
    print(f"fold {k} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)
    r = FoldResult()
    model = build_prepared({n: v for n, v in prepared.items() if n != k})
    r.outs = run(corpora[k], model)
    rules = run(corpora[k], None)
    meta = model.meta or {}
    cfg = meta.get("config", {})
    note = (
        f"model (C={cfg.get('c_reg')}, rules x{cfg.get('rule_scale')}, "
        f"T weight {cfg.get('template_weight')}, real x{meta.get('real_weight', 1)}, "
        f"temp. {model.temperature}, "
        f"threshold {model.threshold:.2f})"
    )
    r.lines = [row(k, r.outs, note), row(k, rules, "rules alone")]
    if k in caps:
        r.outs_cap = run(corpora[k][: len(caps[k])], model, caps[k])
        r.cap_lines.append(row(k, r.outs_cap, "model, captured pages"))
        r.recall_lines.append(f"| {k} | {recall_cells(caps[k])} |")
        r.failures += [f"{k} captured {line}" for line in summarize(r.outs_cap).failures]
    for x in corpora[k]:
        c = classify_text(x["text"], model=model, threshold=0.0)
        r.conf.append(c.confidence)
        r.ok.append(c.category == x["category"])
    r.failures += [f"{k} {line}" for line in summarize(r.outs).failures]
    return r


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--failures", action="store_true", help="list failing documents per fold")
    ap.add_argument("--folds", default="", help="comma-separated corpora to leave out")
    ap.add_argument(
        "--captured", action="store_true", help="also measure on rendered, captured, read pages"
    )
    ap.add_argument(
        "--captured-limit",
        type=int,
        default=None,
        help="capture only the first N documents of each fold (N=40: two cycles of conditions)",
    )
    ap.add_argument(
        "--jobs", type=int, default=1, help="folds run side by side in N forked processes"
    )
    args = ap.parse_args()
    corpora = load_corpora()
    folds = [k for k in corpora if k not in ALWAYS_TRAIN]
    if args.folds:
        folds = [k for k in folds if k in args.folds.split(",")]
    sizes = ", ".join(f"{k} {len(v)}" for k, v in corpora.items())
    print(f"corpora: {sizes}; folds: {', '.join(folds)}\n")
    lines = [HEAD]
    cap_lines = [HEAD]
    recall_lines = ["| left out | scan | photo | rotated | poor | all |\n|---|---|---|---|---|---|"]
    caps: dict[str, list[Captured]] = {}
    if args.captured:
        for k in folds:
            caps[k] = read_corpus(
                corpora[k][: args.captured_limit],
                log=lambda m, k=k: print(f"{k}: {m}", file=sys.stderr, flush=True),
            )
    pooled: list[Outcome] = []
    pooled_cap: list[Outcome] = []
    curve_conf: list[float] = []
    curve_ok: list[bool] = []
    failures: list[str] = []
    t0 = time.perf_counter()
    global _STATE
    _STATE = (corpora, {k: prepare(v) for k, v in corpora.items()}, caps, t0)
    if args.jobs > 1:
        # fork: the workers inherit the corpora, their prepared features and the captured pages
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(args.jobs) as pool:
            results = pool.map(_fold, folds, chunksize=1)
    else:
        results = [_fold(k) for k in folds]
    for r in results:
        lines += r.lines
        pooled += r.outs
        pooled_cap += r.outs_cap
        cap_lines += r.cap_lines
        recall_lines += r.recall_lines
        curve_conf += r.conf
        curve_ok += r.ok
        failures += r.failures
    lines.append(row("pooled", pooled, "model"))
    print("\n".join(lines))
    if args.captured:
        cap_lines.append(row("pooled", pooled_cap, "model, captured pages"))
        recall_lines.append(f"| all | {recall_cells([c for v in caps.values() for c in v])} |")
        print("\nCaptured pages (rendered, damaged, captured, read):\n")
        print("\n".join(cap_lines))
        print("\nOCR word recall by condition (documents):\n")
        print("\n".join(recall_lines))
    print(f"\n({time.perf_counter() - t0:.0f} s)\n")
    print(
        "Review share against accuracy on what is not reviewed (held-out predictions, all folds):\n"
    )
    print("| threshold | review share | accuracy not reviewed |\n|---|---|---|")
    conf, ok = np.array(curve_conf), np.array(curve_ok)
    for t in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95):
        kept = conf >= t
        acc = ok[kept].mean() if kept.any() else float("nan")
        print(f"| {t:.2f} | {1 - kept.mean():.3f} | {acc:.3f} |")
    if args.failures:
        print("\nFailures:\n" + "\n".join(failures))
    _ = CATEGORIES
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
