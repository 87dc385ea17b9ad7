"""Reference numbers in letters, validated by their checksums where the standard has one.

- Belgian national register number (NISS/INSZ, 11 digits YYMMDD-SSS-CC): CC = 97 - (first nine
  digits mod 97); for people born from 2000 on, the nine digits are prefixed with "2".
- IBAN (ISO 13616): move the first four characters to the end, letters to 10..35, mod 97 == 1.
- Belgian structured communication +++123/4567/89012+++: the last two digits are the first ten
  mod 97 (97 when the remainder is 0).
- CGRA/CGVS and Office des Étrangers/DVZ file numbers have no public checksum: found by pattern
  next to the institution's name, ``valid`` stays None.
"""

from __future__ import annotations

import re

from nextstep.model import Reference

IBAN_LENGTHS = {
    "BE": 16, "NL": 18, "DE": 22, "FR": 27, "LU": 20, "GB": 22, "ES": 24, "IT": 27, "PT": 25,
    "CH": 21, "AT": 20, "PL": 28, "RO": 24, "BG": 22, "IE": 22, "MA": 28, "TN": 24, "TR": 26,
}  # fmt: skip


def nrn_valid(digits: str) -> bool:
    """Mod-97 check of a Belgian national register number (11 digits), both century rules."""
    if len(digits) != 11 or not digits.isdigit():
        return False
    base, check = int(digits[:9]), int(digits[9:])
    return 97 - base % 97 == check or 97 - int("2" + digits[:9]) % 97 == check


def iban_valid(iban: str) -> bool:
    s = re.sub(r"\s+", "", iban).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}", s):
        return False
    expected = IBAN_LENGTHS.get(s[:2])
    if expected is not None and len(s) != expected:
        return False
    num = "".join(str(int(c, 36)) for c in s[4:] + s[:4])
    return int(num) % 97 == 1


def structured_valid(digits: str) -> bool:
    if len(digits) != 12 or not digits.isdigit():
        return False
    return (int(digits[:10]) % 97 or 97) == int(digits[10:])


_NRN = re.compile(r"(?<![\d.])(\d{2})[. ]?(\d{2})[. ]?(\d{2})[ .-]?(\d{3})[ .-]?(\d{2})(?![\d])")
_NRN_CONTEXT = re.compile(
    r"registre national|rijksregister|nationalregister|national (?:register|number)|"
    r"\bNISS\b|\bINSZ\b|\bNN\b|\bRRN\b|identification",
    re.I,
)
# groups of four may be split over a line by the layout ("BE52\n0012 3456 8409")
_IBAN = re.compile(
    r"\b([A-Z]{2}\d{2}(?:[ \t]?\n?[ \t]?[A-Z0-9]{4}){2,7}(?:[ \t]?\n?[ \t]?[A-Z0-9]{1,3})?)\b"
)
_STRUCT = re.compile(r"[+*]{2,3}\s*(\d{3})\s*/\s*(\d{4})\s*/\s*(\d{5})\s*[+*]{0,3}")
#: the delimiters lost or misread by OCR, the check digits still right: 123/4567/89012
_STRUCT_BARE = re.compile(r"(?<![\d/])(\d{3})\s*/\s*(\d{4})\s*/\s*(\d{5})(?![\d/])")
_CGRA = re.compile(
    r"(?:CGRA|CGVS|CGRS|GKFS|\bCG\b|Commissariat[^\n]{0,60}?)[^\n\d]{0,40}?"
    r"(\d{2}/\d{4,6}(?:/[A-Z0-9]{1,3})?|\d{7})\b"
)
_OE = re.compile(
    r"(?:\bOE\b|\bDVZ\b|\bSP\b|Office des [ÉE]trangers|Dienst Vreemdelingenzaken|"
    r"Ausländeramt|Immigration Office)[^\n\d]{0,40}?(\d{1,2}\.?\d{3}\.?\d{3})\b",
    re.I,
)
_FILE = re.compile(
    r"(?:Dossier|Réf(?:érence)?\.?|Notre réf\.?|Votre réf\.?|N° de dossier|Kenmerk|"
    r"Ons kenmerk|Uw kenmerk|Dossiernummer|Dossiernr\.?|Referentie|Aktenzeichen|Az\.|"
    r"Geschäftszeichen|Unser Zeichen|Our ref(?:erence)?\.?|Reference|File (?:no|number)\.?|"
    r"Your ref(?:erence)?\.?|Uw referte|Referte|N/réf\.?|V/réf\.?|Akte(?:nnummer)?|Az)"
    # possessive blanks: a long run of them after a label is read once, not shared out
    r"\s*+(?:n[°o]\.?|nr\.?|:)?\s*+:?\s*+([A-Z0-9][A-Z0-9/.\-]{3,}[A-Z0-9])",
    re.I,
)


