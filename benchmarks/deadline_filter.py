#!/usr/bin/env python3
"""Leave-one-corpus-out deadline F1 of deadline-filter variants (issue 12): quick trials.

The learned deadline filter (``train.fit_deadline_filter``) is independent of the category
model, so its fold figures can be computed from the rules' candidates alone: for each
writers' fold, the filter and its threshold are fitted on all other corpora (as the full
measurement, benchmarks/corpora.py, does) and score the left-out corpus's candidates. The
``base`` row reproduces that script's deadline F1 column exactly.

    .venv/bin/python benchmarks/deadline_filter.py base cat many c0.3 c3 c10 inner near keepcomp

Variants: ``base`` (as shipped, C = 1), ``cat`` (the document's category as a feature: gold
in training, which flatters it), ``many`` (how many candidates the document has), ``cX``
(L2 strength C = X), ``inner`` (C chosen per fold among 0.3, 1, 3, 10 on the inner held-out
groups of the training corpora, as the build chooses its threshold), ``near`` (without the
words of the date's sentence), ``keepcomp`` (every period the rules computed is kept, the
filter judging only the dates written out: the independent reviews' short letters lose
computed periods to the filter).
"""

from __future__ import annotations

import copy
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nextstep.understanding import train as T  # noqa: E402
from nextstep.understanding.learned import DeadlineFilter  # noqa: E402

Corpora = dict[str, list[T.Prepared]]
C_GRID = (0.3, 1.0, 3.0, 10.0)


def with_features(corpora: Corpora, variant: str) -> Corpora:
    """The same candidates with the variant's document-level features added."""
    out: Corpora = {}
    for name, docs in corpora.items():
        changed = []
        for d in docs:
            extra = []
            if variant == "cat":
                extra.append(f"cat {d.category}")
            if variant == "many":
                n = len(d.candidates)
                extra.append("many " + ("1" if n <= 1 else "2-3" if n <= 3 else "4+"))
            d2 = copy.copy(d)
            if variant == "near":
                extra_free = [(date, [x for x in feats if not x.startswith("w ")])
                              for date, feats in d.candidates]  # fmt: skip
                d2.candidates = extra_free
            else:
                d2.candidates = [(date, feats + extra) for date, feats in d.candidates]
            changed.append(d2)
        out[name] = changed
    return out


def counts(
    f: DeadlineFilter, docs: list[T.Prepared], keep_computed: bool = False
) -> tuple[int, int, int]:
    tp = npred = ngold = 0
    for d in docs:
        pred = {
            date
            for date, feats in d.candidates
            if f.probability(feats) >= f.threshold or (keep_computed and "computed True" in feats)
        }
        tp += len(pred & d.gold_dates)
        npred += len(pred)
        ngold += len(d.gold_dates)
    return tp, npred, ngold


def fitted(train: Corpora) -> DeadlineFilter:
    threshold = T.choose_deadline_threshold(train)
    return T.fit_deadline_filter([d for docs in train.values() for d in docs], threshold)


def inner_c(train: Corpora) -> float:
    """The C whose filters score best on the inner held-out groups of ``train``."""
    best = (-1.0, 1.0)
    for c in C_GRID:
        T.DEADLINE_C = c
        tp = npred = ngold = 0
        for group in T.inner_groups(train):
            rest = {n: ds for n, ds in train.items() if n not in group}
            a, b, g = counts(fitted(rest), [d for k in group for d in train[k]])
            tp, npred, ngold = tp + a, npred + b, ngold + g
        best = max(best, (2 * tp / (npred + ngold) if npred + ngold else 0.0, c))
    return best[1]


def main() -> int:
    variants = sys.argv[1:] or ["base"]
    t0 = time.perf_counter()
    prepared = {k: T.prepare(v) for k, v in T.load_corpora().items()}
    folds = [k for k in prepared if k not in T.ALWAYS_TRAIN and not k.startswith("R")]
    print(f"prepared in {time.perf_counter() - t0:.0f} s; writers' folds: {', '.join(folds)}\n")
    print("| variant | " + " | ".join(folds) + " | min | mean | pooled P / R / F1 |")
    print("|---" * (len(folds) + 4) + "|")
    shipped_c = T.DEADLINE_C
    for variant in variants:
        corpora = with_features(prepared, variant)
        row = []
        total = [0, 0, 0]  # true, predicted, gold dates over every fold
        for k in folds:
            train = {n: ds for n, ds in corpora.items() if n != k}
            T.DEADLINE_C = shipped_c
            if variant.startswith("c") and variant[1:].replace(".", "").isdigit():
                T.DEADLINE_C = float(variant[1:])
            elif variant == "inner":
                T.DEADLINE_C = inner_c(train)
            tp, npred, ngold = counts(fitted(train), corpora[k], variant == "keepcomp")
            row.append(2 * tp / (npred + ngold) if npred + ngold else 0.0)
            total = [total[0] + tp, total[1] + npred, total[2] + ngold]
        cells = " | ".join(f"{v:.3f}" for v in row)
        tp, npred, ngold = total
        pooled = f"{tp / npred:.3f} / {tp / ngold:.3f} / {2 * tp / (npred + ngold):.4f}"
        mean = sum(row) / len(row)
        print(f"| {variant} | {cells} | {min(row):.3f} | {mean:.3f} | {pooled} |", flush=True)
    T.DEADLINE_C = shipped_c
    print(f"\n({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
