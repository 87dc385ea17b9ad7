#!/usr/bin/env python3
"""Leave-one-corpus-out accuracy of learned-model variants (issue 12): quick trials.

For each variant, one model per fold is fitted on all other corpora (plus T) and scores the
left-out corpus; the figure is plain accuracy of the top class (no review threshold, no
calibration), so a trial costs one fit per fold. The full measurement, with calibration and
review, is benchmarks/corpora.py.

    .venv/bin/python benchmarks/model_variants.py rules1,rules0.25,rules0.1,c16,short20

Variants: ``rulesX`` (rule-feature scale X, C = 8), ``cX`` (C = X, rule scale 0.1),
``shortN`` (texts under N words scaled down; rule scale 0.1), ``noT`` (without the templates),
``realX`` (the real public texts, documents with a source URL, weigh X in training; rule
scale 0.1).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nextstep.model import CATEGORIES  # noqa: E402
from nextstep.understanding import learned  # noqa: E402
from nextstep.understanding import train as T  # noqa: E402


def evaluate(name: str, prep: dict[str, list[T.Prepared]], cfg: T.Config) -> None:
    folds = [k for k in prep if k not in T.ALWAYS_TRAIN]
    accs = []
    t0 = time.perf_counter()
    for k in folds:
        m = T.fit([d for n, ds in prep.items() if n != k for d in ds], cfg)
        ok = 0
        for d in prep[k]:
            ix, vals = m.vectorize(d.counts)
            ok += CATEGORIES[int(np.argmax(m.logits(ix, vals, d.rules)))] == d.category
        accs.append(ok / len(prep[k]))
    cells = " ".join(f"{k}:{a:.3f}" for k, a in zip(folds, accs, strict=True))
    print(f"{name:12s} {cells} mean {np.mean(accs):.3f} ({time.perf_counter() - t0:.0f} s)")


def main() -> int:
    prep = {k: T.prepare(v) for k, v in T.load_corpora().items()}
    for v in sys.argv[1].split(","):
        if v.startswith("rules"):
            evaluate(v, prep, T.Config(8.0, float(v[5:])))
        elif v.startswith("short"):
            learned.FULL_LENGTH, saved = int(v[5:]), learned.FULL_LENGTH
            evaluate(v, prep, T.Config(8.0, 0.1))
            learned.FULL_LENGTH = saved
        elif v.startswith("c"):
            evaluate(v, prep, T.Config(float(v[1:]), 0.1))
        elif v.startswith("real"):
            for docs in prep.values():
                for d in docs:
                    d.weight = float(v[4:]) if d.real else 1.0
            evaluate(v, prep, T.Config(8.0, 0.1))
            for docs in prep.values():
                for d in docs:
                    d.weight = 1.0
        elif v == "noT":
            evaluate(
                v, {k: x for k, x in prep.items() if k not in T.ALWAYS_TRAIN}, T.Config(8.0, 0.1)
            )
        else:
            raise SystemExit(f"unknown variant {v!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
