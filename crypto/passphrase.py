"""Bundle passphrases: 27 random digits in three groups of ten, each group closed by a check digit.

Why digits: they exist on every keyboard (including phones and Arabic keyboards, whose
Arabic-Indic digits :func:`normalize` maps back to ASCII), they read the same in every
language, and a person with little French can copy them from the key card without knowing
any word list. Why check digits: a typo is caught *per group* before the PDF reader says only
"wrong password", so the kiosk can say which group to look at (BitLocker recovery keys work
the same way). We use the Damm algorithm, which detects every single-digit error and every
swap of two adjacent digits; the group's position is mixed into its check digit so two
swapped groups are caught as well.

Entropy: 3 groups x 9 random digits = 10**27 possibilities, log2(10**27) ~= 89.7 bits (at
least 80 are asked). The check digits add no entropy and are not counted.

Why three groups of ten: every PDF reader must take the passphrase as printed *and* as bare
digits. poppler's command-line tools keep only the first 32 characters of a password, so the
printed form ``ddddddddd c-ddddddddd c-ddddddddd c`` (no spaces: 10 + 1 + 10 + 1 + 10 = 32
characters) is the longest that works everywhere; five groups of six (the first layout) made
34. The printed form is the PDF *user* password and the 30 bare digits the *owner* password:
an AES-256 R6 file opens with either in qpdf, mupdf, poppler, pdfium and pdf.js.

Bundles made with the first layout (five groups of six, 34 characters) still open: their
digits are also 30, so :func:`candidates` offers both layouts to the opener.
"""

from __future__ import annotations

import math
import secrets
import unicodedata

from crypto.errors import CryptoError

GROUPS = 3
RANDOM_DIGITS = 9  # per group, before the check digit
GROUP_LEN = RANDOM_DIGITS + 1
SEPARATOR = "-"
ENTROPY_BITS = GROUPS * RANDOM_DIGITS * math.log2(10)
#: The longest password poppler's command-line tools keep; every accepted form fits in it.
MAX_PASSWORD_CHARS = 32
# The first layout (five groups of five random digits and a check digit), still opened.
_LEGACY_GROUPS, _LEGACY_GROUP_LEN = 5, 6

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


def _layout(digits: str, group_len: int) -> str:
    return SEPARATOR.join(digits[i : i + group_len] for i in range(0, len(digits), group_len))


def _checks_pass(canonical: str) -> bool:
    return all(
        _group_check(i, group[:-1]) == group[-1]
        for i, group in enumerate(canonical.split(SEPARATOR))
    )


def digits_only(text: str) -> str:
    """The bare digits of a passphrase as typed (the PDF owner password of a bundle)."""
    return _digits_only(text)


def candidates(text: str) -> list[str]:
    """Every PDF password worth trying for what a person typed, most likely first.

    The printed form and the bare digits of the current layout, then the first layout's
    printed form (bundles written before the change). Nothing is raised: the opener reports a
    wrong passphrase when none opens the file.
    """
    try:
        digits = _digits_only(text)
    except PassphraseError:
        return [text] if text else []
    out = [text] if text else []
    if len(digits) == GROUPS * GROUP_LEN:
        out = [_layout(digits, GROUP_LEN), digits, *out]
        legacy = _layout(digits, _LEGACY_GROUP_LEN)
        if _checks_pass(legacy):
            out.append(legacy)
    return list(dict.fromkeys(out))


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
    return _layout(digits, GROUP_LEN)


def check(text: str) -> str:
    """Normalise and verify every group's check digit; return the canonical passphrase.

    The error names the first wrong group so staff can point at it on the card.
    """
    canonical = normalize(text)
    if not _checks_pass(canonical):
        legacy = _layout(canonical.replace(SEPARATOR, ""), _LEGACY_GROUP_LEN)
        if _checks_pass(legacy):
            return legacy  # a bundle from before the three-group layout
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
