"""File names every FAT32/exFAT drive accepts, checked before anything is written.

A person may copy the bundle to any computer; a name Windows refuses would make the bundle
look lost. So the rules of the strictest common filesystem apply to every target.
"""

from __future__ import annotations

FORBIDDEN_CHARS = frozenset('"*/:<>?\\|')
RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{i}" for i in range(1, 10)}
    | {f"LPT{i}" for i in range(1, 10)}
)
MAX_UTF16_UNITS = 255
# Prefixes NextStep owns on the drive; a bundle file may not use them.
TEMP_PREFIX = ".nextstep-tmp-"
BACKUP_PREFIX = ".nextstep-prev-"


def name_problem(relpath: str) -> str | None:
    """Why ``relpath`` (components separated by "/") cannot go on a FAT/exFAT drive, or None."""
    if not relpath or relpath.startswith("/"):
        return "the name is empty or absolute"
    parts = relpath.split("/")
    if len(parts) > 2:
        return "at most one folder level is allowed"
    for part in parts:
        if part in {"", ".", ".."}:
            return "empty, '.' or '..' component"
        if part.startswith((TEMP_PREFIX, BACKUP_PREFIX)):
            return "the name uses a prefix reserved by NextStep"
        if any(c in FORBIDDEN_CHARS or ord(c) < 0x20 or ord(c) == 0x7F for c in part):
            return "it contains a character FAT/exFAT refuse"
        if part.endswith((" ", ".")):
            return "it ends with a space or a dot"
        if part.split(".")[0].upper().rstrip() in RESERVED:
            return "it is a reserved device name on Windows"
        # The backup name must also fit, so leave room for the prefix.
        if len((BACKUP_PREFIX + part).encode("utf-16-le")) // 2 > MAX_UTF16_UNITS:
            return "it is too long"
    return None
