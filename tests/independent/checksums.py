"""Belgian check digits, computed independently of nextstep.understanding.references.

Used by build_letters.py to write valid numbers into the letters and by the tests to check the
data file itself; written from the published rules, not from the project's code:
- IBAN (ISO 13616): move "BE00" to the end, letters to numbers (A=10 ... Z=35), 98 - mod 97;
  the Belgian BBAN's own last two digits are the first ten mod 97 (97 when 0).
- National register number: 97 - (first nine digits mod 97); for people born in 2000 or later
  the nine digits are prefixed with "2" before the modulo.
- Structured communication (OGM/VCS): first ten digits mod 97, 97 when the remainder is 0.
"""

from __future__ import annotations

import datetime as dt


def bban_check(ten: str) -> str:
    r = int(ten) % 97
    return f"{97 if r == 0 else r:02d}"


def iban_from_account(ten: str) -> str:
    """'BEkk' + 12 digits from a 10-digit bank code + account number."""
    assert len(ten) == 10 and ten.isdigit()
    bban = ten + bban_check(ten)
    num = bban + "1114" + "00"  # B=11, E=14
    kk = 98 - int(num) % 97
    return f"BE{kk:02d}{bban}"


def iban_valid(iban: str) -> bool:
    s = iban.replace(" ", "").upper()
    if not (s.startswith("BE") and len(s) == 16 and s[2:].isdigit()):
        return False
    moved = s[4:] + s[:4]
    digits = "".join(str(int(c, 36)) for c in moved)
    return int(digits) % 97 == 1 and s[-2:] == bban_check(s[4:14])


def nrn(birth: dt.date, serial: int) -> str:
    """Eleven digits YYMMDDSSSCC."""
    nine = f"{birth:%y%m%d}{serial:03d}"
    base = int(("2" + nine) if birth.year >= 2000 else nine)
    return nine + f"{97 - base % 97:02d}"


def nrn_valid(value: str) -> bool:
    d = "".join(c for c in value if c.isdigit())
    if len(d) != 11:
        return False
    nine, cc = d[:9], int(d[9:])
    return cc in (97 - int(nine) % 97, 97 - int("2" + nine) % 97)


def ogm(ten: str) -> str:
    assert len(ten) == 10 and ten.isdigit()
    r = int(ten) % 97
    return ten + f"{97 if r == 0 else r:02d}"


def ogm_valid(value: str) -> bool:
    d = "".join(c for c in value if c.isdigit())
    if len(d) != 12:
        return False
    r = int(d[:10]) % 97
    return int(d[10:]) == (97 if r == 0 else r)
