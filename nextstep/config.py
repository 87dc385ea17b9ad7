"""One typed settings object, loaded once.

Sources, later ones winning: built-in defaults (demo defaults when ``demo`` is set), the TOML
file (``$NEXTSTEP_CONFIG`` or ``/etc/nextstep/config.toml``), then ``NEXTSTEP_*`` environment
variables (``NEXTSTEP_DATA_DIR``, ``NEXTSTEP_STAFF_LANGUAGE``...). Production keeps keys and
the audit log in ``/var/lib/nextstep``; demo mode keeps them in ``./demo-data``.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path

from nextstep.errors import NextStepError

DEFAULT_CONFIG = Path("/etc/nextstep/config.toml")
PRODUCTION_DATA_DIR = Path("/var/lib/nextstep")
DEMO_DATA_DIR = Path("demo-data")
DEMO_DRIVE_DIR = Path("demo-drive")


class ConfigError(NextStepError):
    """The configuration file or an environment variable is wrong."""


@dataclass(frozen=True)
class Settings:
    """Everything an operator can set. Field names are the TOML keys and, upper-cased with a
    ``NEXTSTEP_`` prefix, the environment variables."""

    demo: bool = False
    data_dir: Path = PRODUCTION_DATA_DIR
    kiosk_name: str = "kiosk"
    staff_language: str = "fr"
    ocr_languages: tuple[str, ...] = ("fra", "nld", "deu", "eng")
    ocr_workers: int = 0  # 0 = one per CPU core
    scanner: str = "demo"  # "demo", "files", "sane", "sane:<device>", "camera", "camera:<index>"
    drive: str = ""  # empty = detect a USB drive; a folder or image path in demo/test mode
    drive_allow_loop: bool = False  # admit loop devices as drives (tests and demos only)
    recovery_recipient: str = ""  # the organisation's age X25519 public key (age1...)
    printer: str = ""  # CUPS queue for key cards; empty = save PDFs for printing
    legal_basis: str = "consent"  # "consent" (Art. 6(1)(a) + 9(2)(a)) or "public_task"
    inactivity_seconds: int = 300
    org_name: str = "Le Monde des Possibles"
    org_public_key: str = ""  # the organisation's minisign public key file, if it has one
    retention_years: int = 5  # subject keys and log entries older than this go (retention.md)
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def audit_dir(self) -> Path:
        return self.data_dir / "audit"

    @property
    def audit_log(self) -> Path:
        return self.audit_dir / "log.jsonl"

    @property
    def key_path(self) -> Path:
        return self.data_dir / "keys" / "kiosk.ed25519"

    @property
    def public_key_path(self) -> Path:
        return self.data_dir / "keys" / "kiosk.pub"

    @property
    def minisign_public_key_path(self) -> Path:
        """The kiosk's public key in minisign's own format: ``minisign -V -p`` loads it."""
        return self.data_dir / "keys" / "kiosk.minisign.pub"

    @property
    def org_public_key_copy(self) -> Path:
        """Where ``nextstep init`` copies the organisation's minisign key (when configured)."""
        return self.data_dir / "keys" / "nextstep-org.pub"


def _coerce(name: str, raw: object, annotation: object) -> object:
    """Turn a TOML or environment value into the field's declared type, or say which is wrong."""
    origin = typing.get_origin(annotation)
    try:
        if annotation is bool:
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(raw)
        if annotation is int:
            return int(str(raw))
        if annotation is Path:
            return Path(str(raw)).expanduser()
        if origin is tuple:
            items = raw if isinstance(raw, list | tuple) else str(raw).replace("+", ",").split(",")
            return tuple(str(i).strip() for i in items if str(i).strip())
        if origin is dict:
            if not isinstance(raw, dict):
                raise ValueError(raw)
            return {str(k): str(v) for k, v in raw.items()}
        if annotation is str:
            return str(raw)
    except ValueError as exc:
        raise ConfigError(
            f"The setting '{name}' has an invalid value {raw!r}.",
            hint="Fix it in the configuration file or the environment.",
        ) from exc
    if isinstance(annotation, types.UnionType):
        return raw
    return raw


def load(*, demo: bool | None = None, env: typing.Mapping[str, str] | None = None) -> Settings:
    """Build the settings from defaults, the TOML file and the environment."""
    env = os.environ if env is None else env
    hints = typing.get_type_hints(Settings)
    values: dict[str, object] = {}

    path_text = env.get("NEXTSTEP_CONFIG")
    path = Path(path_text) if path_text else DEFAULT_CONFIG
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(
                f"The configuration file {path} cannot be read: {exc}.",
                hint="Correct its TOML syntax.",
            ) from exc
        known = {f.name for f in dataclasses.fields(Settings)}
        for key, raw in data.items():
            if key not in known:
                raise ConfigError(f"Unknown setting '{key}' in {path}.", hint="Remove or fix it.")
            values[key] = _coerce(key, raw, hints[key])
    elif path_text:
        raise ConfigError(f"The configuration file {path} does not exist.")

    for f in dataclasses.fields(Settings):
        var = "NEXTSTEP_" + f.name.upper()
        if var in env and f.name != "extra":
            values[f.name] = _coerce(f.name, env[var], hints[f.name])

    if demo is not None:
        values["demo"] = demo
    if values.get("demo") and "data_dir" not in values:
        values["data_dir"] = DEMO_DATA_DIR.resolve()
    if values.get("demo") and "drive" not in values:
        values["drive"] = str(DEMO_DRIVE_DIR.resolve())
    if values.get("demo") and "drive_allow_loop" not in values:
        values["drive_allow_loop"] = True  # demos may use loop images; the UI says so
    settings = Settings(**values)  # type: ignore[arg-type]
    if settings.legal_basis not in {"consent", "public_task"}:
        raise ConfigError(
            f"legal_basis must be 'consent' or 'public_task', not {settings.legal_basis!r}."
        )
    return settings
