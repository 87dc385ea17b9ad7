#!/usr/bin/env python3
"""Benchmark of issue 4: capture processing + OCR + understanding on the held-out corpus.

Reports, by capture condition and language: category accuracy and macro-F1, share sent to
review and accuracy of the rest, deadline precision/recall/F1 (exact dates), reference
precision/recall, OCR character error rate against the rendered text, seconds per page and
pages per minute; then the same pages through OCRmyPDF (``-l fra+nld+deu+eng --rotate-pages
--deskew``, from a throwaway venv) versus NextStep, side by side, with the ratio.

    .venv/bin/python benchmarks/understanding.py [--n 1] [--split test] [--peer-pages 12]

The peer is looked up at $OCRMYPDF or /tmp/ocrmypdf-venv/bin/ocrmypdf (create it with
``python3 -m venv /tmp/ocrmypdf-venv && /tmp/ocrmypdf-venv/bin/pip install ocrmypdf``).
Corpus pages are synthetic (no personal data), so the peer may read them from /tmp files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

from corpus.generate import CONDITIONS, Rendered, build, corpus  # noqa: E402

from nextstep.understanding import recognize_pages, understand  # noqa: E402
from scanners.process import process_page  # noqa: E402
from scanners.types import RawImage  # noqa: E402


def levenshtein(a: str, b: str) -> int:
    """Edit distance by Hyyrö's bit-parallel algorithm (fast in pure Python)."""
    if not a:
        return len(b)
    if not b:
        return len(a)
    if len(a) > len(b):
        a, b = b, a
    m = len(a)
    peq: dict[str, int] = defaultdict(int)
    for i, c in enumerate(a):
        peq[c] |= 1 << i
    pv, mv, score, mask, top = (1 << m) - 1, 0, m, (1 << m) - 1, 1 << (m - 1)
    for c in b:
        eq = peq.get(c, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | ~(xh | pv)
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = mh | ~(xv | ph) & mask
        mv = ph & xv
    return score


def norm_ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    labels = sorted({t for t, _ in pairs})
    f1s = []
    for c in labels:
        tp = sum(1 for t, p in pairs if t == c and p == c)
        fp = sum(1 for t, p in pairs if t != c and p == c)
        fn = sum(1 for t, p in pairs if t == c and p != c)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s) if f1s else 0.0


def ref_key(kind: str, value: str) -> tuple[str, str]:
    return kind, re.sub(r"\D", "", value) or value


class Stats:
    def __init__(self) -> None:
        self.pairs: list[tuple[str, str]] = []
        self.review = 0
        self.reviewed: list[bool] = []
        self.dl_tp = self.dl_fp = self.dl_fn = 0
        self.kind_ok = 0
        self.ref_tp = self.ref_fp = self.ref_fn = 0
        self.cer_err = self.cer_len = 0
        self.pages = 0

    def row(self) -> dict[str, float]:
        n = len(self.pairs)
        acc = sum(t == p for t, p in self.pairs) / n if n else 0.0
        kept = [tp for tp, rv in zip(self.pairs, self.reviewed, strict=True) if not rv]
        topical = [rv for (t, _), rv in zip(self.pairs, self.reviewed, strict=True) if t != "other"]
        p = self.dl_tp / (self.dl_tp + self.dl_fp) if self.dl_tp + self.dl_fp else 1.0
        r = self.dl_tp / (self.dl_tp + self.dl_fn) if self.dl_tp + self.dl_fn else 1.0
        return {
            "docs": n,
            "pages": self.pages,
            "accuracy": acc,
            "macro_f1": macro_f1(self.pairs),
            "review_share": self.review / n if n else 0.0,
            "review_topical": sum(topical) / len(topical) if topical else 0.0,
            "accuracy_kept": sum(t == q for t, q in kept) / len(kept) if kept else 0.0,
            "deadline_p": p,
            "deadline_r": r,
            "deadline_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "deadline_kind_acc": self.kind_ok / self.dl_tp if self.dl_tp else 0.0,
            "ref_p": self.ref_tp / (self.ref_tp + self.ref_fp)
            if self.ref_tp + self.ref_fp
            else 1.0,
            "ref_r": self.ref_tp / (self.ref_tp + self.ref_fn)
            if self.ref_tp + self.ref_fn
            else 1.0,
            "cer": self.cer_err / self.cer_len if self.cer_len else 0.0,
        }


def score(stats: list[Stats], r: Rendered, ocr_texts: list[str], u) -> None:  # type: ignore[no-untyped-def]
    d = r.doc
    pred = u.classification.category  # "other" when sent to review
    review = u.classification.needs_review
    truth_dates = {(x["date"], x["kind"]) for x in d.deadlines}
    got = {(x.date.isoformat(), x.kind) for x in u.deadlines}
    td, gd = {t for t, _ in truth_dates}, {g for g, _ in got}
    truth_refs = {ref_key(x["kind"], x["value"]) for x in d.references}
    got_refs = {ref_key(x.kind, x.value) for x in u.references}
    for s in stats:
        s.pairs.append((d.category, pred))
        s.review += review
        s.reviewed.append(review)
        s.dl_tp += len(td & gd)
        s.dl_fp += len(gd - td)
        s.dl_fn += len(td - gd)
        s.kind_ok += len(truth_dates & got)
        s.ref_tp += len(truth_refs & got_refs)
        s.ref_fp += len(got_refs - truth_refs)
        s.ref_fn += len(truth_refs - got_refs)
        s.pages += len(r.images)
        for ref_text, hyp in zip(r.texts, ocr_texts, strict=False):
            a, b = norm_ws(ref_text), norm_ws(hyp)
            s.cer_err += levenshtein(a, b)
            s.cer_len += len(a)


