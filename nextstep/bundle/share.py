"""Sharing a subset of a bundle with a named recipient (a lawyer, the CPAS), by consent.

The subset becomes a separate bundle with its own bundle id and its own one-time passphrase
(generated here, given to the person to pass on), so the recipient never learns the main
passphrase and sees only what the person chose. Pages are copied unchanged from the verified
source, so their SHA-256 in the new manifest equal those in the source's. The recipient's name
goes only into the encrypted manifest and the audit entry's private (encrypted) part.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crypto import minisign
from crypto import passphrase as passphrases
from crypto.keys import KioskKey
from nextstep.bundle.build import AssemblyContext, Bundle, assemble, new_file_stem
from nextstep.bundle.manifest import DocumentMeta
from nextstep.bundle.render import RasterPage
from nextstep.bundle.update import carried_documents
from nextstep.bundle.verify import BundleError, BundleInfo, load, verify_open
from nextstep.model import CATEGORIES


class ShareError(BundleError):
    """The requested subset is empty or names unknown documents."""


@dataclass
class SharedBundle:
    bundle: Bundle
    passphrase: str  # one-time passphrase for this recipient only
    recipient: str
    source_bundle_id: str
    document_count: int
    categories: list[str]

    def audit_details(self) -> dict[str, Any]:
        """Non-personal fields for the audit log: a count only."""
        return {"documents": self.document_count}

    def audit_private(self) -> dict[str, Any]:
        """What describes the person (recipient, bundle ids, categories): encrypted in the log
        under their key, so erasure destroys it."""
        return {
            "recipient": self.recipient,
            "source_bundle": self.source_bundle_id,
            "shared_bundle": self.bundle.bundle_id,
            "categories": sorted(set(self.categories)),
        }


def share_subset(
    source: bytes | Path,
    *,
    passphrase: str,
    trusted_keys: Sequence[bytes | minisign.PublicKey],
    key: KioskKey,
    kiosk_id: str,
    recipient: str,
    categories: Iterable[str] = (),
    documents: Iterable[int] = (),
    created: dt.datetime | None = None,
    audit: Any = None,
    preface: Callable[[Sequence[DocumentMeta], str], Sequence[RasterPage]] | None = None,
) -> SharedBundle:
    """Export the chosen ``categories`` and/or ``documents`` (1-based, as D1, D2 on the cover).

    ``audit``, when given, is a :class:`nextstep.audit.log.AuditLog`; the share is recorded
    as a ``share`` event (consent purpose ``share_recipient``). ``preface``, when given, makes
    the recipient's cover page(s) from the chosen documents and the new file stem.
    """
    if not recipient.strip():
        raise ShareError(
            "A shared copy needs the recipient's name.",
            hint="Type who will receive it (person or service).",
        )
    wanted_cats = set(categories)
    unknown = wanted_cats - set(CATEGORIES)
    if unknown:
        raise ShareError(
            f"Unknown category {sorted(unknown)[0]!r}.",
            hint=f"Choose among: {', '.join(CATEGORIES)}.",
        )
    data, envelope = load(source)
    pdf, info = verify_open(
        data, passphrase=passphrase, trusted_keys=trusted_keys, envelope=envelope
    )
    all_docs = carried_documents(pdf, info)
    wanted_docs = set(documents)
    bad = [n for n in wanted_docs if not 1 <= n <= len(all_docs)]
    if bad:
        raise ShareError(
            f"There is no document D{bad[0]} in this bundle.",
            hint=f"Documents are numbered D1 to D{len(all_docs)} on the cover.",
        )
    chosen = [
        c
        for n, c in enumerate(all_docs, start=1)
        if n in wanted_docs or c.meta.category in wanted_cats
    ]
    if not chosen:
        raise ShareError(
            "Nothing to share: no document matches the choice.",
            hint="Choose at least one category or document.",
        )
    one_time = passphrases.generate()
    stem = new_file_stem()
    bundle = assemble(
        [],
        AssemblyContext(
            holder_id=info.manifest.holder_id,
            language=info.manifest.language,
            key=key,
            kiosk_id=kiosk_id,
            passphrase=one_time,
            created=created,
            carried=chosen,
            file_stem=stem,
            shared_from=info.manifest.bundle_id,
            recipient=recipient.strip(),
            preface=preface([c.meta for c in chosen], stem) if preface is not None else (),
        ),
    )
    pdf.close()
    result = SharedBundle(
        bundle,
        one_time,
        recipient.strip(),
        info.manifest.bundle_id,
        len(chosen),
        [c.meta.category for c in chosen],
    )
    if audit is not None:
        from nextstep.audit import events

        audit.append(
            events.SHARE,
            subject_holder_id=info.manifest.holder_id,
            details=result.audit_details(),
            private=result.audit_private(),
        )
    return result


def pages_in_source(shared: BundleInfo, source: BundleInfo) -> tuple[int, int]:
    """How many of the shared copy's document pages are in the source bundle byte for byte
    (same image and content SHA-256 in both signed manifests), and how many it has."""
    known = {(p.image_sha256, p.content_sha256) for d in source.manifest.documents for p in d.pages}
    pages = [p for d in shared.manifest.documents for p in d.pages]
    return sum((p.image_sha256, p.content_sha256) in known for p in pages), len(pages)
