"""Receipt and letter wording: complete tables, one purpose wording, DPV 2.0 terms that exist."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from babel.messages.pofile import read_po

from crypto import keys
from nextstep import consent, i18n
from nextstep.audit import AuditLog
from nextstep.consent import ConsentRecord, notices, purposes, receipt_json, receipt_text, wording

HOLDER = "hold-" + "w" * 24
# Terms the data-protection review found wrong: pd: terms written as dpv:, and names that do
# not exist in DPV 2.0 at all.
WRONG = (
    "dpv:OfficialID",
    "dpv:HealthRecord",
    "dpv:Authenticating",
    "MaintainCredentialsForUserAccount",
    "SharingWithThirdParty",
    "RacialOrEthnicOrigin",
)


def _terms() -> set[str]:
    text = resources.files("nextstep.consent").joinpath("dpv-terms.txt").read_text("utf-8")
    assert "w3id.org/dpv" in text and "2.0" in text and "W3C" in text  # source, version, licence
    return {line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"}


def _record(tmp_path: Path, language: str = "fr", kind: str = "given") -> ConsentRecord:
    with AuditLog(tmp_path / "log.jsonl", keys.generate(), "k1", sync=False) as log:
        rec = consent.give(
            log,
            holder_id=HOLDER,
            staff="s",
            language=language,
            informed="interpreter" if notices.load(language).draft else "screen",
            interpreter_language=language if notices.load(language).draft else None,
            choices={p: p != consent.SHARE for p in consent.PURPOSE_IDS},
            contact="rue X 1, 4000 Liège, 04 000 00 00",
        )
        if kind == "withdrawn":
            rec = consent.withdraw(log, holder_id=HOLDER, staff="s", language=language)
    return rec


def test_every_complete_language_has_every_sentence() -> None:
    assert set(wording.COMPLETE) == {"fr", "nl", "de", "en", "ar"}
    for lang in ("fr", "nl", "de", "ar"):  # en is the msgid itself
        with i18n.catalogue_path("documents", lang).open("rb") as fh:
            catalogue = {m.id: m.string for m in read_po(fh) if m.id}
        for key, msgid in wording.MSGIDS.items():
            assert catalogue.get(msgid), (lang, key)
            assert wording.t(key, lang).strip(), (lang, key)
    for lang in notices.DRAFT_LANGUAGES:
        if lang not in wording.COMPLETE:
            assert wording.both(lang) == ("fr",)  # French, read with the interpreter


def test_french_receipt_has_accents_contact_and_no_english_jargon(tmp_path: Path) -> None:
    text = receipt_text(_record(tmp_path))
    for english in ("Subject pseudonym", "Controller", "on_screen", "basis:", "consent_given"):
        assert english not in text
    assert "Responsable du traitement" in text and "rue X 1, 4000 Liège" in text
    assert "étape" in text and "reçu" in text  # accents kept
    for p in purposes.PURPOSES:  # the recorded wording is the purposes table's
        assert purposes.title(p, "fr")[:40] in text.replace("\n        ", " ")


def test_arabic_receipt_is_in_arabic_then_french(tmp_path: Path) -> None:
    text = receipt_text(_record(tmp_path, "ar"))
    assert text.index(wording.t("receipt_title", "ar")) < text.index(
        wording.t("receipt_title", "fr")
    )
    assert not re.search(r"\b(YES|NO|Your choices)\b", text)


def test_withdrawal_receipt_lists_only_withdrawn_purposes(tmp_path: Path) -> None:
    rec = _record(tmp_path, "nl", kind="withdrawn")
    text = receipt_text(rec, "nl", removed=[], not_given=[consent.SHARE])
    assert wording.t("withdrawal_title", "nl") in text
    assert wording.t("not_given", "nl") in text


def test_every_dpv_term_emitted_is_in_the_shipped_dpv_2_list(tmp_path: Path) -> None:
    terms = _terms()
    import json

    emitted = json.dumps(json.loads(receipt_json(_record(tmp_path))))
    used = set(re.findall(r'"((?:dpv|pd):[A-Za-z]+)"', emitted))
    used |= set(re.findall(r"(?:dpv|pd):[A-Za-z]+", emitted))
    for p in purposes.PURPOSES.values():
        for iri in (*p.dpv, *p.data):
            prefix = "pd" if iri.startswith(purposes.PD) else "dpv"
            used.add(f"{prefix}:{iri.rsplit('#', 1)[1]}")
    for b in purposes.BASES.values():
        used |= {"dpv:" + iri.rsplit("#", 1)[1] for iri in b.dpv}
    missing = sorted(used - terms)
    assert not missing, f"not in dpv-terms.txt: {missing}"
    for wrong in WRONG:
        assert wrong not in emitted and not any(wrong in t for t in used)
