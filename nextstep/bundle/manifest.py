"""The bundle's signed manifests.

Two documents, both signed in the minisign format with the kiosk's key:

* the **manifest** (inside the encrypted PDF, as an attachment): bundle id, holder id (random,
  never a name), version, kiosk id, creation time, and per document its category, dates,
  deadlines, references and, per page, the SHA-256 of the page image and of the page's content
  stream (so any change to what a reader shows is detected). It also lets a return visit
  rebuild the cover page without re-reading the images.
* the **envelope** (beside the PDF on the drive, ``<stem>.manifest.json`` + ``.minisig``): only
  non-personal fields plus the SHA-256 and size of the encrypted PDF and of the manifest.
  Anyone can check it with ``minisign -Vm <stem>.manifest.json -p org.pub`` and ``sha256sum``
  *without* the passphrase, and it reveals nothing of the documents (no category, no date
  other than the visit's).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from nextstep.errors import NextStepError
from nextstep.model import CATEGORIES, Deadline, Document, Reference

MANIFEST_FORMAT = "nextstep-bundle-manifest"
ENVELOPE_FORMAT = "nextstep-bundle-envelope"
FORMAT_VERSION = 1
MANIFEST_NAME = "nextstep-manifest.json"
SIGNATURE_NAME = "nextstep-manifest.json.minisig"


class ManifestError(NextStepError):
    """A manifest cannot be parsed: the file is damaged or not from NextStep."""


def canonical_json(value: Any) -> bytes:
    """Stable bytes to sign: sorted keys, no insignificant whitespace, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class PageEntry:
    label: str
    image_sha256: str
    content_sha256: str
    image_kind: str
    # SHA-256 of how the page and its image are drawn (image dictionary: size, filter, decode
    # parameters, colour space; page boxes and rotation). None in manifests written before it.
    frame_sha256: str | None = None


@dataclass
class DocumentMeta:
    """What the kiosk understood of one document, without its pixels."""

    category: str
    title: str = ""
    document_date: dt.date | None = None
    issuer: str | None = None
    language: str = "und"
    deadlines: list[Deadline] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    page_count: int = 0
    added: str = ""  # ISO time of the visit that added it
    pages: list[PageEntry] = field(default_factory=list)

    @classmethod
    def from_document(cls, doc: Document) -> DocumentMeta:
        category = doc.classification.category
        return cls(
            category=category if category in CATEGORIES else "other",
            title=doc.title,
            document_date=doc.document_date,
            issuer=doc.issuer,
            language=doc.language,
            deadlines=list(doc.deadlines),
            references=list(doc.references),
            page_count=len(doc.pages),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "title": self.title,
            "document_date": self.document_date.isoformat() if self.document_date else None,
            "issuer": self.issuer,
            "language": self.language,
            "added": self.added,
            "deadlines": [
                {
                    "date": d.date.isoformat(),
                    "kind": d.kind,
                    "computed": d.computed,
                    "confirmed": d.confirmed,
                }
                for d in self.deadlines
            ],
            "references": [
                {"kind": r.kind, "value": r.value, "valid": r.valid} for r in self.references
            ],
            "pages": [p.__dict__ for p in self.pages],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocumentMeta:
        pages = [PageEntry(**p) for p in data["pages"]]
        return cls(
            category=data["category"],
            title=data.get("title", ""),
            document_date=dt.date.fromisoformat(data["document_date"])
            if data.get("document_date")
            else None,
            issuer=data.get("issuer"),
            language=data.get("language", "und"),
            added=data.get("added", ""),
            deadlines=[
                Deadline(
                    date=dt.date.fromisoformat(d["date"]),
                    kind=d["kind"],
                    text="",
                    computed=bool(d.get("computed")),
                    confirmed=bool(d.get("confirmed")),
                )
                for d in data.get("deadlines", [])
            ],
            references=[
                Reference(kind=r["kind"], value=r["value"], valid=r.get("valid"))
                for r in data.get("references", [])
            ],
            page_count=len(pages),
            pages=pages,
        )


@dataclass
class Manifest:
    bundle_id: str
    holder_id: str
    version: int
    kiosk_id: str
    created: str  # ISO 8601 with timezone
    language: str
    cover: list[PageEntry]
    documents: list[DocumentMeta]
    previous_manifest_sha256: str | None = None
    shared_from: str | None = None  # bundle id of the source, for a shared subset
    recipient: str | None = None  # named recipient of a shared subset (encrypted inside only)

    @property
    def page_count(self) -> int:
        return len(self.cover) + sum(len(d.pages) for d in self.documents)

    def to_bytes(self) -> bytes:
        return canonical_json(
            {
                "format": MANIFEST_FORMAT,
                "format_version": FORMAT_VERSION,
                "bundle_id": self.bundle_id,
                "holder_id": self.holder_id,
                "version": self.version,
                "kiosk_id": self.kiosk_id,
                "created": self.created,
                "language": self.language,
                "previous_manifest_sha256": self.previous_manifest_sha256,
                "shared_from": self.shared_from,
                "recipient": self.recipient,
                "cover": [p.__dict__ for p in self.cover],
                "documents": [d.to_json() for d in self.documents],
            }
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        try:
            obj = json.loads(data)
            if obj.get("format") != MANIFEST_FORMAT:
                raise ValueError("format")
            return cls(
                bundle_id=obj["bundle_id"],
                holder_id=obj["holder_id"],
                version=int(obj["version"]),
                kiosk_id=obj["kiosk_id"],
                created=obj["created"],
                language=obj["language"],
                previous_manifest_sha256=obj.get("previous_manifest_sha256"),
                shared_from=obj.get("shared_from"),
                recipient=obj.get("recipient"),
                cover=[PageEntry(**p) for p in obj["cover"]],
                documents=[DocumentMeta.from_json(d) for d in obj["documents"]],
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ManifestError("The bundle's manifest is unreadable.") from exc

    def trusted_comment(self) -> str:
        return (
            f"nextstep manifest bundle:{self.bundle_id} version:{self.version} "
            f"kiosk:{self.kiosk_id} created:{self.created}"
        )


@dataclass
class Envelope:
    bundle_id: str
    holder_id: str
    version: int
    kiosk_id: str
    created: str
    pdf_sha256: str
    pdf_size: int
    manifest_sha256: str

    def to_bytes(self) -> bytes:
        return (
            canonical_json(
                {"format": ENVELOPE_FORMAT, "format_version": FORMAT_VERSION, **self.__dict__}
            )
            + b"\n"
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> Envelope:
        try:
            obj = json.loads(data)
            if obj.pop("format", None) != ENVELOPE_FORMAT:
                raise ValueError("format")
            obj.pop("format_version", None)
            return cls(**obj)
        except (ValueError, KeyError, TypeError) as exc:
            raise ManifestError("The manifest beside the bundle is unreadable.") from exc

    def trusted_comment(self) -> str:
        return (
            f"nextstep bundle:{self.bundle_id} version:{self.version} kiosk:{self.kiosk_id} "
            f"created:{self.created} pdf-sha256:{self.pdf_sha256}"
        )
