"""Consent: explicit per-purpose answers, one-step withdrawal, hashed notices, receipts."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from crypto import keys
from nextstep import consent
from nextstep.audit import AuditLog, events
from nextstep.consent import notices

HOLDER = "hold-" + "q" * 24


def _log(tmp_path: Path) -> AuditLog:
    return AuditLog(tmp_path / "log.jsonl", keys.generate(), "k1", sync=False)


def test_every_purpose_needs_an_explicit_answer(tmp_path: Path) -> None:
    with _log(tmp_path) as log:
        with pytest.raises(consent.ConsentError, match="no pre-ticked"):
            consent.give(
                log, holder_id=HOLDER, staff="s", language="fr", choices={consent.DIGITIZE: True}
            )
        assert log.size == 0


def test_give_records_notice_hash_informed_way_and_dpv_terms(tmp_path: Path) -> None:
    with _log(tmp_path) as log:
        record = consent.give(
            log,
            holder_id=HOLDER,
            staff="anna",
            language="ar",
            informed="interpreter",
            interpreter_language="ps",
            choices={p: p in (consent.DIGITIZE, consent.KEYCARD) for p in consent.PURPOSE_IDS},
        )
        entry = list(log.entries())[-1]
        private = log.read_private(entry)
    notice = notices.load("ar")
    assert (
        record.notice_sha256
        == hashlib.sha256(
            (Path(consent.__file__).parent / "notices" / notice.file_name).read_bytes()
        ).hexdigest()
    )
    assert entry.event == events.CONSENT_GIVEN and entry.seq == record.audit_seq
    # Language, notice hash (which names the language) and interpreter describe the person:
    # only in the encrypted payload; the clear part has the answers and the notice version.
    assert entry.details["notice"] == {"version": 1} and "informed" not in entry.details
    assert b'"ar"' not in entry.line and notice.sha256.encode() not in entry.line
    assert private is not None
    assert private["notice"] == {
        "language": "ar",
        "version": 1,
        "sha256": notice.sha256,
        "draft": True,
    }
    assert private["informed"] == {
        "via": "interpreter",
        "language": "ps",
        "interpreter_language": "ps",
    }
    assert record.choices == {
        "digitize_store": True,
        "print_keycard": True,
        "recovery_escrow": False,
        "share_recipient": False,
    }
    dpv = record.as_dpv()
    statuses = {s["nextstep:purpose"]: s["dpv:hasStatus"] for s in dpv["dpv:hasConsentStatus"]}
    assert statuses["digitize_store"] == "dpv:ConsentGiven"
    assert statuses["share_recipient"] == "dpv:ConsentRefused"
    assert HOLDER not in entry.line.decode() and "anna" not in entry.line.decode()


def test_interpreter_needs_its_language(tmp_path: Path) -> None:
    with _log(tmp_path) as log, pytest.raises(consent.ConsentError, match="interpreter"):
        consent.give(
            log,
            holder_id=HOLDER,
            staff="s",
            language="fr",
            informed="interpreter",
            choices={p: True for p in consent.PURPOSE_IDS},
        )


def test_public_task_basis_never_covers_sharing_or_escrow(tmp_path: Path) -> None:
    with _log(tmp_path) as log:
        rec = consent.give(
            log,
            holder_id=HOLDER,
            staff="s",
            language="en",
            legal_basis="public_task",
            choices={p: True for p in consent.PURPOSE_IDS},
        )
    basis = {d.purpose: d.legal_basis for d in rec.decisions}
    assert basis == {
        "digitize_store": "public_task",
        "print_keycard": "public_task",
        "recovery_escrow": "consent",
        "share_recipient": "consent",
    }


def test_withdraw_is_one_call_and_logged(tmp_path: Path) -> None:
    with _log(tmp_path) as log:
        consent.give(
            log,
            holder_id=HOLDER,
            staff="s",
            language="fr",
            choices={p: True for p in consent.PURPOSE_IDS},
        )
        before = log.size
        w = consent.withdraw(log, holder_id=HOLDER, staff="s")
        assert log.size == before + 1
        e = list(log.entries())[-1]
    assert e.event == events.CONSENT_WITHDRAWN
    assert e.details["purposes"] == list(consent.PURPOSE_IDS)
    assert all(d.dpv_status == "dpv:ConsentWithdrawn" for d in w.decisions)


def test_notices_complete_and_drafts_marked() -> None:
    langs = notices.languages()
    for lang in notices.COMPLETE_LANGUAGES:
        n = notices.load(lang)
        assert not n.draft and len(n.text.split()) > 350, lang
        assert "9" in n.text and ("35" in n.text)  # Art. 9 and the DPA's address
    for lang in notices.DRAFT_LANGUAGES:
        assert lang in langs
        assert notices.load(lang).draft, lang
    assert notices.find_by_hash(notices.load("nl").sha256).language == "nl"
    docs = Path(__file__).resolve().parents[2] / "docs" / "gdpr" / "notices"
    assert (docs / "privacy-notice.v1.fr.md").read_bytes() == notices.load("fr").text.encode()
    with pytest.raises(notices.NoticeError):
        notices.load("xx")


def test_receipt_text_and_pdf(tmp_path: Path) -> None:
    with _log(tmp_path) as log:
        rec = consent.give(
            log,
            holder_id=HOLDER,
            staff="s",
            language="fr",
            choices={p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS},
        )
    text = consent.receipt_text(rec)
    assert "[OUI] Scanner mes papiers" in text and "[NON] Envoyer" in text
    assert rec.record_id in text and rec.notice_sha256 in text
    pdf = consent.receipt_pdf(rec)
    assert pdf.startswith(b"%PDF")
    if subprocess.run(["which", "pdftotext"], capture_output=True).returncode == 0:
        out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True).stdout
        assert "reçu de consentement".encode() in out and rec.record_id.encode() in out


def test_art30_record_in_docs_is_the_generated_one() -> None:
    from nextstep import config
    from nextstep.consent import art30

    doc = Path(__file__).resolve().parents[2] / "docs" / "gdpr" / "record-of-processing.md"
    assert doc.read_text(encoding="utf-8") == art30.render(config.Settings()), (
        "regenerate: python -m nextstep.consent.art30 > docs/gdpr/record-of-processing.md"
    )
    assert "Art. 9(2)(a)" in doc.read_text(encoding="utf-8")
