"""Every status has one actionable sentence in each staff language."""

from __future__ import annotations

import pytest

from nextstep.drives.status import LANGUAGES, DriveError, DriveStatus, sentence
from nextstep.errors import NextStepError


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_distinct_sentence_per_status(lang: str) -> None:
    texts = [sentence(s, lang) for s in DriveStatus]
    assert len(set(texts)) == len(texts), "two statuses share a sentence"
    for status, text in zip(DriveStatus, texts, strict=True):
        assert text.endswith("."), (status, text)
        # one sentence: no full stop before the end (abbreviations are avoided on purpose)
        assert ". " not in text[:-1], (status, text)
        assert len(text) < 160, (status, text)


def test_languages_really_differ() -> None:
    for status in DriveStatus:
        assert len({sentence(status, lang) for lang in LANGUAGES}) == len(LANGUAGES), status


def test_unknown_language_falls_back_to_french() -> None:
    assert sentence(DriveStatus.FULL, "xx") == sentence(DriveStatus.FULL, "fr")
    assert DriveStatus.FULL.sentence("nl") == sentence(DriveStatus.FULL, "nl")


def test_success_and_failure() -> None:
    assert DriveStatus.VERIFIED.ok and DriveStatus.EJECTED.ok
    assert not DriveStatus.REMOVED.ok and not DriveStatus.VERIFY_FAILED.ok


def test_drive_error_is_a_nextstep_error_with_status() -> None:
    err = DriveError(DriveStatus.READ_ONLY, "ro=1", lang="de")
    assert isinstance(err, NextStepError)
    assert err.status is DriveStatus.READ_ONLY
    assert err.message == sentence(DriveStatus.READ_ONLY, "de")
    assert err.hint == "ro=1"
