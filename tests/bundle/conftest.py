"""Fixtures for bundle tests (helpers live in bundle_samples.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from crypto import keys
from crypto import passphrase as passphrases
from nextstep.model import Document
from tests.bundle.bundle_samples import Built, make_document


@pytest.fixture(scope="session")
def kiosk_key() -> keys.KioskKey:
    return keys.generate()


@pytest.fixture(scope="session")
def sample_documents() -> list[Document]:
    return [
        make_document(
            [
                [
                    "Commissariat général aux réfugiés",
                    "Convocation entretien Zorglubovic",
                    "Référence dossier 2612345",
                ],
                ["Deuxième page convocation", "Apportez passeport Quetzalcoatlus"],
            ],
            "asylum",
            title="Convocation CGRA",
            date=dt.date(2026, 11, 2),
            deadlines=[(dt.date(2026, 12, 15), "appointment")],
            references=[("cgra_file", "26/12345")],
        ),
        make_document(
            [["Contrat de bail résidence Pamplemousse", "Loyer mensuel 650 euros"]],
            "housing",
            title="Bail",
            date=dt.date(2026, 9, 1),
            deadlines=[(dt.date(2026, 12, 5), "payment"), (dt.date(2027, 1, 31), "response")],
        ),
        make_document(
            [["Mutualité attestation Hippocampe", "Photo du certificat"]],
            "health",
            title="Attestation mutuelle",
            photo=True,
        ),
    ]


@pytest.fixture(scope="session")
def built(
    sample_documents: list[Document],
    kiosk_key: keys.KioskKey,
    tmp_path_factory: pytest.TempPathFactory,
) -> Built:
    """One bundle written to a drive folder with its recovery file (built once per run)."""
    import pyrage

    from nextstep.bundle.build import build_bundle
    from nextstep.bundle.cover import HelpSection

    org = pyrage.x25519.Identity.generate()
    phrase = passphrases.generate()
    bundle = build_bundle(
        sample_documents,
        holder_id="H-7f3a9c2b81d04e6a5c",
        language="ar",
        key=kiosk_key,
        kiosk_id="kiosk-liege-1",
        passphrase=phrase,
        created=dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC),
        help_section=[HelpSection("Service Social Ornithorynque", ["Rue de la Loi 1, Liège"])],
    )
    drive = tmp_path_factory.mktemp("drive")
    paths = bundle.write(drive, recovery_recipient=str(org.to_public()))
    return Built(bundle, phrase, drive, paths, str(org), sample_documents)
