#!/usr/bin/env python3
"""Independent evaluation (issue 4): hand-written letters rendered, damaged, captured and read.

The letters in tests/independent/letters.json were written without reading the project's
classifier, extractors or corpus templates. Each is rendered to an A4 page (Pillow, 200-300
dpi, DejaVu/Liberation fonts, three layouts), put through a capture condition (clean flatbed
scan, flatbed scan skewed 1-4 degrees, phone photo with perspective, desk background, shadow,
blur and JPEG, from scanners.synthetic) and then through the real pipeline:
scanners.process.process_page -> nextstep.understanding.recognize_pages -> understand.

Reports category accuracy (on letters not sent to review, and overall with review counted as
"other"), macro-F1, review share, abstention on "other" letters, deadline P/R/F1 on exact dates,
reference P/R, OCR character error rate and seconds per page, by language and by condition.

    .venv/bin/python benchmarks/independent.py [--limit 44] [--conditions scan,skew,photo]
        [--half all|dev|holdout]

``--limit N`` keeps N letters spread over languages and categories (44 = one per category and
language). Pages stay in memory (the letters are invented, but the pipeline is the real one).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import cv2  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image, ImageDraw, ImageFont  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nextstep.model import CATEGORIES, OcrPage  # noqa: E402
from nextstep.understanding import recognize_pages, understand  # noqa: E402
from scanners import synthetic  # noqa: E402
from scanners.process import process_page  # noqa: E402
from scanners.types import Page, RawImage  # noqa: E402
from tests.independent.scoring import (  # noqa: E402
    HEADER,
    Outcome,
    from_understanding,
    load_letters,
    summarize,
)

cv2.setNumThreads(1)

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/truetype/liberation2"),
)
#: (regular, bold) pairs
FONTS = (
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
    ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    ("LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf"),
)
SUBJECT = re.compile(
    r"^(objet|concerne|betreft|betreff|subject|re:|décision|decision|ladung|citation|"
    r"convocation|sommation|zahlungsbefehl|final notice|letzte mahnung|vorladung)",
    re.IGNORECASE,
)
DATE_LINE = re.compile(r"^([A-ZÀ-Ü][\w\-' ]+, )?(le |den |am )?\d{1,2}[ ./]", re.IGNORECASE)


def font_path(name: str) -> str:
    for d in FONT_DIRS:
        if (d / name).exists():
            return str(d / name)
    raise SystemExit(f"font {name} is missing: apt-get install fonts-dejavu fonts-liberation2")


@dataclass
class Style:
    dpi: int
    fonts: tuple[str, str]
    size_pt: float
    layout: str  # "left", "centred", "window"
    margin_mm: float
    ink: int


def style_for(rng: np.random.Generator) -> Style:
    return Style(
        dpi=int(rng.choice([200, 240, 300])),
        fonts=FONTS[int(rng.integers(len(FONTS)))],
        size_pt=float(rng.choice([10.0, 10.5, 11.0, 12.0])),
        layout=str(rng.choice(["left", "centred", "window"])),
        margin_mm=float(rng.uniform(18, 28)),
        ink=int(rng.integers(0, 60)),
    )


def wrap(draw: ImageDraw.ImageDraw, text: str, font: Any, width: int) -> list[str]:
    words, lines, cur = text.split(" "), [], ""
    for w in words:
        trial = f"{cur} {w}".strip()
        if cur and draw.textlength(trial, font=font) > width:
            lines.append(cur)
            cur = w
        else:
            cur = trial
    lines.append(cur)
    return lines


def render(text: str, st: Style) -> np.ndarray:
    """One A4 page (grey, uint8) with the letter laid out like a posted letter."""
    w, h = round(210 / 25.4 * st.dpi), round(297 / 25.4 * st.dpi)
    size = st.size_pt
    while True:
        img = Image.new("L", (w, h), 255)
        draw = ImageDraw.Draw(img)
        px = size * st.dpi / 72
        reg = ImageFont.truetype(font_path(st.fonts[0]), round(px))
        bold = ImageFont.truetype(font_path(st.fonts[1]), round(px))
        head = ImageFont.truetype(font_path(st.fonts[1]), round(px * 1.15))
        margin = round(st.margin_mm / 25.4 * st.dpi)
        y = margin
        lead = round(px * 1.35)
        blocks = text.split("\n\n")
        for bi, block in enumerate(blocks):
            for line in block.split("\n"):
                font = head if bi == 0 else (bold if SUBJECT.match(line) else reg)
                x0, avail = margin, w - 2 * margin
                if st.layout == "window" and bi in (1, 2) and not SUBJECT.match(line):
                    x0, avail = w // 2, w // 2 - margin  # address block in the envelope window
                for piece in wrap(draw, line, font, avail):
                    x: float = x0
                    tw = draw.textlength(piece, font=font)
                    if st.layout == "centred" and bi == 0:
                        x = (w - tw) / 2
                    elif st.layout != "left" and bi == 1 and DATE_LINE.match(piece):
                        x = w - margin - tw
                    draw.text((x, y), piece, fill=st.ink, font=font)
                    y += lead
            if bi == 0 and st.layout == "centred":
                draw.line((margin, y, w - margin, y), fill=st.ink, width=max(2, st.dpi // 100))
            y += lead
        if y < h - margin or size <= 8:
            return np.asarray(img)
        size -= 0.5


def capture(page: np.ndarray, condition: str, dpi: int, rng: np.random.Generator) -> RawImage:
    if condition == "scan":
        noisy = page.astype(np.float32) + rng.normal(0, 1.5, page.shape).astype(np.float32)
        return RawImage(np.clip(noisy, 0, 255).astype(np.uint8), float(dpi), "scan", "bench")
    if condition == "skew":
        skew = float(rng.uniform(1, 4) * rng.choice([-1, 1]))
        cap = synthetic.flatbed(page, skew=skew, rotation=0, rng=rng)
        return RawImage(cap.image, float(dpi), "scan", "bench")
    if condition == "photo":
        # a hand-held 7-megapixel phone photo: somewhat more blur and JPEG loss than the
        # capture benchmark's defaults
        blur = float(rng.uniform(0.5, 1.3))
        jpeg = int(rng.integers(60, 86))
        cap = synthetic.photo(page, rng, frame=(2250, 3000), blur=blur, jpeg=jpeg)
        return RawImage(cap.image, None, "photo", "bench")
    raise SystemExit(f"unknown condition {condition!r}: use scan, skew, photo or text")


def cer(ref: str, hyp: str) -> float:
    """Character error rate on whitespace-normalised text (plain dynamic programming)."""
    a, b = " ".join(ref.split()), " ".join(hyp.split())
    if not a:
        return float(bool(b))
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1] / len(a)


def half(letters: list[dict[str, Any]], which: str) -> list[dict[str, Any]]:
    """Split the set for rule work: the first letter of each (category, language) pair in file
    order is the development half, the second the hold-out half, only measured at the end."""
    if which == "all":
        return letters
    seen: set[tuple[str, str]] = set()
    dev, hold = [], []
    for x in letters:
        k = (x["language"], x["category"])
        (hold if k in seen else dev).append(x)
        seen.add(k)
    return dev if which == "dev" else hold


def pick(letters: list[dict[str, Any]], limit: int | None) -> list[dict[str, Any]]:
    """Spread a subset over languages and categories: first copies, then second copies."""
    seen: dict[tuple[str, str], int] = {}
    cats = sorted({x["category"] for x in letters})
    langs = ["fra", "nld", "deu", "eng"]
    keyed = []
    for x in letters:
        k = (x["language"], x["category"])
        seen[k] = seen.get(k, -1) + 1
        keyed.append(((seen[k], cats.index(x["category"]), langs.index(x["language"])), x))
    keyed.sort(key=lambda t: t[0])
    chosen = [x for _, x in keyed]
    return chosen[:limit] if limit else chosen


def run(
    letters: list[dict[str, Any]],
    conditions: list[str],
    seed: int,
    batch: int,
    log: Callable[[str], None],
) -> tuple[list[Outcome], dict[str, list[float]]]:
    outcomes: list[Outcome] = []
    extra: dict[str, list[float]] = {"cer": [], "refused": []}
    jobs = [(x, c) for c in conditions for x in letters]
    for start in range(0, len(jobs), batch):
        chunk = jobs[start : start + batch]
        pages: list[Page] = []
        spent: list[float] = []
        if all(cond == "text" for _, cond in chunk):
            # the letters' own text, no rendering, capture or OCR: what understanding alone does
            for x, cond in chunk:
                t0 = time.perf_counter()
                o = OcrPage([], x["text"], x["language"], 1654, 2339, 200.0)
                u = understand([o], today=dt.date.fromisoformat(x["received"]))
                t = time.perf_counter() - t0
                outcomes.append(from_understanding(x, u, seconds=t, condition=cond))
                extra["cer"].append(0.0)
                extra["refused"].append(0.0)
            continue
        for k, (x, cond) in enumerate(chunk):
            idx = letters.index(x)
            rng = np.random.default_rng(seed * 1000 + idx)
            st = style_for(rng)
            raw = capture(render(x["text"], st), cond, st.dpi, np.random.default_rng(seed + k))
            t0 = time.perf_counter()
            page = process_page(raw)
            spent.append(time.perf_counter() - t0)
            pages.append(page)
            extra["refused"].append(float(not page.quality.ok))
        t0 = time.perf_counter()
        ocr = recognize_pages(pages)
        per_page_ocr = (time.perf_counter() - t0) / len(chunk)
        for (x, cond), o, t_cap in zip(chunk, ocr, spent, strict=True):
            t0 = time.perf_counter()
            u = understand([o], today=dt.date.fromisoformat(x["received"]))
            t = t_cap + per_page_ocr + time.perf_counter() - t0
            outcomes.append(from_understanding(x, u, seconds=t, condition=cond))
            extra["cer"].append(cer(x["text"], o.text))
        log(f"{start + len(chunk)}/{len(jobs)} pages, last batch {per_page_ocr:.1f} s/page OCR")
    return outcomes, extra


def class_f1(label: str, outcomes: list[Outcome]) -> float:
    shown = ["other" if o.needs_review else o.category for o in outcomes]
    gold = [o.letter["category"] for o in outcomes]
    tp = sum(g == p == label for g, p in zip(gold, shown, strict=True))
    fp = sum(g != label and p == label for g, p in zip(gold, shown, strict=True))
    fn = sum(g == label and p != label for g, p in zip(gold, shown, strict=True))
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else float("nan")


def table(
    title: str,
    groups: dict[str, list[int]],
    outcomes: list[Outcome],
    extra: Any,
    *,
    per_class: bool = False,
) -> str:
    head = "| group " + HEADER.replace("|\n", "| CER | s/page |\n", 1) + "---|---|---|"
    lines = [f"**{title}**", "", head]
    for name, idx in groups.items():
        if not idx:
            continue
        s = summarize([outcomes[i] for i in idx])
        if per_class:
            s.macro_f1 = class_f1(name, outcomes)
        c = np.mean([extra["cer"][i] for i in idx])
        lines.append(f"| {name} " + s.row() + f" {c:.3f} | {s.seconds_per_page:.1f} |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="letters to use (default: all)")
    ap.add_argument(
        "--conditions",
        default="scan,skew,photo",
        help="comma-separated: scan, skew, photo, and text (the letters' text, no OCR)",
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=6, help="pages OCRed together (2 workers)")
    ap.add_argument("--failures", action="store_true", help="list every failing letter")
    ap.add_argument(
        "--half",
        choices=("all", "dev", "holdout"),
        default="all",
        help="dev: first letter of each (category, language) pair; holdout: the second",
    )
    args = ap.parse_args()
    letters = pick(half(load_letters(), args.half), args.limit)
    conditions = args.conditions.split(",")

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    t0 = time.perf_counter()
    outcomes, extra = run(letters, conditions, args.seed, args.batch, log)
    wall = time.perf_counter() - t0
    n = len(outcomes)
    every = {"all": list(range(n))}
    by_cond = {c: [i for i, o in enumerate(outcomes) if o.condition == c] for c in conditions}
    langs = ("fra", "nld", "deu", "eng")
    by_lang = {g: [i for i, o in enumerate(outcomes) if o.letter["language"] == g] for g in langs}
    print(
        f"{len(letters)} letters x {len(conditions)} conditions = {n} pages, seed {args.seed}, "
        f"wall {wall:.0f} s, {n / wall * 60:.1f} pages/min (rendering included), "
        f"pages refused by the quality gate {int(sum(extra['refused']))}/{n}\n"
    )
    print(table("Overall", every, outcomes, extra) + "\n")
    print(table("By capture condition", by_cond, outcomes, extra) + "\n")
    print(table("By language", by_lang, outcomes, extra) + "\n")
    by_cat = {
        c: [i for i, o in enumerate(outcomes) if o.letter["category"] == c] for c in CATEGORIES
    }
    title = "By true category (macro-F1 column: that class's F1 over all pages)"
    print(table(title, by_cat, outcomes, extra, per_class=True) + "\n")
    s = summarize(outcomes)
    if args.failures:
        print("Failures:\n" + "\n".join(s.failures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
