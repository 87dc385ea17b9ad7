"""The bundle as real tools see it: qpdf, poppler, mupdf, minisign."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

from crypto import keys
from nextstep.bundle import images
from nextstep.bundle.manifest import MANIFEST_NAME, SIGNATURE_NAME, Envelope
from tests.bundle.bundle_samples import Built, require_tool


def decrypted(built: Built, tmp_path: Path) -> Path:
    qpdf = require_tool("qpdf")
    out = tmp_path / "clear.pdf"
    subprocess.run(
        [qpdf, f"--password={built.passphrase}", "--decrypt", str(built.paths.pdf), str(out)],
        check=True,
    )
    return out


def test_qpdf_reports_aes256_r6_with_metadata_encrypted(built: Built) -> None:
    qpdf = require_tool("qpdf")
    res = subprocess.run(
        [qpdf, "--show-encryption", f"--password={built.passphrase}", str(built.paths.pdf)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "R = 6" in res.stdout
    assert "AESv3" in res.stdout  # AES-256
    assert "stream encryption method: AESv3" in res.stdout
    with pikepdf.open(built.paths.pdf, password=built.passphrase) as pdf:
        assert pdf.encryption.R == 6 and pdf.encryption.bits == 256
        assert pdf.trailer.Encrypt.get("/EncryptMetadata", True) is True
    # the owner password is a different secret: the user password is not it
    res = subprocess.run(
        [qpdf, "--show-encryption", f"--password={built.passphrase}", str(built.paths.pdf)],
        capture_output=True,
        text=True,
    )
    assert "Supplied password is user password" in res.stdout
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(built.paths.pdf)


def test_decrypted_file_passes_qpdf_check_and_mutool(built: Built, tmp_path: Path) -> None:
    clear = decrypted(built, tmp_path)
    check = subprocess.run(
        [require_tool("qpdf"), "--check", str(clear)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No syntax or stream encoding errors" in check.stdout
    mutool = require_tool("mutool")
    info = subprocess.run([mutool, "info", str(clear)], capture_output=True, text=True)
    assert info.returncode == 0 and "Pages: 5" in info.stdout
    draw = subprocess.run(
        [mutool, "draw", "-q", "-F", "txt", "-o", "-", str(clear)], capture_output=True, text=True
    )
    assert draw.returncode == 0
    assert "Zorglubovic" in draw.stdout


def _page_text(clear: Path, page: int) -> str:
    return subprocess.run(
        [require_tool("pdftotext"), "-f", str(page), "-l", str(page), str(clear), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_pdftotext_finds_ocr_words_on_the_right_pages(built: Built, tmp_path: Path) -> None:
    clear = decrypted(built, tmp_path)
    # page 1 is the cover; then D1 (2 pages), D2 (1), D3 (1 photo page)
    expected = {2: "Zorglubovic", 3: "Quetzalcoatlus", 4: "Pamplemousse", 5: "Hippocampe"}
    for page, word in expected.items():
        text = _page_text(clear, page)
        assert word in text, (page, text)
        others = [w for p, w in expected.items() if p != page]
        assert not any(w in text for w in others)
    cover = _page_text(clear, 1)
    assert "Échéances" in cover and "Ornithorynque" in cover  # help section drawn


def test_text_layer_boxes_sit_on_the_printed_words(built: Built, tmp_path: Path) -> None:
    """pdftotext -bbox gives each word's box; it must match the drawn word's box."""
    clear = decrypted(built, tmp_path)
    html = subprocess.run(
        [require_tool("pdftotext"), "-bbox", "-f", "2", "-l", "2", str(clear), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    boxes = {
        m.group(5): tuple(float(m.group(i)) for i in range(1, 5))
        for m in re.finditer(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<', html
        )
    }
    doc = built.documents[0]
    word = next(w for w in doc.ocr[0].words if w.text == "Zorglubovic")
    scale = 72.0 / doc.pages[0].dpi
    x0, y0, x1, y1 = boxes["Zorglubovic"]
    assert abs(x0 - word.left * scale) < 2
    assert abs(x1 - (word.left + word.width) * scale) < 3
    # poppler puts the top at baseline - font size (our box top) and adds its own descent
    assert abs(y0 - word.top * scale) < 2
    assert (word.top + word.height) * scale <= y1 < (word.top + 1.5 * word.height) * scale


def test_outline_lists_every_document_and_page_labels(built: Built) -> None:
    with pikepdf.open(built.paths.pdf, password=built.passphrase) as pdf:
        with pdf.open_outline() as outline:
            titles = [(top.title, [c.title for c in top.children]) for top in outline.root]
        labels = [p.label for p in pdf.pages]
    children = [c for _, kids in titles for c in kids]
    assert len(children) == len(built.documents)
    assert any("Convocation CGRA" in c for c in children)
    assert any("Attestation mutuelle" in c for c in children)
    assert any("Asile" in t for t, _ in titles) and any("Logement" in t for t, _ in titles)
    assert labels == ["Couverture 1", "D1-1", "D1-2", "D2-1", "D3-1"]


def test_bitonal_pages_are_g4_and_photos_jpeg(built: Built) -> None:
    with pikepdf.open(built.paths.pdf, password=built.passphrase) as pdf:
        filters = [str(p.obj.Resources.XObject.Im0.Filter) for p in pdf.pages]
    assert filters[1:4] == ["/CCITTFaxDecode"] * 3
    assert filters[4] == "/DCTDecode"


def test_g4_round_trip_is_lossless(built: Built) -> None:
    """The G4 page decoded by qpdf equals the binarised page bit for bit."""
    import numpy as np

    page = built.documents[1].pages[0]
    expected = images._binarize(page.gray) > 127
    with pikepdf.open(built.paths.pdf, password=built.passphrase) as pdf:
        img = pikepdf.PdfImage(pdf.pages[3].obj.Resources.XObject.Im0).as_pil_image()
    got = np.asarray(img.convert("L")) > 127
    assert got.shape == expected.shape
    assert np.array_equal(got, expected)


def test_signed_manifest_inside_and_beside_verify_with_minisign(
    built: Built,
    kiosk_key,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    import hashlib

    from crypto import minisign

    tool = require_tool("minisign")
    pub = tmp_path / "kiosk.pub"
    pub.write_text(minisign.public_key_of(kiosk_key.private).to_file())
    # beside the PDF: the envelope, checked by minisign itself
    res = subprocess.run(
        [tool, "-V", "-p", str(pub), "-m", str(built.paths.manifest)],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stderr
    env = Envelope.from_bytes(built.paths.manifest.read_bytes())
    assert env.pdf_sha256 == hashlib.sha256(built.paths.pdf.read_bytes()).hexdigest()
    # inside: extract the attachments and check them with minisign too
    with pikepdf.open(built.paths.pdf, password=built.passphrase) as pdf:
        manifest = pdf.attachments[MANIFEST_NAME].get_file().read_bytes()
        sig = pdf.attachments[SIGNATURE_NAME].get_file().read_bytes()
    (tmp_path / "m.json").write_bytes(manifest)
    (tmp_path / "m.json.minisig").write_bytes(sig)
    res = subprocess.run(
        [tool, "-V", "-p", str(pub), "-m", str(tmp_path / "m.json")], capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr
    assert b'"category":"asylum"' in manifest and b'"holder_id":"H-7f3a9c2b81d04e6a5c"' in manifest
    changed = bytearray(manifest)
    changed[manifest.index(b"asylum")] = ord("b")
    (tmp_path / "m.json").write_bytes(bytes(changed))
    res = subprocess.run(
        [tool, "-V", "-p", str(pub), "-m", str(tmp_path / "m.json")], capture_output=True, text=True
    )
    assert res.returncode != 0


WORDS = [
    "Zorglubovic",
    "Quetzalcoatlus",
    "Pamplemousse",
    "Hippocampe",
    "Ornithorynque",
    "Convocation",
    "Attestation",
    "H-7f3a9c2b81d04e6a5c",
    "asylum",
    "housing",
    "health",
    "2612345",
    "26/12345",
    "Mes documents",
]


def test_no_clear_text_on_the_drive(built: Built) -> None:
    """Without the passphrase, no file on the drive holds OCR words, names or metadata."""
    files = sorted(p for p in built.drive.iterdir() if p.is_file())
    assert {p.suffix for p in files} >= {".pdf", ".json", ".minisig", ".age"}
    for path in files:
        raw = path.read_bytes()
        for word in WORDS[:-1]:
            for form in (word.encode(), word.encode("utf-16-be"), word.encode().hex().encode()):
                if word == "H-7f3a9c2b81d04e6a5c" and path.suffix in (".json",):
                    continue  # the random holder id is in the envelope by design (no name)
                assert form not in raw, (path.name, word)
        assert b"/Title" not in raw and b"dc:title" not in raw
        assert b"Mes documents" not in raw
        assert built.passphrase.encode() not in raw
        # file names reveal nothing: random stem only
        assert re.fullmatch(
            r"[a-z2-9]{12}(\.pdf|\.manifest\.json|\.manifest\.json\.minisig|\.recovery\.age)",
            path.name,
        )


def test_bundle_opens_in_memory_without_temp_files(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a build must not create files anywhere: watch a private temporary directory, so files
    # other processes put in the shared /tmp cannot confuse the verdict
    import tempfile

    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setenv("TMPDIR", str(private))
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    before = set(private.iterdir())
    from nextstep.bundle.build import build_bundle

    b = build_bundle(
        built.documents[:1],
        holder_id="h",
        language="fr",
        key=keys.generate(),
        kiosk_id="k",
        passphrase=built.passphrase,
    )
    assert set(private.iterdir()) == before
    assert io.BytesIO(b.pdf).read(5) == b"%PDF-"


def test_every_reader_takes_the_printed_form_and_the_bare_digits(built: Built) -> None:
    """poppler's CLI keeps 32 characters; qpdf, mupdf, poppler and pdfium take both forms.

    The printed form is the user password and the bare digits the owner password: graphical
    poppler readers try both, its command-line tools take the digits with ``-opw``.
    """
    import pypdfium2 as pdfium  # the reader of Chrome and Android

    printed = built.passphrase
    digits = printed.replace("-", "")
    assert len(printed) <= 32 and len(digits) <= 32
    pdf = str(built.paths.pdf)
    for form in (printed, digits):
        for cmd in (
            [require_tool("pdftotext"), "-upw" if form == printed else "-opw", form, pdf, "-"],
            [require_tool("pdfinfo"), "-upw", form, pdf] if form == printed else None,
            [require_tool("pdfinfo"), "-opw", form, pdf] if form == digits else None,
            [require_tool("qpdf"), f"--password={form}", "--check", pdf],
            [require_tool("mutool"), "info", "-p", form, pdf],
        ):
            if cmd is None:
                continue
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
            assert done.returncode == 0, (cmd[0], form, done.stderr)
        doc = pdfium.PdfDocument(pdf, password=form)
        assert len(doc) >= 2
        doc.close()
    wrong = subprocess.run(
        [require_tool("qpdf"), "--password=" + digits[::-1], "--check", pdf],
        capture_output=True,
        text=True,
    )
    assert wrong.returncode != 0
