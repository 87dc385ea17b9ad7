"""Scoring of NextStep's understanding against the independent letters (issue 4).

Shared by tests/independent/test_independent.py (text only) and benchmarks/independent.py
(rendered pages through capture and OCR), so that both report the same measures:
category accuracy on letters not sent to review, share sent to review, abstention on "other"
letters, macro-F1, deadline precision/recall/F1 on exact dates, reference precision/recall.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LETTERS = Path(__file__).resolve().parent / "letters.json"

#: The reference kinds the letters are labelled with (issue 4's list). Other kinds the system
#: may report (a sender's own "our reference", a generic file number) are neither rewarded nor
#: counted against precision; an OE or CGRA number reported under another kind is a miss.
LABELLED_KINDS = frozenset(
    {"national_register", "iban", "structured_communication", "cgra_file", "oe_file"}
)


def load_letters() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(LETTERS.read_text(encoding="utf-8"))
    return data


def norm_ref(kind: str, value: str) -> str:
    """File numbers compare by their digits (prefixes like "CG", "SP" and dots vary); numbers
    with a check digit compare by their letters and digits."""
    if kind in ("cgra_file", "oe_file"):
        return re.sub(r"\D", "", value)
    return re.sub(r"[^0-9A-Z]", "", value.upper())


@dataclass
class Outcome:
    """What the system said about one letter, reduced to comparable values."""

    letter: dict[str, Any]
    category: str
    needs_review: bool
    confidence: float
    deadlines: list[tuple[str, str]]  # (iso date, kind)
    references: list[tuple[str, str]]  # (kind, value)
    seconds: float = 0.0
    condition: str = "text"

    @property
    def gold_dates(self) -> Counter[str]:
        return Counter(d["date"] for d in self.letter["deadlines"])

    @property
    def pred_dates(self) -> Counter[str]:
        return Counter(d for d, _ in self.deadlines)

    def deadline_counts(self) -> tuple[int, int, int]:
        """(true positives, predicted, gold) on exact dates, each date counted once per letter."""
        gold, pred = set(self.gold_dates), set(self.pred_dates)
        return len(gold & pred), len(pred), len(gold)

    def kind_hits(self) -> int:
        """Matched deadline dates whose kind also agrees."""
        pred: dict[str, set[str]] = {}
        for d, k in self.deadlines:
            pred.setdefault(d, set()).add(k)
        return sum(1 for g in self.letter["deadlines"] if g["kind"] in pred.get(g["date"], set()))

    def _refs(self) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
        gold = {(r["kind"], norm_ref(r["kind"], r["value"])) for r in self.letter["references"]}
        pred = {(k, norm_ref(k, v)) for k, v in self.references if k in LABELLED_KINDS}
        return gold, pred

    def reference_counts(self) -> tuple[int, int, int]:
        gold, pred = self._refs()
        return len(gold & pred), len(pred), len(gold)

    def failures(self) -> list[str]:
        out = []
        gold_cat = self.letter["category"]
        if self.needs_review and gold_cat != "other":
            out.append(f"review (best guess {self.category} {self.confidence:.2f})")
        elif not self.needs_review and self.category != gold_cat:
            out.append(f"category {self.category} ({self.confidence:.2f}) != {gold_cat}")
        gold, pred = set(self.gold_dates), set(self.pred_dates)
        if gold - pred:
            out.append("missed deadlines " + ",".join(sorted(gold - pred)))
        if pred - gold:
            out.append("extra deadlines " + ",".join(sorted(pred - gold)))
        g, p = self._refs()
        if g - p:
            out.append("missed refs " + ",".join(f"{k}:{v}" for k, v in sorted(g - p)))
        if p - g:
            out.append("extra refs " + ",".join(f"{k}:{v}" for k, v in sorted(p - g)))
        return out


def from_understanding(letter: dict[str, Any], u: Any, **extra: Any) -> Outcome:
    c = u.classification
    return Outcome(
        letter=letter,
        category=c.category,
        needs_review=bool(c.needs_review),
        confidence=float(c.confidence),
        deadlines=[(d.date.isoformat(), d.kind) for d in u.deadlines],
        references=[(r.kind, r.value) for r in u.references],
        **extra,
    )


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


@dataclass
class Summary:
    n: int = 0
    accuracy_not_reviewed: float = float("nan")
    accuracy_all: float = float("nan")  # review counted as wrong for non-"other" letters
    macro_f1: float = float("nan")
    review_share: float = float("nan")  # among non-"other" letters
    other_abstained: float = float("nan")  # "other" letters answered other or sent to review
    deadline_p: float = float("nan")
    deadline_r: float = float("nan")
    deadline_f1: float = float("nan")
    deadline_kind: float = float("nan")  # matched dates whose kind agrees
    reference_p: float = float("nan")
    reference_r: float = float("nan")
    seconds_per_page: float = float("nan")
    failures: list[str] = field(default_factory=list)

    def row(self) -> str:
        def f(x: float) -> str:
            return "—" if x != x else f"{x:.2f}"

        return (
            f"| {self.n} | {f(self.accuracy_not_reviewed)} | {f(self.accuracy_all)} | "
            f"{f(self.macro_f1)} | {f(self.review_share)} | {f(self.other_abstained)} | "
            f"{f(self.deadline_p)} / {f(self.deadline_r)} / {f(self.deadline_f1)} | "
            f"{f(self.deadline_kind)} | {f(self.reference_p)} / {f(self.reference_r)} |"
        )


HEADER = (
    "| letters | acc. (not reviewed) | acc. (all) | macro-F1 | review share | other abstained "
    "| deadline P / R / F1 | kind ok | reference P / R |\n"
    "|---|---|---|---|---|---|---|---|---|"
)


def macro_f1(gold: list[str], pred: list[str]) -> float:
    labels = sorted(set(gold))
    f1s = []
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0)
    return sum(f1s) / len(f1s) if f1s else float("nan")


def summarize(outcomes: list[Outcome]) -> Summary:
    s = Summary(n=len(outcomes))
    if not outcomes:
        return s
    kept = [o for o in outcomes if not o.needs_review]
    s.accuracy_not_reviewed = _ratio(
        sum(o.category == o.letter["category"] for o in kept), len(kept)
    )
    # the answer the user sees: "needs review" is reported as category "other"
    shown = ["other" if o.needs_review else o.category for o in outcomes]
    gold = [o.letter["category"] for o in outcomes]
    s.accuracy_all = _ratio(sum(g == p for g, p in zip(gold, shown, strict=True)), len(gold))
    s.macro_f1 = macro_f1(gold, shown)
    topical = [o for o in outcomes if o.letter["category"] != "other"]
    s.review_share = _ratio(sum(o.needs_review for o in topical), len(topical))
    others = [o for o in outcomes if o.letter["category"] == "other"]
    s.other_abstained = _ratio(
        sum(o.needs_review or o.category == "other" for o in others), len(others)
    )
    tp, np_, ng = (sum(x) for x in zip(*(o.deadline_counts() for o in outcomes), strict=True))
    s.deadline_p, s.deadline_r = _ratio(tp, np_), _ratio(tp, ng)
    s.deadline_f1 = _ratio(2 * tp, np_ + ng)
    s.deadline_kind = _ratio(sum(o.kind_hits() for o in outcomes), tp)
    rtp, rnp, rng_ = (sum(x) for x in zip(*(o.reference_counts() for o in outcomes), strict=True))
    s.reference_p, s.reference_r = _ratio(rtp, rnp), _ratio(rtp, rng_)
    s.seconds_per_page = sum(o.seconds for o in outcomes) / len(outcomes)
    s.failures = [
        f"{o.letter['id']:<22} {o.condition:<8} " + "; ".join(o.failures())
        for o in outcomes
        if o.failures()
    ]
    return s