#: who the letter is from decides what a number behind a generic label ("Ons kenmerk",
#: "Our reference", "Akte") is: the Immigration Office's file or the CGRA's
_OE_SENDER = re.compile(
    r"Office des [ÉE]trangers|Dienst Vreemdelingenzaken|\bDVZ\b|\bOE\b|Ausländeramt|"
    r"Immigration Office|Ausländerbehörde|FPS Home Affairs|SPF Intérieur|FOD Binnenlandse",
    re.I,
)
_CGRA_SENDER = re.compile(
    r"\bCGRA\b|\bCGVS\b|\bCGRS\b|\bGKFS\b|Commissariat général|Commissariaat-generaal|"
    r"Generalkommissariat|Commissioner General",
    re.I,
)
_OE_NUMBER = re.compile(r"\d{1,2}\.\d{3}\.\d{3}|\d{7,8}")
_CGRA_NUMBER = re.compile(r"(?:CG\s*)?\d{2}/\d{4,6}(?:/[A-Z0-9]{1,3})?|CG\s*\d{7}|\d{7}")


def _generic_kind(value: str, text: str) -> str:
    """``oe_file``/``cgra_file`` when a generic label's number has the institution's shape and
    the institution is named in the letter; else ``file``."""
    head = text[:600]
    if _CGRA_NUMBER.fullmatch(value) and _CGRA_SENDER.search(head):
        return "cgra_file"
    if _OE_NUMBER.fullmatch(value) and _OE_SENDER.search(head):
        return "oe_file"
    return "file"


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def find_references(text: str) -> list[Reference]:
    """Every reference number in ``text`` with its checksum verdict, in order, deduplicated."""
    found: list[tuple[int, Reference]] = []
    taken: list[tuple[int, int]] = []

    def add(pos: tuple[int, int], ref: Reference) -> None:
        if any(a < pos[1] and pos[0] < b for a, b in taken):
            return
        taken.append(pos)
        found.append((pos[0], ref))

    for m in _STRUCT.finditer(text):
        d = "".join(m.groups())
        add(m.span(), Reference("structured_communication", d, structured_valid(d)))
    for m in _STRUCT_BARE.finditer(text):
        d = "".join(m.groups())
        if structured_valid(d):
            add(m.span(), Reference("structured_communication", d, True))
    for m in _IBAN.finditer(text):
        raw = re.sub(r"\s+", "", m.group(1))
        cc = raw[:2]
        if cc in IBAN_LENGTHS and len(raw) > IBAN_LENGTHS[cc]:
            raw = raw[: IBAN_LENGTHS[cc]]
        if cc not in IBAN_LENGTHS and not iban_valid(raw):
            continue
        add(m.span(), Reference("iban", raw, iban_valid(raw)))
    for m in _NRN.finditer(text):
        d = "".join(m.groups())
        month = int(d[2:4]) % 20 if int(d[2:4]) < 60 else 99
        separated = len(m.group(0)) > 11
        context = _NRN_CONTEXT.search(text[max(0, m.start() - 80) : m.start()])
        valid = nrn_valid(d)
        if month > 12 or not (valid or context or separated):
            continue
        if not valid and not context:
            continue  # an unvalidated 11-digit run with no label is more likely something else
        add(m.span(), Reference("national_register", d, valid))
    for m in _CGRA.finditer(text):
        add(m.span(1), Reference("cgra_file", m.group(1)))
    for m in _OE.finditer(text):
        add(m.span(1), Reference("oe_file", m.group(1)))
    for m in _FILE.finditer(text):
        value = m.group(1).rstrip(".-/")
        if sum(c.isdigit() for c in value) < 3:
            continue
        add(m.span(1), Reference(_generic_kind(value, text), value))
    found.sort(key=lambda t: t[0])
    out: list[Reference] = []
    seen: set[tuple[str, str]] = set()
    for _, ref in found:
        key = (ref.kind, _digits(ref.value) or ref.value)
        if key not in seen:
            seen.add(key)
            out.append(ref)
    return out
