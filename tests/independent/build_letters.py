#!/usr/bin/env python3
"""Build tests/independent/letters.json from the hand-written letters in src_*.py.

The letters were written by hand for issue 4's independent evaluation, without reading the
project's classifier, date or reference code nor its corpus templates. Only the check digits are
computed here (never guessed): a token in a letter is replaced by a valid number and recorded as
a reference, and relative deadlines ("+30d", "+3m") are resolved against the letter's date.

Tokens: {nrn:YYYY-MM-DD:SSS} (dotted) / {nrnp:...} (plain), {iban:10 digits} (grouped) /
{ibanp:...} (compact), {ogm:10 digits} (+++) / {ogms:...} (***), {cgra:literal}, {oe:literal}.

    .venv/bin/python tests/independent/build_letters.py      # rewrites letters.json
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import checksums  # noqa: E402
import src_deu  # noqa: E402
import src_eng  # noqa: E402
import src_fra  # noqa: E402
import src_nld  # noqa: E402

TOKEN = re.compile(r"\{(nrnp?|ibanp?|ogms?|cgra|oe):([^}]+)\}")
KIND = {
    "nrn": "national_register",
    "iban": "iban",
    "ogm": "structured_communication",
    "cgra": "cgra_file",
    "oe": "oe_file",
}

MONTHS = {
    "fra": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "nld": (
        "januari februari maart april mei juni juli augustus september oktober november december"
    ),
    "deu": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "eng": "January February March April May June July August September October November December",
}
WEEKDAYS = {
    "fra": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "nld": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "deu": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "eng": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
}


def expand(token: re.Match[str]) -> tuple[str, dict[str, str]]:
    name, arg = token.group(1), token.group(2)
    base = name.rstrip("ps") if name not in ("oe",) else name
    if name in ("nrn", "nrnp"):
        ymd, serial = arg.rsplit(":", 1)
        value = checksums.nrn(dt.date.fromisoformat(ymd), int(serial))
        shown = (
            value
            if name == "nrnp"
            else f"{value[:2]}.{value[2:4]}.{value[4:6]}-{value[6:9]}.{value[9:]}"
        )
        base = "nrn"
    elif name in ("iban", "ibanp"):
        value = checksums.iban_from_account(arg)
        shown = value if name == "ibanp" else " ".join(value[i : i + 4] for i in range(0, 16, 4))
        base = "iban"
    elif name in ("ogm", "ogms"):
        value = checksums.ogm(arg)
        mark = "+++" if name == "ogm" else "***"
        shown = f"{mark}{value[:3]}/{value[3:7]}/{value[7:]}{mark}"
        base = "ogm"
    else:
        value = shown = arg
    return shown, {"kind": KIND[base], "value": value}


def add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def resolve(spec: str, doc: dt.date) -> tuple[dt.date, bool]:
    if spec.startswith("+"):
        n = int(spec[1:-1])
        return (doc + dt.timedelta(days=n) if spec.endswith("d") else add_months(doc, n)), True
    return dt.date.fromisoformat(spec), False


def check_weekdays(lang: str, text: str, doc: dt.date) -> list[str]:
    """Every 'weekday [the] day month [year]' in the text must name the right weekday."""
    wd = WEEKDAYS[lang].split()
    months = MONTHS[lang].split()
    pat = re.compile(
        rf"\b({'|'.join(wd)}),?\s+(?:(?:the|dem|den)\s+)?(\d{{1,2}})(?:er|\.)?\s+"
        rf"({'|'.join(months)})(?:\s+(\d{{4}}))?",
        re.IGNORECASE,
    )
    num = re.compile(rf"\b({'|'.join(wd)}),?\s+(\d{{1,2}})[./](\d{{1,2}})[./](\d{{4}})", re.I)
    problems = []
    for m in pat.finditer(text):
        day, month = int(m.group(2)), [x.lower() for x in months].index(m.group(3).lower()) + 1
        if m.group(4):
            year = int(m.group(4))
        else:
            year = doc.year if (month, day) >= (doc.month, doc.day) else doc.year + 1
        got = dt.date(year, month, day)
        if wd[got.weekday()].lower() != m.group(1).lower():
            problems.append(f"{m.group(0)!r} is a {wd[got.weekday()]}")
    for m in num.finditer(text):
        got = dt.date(int(m.group(4)), int(m.group(3)), int(m.group(2)))
        if wd[got.weekday()].lower() != m.group(1).lower():
            problems.append(f"{m.group(0)!r} is a {wd[got.weekday()]}")
    return problems


def build() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    problems: list[str] = []
    for lang, module in (("fra", src_fra), ("nld", src_nld), ("deu", src_deu), ("eng", src_eng)):
        for src in module.LETTERS:
            refs: list[dict[str, str]] = []

            def sub(m: re.Match[str], refs: list[dict[str, str]] = refs) -> str:
                shown, ref = expand(m)
                refs.append(ref)
                return shown

            text = TOKEN.sub(sub, src["text"])
            doc = dt.date.fromisoformat(src["date"] or src["received"])
            deadlines = []
            for item in src["deadlines"]:
                spec, kind = item[0], item[1]
                date, computed = resolve(spec, doc)
                computed = computed or (len(item) > 2 and bool(item[2]))
                if date <= doc:
                    problems.append(f"{src['id']}: deadline {date} not after the letter")
                deadlines.append({"date": date.isoformat(), "kind": kind, "computed": computed})
            words = len(text.split())
            if not 60 <= words <= 250:
                problems.append(f"{src['id']}: {words} words")
            problems += [f"{src['id']}: {p}" for p in check_weekdays(lang, text, doc)]
            assert src["id"].startswith(lang + "-" + src["category"]), src["id"]
            out.append(
                {
                    "id": src["id"],
                    "language": lang,
                    "category": src["category"],
                    "document_date": src["date"],
                    # the day the letter reached the person: "today" when it is read
                    "received": src["date"] or src["received"],
                    "deadlines": deadlines,
                    "references": refs,
                    "text": text,
                }
            )
    if problems:
        raise SystemExit("\n".join(problems))
    return out


def main() -> int:
    letters = build()
    (HERE / "letters.json").write_text(
        json.dumps(letters, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(letters)} letters to {HERE / 'letters.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
