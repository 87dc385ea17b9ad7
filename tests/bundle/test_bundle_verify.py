"""Each way a bundle can be wrong gets its own error and message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest

from crypto import keys
from crypto import passphrase as pp
from nextstep.bundle import verify as v
from tests.bundle.bundle_samples import Built


def copy_drive(built: Built, tmp_path: Path) -> Path:
    for p in built.paths.all():
        shutil.copy(p, tmp_path / p.name)
    return tmp_path / built.paths.pdf.name


def test_good_bundle_verifies_from_bytes_and_path(built: Built, kiosk_key: keys.KioskKey) -> None:
    info = v.verify_bundle(
        built.bundle.pdf, passphrase=built.passphrase, trusted_keys=[kiosk_key.public_bytes]
    )
    assert info.page_count == 5 and not info.envelope_checked
    assert [d.category for d in info.manifest.documents] == ["asylum", "housing", "health"]
    info = v.verify_bundle(
        built.paths.pdf,
        passphrase=built.passphrase.replace("-", " "),
        trusted_keys=[kiosk_key.public_bytes],
    )
    assert info.envelope_checked and info.encryption.startswith("aesv3 R6")


def test_each_error_has_its_own_message(
    built: Built, kiosk_key: keys.KioskKey, tmp_path: Path
) -> None:
    trusted = [kiosk_key.public_bytes]
    data = built.bundle.pdf
    seen: dict[type, str] = {}

    def expect(
        exc: type[v.BundleError],
        pdf: bytes | Path,
        phrase: str = built.passphrase,
        keys_: list[bytes] = trusted,
    ) -> None:
        with pytest.raises(exc) as err:
            v.verify_bundle(pdf, passphrase=phrase, trusted_keys=keys_)
        seen[exc] = err.value.message
        assert err.value.hint

    expect(v.WrongPassphraseError, data, phrase=pp.generate())
    expect(v.TruncatedBundleError, data[: len(data) * 2 // 3])
    expect(v.UnknownSigningKeyError, data, keys_=[keys.generate().public_bytes])
    # one flipped byte in the middle of the file (ciphertext of the photo page's image)
    middle = len(data) // 2
    flipped = data[:middle] + bytes([data[middle] ^ 0x40]) + data[middle + 1 :]
    expect(v.TamperedBundleError, flipped)
    # a PDF that is not a bundle: encrypted with the same passphrase, no manifest
    plain = pikepdf.new()
    plain.add_blank_page()
    other = tmp_path / "other.pdf"
    plain.save(other, encryption=pikepdf.Encryption(user=built.passphrase, owner="x", R=6))
    expect(v.NotABundleError, other)
    unencrypted = tmp_path / "plain.pdf"
    plain.save(unencrypted)
    expect(v.NotABundleError, unencrypted)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a pdf")
    expect(v.NotABundleError, tmp_path / "photo.jpg")
    assert len(set(seen.values())) == len(seen) == 5


def test_tampering_detected_with_envelope_anywhere_in_file(
    built: Built, kiosk_key: keys.KioskKey, tmp_path: Path
) -> None:
    path = copy_drive(built, tmp_path)
    data = path.read_bytes()
    for pos in (100, len(data) // 3, len(data) - 200):  # header area, body, xref/trailer area
        path.write_bytes(data[:pos] + bytes([data[pos] ^ 0x01]) + data[pos + 1 :])
        with pytest.raises((v.TamperedBundleError, v.TruncatedBundleError)):
            v.verify_bundle(
                path, passphrase=built.passphrase, trusted_keys=[kiosk_key.public_bytes]
            )
    path.write_bytes(data[:-10])
    with pytest.raises(v.TruncatedBundleError):
        v.verify_bundle(path, passphrase=built.passphrase, trusted_keys=[kiosk_key.public_bytes])


def test_envelope_only_check_needs_no_passphrase(
    built: Built, kiosk_key: keys.KioskKey, tmp_path: Path
) -> None:
    path = copy_drive(built, tmp_path)
    env = v.verify_envelope_only(path, trusted_keys=[kiosk_key.public_bytes])
    assert env.bundle_id == built.bundle.bundle_id
    with pytest.raises(v.UnknownSigningKeyError):
        v.verify_envelope_only(path, trusted_keys=[keys.generate().public_bytes])
    sig = path.with_name(path.name[:-4] + ".manifest.json.minisig")
    text = sig.read_bytes()
    sig.write_bytes(text.replace(b"version:1", b"version:9"))
    with pytest.raises(v.TamperedBundleError):
        v.verify_envelope_only(path, trusted_keys=[kiosk_key.public_bytes])


def test_changed_page_content_is_named(built: Built, kiosk_key: keys.KioskKey) -> None:
    """Re-encrypt a bundle after editing one page's text layer: the page is named."""
    import io

    with pikepdf.open(io.BytesIO(built.bundle.pdf), password=built.passphrase) as pdf:
        page = pdf.pages[2]
        page.obj.Contents.write(page.obj.Contents.read_bytes() + b"\nBT ET\n")
        out = io.BytesIO()
        pdf.save(out, encryption=pikepdf.Encryption(user=built.passphrase, owner="o", R=6))
    with pytest.raises(v.TamperedBundleError, match="page D1-2"):
        v.verify_bundle(
            out.getvalue(), passphrase=built.passphrase, trusted_keys=[kiosk_key.public_bytes]
        )


def test_a_redrawn_page_is_tampering_even_without_the_envelope(
    built: Built, kiosk_key: keys.KioskKey
) -> None:
    """Inverting a G4 image (/BlackIs1) or rotating a page leaves every pixel byte as it was;
    the frame hash in the signed manifest still catches it."""
    import io

    def resaved(change: object) -> bytes:
        with pikepdf.open(io.BytesIO(built.bundle.pdf), password=built.passphrase) as pdf:
            change(pdf)  # type: ignore[operator]
            out = io.BytesIO()
            pdf.save(out, encryption=pikepdf.Encryption(user=built.passphrase, owner="o", R=6))
            return out.getvalue()

    def invert(pdf: pikepdf.Pdf) -> None:
        for page in pdf.pages:
            image = page.obj.Resources.XObject.Im0
            if image.get("/Filter") == pikepdf.Name.CCITTFaxDecode:
                image.DecodeParms.BlackIs1 = not bool(image.DecodeParms.get("/BlackIs1", False))
                return
        raise AssertionError("no G4 page in the sample bundle")

    def rotate(pdf: pikepdf.Pdf) -> None:
        pdf.pages[-1].obj.Rotate = 180

    for change in (invert, rotate):
        with pytest.raises(v.TamperedBundleError, match="drawn"):
            v.verify_bundle(
                resaved(change), passphrase=built.passphrase, trusted_keys=[kiosk_key.public_bytes]
            )
