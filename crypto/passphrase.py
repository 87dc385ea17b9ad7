"""Bundle passphrases: 25 random digits in five groups, each group closed by a check digit.

Why digits: they exist on every keyboard (including phones and Arabic keyboards, whose
Arabic-Indic digits :func:`normalize` maps back to ASCII), they read the same in every
language, and a person with little French can copy them from the key card without knowing
any word list. Why check digits: a typo is caught *per group* before the PDF reader says only
"wrong password", so the kiosk can say which group to look at (BitLocker recovery keys work
the same way). We use the Damm algorithm, which detects every single-digit error and every
swap of two adjacent digits; the group's position is mixed into its check digit so two
swapped groups are caught as well.

Entropy: 5 groups x 5 random digits = 10**25 possibilities, log2(10**25) ~= 83.0 bits (the
issue asks for at least 77). The check digits add no entropy and are not counted.
The canonical form, which is also the PDF user password, is ``ddddd c-ddddd c-...``
without spaces: ``123455-678904-...`` (six characters per group, dash-separated).
"""

from __future__ import annotations

import math
import secrets
import unicodedata

from crypto.errors import CryptoError

GROUPS = 5
RANDOM_DIGITS = 5  # per group, before the check digit
GROUP_LEN = RANDOM_DIGITS + 1
SEPARATOR = "-"
ENTROPY_BITS = GROUPS * RANDOM_DIGITS * math.log2(10)

# The Damm quasigroup of order 10 (Damm 2004), as published.
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


class PassphraseError(CryptoError):
    """A typed passphrase is malformed; ``group`` is the 1-based group at fault (0 = length)."""

    def __init__(self, message: str, *, hint: str = "", group: int = 0) -> None:
        super().__init__(message, hint=hint)
        self.group = group


def damm(digits: str) -> int:
    """The Damm interim digit of ``digits``; appending it makes :func:`damm` return 0."""
    interim = 0
    for ch in digits:
        interim = _DAMM[interim][int(ch)]
    return interim


def _group_check(index: int, body: str) -> str:
    # The 1-based group number is mixed in first so swapped groups fail their checks.
    return str(damm(str(index + 1) + body))


def generate() -> str:
    """A fresh passphrase from :mod:`secrets`, in canonical form."""
    groups = []
    for i in range(GROUPS):
        body = "".join(str(secrets.randbelow(10)) for _ in range(RANDOM_DIGITS))
        groups.append(body + _group_check(i, body))
    return SEPARATOR.join(groups)


def _digits_only(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFKC", text):
        if ch.isspace() or ch in "-‐‑‒–—_.,/":
            continue
        value = unicodedata.digit(ch, None)
        if value is None:
            raise PassphraseError(
                f"The passphrase contains '{ch}', which is not a digit.",
                hint="Type only the digits printed on the key card.",
            )
        out.append(str(value))
    return "".join(out)


def normalize(text: str) -> str:
    """Canonical form of what a person typed: any separators, any Unicode digits accepted.

    Raises :class:`PassphraseError` when the digits cannot form a passphrase (wrong count or a
    non-digit), without judging the check digits (see :func:`check`).
    """
    digits = _digits_only(text)
    expected = GROUPS * GROUP_LEN
    if len(digits) != expected:
        raise PassphraseError(
            f"The passphrase has {len(digits)} digits; it should have {expected}.",
            hint=f"Type the {GROUPS} groups of {GROUP_LEN} digits from the key card.",
        )
    return SEPARATOR.join(digits[i : i + GROUP_LEN] for i in range(0, expected, GROUP_LEN))


def check(text: str) -> str:
    """Normalise and verify every group's check digit; return the canonical passphrase.

    The error names the first wrong group so staff can point at it on the card.
    """
    canonical = normalize(text)
    for i, group in enumerate(canonical.split(SEPARATOR)):
        if _group_check(i, group[:RANDOM_DIGITS]) != group[RANDOM_DIGITS]:
            raise PassphraseError(
                f"Group {i + 1} of the passphrase ({group}) has a typing mistake.",
                hint=f"Compare group {i + 1} digit by digit with the key card.",
                group=i + 1,
            )
    return canonical


def validate(text: str) -> bool:
    """True when ``text`` is a well-formed passphrase with correct check digits."""
    try:
        check(text)
    except PassphraseError:
        return False
    return True
