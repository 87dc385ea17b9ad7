#!/usr/bin/env python3
"""Search the understanding rules for text that makes them slow (issue 12, hardening).

A hostile file's text can hold what OCR of a page hardly yields: a run of thousands of blanks
right after a word the rules look for, or one word repeated thousands of times. A pattern
that shares such a run between two quantifiers in a row tries every way of sharing it
(quadratic), three in a row cubic. This script tries every word of the rule tables in two
shapes and prints each case that takes longer than the limit:

- *run*: a dated line, the word, ``--blanks`` spaces (then newlines, then tabs), "x.";
- *repeat*: the word repeated ``--repeat`` times, with and without a space between; flagged
  only when four times the text costs more than eight times as long (linear costs four).

    .venv/bin/python benchmarks/hostile_text.py              # every word, about 20 minutes
    .venv/bin/python benchmarks/hostile_text.py --sample 50  # every 50th word

Exit status 1 when a case is over the limit; tests/understanding/test_hostile_text.py keeps
the cases found so far.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nextstep.understanding.classify import score_text  # noqa: E402
from nextstep.understanding.dates import document_date, find_deadlines  # noqa: E402
from nextstep.understanding.references import find_references  # noqa: E402
from nextstep.understanding.understand import find_issuer  # noqa: E402

DATA = ROOT / "nextstep" / "understanding" / "data"
#: shapes of dates, numbers and labels that the words of the tables do not hold
EXTRA = [
    "3", "12", "2026", "12/03", "3 mars", ":", ",", ".", "-", "/", "(", "le 3", "Objet :",
    "du 3 au", "N°", "nr", "+++", "123/", "12.", "1er", "'", "BE", "+32",
]  # fmt: skip
HEAD = "Liège, le 3 mars 2026.\n"
TODAY = dt.date(2026, 3, 3)
READERS: dict[str, Callable[[str], Any]] = {
    "deadlines": lambda t: find_deadlines(t, today=TODAY),
    "own date": document_date,
    "references": find_references,
    "categories": score_text,
    "issuer": find_issuer,
}


class _TooSlow(Exception):
    pass


def _alarm(*_: object) -> None:
    raise _TooSlow


def _words() -> list[str]:
    raw = (DATA / "dates.toml").read_text("utf-8") + (DATA / "category_rules.txt").read_text(
        "utf-8"
    )
    return EXTRA + sorted(set(re.findall(r"[A-Za-zÀ-ÿ°]{2,}", raw)))


def _time(read: Callable[[str], Any], text: str, cap: int) -> float:
    """Seconds to read ``text``, or ``inf`` past ``cap`` seconds (the regular-expression
    engine checks for signals, so the alarm stops a runaway match)."""
    signal.alarm(cap)
    t0 = time.perf_counter()
    try:
        read(text)
        return time.perf_counter() - t0
    except _TooSlow:
        return float("inf")
    finally:
        signal.alarm(0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--blanks", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=4000)
    ap.add_argument("--limit", type=float, default=0.1, help="seconds per case")
    ap.add_argument("--sample", type=int, default=1, help="try every Nth word only")
    args = ap.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    words = _words()[:: args.sample]
    slow: list[str] = []
    worst = (0.0, "")
    t_all = time.perf_counter()
    for word in words:
        for blank in (" ", "\n", "\t"):
            text = HEAD + word + blank * args.blanks + "x."
            for name, read in READERS.items():
                took = _time(read, text, 5)
                case = f"run | {word!r} + {args.blanks} x {blank!r} | {name}"
                worst = max(worst, (took, case))
                if took > args.limit:
                    slow.append(f"| {case} | {took:.2f} |")
        for sep in (" ", ""):
            for name, read in READERS.items():
                short = _time(read, HEAD + (word + sep) * (args.repeat // 4), 5)
                long = _time(read, HEAD + (word + sep) * args.repeat, 5)
                if long > args.limit and long > 8 * max(short, 1e-6):
                    case = f"repeat | {word!r}{sep!r} x {args.repeat} | {name}"
                    slow.append(f"| {case} | {long:.2f} |")
    print(f"{len(words)} words, {len(READERS)} readers, {time.perf_counter() - t_all:.0f} s")
    print(f"slowest case: {worst[1]}: {worst[0]:.3f} s")
    print(f"cases over {args.limit} s: {len(slow)}")
    for line in slow:
        print(line)
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
