#!/usr/bin/env python3
"""Time of the date rules against the length of a hostile, date-dense text (issue 12).

OCR of a table, or a file made to hurt, can hold thousands of dates and periods without a
full stop or a line break. Each date must cost the same whatever the length (docs/architecture.md,
invariant 4): the time per word printed here should stay flat as the text grows.

    .venv/bin/python benchmarks/dates_scaling.py 700 2800 5600   # repeats of the unit
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nextstep.understanding.dates import find_deadlines  # noqa: E402

#: one date, one relative period and one range opener every seven words, no full stop
UNIT = ["dans les 30 jours", "12/03/2026", "Période du", "au"]


def main() -> int:
    print("| words | dates | seconds | ms per word |\n|---|---|---|---|")
    for reps in (int(a) for a in sys.argv[1:] or ["700", "2800", "5600"]):
        text = " ".join(UNIT * reps)
        words = len(text.split())
        t0 = time.perf_counter()
        found = find_deadlines(text, today=dt.date(2026, 1, 1))
        took = time.perf_counter() - t0
        print(f"| {words} | {len(found)} | {took:.2f} | {1000 * took / words:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
