"""A real NextStep bundle on a drive folder, built once, copied fresh for every test."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from crypto import keys
from crypto import passphrase as passphrases
from tests.conservation.conservation_helpers import SECRET_WORDS, DriveBundle, document


@pytest.fixture(scope="session")
def built_drive(tmp_path_factory: pytest.TempPathFactory) -> DriveBundle:
    from nextstep.bundle.build import build_bundle

    key = keys.generate()
    phrase = passphrases.generate()
    docs = [
        document(
            [
                "Décision de refus du statut de réfugié",
                f"Monsieur {SECRET_WORDS[0]}",
                "Recours possible dans les 30 jours",
            ],
            "asylum",
            [(dt.date(2026, 12, 20), "appeal")],
            photo=True,
        ),
        document(
            ["Arriérés de loyer rue des Guillemins", f"Résidence {SECRET_WORDS[1]}"],
            "housing",
            [(dt.date(2026, 12, 10), "payment")],
        ),
    ]
    bundle = build_bundle(
        docs,
        holder_id="H-cons01",
        language="fr",
        key=key,
        kiosk_id="kiosk-test",
        passphrase=phrase,
        created=dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC),
    )
    folder = tmp_path_factory.mktemp("drive-template")
    paths = bundle.write(folder)
    return DriveBundle(folder, paths.pdf, phrase, key.public_bytes, bundle.pdf)


@pytest.fixture
def drive(built_drive: DriveBundle, tmp_path: Path) -> DriveBundle:
    """A private copy of the drive folder with recovery data freshly created."""
    from nextstep.conservation import protect

    folder = tmp_path / "drive"
    shutil.copytree(built_drive.folder, folder)
    pdf = folder / built_drive.pdf.name
    protect(pdf)
    return DriveBundle(
        folder, pdf, built_drive.passphrase, built_drive.public_key, built_drive.original
    )
