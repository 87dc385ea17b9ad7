"""The organisation's directory of services, loaded from a versioned data file it can edit.

Why a plain TOML file: staff who are not programmers must be able to keep addresses and
opening hours right, with comments explaining each field, and see changes in version control.
The loader is strict (a typo in a category would silently hide a service) and says exactly
which entry and field are wrong.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from nextstep.errors import NextStepError
from nextstep.i18n import lang2
from nextstep.model import CATEGORIES, DEADLINE_KINDS

FORMAT = 1
SAMPLE_NAME = "liege-sample.toml"
ORG_FILE = Path("referral") / "directory.toml"  # inside the data directory
STALE_AFTER_DAYS = 365
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
VERIFIABLE = ("address", "opening_hours", "phone", "languages", "appointment", "name")


class ReferralError(NextStepError):
    """The directory file is missing or wrong."""


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    categories: tuple[str, ...]
    deadline_kinds: tuple[str, ...]
    address: str
    opening_hours: str
    phone: str
    languages: tuple[str, ...]
    appointment: bool
    help: Mapping[str, str]
    verified: bool = False
    to_verify: tuple[str, ...] = ()
    fallback: bool = False

    def help_text(self, language: str) -> str:
        """What the service does, in ``language``, else French (never English: drafts and
        missing languages show French, the language of the staff beside the person)."""
        for lang in (lang2(language), "fr"):
            if self.help.get(lang):
                return self.help[lang]
        return next(iter(self.help.values()), "")

    def unverified(self, field_name: str) -> bool:
        return not self.verified or field_name in self.to_verify


@dataclass(frozen=True)
class Directory:
    version: str
    region: str
    sample: bool
    notice: str
    services: tuple[Service, ...]
    updated: dt.date | None = None
    source: str = ""
    format: int = FORMAT
    extra: Mapping[str, Any] = field(default_factory=dict)

    def services_for(
        self, categories: Iterable[str], deadline_kinds: Iterable[str] = ()
    ) -> list[Service]:
        """Services helping with any of ``categories``, best first.

        A service must share a category: a deadline kind alone ("payment") says nothing about
        who can help. Among those, the ones able to act on the given deadline kinds come
        first, then the ones sharing more categories, then the file's order: the
        organisation puts first the services it wants proposed first. When nothing matches,
        the fallback services (the organisation's own desk) are returned.
        """
        cats = {c for c in categories if c}
        kinds = {k for k in deadline_kinds if k}
        scored: list[tuple[tuple[int, int, int], Service]] = []
        for order, service in enumerate(self.services):
            shared = cats.intersection(service.categories)
            if not shared:
                continue
            kind_hits = len(kinds.intersection(service.deadline_kinds))
            scored.append(((-kind_hits, -len(shared), order), service))
        scored.sort(key=lambda item: item[0])
        found = [s for _, s in scored]
        if not found:
            found = [s for s in self.services if s.fallback]
        return found

    def get(self, service_id: str) -> Service:
        for service in self.services:
            if service.id == service_id:
                return service
        raise ReferralError(f"The directory has no service '{service_id}'.")

    def stale(self, today: dt.date | None = None) -> bool:
        """True when nobody has updated the file for a year: addresses drift."""
        if self.updated is None:
            return True
        return ((today or dt.date.today()) - self.updated).days > STALE_AFTER_DAYS

    def to_check(self) -> list[str]:
        """Human-readable list of what the organisation still has to verify."""
        out: list[str] = []
        if self.sample:
            out.append("the whole file is marked as a sample ([directory] sample = true)")
        for s in self.services:
            if not s.verified:
                fields = ", ".join(s.to_verify) or "every field"
                out.append(f"{s.id}: not verified ({fields})")
            if not s.phone:
                out.append(f"{s.id}: phone number missing")
        return out


def _str(entry: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ReferralError(
            f"{where}: '{key}' must be a non-empty text.",
            hint="Fix this entry in the directory file.",
        )
    return value.strip()


def _list(
    entry: Mapping[str, Any], key: str, where: str, allowed: Iterable[str] | None
) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ReferralError(f'{where}: \'{key}\' must be a list of texts, like ["fr", "en"].')
    if allowed is not None:
        allowed_set = set(allowed)
        unknown = [v for v in value if v not in allowed_set]
        if unknown:
            raise ReferralError(
                f"{where}: unknown {key} {', '.join(unknown)}.",
                hint=f"Use only: {', '.join(sorted(allowed_set))}.",
            )
    return tuple(value)


def _service(entry: Any, index: int, seen: set[str]) -> Service:
    where = f"service #{index + 1}"
    if not isinstance(entry, dict):
        raise ReferralError(f"{where} is not a [[service]] table.")
    sid = _str(entry, "id", where)
    where = f"service '{sid}'"
    if not _ID.fullmatch(sid):
        raise ReferralError(f"{where}: the id may hold only lower-case letters, digits and '-'.")
    if sid in seen:
        raise ReferralError(f"{where} appears twice.", hint="Give each service its own id.")
    seen.add(sid)
    help_map = entry.get("help", {})
    if not isinstance(help_map, dict) or not help_map.get("fr"):
        raise ReferralError(
            f'{where}: [service.help] needs at least a French sentence (fr = "...").'
        )
    appointment = entry.get("appointment", False)
    if not isinstance(appointment, bool):
        raise ReferralError(f"{where}: 'appointment' must be true or false.")
    categories = _list(entry, "categories", where, CATEGORIES)
    if not categories:
        raise ReferralError(f"{where}: 'categories' is empty, so it would never be proposed.")
    return Service(
        id=sid,
        name=_str(entry, "name", where),
        categories=categories,
        deadline_kinds=_list(entry, "deadline_kinds", where, DEADLINE_KINDS),
        address=_str(entry, "address", where),
        opening_hours=_str(entry, "opening_hours", where, required=False),
        phone=_str(entry, "phone", where, required=False),
        languages=_list(entry, "languages", where, None),
        appointment=appointment,
        help={str(k): str(v) for k, v in help_map.items()},
        verified=bool(entry.get("verified", False)),
        to_verify=_list(entry, "to_verify", where, VERIFIABLE),
        fallback=bool(entry.get("fallback", False)),
    )


def parse_directory(data: Mapping[str, Any], source: str = "") -> Directory:
    head = data.get("directory")
    if not isinstance(head, dict):
        raise ReferralError(f"{source or 'The directory'} has no [directory] table.")
    fmt = head.get("format")
    if fmt != FORMAT:
        raise ReferralError(
            f"The directory file format {fmt!r} is not supported (expected {FORMAT}).",
            hint="Start again from the sample shipped with NextStep.",
        )
    version = _str(head, "version", "[directory]")
    updated = head.get("updated")
    if isinstance(updated, str):
        try:
            updated = dt.date.fromisoformat(updated)
        except ValueError as exc:
            raise ReferralError("[directory]: 'updated' must be a date like 2026-11-27.") from exc
    if updated is not None and not isinstance(updated, dt.date):
        raise ReferralError("[directory]: 'updated' must be a date like 2026-11-27.")
    entries = data.get("service", [])
    if not isinstance(entries, list) or not entries:
        raise ReferralError("The directory lists no [[service]].")
    seen: set[str] = set()
    services = tuple(_service(e, i, seen) for i, e in enumerate(entries))
    return Directory(
        version=version,
        region=str(head.get("region", "")),
        sample=bool(head.get("sample", False)),
        notice=str(head.get("notice", "")),
        services=services,
        updated=updated,
        source=source,
        format=FORMAT,
        extra={k: v for k, v in head.items() if k not in {"format", "version", "updated"}},
    )


def sample_path() -> Path:
    return Path(str(resources.files("nextstep.referral") / "data" / SAMPLE_NAME))


def default_path(data_dir: Path | None = None) -> Path:
    """The organisation's edited copy in the data directory, else the shipped sample."""
    if data_dir is None:
        from nextstep import config

        data_dir = config.load().data_dir
    own = data_dir / ORG_FILE
    return own if own.is_file() else sample_path()


def load_directory(path: Path | None = None, *, data_dir: Path | None = None) -> Directory:
    """Load and validate a directory file (TOML, or JSON with the same structure)."""
    path = Path(path) if path is not None else default_path(data_dir)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReferralError(
            f"The referral directory {path} cannot be read.",
            hint="Check the path; NextStep ships a sample you can copy and edit.",
        ) from exc
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise ReferralError(
            f"The referral directory {path.name} has a syntax error: {exc}.",
            hint="Fix the line shown; keep quotes around texts.",
        ) from exc
    return parse_directory(data, source=str(path))
