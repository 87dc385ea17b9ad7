"""C2SP signed notes, checkpoints and cosignatures against published vectors."""

from __future__ import annotations

import hashlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from crypto import note

# golang.org/x/mod/sumdb/note, note_test.go and the package documentation.
PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
TEXT = (
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
)
PETER_SIG = (
    "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXg"
    "KvqfqdngotpRZb6KE6RyyBwJnAM=\n"
)
ENOCH_SIG = (
    "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG"
    "01oOTGwnWLox33WWd1RvMc+QQ=\n"
)
# c2sp.org/signed-note example.
FOO_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"
FOO_NOTE = (
    "This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YE"
    "q6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n"
)
SUMDB_VKEY = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8"
# transparency-dev/formats cosignature/v1 test key (type 0x04).
COSIG_VKEY = "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2"


def test_go_signer_reproduces_the_published_signature() -> None:
    signer = note.Signer.from_skey(PETER_SKEY)
    assert signer.verifier.vkey == PETER_VKEY
    assert signer.skey == PETER_SKEY
    assert note.sign_note(TEXT, signer) == TEXT + "\n" + PETER_SIG


def test_enoch_key_from_zero_seed_and_two_signatures() -> None:
    enoch = note.Signer("EnochRoot", Ed25519PrivateKey.from_private_bytes(bytes(32)))
    assert enoch.verifier.vkey == ENOCH_VKEY
    both = note.sign_note(TEXT, note.Signer.from_skey(PETER_SKEY), enoch)
    assert both == TEXT + "\n" + PETER_SIG + ENOCH_SIG
    n, good = note.open_note(both, [note.Verifier.from_vkey(ENOCH_VKEY)])
    assert [s.name for s in good] == ["EnochRoot"]
    assert n.text == TEXT


def test_published_verifier_keys_parse_and_round_trip() -> None:
    for vkey in (PETER_VKEY, ENOCH_VKEY, FOO_VKEY, SUMDB_VKEY, COSIG_VKEY):
        assert note.Verifier.from_vkey(vkey).vkey == vkey
    cosig = note.Verifier.from_vkey(COSIG_VKEY)
    assert cosig.alg == note.ALG_COSIGNATURE_V1
    assert cosig.id == hashlib.sha256(b"remora.n621.de\n\x04" + cosig.public).digest()[:4]


def test_c2sp_example_note_verifies() -> None:
    n, good = note.open_note(FOO_NOTE, [note.Verifier.from_vkey(FOO_VKEY)])
    assert n.text == "This is an example message.\n" and len(good) == 1


@pytest.mark.parametrize(
    "vkey",
    [
        "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
        "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3",
        "PeterNeumann+c74f20a3+!!!!",
    ],
)
def test_bad_verifier_keys_are_refused(vkey: str) -> None:
    with pytest.raises(note.NoteError):
        note.Verifier.from_vkey(vkey)


def test_tampered_note_or_wrong_key_is_refused() -> None:
    signed = TEXT + "\n" + PETER_SIG
    peter = note.Verifier.from_vkey(PETER_VKEY)
    with pytest.raises(note.NoteError, match="invalid"):
        note.open_note(signed.replace("cryptography", "cryptographY"), [peter])
    with pytest.raises(note.NoteError, match="not signed by any trusted key"):
        note.open_note(signed, [note.Verifier.from_vkey(ENOCH_VKEY)])
    with pytest.raises(note.NoteError):
        note.parse_note(TEXT)  # no signature block


def test_checkpoint_round_trip_and_cosignature() -> None:
    log = note.Signer("example.com/log", Ed25519PrivateKey.generate())
    cp = note.Checkpoint("example.com/log", 20852163, bytes(range(32)))
    text = note.sign_checkpoint(cp, log)
    assert text.startswith("example.com/log\n20852163\nAAECAwQF")
    got, _, _ = note.open_checkpoint(text, [log.verifier])
    assert got == cp
    witness = note.Signer("w.example/1", Ed25519PrivateKey.generate(), note.ALG_COSIGNATURE_V1)
    sig = note.cosign(cp.body, witness, 1_700_000_000)
    both = note.add_signatures(text, sig)
    _, _, good = note.open_checkpoint(both, [log.verifier, witness.verifier])
    assert {s.name for s in good} == {"example.com/log", "w.example/1"}
    assert note.cosignature_time(good[1]) == 1_700_000_000
    # A cosignature over another checkpoint body does not verify.
    other = note.Checkpoint("example.com/log", 20852164, bytes(range(32)))
    forged = note.add_signatures(note.sign_checkpoint(other, log), sig)
    with pytest.raises(note.NoteError, match="invalid"):
        note.open_checkpoint(forged, [log.verifier, witness.verifier])


