"""The drive README comes from the translation catalogues: every language that translates all
of it, none that would only repeat French or English."""

from __future__ import annotations

from nextstep import i18n
from nextstep.drives import readme


def test_readme_has_the_complete_languages_and_arabic() -> None:
    text = readme.readme_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    for code in ("fr", "nl", "en", "de", "ar"):
        assert code in readme.languages()
        assert i18n.BY_CODE[code].native.upper() in text
        for paragraph in readme.PARAGRAPHS:
            assert i18n.tr(code, paragraph) in text
    assert "Tapez le mot de passe" in text and "كلمة المرور" in text


def test_a_language_lacking_a_sentence_is_left_out_not_filled_with_another() -> None:
    for code in ("ps", "ti"):  # drafts without these sentences yet
        assert not i18n.translated("documents", code, readme.PARAGRAPHS[0])
        assert code not in readme.languages()
    text = readme.readme_text()
    # each sentence appears once per language shown, never duplicated by a fallback
    assert text.count(i18n.tr("fr", readme.PARAGRAPHS[0])) == 1


def test_readme_bytes_are_utf8_bom_crlf() -> None:
    data = readme.readme_bytes()
    assert data.startswith("\ufeff".encode())
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