def run_nextstep(rendered: list[Rendered], workers: int) -> tuple[list, list, float]:  # type: ignore[type-arg]
    t0 = time.perf_counter()
    pages, owners = [], []
    for i, r in enumerate(rendered):
        for j, img in enumerate(r.images):
            raw = RawImage(img, r.dpi, "photo" if r.condition == "photo" else "scan", f"p{j}")
            pages.append(process_page(raw))
            owners.append(i)
    ocr = recognize_pages(pages, workers=workers)
    results = []
    for i, _r in enumerate(rendered):
        mine = [o for o, k in zip(ocr, owners, strict=True) if k == i]
        results.append((mine, understand(mine)))
    return results, pages, time.perf_counter() - t0


def run_peer(rendered: list[Rendered], exe: str) -> tuple[float, int]:
    """OCRmyPDF on the same pages, one PDF per document, timed end to end."""
    from PIL import Image

    total, n = 0.0, 0
    with tempfile.TemporaryDirectory(prefix="bench-ocrmypdf-") as tmp:
        for k, r in enumerate(rendered):
            ims = [Image.fromarray(i if i.ndim == 2 else i[..., ::-1]) for i in r.images]
            src, out = Path(tmp) / f"in{k}.pdf", Path(tmp) / f"out{k}.pdf"
            ims[0].save(src, save_all=True, append_images=ims[1:], resolution=r.dpi or 300.0)
            t0 = time.perf_counter()
            subprocess.run(
                [exe, "-q", "-l", "fra+nld+deu+eng", "--rotate-pages", "--deskew", str(src),
                 str(out)],
                check=True, capture_output=True,
            )  # fmt: skip
            total += time.perf_counter() - t0
            n += len(ims)
    return total, n


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="test")
    ap.add_argument("--n", type=int, default=1, help="documents per category x language")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--peer-docs", type=int, default=8, help="documents per condition for OCRmyPDF")
    args = ap.parse_args()

    docs = corpus(args.split, args.n, args.seed)
    table: dict[str, Stats] = defaultdict(Stats)
    speed: dict[str, tuple[float, int]] = {}
    peer_rows = []
    for cond in CONDITIONS:
        rendered = [build(d, cond, rng) for d, rng in docs]
        results, pages, secs = run_nextstep(rendered, args.workers)
        speed[cond] = (secs, len(pages))
        for r, (ocr, u) in zip(rendered, results, strict=True):
            score(
                [table["all"], table[cond], table[f"{cond}/{r.doc.language}"]],
                r, [o.text for o in ocr], u,
            )  # fmt: skip
        exe = os.environ.get("OCRMYPDF") or shutil.which("ocrmypdf", path="/tmp/ocrmypdf-venv/bin")
        if exe and args.peer_docs:
            subset = rendered[:: max(1, len(rendered) // args.peer_docs)][: args.peer_docs]
            ps, pn = run_peer(subset, exe)
            _, _, ns = run_nextstep(subset, args.workers)
            peer_rows.append((cond, pn, ns / pn, ps / pn))

    print(f"# understanding benchmark, split={args.split}, {len(docs)} documents x {CONDITIONS}")
    print(f"# {dt.date.today()} {os.uname().machine} cores={os.cpu_count()}\n")
    hdr = ("group", "docs", "pages", "acc", "macroF1", "review", "review_topical", "acc_kept",
           "dl_P", "dl_R", "dl_F1", "dl_kind", "ref_P", "ref_R", "CER")  # fmt: skip
    print("| " + " | ".join(hdr) + " |")
    print("|" + "---|" * len(hdr))
    for key in ["all", *CONDITIONS, *sorted(k for k in table if "/" in k)]:
        s = table[key].row()
        print(
            f"| {key} | {s['docs']} | {s['pages']} | {s['accuracy']:.3f} | {s['macro_f1']:.3f} | "
            f"{s['review_share']:.3f} | {s['review_topical']:.3f} | {s['accuracy_kept']:.3f} | "
            f"{s['deadline_p']:.3f} | "
            f"{s['deadline_r']:.3f} | {s['deadline_f1']:.3f} | {s['deadline_kind_acc']:.3f} | "
            f"{s['ref_p']:.3f} | {s['ref_r']:.3f} | {s['cer']:.4f} |"
        )
    print("\n| condition | pages | s/page | pages/min |")
    print("|---|---|---|---|")
    for cond, (secs, n) in speed.items():
        print(f"| {cond} | {n} | {secs / n:.2f} | {60 * n / secs:.1f} |")
    if peer_rows:
        print(
            "\n| condition | pages | NextStep s/page | OCRmyPDF s/page | ratio NextStep/OCRmyPDF |"
        )
        print("|---|---|---|---|---|")
        for cond, n, ns, ps in peer_rows:
            print(f"| {cond} | {n} | {ns:.2f} | {ps:.2f} | {ns / ps:.2f} |")
    else:
        print("\nOCRmyPDF not found: peer comparison skipped.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
