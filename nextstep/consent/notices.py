"""Versioned privacy notices per language, identified by the SHA-256 of their exact bytes.

Why hashed: a consent is only as good as the information given. Each consent records the
notice's language, version and hash, so an auditor can prove which words the person was shown
(the files are kept forever in the repository history; never edit a published version, add a
new one). The files live in this package (nextstep/consent/notices/, shipped as package data);
docs/gdpr/notices is a link to the same folder, so there is one source of truth.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib import resources

from nextstep.errors import NextStepError
from nextstep.i18n import RTL_LANGUAGES as RTL_LANGUAGES  # the one list, re-exported

DRAFT_MARK = "to be checked by a sworn translator"
COMPLETE_LANGUAGES = ("fr", "nl", "de", "en")
DRAFT_LANGUAGES = ("ar", "fa", "ps", "ti", "es", "tr", "sq")
_NAME = re.compile(r"^privacy-notice\.v(\d+)\.([a-z]{2,3})\.md$")


class NoticeError(NextStepError):
    """No notice exists for a language or version."""


@dataclass(frozen=True)
class Notice:
    language: str
    version: int
    text: str
    sha256: str

    @property
    def draft(self) -> bool:
        return DRAFT_MARK in self.text

    @property
    def file_name(self) -> str:
        return f"privacy-notice.v{self.version}.{self.language}.md"


def _catalogue() -> dict[tuple[str, int], str]:
    found: dict[tuple[str, int], str] = {}
    for item in resources.files("nextstep.consent").joinpath("notices").iterdir():
        m = _NAME.match(item.name)
        if m:
            found[(m.group(2), int(m.group(1)))] = item.name
    return found


def languages() -> list[str]:
    return sorted({lang for lang, _ in _catalogue()})


def load(language: str, version: int | None = None) -> Notice:
    """The notice in ``language`` (latest version unless ``version`` is given)."""
    cat = _catalogue()
    versions = sorted(v for lang, v in cat if lang == language)
    if not versions:
        raise NoticeError(
            f"There is no privacy notice in language {language!r}.",
            hint="Choose one of: " + ", ".join(languages()) + ".",
        )
    chosen = versions[-1] if version is None else version
    if chosen not in versions:
        raise NoticeError(f"There is no version {chosen} of the {language} privacy notice.")
    name = cat[(language, chosen)]
    data = resources.files("nextstep.consent").joinpath("notices", name).read_bytes()
    return Notice(language, chosen, data.decode("utf-8"), hashlib.sha256(data).hexdigest())


def find_by_hash(sha256: str) -> Notice | None:
    for lang, version in _catalogue():
        n = load(lang, version)
        if n.sha256 == sha256:
            return n
    return None
