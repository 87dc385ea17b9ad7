"""Bundle benchmark: build/verify time, bytes per page against ocrmypdf, legibility, memory.

Run: .venv/bin/python benchmarks/bundle.py [--ocrmypdf /tmp/ocrmypdf-venv/bin/ocrmypdf]

Pages are synthetic but realistic: "scan" = a typed A4 letter at 300 dpi (grey, as a
flatbed gives it); "photo" = an A4 page photographed at 200 dpi in colour (tinted paper, a
colour photo area, text). Legibility = share of the known words that Tesseract reads back
from the page images *as stored in the bundle*. ocrmypdf runs in its own venv (never in the
project's) on a plain PDF of the same page images, with --optimize 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import cv2
import numpy as np
import pikepdf
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crypto import keys  # noqa: E402
from crypto import passphrase as pp  # noqa: E402
from nextstep.bundle import images  # noqa: E402
from nextstep.bundle.build import build_bundle  # noqa: E402
from nextstep.bundle.verify import verify_bundle  # noqa: E402
from nextstep.model import Classification, Document, OcrPage, OcrWord  # noqa: E402
from scanners.types import Page  # noqa: E402

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
VOCAB = [
    "commune",
    "décision",
    "allocation",
    "revenu",
    "intégration",
    "article",
    "loyer",
    "bailleur",
    "rendez-vous",
    "office",
    "étrangers",
    "recours",
    "délai",
    "jours",
    "ouvrables",
    "montant",
    "mutualité",
    "attestation",
    "numéro",
    "registre",
    "national",
    "dossier",
    "Liège",
    "Bruxelles",
    "février",
    "septembre",
    "novembre",
    "obligatoire",
]


def text_page(seed: int, dpi: int, *, photo: bool) -> tuple[Page, OcrPage, list[str]]:
    rng = np.random.default_rng(seed)
    w, h = round(8.27 * dpi), round(11.69 * dpi)
    bg = (236, 230, 214) if photo else (255, 255, 255)
    img = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, round(11 * dpi / 72))
    words: list[OcrWord] = []
    truth: list[str] = []
    y = dpi
    line = 0
    if photo:
        patch = rng.integers(0, 255, (h // 4, w // 3, 3), dtype=np.uint8)
        patch = cv2.GaussianBlur(patch, (0, 0), 9)
        img.paste(Image.fromarray(patch), (w - w // 3 - dpi // 2, dpi))
    while y < h - dpi * 1.5:
        x = dpi
        for _ in range(7 if photo and y < dpi + h // 4 else 11):
            word = str(rng.choice(VOCAB))
            box = d.textbbox((x, y), word, font=font)
            if box[2] > w - dpi:
                break
            d.text((x, y), word, font=font, fill=(20, 20, 30))
            words.append(
                OcrWord(
                    word,
                    round(box[0]),
                    round(box[1]),
                    round(box[2] - box[0]),
                    round(box[3] - box[1]),
                    95.0,
                    line,
                )
            )
            truth.append(word)
            x = box[2] + font.getlength(" ")
        y += round(11 * 1.5 * dpi / 72)
        line += 1
    arr = cv2.cvtColor(np.asarray(img), cv2.COLOR_RGB2BGR)
    if photo:  # camera: uneven light and sensor noise
        shade = np.linspace(0.85, 1.0, w)[None, :, None]
        noise = rng.normal(0, 4, arr.shape)
        arr = np.clip(arr * shade + noise, 0, 255).astype(np.uint8)
        gray = cv2.cvtColor(arr, cv2.COLOR_BGR2GRAY)
        color = arr
    else:
        gray = cv2.cvtColor(arr, cv2.COLOR_BGR2GRAY)
        color = gray  # a grey flatbed scan: one array serves both
    page = Page(color=color, gray=gray, dpi=float(dpi), origin="bench")
    ocr = OcrPage(words, " ".join(truth), "fra", w, h, float(dpi))
    return page, ocr, truth


def make_docs(pages: list[tuple[Page, OcrPage, list[str]]], per_doc: int = 5) -> list[Document]:
    docs = []
    for i in range(0, len(pages), per_doc):
        chunk = pages[i : i + per_doc]
        docs.append(
            Document(
                pages=[p for p, _, _ in chunk],
                ocr=[o for _, o, _ in chunk],
                classification=Classification("allowances", 0.9),
            )
        )
    return docs


def ocr_recall(gray: np.ndarray, truth: list[str], dpi: float) -> float:
    ok, png = cv2.imencode(".png", gray)
    out = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", "fra", "--dpi", str(int(dpi))],
        input=png.tobytes(),
        capture_output=True,
        check=True,
    ).stdout.decode()
    read = out.split()
    hits = sum(1 for word in set(truth) if word in read)
    return hits / len(set(truth))


def bundle_page_images(pdf_bytes: bytes, phrase: str) -> list[tuple[np.ndarray, str, int]]:
    out = []
    with pikepdf.open(io.BytesIO(pdf_bytes), password=phrase) as pdf:
        for page in list(pdf.pages)[1:]:
            im = page.obj.Resources.XObject.Im0
            pil = pikepdf.PdfImage(im).as_pil_image().convert("L")
            out.append((np.asarray(pil), str(im.Filter), len(im.read_raw_bytes())))
    return out


def plain_pdf(pages: list[Page]) -> bytes:
    """The same page images losslessly in a PDF (Flate), the input given to ocrmypdf."""
    pdf = pikepdf.new()
    for page in pages:
        arr = page.color
        rgb = arr.ndim == 3
        data = cv2.cvtColor(arr, cv2.COLOR_BGR2RGB).tobytes() if rgb else arr.tobytes()
        import zlib

        stream = pikepdf.Stream(pdf, zlib.compress(data, 6))
        stream.Type, stream.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        stream.Width, stream.Height = arr.shape[1], arr.shape[0]
        stream.ColorSpace = pikepdf.Name.DeviceRGB if rgb else pikepdf.Name.DeviceGray
        stream.BitsPerComponent = 8
        stream.Filter = pikepdf.Name.FlateDecode
        wpt, hpt = arr.shape[1] * 72 / page.dpi, arr.shape[0] * 72 / page.dpi
        pdf.add_blank_page(page_size=(wpt, hpt))
        p = pdf.pages[-1]
        p.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=stream))
        p.Contents = pdf.make_stream(f"q {wpt} 0 0 {hpt} 0 0 cm /Im0 Do Q".encode())
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def run_ocrmypdf(tool: str, pdf: bytes, workdir: Path) -> tuple[int, float] | None:
    """ocrmypdf --optimize 2 on ``pdf`` (a scratch dir of synthetic pages only)."""
    src, dst = workdir / "in.pdf", workdir / "out.pdf"
    src.write_bytes(pdf)
    t = time.perf_counter()
    res = subprocess.run(
        [tool, "--optimize", "2", "-l", "fra", "--output-type", "pdf", str(src), str(dst)],
        capture_output=True,
        text=True,
    )
    if res.returncode != 0:
        print("ocrmypdf failed:", res.stderr.strip().splitlines()[-1:], file=sys.stderr)
        return None
    return dst.stat().st_size, time.perf_counter() - t


def bundle_bytes_without_cover(pdf_bytes: bytes, phrase: str) -> int:
    with pikepdf.open(io.BytesIO(pdf_bytes), password=phrase) as pdf:
        cover = len(pdf.pages[0].obj.Resources.XObject.Im0.read_raw_bytes())
    return len(pdf_bytes) - cover


def _rss(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def memory_child(n: int) -> None:
    """Build and verify an n-page bundle; print peak RSS before and after (MiB)."""
    distinct = [text_page(i, 300, photo=False) for i in range(5)]
    pages = [distinct[i % 5] for i in range(n)]
    docs = make_docs(pages)
    base = _rss("VmRSS")
    # reset the kernel's peak-RSS counter so the peak below is the build's, not the inputs'
    Path("/proc/self/clear_refs").write_text("5")
    key = keys.generate()
    phrase = pp.generate()
    b = build_bundle(
        docs, holder_id="h", language="fr", key=key, kiosk_id="bench", passphrase=phrase
    )
    verify_bundle(b.pdf, passphrase=phrase, trusted_keys=[key.public_bytes])
    peak = _rss("VmHWM")
    print(json.dumps({"inputs_mib": base, "peak_mib": peak, "bundle_bytes": len(b.pdf)}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ocrmypdf", default="/tmp/ocrmypdf-venv/bin/ocrmypdf")
    ap.add_argument("--memory-child", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
        return
    print(f"# bundle benchmark {dt.date.today()} {os.uname().machine} cores={os.cpu_count()}")
    key = keys.generate()
    phrase = pp.generate()

    # 1. build and verify time for 1, 10, 50 pages (scans, 300 dpi)
    distinct = [text_page(i, 300, photo=False) for i in range(5)]
    print("\n| pages | build (s) | verify (s) | bundle size | bytes/page |")
    print("|---:|---:|---:|---:|---:|")
    for n in (1, 10, 50):
        docs = make_docs([distinct[i % 5] for i in range(n)])
        runs = 3 if n < 50 else 1
        builds, verifies = [], []
        for _ in range(runs):
            t = time.perf_counter()
            b = build_bundle(
                docs, holder_id="h", language="fr", key=key, kiosk_id="bench", passphrase=phrase
            )
            builds.append(time.perf_counter() - t)
            t = time.perf_counter()
            verify_bundle(b.pdf, passphrase=phrase, trusted_keys=[key.public_bytes])
            verifies.append(time.perf_counter() - t)
        per = bundle_bytes_without_cover(b.pdf, phrase) / n
        print(
            f"| {n} | {statistics.median(builds):.2f} | {statistics.median(verifies):.2f} | "
            f"{len(b.pdf) / 1024:.0f} KiB | {per / 1024:.1f} KiB |"
        )

    # 2. JPEG quality for photographed pages: size vs legibility
    photo_page, _, photo_truth = text_page(100, 200, photo=True)
    print("\n| JPEG quality (photo page, 200 dpi) | bytes | OCR word recall |")
    print("|---:|---:|---:|")
    for q in (40, 50, 60, 70, 85):
        enc = images.encode_jpeg(photo_page.color, quality=q)
        dec = cv2.imdecode(np.frombuffer(enc.data, np.uint8), cv2.IMREAD_GRAYSCALE)
        print(f"| {q} | {len(enc.data) / 1024:.0f} KiB | {ocr_recall(dec, photo_truth, 200):.3f} |")

    # 3. bytes per page against ocrmypdf --optimize 2, and legibility from the bundle
    sets = {
        "scan 300 dpi": [text_page(200 + i, 300, photo=False) for i in range(3)],
        "photo 200 dpi": [text_page(300 + i, 200, photo=True) for i in range(3)],
    }
    have_ocrmypdf = Path(args.ocrmypdf).exists()
    print(
        "\n| pages | NextStep bundle bytes/page | encoding | ocrmypdf --optimize 2 bytes/page |"
        " OCR recall on bundle images | OCR recall on originals |"
    )
    print("|---|---:|---|---:|---:|---:|")
    scratch = Path("/tmp") / f"nextstep-bench-{os.getpid()}"
    scratch.mkdir(exist_ok=True)
    try:
        for name, pages in sets.items():
            docs = make_docs(pages)
            b = build_bundle(
                docs, holder_id="h", language="fr", key=key, kiosk_id="bench", passphrase=phrase
            )
            per = bundle_bytes_without_cover(b.pdf, phrase) / len(pages)
            stored = bundle_page_images(b.pdf, phrase)
            recall_bundle = ocr_recall(stored[0][0], pages[0][2], pages[0][0].dpi)
            recall_orig = ocr_recall(pages[0][0].gray, pages[0][2], pages[0][0].dpi)
            other = "n/a"
            if have_ocrmypdf:
                result = run_ocrmypdf(args.ocrmypdf, plain_pdf([p for p, _, _ in pages]), scratch)
                if result:
                    other = f"{result[0] / len(pages) / 1024:.1f} KiB"
            print(
                f"| {name} | {per / 1024:.1f} KiB | {stored[0][1]} | {other} | "
                f"{recall_bundle:.3f} | {recall_orig:.3f} |"
            )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    # 4. peak memory of a 50-page build + verify, in a fresh process
    res = subprocess.run(
        [sys.executable, __file__, "--memory-child", "50"],
        capture_output=True,
        text=True,
        check=True,
    )
    mem = json.loads(res.stdout)
    print(
        f"\nPeak RSS, 50 scan pages (300 dpi, 5 distinct images) build + verify: "
        f"{mem['peak_mib']:.0f} MiB (RSS with the inputs in memory, before building: "
        f"{mem['inputs_mib']:.0f} MiB); bundle {mem['bundle_bytes'] / 1024:.0f} KiB"
    )


if __name__ == "__main__":
    main()
