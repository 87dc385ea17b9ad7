"""Staff sign-in for the kiosk: PINs hashed with scrypt (memory-hard) and a lock-out.

WHY scrypt: a kiosk PIN has little entropy, so a stolen staff file must cost an attacker
memory as well as time per guess; scrypt from ``cryptography`` is vetted and needs no extra
dependency. The lock-out state is persisted next to the hashes so that restarting the kiosk
does not reset it. The file holds no personal data of the people served: only staff
pseudonyms (the short ids staff type), salts, hashes and failure counters.
"""

from __future__ import annotations

import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from nextstep.errors import NextStepError

MAX_FAILURES = 5
LOCK_SECONDS = 300
MIN_PIN_LENGTH = 4
# ~32 MiB and ~0.1 s per attempt on the kiosk's small CPU (RFC 7914 interactive parameters).
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
DEMO_STAFF = "demo"
DEMO_PIN = "1234"


class StaffError(NextStepError):
    """Sign-in refused: wrong PIN, unknown staff id, or locked out."""


class StaffLocked(StaffError):
    def __init__(self, seconds: int) -> None:
        super().__init__(
            "Too many wrong PINs: sign-in is locked.",
            hint=f"Wait {seconds} seconds, or ask a colleague to sign in.",
        )
        self.seconds = seconds


@dataclass(frozen=True)
class Attempt:
    ok: bool
    remaining: int  # attempts left before the lock-out


def _hash(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(pin.encode("utf-8"))


class StaffStore:
    """The kiosk's staff PIN file (``<data_dir>/staff.json``, mode 0600)."""

    def __init__(self, path: Path, *, n: int = SCRYPT_N, clock: object = time.time) -> None:
        self.path = path
        self.n = n
        self._clock = clock
        self._data: dict[str, dict[str, dict[str, object]]] = {"staff": {}, "failures": {}}
        if path.exists():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
                self._data = {"staff": dict(loaded["staff"]), "failures": dict(loaded["failures"])}
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise StaffError(
                    f"The staff file {path} cannot be read.",
                    hint="Restore it from backup or enroll staff again with `nextstep kiosk "
                    "--enroll`.",
                ) from exc

    def _now(self) -> float:
        return float(self._clock())  # type: ignore[operator]

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(self._data, fh, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    @property
    def names(self) -> list[str]:
        return sorted(self._data["staff"])

    def enroll(self, name: str, pin: str) -> None:
        name = name.strip()
        if not name or len(pin) < MIN_PIN_LENGTH:
            raise StaffError(
                "A staff id and a PIN of at least 4 characters are needed.",
                hint="Choose a longer PIN.",
            )
        salt = secrets.token_bytes(16)
        self._data["staff"][name] = {
            "salt": salt.hex(),
            "hash": _hash(pin, salt, self.n, SCRYPT_R, SCRYPT_P).hex(),
            "n": self.n,
            "r": SCRYPT_R,
            "p": SCRYPT_P,
        }
        self._data["failures"].pop(name, None)
        self._save()

    def locked_for(self, name: str) -> int:
        """Seconds until ``name`` may try again (0 when not locked)."""
        entry = self._data["failures"].get(name.strip(), {})
        until = float(entry.get("until", 0.0))  # type: ignore[arg-type]
        return max(0, int(round(until - self._now())))

    def verify(self, name: str, pin: str) -> Attempt:
        """Check a PIN; raises :class:`StaffLocked` while locked. Unknown ids cost the same."""
        name = name.strip()
        wait = self.locked_for(name)
        if wait:
            raise StaffLocked(wait)
        record = self._data["staff"].get(name)
        if record is None:
            _hash(pin, b"\0" * 16, self.n, SCRYPT_R, SCRYPT_P)  # same cost as a real check
            ok = False
        else:
            salt = bytes.fromhex(str(record["salt"]))
            got = _hash(pin, salt, int(record["n"]), int(record["r"]), int(record["p"]))  # type: ignore[call-overload]
            ok = hmac.compare_digest(got, bytes.fromhex(str(record["hash"])))
        failures = self._data["failures"]
        if ok:
            if name in failures:
                failures.pop(name)
                self._save()
            return Attempt(True, MAX_FAILURES)
        entry = failures.setdefault(name, {"count": 0, "until": 0.0})
        entry["count"] = int(entry["count"]) + 1  # type: ignore[call-overload]
        count = int(entry["count"])  # type: ignore[call-overload]
        if count >= MAX_FAILURES:
            entry["until"] = self._now() + LOCK_SECONDS
            entry["count"] = 0
            self._save()
            raise StaffLocked(LOCK_SECONDS)
        self._save()
        return Attempt(False, MAX_FAILURES - count)


def open_store(data_dir: Path, *, demo: bool, n: int = SCRYPT_N) -> StaffStore:
    """The kiosk's staff store; in demo mode a ``demo`` staff with PIN 1234 exists."""
    store = StaffStore(data_dir / "staff.json", n=n)
    if demo and DEMO_STAFF not in store.names:
        store.enroll(DEMO_STAFF, DEMO_PIN)
    return store
