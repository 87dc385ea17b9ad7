"""Who receives a shared copy: a service from the referral directory, or a person typed in.

Why a small model: the audit log's clear part may say only the *kind* of recipient (a
directory service or a typed person), while the name, in the person's own words, goes to the
encrypted part, the shared bundle's encrypted manifest and the person's receipt. The
directory entry also says which languages the service reads, for the recipient's cover.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from nextstep.errors import NextStepError
from nextstep.referral.directory import Directory

MAX_NAME = 120


class RecipientError(NextStepError):
    """The recipient is missing or not in the directory."""


class RecipientKind(enum.StrEnum):
    DIRECTORY = "directory"  # a service of the organisation's referral directory
    TYPED = "typed"  # a person or service typed by staff (a named lawyer)


@dataclass(frozen=True)
class Recipient:
    name: str  # as the person says it, or the directory's service name
    kind: RecipientKind
    service_id: str = ""
    languages: tuple[str, ...] = ()  # languages the recipient reads, French first

    @property
    def cover_languages(self) -> tuple[str, ...]:
        """French, plus the recipient's first other language the cover texts have."""
        from nextstep.sharing.texts import LANGUAGES

        extra = [lang for lang in self.languages if lang != "fr" and lang in LANGUAGES]
        return ("fr", *extra[:1])


def typed(name: str) -> Recipient:
    """A recipient typed by staff, e.g. "Maître Dupont, avocate"."""
    clean = " ".join(name.split())
    if not clean:
        raise RecipientError(
            "A shared copy needs the recipient's name.",
            hint="Type who will receive it (person or service), or choose a service.",
        )
    if len(clean) > MAX_NAME:
        raise RecipientError(
            f"The recipient's name is longer than {MAX_NAME} characters.",
            hint="Shorten it to the person's or service's name.",
        )
    return Recipient(clean, RecipientKind.TYPED)


def from_directory(directory: Directory, service_id: str, name: str = "") -> Recipient:
    """The directory's service ``service_id``; ``name`` (a named worker there) is optional."""
    try:
        service = directory.get(service_id)
    except NextStepError as exc:
        raise RecipientError(
            f"The referral directory has no service '{service_id}'.",
            hint="Choose a service listed by `nextstep referral list`, or type the recipient.",
        ) from exc
    shown = f"{' '.join(name.split())}, {service.name}" if name.strip() else service.name
    langs = tuple(dict.fromkeys(("fr", *service.languages)))
    return Recipient(shown[:MAX_NAME], RecipientKind.DIRECTORY, service.id, langs)