def test_checkpoint_signed_by_another_key_is_refused() -> None:
    real = note.Signer("nextstep/audit/k", Ed25519PrivateKey.generate())
    fake = note.Signer("nextstep/audit/k", Ed25519PrivateKey.generate())
    text = note.sign_checkpoint(note.Checkpoint("nextstep/audit/k", 3, bytes(32)), fake)
    with pytest.raises(note.NoteError):
        note.open_checkpoint(text, [real.verifier])


# A real checkpoint of the transparency.dev staging CT log "arche2025h1", with its own Ed25519
# note signature and live witnesses' cosignature/v1 signatures (as published in a Python
# checkpoint library's tests). Verifies our Ed25519 and cosignature/v1 code against
# signatures made by other software.
ARCHE = (
    "arche2025h1.staging.ct.transparency.dev\n"
    "1432088532\n"
    "U7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=\n"
    "\n"
    "\u2014 arche2025h1.staging.ct.transparency.dev zTM8sQAAAZ5W0WdjBAMARjBEAiBjW5IQf9pvsYLfQFX6"
    "hoGREPMHbdQ3urbllzalApkptQIgIpwtEroeW2BXaHAI4kJXFbon5Ch9MNL5zRNZ55lvGt0=\n"
    "\u2014 arche2025h1.staging.ct.transparency.dev ui8GwCF1+kWqZrxGdhj4aX3gcw7XUlXQQabg/27lefw"
    "hUkzbC3NygNI75MdhL1bfTW9g8Ei59RA23oHP7Ry1k3ZFWwQ=\n"
    "\u2014 transparency.dev/DEV:witness-little-garden 2AQqhwAAAABqEiEgzgFIqqhbUoDwjMWE6UP8nd8/K"
    "YTzwZ2rhIgcqoXHAwVkjZr4AscylP3v7sEodkRAErumC2q44vdgJY096st5BQ==\n"
    "\u2014 witness1.smartit.nu/witness1 pIyCDwAAAABqEiEghIp82KWebrw7/oHQwlTAm3g2RKS4+eebl8eO0W"
    "H+/iEcxZ75W3u5hNI7TOQtmJbqmNWVuE0tgh0XwzdZsDsUAQ==\n"
    "\u2014 remora.n621.de 2net5wAAAABqEiEgPlfF3V06o0Y+fHM+J5J9s27wgxxcOVSpZ/2g/KSiXCg9DEZI+aVC"
    "IobWX9sXTynk5XeU/zZ0WBxtqB0DrAWfBw==\n"
    "\u2014 witness.stagemole.eu Z/euoAAAAABqEiEgw0i+7g2ENfDAWHmtRzCfKTHSDwYDJA2NmKeGi9Y8FtEyOUv"
    "Vr+AJmIY/2TUFucgKi7lI7cUiOvKFYe/TmN9DAg==\n"
)
ARCHE_VKEY = (
    "arche2025h1.staging.ct.transparency.dev+ba2f06c0+AU0vHmlGCS/PdN8b2OaGmKprLI8HKM+dJ472xgFYh15f"
)


def test_real_published_checkpoint_and_cosignature_verify() -> None:
    log = note.Verifier.from_vkey(ARCHE_VKEY)
    remora = note.Verifier.from_vkey(COSIG_VKEY)
    cp, _, good = note.open_checkpoint(ARCHE, [log, remora])
    assert cp.size == 1432088532
    assert {s.name for s in good} == {log.name, "remora.n621.de"}
    cosig = next(s for s in good if s.name == "remora.n621.de")
    assert note.cosignature_time(cosig) > 1_700_000_000
    # Changing the size breaks both the log's signature and the witness's.
    clobbered = ARCHE.replace("\n1432088532\n", "\n42\n")
    with pytest.raises(note.NoteError, match="invalid"):
        note.open_note(clobbered, [remora])
    with pytest.raises(note.NoteError, match="invalid"):
        note.open_note(clobbered, [log])
