#!/usr/bin/env python3
"""Development corpus: varied, labelled Belgian administrative letters with capture damage.

Each document is composed from the phrase banks (institution, subject, body sentences,
deadline sentences in many date formats, relative deadlines, references with valid checksums,
a date of birth as a distractor), rendered with a random DejaVu family, size, margins and
spacing (sometimes over two pages), then degraded as a flatbed ``scan`` (slight skew, noise)
or a camera ``photo`` (perspective, background, uneven light, blur, noise, JPEG).

Splits: ``train`` draws from the even entries of every phrase list, ``test`` (held out, never
tuned on) from the odd entries, so held-out letters come from other institutions and wordings.

    .venv/bin/python tools/corpus/generate.py --split test --n 40 --out /tmp/corpus
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus.banks import (  # noqa: E402
    BANKS,
    CITIES,
    CLOSING,
    DEADLINES,
    GREETING,
    NAMES,
    RELATIVE,
    STREETS,
)
from corpus.render import BLANK, PAGEBREAK, RULE, B, Block, P, R, S, T, render  # noqa: E402

LANGS = ("fra", "nld", "deu", "eng")
CATEGORIES = tuple(BANKS)
CONDITIONS = ("scan", "photo")

MONTHS = {  # noqa: E501
    "fra": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "nld": "januari februari maart april mei juni juli augustus september oktober november december",  # noqa: E501
    "deu": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "eng": "January February March April May June July August September October November December",
}
DAYS = {
    "fra": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "nld": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "deu": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "eng": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
}


def fmt_date(d: dt.date, lang: str, rng: random.Random) -> str:
    m = MONTHS[lang].split()[d.month - 1]
    styles = {
        "fra": [f"{'1er' if d.day == 1 else d.day} {m} {d.year}", f"{d:%d/%m/%Y}", f"{d:%d.%m.%Y}"],
        "nld": [f"{d.day} {m} {d.year}", f"{d:%d/%m/%Y}", f"{d:%d-%m-%Y}"],
        "deu": [f"{d.day}. {m} {d.year}", f"{d:%d.%m.%Y}"],
        "eng": [f"{d.day} {m} {d.year}", f"{m} {d.day}, {d.year}", f"{d:%d/%m/%Y}"],
    }[lang]
    return rng.choice(styles)


def fmt_wdate(d: dt.date, lang: str) -> str:
    m = MONTHS[lang].split()[d.month - 1]
    w = DAYS[lang].split()[d.weekday()]
    return {
        "fra": f"{w} {d.day} {m} {d.year}",
        "nld": f"{w} {d.day} {m} {d.year}",
        "deu": f"{w}, {d.day}. {m} {d.year}",
        "eng": f"{w} {d.day} {m} {d.year}",
    }[lang]


def fmt_time(lang: str, rng: random.Random) -> str:
    h, mi = rng.randint(8, 16), rng.choice([0, 15, 30, 45])
    return {
        "fra": f"{h}h{mi:02d}",
        "nld": f"{h}u{mi:02d}",
        "deu": f"{h}:{mi:02d} Uhr",
        "eng": f"{h}:{mi:02d}",
    }[lang]


def half(items: list[str], split: str) -> list[str]:
    if len(items) < 2:
        return items
    return items[0::2] if split == "train" else items[1::2]


def nrn(birth: dt.date, serial: int) -> tuple[str, str]:
    base = f"{birth:%y%m%d}{serial:03d}"
    num = int(("2" if birth.year >= 2000 else "") + base)
    check = 97 - num % 97
    return f"{base[:2]}.{base[2:4]}.{base[4:6]}-{base[6:9]}.{check:02d}", f"{base}{check:02d}"


def structured(rng: random.Random) -> tuple[str, str]:
    ten = f"{rng.randrange(10**10):010d}"
    d = f"{ten}{int(ten) % 97 or 97:02d}"
    return f"+++{d[:3]}/{d[3:7]}/{d[7:]}+++", d


def be_iban(rng: random.Random) -> tuple[str, str]:
    acc = f"{rng.randrange(10**10):010d}"
    bban = f"{acc}{int(acc) % 97 or 97:02d}"
    kk = 98 - int(bban + "111400") % 97
    raw = f"BE{kk:02d}{bban}"
    return " ".join(raw[i : i + 4] for i in range(0, 16, 4)), raw


LABELS = {
    "nrn": {"fra": "Numéro de registre national", "nld": "Rijksregisternummer",
            "deu": "Nationalregisternummer", "eng": "National register number"},
    "ref": {"fra": "Notre référence", "nld": "Ons kenmerk", "deu": "Unser Zeichen",
            "eng": "Our reference"},
    "born": {"fra": "né(e) le", "nld": "geboren op", "deu": "geboren am", "eng": "born on"},
    "concerns": {"fra": "Concerne", "nld": "Betreft", "deu": "Betrifft", "eng": "Re"},
    "account": {"fra": "sur le compte {iban} avec la communication structurée {comm}",
                "nld": "op rekening {iban} met de gestructureerde mededeling {comm}",
                "deu": "auf das Konto {iban} mit der strukturierten Mitteilung {comm}",
                "eng": "to account {iban} with the structured communication {comm}"},
    "transfer": {"fra": "Le virement se fait", "nld": "De overschrijving gebeurt",
                 "deu": "Die Überweisung erfolgt", "eng": "Please make the transfer"},
}  # fmt: skip


@dataclass
class Doc:
    id: str
    category: str
    language: str
    split: str
    document_date: dt.date
    deadlines: list[dict[str, object]] = field(default_factory=list)
    references: list[dict[str, str]] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)


def compose(rng: random.Random, category: str, lang: str, split: str, idx: int) -> Doc:
    bank = BANKS[category][lang]
    doc_date = dt.date(2026, 9, 1) + dt.timedelta(days=rng.randrange(300))
    doc = Doc(f"{split}-{idx:04d}-{category}-{lang}", category, lang, split, doc_date)
    name = rng.choice(NAMES)
    city = rng.choice(CITIES[lang])
    blocks: list[Block] = [T(rng.choice(half(bank["inst"], split)))]
    blocks.append(S(f"{rng.choice(STREETS)} - {rng.randint(1000, 9999)} {city}"))
    if rng.random() < 0.6:
        blocks.append(RULE)
    blocks.append(P(f"{name}\n{rng.choice(STREETS)}\n{rng.randint(1000, 9999)} {city}"))
    date_line = f"{city}, {fmt_date(doc_date, lang, rng)}"
    if lang == "fra" and rng.random() < 0.5:
        date_line = f"{city}, le {fmt_date(doc_date, lang, rng)}"
    blocks.append(R(date_line) if rng.random() < 0.7 else P(date_line))
    refs: list[str] = []
    if category != "other" and rng.random() < 0.8:
        value = f"{doc_date.year}/{rng.randrange(100000):05d}"
        refs.append(f"{LABELS['ref'][lang]} : {value}")
        doc.references.append({"kind": "file", "value": value})
    if category == "asylum" and rng.random() < 0.8:
        value = f"{doc_date.year % 100:02d}/{rng.randrange(10000, 99999)}"
        refs.append(f"CGRA/CGVS : {value}")
        doc.references.append({"kind": "cgra_file", "value": value})
    if category in ("asylum", "residence") and rng.random() < 0.6:
        d = rng.randrange(1_000_000, 9_999_999)
        value = f"{d // 1_000_000}.{d // 1000 % 1000:03d}.{d % 1000:03d}"
        refs.append(f"{'DVZ' if lang == 'nld' else 'OE'} : {value}")
        doc.references.append({"kind": "oe_file", "value": value})
    if category != "other" and rng.random() < 0.5:
        birth = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(20000))
        shown, digits = nrn(birth, rng.randrange(1, 998))
        refs.append(f"{LABELS['nrn'][lang]} : {shown}")
        doc.references.append({"kind": "national_register", "value": digits})
    if refs:
        blocks.append(P("\n".join(refs)))
    blocks.append(B(rng.choice(half(bank["subj"], split))))
    if category != "other" and rng.random() < 0.35:  # date of birth: never a deadline
        birth = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(18000))
        blocks.append(
            P(f"{LABELS['concerns'][lang]}: {name}, {LABELS['born'][lang]} "
              f"{fmt_date(birth, lang, rng)}")
        )  # fmt: skip
    blocks.append(P(rng.choice(GREETING[lang])))
    body = half(bank["body"], split)[:]
    rng.shuffle(body)
    amount = f"{rng.randint(50, 1900)},{rng.randint(0, 99):02d}"
    sentences = [s.replace("{amount}", amount) for s in body[: rng.randint(2, len(body))]]
    if category != "other":
        kinds = rng.sample(list(DEADLINES), k=rng.choice([1, 1, 2]))
        for kind in kinds:
            d = doc_date + dt.timedelta(days=rng.randint(5, 120))
            tpl = rng.choice(DEADLINES[kind][lang])
            s = tpl.format(
                date=fmt_date(d, lang, rng), wdate=fmt_wdate(d, lang), time=fmt_time(lang, rng)
            )
            if kind == "payment":
                iban_shown, iban = be_iban(rng)
                comm_shown, comm = structured(rng)
                s += (
                    " "
                    + LABELS["transfer"][lang]
                    + " "
                    + LABELS["account"][lang].format(iban=iban_shown, comm=comm_shown)
                    + "."
                )
                doc.references += [
                    {"kind": "iban", "value": iban},
                    {"kind": "structured_communication", "value": comm},
                ]
            sentences.insert(rng.randint(0, len(sentences)), s)
            doc.deadlines.append({"date": d.isoformat(), "kind": kind, "computed": False})
        if rng.random() < 0.3:
            kind = rng.choice(list(RELATIVE))
            n = rng.choice([8, 10, 15, 30])
            sentences.append(rng.choice(RELATIVE[kind][lang]).format(n=n))
            d = doc_date + dt.timedelta(days=n)
            doc.deadlines.append({"date": d.isoformat(), "kind": kind, "computed": True})
    if rng.random() < 0.5:  # group into paragraphs of 1-3 sentences
        paras, i = [], 0
        while i < len(sentences):
            k = rng.randint(1, 3)
            paras.append(" ".join(sentences[i : i + k]))
            i += k
        sentences = paras
    two_pages = rng.random() < 0.2
    for i, s in enumerate(sentences):
        if two_pages and i == max(1, len(sentences) // 2):
            blocks.append(PAGEBREAK)
        blocks.append(P(s))
    blocks += [BLANK, P(rng.choice(CLOSING[lang]))]
    doc.blocks = blocks
    return doc


# ---- capture damage -------------------------------------------------------------------


def damage_scan(page: Image.Image, rng: random.Random) -> np.ndarray:
    g = np.asarray(page, dtype=np.float32)
    angle = rng.uniform(-1.5, 1.5)
    h, w = g.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    g = cv2.warpAffine(g, m, (w, h), borderValue=255.0)
    if rng.random() < 0.5:
        g = cv2.GaussianBlur(g, (0, 0), rng.uniform(0.3, 0.7))
    g = g * rng.uniform(0.9, 1.0) + rng.uniform(0, 15)
    g += np.random.default_rng(rng.randrange(2**32)).normal(0, rng.uniform(2, 7), g.shape)
    return np.clip(g, 0, 255).astype(np.uint8)


def damage_photo(page: Image.Image, rng: random.Random) -> np.ndarray:
    """A phone photo of the page: tilted on a table, uneven light, blur, sensor noise, JPEG."""
    nrng = np.random.default_rng(rng.randrange(2**32))
    src = cv2.cvtColor(np.asarray(page), cv2.COLOR_GRAY2BGR)
    tint = np.array([rng.uniform(0.88, 0.98), rng.uniform(0.9, 0.99), rng.uniform(0.92, 1.0)])
    src = cv2.multiply(src, np.full(src.shape, tint, np.float32), dtype=cv2.CV_8U)
    ch, cw = 3000, 2250
    ph, pw = src.shape[:2]
    scale = rng.uniform(0.80, 0.9) * ch / ph
    tw, th = pw * scale, ph * scale
    x0, y0 = (cw - tw) / 2, (ch - th) / 2
    j = 0.04 * cw
    dst = np.float32([
        [x0 + rng.uniform(-j, j), y0 + rng.uniform(-j, j)],
        [x0 + tw + rng.uniform(-j, j), y0 + rng.uniform(-j, j)],
        [x0 + tw + rng.uniform(-j, j), y0 + th + rng.uniform(-j, j)],
        [x0 + rng.uniform(-j, j), y0 + th + rng.uniform(-j, j)],
    ])  # fmt: skip
    srcq = np.float32([[0, 0], [pw, 0], [pw, ph], [0, ph]])
    mat = cv2.getPerspectiveTransform(srcq, dst)
    grey = int(rng.uniform(40, 120))
    img = cv2.warpPerspective(
        src, mat, (cw, ch), flags=cv2.INTER_AREA, borderMode=cv2.BORDER_CONSTANT,
        borderValue=(grey, grey, grey),
    )  # fmt: skip
    gx, gy = rng.uniform(-0.25, 0.25), rng.uniform(-0.25, 0.25)
    light = (
        1.0
        + gx * (np.linspace(-0.5, 0.5, cw, dtype=np.float32))[None, :]
        + gy * (np.linspace(-0.5, 0.5, ch, dtype=np.float32))[:, None]
    )
    light *= rng.uniform(0.85, 1.0)
    img = cv2.multiply(img, cv2.merge([light, light, light]), dtype=cv2.CV_8U)
    img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.6, 1.4))
    noise = nrng.standard_normal((ch, cw), dtype=np.float32) * rng.uniform(3, 8)
    img = cv2.add(img, cv2.merge([noise, noise, noise]), dtype=cv2.CV_8U)
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(60, 88)])
    assert ok
    return cv2.imdecode(buf, cv2.IMREAD_COLOR)


@dataclass
class Rendered:
    doc: Doc
    condition: str
    images: list[np.ndarray]  # grey for scans, BGR for photos
    dpi: float | None
    texts: list[str]


def build(doc: Doc, condition: str, rng: random.Random) -> Rendered:
    family = rng.choice(["sans", "serif", "condensed", "sans", "serif", "mono"])
    dpi = 300 if condition == "photo" else rng.choice([200, 300])
    pages, texts = render(
        doc.blocks,
        dpi=dpi,
        family=family,
        size_pt=rng.uniform(9.5, 12.0),
        margin_mm=rng.uniform(15, 28),
        line_spacing=rng.uniform(1.2, 1.5),
    )
    if condition == "scan":
        return Rendered(doc, condition, [damage_scan(p, rng) for p in pages], float(dpi), texts)
    return Rendered(doc, condition, [damage_photo(p, rng) for p in pages], None, texts)


def corpus(split: str, n_per_cell: int, seed: int) -> list[tuple[Doc, random.Random]]:
    """``n_per_cell`` documents for every (category, language), each with its own rng."""
    base = random.Random(f"{split}:{seed}")
    docs = []
    idx = 0
    for cat in CATEGORIES:
        for lang in LANGS:
            for _ in range(n_per_cell):
                rng = random.Random(base.randrange(2**63))
                docs.append((compose(rng, cat, lang, split, idx), rng))
                idx += 1
    return docs


def label(r: Rendered) -> dict[str, object]:
    d = r.doc
    return {
        "id": d.id, "category": d.category, "language": d.language, "split": d.split,
        "condition": r.condition, "document_date": d.document_date.isoformat(),
        "deadlines": d.deadlines, "references": d.references, "texts": r.texts,
    }  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description="Generate the development corpus.")
    ap.add_argument("--split", choices=["train", "test"], default="train")
    ap.add_argument("--n", type=int, default=2, help="documents per category and language")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--condition", choices=[*CONDITIONS, "both"], default="both")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    conds = CONDITIONS if args.condition == "both" else (args.condition,)
    labels = []
    for doc, rng in corpus(args.split, args.n, args.seed):
        for cond in conds:
            r = build(doc, cond, rng)
            files = []
            for i, img in enumerate(r.images, 1):
                ext = "jpg" if cond == "photo" else "png"
                name = f"{doc.id}-{cond}-p{i}.{ext}"
                buf = io.BytesIO()
                pil = Image.fromarray(img if img.ndim == 2 else img[..., ::-1])
                if r.dpi:
                    pil.save(buf, format="PNG", dpi=(r.dpi, r.dpi))
                else:
                    pil.save(buf, format="JPEG", quality=90)
                (args.out / name).write_bytes(buf.getvalue())
                files.append(name)
            labels.append({**label(r), "files": files})
    (args.out / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=1))
    print(f"{len(labels)} documents in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
